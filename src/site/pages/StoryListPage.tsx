import type { ArticleSummary } from '../../news/article.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { Pagination } from '../components/Pagination.js';
import { StoryList } from '../components/StoryList.js';

/** A section's or a tag's stories, newest first, a page at a time. */
export function StoryListPage(props: {
  readonly chrome: PageChrome;
  readonly heading: string;
  readonly description: string;
  readonly canonicalPath: string;
  /** The section's own path, to mark it in the navigation. */
  readonly navPath?: string;
  readonly stories: readonly ArticleSummary[];
  readonly page: number;
  readonly pageCount: number;
  readonly prevPath?: string;
  readonly nextPath?: string;
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
      head={{ title, description: props.description, canonicalPath: props.canonicalPath, ...links }}
    >
      <h1>{props.heading}</h1>
      {props.pageCount > 1 ? (
        <p class="story-meta">
          Page {props.page} of {props.pageCount}
        </p>
      ) : null}
      {props.stories.length === 0 ? (
        <p>No stories yet.</p>
      ) : (
        <StoryList stories={props.stories} sections={props.chrome.sections} />
      )}
      <Pagination label={`${props.heading} pages`} {...links} />
    </Layout>
  );
}
