import type { ScheduledRecomposition } from '../../market/endOfDay/closingRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, points } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import type { IndexSummary } from './deskViews.js';
import { MEMBERS_TEXT_MAX } from './indexDefinitionForm.js';
import {
  ChoiceField,
  type DeskPageProps,
  Field,
  MarketDeskLayout,
  ProblemList,
  TextAreaField,
} from './MarketDeskLayout.js';

/** An index the site names but does not compute. */
export interface PublishedRow {
  readonly code: string;
  readonly name: string;
}

export interface IndicesPageProps extends DeskPageProps {
  readonly indices: readonly IndexSummary[];
  readonly published: readonly PublishedRow[];
  readonly pending: readonly ScheduledRecomposition[];
  /** What the define form shows: the defaults, or what was sent when it came back with problems. */
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
  /** The index whose withdrawal waits for a confirmation. */
  readonly withdrawing?: PublishedRow & { readonly computed: boolean };
}

const indexPath = (code: string) => `/admin/market/indices/${encodeURIComponent(code)}`;

/** `/admin/market/indices`: the indices with their sizes, every recomposition waiting for its date, and a new index. */
export function IndicesPage(props: IndicesPageProps) {
  return (
    <MarketDeskLayout title="Indices" path="/admin/market/indices" {...props}>
      {props.withdrawing !== undefined ? (
        <ConfirmWithdrawal index={props.withdrawing} csrfToken={props.csrfToken} />
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>Indices</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Constituents</th>
              <th scope="col">Recompositions pending</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.indices.map((index) => (
              <tr key={index.code}>
                <th scope="row">
                  <a href={indexPath(index.code)}>{index.code}</a>
                </th>
                <td>{index.name}</td>
                <td>{points(index.value)}</td>
                <td>{count(index.members)}</td>
                <td>{count(index.pendingRecompositions)}</td>
                <td>
                  <WithdrawButton code={index.code} csrfToken={props.csrfToken} />
                </td>
              </tr>
            ))}
            {props.published.map((index) => (
              <tr key={index.code}>
                <th scope="row">
                  <a href={indexPath(index.code)}>{index.code}</a>
                </th>
                <td>{index.name}</td>
                <td>Exchange figures only</td>
                <td>
                  Not computed: <a href={`${indexPath(index.code)}#history-heading`}>import its history</a>
                </td>
                <td>—</td>
                <td>
                  <WithdrawButton code={index.code} csrfToken={props.csrfToken} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Pending recompositions</h2>
      <PendingRecompositions pending={props.pending} csrfToken={props.csrfToken} />
      <DefineIndexForm form={props.form} problems={props.problems} csrfToken={props.csrfToken} />
    </MarketDeskLayout>
  );
}

/** The first step of a withdrawal: it only asks, on the page that follows. */
function WithdrawButton(props: { readonly code: string; readonly csrfToken: string }) {
  return (
    <form class="inline" method="post" action={`${indexPath(props.code)}/withdraw`}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <button type="submit">
        Withdraw…<span class="visually-hidden"> {props.code}</span>
      </button>
    </form>
  );
}

function ConfirmWithdrawal(props: {
  readonly index: PublishedRow & { readonly computed: boolean };
  readonly csrfToken: string;
}) {
  const { index } = props;
  return (
    <section aria-labelledby="withdraw-heading" class="flash flash-error">
      <h2 id="withdraw-heading">
        Withdraw {index.code}: {index.name}?
      </h2>
      <p>
        {index.computed
          ? 'The site stops computing it at once, and it leaves the markets pages with its pending recompositions.'
          : 'It leaves the markets pages.'}{' '}
        Its stored daily history stays. It cannot be undone, but the index can be defined again.
      </p>
      <form class="inline" method="post" action={`${indexPath(index.code)}/withdraw`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">Withdraw {index.code}</button>
      </form>{' '}
      <a href="/admin/market/indices">Keep it</a>
    </section>
  );
}

/** A new index: computed from the members given, or, with none, shown from the exchange's published closes. */
function DefineIndexForm(props: {
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
  readonly csrfToken: string;
}) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      formId="define"
      name={name}
      label={label}
      value={props.form[name] ?? ''}
      problems={props.problems}
      {...extra}
    />
  );
  return (
    <>
      <h2 id="define-heading">Define an index</h2>
      <ProblemList problems={props.problems} formId="define" />
      <form class="stacked" method="post" action="/admin/market/indices" aria-labelledby="define-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {field('code', 'Code', { required: true, maxLength: 16, hint: 'Upper-case letters and digits, e.g. BR30.' })}
        {field('name', 'Name', { required: true })}
        <ChoiceField
          formId="define"
          name="weighting"
          legend="Weighting"
          value={props.form.weighting ?? ''}
          problems={props.problems}
          choices={[
            { value: 'free-float', label: 'Free-float market capitalisation (KSE-100 since 2012)' },
            { value: 'full-cap', label: 'Full market capitalisation (every share counts)' },
          ]}
        />
        <ChoiceField
          formId="define"
          name="returnType"
          legend="Return type"
          value={props.form.returnType ?? ''}
          problems={props.problems}
          choices={[
            { value: 'price', label: 'Price index' },
            { value: 'total', label: 'Total return (cash dividends reinvested)' },
          ]}
        />
        {field('baseDate', 'Base date', { type: 'date', hint: 'Optional, for the record.' })}
        {field('baseValue', 'Base value (points)', {
          required: true,
          inputMode: 'decimal',
          maxLength: 20,
          hint: 'The level at the base date, e.g. 1000.',
        })}
        {field('startLevel', 'Starting level (points)', {
          inputMode: 'decimal',
          maxLength: 20,
          hint: 'Where the index stands on today’s closes; default the base value. To continue an index the exchange publishes, give its last official close.',
        })}
        {field('maxWeight', 'Weight cap %', {
          inputMode: 'decimal',
          maxLength: 12,
          hint: 'Optional: the largest weight one member may carry, e.g. 15.',
        })}
        <TextAreaField
          formId="define"
          name="constituents"
          label="Constituents"
          value={props.form.constituents ?? ''}
          problems={props.problems}
          maxLength={MEMBERS_TEXT_MAX}
          hint="One a line: SYMBOL, or SYMBOL, shares, free float % (shares without commas). Figures left out come from the instrument. Leave empty for an index only the exchange computes: the site then shows its published closes."
        />
        <button type="submit">Define index</button>
      </form>
    </>
  );
}

/** Recompositions waiting for their date, each with a button that withdraws it. */
export function PendingRecompositions(props: {
  readonly pending: readonly ScheduledRecomposition[];
  readonly csrfToken: string;
}) {
  if (props.pending.length === 0) return <p>None scheduled.</p>;
  // One button per index and date: cancelling withdraws every recomposition of that index for that date.
  const seen = new Set<string>();
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Index</th>
            <th scope="col">Effective</th>
            <th scope="col">Constituents from then</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.pending.map((recomposition, i) => {
            const key = `${recomposition.code}|${recomposition.effective}`;
            const first = !seen.has(key);
            seen.add(key);
            return (
              <tr key={`${key}-${i}`}>
                <td>{recomposition.code}</td>
                <td>{recomposition.effective}</td>
                <td>
                  {count(recomposition.constituents.length)}:{' '}
                  {recomposition.constituents.map((c) => c.symbol).join(', ')}
                </td>
                <td>
                  {first ? (
                    <form
                      class="inline"
                      method="post"
                      action={`/admin/market/indices/${encodeURIComponent(recomposition.code)}/recompositions/cancel`}
                    >
                      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                      <input type="hidden" name="effective" value={recomposition.effective} />
                      <button type="submit">
                        Cancel
                        <span class="visually-hidden">
                          {' '}
                          {recomposition.code} recomposition of {recomposition.effective}
                        </span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
