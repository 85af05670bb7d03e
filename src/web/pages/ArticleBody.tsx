import type { ArticleSummary, Block } from '../../news/article.js';
import { type BodyItem, interleaveRelated } from '../../news/bodyLayout.js';
import { articleUrl } from '../components/urls.js';

/** `Karachi` → `KARACHI:`, the dateline as the paper prints it. */
export function datelineLabel(dateline: string): string {
  return `${dateline.trim().replace(/:$/, '').toUpperCase()}:`;
}

/** The body: blocks in order, related-story links set between paragraphs, the dateline leading the first paragraph. */
export function ArticleBody(props: {
  readonly body: readonly Block[];
  readonly dateline: string | null;
  readonly related: readonly ArticleSummary[];
}) {
  const firstParagraph = props.body.find((block) => block.type === 'paragraph');
  const items = interleaveRelated(props.body, props.related);
  return (
    <div class="article__body">
      {items.map((item, index) => (
        <BodyItemView
          key={index}
          item={item}
          dateline={item.kind === 'block' && item.block === firstParagraph ? props.dateline : null}
        />
      ))}
    </div>
  );
}

function BodyItemView(props: { readonly item: BodyItem<Block, ArticleSummary>; readonly dateline: string | null }) {
  const { item } = props;
  switch (item.kind) {
    case 'block':
      return <BodyBlock block={item.block} dateline={props.dateline ? datelineLabel(props.dateline) : null} />;
    case 'related':
      return (
        <p class="related-inline">
          <span class="visually-hidden">Related story: </span>
          <a href={articleUrl(item.article)}>{item.article.headline}</a>
        </p>
      );
  }
}

function BodyBlock(props: { readonly block: Block; readonly dateline: string | null }) {
  const { block } = props;
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          {props.dateline !== null ? <strong class="dateline">{props.dateline}</strong> : null}
          {props.dateline !== null ? ' ' : null}
          {block.text}
        </p>
      );
    case 'subheading':
      return <h2>{block.text}</h2>;
    case 'quote':
      return (
        <blockquote>
          <p>{block.text}</p>
          {block.attribution !== undefined ? <footer>— {block.attribution}</footer> : null}
        </blockquote>
      );
    default:
      return unreachable(block);
  }
}

function unreachable(block: never): never {
  throw new Error(`Unknown block type: ${JSON.stringify(block)}`);
}
