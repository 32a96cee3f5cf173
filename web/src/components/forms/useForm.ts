// State of one form: client checks before sending, busy flag, the server's answer mapped to
// a field (invalid_request + field) or to the summary, and a counter that re-focuses the
// summary at each failure.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorField, errorText } from '../../lib/errors';
import type { FieldError } from './Feedback';

export type Errors = Record<string, string | undefined>;

export interface FormState {
  busy: boolean;
  attempt: number;
  summary: string | null;
  errors: Errors;
  /** The id of the input for an API field name (prefixed when a page has several forms). */
  id: (field: string) => string;
  /** Error links for the summary, in the order the checks listed them. */
  fieldErrors: FieldError[];
  /** Runs `check`, then `action`; true when the action succeeded. */
  submit: (check: () => Errors, action: () => Promise<void>) => Promise<boolean>;
  /** Shows an error from outside the submit flow (e.g. a resend that failed). */
  fail: (err: unknown) => void;
  clear: () => void;
  setFieldError: (field: string, text: string | undefined) => void;
}

export function useForm(prefix = '', mapField: (field: string) => string = (f) => f): FormState {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  const id = (field: string) => `${prefix}${field}`;

  function fail(err: unknown): void {
    const raw = errorField(err);
    const field = raw === undefined ? undefined : mapField(raw);
    const text = errorText(err, t.errors);
    // A field error the form shows next to its input: the summary links to it. Otherwise
    // (a field this form does not have, or a general error) the summary says it all.
    const shown =
      field !== undefined &&
      typeof document !== 'undefined' &&
      document.getElementById(id(field)) !== null;
    setErrors(shown ? { [field]: text } : {});
    setSummary(shown ? t.form.fixErrors : text);
    setAttempt((a) => a + 1);
  }

  async function submit(check: () => Errors, action: () => Promise<void>): Promise<boolean> {
    if (busy) return false;
    const found = Object.fromEntries(Object.entries(check()).filter(([, v]) => v));
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary(t.form.fixErrors);
      setAttempt((a) => a + 1);
      return false;
    }
    setBusy(true);
    try {
      await action();
      setErrors({});
      setSummary(null);
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = Object.entries(errors)
    .filter((e): e is [string, string] => !!e[1])
    .map(([field, text]) => ({ id: id(field), text }));

  return {
    busy,
    attempt,
    summary,
    errors,
    id,
    fieldErrors,
    submit,
    fail,
    clear: () => {
      setErrors({});
      setSummary(null);
    },
    setFieldError: (field, text) => setErrors((e) => ({ ...e, [field]: text })),
  };
}
