import { PRINT_URL, printUrl } from '../../http/siteUrls.js';
import type { ArticleSummary } from '../../news/article.js';
import type { PrintEdition } from '../../store/articles/newsStore.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { StoryList } from '../components/StoryList.js';

interface PrintPageGroup {
  readonly page: number;
  readonly stories: ArticleSummary[];
}

/** Consecutive runs of one page number; the store already orders by page. */
export function groupByPrintPage(articles: readonly ArticleSummary[]): PrintPageGroup[] {
  const groups: PrintPageGroup[] = [];
  for (const article of articles) {
    const page = article.printPage ?? 0;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.page === page) last.stories.push(article);
    else groups.push({ page, stories: [article] });
  }
  return groups;
}

export function PrintEditionPage(props: {
  readonly chrome: PageChrome;
  readonly edition: PrintEdition;
  /** `Jan 31, 2023`. */
  readonly dateLabel: string;
}) {
  const { edition } = props;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={PRINT_URL}
      head={{
        title: `Print Edition, ${props.dateLabel}`,
        description: `The stories that ran in the paper on ${props.dateLabel}, page by page.`,
        canonicalPath: printUrl(edition.date),
      }}
    >
      <h1>Print Edition: {props.dateLabel}</h1>
      {groupByPrintPage(edition.articles).map((group) => (
        <section key={group.page} aria-labelledby={`print-page-${group.page}`}>
          <h2 id={`print-page-${group.page}`}>
            Page {group.page}
            {edition.pageLabels?.[group.page] ? `: ${edition.pageLabels[group.page]}` : ''}
          </h2>
          <StoryList stories={group.stories} sections={props.chrome.sections} level={3} withSummary={false} />
        </section>
      ))}
      <nav class="pagination" aria-label="Other editions">
        {edition.previousDate !== null ? (
          <a rel="prev" href={printUrl(edition.previousDate)}>
            ← Previous day ({edition.previousDate})
          </a>
        ) : (
          <span />
        )}
        {edition.nextDate !== null ? (
          <a rel="next" href={printUrl(edition.nextDate)}>
            Next day ({edition.nextDate}) →
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

/**
 * `/print` before the newsroom has assembled any edition (a fresh site): the masthead links here from every
 * page, so it says so instead of answering "no page at this address".
 */
export function NoPrintEditionPage(props: { readonly chrome: PageChrome }) {
  return (
    <Layout
      chrome={props.chrome}
      currentPath={PRINT_URL}
      head={{
        title: 'Print Edition',
        description: 'The stories that ran in the paper, page by page, for each day.',
        canonicalPath: PRINT_URL,
      }}
    >
      <h1>Print Edition</h1>
      <p>No print edition has been assembled yet. Each day's edition appears here once its stories are placed.</p>
    </Layout>
  );
}
