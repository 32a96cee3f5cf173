// /verifier/:number?cle=… — the pharmacist's check of a prescription (docs/documents.md), opened
// from the QR code, without an account. The verdict first, big: "Ordonnance authentique" (the
// platform's signature is valid), "Signature invalide" or "Ordonnance inconnue", and "Déjà
// délivrée le …". With the key: the prescriber and RPPS, the date, the patient, the items, and
// the pharmacy's actions ("Préparée", "À retirer" for the patient's space; "Marquer comme
// délivrée" once). Without it: only whether the number exists and was dispensed.
import { useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { formatDate } from '../lib/booking/slots';
import { formatBirthDate, formatTime, toDate } from '../lib/dates';
import {
  dispensePrescription,
  setPrescriptionStatus,
  verifyPrescription,
} from '../lib/documents/api';
import { issuedDay, verdictOf } from '../lib/documents/documents';
import type { PrescriptionItem, Verification } from '../lib/documents/types';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';

export function VerifyPrescriptionPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  const { query } = useLocation();
  const number = params.number ?? '';
  const key = query.cle ?? null;
  const check = useLoad((signal) => verifyPrescription(number, key, signal), [number, key]);
  return (
    <>
      <PageIntro title={t.verify.title} lead={t.verify.lead} />
      <div class="container narrow verify-page">
        <LoadState
          loading={check.loading && !check.data}
          error={check.data ? null : check.error}
          onRetry={check.reload}
          lines={4}
        >
          {check.data && (
            <Result
              number={number}
              keyParam={key}
              v={check.data}
              onChange={(p) => check.setData((old) => old && { ...old, ...p })}
            />
          )}
        </LoadState>
      </div>
    </>
  );
}

function Result({
  number,
  keyParam,
  v,
  onChange,
}: {
  number: string;
  keyParam: string | null;
  v: Verification;
  onChange: (p: Partial<Verification>) => void;
}) {
  const { t, lang } = useI18n();
  const w = t.verify;
  const withKey = keyParam !== null && v.practitioner !== undefined;
  const verdict = verdictOf(v, withKey);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const title = {
    authentic: w.authentic,
    invalid: w.invalid,
    valid: w.valid,
    replaced: w.replaced,
    unknown: w.unknown,
  }[verdict];
  const body = {
    authentic: w.authenticBody,
    invalid: w.invalidBody,
    valid: w.validBody,
    replaced: w.replacedBody,
    unknown: w.unknownBody,
  }[verdict];

  async function act(what: 'dispense' | 'prepared' | 'ready') {
    if (busy || !keyParam) return;
    setBusy(what);
    setError(null);
    try {
      if (what === 'dispense') {
        await dispensePrescription(number, keyParam);
        onChange({ dispensed: true, dispensed_at: Math.floor(Date.now() / 1000) });
        setStatus(w.dispensedNow);
      } else {
        await setPrescriptionStatus(number, keyParam, what);
        setStatus(fillText(w.statusSaved, { status: w[what] }));
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'already_dispensed') {
        onChange({ dispensed: true });
        setStatus(w.dispensed);
        verdictRef.current?.focus();
      } else setError(errorText(e, t.errors));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {v.standin && (
        <p class="notice notice-warning verify-standin" data-testid="verify-standin">
          <Icon name="alert" />
          <span>{w.standin}</span>
        </p>
      )}
      <div
        ref={verdictRef}
        tabIndex={-1}
        class={`card verdict verdict-${verdict}`}
        data-testid="verdict"
        data-verdict={verdict}
      >
        <Icon name={verdict === 'authentic' || verdict === 'valid' ? 'shield' : 'alert'} />
        <div>
          <h2 class="verdict-title">{title}</h2>
          <p>{body}</p>
          <p class="muted small">{fillText(w.number, { number })}</p>
        </div>
      </div>
      {v.valid && v.dispensed && (
        <p class="notice notice-warning verdict-dispensed" data-testid="verify-dispensed">
          <Icon name="check" />
          <strong>
            {v.dispensed_at
              ? fillText(w.dispensedOn, {
                  date: formatDate(issuedDay({ issued_at: v.dispensed_at }), lang),
                  time: formatTime(toDate(v.dispensed_at), lang),
                })
              : w.dispensed}
          </strong>
        </p>
      )}
      <StatusMessage message={status} />
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      {withKey && v.valid && (
        <section class="card verify-details" aria-labelledby="verify-items">
          <dl class="verify-facts">
            <div>
              <dt>{w.practitioner}</dt>
              <dd>
                {v.practitioner?.name}
                {v.practitioner?.rpps && (
                  <span class="muted"> · {fillText(w.rpps, { rpps: v.practitioner.rpps })}</span>
                )}
              </dd>
            </div>
            {v.issued_at !== undefined && (
              <div>
                <dt>{w.date}</dt>
                <dd>{formatDate(issuedDay({ issued_at: v.issued_at }), lang)}</dd>
              </div>
            )}
            {v.patient && (
              <div>
                <dt>{w.patient}</dt>
                <dd>
                  {v.patient.name}
                  {v.patient.birth_date && (
                    <span class="muted">
                      {' '}
                      · {fillText(w.born, { date: formatBirthDate(v.patient.birth_date, lang) })}
                    </span>
                  )}
                </dd>
              </div>
            )}
          </dl>
          <h2 id="verify-items" class="small-title">
            {w.items}
          </h2>
          <ul class="verify-items" data-testid="verify-items">
            {(v.items ?? []).map((item, i) => (
              <li key={i}>
                <Item item={item} />
              </li>
            ))}
          </ul>
          {verdict === 'authentic' && !v.dispensed && (
            <div class="verify-actions">
              <button
                type="button"
                class={`btn btn-primary btn-large${busy === 'dispense' ? ' is-busy' : ''}`}
                aria-disabled={busy ? true : undefined}
                onClick={() => void act('dispense')}
                data-testid="verify-dispense"
              >
                <Icon name="check" />
                {busy === 'dispense' ? w.dispensing : w.dispense}
              </button>
              <div role="group" aria-labelledby="verify-status-title" class="verify-status">
                <p id="verify-status-title" class="small-title">
                  {w.statusTitle}
                </p>
                {(['prepared', 'ready'] as const).map((s) => (
                  <button
                    key={s}
                    type="button"
                    class="btn btn-secondary"
                    aria-disabled={busy ? true : undefined}
                    onClick={() => void act(s)}
                    data-testid={`verify-${s}`}
                  >
                    {w[s]}
                  </button>
                ))}
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}

function Item({ item }: { item: PrescriptionItem | string }) {
  const { t } = useI18n();
  if (typeof item === 'string') return <>{item}</>;
  if (item.text) return <>{item.text}</>;
  const head = [item.name, item.strength, item.form].filter(Boolean).join(' ');
  const rest = [item.posology, item.duration].filter(Boolean).join(' — ');
  return (
    <>
      <strong>{head}</strong>
      {rest && <span> — {rest}</span>}
      {item.renewals ? (
        <span class="muted"> · {fillText(t.verify.renewals, { n: item.renewals })}</span>
      ) : null}
    </>
  );
}
