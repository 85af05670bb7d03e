import {
  type CorporateAction,
  corporateActionKey,
  type ExAdjustment,
} from '../../market/corporateActions/corporateAction.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, karachiStamp, percentOf, rupees } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

/** A corporate action the log holds, and whether the market still waits for its ex-date. */
export interface RecordedAction {
  readonly action: CorporateAction;
  readonly recordedAt: Date;
  readonly status: 'pending' | 'applied' | 'withdrawn' | 'amended';
  /** Its identity (src/market/corporateActions/corporateAction.ts `corporateActionKey`). */
  readonly key: string;
}

const STATUS_LABELS: Record<RecordedAction['status'], string> = {
  pending: 'Pending',
  applied: 'Applied',
  withdrawn: 'Withdrawn',
  amended: 'Amended (replaced)',
};

/** The ex-price PSX's formula gives at today's LDCP, shown before the desk confirms. */
export interface ActionPreview {
  readonly action: CorporateAction;
  readonly ldcp: ExAdjustment['exPrice'];
  readonly sharesBefore: number | null;
  readonly adjustment: ExAdjustment;
  readonly appliesNow: boolean;
}

export interface CorporateActionsPageProps extends DeskPageProps {
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
  readonly preview?: ActionPreview;
  readonly pending: readonly CorporateAction[];
  readonly recorded: readonly RecordedAction[];
}

const TYPE_LABELS: Record<CorporateAction['type'], string> = {
  bonus: 'Bonus shares',
  right: 'Right shares',
  split: 'Share split',
  cashDividend: 'Cash dividend',
};

/** What an action is, in words: `25 % bonus`, `20 % right at Rs 10.00`, `1 → 10 split`, `Rs 5.00 dividend`. */
export function describeAction(action: CorporateAction): string {
  switch (action.type) {
    case 'bonus':
      return `${entitlement(action.bonusBasisPoints, action.ratio)} bonus`;
    case 'right':
      return `${entitlement(action.rightBasisPoints, action.ratio)} right at Rs ${rupees(action.subscriptionPrice)}`;
    case 'split':
      return `${count(action.sharesBefore)} → ${count(action.sharesAfter)} split`;
    case 'cashDividend':
      return `Rs ${rupees(action.dividend)} dividend`;
  }
}

/** `25 %` from basis points, or `1 for 55` from an exact ratio of new shares to held ones. */
function entitlement(
  basisPoints: number | undefined,
  ratio: { newShares: number; heldShares: number } | undefined,
): string {
  return ratio === undefined
    ? `${percentOf(basisPoints ?? null)} %`
    : `${count(ratio.newShares)} for ${count(ratio.heldShares)}`;
}

