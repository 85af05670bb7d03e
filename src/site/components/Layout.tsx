import type { ComponentChildren } from 'preact';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import type { Section } from '../../news/article.js';
import { formatMastheadDate } from '../../shared/pakistanTime.js';
import type { PublishedOfficial } from '../routes/publishedIndexFigures.js';
import { mastheadFragment } from './mastheadFragment.js';
import { pageTitle } from './pageTitle.js';
import { Ticker } from './Ticker.js';

/** What every page shows around its content: ticker, masthead, navigation. */
export interface PageChrome {
  readonly sections: readonly Section[];
  readonly snapshot: MarketSnapshot;
  /**
   * Indices only the exchange computes, at their latest official close (not
   * live): shown after the site's own in the ticker and the markets box.
   */
  readonly published?: readonly PublishedOfficial[];
  readonly now: Date;
  /** Origin for absolute canonical and og:url links; null keeps them relative. */
  readonly publicUrl?: string | null;
  readonly stylesheetUrl: string | null;
  readonly tickerScriptUrl: string | null;
  /** The shared worker that holds one market connection for all of a reader's tabs. */
  readonly feedWorkerUrl?: string | null;
  /** Loaded by pages that pass `charts` to the layout. */
  readonly chartScriptUrl?: string | null;
  /** The chart island imports this when a chart comes near the screen. */
  readonly chartDrawUrl?: string | null;
  /** The masthead's symbol autocomplete; the search form works without it. */
  readonly searchScriptUrl?: string | null;
  /** Loaded by pages that pass `converter` to the layout. */
  readonly converterScriptUrl?: string | null;
  /** Loaded by pages that pass `comments` to the layout. */
  readonly commentScriptUrl?: string | null;
}

export interface PageHead {
  /** Page title without the site name. */
  readonly title: string;
  readonly description: string;
  /** Path of the canonical URL; omitted for pages that should not be indexed as such (errors). */
  readonly canonicalPath?: string;
  readonly ogType?: 'website' | 'article';
  readonly prevPath?: string;
  readonly nextPath?: string;
  readonly noIndex?: boolean;
  /** Feeds of what the page lists, announced as rel=alternate for feed readers. */
  readonly feeds?: readonly FeedLink[];
}

/** A feed a page announces: its format's media type and name, a title naming it, and its path. */
export interface FeedLink {
  readonly type: string;
  /** "RSS", "Atom", "JSON Feed". */
  readonly format: string;
  readonly title: string;
  readonly href: string;
}

export const SITE_NAME = 'Broadsheet';
export const FAVICON_PATH = '/favicon.svg';

export function Layout(props: {
  readonly head: PageHead;
  readonly chrome: PageChrome;
  /** Path of the page, to mark the current navigation link. */
  readonly currentPath?: string;
  /** The page draws charts: load the chart island. */
  readonly charts?: boolean;
  /** The page has the currency converter: load its island. */
  readonly converter?: boolean;
  /** The page has the comment form: load its island. */
  readonly comments?: boolean;
  /** More of the head, after the Open Graph basics: an article's share tags and structured data. */
  readonly headExtra?: ComponentChildren;
  readonly children: ComponentChildren;
}) {
  const { head, chrome } = props;
  const fullTitle = pageTitle(head.title, SITE_NAME);
  const canonical =
    head.canonicalPath === undefined
      ? undefined
      : chrome.publicUrl
        ? new URL(head.canonicalPath, chrome.publicUrl).href
        : head.canonicalPath;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={head.description} />
        {head.noIndex ? <meta name="robots" content="noindex" /> : null}
        {canonical !== undefined ? <link rel="canonical" href={canonical} /> : null}
        {head.prevPath !== undefined ? <link rel="prev" href={head.prevPath} /> : null}
        {head.nextPath !== undefined ? <link rel="next" href={head.nextPath} /> : null}
        {head.feeds?.map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:type" content={head.ogType ?? 'website'} />
        {canonical !== undefined ? <meta property="og:url" content={canonical} /> : null}
        {props.headExtra}
        <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />
        {chrome.stylesheetUrl !== null ? <link rel="stylesheet" href={chrome.stylesheetUrl} /> : null}
        {/* Module scripts are deferred by nature; a `defer` attribute on one is invalid HTML. */}
        {chrome.tickerScriptUrl !== null ? <script type="module" src={chrome.tickerScriptUrl} /> : null}
        {chrome.searchScriptUrl ? <script type="module" src={chrome.searchScriptUrl} /> : null}
        {props.charts && chrome.chartScriptUrl ? (
          <script
            type="module"
            src={chrome.chartScriptUrl}
            {...(chrome.chartDrawUrl ? { 'data-chart-draw': chrome.chartDrawUrl } : {})}
          />
        ) : null}
        {props.converter && chrome.converterScriptUrl ? <script type="module" src={chrome.converterScriptUrl} /> : null}
        {props.comments && chrome.commentScriptUrl ? <script type="module" src={chrome.commentScriptUrl} /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <Ticker
            snapshot={chrome.snapshot}
            published={chrome.published ?? []}
            feedWorkerUrl={chrome.feedWorkerUrl ?? null}
          />
          <div
            class="page"
            // Alike on every page of a section and day: drawn once (mastheadFragment), not per page.
            dangerouslySetInnerHTML={{
              __html: mastheadFragment(chrome.sections, formatMastheadDate(chrome.now), props.currentPath),
            }}
          />
        </header>
        <main id="main" class="page" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            © {chrome.now.getUTCFullYear()} {SITE_NAME}. Market data is delayed and for information only.
          </p>
        </footer>
      </body>
    </html>
  );
}
