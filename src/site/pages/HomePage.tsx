import { articleUrl, sectionUrl } from '../../http/siteUrls.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { StoryList, StoryMeta } from '../components/StoryList.js';
import { feedLinks } from '../feeds/feedLinks.js';

export interface SectionBlock {
  readonly section: Section;
  readonly stories: readonly ArticleSummary[];
}

export function HomePage(props: {
  readonly chrome: PageChrome;
  readonly topStories: readonly ArticleSummary[];
  readonly sectionBlocks: readonly SectionBlock[];
}) {
  const [lead, ...others] = props.topStories;
  const sections = props.chrome.sections;
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
      <h1>Top stories</h1>
      {lead === undefined ? (
        <p>No stories have been published yet.</p>
      ) : (
        <div class="lead-story">
          <h2>
            <a href={articleUrl(lead)}>{lead.headline}</a>
          </h2>
          <p>{lead.summary}</p>
          <StoryMeta story={lead} sections={sections} />
        </div>
      )}
      {others.length > 0 ? <StoryList stories={others} sections={sections} withSummary={false} /> : null}
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
