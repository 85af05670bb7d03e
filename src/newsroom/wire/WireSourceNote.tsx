import type { WireSource } from '../../store/wire/wireInboxStore.js';

/** On an article made from wire copy: where it came from, and a warning once the agency has moved on or killed it. */
export function WireSourceNote(props: { readonly source: WireSource }) {
  const { source } = props;
  const item = (
    <a href={`/admin/wire/${source.itemId}`}>
      From {source.agency} item {source.agencyId} version {source.version}
    </a>
  );
  if (source.killedAt !== null) {
    return (
      <p class="flash flash-error" data-wire-source="killed">
        {item}. <strong>The agency has killed this item</strong>: do not publish it as it stands.
      </p>
    );
  }
  if (source.currentVersion > source.version) {
    return (
      <p class="flash flash-error" data-wire-source="newer">
        {item}. <strong>The agency has a newer version</strong> ({source.currentVersion}): compare before publishing.
      </p>
    );
  }
  return (
    <p class="muted" data-wire-source="current">
      {item}.
    </p>
  );
}
