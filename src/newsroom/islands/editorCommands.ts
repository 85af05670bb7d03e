import { setBlockType } from 'prosemirror-commands';
import { Fragment, type Node, type NodeType } from 'prosemirror-model';
import { type Command, type EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import { storySchema as schema } from './editorSchema.js';

/** The top-level block the selection is in (or is): its index and where it starts. */
export function currentBlock(state: EditorState): { index: number; start: number; node: Node } {
  // A selected top-level card has $from at depth 0, before it; text has it inside: index(0) is the block either way.
  const index = state.selection.$from.index(0);
  let start = 0;
  for (let i = 0; i < index; i += 1) start += state.doc.child(i).nodeSize;
  return { index, start, node: state.doc.child(index) };
}

/**
 * Moves the block holding the cursor one place up or down, keeping the cursor
 * where it was inside it: reordering by keyboard (Alt+↑ / Alt+↓) and by the
 * toolbar's buttons, besides dragging.
 */
export function moveBlock(direction: -1 | 1, announce: (message: string) => void): Command {
  return (state, dispatch) => {
    const { index, start, node } = currentBlock(state);
    const target = index + direction;
    if (target < 0 || target >= state.doc.childCount) return false;
    if (dispatch === undefined) return true;
    const other = state.doc.child(target);
    const from = direction === -1 ? start - other.nodeSize : start;
    const pair = direction === -1 ? [node, other] : [other, node];
    const tr = state.tr.replaceWith(from, from + node.nodeSize + other.nodeSize, Fragment.fromArray(pair));
    const movedStart = direction === -1 ? from : from + other.nodeSize;
    const offset = state.selection.from - start;
    const selection =
      state.selection instanceof NodeSelection
        ? NodeSelection.create(tr.doc, movedStart)
        : TextSelection.create(tr.doc, Math.min(movedStart + offset, movedStart + node.nodeSize - 1));
    dispatch(tr.setSelection(selection).scrollIntoView());
    announce(`Block moved to place ${target + 1} of ${state.doc.childCount}.`);
    return true;
  };
}

/** The current text block becomes this kind (paragraph, subheading, quote); a list becomes one block per item. */
export function setTextKind(type: NodeType): Command {
  return (state, dispatch) => {
    const { start, node } = currentBlock(state);
    if (isList(node)) {
      if (dispatch !== undefined) {
        const blocks: Node[] = [];
        node.forEach((item) => {
          blocks.push(type.create(null, item.content));
        });
        dispatch(state.tr.replaceWith(start, start + node.nodeSize, blocks).scrollIntoView());
      }
      return true;
    }
    return setBlockType(type)(state, dispatch);
  };
}

/** The current text block becomes a list (one item per block), or a list changes between bullets and numbers. */
export function toList(type: NodeType): Command {
  return (state, dispatch) => {
    const { start, node } = currentBlock(state);
    if (node.type === type) return setTextKind(schema.nodes.paragraph)(state, dispatch);
    if (!node.isTextblock && !isList(node)) return false;
    if (dispatch !== undefined) {
      const list = isList(node)
        ? type.create(null, node.content)
        : type.create(null, schema.nodes.listItem.create(null, node.content));
      const tr = state.tr.replaceWith(start, start + node.nodeSize, list);
      const inside = Math.min(state.selection.from + (isList(node) ? 0 : 1), start + list.nodeSize - 2);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, Math.max(start + 2, inside))).scrollIntoView());
    }
    return true;
  };
}

/** Enter in an empty last list item leaves the list for a new paragraph, as word processors do. */
export const leaveListOnEmptyItem: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== schema.nodes.listItem || $from.parent.content.size > 0) return false;
  const list = $from.node(1);
  if ($from.index(1) !== list.childCount - 1) return false;
  if (dispatch !== undefined) {
    const itemStart = $from.before(2);
    const listEnd = $from.after(1);
    let tr = state.tr;
    if (list.childCount > 1) tr = tr.delete(itemStart, itemStart + $from.parent.nodeSize);
    const at = list.childCount > 1 ? listEnd - $from.parent.nodeSize : $from.before(1);
    if (list.childCount > 1) tr = tr.insert(at, schema.nodes.paragraph.create());
    else tr = tr.replaceWith(at, listEnd, schema.nodes.paragraph.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
  }
  return true;
};

/** Puts a block after the one holding the cursor and selects it. */
export function insertBlockAfter(node: Node): Command {
  return (state, dispatch) => {
    if (dispatch === undefined) return true;
    const { start, node: current } = currentBlock(state);
    const at = start + current.nodeSize;
    const tr = state.tr.insert(at, node);
    dispatch(tr.setSelection(NodeSelection.create(tr.doc, at)).scrollIntoView());
    return true;
  };
}

export function isList(node: Node): boolean {
  return node.type === schema.nodes.bulletList || node.type === schema.nodes.orderedList;
}
