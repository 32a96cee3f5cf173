// Form feedback: the error summary (announced, focused, with links to the fields), the
// polite status line for successes, and the submit button that says what it is doing.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { Icon } from '../Icon';

export interface FieldError {
  id: string;
  text: string;
}

/**
 * Shown at the top of a form after a failed submit. `attempt` changes at each failure, so
 * focus comes back here every time, and screen readers read the problem at once.
 */
export function ErrorSummary({
  message,
  fields = [],
  attempt,
}: {
  message: string | null;
  fields?: FieldError[];
  attempt: number;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (message) box.current?.focus();
  }, [attempt, message]);
  if (!message) return null;
  return (
    <div ref={box} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <Icon name="alert" class="error-summary-icon" />
      <div>
        <h2 id={titleId} class="error-summary-title">
          {t.form.problem}
        </h2>
        <p>{message}</p>
        {fields.length > 0 && (
          <ul>
            {fields.map((f) => (
              <li key={f.id}>
                <a
                  href={`#${f.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(f.id)?.focus();
                  }}
                >
                  {f.text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A polite live region: always in the DOM, so that its changes are announced. */
export function StatusMessage({
  message,
  tone = 'success',
}: {
  message: string | null;
  tone?: 'success' | 'info';
}) {
  return (
    <div
      role="status"
      class={message ? `status-message status-${tone}` : 'status-message is-empty'}
    >
      {message && (
        <>
          <Icon name={tone === 'success' ? 'check' : 'bell'} />
          <span>{message}</span>
        </>
      )}
    </div>
  );
}

/**
 * Stays focusable while busy (a disabled button would drop keyboard focus to the page), and
 * ignores repeated presses through aria-disabled.
 */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  variant = 'primary',
  large,
  testId,
}: {
  busy: boolean;
  busyLabel?: string;
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger';
  large?: boolean;
  /** The data-testid, for the browser tests. */
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <button
      type="submit"
      class={`btn btn-${variant}${large ? ' btn-large' : ''}${busy ? ' is-busy' : ''}`}
      aria-disabled={busy ? true : undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
      }}
      data-testid={testId}
    >
      {busy ? (busyLabel ?? t.form.sending) : children}
    </button>
  );
}

/** A card of content with a loading skeleton, an error with a retry, or the content. */
export function LoadState({
  loading,
  error,
  onRetry,
  children,
  lines = 3,
}: {
  loading: boolean;
  error: string | null;
  onRetry?: () => void;
  children: ComponentChildren;
  lines?: number;
}) {
  const { t } = useI18n();
  if (loading)
    return (
      <div class="skeleton" aria-busy="true">
        <span class="visually-hidden">{t.form.loading}</span>
        {Array.from({ length: lines }, (_, i) => (
          <span key={i} class="skeleton-line" aria-hidden="true" />
        ))}
      </div>
    );
  if (error)
    return (
      <div class="load-error" role="alert">
        <Icon name="alert" />
        <div>
          <p>{error}</p>
          {onRetry && (
            <button type="button" class="btn btn-secondary" onClick={onRetry}>
              {t.form.retry}
            </button>
          )}
        </div>
      </div>
    );
  return <>{children}</>;
}
