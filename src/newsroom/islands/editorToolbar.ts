import type { MarkType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** One toolbar button: its label, shortcut, what it does, and whether it shows as pressed. */
export interface ToolbarButton {
  readonly label: string;
  readonly shortcut?: string;
  /** An editing command, run on the text and then back to it; or an action that asks first (a dialog). */
  readonly run: { readonly command: Command } | { readonly action: (view: EditorView) => void };
  readonly pressed?: (state: EditorState) => boolean;
  /** Starts a new group of buttons. */
  readonly group?: boolean;
}

/**
 * The formatting toolbar above the text. Buttons never take the focus from
 * the text when clicked (mousedown is cancelled), so a selection survives;
 * by keyboard they are reached with Tab as any button.
 */
export function buildToolbar(view: EditorView, buttons: readonly ToolbarButton[]) {
  const bar = document.createElement('div');
  bar.className = 'editor-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Body formatting and blocks');
  const rendered: { button: HTMLButtonElement; spec: ToolbarButton }[] = [];
  for (const spec of buttons) {
    if (spec.group === true && rendered.length > 0) {
      const gap = document.createElement('span');
      gap.className = 'editor-toolbar-gap';
      bar.append(gap);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = spec.label;
    if (spec.shortcut !== undefined) {
      button.setAttribute('aria-keyshortcuts', spec.shortcut);
      button.title = `${spec.label} (${spec.shortcut.replace('Control', 'Ctrl')})`;
    }
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if ('command' in spec.run) {
        spec.run.command(view.state, view.dispatch, view);
        view.focus();
      } else spec.run.action(view);
    });
    bar.append(button);
    rendered.push({ button, spec });
  }
  const update = (state: EditorState) => {
    for (const { button, spec } of rendered) {
      if (spec.pressed !== undefined) button.setAttribute('aria-pressed', String(spec.pressed(state)));
    }
  };
  update(view.state);
  return { bar, update };
}

/** Whether a mark is on at the cursor or over all of the selection. */
export function markActive(type: MarkType) {
  return (state: EditorState) => {
    const { from, $from, to, empty } = state.selection;
    if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined;
    return state.doc.rangeHasMark(from, to, type);
  };
}
