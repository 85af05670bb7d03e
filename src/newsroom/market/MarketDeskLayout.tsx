import type { ComponentChildren } from 'preact';
import type { Actor } from '../../news/roles.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { isRealDate } from './deskInput.js';

/** The desk's areas, in the order its sub-menu lists them. */
export const DESK_AREAS = [
  { label: 'Overview', path: '/admin/market' },
  { label: 'Instruments', path: '/admin/market/instruments' },
  { label: 'Indices', path: '/admin/market/indices' },
  { label: 'Corporate actions', path: '/admin/market/corporate-actions' },
  { label: 'FX rates', path: '/admin/market/fx' },
  { label: 'Calendar', path: '/admin/market/calendar' },
] as const;

export interface DeskPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly flash?: Flash;
}

/** Every market desk page: the newsroom shell, the desk's own menu, then the page. */
export function MarketDeskLayout(
  props: DeskPageProps & { readonly title: string; readonly path: string; readonly children: ComponentChildren },
) {
  return (
    <AdminLayout
      title={props.title}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath={props.path}
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <nav aria-label="Market desk">
        <ul class="desk-areas">
          {DESK_AREAS.map((area) => (
            <li key={area.path}>
              <a href={area.path} {...(area.path === props.path ? { 'aria-current': 'page' as const } : {})}>
                {area.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </AdminLayout>
  );
}

/** What was wrong with a form, listed above it; each item links to its field when it has one. */
export function ProblemList(props: { readonly problems: readonly FieldProblem[]; readonly formId: string }) {
  if (props.problems.length === 0) return null;
  return (
    <div class="flash flash-error" role="alert">
      <p>Nothing was changed. Please correct:</p>
      <ul>
        {props.problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {problem.field === '' ? (
              problem.message
            ) : (
              <a href={`#${props.formId}-${problem.field}`}>{problem.message}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A labelled text field that shows its own problem and is marked invalid for
 * assistive technology. A date field shows a typed value only when it is a real
 * date (anything else is not a valid value for it); its problem still says what was wrong.
 * A file field never carries a value (HTML does not allow one).
 */
export function Field(props: {
  readonly formId: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly problems: readonly FieldProblem[];
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'date' | 'file';
  readonly inputMode?: 'numeric' | 'decimal';
  readonly maxLength?: number;
  /** File fields: the kinds of file offered, as for the `accept` attribute. */
  readonly accept?: string;
}) {
  const id = `${props.formId}-${props.name}`;
  const problem = props.problems.find((p) => p.field === props.name);
  const described = [props.hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span id={`${id}-hint`} class="muted">
          {props.hint}
        </span>
      ) : null}
      {problem ? (
        <span id={`${id}-problem`} class="field-problem">
          {problem.message}
        </span>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        {...(props.type === 'file'
          ? { accept: props.accept }
          : { value: props.type === 'date' && !isRealDate(props.value) ? '' : props.value })}
        {...(props.type === undefined || props.type === 'text' ? { maxLength: props.maxLength ?? 120 } : {})}
        {...(props.inputMode ? { inputMode: props.inputMode } : {})}
        {...(props.required ? { required: true } : {})}
        {...(problem ? { 'aria-invalid': 'true' as const } : {})}
        {...(described !== '' ? { 'aria-describedby': described } : {})}
      />
    </div>
  );
}

/** A labelled box of many lines, marked like `Field`. */
export function TextAreaField(props: {
  readonly formId: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly problems: readonly FieldProblem[];
  readonly hint?: string;
  readonly required?: boolean;
  readonly maxLength: number;
  readonly rows?: number;
}) {
  const id = `${props.formId}-${props.name}`;
  const problems = props.problems.filter((p) => p.field === props.name);
  const described = [props.hint ? `${id}-hint` : null, problems.length > 0 ? `${id}-problem` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span id={`${id}-hint`} class="muted">
          {props.hint}
        </span>
      ) : null}
      {problems.length > 0 ? (
        <span id={`${id}-problem`} class="field-problem">
          {problems.map((p) => p.message).join(' ')}
        </span>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        maxLength={props.maxLength}
        {...(props.required ? { required: true } : {})}
        {...(problems.length > 0 ? { 'aria-invalid': 'true' as const } : {})}
        {...(described !== '' ? { 'aria-describedby': described } : {})}
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend asks the question. */
export function ChoiceField(props: {
  readonly formId: string;
  readonly name: string;
  readonly legend: string;
  readonly value: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly problems: readonly FieldProblem[];
}) {
  const id = `${props.formId}-${props.name}`;
  const problem = props.problems.find((p) => p.field === props.name);
  return (
    <fieldset class="field" id={id} {...(problem ? { 'aria-describedby': `${id}-problem` } : {})}>
      <legend>{props.legend}</legend>
      {problem ? (
        <span id={`${id}-problem`} class="field-problem">
          {problem.message}
        </span>
      ) : null}
      {props.choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            {...(choice.value === props.value ? { checked: true } : {})}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
