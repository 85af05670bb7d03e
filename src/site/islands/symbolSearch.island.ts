// Suggestions under the masthead's stock finder: an ARIA 1.2 combobox over
// /api/v1/market/symbols. Text goes in with textContent only. Without it (and
// when no suggestion is chosen) the form submits to its action: /search from
// the masthead, /markets/search from the finder's own page.

interface Suggestion {
  readonly kind: 'stock' | 'index';
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly last: string;
}

const ENDPOINT = '/api/v1/market/symbols';
const DEBOUNCE_MS = 120;
// The suggestions API reads at most this much (MAX_QUERY_LENGTH in src/site/markets/symbolSearch.ts).
const SUGGESTION_QUERY_LENGTH = 40;

function enhance(form: HTMLFormElement, index: number): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (input === null) return;
  const list = document.createElement('ul');
  list.id = `symbol-suggestions-${index}`;
  list.className = 'symbol-search__list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let suggestions: readonly Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (next: number): void => {
    active = next;
    for (const [i, option] of [...list.children].entries()) option.setAttribute('aria-selected', String(i === active));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = (found: readonly Suggestion[]): void => {
    suggestions = found;
    list.replaceChildren(
      ...found.map((suggestion, i) => {
        const option = document.createElement('li');
        option.id = `${list.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const code = document.createElement('strong');
        code.textContent = suggestion.code;
        const detail = document.createElement('span');
        detail.textContent = ` ${suggestion.name}${suggestion.last ? ` · ${suggestion.last}` : ''}`;
        option.append(code, detail);
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          window.location.assign(suggestion.url);
        });
        return option;
      }),
    );
    if (found.length === 0) {
      close();
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  const ask = async (query: string): Promise<void> => {
    const ticket = ++asked;
    try {
      const response = await fetch(`${ENDPOINT}?${new URLSearchParams({ q: query })}`, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok || ticket !== asked) return;
      const body = (await response.json()) as { readonly results: readonly Suggestion[] };
      if (ticket === asked) show(body.results);
    } catch {
      // Offline: the form still works.
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query === '') {
      asked += 1;
      close();
      return;
    }
    timer = setTimeout(() => void ask(query.slice(0, SUGGESTION_QUERY_LENGTH)), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        highlight((active + 1) % suggestions.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        highlight(active <= 0 ? suggestions.length - 1 : active - 1);
        break;
      case 'Enter': {
        const chosen = suggestions[active];
        if (chosen !== undefined) {
          event.preventDefault();
          window.location.assign(chosen.url);
        }
        break;
      }
      case 'Escape':
        close();
        break;
    }
  });
  input.addEventListener('blur', () => close());
}

for (const [index, form] of [...document.querySelectorAll<HTMLFormElement>('form[data-symbol-search]')].entries()) {
  enhance(form, index);
}
