import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { articleUrl, mediaUrl, stockUrl } from '../../http/siteUrls.js';
import type { ArticleSummary, Block } from '../../news/article.js';
import { type BodyItem, interleaveRelated } from '../../news/bodyLayout.js';
import {
  type MediaAsset,
  RENDITION_FORMATS,
  type RenditionFormat,
  renditionExtension,
  renditionHeight,
} from '../../news/media.js';
import { EMBED_LABELS, embedProviderOf } from '../../news/mediaEmbed.js';
import { InlineTextView } from '../components/InlineTextView.js';
import { linkFirstMentions, type TextSegment } from '../markets/symbolMentions.js';

/**
 * The library pictures an article's image blocks name, by media id. Given by
 * whoever renders the page (src/site/routes/articlePageRender.ts) so the body
 * stays a synchronous component; a picture missing here is left out.
 */
export const ArticleMediaContext = createContext<ReadonlyMap<number, MediaAsset>>(new Map());

/** How wide a body picture is drawn: the article column (`--measure`, 42rem) or the whole narrow screen. */
const FIGURE_SIZES = '(min-width: 44rem) 42rem, 100vw';
/** The JPEG width old browsers load when they ignore srcset. */
const FALLBACK_WIDTH = 640;

/** `Karachi` → `KARACHI:`, the dateline as the paper prints it. */
export function datelineLabel(dateline: string): string {
  return `${dateline.trim().replace(/:$/, '').toUpperCase()}:`;
}

/** The body: blocks in order, related-story links set between paragraphs, the dateline leading the first paragraph. */
export function ArticleBody(props: {
  readonly body: readonly Block[];
  readonly dateline: string | null;
  readonly related: readonly ArticleSummary[];
  /** Listed symbols: the first mention of each in the paragraphs links to its stock page. */
  readonly listedSymbols?: ReadonlySet<string>;
}) {
  const firstParagraph = props.body.find((block) => block.type === 'paragraph');
  const items = interleaveRelated(props.body, props.related);
  const mentions = symbolMentions(props.body, props.listedSymbols);
  return (
    <div class="article__body">
      {items.map((item, index) => (
        <BodyItemView
          key={index}
          item={item}
          dateline={item.kind === 'block' && item.block === firstParagraph ? props.dateline : null}
          mentions={mentions}
        />
      ))}
    </div>
  );
}

function BodyItemView(props: {
  readonly item: BodyItem<Block, ArticleSummary>;
  readonly dateline: string | null;
  readonly mentions: ParagraphMentions;
}) {
  const { item } = props;
  switch (item.kind) {
    case 'block':
      return (
        <BodyBlock
          block={item.block}
          dateline={props.dateline ? datelineLabel(props.dateline) : null}
          segments={props.mentions.get(item.block)}
        />
      );
    case 'related':
      return (
        <p class="related-inline">
          <span class="visually-hidden">Related story: </span>
          <a href={articleUrl(item.article)}>{item.article.headline}</a>
        </p>
      );
  }
}

function BodyBlock(props: {
  readonly block: Block;
  readonly dateline: string | null;
  /** A paragraph's text with its symbol mentions; absent when nothing is linked. */
  readonly segments?: readonly TextSegment[] | undefined;
}) {
  const { block } = props;
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          {props.dateline !== null ? <strong class="dateline">{props.dateline}</strong> : null}
          {props.dateline !== null ? ' ' : null}
          {props.segments === undefined ? <InlineTextView rich={block} /> : <ParagraphText segments={props.segments} />}
        </p>
      );
    case 'subheading':
      return (
        <h2>
          <InlineTextView rich={block} />
        </h2>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineTextView rich={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          <p>
            <InlineTextView rich={block} />
          </p>
          {block.attribution !== undefined ? <footer>— {block.attribution}</footer> : null}
        </blockquote>
      );
    case 'image':
      return <BodyFigure block={block} />;
    case 'relatedLink':
      return (
        <p class="related-inline">
          <span class="visually-hidden">Related story: </span>
          <a href={`/news/${block.articleId}`}>{block.headline}</a>
        </p>
      );
    case 'embed': {
      // Checked again here: a body written before the allow-list changed must not link anywhere else.
      if (embedProviderOf(block.url) !== block.provider) return null;
      return (
        <p class="embed-card">
          <a href={block.url} rel="noopener noreferrer nofollow external">
            {EMBED_LABELS[block.provider]}
          </a>
        </p>
      );
    }
    default:
      return unreachable(block);
  }
}

function BodyFigure(props: { readonly block: Extract<Block, { type: 'image' }> }) {
  const { block } = props;
  const asset = useContext(ArticleMediaContext).get(block.mediaId);
  if (asset === undefined) return null;
  const largest = asset.widths[asset.widths.length - 1] ?? asset.width;
  const fallback = asset.widths.find((width) => width >= FALLBACK_WIDTH) ?? largest;
  const srcset = (format: RenditionFormat) =>
    asset.widths.map((width) => `${mediaUrl(asset.id, width, renditionExtension(format))} ${width}w`).join(', ');
  const credit = block.credit ?? asset.credit ?? undefined;
  const caption = [block.caption, credit].filter((part) => part !== undefined && part !== '').join(' — ');
  return (
    <figure class="article__figure">
      <picture>
        {RENDITION_FORMATS.filter((format) => format !== 'jpeg').map((format) => (
          <source key={format} type={`image/${format}`} srcset={srcset(format)} sizes={FIGURE_SIZES} />
        ))}
        <img
          src={mediaUrl(asset.id, fallback, 'jpg')}
          srcset={srcset('jpeg')}
          sizes={FIGURE_SIZES}
          width={largest}
          height={renditionHeight(asset, largest)}
          loading="lazy"
          decoding="async"
          alt={block.alt}
        />
      </picture>
      {caption !== '' ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}

function unreachable(block: never): never {
  throw new Error(`Unknown block type: ${JSON.stringify(block)}`);
}

/** Paragraph blocks whose text links a symbol, with their segments. */
type ParagraphMentions = ReadonlyMap<Block, readonly TextSegment[]>;

function symbolMentions(body: readonly Block[], listed: ReadonlySet<string> | undefined): ParagraphMentions {
  if (listed === undefined || listed.size === 0) return new Map();
  // A paragraph with marks of its own keeps them; symbol links would nest inside its links.
  const paragraphs = body.filter(
    (block): block is Extract<Block, { type: 'paragraph' }> =>
      block.type === 'paragraph' && (block.marks ?? []).length === 0,
  );
  const segments = linkFirstMentions(
    paragraphs.map((block) => block.text),
    listed,
  );
  const mentions = new Map<Block, readonly TextSegment[]>();
  paragraphs.forEach((block, i) => {
    const found = segments[i];
    if (found?.some((segment) => segment.kind === 'symbol')) mentions.set(block, found);
  });
  return mentions;
}

/** Text with linked symbols; a text node each, never HTML built from strings. */
function ParagraphText(props: { readonly segments: readonly TextSegment[] }) {
  return (
    <>
      {props.segments.map((segment, i) =>
        segment.kind === 'symbol' ? (
          <a key={i} href={stockUrl(segment.symbol)} class="symbol-link">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
