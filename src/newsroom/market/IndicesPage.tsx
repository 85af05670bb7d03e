import type { ScheduledRecomposition } from '../../market/endOfDay/closingRules.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, points } from './deskFormat.js';
import type { IndexSummary } from './deskViews.js';
import { type DeskPageProps, MarketDeskLayout } from './MarketDeskLayout.js';

export interface IndicesPageProps extends DeskPageProps {
  readonly indices: readonly IndexSummary[];
  readonly pending: readonly ScheduledRecomposition[];
}

/** `/admin/market/indices`: the indices with their sizes, and every recomposition waiting for its date. */
export function IndicesPage(props: IndicesPageProps) {
  return (
    <MarketDeskLayout title="Indices" path="/admin/market/indices" {...props}>
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
            </tr>
          </thead>
          <tbody>
            {props.indices.map((index) => (
              <tr key={index.code}>
                <th scope="row">
                  <a href={`/admin/market/indices/${encodeURIComponent(index.code)}`}>{index.code}</a>
                </th>
                <td>{index.name}</td>
                <td>{points(index.value)}</td>
                <td>{count(index.members)}</td>
                <td>{count(index.pendingRecompositions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Pending recompositions</h2>
      <PendingRecompositions pending={props.pending} csrfToken={props.csrfToken} />
    </MarketDeskLayout>
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
