import { articleUrl, sectionUrl } from '../../http/siteUrls.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { MarketsBox } from '../components/MarketsBox.js';
import { RailStories } from '../components/RailStories.js';
import { StoryList, StoryMeta } from '../components/StoryList.js';
import { PictureCaption, StoryPictureView } from '../components/StoryPictureView.js';
import { feedLinks } from '../feeds/feedLinks.js';

export interface SectionBlock {
  readonly section: Section;
  readonly stories: readonly ArticleSummary[];
}

/** What the front page shows, arranged already: pins and the automatic order merged (src/news/frontPage.ts). */
export interface FrontPageProps {
  readonly chrome: PageChrome;
  readonly lead: ArticleSummary | null;
  readonly top: readonly ArticleSummary[];
  readonly latest: readonly ArticleSummary[];
  readonly mostRead: readonly ArticleSummary[];
  readonly opinion: { readonly section: Section; readonly stories: readonly ArticleSummary[] } | null;
  readonly sectionBlocks: readonly SectionBlock[];
  readonly pictures: ReadonlyMap<number, StoryPicture>;
}

/** The front page: the lead with its picture, the secondary stories, a rail of markets, latest, most read and opinion. */
export function HomePage(props: FrontPageProps) {
  const { lead, pictures } = props;
  const sections = props.chrome.sections;
  const leadPicture = lead === null ? undefined : pictures.get(lead.id);
  return (
    <Layout
      chrome={props.chrome}
      currentPath="/"
      head={{
        title: 'Business news, markets and Pakistan',
        description: 'Latest business, markets and world news from Pakistan, with live PSX prices.',
        canonicalPath: '/',
        feeds: feedLinks({ kind: 'latest' }, 'Latest news'),
      }}
    >
      <h1 class="visually-hidden">Top stories</h1>
      <div class="front">
        <div class="front__main">
          {lead === null ? (
            <p>No stories have been published yet.</p>
          ) : (
            <article class="lead-story" aria-labelledby="lead-headline">
              {leadPicture !== undefined ? (
                <figure class="lead-story__figure">
                  <StoryPictureView picture={leadPicture} use="front-lead" eager />
                  <PictureCaption picture={leadPicture} />
                </figure>
              ) : null}
              <h2 id="lead-headline">
                <a href={articleUrl(lead)}>{lead.headline}</a>
              </h2>
              <p class="lead-story__summary">{lead.summary}</p>
              <StoryMeta story={lead} sections={sections} />
            </article>
          )}
          {props.top.length > 0 ? (
            <section class="top-stories" aria-label="More top stories">
              <StoryList stories={props.top} sections={sections} pictures={pictures} />
            </section>
          ) : null}
        </div>
        <aside class="front__rail" aria-label="Markets and more stories">
          <MarketsBox
            snapshot={props.chrome.snapshot}
            published={props.chrome.published ?? []}
            headingId="markets-box"
          />
          <RailStories title="Latest" headingId="latest" stories={props.latest} withTime />
          <RailStories title="Most read" headingId="most-read" stories={props.mostRead} ranked />
          {props.opinion !== null ? (
            <RailStories
              title={props.opinion.section.name}
              headingId="opinion"
              stories={props.opinion.stories}
              moreHref={sectionUrl(props.opinion.section.slug)}
            />
          ) : null}
        </aside>
      </div>
      <div class="home-grid">
        {props.sectionBlocks
          .filter((block) => block.stories.length > 0)
          .map((block) => (
            <section key={block.section.slug} aria-labelledby={`latest-${block.section.slug}`}>
              <h2 id={`latest-${block.section.slug}`}>
                <a href={sectionUrl(block.section.slug)}>{block.section.name}</a>
              </h2>
              <StoryList stories={block.stories} level={3} withSummary={false} />
            </section>
          ))}
      </div>
    </Layout>
  );
}
