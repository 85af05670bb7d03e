import { MARKET_SEARCH_URL, SEARCH_URL } from '../../http/siteUrls.js';
import { MAX_SEARCH_QUERY_LENGTH } from '../../news/searchQuery.js';
import { MAX_QUERY_LENGTH } from '../markets/symbolSearch.js';

/**
 * A plain GET form the search island turns into a combobox with instrument
 * suggestions. In the masthead (`everything`) it searches stories and
 * instruments at /search; on the finder's page, instruments alone (an exact
 * symbol goes straight to its page).
 */
export function SymbolSearchForm(props: {
  readonly query?: string;
  readonly id?: string;
  readonly label?: string;
  readonly everything?: boolean;
}) {
  const id = props.id ?? 'masthead-search';
  const everything = props.everything === true;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is newer than the browsers the site supports; a form with role=search is read the same.
    <form
      class="symbol-search"
      method="get"
      action={everything ? SEARCH_URL : MARKET_SEARCH_URL}
      role="search"
      aria-label={props.label ?? (everything ? 'Search stories and stocks' : 'Stock finder')}
      data-symbol-search=""
    >
      <label for={id} class="visually-hidden">
        {everything ? 'Search stories, stocks and indices' : 'Find a stock or index'}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={everything ? MAX_SEARCH_QUERY_LENGTH : MAX_QUERY_LENGTH}
        placeholder={everything ? 'Search news or stocks' : 'Symbol or company'}
        autoComplete="off"
        spellcheck={false}
        value={props.query ?? ''}
      />
      <button class="symbol-search__button" type="submit">
        {everything ? 'Search' : 'Find'}
      </button>
    </form>
  );
}
