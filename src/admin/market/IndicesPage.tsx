import type { ScheduledRecomposition } from '../../market/endOfDay.js';
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
      <PendingRecompositions pending={props.pending} />
    </MarketDeskLayout>
  );
}

export function PendingRecompositions(props: { readonly pending: readonly ScheduledRecomposition[] }) {
  if (props.pending.length === 0) return <p>None scheduled.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Index</th>
            <th scope="col">Effective</th>
            <th scope="col">Constituents from then</th>
          </tr>
        </thead>
        <tbody>
          {props.pending.map((recomposition, i) => (
            <tr key={`${recomposition.code}-${recomposition.effective}-${i}`}>
              <td>{recomposition.code}</td>
              <td>{recomposition.effective}</td>
              <td>
                {count(recomposition.constituents.length)}: {recomposition.constituents.map((c) => c.symbol).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
