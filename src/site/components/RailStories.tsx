import { articleUrl } from '../../http/siteUrls.js';
import type { ArticleSummary } from '../../news/article.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { storiesFragment } from './storiesFragment.js';

interface RailStoriesProps {
  readonly title: string;
  readonly headingId: string;
  readonly stories: readonly ArticleSummary[];
  /** Most read is a ranking: a numbered list. */
  readonly ranked?: boolean;
  /** Latest shows when each story appeared. */
  readonly withTime?: boolean;
  /** Where the whole list lives (a section page). */
  readonly moreHref?: string;
  /** The stories come from one of the site's shared reads: the box is drawn once per list (storiesFragment). */
  readonly sharedRead?: boolean;
}

/**
 * A short list of headlines in a rail box: latest, most read (numbered),
 * opinion or related stories. Nothing is drawn when there is nothing to list.
 */
export function RailStories(props: RailStoriesProps) {
  if (props.stories.length === 0) return null;
  if (props.sharedRead === true) {
    const part = `rail:${props.title}:${props.headingId}:${props.ranked === true}:${props.withTime === true}:${props.moreHref ?? ''}`;
    return (
      <section
        class="rail-box"
        aria-labelledby={props.headingId}
        dangerouslySetInnerHTML={{ __html: storiesFragment(props.stories, part, () => <RailList {...props} />) }}
      />
    );
  }
  return (
    <section class="rail-box" aria-labelledby={props.headingId}>
      <RailList {...props} />
    </section>
  );
}

function RailList(props: RailStoriesProps) {
  const List = props.ranked === true ? 'ol' : 'ul';
  return (
    <>
      <h2 id={props.headingId}>{props.moreHref ? <a href={props.moreHref}>{props.title}</a> : props.title}</h2>
      <List class={props.ranked === true ? 'rail-list rail-list--ranked' : 'rail-list'}>
        {props.stories.map((story) => (
          <li key={story.id}>
            <a href={articleUrl(story)}>{story.headline}</a>
            {props.withTime === true ? (
              <>
                {' '}
                <time class="story-meta" dateTime={story.publishedAt.toISOString()}>
                  {formatPublished(story.publishedAt)}
                </time>
              </>
            ) : null}
          </li>
        ))}
      </List>
    </>
  );
}