/** `/admin/corporate-actions`: announce an action (preview, then confirm), and the actions on record. */
export function CorporateActionsPage(props: CorporateActionsPageProps) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      formId="action"
      name={name}
      label={label}
      value={props.form[name] ?? ''}
      problems={props.problems}
      {...extra}
    />
  );
  const typeProblem = props.problems.find((p) => p.field === 'type');
  return (
    <MarketDeskLayout title="Corporate actions" path="/admin/market/corporate-actions" {...props}>
      {props.preview !== undefined ? (
        <Preview preview={props.preview} csrfToken={props.csrfToken} form={props.form} />
      ) : null}
      <h2 id="action-heading">{props.form.replaces ? 'Amend a waiting action' : 'Announce an action'}</h2>
      <p>
        {props.form.replaces
          ? 'Correct the figures: the amended action replaces the waiting one when you confirm. You will see the ex-price first.'
          : 'Fill in the figures of the chosen kind only. You will see the ex-price before anything is recorded.'}
      </p>
      <ProblemList problems={props.problems} formId="action" />
      <form class="stacked" method="post" action="/admin/market/corporate-actions" aria-labelledby="action-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="step" value="preview" />
        {props.form.replaces ? <input type="hidden" name="replaces" value={props.form.replaces} /> : null}
        <div class="field">
          <label for="action-type">Kind of action</label>
          {typeProblem ? <span class="field-problem">{typeProblem.message}</span> : null}
          <select id="action-type" name="type">
            {Object.entries(TYPE_LABELS).map(([type, label]) => (
              <option key={type} value={type} {...(props.form.type === type ? { selected: true } : {})}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {field('symbol', 'Symbol', { required: true, maxLength: 16 })}
        {field('exDate', 'Ex-date', { required: true, type: 'date' })}
        <fieldset>
          <legend>Bonus</legend>
          {field('bonusPercent', 'Bonus %', {
            inputMode: 'decimal',
            maxLength: 12,
            hint: '25 for one new share per four held.',
          })}
        </fieldset>
        <fieldset>
          <legend>Right</legend>
          {field('rightPercent', 'Right %', { inputMode: 'decimal', maxLength: 12 })}
          {field('subscriptionPrice', 'Subscription price (Rs)', { inputMode: 'decimal', maxLength: 20 })}
        </fieldset>
        <fieldset>
          <legend>Split</legend>
          {field('sharesBefore', 'Old shares', { inputMode: 'numeric', maxLength: 12 })}
          {field('sharesAfter', 'become new shares', { inputMode: 'numeric', maxLength: 12 })}
        </fieldset>
        <fieldset>
          <legend>Cash dividend</legend>
          {field('dividend', 'Dividend per share (Rs)', { inputMode: 'decimal', maxLength: 20 })}
        </fieldset>
        <button type="submit">Preview ex-price</button>
      </form>
      <h2>Pending (waiting for their ex-date)</h2>
      {props.pending.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {props.pending.map((action, i) => (
            <li key={`${action.symbol}-${action.exDate}-${i}`}>
              {action.symbol}: {describeAction(action)}, ex {action.exDate}
              <PendingActionForms action={action} index={i} csrfToken={props.csrfToken} />
            </li>
          ))}
        </ul>
      )}
      <h2>Recorded</h2>
      {props.recorded.length === 0 ? (
        <p>No corporate action on record.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Action</th>
                <th scope="col">Ex-date</th>
                <th scope="col">Recorded</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.recorded.map((entry, i) => (
                <tr key={`${entry.action.symbol}-${i}`}>
                  <td>{entry.action.symbol}</td>
                  <td>{describeAction(entry.action)}</td>
                  <td>{entry.action.exDate}</td>
                  <td>{karachiStamp(entry.recordedAt)}</td>
                  <td>{STATUS_LABELS[entry.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </MarketDeskLayout>
  );
}

function Preview(props: { readonly preview: ActionPreview; readonly csrfToken: string; readonly form: FormFields }) {
  const { preview } = props;
  const { action, adjustment } = preview;
  return (
    <section aria-labelledby="preview-heading" class="flash flash-notice">
      <h2 id="preview-heading">
        Preview: {action.symbol} {describeAction(action)}, ex {action.exDate}
      </h2>
      <dl>
        <dt>LDCP now</dt>
        <dd>Rs {rupees(preview.ldcp)}</dd>
        <dt>Ex-price (PSX formula)</dt>
        <dd>Rs {rupees(adjustment.exPrice)}</dd>
        <dt>Shares outstanding</dt>
        <dd>
          {count(preview.sharesBefore)} → {count(adjustment.sharesOutstanding)}
        </dd>
      </dl>
      <p>
        {preview.appliesNow
          ? 'The ex-date is today or past: it applies as soon as you confirm.'
          : 'It waits for the roll-over into its ex-date, and the ex-price will be worked out from that day’s close.'}
      </p>
      <form method="post" action="/admin/market/corporate-actions">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="step" value="confirm" />
        {Object.entries(props.form).map(([name, value]) =>
          name === 'step' || name === CSRF_FIELD || value === undefined ? null : (
            <input key={name} type="hidden" name={name} value={value} />
          ),
        )}
        <button type="submit">Confirm and record</button>
      </form>
    </section>
  );
}

/**
 * Withdraw (with the reason, kept in the audit log) or amend an action still
 * waiting for its ex-date. An applied one has no forms: it moved prices and
 * index divisors, and is corrected by recording the correcting action.
 */
function PendingActionForms(props: {
  readonly action: CorporateAction;
  readonly index: number;
  readonly csrfToken: string;
}) {
  const key = corporateActionKey(props.action);
  const id = `pending-${props.index}`;
  return (
    <div class="inline-forms">
      <form class="inline" method="post" action="/admin/market/corporate-actions/withdraw">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="key" value={key} />
        <label for={`${id}-reason`}>Reason to withdraw </label>
        <input id={`${id}-reason`} name="reason" required maxLength={500} />{' '}
        <button type="submit">
          Withdraw <span class="visually-hidden">the {props.action.symbol} action</span>
        </button>
      </form>
      <form class="inline" method="post" action="/admin/market/corporate-actions/amend">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="key" value={key} />
        <button type="submit">
          Amend <span class="visually-hidden">the {props.action.symbol} action</span>
        </button>
      </form>
    </div>
  );
}
