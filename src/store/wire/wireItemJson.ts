import type { WireItem } from '../../news/wireItem.js';

/** A wire item as the inbox stores it: JSON with instants as ISO strings. */
export function wireItemToJson(item: WireItem): string {
  return JSON.stringify(item);
}

type StoredItem = Omit<WireItem, 'firstCreated' | 'versionCreated' | 'dateline'> & {
  readonly firstCreated: string | null;
  readonly versionCreated: string | null;
  readonly dateline: (Omit<NonNullable<WireItem['dateline']>, 'at'> & { readonly at: string | null }) | null;
};

/** Reads back what wireItemToJson wrote; the inbox wrote it, so its shape is trusted. */
export function wireItemFromJson(json: string): WireItem {
  const stored = JSON.parse(json) as StoredItem;
  const date = (text: string | null) => (text === null ? null : new Date(text));
  return {
    ...stored,
    firstCreated: date(stored.firstCreated),
    versionCreated: date(stored.versionCreated),
    dateline: stored.dateline === null ? null : { ...stored.dateline, at: date(stored.dateline.at) },
  };
}
