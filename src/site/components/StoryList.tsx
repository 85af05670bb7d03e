import { articleUrl, authorUrl } from '../../http/siteUrls.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import { authorOf } from '../../news/author.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { bylineName } from './bylineName.js';
import { StoryPictureView } from './StoryPictureView.js';

/** A list of headlines with summary and credit; `level` keeps the heading outline right where it is used. */
export function StoryList(props: {
  readonly stories: readonly ArticleSummary[];
  readonly sections?: readonly Section[];
  readonly level?: 2 | 3;
  readonly withSummary?: boolean;
  /** Featured pictures by story id: a story that has one is listed with its thumbnail. */
  readonly pictures?: ReadonlyMap<number, StoryPicture>;
}) {
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <ul class="story-list">
      {props.stories.map((story) => {
        const picture = props.pictures?.get(story.id);
        return (
          <li key={story.id} class={picture !== undefined ? 'story-list__item--pictured' : undefined}>
            <div class="story-list__text">
              <Heading>
                <a href={articleUrl(story)}>{story.headline}</a>
              </Heading>
              {props.withSummary !== false ? <p>{story.summary}</p> : null}
              <StoryMeta story={story} {...(props.sections !== undefined ? { sections: props.sections } : {})} />
            </div>
            {picture !== undefined ? <StoryPictureView picture={picture} use="thumb" alt="" /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function StoryMeta(props: { readonly story: ArticleSummary; readonly sections?: readonly Section[] }) {
  const section = props.sections?.find((candidate) => candidate.slug === props.story.sectionSlug);
  return (
    <p class="story-meta">
      {section !== undefined ? `${section.name} · ` : ''}
      <a href={authorUrl(authorOf(props.story.byline).slug)}>{bylineName(props.story.byline)}</a> ·{' '}
      <time dateTime={props.story.publishedAt.toISOString()}>{formatPublished(props.story.publishedAt)}</time>
    </p>
  );
}
