import type { IndexView } from '../../market/book/marketSnapshot.js';
import type { ScheduledRecomposition } from '../../market/endOfDay/closingRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, percentOf, points, rupees } from './deskFormat.js';
import type { MemberRow } from './deskViews.js';
import { PendingRecompositions } from './IndicesPage.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

export interface IndexPageProps extends DeskPageProps {
  readonly index: IndexView;
  readonly members: readonly MemberRow[];
  readonly pending: readonly ScheduledRecomposition[];
  readonly form: { readonly effective: string; readonly add: string; readonly remove: readonly string[] };
  readonly problems: readonly FieldProblem[];
}

/** `/admin/market/indices/{code}`: constituents as the index counts them, and a recomposition form. */
export function IndexPage(props: IndexPageProps) {
  const { index } = props;
  const removeProblem = props.problems.find((p) => p.field === 'remove');
  return (
    <MarketDeskLayout title={`${index.code}: ${index.name}`} path="/admin/market/indices" {...props}>
      <p>
        <a href="/admin/market/indices">← All indices</a>
      </p>
      <p>
        Value {points(index.value)}, previous close {points(index.previousClose)}.
      </p>
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
    </MarketDeskLayout>
  );
}
