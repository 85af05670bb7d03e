import type { IndexDefinitionView } from '../../desk/market/marketDesk.js';
import type { ImportReport } from '../../ingest/marketImport.js';
import type { IndexView } from '../../market/book/marketSnapshot.js';
import type { ScheduledRecomposition } from '../../market/endOfDay/closingRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, percentOf, points, rupees } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import type { MemberRow } from './deskViews.js';
import { PendingRecompositions } from './IndicesPage.js';
import { MEMBERS_TEXT_MAX } from './indexDefinitionForm.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList, TextAreaField } from './MarketDeskLayout.js';
import { FileImported } from './MarketOverviewPage.js';

export interface IndexPageProps extends DeskPageProps {
  readonly definition: IndexDefinitionView;
  /** The live index; undefined for one the site does not compute. */
  readonly index?: IndexView;
  /** The latest stored daily close, official or the site's. */
  readonly lastClose?: { readonly date: string; readonly close: number };
  readonly members: readonly MemberRow[];
  readonly pending: readonly ScheduledRecomposition[];
  readonly form: { readonly effective: string; readonly add: string; readonly remove: readonly string[] };
  readonly problems: readonly FieldProblem[];
  readonly constituentsForm: FormFields;
  readonly constituentsProblems: readonly FieldProblem[];
  readonly historyProblems: readonly FieldProblem[];
  /** The report of a history file just imported, shown once. */
  readonly imported?: ImportReport;
}

const WEIGHTING_TEXT = { 'free-float': 'free-float market capitalisation', 'full-cap': 'full market capitalisation' };

/**
 * `/admin/market/indices/{code}`: a computed index's constituents with a
 * recomposition form; for either kind, new constituents and a history upload.
 */
export function IndexPage(props: IndexPageProps) {
  const { definition, index } = props;
  const path = `/admin/market/indices/${encodeURIComponent(definition.code)}`;
  return (
    <MarketDeskLayout title={`${definition.code}: ${definition.name}`} path="/admin/market/indices" {...props}>
      {props.imported !== undefined ? <FileImported report={props.imported} /> : null}
      <p>
        <a href="/admin/market/indices">← All indices</a>
      </p>
      <p>
        {index !== undefined
          ? `Value ${points(index.value)}, previous close ${points(index.previousClose)}. `
          : 'Exchange figures only: the site does not compute this index, it shows the closes imported from the exchange’s history. '}
        {definition.weighting !== undefined ? `Weighted by ${WEIGHTING_TEXT[definition.weighting]}, ` : ''}
        {definition.returnType === 'total' ? 'total return' : 'price index'}, base {points(definition.baseValue)}
        {definition.baseDate !== undefined ? ` on ${definition.baseDate}` : ''}
        {definition.maxWeightBasisPoints !== undefined
          ? `, no member above ${percentOf(definition.maxWeightBasisPoints)} %`
          : ''}
        .
        {props.lastClose !== undefined
          ? ` Latest stored close ${points(props.lastClose.close)} on ${props.lastClose.date}.`
          : ' No stored close yet.'}
      </p>
      {index !== undefined ? <Recomposition {...props} index={index} /> : null}
      <NewConstituents {...props} path={path} computed={index !== undefined} />
      <h2 id="history-heading">Import its history</h2>
      <p>
        A daily history CSV of {definition.code} (Date, Price, Open, High, Low, Vol.) adds its closes to the history
        pages{index === undefined ? ' and is what the markets pages show for it' : ''}.
      </p>
      <ProblemList problems={props.historyProblems} formId="history" />
      <form
        class="stacked"
        method="post"
        action={`${path}/history`}
        enctype="multipart/form-data"
        aria-labelledby="history-heading"
      >
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="history"
          name="file"
          label="History CSV"
          type="file"
          accept=".csv,.txt,.zip,.gz"
          value=""
          problems={props.historyProblems}
          required
        />
        <button type="submit">Import history</button>
      </form>
    </MarketDeskLayout>
  );
}

