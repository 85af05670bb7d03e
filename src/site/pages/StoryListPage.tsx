import { type ComponentChildren, Fragment } from 'preact';
import type { ArticleSummary } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { type FeedLink, Layout, type PageChrome } from '../components/Layout.js';
import { Pagination } from '../components/Pagination.js';
import { StoryList } from '../components/StoryList.js';

/** A section's, tag's, author's or day's stories, newest first, a page at a time. */
export function StoryListPage(props: {
  readonly chrome: PageChrome;
  readonly heading: string;
  readonly description: string;
  readonly canonicalPath: string;
  /** The section's own path, to mark it in the navigation. */
  readonly navPath?: string;
  readonly stories: readonly ArticleSummary[];
  /** Featured pictures by story id, drawn as thumbnails. */
  readonly pictures?: ReadonlyMap<number, StoryPicture>;
  readonly page: number;
  readonly pageCount: number;
  readonly prevPath?: string;
  readonly nextPath?: string;
  /** Feeds of these stories: announced in the head and offered under the heading. */
  readonly feeds?: readonly FeedLink[];
  /** What the page says under its heading (an author's role). */
  readonly intro?: ComponentChildren;
  /** What follows the list (the archive's links to neighbouring days). */
  readonly outro?: ComponentChildren;
  /** Said when there is nothing to list; "No stories yet." by default. */
  readonly emptyText?: string;
}) {
  const title = props.page > 1 ? `${props.heading} – page ${props.page}` : props.heading;
  const links = {
    ...(props.prevPath !== undefined ? { prevPath: props.prevPath } : {}),
    ...(props.nextPath !== undefined ? { nextPath: props.nextPath } : {}),
  };
  return (
    <Layout
      chrome={props.chrome}
      {...(props.navPath !== undefined ? { currentPath: props.navPath } : {})}
      head={{
        title,
        description: props.description,
        canonicalPath: props.canonicalPath,
        ...links,
        ...(props.feeds !== undefined ? { feeds: props.feeds } : {}),
      }}
    >
      <h1>{props.heading}</h1>
      {props.intro}
      {props.feeds !== undefined ? <FeedOffer feeds={props.feeds} /> : null}
      {props.pageCount > 1 ? (
        <p class="story-meta">
          Page {props.page} of {props.pageCount}
        </p>
      ) : null}
      {props.stories.length === 0 ? (
        <p>{props.emptyText ?? 'No stories yet.'}</p>
      ) : (
        <StoryList
          stories={props.stories}
          sections={props.chrome.sections}
          {...(props.pictures !== undefined ? { pictures: props.pictures } : {})}
        />
      )}
      <Pagination label={`${props.heading} pages`} {...links} />
      {props.outro}
    </Layout>
  );
}

/** The feeds spelled out for readers, not only for feed readers that look in the head. */
function FeedOffer(props: { readonly feeds: readonly FeedLink[] }) {
  return (
    <p class="story-meta feed-offer">
      Follow these stories:{' '}
      {props.feeds.map((feed, index) => (
        <Fragment key={feed.href}>
          {index > 0 ? ' · ' : null}
          <a href={feed.href} type={feed.type}>
            {feed.format}
          </a>
        </Fragment>
      ))}
    </p>
  );
}
