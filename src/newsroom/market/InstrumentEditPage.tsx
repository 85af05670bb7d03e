import type { Instrument } from '../../market/quotes/instrument.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { count, percentOf, rupees } from './deskFormat.js';
import type { FormFields } from './deskForms.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';

export interface InstrumentEditPageProps extends DeskPageProps {
  readonly instrument: Instrument;
  /** Index codes holding the stock: each keeps its own shares and free float for it. */
  readonly indices: readonly string[];
  readonly form: FormFields;
  readonly problems: readonly FieldProblem[];
}

/** The edit form's fields as the instrument stands. */
export function amendmentFields(instrument: Instrument): FormFields {
  return {
    name: instrument.name,
    sector: instrument.sector,
    sharesOutstanding: instrument.sharesOutstanding === null ? '' : String(instrument.sharesOutstanding),
    freeFloat: instrument.freeFloat === null ? '' : percentOf(instrument.freeFloat).replaceAll(',', ''),
  };
}

/** `/admin/market/instruments/{symbol}`: correct its name, sector, shares outstanding and free float. */
export function InstrumentEditPage(props: InstrumentEditPageProps) {
  const { instrument } = props;
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      formId="amend"
      name={name}
      label={label}
      value={props.form[name] ?? ''}
      problems={props.problems}
      required
      {...extra}
    />
  );
  return (
    <MarketDeskLayout title={`${instrument.symbol}: ${instrument.name}`} path="/admin/market/instruments" {...props}>
      <p>
        <a href="/admin/market/instruments">← All instruments</a>
      </p>
      <dl>
        <dt>Shares outstanding</dt>
        <dd>{count(instrument.sharesOutstanding)}</dd>
        <dt>Free float</dt>
        <dd>{instrument.freeFloat === null ? percentOf(null) : `${percentOf(instrument.freeFloat)} %`}</dd>
        <dt>Tick and lot</dt>
        <dd>
          Rs {rupees(instrument.tickSize)}, {count(instrument.lotSize)} {instrument.lotSize === 1 ? 'share' : 'shares'}
        </dd>
        <dt>In indices</dt>
        <dd>{props.indices.length > 0 ? props.indices.join(', ') : 'None'}</dd>
      </dl>
      <h2 id="amend-heading">Edit</h2>
      {props.indices.length > 0 ? (
        <p>
          A new share count or free float changes the instrument only. Each index holding {instrument.symbol} keeps its
          own shares and free float for it until that index is recomposed or a corporate action adjusts it.
        </p>
      ) : null}
      <ProblemList problems={props.problems} formId="amend" />
      <form
        class="stacked"
        method="post"
        action={`/admin/market/instruments/${encodeURIComponent(instrument.symbol)}`}
        aria-labelledby="amend-heading"
      >
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {field('name', 'Company name')}
        {field('sector', 'Sector', { maxLength: 80 })}
        {field('sharesOutstanding', 'Shares outstanding', { inputMode: 'numeric', maxLength: 30 })}
        {field('freeFloat', 'Free float %', { inputMode: 'decimal', maxLength: 12 })}
        <button type="submit">Save {instrument.symbol}</button>
      </form>
    </MarketDeskLayout>
  );
}
