import { MARKET_SEARCH_URL } from '../../http/siteUrls.js';
import { MAX_QUERY_LENGTH } from '../markets/symbolSearch.js';

/**
 * The masthead's stock and index finder: a plain GET form (an exact symbol
 * goes straight to its page), which the search island turns into a combobox
 * with suggestions.
 */
export function SymbolSearchForm(props: { readonly query?: string; readonly id?: string; readonly label?: string }) {
  const id = props.id ?? 'masthead-search';
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is newer than the browsers the site supports; a form with role=search is read the same.
    <form
      class="symbol-search"
      method="get"
      action={MARKET_SEARCH_URL}
      role="search"
      aria-label={props.label ?? 'Stock finder'}
      data-symbol-search=""
    >
      <label for={id} class="visually-hidden">
        Find a stock or index
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Symbol or company"
        autoComplete="off"
        spellcheck={false}
        value={props.query ?? ''}
      />
      <button class="symbol-search__button" type="submit">
        Find
      </button>
    </form>
  );
}
