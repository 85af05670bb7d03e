import { CURRENCY_URL } from '../../http/siteUrls.js';
import type { FxRateView, MarketSnapshot } from '../../market/book/marketSnapshot.js';
import type { FxDailyRate } from '../../market/fx/fxBook.js';
import { formatRupees } from '../../market/money/money.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { ChartCredit, ChartFigure } from '../markets/ChartFigure.js';
import { CONVERTER_RATES_ID } from '../markets/converterRates.js';
import { type ConverterState, conversionText, USD_PKR } from '../markets/converterState.js';
import { directionOf, figureClass, signedRupees } from '../markets/marketFigures.js';
import { shortDate } from '../markets/stockFigures.js';

const MARKET_NAMES: Record<FxRateView['market'], string> = { interbank: 'Interbank', open: 'Open market' };

/** "Dollar to PKR": USD/PKR in both markets, the other pairs, and a converter that needs no script. */
export function CurrencyPage(props: {
  readonly chrome: PageChrome;
  readonly snapshot: MarketSnapshot;
  readonly converter: ConverterState;
  /** USD/PKR by day in each market, oldest first (the market's own FX history). */
  readonly history?: FxHistory;
}) {
  const usd = props.snapshot.fx.filter((rate) => rate.pair === USD_PKR);
  const others = props.snapshot.fx.filter((rate) => rate.pair !== USD_PKR);
  // Only a history with a day in it is drawn, so only then does the page load the chart script and credit it.
  const drawn = props.history !== undefined && props.history.interbank.length + props.history.open.length > 0;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={CURRENCY_URL}
      charts={drawn}
      converter
      head={{
        title: 'Dollar to PKR: US dollar rate today',
        description:
          'US dollar to Pakistani rupee: interbank and open-market buying and selling rates, with a converter.',
        canonicalPath: CURRENCY_URL,
      }}
    >
      <h1>Dollar to PKR</h1>
      <RateTable caption="US dollar to Pakistani rupee (Rs per US$)" rates={usd} label="US dollar rates" />
      <Converter state={props.converter} rates={usd} />
      {props.history !== undefined ? <RateHistory history={props.history} /> : null}
      {drawn ? <ChartCredit /> : null}
      {others.length > 0 ? (
        <RateTable caption="Other currencies (Rs per unit)" rates={others} label="Other currency rates" showPair />
      ) : null}
    </Layout>
  );
}

