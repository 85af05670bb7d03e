import { articleUrl, PUBLISHER_LOGO_URL, sectionUrl } from '../../http/siteUrls.js';
import { type Agency, type Article, allBylines, type Byline } from '../../news/article.js';
import { toKarachiIsoString } from '../../shared/pakistanTime.js';
import type { ShareImage } from './shareImage.js';

// The shapes below follow schema.org's NewsArticle, BreadcrumbList and
// ImageObject, with the properties Google's Article and Breadcrumb rich
// results read (developers.google.com/search/docs/appearance/structured-data/article).

interface ImageObjectLd {
  readonly '@type': 'ImageObject';
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

type AuthorLd =
  | { readonly '@type': 'Person'; readonly name: string }
  | { readonly '@type': 'Organization'; readonly name: string; readonly alternateName: string; readonly url: string };

export interface NewsArticleLd {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'NewsArticle';
  readonly headline: string;
  readonly description: string;
  readonly url: string;
  readonly mainEntityOfPage: { readonly '@type': 'WebPage'; readonly '@id': string };
  readonly datePublished: string;
  readonly dateModified: string;
  readonly author: readonly AuthorLd[];
  readonly publisher: {
    readonly '@type': 'Organization';
    readonly name: string;
    readonly url: string;
    readonly logo: ImageObjectLd;
  };
  readonly image: readonly ImageObjectLd[];
  readonly articleSection: string;
  readonly keywords: readonly string[];
  readonly inLanguage: 'en';
  readonly isAccessibleForFree: true;
}

export interface BreadcrumbListLd {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'BreadcrumbList';
  readonly itemListElement: readonly {
    readonly '@type': 'ListItem';
    readonly position: number;
    readonly name: string;
    readonly item: string;
  }[];
}

/** The publisher's logo as served by `/logo.png`: a wide wordmark, as publisher logos are drawn. */
export const PUBLISHER_LOGO = { width: 600, height: 60 } as const;

/** The agencies by their full names, with the short form the byline prints. */
const AGENCY_ORGANIZATIONS: Readonly<Record<Agency, { readonly name: string; readonly url: string }>> = {
  AFP: { name: 'Agence France-Presse', url: 'https://www.afp.com' },
  Reuters: { name: 'Reuters', url: 'https://www.reuters.com' },
  APP: { name: 'Associated Press of Pakistan', url: 'https://www.app.com.pk' },
};

export interface ArticleLdFacts {
  readonly article: Article;
  /** Absolute origin every URL is built on (`https://example.com`). */
  readonly origin: string;
  readonly siteName: string;
  readonly image: ShareImage;
}

/** The story for search engines: who wrote it, when it was published and last changed, where it sits. */
export function newsArticleLd(facts: ArticleLdFacts): NewsArticleLd {
  const { article, origin } = facts;
  const canonical = new URL(articleUrl(article), origin).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.seoDescription ?? article.summary,
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    datePublished: toKarachiIsoString(article.publishedAt),
    // A correction or an edit moves updatedAt; an untouched story was last modified when it was published.
    dateModified: toKarachiIsoString(article.updatedAt ?? article.publishedAt),
    author: allBylines(article).map(authorLd),
    publisher: {
      '@type': 'Organization',
      name: facts.siteName,
      url: new URL('/', origin).href,
      logo: { '@type': 'ImageObject', url: new URL(PUBLISHER_LOGO_URL, origin).href, ...PUBLISHER_LOGO },
    },
    image: [{ '@type': 'ImageObject', url: facts.image.url, width: facts.image.width, height: facts.image.height }],
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    inLanguage: 'en',
    isAccessibleForFree: true,
  };
}

/** Home › Section › Story. */
export function breadcrumbLd(article: Article, origin: string, siteName: string): BreadcrumbListLd {
  const crumbs = [
    { name: siteName, path: '/' },
    { name: article.section.name, path: sectionUrl(article.section.slug) },
    { name: article.headline, path: articleUrl(article) },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: new URL(crumb.path, origin).href,
    })),
  };
}

/** Staff are people; agency copy is credited to the agency as an organisation. */
function authorLd(byline: Byline): AuthorLd {
  switch (byline.kind) {
    case 'staff':
      return { '@type': 'Person', name: byline.name };
    case 'agency': {
      const organization = AGENCY_ORGANIZATIONS[byline.agency];
      return { '@type': 'Organization', name: organization.name, alternateName: byline.agency, url: organization.url };
    }
  }
}
