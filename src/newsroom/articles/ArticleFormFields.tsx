import type { ComponentChildren } from 'preact';

/** The editor's labelled inputs; each names its error text so screen readers announce it with the field. */

export function TextField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly error: string | undefined;
  readonly required?: boolean;
  readonly list?: string;
  readonly inputMode?: 'numeric';
}) {
  return (
    <LabelledField name={props.name} label={props.label} error={props.error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        value={props.value}
        maxLength={props.max}
        {...(props.required ? { required: true } : {})}
        {...(props.list !== undefined ? { list: props.list } : {})}
        {...(props.inputMode !== undefined ? { inputMode: props.inputMode } : {})}
        {...describedBy(props.name, props.error)}
      />
    </LabelledField>
  );
}

export function TextArea(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly error: string | undefined;
  readonly required?: boolean;
}) {
  return (
    <LabelledField name={props.name} label={props.label} error={props.error}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={3}
        maxLength={props.max}
        {...(props.required ? { required: true } : {})}
        {...describedBy(props.name, props.error)}
      >
        {props.value}
      </textarea>
    </LabelledField>
  );
}

/** A control inside its label, then the field's error (if any) where the control points to it. */
function LabelledField(props: {
  readonly name: string;
  readonly label: string;
  readonly error: string | undefined;
  readonly children: ComponentChildren;
}) {
  return (
    <>
      <label for={fieldId(props.name)}>
        {props.label}
        {props.children}
      </label>
      <FieldErrorText field={props.name} message={props.error} />
    </>
  );
}

export function FieldErrorText(props: { readonly field: string; readonly message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <p class="field-error" id={`${fieldId(props.field)}-error`}>
      {props.message}
    </p>
  );
}

export function describedBy(field: string, error: string | undefined) {
  return error === undefined ? {} : { 'aria-describedby': `${fieldId(field)}-error`, 'aria-invalid': true as const };
}

/** The element id of a field; block fields are named `body.3`, which is not a tidy id. */
export function fieldId(field: string): string {
  return `field-${field.replace(/\./g, '-')}`;
}