function RateTable(props: {
  readonly caption: string;
  readonly label: string;
  readonly rates: readonly FxRateView[];
  readonly showPair?: boolean;
}) {
  if (props.rates.length === 0) return <p>No rates are available right now.</p>;
  return (
    <ScrollRegion class="table-scroll" label={props.label}>
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.showPair ? <th scope="col">Currency</th> : null}
            <th scope="col" class="text">
              Market
            </th>
            <th scope="col">Buying</th>
            <th scope="col">Change</th>
            <th scope="col">Selling</th>
            <th scope="col">Change</th>
            <th scope="col" class="text">
              Source, time
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rates.map((rate) => {
            const buyingChange = rate.buying - rate.previousBuying;
            const sellingChange = rate.selling - rate.previousSelling;
            return (
              <tr key={`${rate.pair}-${rate.market}`}>
                {props.showPair ? <th scope="row">{rate.pair}</th> : null}
                <td class="text">{MARKET_NAMES[rate.market]}</td>
                <td>{formatRupees(rate.buying, { thousands: true })}</td>
                <td class={figureClass(directionOf(buyingChange))}>
                  {signedRupees(buyingChange as typeof rate.buying)}
                </td>
                <td>{formatRupees(rate.selling, { thousands: true })}</td>
                <td class={figureClass(directionOf(sellingChange))}>
                  {signedRupees(sellingChange as typeof rate.selling)}
                </td>
                <td class="text">
                  {rate.source}, <time dateTime={rate.time.toISOString()}>{formatPublished(rate.time)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Converter(props: { readonly state: ConverterState; readonly rates: readonly FxRateView[] }) {
  const { state } = props;
  const invalid = state.kind === 'invalid';
  return (
    <section aria-labelledby="converter-heading">
      <h2 id="converter-heading">Converter</h2>
      <form method="get" action={CURRENCY_URL} class="converter">
        <div class="form-field">
          <label for="converter-amount">Amount</label>
          <input
            id="converter-amount"
            name="amount"
            type="text"
            inputMode="decimal"
            required
            maxLength={20}
            value={state.amount}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? 'converter-error' : undefined}
          />
        </div>
        <div class="form-field">
          <label for="converter-direction">Convert</label>
          <select id="converter-direction" name="direction">
            <option value="usd-pkr" selected={state.direction === 'usd-pkr'}>
              US dollars to rupees
            </option>
            <option value="pkr-usd" selected={state.direction === 'pkr-usd'}>
              Rupees to US dollars
            </option>
          </select>
        </div>
        <div class="form-field">
          <button class="button" type="submit">
            Convert
          </button>
        </div>
      </form>
      {state.kind === 'invalid' ? (
        <p class="form-error" id="converter-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {/* Always present, so the island's answers as the reader types are announced politely. */}
      <output
        id="converter-result"
        class="converter__result"
        for="converter-amount converter-direction"
        aria-live="polite"
      >
        {state.kind === 'converted'
          ? state.lines.map((line) => {
              const text = conversionText(state.direction, state.amountText, line);
              return (
                <span class="converter__line" key={line.market}>
                  {text.figure} <span class="story-meta">{text.rateNote}</span>
                </span>
              );
            })
          : state.kind === 'unavailable'
            ? state.message
            : null}
      </output>
      <script
        type="application/json"
        id={CONVERTER_RATES_ID}
        // A script element's text is never HTML-escaped: `<` is written as a JSON escape instead.
        dangerouslySetInnerHTML={{ __html: converterRatesJson(props.rates) }}
      />
    </section>
  );
}

/** The US dollar rates in the shape of `/api/v1/market/fx`, so the island reads both with one parser. */
function converterRatesJson(rates: readonly FxRateView[]): string {
  const body = {
    rates: rates.map((rate) => ({
      pair: rate.pair,
      market: rate.market,
      buying: formatRupees(rate.buying),
      selling: formatRupees(rate.selling),
    })),
  };
  return JSON.stringify(body).replaceAll('<', '\\u003c');
}

/** USD/PKR day by day: interbank and open market. */
export interface FxHistory {
  readonly interbank: readonly FxDailyRate[];
  readonly open: readonly FxDailyRate[];
}

function RateHistory(props: { readonly history: FxHistory }) {
  const { interbank, open } = props.history;
  const dates = [...new Set([...interbank, ...open].map((rate) => rate.date))].sort();
  const interbankByDate = new Map(interbank.map((rate) => [rate.date, rate]));
  const openByDate = new Map(open.map((rate) => [rate.date, rate]));
  const rupees = (rate: FxDailyRate | undefined, side: 'buying' | 'selling') =>
    rate === undefined ? '–' : formatRupees(rate[side], { thousands: true });
  return (
    <section aria-labelledby="fx-history-heading">
      <h2 id="fx-history-heading">US dollar rate history</h2>
      {dates.length === 0 ? (
        <p>No daily rates are on record yet.</p>
      ) : (
        <ChartFigure
          id="fx-history"
          title="US dollar in rupees, by day"
          summary="Line chart of the interbank rate and the open-market buying and selling rates of the US dollar, day by day."
          spec={{
            kind: 'lines',
            label: 'USD/PKR',
            lines: [
              { name: 'Interbank', points: interbank.map((rate) => [rate.date, rate.selling] as const) },
              { name: 'Open buying', points: open.map((rate) => [rate.date, rate.buying] as const) },
              { name: 'Open selling', points: open.map((rate) => [rate.date, rate.selling] as const) },
            ],
          }}
          figures={
            <ScrollRegion class="table-scroll table-scroll--tall" label="US dollar rate history table">
              <table class="data-table">
                <caption>US dollar rates by day (Rs), latest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Interbank</th>
                    <th scope="col">Open buying</th>
                    <th scope="col">Open selling</th>
                  </tr>
                </thead>
                <tbody>
                  {[...dates].reverse().map((date) => (
                    <tr key={date}>
                      <th scope="row">
                        <time dateTime={date}>{shortDate(date)}</time>
                      </th>
                      <td>{rupees(interbankByDate.get(date), 'selling')}</td>
                      <td>{rupees(openByDate.get(date), 'buying')}</td>
                      <td>{rupees(openByDate.get(date), 'selling')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          }
        />
      )}
    </section>
  );
}
