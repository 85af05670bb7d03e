import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { embedProviderOf } from '../../news/mediaEmbed.js';
import { askInDialog, type DialogField } from './editorDialog.js';
import { storySchema as schema } from './editorSchema.js';

/** The kinds of block shown as a card with fields rather than as text. */
export type CardKind = 'image' | 'relatedLink' | 'embed';

const TITLES: Record<CardKind, string> = { image: 'Picture', relatedLink: 'Related story', embed: 'Embed' };

function fieldsOf(kind: CardKind, attrs: Record<string, unknown>): DialogField[] {
  const value = (name: string) => String(attrs[name] ?? '');
  switch (kind) {
    case 'image':
      return [
        { name: 'mediaId', label: 'Media library id', value: value('mediaId'), type: 'number' },
        { name: 'alt', label: "Alt text (empty uses the library's)", value: value('alt') },
        { name: 'caption', label: 'Caption', value: value('caption') },
        { name: 'credit', label: 'Credit', value: value('credit') },
      ];
    case 'relatedLink':
      return [
        {
          name: 'articleId',
          label: 'Related story: article id',
          value: value('articleId'),
          type: 'number',
          hint: 'A published story; its headline is filled in when you save.',
        },
      ];
    case 'embed':
      return [
        { name: 'url', label: 'Embed link (https: YouTube, X or Datawrapper)', value: value('url'), type: 'url' },
      ];
  }
}

function checkCard(kind: CardKind, values: Record<string, string>): string | null {
  const id = (name: string) => /^\d{1,12}$/.test((values[name] ?? '').trim()) && Number(values[name]) > 0;
  if (kind === 'image' && !id('mediaId')) return 'Give the picture’s id from the media library.';
  if (kind === 'relatedLink' && !id('articleId')) return 'Give the related story’s article id.';
  if (kind === 'embed' && embedProviderOf((values.url ?? '').trim()) === null) {
    return 'Embeds are HTTPS links to YouTube, X or Datawrapper only.';
  }
  return null;
}

/** Asks for a card's fields; null when cancelled. */
export function askCard(kind: CardKind, attrs: Record<string, unknown> = {}) {
  return askInDialog({
    title: TITLES[kind],
    fields: fieldsOf(kind, attrs),
    confirm: 'Done',
    check: (values) => checkCard(kind, values),
  });
}

export function cardNode(kind: CardKind, values: Record<string, string>): Node {
  return schema.nodes[kind].create(trimmed(values));
}

function trimmed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()]));
}

function summaryOf(kind: CardKind, attrs: Record<string, unknown>): string {
  const value = (name: string) => String(attrs[name] ?? '');
  switch (kind) {
    case 'image':
      return `Picture ${value('mediaId')}${value('alt') !== '' ? `: ${value('alt')}` : ''}${value('caption') !== '' ? ` (${value('caption')})` : ''}`;
    case 'relatedLink':
      return `Related story ${value('articleId')}${value('headline') !== '' ? `: ${value('headline')}` : ''}`;
    case 'embed':
      return `Embed: ${value('url')}`;
  }
}

/** A card in the editor: what the block holds, and a button to change it. Dragged as a whole. */
export function cardView(kind: CardKind) {
  return (node: Node, view: EditorView, getPos: () => number | undefined): NodeView => {
    const dom = document.createElement('div');
    dom.className = `editor-card editor-card-${kind}`;
    dom.contentEditable = 'false';
    const text = document.createElement('span');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'secondary';
    dom.append(text, ' ', edit);
    const render = (current: Node) => {
      text.textContent = summaryOf(kind, current.attrs);
      edit.textContent = `Edit ${TITLES[kind].toLowerCase()}`;
    };
    render(node);
    let shown = node;
    edit.addEventListener('click', async () => {
      const values = await askCard(kind, shown.attrs);
      const pos = getPos();
      if (values === null || pos === undefined) return;
      view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...shown.attrs, ...trimmed(values) }));
      view.focus();
    });
    return {
      dom,
      update: (next) => {
        if (next.type !== shown.type) return false;
        shown = next;
        render(next);
        return true;
      },
      stopEvent: (event) => event.target === edit || edit.contains(event.target as globalThis.Node),
      ignoreMutation: () => true,
    };
  };
}
