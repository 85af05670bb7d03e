// The newsroom's rich story editor (ProseMirror, docs/adr/0007) laid over the
// plain article form: the form's block fieldset is replaced by one editable
// body, and on submit the body goes back into the form as `block-{n}-json`
// fields, so the server reads and checks it exactly as any other save.
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node } from 'prosemirror-model';
import { EditorState, NodeSelection, Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import type { BlockInput } from '../../news/articleFieldRules.js';
import { safeHref } from '../../news/inlineText.js';
import { blocksOfDoc, docOfBlocks } from './editorBlocks.js';
import { askCard, type CardKind, cardNode, cardView } from './editorCards.js';
import { insertBlockAfter, leaveListOnEmptyItem, moveBlock, setTextKind, toList } from './editorCommands.js';
import { askInDialog } from './editorDialog.js';
import { createKeeper, startPresence } from './editorKeeper.js';
import { paragraphsOfText, transformPastedHtml } from './editorPaste.js';
import { storySchema as schema } from './editorSchema.js';
import { buildToolbar, markActive, type ToolbarButton } from './editorToolbar.js';
import { blocksOfPlainForm } from './plainFormBody.js';
import { startSeoLive } from './seoLive.js';

const LINK_REFUSED = 'A link must go to an http(s) address or a page of this site (starting with /).';

function mount(form: HTMLFormElement): void {
  const article = form.dataset.storyEditor ?? 'new';
  const plain = form.querySelector<HTMLFieldSetElement>('fieldset[data-plain-blocks]');
  if (plain === null) return;
  const blocks = blocksOfPlainForm(form);

  const box = document.createElement('fieldset');
  box.className = 'blocks story-editor';
  const legend = document.createElement('legend');
  legend.textContent = 'Body';
  legend.id = 'story-body-label';
  const help = document.createElement('p');
  help.className = 'field-hint';
  help.id = 'story-body-help';
  help.textContent =
    'Ctrl+B bold, Ctrl+I italic, Ctrl+K link; Alt+↑ and Alt+↓ move the block holding the cursor; drag a block by its ⠿ handle.';
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  const status = document.createElement('p');
  status.className = 'editor-status muted';
  status.setAttribute('role', 'status');
  const surface = document.createElement('div');
  surface.className = 'editor-surface';
  const problems = plain.querySelectorAll('.field-problem');
  box.append(legend, help);
  for (const problem of problems) box.append(problem);

  const announce = (message: string) => {
    live.textContent = message;
  };
  const setLink = async (view: EditorView) => {
    const { from, to, empty } = view.state.selection;
    if (empty) {
      announce('Select the words to link first.');
      status.textContent = 'Select the words to link first.';
      return;
    }
    const current = view.state.doc.rangeHasMark(from, to, schema.marks.link);
    const answer = await askInDialog({
      title: 'Link',
      fields: [
        {
          name: 'href',
          label: 'Address (https://… or /path on this site); empty removes the link',
          value: '',
          type: 'text',
        },
      ],
      confirm: 'Set link',
      check: ({ href = '' }) => (href.trim() === '' || safeHref(href) !== null ? null : LINK_REFUSED),
    });
    view.focus();
    if (answer === null) return;
    const href = safeHref(answer.href ?? '');
    let tr = view.state.tr.removeMark(from, to, schema.marks.link);
    if (href !== null) tr = tr.addMark(from, to, schema.marks.link.create({ href }));
    else if (!current) return;
    view.dispatch(tr);
  };
  const addCard = async (view: EditorView, kind: CardKind) => {
    const values = await askCard(kind);
    view.focus();
    if (values !== null) insertBlockAfter(cardNode(kind, values))(view.state, view.dispatch);
  };
  const openCard = (state: EditorState): boolean => {
    const { selection } = state;
    if (!(selection instanceof NodeSelection) || !selection.node.isAtom) return false;
    const button = view.nodeDOM(selection.from) as HTMLElement | null;
    button?.querySelector('button')?.click();
    return true;
  };

  const bold = toggleMark(schema.marks.bold);
  const italic = toggleMark(schema.marks.italic);
  const keys = keymap({
    'Mod-b': bold,
    'Mod-i': italic,
    'Mod-k': (_state, _dispatch, view) => {
      if (view !== undefined) void setLink(view);
      return true;
    },
    'Alt-ArrowUp': moveBlock(-1, announce),
    'Alt-ArrowDown': moveBlock(1, announce),
    'Mod-z': undo,
    'Mod-y': redo,
    'Shift-Mod-z': redo,
    Enter: chainCommands(leaveListOnEmptyItem, (state) => openCard(state)),
  });

  const view: EditorView = new EditorView(surface, {
    state: EditorState.create({
      doc: docOfBlocks(blocks),
      plugins: [history(), keys, keymap(baseKeymap), dropCursor(), dragHandles()],
    }),
    nodeViews: {
      image: cardView('image'),
      relatedLink: cardView('relatedLink'),
      embed: cardView('embed'),
    },
    attributes: {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': 'story-body-label',
      'aria-describedby': 'story-body-help',
      class: 'editor-text',
      spellcheck: 'true',
    },
    transformPastedHTML: transformPastedHtml,
    clipboardTextParser: (text) => paragraphsOfText(text),
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      toolbar.update(view.state);
      if (tr.docChanged) form.dispatchEvent(new Event('story-edit'));
    },
  });

  const buttons: ToolbarButton[] = [
    { label: 'Bold', shortcut: 'Control+B', run: { command: bold }, pressed: markActive(schema.marks.bold) },
    { label: 'Italic', shortcut: 'Control+I', run: { command: italic }, pressed: markActive(schema.marks.italic) },
    { label: 'Link', shortcut: 'Control+K', run: { action: (v) => void setLink(v) } },
    { label: 'Paragraph', run: { command: setTextKind(schema.nodes.paragraph) }, group: true },
    { label: 'Subheading', run: { command: setTextKind(schema.nodes.subheading) } },
    { label: 'Quote', run: { command: setTextKind(schema.nodes.quote) } },
    { label: 'Bulleted list', run: { command: toList(schema.nodes.bulletList) } },
    { label: 'Numbered list', run: { command: toList(schema.nodes.orderedList) } },
    { label: 'Quote attribution', run: { action: (v) => void setAttribution(v) } },
    { label: 'Picture', run: { action: (v) => void addCard(v, 'image') }, group: true },
    { label: 'Related story', run: { action: (v) => void addCard(v, 'relatedLink') } },
    { label: 'Embed', run: { action: (v) => void addCard(v, 'embed') } },
    { label: 'Move block up', shortcut: 'Alt+ArrowUp', run: { command: moveBlock(-1, announce) }, group: true },
    { label: 'Move block down', shortcut: 'Alt+ArrowDown', run: { command: moveBlock(1, announce) } },
  ];
  const toolbar = buildToolbar(view, buttons);
  box.append(toolbar.bar, surface, status, live);
  plain.replaceWith(box);

  const keeper = createKeeper({ form, article, body: () => blocksOfDoc(view.state.doc), status });
  keeper.markSaved();
  const here = new URL(location.href);
  const notice = here.searchParams.get('notice');
  if (notice === 'saved' || notice === 'created') {
    keeper.forget();
    // Off the address, so a reload or a sign-in coming back here is not taken for another save.
    here.searchParams.delete('notice');
    window.history.replaceState(window.history.state, '', here.pathname + here.search + here.hash);
  }

  form.addEventListener('submit', () => {
    for (const old of form.querySelectorAll('input[data-story-block]')) old.remove();
    const body = blocksOfDoc(view.state.doc);
    const count = form.querySelector<HTMLInputElement>('input[name="blockCount"]');
    if (count !== null) count.value = String(body.length);
    body.forEach((block, index) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = `block-${index}-json`;
      input.value = JSON.stringify(block);
      input.dataset.storyBlock = '';
      form.append(input);
    });
  });

  const replaceBody = (next: readonly BlockInput[]) => {
    const doc: Node = docOfBlocks(next);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
  };
  void keeper.pendingCopy().then((kept) => {
    if (kept === null) return;
    keeper.restoreFields(kept.copy);
    replaceBody(kept.copy.body);
    form.dispatchEvent(new Event('story-restored'));
    const note = document.createElement('p');
    note.className = 'flash flash-notice';
    note.setAttribute('role', 'status');
    note.dataset.recovered = '';
    const from = kept.where === 'browser' ? 'kept in this browser' : 'autosaved';
    note.append(
      `Your unsaved text from ${keeper.clock(new Date(kept.savedAt))} (${from}) is back in the form. Save to keep it. `,
    );
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.textContent = 'Discard it';
    discard.addEventListener('click', async () => {
      await keeper.discard();
      location.reload();
    });
    note.append(discard);
    form.before(note);
  });
  keeper.start();
  startPresence(article, keeper.token);

  async function setAttribution(v: EditorView) {
    const { $from } = v.state.selection;
    const depth = $from.depth >= 1 ? 1 : 0;
    const quote = $from.node(depth);
    if (quote.type !== schema.nodes.quote) {
      status.textContent = 'Put the cursor in a quote first.';
      return;
    }
    const answer = await askInDialog({
      title: 'Quote attribution',
      fields: [{ name: 'attribution', label: 'Who said it', value: String(quote.attrs.attribution ?? '') }],
      confirm: 'Done',
    });
    v.focus();
    if (answer === null) return;
    v.dispatch(
      v.state.tr.setNodeMarkup($from.before(1), undefined, { attribution: (answer.attribution ?? '').trim() }),
    );
  }
}

/** A ⠿ handle before every block: dragging it moves the whole block, as cards are moved. */
function dragHandles(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const handles: Decoration[] = [];
        state.doc.forEach((node, offset) => {
          if (node.isAtom) return;
          handles.push(
            Decoration.widget(
              offset + 1,
              (view) => {
                const handle = document.createElement('span');
                handle.className = 'drag-handle';
                handle.textContent = '⠿';
                handle.draggable = true;
                handle.contentEditable = 'false';
                handle.setAttribute('aria-hidden', 'true');
                handle.addEventListener('dragstart', (event) => {
                  const selection = NodeSelection.create(view.state.doc, offset);
                  view.dispatch(view.state.tr.setSelection(selection));
                  view.dragging = { slice: selection.content(), move: true };
                  event.dataTransfer?.setData('text/plain', selection.node.textContent);
                });
                return handle;
              },
              { side: -1, key: `handle-${offset}`, ignoreSelection: true },
            ),
          );
        });
        return DecorationSet.create(state.doc, handles);
      },
    },
  });
}

const form = document.querySelector<HTMLFormElement>('form[data-story-editor]');
if (form !== null) {
  mount(form);
  startSeoLive(form);
}
