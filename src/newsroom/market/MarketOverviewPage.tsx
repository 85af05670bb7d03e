import type { ImportReport } from '../../ingest/marketImport.js';
import type { MarketStatusView } from '../../market/book/marketSnapshot.js';
import type { EndOfDay } from '../../market/endOfDay/closingRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, karachiStamp } from './deskFormat.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

export interface MarketOverviewProps extends DeskPageProps {
  readonly status: MarketStatusView | null;
  readonly today: string;
  readonly lastClosed: string | null;
  readonly instruments: number;
  readonly indices: number;
  readonly pendingActions: number;
  readonly pendingRecompositions: number;
  readonly closeDate: string;
  readonly problems: readonly FieldProblem[];
  /** The day just closed, shown once after the close. */
  readonly closed?: EndOfDay;
  /** Problems with the last file sent to the import form. */
  readonly importProblems: readonly FieldProblem[];
  /** The report of a file just imported, shown once. */
  readonly imported?: ImportReport;
}

/** The import form's box that lets a closing file of an older day through (the desk refuses it otherwise). */
export const OLDER_DAY_LABEL = 'Lay this older day over the live market';

/** `/admin/market`: where the market stands now, and the end-of-day close. */
export function MarketOverviewPage(props: MarketOverviewProps) {
  const olderDay = props.importProblems.find((p) => p.field === 'force');
  return (
    <MarketDeskLayout title="Market desk" path="/admin/market" {...props}>
      {props.closed !== undefined ? <DayClosed endOfDay={props.closed} /> : null}
      {props.imported !== undefined ? <FileImported report={props.imported} /> : null}
      <h2>Now</h2>
      <dl>
        <dt>Market status</dt>
        <dd>
          {props.status === null ? 'No trading calendar' : props.status.text}
          {props.status?.nextChange ? ` (changes ${karachiStamp(props.status.nextChange)})` : null}
        </dd>
        <dt>Today (Karachi)</dt>
        <dd>{props.today}</dd>
        <dt>Last day closed</dt>
        <dd>{props.lastClosed ?? 'None yet'}</dd>
      </dl>
      <ul class="counts">
        <li>
          <strong>{count(props.instruments)}</strong> <a href="/admin/market/instruments">instruments</a>
        </li>
        <li>
          <strong>{count(props.indices)}</strong> <a href="/admin/market/indices">indices</a>
        </li>
        <li>
          <strong>{count(props.pendingActions)}</strong>{' '}
          <a href="/admin/market/corporate-actions">corporate actions pending</a>
        </li>
        <li>
          <strong>{count(props.pendingRecompositions)}</strong>{' '}
          <a href="/admin/market/indices">recompositions pending</a>
        </li>
      </ul>
      <h2 id="close-day">Close the trading day</h2>
      <p>
        Closing writes each stock's and index's daily bar, makes today's closes tomorrow's LDCPs, and applies the
        corporate actions and recompositions due by the next trading day. It cannot be undone.
      </p>
      <ProblemList problems={props.problems} formId="close" />
      <form class="stacked" method="post" action="/admin/market/close-day" aria-labelledby="close-day">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="close"
          name="date"
          label="Trading date to close"
          type="date"
          value={props.closeDate}
          problems={props.problems}
          required
        />
        <div class="field">
          <label>
            <input type="checkbox" name="confirm" value="yes" required /> I confirm the day's trading is over
          </label>
        </div>
        <button type="submit">Close the trading day</button>
      </form>
      <h2 id="import-heading">Import a file</h2>
      <p>
        The exchange's closing-rate file for a day (<code>closing11.lis</code>, plain, ZIP or gzip) lays that day over
        the market at once: last price, LDCP, open, high, low and volume of every stock in it, and the indices holding
        them. A daily history CSV of one stock or index adds its bars to the history pages.
      </p>
      <ProblemList problems={props.importProblems} formId="import" />
      <form
        class="stacked"
        method="post"
        action="/admin/market/imports"
        enctype="multipart/form-data"
        aria-labelledby="import-heading"
      >
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="import"
          name="file"
          label="File"
          type="file"
          accept=".lis,.zip,.gz,.Z,.csv,.txt"
          value=""
          problems={props.importProblems}
          required
        />
        <div class="field">
          <label for="import-format">Kind of file</label>
          <select id="import-format" name="format">
            <option value="">Tell from the file</option>
            <option value="closing">Closing-rate file</option>
            <option value="csv">Daily history CSV</option>
          </select>
        </div>
        <Field
          formId="import"
          name="symbol"
          label="Symbol or index code (history CSV)"
          hint="Only when the file's name does not start with it"
          value=""
          problems={props.importProblems}
          maxLength={16}
        />
        <div class="field">
          {olderDay ? (
            <span id="import-force-problem" class="field-problem">
              {olderDay.message}
            </span>
          ) : null}
          <label>
            <input
              id="import-force"
              type="checkbox"
              name="force"
              value="yes"
              {...(olderDay ? { 'aria-describedby': 'import-force-problem', 'aria-invalid': 'true' as const } : {})}
            />{' '}
            {OLDER_DAY_LABEL}
          </label>
        </div>
        <button type="submit">Import</button>
      </form>
    </MarketDeskLayout>
  );
}

