import type { Article } from '../../news/article.js';
import { toKarachiIsoString } from '../../shared/pakistanTime.js';
import { serialiseJsonLd } from './jsonLd.js';
import { breadcrumbLd, newsArticleLd } from './newsArticleLd.js';
import type { ShareImage } from './shareImage.js';

/** What an article page's head needs to be shared and indexed well; the page layout supplies og:title and og:url. */
export interface ArticleShare {
  readonly origin: string;
  readonly image: ShareImage;
}

/**
 * Open Graph's article and image properties (ogp.me), the Twitter card
 * (summary_large_image) and the NewsArticle and BreadcrumbList JSON-LD.
 */
export function ArticleShareMeta(props: {
  readonly article: Article;
  readonly share: ArticleShare;
  readonly siteName: string;
}) {
  const { article, share } = props;
  const { image } = share;
  const title = article.seoTitle ?? article.headline;
  const description = article.seoDescription ?? article.summary;
  const facts = { article, origin: share.origin, siteName: props.siteName, image };
  return (
    <>
      <meta property="og:image" content={image.url} />
      <meta property="og:image:type" content={image.type} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      <meta property="article:published_time" content={toKarachiIsoString(article.publishedAt)} />
      <meta property="article:modified_time" content={toKarachiIsoString(article.updatedAt ?? article.publishedAt)} />
      <meta property="article:section" content={article.section.name} />
      {article.tags.map((tag) => (
        <meta key={tag.slug} property="article:tag" content={tag.name} />
      ))}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image.url} />
      <meta name="twitter:image:alt" content={image.alt} />
      <script
        type="application/ld+json"
        // serialiseJsonLd escapes every `<`, so nothing in the data can close the element.
        dangerouslySetInnerHTML={{
          __html: serialiseJsonLd([newsArticleLd(facts), breadcrumbLd(article, share.origin, props.siteName)]),
        }}
      />
    </>
  );
}
