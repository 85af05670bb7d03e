import { articleUrl, printUrl } from '../../http/siteUrls.js';
import type { ArticleSummary } from '../../news/article.js';
import { PRINT_MAX_PAGE, type PrintPlan } from '../../news/printEdition.js';
import type { Actor } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';

export interface PrintDeskPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly plan: PrintPlan;
  /** Every story the plan names, by id. */
  readonly stories: ReadonlyMap<number, ArticleSummary>;
  /** The edition as readers see it without a plan (stories' own print pages), when the plan is empty. */
  readonly fallback: readonly ArticleSummary[];
  readonly search: string;
  readonly results: readonly ArticleSummary[];
  readonly previousDate: string;
  readonly nextDate: string;
  readonly flash?: Flash;
}

/** The print desk for one date: pages with their labels and stories in order, and a search to add stories. */
export function PrintDeskPage(props: PrintDeskPageProps) {
  const { plan } = props;
  const action = `/admin/print/${plan.date}/edit`;
  const hidden = (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
    </>
  );
  const nextPage = (plan.pages[plan.pages.length - 1]?.page ?? 0) + 1;
  return (
    <AdminLayout
      title={`Print edition ${plan.date}`}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/print"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        <a href={`/admin/print/${props.previousDate}`}>← {props.previousDate}</a> ·{' '}
        <a href={printUrl(plan.date)}>Readers' page</a> ·{' '}
        <a href={`/admin/print/${props.nextDate}`}>{props.nextDate} →</a>
      </p>
      {plan.pages.length === 0 ? (
        <section aria-labelledby="fallback-heading">
          <h2 id="fallback-heading">Not laid out yet</h2>
          <p>
            Readers see the stories of this day by their own print page ({props.fallback.length} stories). Start a
            layout from them, or add stories below.
          </p>
          {props.fallback.length > 0 ? (
            <form class="inline" method="post" action={`/admin/print/${plan.date}/seed`}>
              {hidden}
              <button type="submit">Start from the stories' print pages</button>
            </form>
          ) : null}
        </section>
      ) : (
        <form class="inline" method="post" action={`/admin/print/${plan.date}/clear`}>
          {hidden}
          <button type="submit">Discard this layout</button>
        </form>
      )}
      {plan.pages.map((page) => (
        <section key={page.page} aria-labelledby={`page-${page.page}`}>
          <h2 id={`page-${page.page}`}>
            Page {page.page}
            {page.label !== '' ? `: ${page.label}` : ''}
          </h2>
          <form class="inline" method="post" action={action}>
            {hidden}
            <input type="hidden" name="op" value="label" />
            <input type="hidden" name="page" value={String(page.page)} />
            <label for={`label-${page.page}`}>Section label of page {page.page}</label>{' '}
            <input id={`label-${page.page}`} name="label" value={page.label} maxLength={60} />{' '}
            <button type="submit">Save label</button>
          </form>
          {page.articleIds.length === 0 ? (
            <form class="inline" method="post" action={action}>
              {hidden}
              <input type="hidden" name="op" value="removePage" />
              <input type="hidden" name="page" value={String(page.page)} />
              <button type="submit">Remove empty page {page.page}</button>
            </form>
          ) : (
            <ol>
              {page.articleIds.map((id) => (
                <PlacedStory key={id} id={id} story={props.stories.get(id)} action={action} hidden={hidden} />
              ))}
            </ol>
          )}
        </section>
      ))}
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add stories</h2>
        <form method="get" action={`/admin/print/${plan.date}`}>
          <label for="print-search">Published headlines containing</label>{' '}
          <input id="print-search" name="q" value={props.search} maxLength={100} />{' '}
          <button type="submit">Search</button>
        </form>
        {props.results.length > 0 ? (
          <ul>
            {props.results.map((story) => (
              <li key={story.id}>
                <a href={articleUrl(story)}>{story.headline}</a> ({story.publishedAt.toISOString().slice(0, 10)}){' '}
                <form class="inline" method="post" action={action}>
                  {hidden}
                  <input type="hidden" name="op" value="add" />
                  <input type="hidden" name="articleId" value={String(story.id)} />
                  <input type="hidden" name="q" value={props.search} />
                  <label for={`add-${story.id}`}>Page</label>{' '}
                  <input
                    id={`add-${story.id}`}
                    name="page"
                    type="number"
                    min={1}
                    max={PRINT_MAX_PAGE}
                    value={String(Math.max(1, nextPage - 1))}
                  />{' '}
                  <button type="submit">
                    Add<span class="visually-hidden"> {story.headline}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : props.search !== '' ? (
          <p class="muted">No published headline contains “{props.search}”.</p>
        ) : null}
      </section>
    </AdminLayout>
  );
}

function PlacedStory(props: {
  readonly id: number;
  readonly story: ArticleSummary | undefined;
  readonly action: string;
  readonly hidden: preact.JSX.Element;
}) {
  const { id, story, action, hidden } = props;
  const name = story?.headline ?? `Story ${id} (no longer available)`;
  const button = (op: string, label: string) => (
    <form class="inline" method="post" action={action}>
      {hidden}
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="articleId" value={String(id)} />
      <button type="submit">
        {label}
        <span class="visually-hidden"> {name}</span>
      </button>
    </form>
  );
  return (
    <li>
      {story !== undefined ? <a href={articleUrl(story)}>{name}</a> : name} {button('up', 'Up')}{' '}
      {button('down', 'Down')} {button('remove', 'Remove')}{' '}
      <form class="inline" method="post" action={action}>
        {hidden}
        <input type="hidden" name="op" value="move" />
        <input type="hidden" name="articleId" value={String(id)} />
        <label for={`move-${id}`}>Move to page</label>{' '}
        <input id={`move-${id}`} name="page" type="number" min={1} max={PRINT_MAX_PAGE} required />{' '}
        <button type="submit">
          Move<span class="visually-hidden"> {name}</span>
        </button>
      </form>
    </li>
  );
}
