// Display of API field errors inside forms.
import { formatFieldMessage } from '../api/client';
import type { FieldErrors } from '../api/client';

/** Renders the messages for one field, placed under its input. */
export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id: string }) {
  const messages = errors[field];
  if (!messages || messages.length === 0) {
    return null;
  }
  return (
    <ul className="field-error" id={id} data-field={field}>
      {messages.map((message) => (
        <li key={message}>{formatFieldMessage(field, message)}</li>
      ))}
    </ul>
  );
}

/** Renders the errors whose key matches none of the form's fields, placed above the form. */
export function FormErrors({ errors, fields }: { errors: FieldErrors; fields: readonly string[] }) {
  const entries = Object.entries(errors).filter(([field]) => !fields.includes(field));
  if (entries.length === 0) {
    return null;
  }
  return (
    <ul className="form-errors" role="alert">
      {entries.flatMap(([field, messages]) =>
        messages.map((message) => (
          <li key={`${field}:${message}`}>{formatFieldMessage(field, message)}</li>
        )),
      )}
    </ul>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  type?: 'text' | 'email' | 'password' | 'url';
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
}

/** Renders a labelled input with its API errors right under it. */
export function TextField(props: TextFieldProps) {
  const { name, label, value, onChange, errors, type = 'text', multiline = false, rows = 8 } = props;
  const inputId = `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const invalid = (errors[name]?.length ?? 0) > 0;
  const describedBy = [props.hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: inputId,
    name,
    value,
    placeholder: props.placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: invalid ? 'input input-invalid' : 'input',
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={props.autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
      {props.hint && (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FieldError errors={errors} field={name} id={errorId} />
    </div>
  );
}