function Recomposition(props: IndexPageProps & { readonly index: IndexView }) {
  const { index } = props;
  const removeProblem = props.problems.find((p) => p.field === 'remove');
  return (
    <>
      <ProblemList problems={props.problems} formId="recompose" />
      <form method="post" action={`/admin/market/indices/${encodeURIComponent(index.code)}/recompositions`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <div class="table-wrap">
          <table>
            <caption>{count(props.members.length)} constituents</caption>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Name</th>
                <th scope="col">Shares</th>
                <th scope="col">Free float %</th>
                <th scope="col">Cap factor %</th>
                <th scope="col">Price (Rs)</th>
                <th scope="col">Weight %</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((member) => (
                <tr key={member.symbol}>
                  <th scope="row">{member.symbol}</th>
                  <td>{member.name}</td>
                  <td>{count(member.shares)}</td>
                  <td>{percentOf(member.freeFloat)}</td>
                  <td>{percentOf(member.capFactor)}</td>
                  <td>{rupees(member.price)}</td>
                  <td>{percentOf(member.weightBasisPoints)}</td>
                  <td>
                    <input
                      type="checkbox"
                      name="remove"
                      value={member.symbol}
                      id={`remove-${member.symbol}`}
                      aria-label={`Remove ${member.symbol}`}
                      {...(props.form.remove.includes(member.symbol) ? { checked: true } : {})}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 id="recompose-heading">Schedule a recomposition</h2>
        <p id="recompose-remove">
          Tick the constituents to remove above, name any to add, and choose the first trading day with the new list.
          The divisor moves at that roll-over so the index opens where it closed.
          {removeProblem ? <strong class="field-problem"> {removeProblem.message}</strong> : null}
        </p>
        <div class="stacked">
          <Field
            formId="recompose"
            name="add"
            label="Add (symbols)"
            value={props.form.add}
            problems={props.problems}
            maxLength={2000}
            hint="Separated by commas or spaces; each comes in with its shares outstanding and free float."
          />
          <Field
            formId="recompose"
            name="effective"
            label="Effective from"
            type="date"
            value={props.form.effective}
            problems={props.problems}
            required
          />
          <button type="submit">Schedule recomposition</button>
        </div>
      </form>
      <h2>Pending for {index.code}</h2>
      <PendingRecompositions pending={props.pending} csrfToken={props.csrfToken} />
    </>
  );
}

/** The whole member list anew: scheduled for a computed index, or the start of computing a published one. */
function NewConstituents(props: IndexPageProps & { readonly path: string; readonly computed: boolean }) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      formId="members"
      name={name}
      label={label}
      value={props.constituentsForm[name] ?? ''}
      problems={props.constituentsProblems}
      {...extra}
    />
  );
  return (
    <>
      <h2 id="members-heading">New constituents</h2>
      <p>
        {props.computed
          ? 'The whole list of members from a date: it replaces the present list at the roll-over into that date.'
          : 'Members make the site compute this index from now on, continuing the exchange’s line from the starting level.'}
      </p>
      <ProblemList problems={props.constituentsProblems} formId="members" />
      <form class="stacked" method="post" action={`${props.path}/constituents`} aria-labelledby="members-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <TextAreaField
          formId="members"
          name="constituents"
          label="Constituents"
          value={props.constituentsForm.constituents ?? ''}
          problems={props.constituentsProblems}
          maxLength={MEMBERS_TEXT_MAX}
          required
          hint="One a line: SYMBOL, or SYMBOL, shares, free float % (shares without commas). Figures left out come from the instrument."
        />
        {props.computed
          ? field('effective', 'Effective from', { type: 'date', hint: 'Default the next trading day.' })
          : field('startLevel', 'Starting level (points)', {
              inputMode: 'decimal',
              maxLength: 20,
              hint: 'Default the latest imported official close.',
            })}
        <button type="submit">{props.computed ? 'Schedule new constituents' : 'Start computing'}</button>
      </form>
    </>
  );
}
