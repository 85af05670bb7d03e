import { type ComponentChildren, Fragment } from 'preact';
import { articleUrl, authorUrl, printUrl, sectionNavUrl, sectionUrl, stockUrl, tagUrl } from '../../http/siteUrls.js';
import { type Article, type ArticleSummary, allBylines } from '../../news/article.js';
import { authorOf } from '../../news/author.js';
import type { Comment } from '../../news/comment.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { formatPublished, karachiDateKey } from '../../shared/pakistanTime.js';
import { bylineName } from '../components/bylineName.js';
import { Layout, type PageChrome, SITE_NAME } from '../components/Layout.js';
import { MarketsBox } from '../components/MarketsBox.js';
import { RailStories } from '../components/RailStories.js';
import { PictureCaption, StoryPictureView } from '../components/StoryPictureView.js';
import { storiesFragment } from '../components/storiesFragment.js';
import { type ArticleShare, ArticleShareMeta } from '../sharing/ArticleShareMeta.js';
import { ShareLinks } from '../sharing/ShareLinks.js';
import { ArticleBody } from './ArticleBody.js';
import { type CommentFormState, CommentsSection } from './CommentsSection.js';
import { CorrectionNotes } from './CorrectionNotes.js';

export interface ArticlePageProps {
  readonly chrome: PageChrome;
  readonly article: Article;
  readonly related: readonly ArticleSummary[];
  /** The story's featured picture, drawn as its lead; null when it has none. */
  readonly picture?: StoryPicture | null;
  /** The desktop rail beside the story (under it on phones); absent in the newsroom's preview. */
  readonly rail?: { readonly mostRead: readonly ArticleSummary[]; readonly related: readonly ArticleSummary[] };
  readonly comments: readonly Comment[];
  readonly readMore: readonly ArticleSummary[];
  readonly pendingNotice: boolean;
  readonly form: CommentFormState | null;
  /** Shown above the article: the newsroom's preview marks itself with it. Readers never get one. */
  readonly banner?: ComponentChildren;
  /** Absolute URLs for sharing and structured data; without an origin (a preview) the page has neither. */
  readonly share?: ArticleShare | null;
  /** False on a preview of a story not on the site: readers cannot comment on it yet, so no form is shown. */
  readonly commentsOpen?: boolean;
}

export function ArticlePage(props: ArticlePageProps) {
  const { article } = props;
  const printDate = karachiDateKey(article.publishedAt);
  // A symbol tag (slug `ogdc`) and a symbol's first mention in the body lead to its stock page.
  const listedSymbols = new Set(props.chrome.snapshot.quotes.map((quote) => quote.symbol));
  return (
    <Layout
      chrome={props.chrome}
      currentPath={sectionNavUrl(article.section.slug)}
      head={{
        title: article.seoTitle ?? article.headline,
        description: article.seoDescription ?? article.summary,
        canonicalPath: articleUrl(article),
        ogType: 'article',
      }}
      comments
      headExtra={props.share ? <ArticleShareMeta article={article} share={props.share} siteName={SITE_NAME} /> : null}
    >
      {props.banner}
      <div class="article-layout">
        <div class="article-layout__main">
          <article class="article" aria-labelledby="headline">
            <p class="article__section">
              <a href={sectionUrl(article.section.slug)}>{article.section.name}</a>
            </p>
            <h1 id="headline">{article.headline}</h1>
            {article.summary !== '' ? <p class="standfirst">{article.summary}</p> : null}
            <p class="byline">
              {allBylines(article).map((byline, index, all) => (
                <Fragment key={index}>
                  {index === 0 ? null : index === all.length - 1 ? ' and ' : ', '}
                  <a class="byline__name" href={authorUrl(authorOf(byline).slug)}>
                    {bylineName(byline)}
                  </a>
                </Fragment>
              ))}{' '}
              Published <time dateTime={article.publishedAt.toISOString()}>{formatPublished(article.publishedAt)}</time>
              {article.updatedAt !== null ? (
                <>
                  {' · Updated '}
                  <time dateTime={article.updatedAt.toISOString()}>{formatPublished(article.updatedAt)}</time>
                </>
              ) : null}
            </p>
            {props.picture ? (
              <figure class="article__figure article__lead-figure">
                <StoryPictureView picture={props.picture} use="lead" eager />
                <PictureCaption picture={props.picture} />
              </figure>
            ) : null}
            <CorrectionNotes corrections={article.corrections} />
            {article.printPage !== null ? (
              <p class="print-label">
                <a href={printUrl(printDate)}>
                  Print {printDate}, page {article.printPage}
                </a>
              </p>
            ) : null}
            <ArticleBody
              body={article.body}
              dateline={article.dateline}
              related={props.related}
              listedSymbols={listedSymbols}
            />
            {article.tags.length > 0 ? (
              <nav class="tags" aria-label="Tags">
                <ul>
                  {article.tags.map((tag) => (
                    <li key={tag.slug}>
                      <a
                        href={
                          listedSymbols.has(tag.slug.toUpperCase())
                            ? stockUrl(tag.slug.toUpperCase())
                            : tagUrl(tag.slug)
                        }
                        rel="tag"
                      >
                        {tag.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {props.share ? (
              <ShareLinks url={new URL(articleUrl(article), props.share.origin).href} headline={article.headline} />
            ) : null}
          </article>
          <CommentsSection
            articleId={article.id}
            articlePath={articleUrl(article)}
            comments={props.comments}
            pendingNotice={props.pendingNotice}
            form={props.form}
            open={props.commentsOpen ?? true}
          />
          {props.readMore.length > 0 ? (
            <section
              class="read-more"
              aria-labelledby="read-more-heading"
              // Alike on nearly every page (one shared read of the newest stories): drawn once per list.
              dangerouslySetInnerHTML={{
                __html: storiesFragment(props.readMore, 'read-more', () => <ReadMoreList stories={props.readMore} />),
              }}
            />
          ) : null}
        </div>
        {props.rail !== undefined ? (
          <aside class="article-layout__rail" aria-label="Markets and more stories">
            <MarketsBox
              snapshot={props.chrome.snapshot}
              published={props.chrome.published ?? []}
              headingId="rail-markets"
            />
            <RailStories title="Most read" headingId="rail-most-read" stories={props.rail.mostRead} ranked sharedRead />
            <RailStories title="Related" headingId="rail-related" stories={props.rail.related} />
          </aside>
        ) : null}
      </div>
    </Layout>
  );
}

function ReadMoreList(props: { readonly stories: readonly ArticleSummary[] }) {
  return (
    <>
      <h2 id="read-more-heading">Read more stories</h2>
      <ul class="story-list">
        {props.stories.map((story) => (
          <li key={story.id}>
            <a href={articleUrl(story)}>{story.headline}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
