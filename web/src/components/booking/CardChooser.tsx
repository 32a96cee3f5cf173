// The card step: with the sandbox provider (GET /payments/config), a list of test cards clearly
// marked as a demonstration; the chosen card's token goes to `submit` (a booking's POST
// /appointments/{id}/confirm {payment_method}, or the queue's POST /queues/{s}/entries
// {card_token}). A declined card (402) is said inline, next to the choice, and another card can
// be tried at once. With the real processor ("stripe") this demo has no card form: it says so
// plainly.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { LoadState, SubmitButton } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { fetchPaymentsConfig } from '../../lib/booking/api';

export function CardChooser({
  submit,
  submitLabel,
  busyLabel,
  onExpired,
  note,
  submitTestId,
}: {
  /**
   * Uses the card's token. A rejection is shown next to the cards (402: declined), unless the
   * caller showed it elsewhere: then it resolves instead.
   */
  submit: (token: string) => Promise<void>;
  submitLabel: string;
  busyLabel?: string;
  /** 409 hold_expired: the 10 minutes have passed. */
  onExpired?: () => void;
  /** What the hold means for this appointment (amount, now or later). */
  note?: string;
  submitTestId?: string;
}) {
  const { t } = useI18n();
  const c = t.booking.card;
  const uid = useId();
  const config = useLoad((signal) => fetchPaymentsConfig(signal), []);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; detail: string | null } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const cards = config.data?.provider === 'sandbox' ? (config.data.test_cards ?? []) : [];
  const firstCard = cards[0]?.token;
  useEffect(() => {
    if (firstCard) setToken((chosen) => chosen || firstCard);
  }, [firstCard]);

  async function confirm() {
    if (busy || !token) return;
    setBusy(true);
    setError(null);
    try {
      await submit(token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'hold_expired' && onExpired)
        onExpired();
      else if (e instanceof ApiError && e.status === 402)
        setError({ title: c.declined, detail: e.message || null });
      else setError({ title: errorText(e, t.errors), detail: null });
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <LoadState
      loading={config.loading && !config.data}
      error={config.data ? null : config.error && c.configFailed}
      onRetry={config.reload}
      lines={3}
    >
      {config.data?.provider === 'stripe' ? (
        <div class="notice notice-info" data-testid="card-unavailable">
          <Icon name="card" />
          <div>
            <p class="notice-title">{c.stripe}</p>
            <p>{c.stripeBody}</p>
          </div>
        </div>
      ) : (
        <form
          class="card-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <p class="demo-banner">
            <Icon name="shield" />
            <span>
              <strong>{c.demo}</strong> {c.demoBody}
            </span>
          </p>
          <fieldset class="choice-group" aria-describedby={error ? `${uid}-error` : undefined}>
            <legend class="field-label">{c.legend}</legend>
            {error && (
              <div
                ref={errorRef}
                id={`${uid}-error`}
                class="notice notice-danger"
                role="alert"
                tabIndex={-1}
                data-testid="card-error"
              >
                <Icon name="alert" />
                <div>
                  <p class="notice-title">{error.title}</p>
                  {error.detail && <p>{error.detail}</p>}
                </div>
              </div>
            )}
            <ul class="choice-list">
              {cards.map((card) => (
                <li key={card.token}>
                  <label class="choice" for={`${uid}-${card.token}`}>
                    <input
                      id={`${uid}-${card.token}`}
                      type="radio"
                      name={`${uid}-card`}
                      value={card.token}
                      checked={token === card.token}
                      onChange={() => {
                        setToken(card.token);
                        setError(null);
                      }}
                      data-testid={`card-${card.token}`}
                    />
                    <span class="choice-text">
                      <Icon name="card" />
                      <span class="choice-title">{card.label}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {note && <p class="muted small">{note}</p>}
          <SubmitButton
            busy={busy}
            busyLabel={busyLabel ?? c.confirming}
            large
            testId={submitTestId}
          >
            {submitLabel}
          </SubmitButton>
        </form>
      )}
    </LoadState>
  );
}
