import type { BlockInput, EditableBlockType } from '../../news/articleFieldRules.js';
import { EDITABLE_BLOCK_TYPES } from '../../news/articleFieldRules.js';
import { ALT_MAX_CHARS, CAPTION_MAX_CHARS, CREDIT_MAX_CHARS } from '../../news/media.js';
import { type BlockFormField, textOf } from './articleForm.js';

/** What the type select calls each kind. */
const BLOCK_TYPE_LABELS: Record<EditableBlockType, string> = {
  paragraph: 'Paragraph',
  subheading: 'Subheading',
  quote: 'Quote',
  list: 'List',
  image: 'Image',
  relatedLink: 'Related story',
  embed: 'Embed',
};

export function BlockTypeSelect(props: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly selected: string;
}) {
  return (
    <label for={props.id}>
      {props.label}
      <select id={props.id} name={props.name}>
        {EDITABLE_BLOCK_TYPES.map((type) => (
          <option key={type} value={type} selected={type === props.selected}>
            {BLOCK_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * One body block's fields, by kind. Changing the type takes effect when the
 * form is next posted (save or any block button): the page then shows the new
 * kind's fields, so the editor works without script.
 */
export function BlockFields(props: { readonly block: BlockInput; readonly index: number }) {
  const { block, index } = props;
  const type = block.type as EditableBlockType;
  const input = (field: BlockFormField, label: string, extra: Record<string, string | number | boolean> = {}) => (
    <label for={`block-${index}-${field}`}>
      {label}
      <input id={`block-${index}-${field}`} name={`block-${index}-${field}`} value={textOf(block, field)} {...extra} />
    </label>
  );
  const number = { type: 'number', min: 1, step: 1, inputMode: 'numeric' };
  const typeSelect = (
    <BlockTypeSelect
      id={`block-${index}-type`}
      name={`block-${index}-type`}
      label={`Block ${index + 1} type`}
      selected={type}
    />
  );
  switch (type) {
    case 'paragraph':
    case 'subheading':
    case 'quote':
      return (
        <>
          {typeSelect}
          <label for={`block-${index}-text`}>
            Block {index + 1} text
            <textarea id={`block-${index}-text`} name={`block-${index}-text`} rows={4}>
              {textOf(block, 'text')}
            </textarea>
          </label>
          {input('attribution', 'Quote attribution (quotes only)')}
          <p class="field-hint" id={`block-${index}-markup-hint`}>
            **bold**, *italic*, [words](https://address) for a link; a bare https:// address links itself.
          </p>
        </>
      );
    case 'list':
      return (
        <>
          {typeSelect}
          <label for={`block-${index}-text`}>
            Block {index + 1} list items, one per line
            <textarea id={`block-${index}-text`} name={`block-${index}-text`} rows={5}>
              {textOf(block, 'text')}
            </textarea>
          </label>
          <label for={`block-${index}-ordered`} class="checkbox">
            <input
              type="checkbox"
              id={`block-${index}-ordered`}
              name={`block-${index}-ordered`}
              value="on"
              checked={block.ordered === true || block.ordered === 'on' || block.ordered === 'true'}
            />{' '}
            Numbered list
          </label>
        </>
      );
    case 'image':
      return (
        <>
          {typeSelect}
          {input('mediaId', `Block ${index + 1} picture: media library id`, number)}
          <p class="field-hint">
            Find the id in the <a href="/admin/media">media library</a>.
          </p>
          {input('alt', `Block ${index + 1} alt text (empty uses the library's)`, { maxLength: ALT_MAX_CHARS })}
          {input('caption', `Block ${index + 1} caption`, { maxLength: CAPTION_MAX_CHARS })}
          {input('credit', `Block ${index + 1} credit`, { maxLength: CREDIT_MAX_CHARS })}
        </>
      );
    case 'relatedLink': {
      const headline = textOf(block, 'headline');
      return (
        <>
          {typeSelect}
          {input('articleId', `Block ${index + 1} related story: article id`, number)}
          {headline !== '' ? (
            <p class="field-hint">
              Links to: <span data-related-headline={String(index)}>{headline}</span>
            </p>
          ) : null}
        </>
      );
    }
    case 'embed':
      return (
        <>
          {typeSelect}
          {input('url', `Block ${index + 1} embed link (https: YouTube, X or Datawrapper)`, {
            type: 'url',
            maxLength: 2000,
          })}
        </>
      );
    default:
      return unreachable(type);
  }
}

function unreachable(type: never): never {
  throw new Error(`Unknown block type: ${String(type)}`);
}
