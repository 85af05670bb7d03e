import type { ListingReport } from '../../desk/market/listingUpload.js';
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
  /** Problems with the last listing file sent. */
  readonly listingProblems: readonly FieldProblem[];
  /** What a listing file just loaded did, shown once. */
  readonly listingReport?: ListingReport;
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
      {props.listingReport !== undefined ? <ListingLoaded report={props.listingReport} /> : null}
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
      <h2 id="listing-heading">Load a listing file</h2>
      <p>
        The paper's listing file (CSV with a header row: Symbol, Name, Sector, Shares outstanding, Free float %, and
        optionally LDCP; plain, ZIP or gzip) gives the instruments their names, sectors and share counts. Listed stocks
        take them at once; a row with an LDCP lists a new stock; the other rows wait for the stock's first closing file.
      </p>
      <ProblemList problems={props.listingProblems} formId="listing" />
      <form
        class="stacked"
        method="post"
        action="/admin/market/listing"
        enctype="multipart/form-data"
        aria-labelledby="listing-heading"
      >
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="listing"
          name="file"
          label="Listing file"
          type="file"
          accept=".csv,.txt,.zip,.gz"
          value=""
          problems={props.listingProblems}
          required
        />
        <button type="submit">Load listing</button>
      </form>
    </MarketDeskLayout>
  );
}

function ListingLoaded(props: { readonly report: ListingReport }) {
  const { report } = props;
  return (
    <section aria-labelledby="listing-loaded" class="flash flash-notice">
      <h2 id="listing-loaded">
        {report.file} loaded: {count(report.accepted)} of {count(report.rowsRead)} rows taken
      </h2>
      <ul>
        <li>Listed instruments updated: {count(report.updated)}</li>
        <li>New stocks listed: {count(report.listed)}</li>
        <li>Kept for stocks not listed yet: {count(report.kept)}</li>
        <li>Rows rejected: {count(report.rejectedCount)}</li>
      </ul>
      {report.rejected.length > 0 ? (
        <>
          <h3>Rows not taken</h3>
          <ul>
            {report.rejected.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          {report.rejectedCount > report.rejected.length ? (
            <p>And {count(report.rejectedCount - report.rejected.length)} more rows not taken, not listed here.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