function DayClosed(props: { readonly endOfDay: EndOfDay }) {
  const { endOfDay } = props;
  return (
    <section aria-labelledby="day-closed" class="flash flash-notice">
      <h2 id="day-closed">{endOfDay.date} closed</h2>
      <ul>
        <li>
          Bars written: {count(endOfDay.instruments.length)} stocks, {count(endOfDay.indices.length)} indices
        </li>
        <li>Next trading day: {endOfDay.nextTradingDate}</li>
        <li>
          Corporate actions applied: {endOfDay.appliedCorporateActions.length}
          {endOfDay.appliedCorporateActions.length > 0
            ? ` (${endOfDay.appliedCorporateActions.map((a) => `${a.symbol} ${a.type}`).join(', ')})`
            : ''}
        </li>
        <li>
          Recompositions applied: {endOfDay.appliedRecompositions.length}
          {endOfDay.appliedRecompositions.length > 0
            ? ` (${endOfDay.appliedRecompositions.map((r) => r.code).join(', ')})`
            : ''}
        </li>
      </ul>
      {endOfDay.problems.length > 0 ? (
        <>
          <h3>Problems</h3>
          <ul>
            {endOfDay.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>No problems.</p>
      )}
    </section>
  );
}

/** The report of a file just imported, shown once above the page. */
export function FileImported(props: { readonly report: ImportReport }) {
  const { report } = props;
  const left = [...report.skipped, ...report.rejected].sort((a, b) => a.line - b.line);
  const notListed = report.rejectedCount + report.skippedCount - left.length;
  return (
    <section aria-labelledby="file-imported" class="flash flash-notice">
      <h2 id="file-imported">
        {report.file} imported: {count(report.accepted)} of {count(report.rowsRead)} rows taken
      </h2>
      <p>
        {report.format === 'closing'
          ? `Closing file of ${report.date ?? 'no date'}: the market now shows that day for the stocks in it.`
          : `Daily history of ${report.symbol}${report.firstDate ? `, ${report.firstDate} to ${report.lastDate}` : ''}.`}
      </p>
      {left.length > 0 ? (
        <>
          <h3>Rows not taken</h3>
          <ul>
            {left.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          {notListed > 0 ? <p>And {count(notListed)} more rows not taken, not listed here.</p> : null}
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <h3>Rows taken with a note</h3>
          <ul>
            {report.warnings.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          {report.warningCount > report.warnings.length ? (
            <p>And {count(report.warningCount - report.warnings.length)} more notes, not listed here.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
