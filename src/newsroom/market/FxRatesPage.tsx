import { FX_PAIRS } from '../../market/fx/fxBook.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { karachiStamp, rupees } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import type { FxRow } from './deskViews.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

export interface FxRatesPageProps extends DeskPageProps {
  readonly today: string;
  readonly rows: readonly FxRow[];
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
  /** The rate is far from the last one: ask the desk to confirm it (src/market/fx/fxJump.ts). */
  readonly confirmJump?: boolean;
}

const MARKET_LABELS = { interbank: 'Interbank (SBP)', open: 'Open market' } as const;

/** `/admin/market/fx`: enter a rate, and today's rates against the previous day on record. */
export function FxRatesPage(props: FxRatesPageProps) {
  const problemOf = (name: string) => props.problems.find((p) => p.field === name);
  return (
    <MarketDeskLayout title="FX rates" path="/admin/market/fx" {...props}>
      <div class="table-wrap">
        <table>
          <caption>Rates on {props.today} (Rs per unit)</caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">Market</th>
              <th scope="col">Buying</th>
              <th scope="col">Selling</th>
              <th scope="col">Buying change vs previous close</th>
              <th scope="col">Source</th>
              <th scope="col">As of</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={`${row.rate.market}:${row.rate.pair}`}>
                <th scope="row">{row.rate.pair}</th>
                <td>{MARKET_LABELS[row.rate.market]}</td>
                <td>{rupees(row.rate.buying)}</td>
                <td>{rupees(row.rate.selling)}</td>
                <td>
                  {row.buyingChange > 0 ? '+' : ''}
                  {rupees(row.buyingChange)} ({row.buyingChangePercent}%) from {rupees(row.rate.previousBuying)}
                  {row.previousDate === null ? '' : ` on ${row.previousDate}`}
                </td>
                <td>{row.rate.source}</td>
                <td>{karachiStamp(row.rate.time)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="fx-heading">Enter a rate</h2>
      <ProblemList problems={props.problems} formId="fx" />
      <form class="stacked" method="post" action="/admin/market/fx" aria-labelledby="fx-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <div class="field">
          <label for="fx-pair">Currency pair</label>
          {problemOf('pair') ? <span class="field-problem">{problemOf('pair')?.message}</span> : null}
          <select id="fx-pair" name="pair">
            {FX_PAIRS.map((pair) => (
              <option key={pair} value={pair} {...(props.form.pair === pair ? { selected: true } : {})}>
                {pair}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="fx-market">Market</label>
          {problemOf('market') ? <span class="field-problem">{problemOf('market')?.message}</span> : null}
          <select id="fx-market" name="market">
            {Object.entries(MARKET_LABELS).map(([market, label]) => (
              <option key={market} value={market} {...(props.form.market === market ? { selected: true } : {})}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field
          formId="fx"
          name="buying"
          label="Buying (Rs)"
          value={props.form.buying ?? ''}
          problems={props.problems}
          inputMode="decimal"
          maxLength={20}
          required
        />
        <Field
          formId="fx"
          name="selling"
          label="Selling (Rs)"
          value={props.form.selling ?? ''}
          problems={props.problems}
          inputMode="decimal"
          maxLength={20}
          hint="Interbank has one rate: leave this empty."
        />
        <Field
          formId="fx"
          name="date"
          label="Date"
          type="date"
          value={props.form.date ?? ''}
          problems={props.problems}
          required
        />
        <Field
          formId="fx"
          name="time"
          label="Time (Karachi, HH:MM)"
          value={props.form.time ?? ''}
          problems={props.problems}
          maxLength={5}
          required
        />
        <Field
          formId="fx"
          name="source"
          label="Source"
          value={props.form.source ?? ''}
          problems={props.problems}
          maxLength={40}
          required
          hint="e.g. SBP, ECAP."
        />
        {props.confirmJump ? (
          <div class="field">
            <label for="fx-confirmJump">
              <input id="fx-confirmJump" type="checkbox" name="confirmJump" value="yes" required /> The rate is right:
              record it although it is far from the last one
            </label>
          </div>
        ) : null}
        <button type="submit">Record rate</button>
      </form>
    </MarketDeskLayout>
  );
}
