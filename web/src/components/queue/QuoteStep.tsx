// "Prix et remboursement" of an immediate consultation (POST /queues/{specialty}/quote): what
// would stop the patient comes first (the practitioners on duty are far away, or the
// consultation is not reimbursed), then the consultation's maximum, the service fee apart, the
// card hold that covers both, and the reimbursement estimate with its reason in one sentence.
import { useEffect } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatAmount } from '../../lib/booking/payment';
import { fillText } from '../../lib/format';
import { fetchQuote } from '../../lib/queue/api';
import { feeText } from '../../lib/queue/format';
import type { Quote } from '../../lib/queue/types';
import { BackButton, StepTitle, type HeadingRef } from '../booking/StepParts';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { useSlow } from '../useSlow';

export function QuoteStep({
  headingRef,
  specialty,
  profileId,
  profileName,
  communeCode,
  onBack,
  onNext,
  onFieldError,
}: HeadingRef & {
  specialty: string;
  profileId: string;
  profileName: string;
  communeCode: string;
  onBack: () => void;
  onNext: (quote: Quote) => void;
  /** A 400 about the commune or the profile: the page goes back to that field. */
  onFieldError: (err: ApiError) => void;
}) {
  const { t, lang } = useI18n();
  const p = t.queue.join.price;
  const words = t.booking.estimate;
  const quote = useLoad(
    (signal) => fetchQuote(specialty, { profile_id: profileId, commune_code: communeCode }, signal),
    [specialty, profileId, communeCode, lang],
  );
  const slow = useSlow(quote.loading && !quote.data);
  const q = quote.data;
  const money = (cents: number) => formatAmount(cents, lang);

  const failure = quote.failure;
  useEffect(() => {
    if (failure instanceof ApiError && failure.status === 400 && failure.field)
      onFieldError(failure);
  }, [failure, onFieldError]);

  const est = q?.estimate ?? null;
  const reimbursable = q ? (est?.reimbursable ?? true) && q.near !== 'distant' : true;
  return (
    <>
      <StepTitle headingRef={headingRef}>{p.title}</StepTitle>
      <LoadState
        loading={quote.loading && !q}
        error={q ? null : quote.error && `${p.failed} ${quote.error}`}
        onRetry={quote.reload}
        lines={5}
      >
        {q && (
          <>
            {/* What would stop the patient, first. Far away says "not reimbursed" already:
                one box then, with the estimate's own reason. */}
            {q.near === 'distant' ? (
              <div class="notice notice-warning" data-testid="quote-distant">
                <Icon name="mapPin" />
                <div>
                  <p class="notice-title">{p.distantTitle}</p>
                  <p>{p.distantBody}</p>
                  {est && !est.reimbursable && est.reason && <p>{est.reason}</p>}
                </div>
              </div>
            ) : (
              est &&
              !est.reimbursable && (
                <div class="notice notice-warning" data-testid="quote-not-reimbursable">
                  <Icon name="alert" />
                  <div>
                    <p class="notice-title">{p.notReimbursableTitle}</p>
                    {est.reason && <p>{est.reason}</p>}
                  </div>
                </div>
              )
            )}
            <table class="estimate-table now-quote">
              <caption class="visually-hidden">
                {fillText(p.caption, { name: profileName })}
              </caption>
              <tbody>
                <tr>
                  <th scope="row">{p.consultation}</th>
                  <td data-testid="quote-price">{money(q.price_cents)}</td>
                </tr>
                <tr>
                  <th scope="row">{p.fee}</th>
                  <td data-testid="quote-fee">{feeText(q, money, t.queue.fee)}</td>
                </tr>
                <tr class="estimate-rest">
                  <th scope="row">{p.hold}</th>
                  <td data-testid="quote-hold">{money(q.hold_cents)}</td>
                </tr>
              </tbody>
            </table>
            <p class="no-charge">
              <Icon name="shield" />
              <span>{p.holdNote}</span>
            </p>
            {est && (
              <section class="now-reimbursement" aria-labelledby="quote-estimate-title">
                <h3 id="quote-estimate-title" class="small-title">
                  {p.reimbursementCaption}
                </h3>
                <table class="estimate-table" data-testid="quote-estimate">
                  <tbody>
                    <tr>
                      <th scope="row">{words.amo}</th>
                      <td>{est.reimbursable ? money(est.amo_cents) : words.notReimbursable}</td>
                    </tr>
                    <tr>
                      <th scope="row">{words.rest}</th>
                      <td>{money(est.patient_cents)}</td>
                    </tr>
                    {est.tiers_payant && (
                      <tr>
                        <th scope="row">{words.advance}</th>
                        <td>{money(est.advance_cents)}</td>
                      </tr>
                    )}
                  </tbody>
                </table>
                {est.reason && est.reimbursable && (
                  <p class="estimate-reason" data-testid="quote-reason">
                    {est.reason}
                  </p>
                )}
              </section>
            )}
          </>
        )}
      </LoadState>
      {slow && <p class="slow-note">{t.search.slow}</p>}
      <div class="step-actions">
        <BackButton onClick={onBack} />
        {q && (
          <button
            type="button"
            class="btn btn-primary btn-large"
            onClick={() => onNext(q)}
            data-testid="quote-continue"
          >
            {reimbursable ? p.continue : p.continueAnyway}
          </button>
        )}
      </div>
    </>
  );
}
