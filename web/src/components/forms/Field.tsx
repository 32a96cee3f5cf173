// Form fields with their label, hint and error always wired to the control (for, id,
// aria-describedby, aria-invalid), so that a screen reader reads the same thing the eye sees.
import type {
  ComponentChildren,
  InputHTMLAttributes,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'preact';
import { useI18n } from '../../i18n';
import { Icon } from '../Icon';

interface Common {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** Shown after the label, e.g. "(facultatif)". */
  optional?: boolean;
}

export function describedBy(
  id: string,
  hint: unknown,
  error: unknown,
  extra?: string,
): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ id, label, optional }: Pick<Common, 'id' | 'label' | 'optional'>) {
  const { t } = useI18n();
  return (
    <label for={id} class="field-label">
      {label}
      {optional && <span class="field-optional"> {t.form.optional}</span>}
    </label>
  );
}

export function FieldMessages({ id, hint, error }: Pick<Common, 'id' | 'hint' | 'error'>) {
  const { t } = useI18n();
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} class="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          <Icon name="alert" />
          <span>
            <span class="visually-hidden">{t.form.errorPrefix} </span>
            {error}
          </span>
        </p>
      )}
    </>
  );
}

type InputProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'value' | 'onInput'> & {
    value: string;
    onValue: (value: string) => void;
    /** Extra element ids that describe the field (a password checklist). */
    describedByExtra?: string;
    after?: ComponentChildren;
  };

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onValue,
  describedByExtra,
  after,
  class: cls,
  ...rest
}: InputProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <Label id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <div class="input-row">
        <input
          id={id}
          name={id}
          class={cls ? `input ${String(cls)}` : 'input'}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, describedByExtra)}
          onInput={(e) => onValue(e.currentTarget.value)}
          {...(rest as Record<string, unknown>)}
        />
        {after}
      </div>
    </div>
  );
}

type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'label' | 'value' | 'onChange'> & {
    value: string;
    onValue: (value: string) => void;
    options: Array<{ value: string; label: string }>;
    placeholder?: string;
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onValue,
  options,
  placeholder,
  ...rest
}: SelectProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <Label id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        class="input select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.currentTarget.value)}
        {...(rest as Record<string, unknown>)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type TextareaProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'label' | 'value' | 'onInput'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextareaField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onValue,
  ...rest
}: TextareaProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <Label id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        class="input textarea"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...(rest as Record<string, unknown>)}
      />
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChecked,
  error,
}: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  checked: boolean;
  onChecked: (v: boolean) => void;
  error?: string | undefined;
}) {
  return (
    <div class={error ? 'checkbox has-error' : 'checkbox'}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChecked(e.currentTarget.checked)}
      />
      <div>
        <label for={id}>{label}</label>
        <FieldMessages id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
