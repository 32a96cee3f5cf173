// /annuler?token=… — the "ANNULER LE RENDEZ-VOUS" link of the confirmation email (docs/booking.md,
// "Cancel link"), without signing in: GET /cancel-links/{token} shows the appointment, one big
// button confirms (POST, idempotent), and the page says what happened. An expired link (410,
// the appointment has started) and an unknown one (404) each get their own explanation.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Facts, ModeLabel } from '../components/booking/Bits';
import { LoadState } from '../components/forms/Feedback';
import { FormPage } from '../components/FormPage';
import { Icon } from '../components/Icon';
import { MotifName } from '../components/MotifName';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { motifLabel, type CancelLinkAppointment } from '../lib/booking/booking';
import { errorText } from '../lib/errors';
import { ROUTES } from '../lib/routes';
import { slotSentence } from '../lib/booking/slots';
import { cancelByLink, fetchCancelLink, type CancelLinkAnswer } from '../lib/booking/api';

export function CancelLinkPage() {
  const { t, lang } = useI18n();
  const c = t.cancelLink;
  const { query } = useLocation();
  const token = query.token ?? '';
  const link = useLoad<CancelLinkAnswer | null>(
    (signal) => (token ? fetchCancelLink(token, signal) : Promise.resolve(null)),
    [token],
  );
  const [result, setResult] = useState<CancelLinkAppointment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const failure = link.failure instanceof ApiError ? link.failure : null;
  const appointment = result ?? link.data?.appointment ?? null;
  const justCancelled = result !== null;
  const state:
    'loading' | 'error' | 'notFound' | 'expired' | 'open' | 'done' | 'already' | 'closed' = !token
    ? 'notFound'
    : failure?.status === 404
      ? 'notFound'
      : failure?.status === 410 || failure?.code === 'link_expired'
        ? 'expired'
        : link.loading && !appointment
          ? 'loading'
          : !appointment
            ? 'error'
            : justCancelled
              ? 'done'
              : appointment.status === 'cancelled'
                ? 'already'
                : appointment.status === 'confirmed' || appointment.status === 'pending_payment'
                  ? 'open'
                  : 'closed';
  useFocusOnChange(heading, state);

  async function cancel() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await cancelByLink(token);
      setResult(r.appointment);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 410 || e.status === 404)) link.reload();
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  switch (state) {
    case 'notFound':
      return (
        <FormPage title={c.notFoundTitle} headingRef={heading}>
          <p>{c.notFoundBody}</p>
          <NextLinks />
        </FormPage>
      );
    case 'expired':
      return (
        <FormPage title={c.expiredTitle} headingRef={heading}>
          <p>{c.expiredBody}</p>
          <NextLinks />
        </FormPage>
      );
    case 'loading':
    case 'error':
      return (
        <FormPage title={c.title} headingRef={heading}>
          <LoadState loading={state === 'loading'} error={link.error} onRetry={link.reload}>
            {null}
          </LoadState>
        </FormPage>
      );
  }

  const a = appointment!;
  const details = (
    <Facts
      items={[
        { label: c.when, value: <strong>{slotSentence(a.start, lang)}</strong> },
        { label: c.practitioner, value: `${a.practitioner.name} · ${a.practitioner.specialty}` },
        { label: c.patient, value: a.profile_name },
        !!motifLabel(a.motif) && {
          label: c.motif,
          value: <MotifName motif={{ label: motifLabel(a.motif), label_en: a.motif_en }} />,
        },
        { label: c.mode, value: <ModeLabel mode={a.mode} /> },
      ]}
    />
  );

  if (state === 'done' || state === 'already')
    return (
      <FormPage title={state === 'done' ? c.doneTitle : c.already} headingRef={heading}>
        <div
          class="result-line"
          role="status"
          data-testid={state === 'done' ? 'cancel-done' : 'cancel-already'}
        >
          <Icon name="check" class="result-icon ok" />
          <p>{state === 'done' ? c.doneBody : c.alreadyBody}</p>
        </div>
        {details}
        <NextLinks />
      </FormPage>
    );

  if (state === 'closed')
    return (
      <FormPage title={c.notCancellableTitle} headingRef={heading}>
        <p>{c.notCancellableBody}</p>
        {details}
        <NextLinks />
      </FormPage>
    );

  return (
    <FormPage title={c.title} lead={c.lead} headingRef={heading}>
      {details}
      <p class="muted">{c.note}</p>
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <button
        type="button"
        class={`btn btn-danger btn-large btn-block cancel-big${busy ? ' is-busy' : ''}`}
        aria-disabled={busy ? true : undefined}
        onClick={() => void cancel()}
        data-testid="cancel-link-confirm"
      >
        {busy ? c.confirming : c.confirm}
      </button>
    </FormPage>
  );
}

function NextLinks() {
  const { t } = useI18n();
  const c = t.cancelLink;
  const { state } = useSession();
  const patient = state.status === 'signedIn' && state.me.account.role === 'patient';
  return (
    <div class="step-actions">
      <a class={patient ? 'btn btn-secondary' : 'btn btn-primary'} href={ROUTES.search}>
        {c.book}
      </a>
      {patient && (
        <a class="btn btn-primary" href={ROUTES.myAppointments}>
          {c.mine}
        </a>
      )}
    </div>
  );
}
