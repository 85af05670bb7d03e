import sharp from 'sharp';
import type { Article } from '../../news/article.js';
import { PUBLISHER_LOGO } from './newsArticleLd.js';
import { cardVersion } from './shareImage.js';
import { escapeXml, socialCardSvg } from './socialCardSvg.js';

/** A rendered card: the PNG and the version of the story text it shows. */
export interface SocialCard {
  readonly version: string;
  readonly png: Buffer;
}

/**
 * Draws story cards (SVG rendered to PNG by sharp) and keeps the most recently
 * asked-for ones in memory. Keyed by story and version, so an edited headline
 * draws a new card and the old one ages out; two requests for a card being
 * drawn share the one rendering.
 */
export class SocialCards {
  private readonly cards = new Map<string, Promise<SocialCard>>();
  private logo: Promise<Buffer> | null = null;

  constructor(private readonly options: { readonly siteName: string; readonly maxCards: number }) {}

  card(article: Pick<Article, 'id' | 'headline' | 'section'>): Promise<SocialCard> {
    const version = cardVersion(article);
    const key = `${article.id}:${version}`;
    const cached = this.cards.get(key);
    if (cached !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
      this.cards.delete(key);
      this.cards.set(key, cached);
      return cached;
    }
    const svg = socialCardSvg({
      headline: article.headline,
      sectionName: article.section.name,
      siteName: this.options.siteName,
    });
    const rendering = renderPng(svg).then((png) => ({ version, png }));
    // A failed rendering is not remembered: the next request tries again.
    rendering.catch(() => this.cards.delete(key));
    this.cards.set(key, rendering);
    if (this.cards.size > this.options.maxCards) {
      const oldest = this.cards.keys().next().value;
      if (oldest !== undefined) this.cards.delete(oldest);
    }
    return rendering;
  }

  /** The publisher logo structured data points at: the masthead's mark and name, drawn once. */
  publisherLogo(): Promise<Buffer> {
    this.logo ??= renderPng(logoSvg(this.options.siteName));
    return this.logo;
  }
}

function renderPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg, 'utf8')).png().toBuffer();
}

function logoSvg(siteName: string): string {
  const { width, height } = PUBLISHER_LOGO;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="4" width="52" height="52" rx="6" fill="#7a1020"/>`,
    `<text x="26" y="44" text-anchor="middle" font-family="'DejaVu Serif', Georgia, serif" font-size="38" font-weight="700" fill="#ffffff">${escapeXml(siteName.slice(0, 1))}</text>`,
    `<text x="68" y="44" font-family="'DejaVu Serif', Georgia, serif" font-size="38" font-weight="700" fill="#7a1020">${escapeXml(siteName)}</text>`,
    '</svg>',
  ].join('');
}
