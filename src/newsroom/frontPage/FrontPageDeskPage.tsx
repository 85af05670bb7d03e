import { articleUrl } from '../../http/siteUrls.js';
import type { ArticleSummary } from '../../news/article.js';
import { FRONT_PAGE_SLOTS, type FrontPagePin, SLOT_LABELS } from '../../news/frontPage.js';
import type { Actor } from '../../news/roles.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';

/** The front page as readers see it now, slot by slot, and the form that pins stories to slots. */
export function FrontPageDeskPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly pins: readonly FrontPagePin[];
  /** What each slot shows now, pins and automatic order merged. */
  readonly arranged: readonly {
    readonly slot: string;
    readonly story: ArticleSummary | null;
    readonly pinned: boolean;
  }[];
  /** Stories an editor can pin: the newest published, and any pinned older one. */
  readonly candidates: readonly ArticleSummary[];
  readonly flash?: Flash;
}) {
  const pinnedTo = (slot: string) => props.pins.find((pin) => pin.slot === slot)?.articleId;
  return (
    <AdminLayout
      title="Front page"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/front-page"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        The lead story and four top stories open the home page. A slot left on “Automatic” takes the newest story not
        shown in another slot.
      </p>
      <h2>Now on the front page</h2>
      <ol>
        {props.arranged.map((entry) => (
          <li key={entry.slot}>
            {SLOT_LABELS[entry.slot as keyof typeof SLOT_LABELS] ?? entry.slot}:{' '}
            {entry.story === null ? (
              'empty'
            ) : (
              <>
                <a href={articleUrl(entry.story)}>{entry.story.headline}</a> ({entry.pinned ? 'pinned' : 'automatic'})
              </>
            )}
          </li>
        ))}
      </ol>
      <h2>Pin stories</h2>
      <form method="post" action="/admin/front-page" class="stacked">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {FRONT_PAGE_SLOTS.map((slot) => (
          <p key={slot}>
            <label for={`pin-${slot}`}>{SLOT_LABELS[slot]}</label>
            <select id={`pin-${slot}`} name={slot}>
              <option value="auto" selected={pinnedTo(slot) === undefined}>
                Automatic
              </option>
              {props.candidates.map((story) => (
                <option key={story.id} value={String(story.id)} selected={pinnedTo(slot) === story.id}>
                  {`${story.headline} (${formatPublished(story.publishedAt)})`}
                </option>
              ))}
            </select>
          </p>
        ))}
        <button type="submit">Save the front page</button>
      </form>
    </AdminLayout>
  );
}
