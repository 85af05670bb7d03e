import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, percentOf, rupees } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import type { InstrumentRow } from './deskViews.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

export interface InstrumentsPageProps extends DeskPageProps {
  readonly rows: readonly InstrumentRow[];
  /** What the add form shows: empty, or what was sent when it came back with problems. */
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
}

/** `/admin/market/instruments`: every listed instrument, and a form to list one more. */
export function InstrumentsPage(props: InstrumentsPageProps) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      formId="list"
      name={name}
      label={label}
      value={props.form[name] ?? ''}
      problems={props.problems}
      {...extra}
    />
  );
  return (
    <MarketDeskLayout title="Instruments" path="/admin/market/instruments" {...props}>
      <div class="table-wrap">
        <table>
          <caption>{count(props.rows.length)} listed instruments</caption>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Name</th>
              <th scope="col">Sector</th>
              <th scope="col">Shares outstanding</th>
              <th scope="col">Free float %</th>
              <th scope="col">Tick (Rs)</th>
              <th scope="col">Lot</th>
              <th scope="col">LDCP (Rs)</th>
              <th scope="col">Last (Rs)</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map(({ instrument, ldcp, last }) => (
              <tr key={instrument.symbol}>
                <th scope="row">
                  <a href={`/admin/market/instruments/${encodeURIComponent(instrument.symbol)}`}>{instrument.symbol}</a>
                </th>
                <td>{instrument.name}</td>
                <td>{instrument.sector}</td>
                <td>{count(instrument.sharesOutstanding)}</td>
                <td>{percentOf(instrument.freeFloat)}</td>
                <td>{rupees(instrument.tickSize)}</td>
                <td>{count(instrument.lotSize)}</td>
                <td>{rupees(ldcp)}</td>
                <td>{rupees(last)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="list-heading">List an instrument</h2>
      <ProblemList problems={props.problems} formId="list" />
      <form class="stacked" method="post" action="/admin/market/instruments" aria-labelledby="list-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {field('symbol', 'Symbol', {
          required: true,
          maxLength: 16,
          hint: 'Upper-case letters and digits, e.g. OGDC.',
        })}
        {field('name', 'Company name', { required: true })}
        {field('sector', 'Sector', { required: true, maxLength: 80 })}
        {field('sharesOutstanding', 'Shares outstanding', { required: true, inputMode: 'numeric', maxLength: 30 })}
        {field('freeFloat', 'Free float %', {
          required: true,
          inputMode: 'decimal',
          maxLength: 12,
          hint: 'e.g. 45 or 12.5',
        })}
        {field('ldcp', 'First LDCP (Rs)', {
          required: true,
          inputMode: 'decimal',
          maxLength: 20,
          hint: 'The price its first day is measured against.',
        })}
        {field('tickSize', 'Tick size (Rs)', { inputMode: 'decimal', maxLength: 20, hint: 'Default 0.01.' })}
        {field('lotSize', 'Lot size (shares)', { inputMode: 'numeric', maxLength: 30, hint: 'Default 1.' })}
        <button type="submit">List instrument</button>
      </form>
    </MarketDeskLayout>
  );
}
