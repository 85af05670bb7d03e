/** One field of a small form the editor asks in a dialog (a link's address, a picture's id and alt text). */
export interface DialogField {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly type?: 'text' | 'url' | 'number';
  readonly hint?: string;
}

let counter = 0;

/**
 * Asks for a few fields in a modal <dialog> and resolves with what was typed,
 * or null when cancelled. `check` may refuse the answer with a message, shown
 * in the dialog (and read out), which then stays open.
 */
export function askInDialog(options: {
  readonly title: string;
  readonly fields: readonly DialogField[];
  readonly confirm: string;
  readonly check?: (values: Record<string, string>) => string | null;
}): Promise<Record<string, string> | null> {
  counter += 1;
  const id = `editor-dialog-${counter}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'editor-dialog';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.id = `${id}-title`;
  heading.textContent = options.title;
  form.append(heading);
  const inputs = new Map<string, HTMLInputElement>();
  for (const field of options.fields) {
    const label = document.createElement('label');
    label.htmlFor = `${id}-${field.name}`;
    label.textContent = field.label;
    const input = document.createElement('input');
    input.id = `${id}-${field.name}`;
    input.name = field.name;
    input.type = field.type ?? 'text';
    input.value = field.value;
    if (field.type === 'number') input.min = '1';
    label.append(input);
    form.append(label);
    if (field.hint !== undefined) {
      const hint = document.createElement('p');
      hint.className = 'field-hint';
      hint.textContent = field.hint;
      form.append(hint);
    }
    inputs.set(field.name, input);
  }
  const problem = document.createElement('p');
  problem.className = 'field-problem';
  problem.setAttribute('role', 'alert');
  const buttons = document.createElement('p');
  const ok = document.createElement('button');
  ok.type = 'submit';
  ok.textContent = options.confirm;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.textContent = 'Cancel';
  buttons.append(ok, ' ', cancel);
  form.append(problem, buttons);
  dialog.append(form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    const finish = (result: Record<string, string> | null) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values: Record<string, string> = {};
      for (const [name, input] of inputs) values[name] = input.value;
      const refused = options.check?.(values) ?? null;
      if (refused !== null) {
        problem.textContent = refused;
        return;
      }
      finish(values);
    });
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    dialog.showModal();
  });
}
