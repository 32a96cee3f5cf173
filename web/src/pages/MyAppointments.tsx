// /patient/rendez-vous — "Mes rendez-vous" (docs/booking.md; shared/UX.md patient screen 5): the
// account's appointments, all profiles or one proche at a time, the next one first and large,
// then the others, then the past ones. Each says its status and what happened to the card hold;
// "Carte à renseigner" opens the test-card choice (POST /confirm), "Annuler" asks first
// (POST /cancel), and "Annuler et reprendre rendez-vous" then opens the practitioner's page.
// Dates cannot be changed: cancel and book again. A confirmed video appointment has
// "Rejoindre la téléconsultation" (the pre-call test, then the room) from 10 minutes before.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ModeLabel, PaymentLine, StatusBadge } from '../components/booking/Bits';
import { CardChooser } from '../components/booking/CardChooser';
import { useSecondsLeft } from '../components/booking/Countdown';
import { JoinConsultation } from '../components/consultation/JoinConsultation';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { MotifName } from '../components/MotifName';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import {
  canCancel,
  needsCard,
  ofProfile,
  sortByStart,
  type Appointment,
} from '../lib/booking/booking';
import { formatCountdown } from '../lib/booking/payment';
import { errorText } from '../lib/errors';
import { fill, fillText } from '../lib/format';
import { practitionerPath, ROUTES } from '../lib/routes';
import { fullName } from '../lib/account/session';
import { slotSentence } from '../lib/booking/slots';
import type { Me } from '../lib/account/types';
import { useLatest } from '../components/useLatest';
import {
  calendarUrl,
  cancelAppointment,
  confirmWithCard,
  fetchMyAppointments,
} from '../lib/booking/api';
import { AppointmentDocuments } from '../components/documents/AppointmentDocuments';
import { AttachLink } from '../components/health/AttachLink';
import { fetchAllDocuments } from '../lib/documents/api';
import { ofConsultation } from '../lib/documents/documents';
import type { CabinetDocument } from '../lib/documents/types';

export function MyAppointmentsPage() {
  const { t } = useI18n();
  return (
    <RequireAuth title={t.appointments.title} roles={['patient']}>
      {(me) => <MyAppointments me={me} />}
    </RequireAuth>
  );
}

function MyAppointments({ me }: { me: Me }) {
  const { t } = useI18n();
  const m = t.appointments;
  const list = useLoad((signal) => fetchMyAppointments(signal), []);
  // The past consultations' documents; the appointments show without them if they fail.
  const profileIds = me.profiles.map((p) => p.id);
  const docs = useLoad(
    (signal) => fetchAllDocuments(profileIds, signal).catch((): CabinetDocument[] => []),
    [profileIds.join(',')],
  );
  const slow = useSlow(list.loading && !list.data);
  const [profileId, setProfileId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const upcoming = sortByStart(ofProfile(list.data?.upcoming ?? [], profileId), 'asc');
  const past = sortByStart(ofProfile(list.data?.past ?? [], profileId), 'desc');
  const nextIndex = upcoming.findIndex(
    (a) => a.status === 'confirmed' || a.status === 'pending_payment',
  );

  function changed(a: Appointment, message: string) {
    list.setData(
      (d) =>
        d && {
          upcoming: d.upcoming.map((x) => (x.id === a.id ? a : x)),
          past: d.past.map((x) => (x.id === a.id ? a : x)),
        },
    );
    setStatus(message);
  }

  return (
    <>
      <PageIntro title={m.title} lead={m.lead} />
      <div class="container narrow appointments-page">
        {me.profiles.length > 1 && (
          <div class="segmented profile-filter" role="group" aria-label={m.filter}>
            <button
              type="button"
              class="segment"
              aria-pressed={profileId === null}
              onClick={() => setProfileId(null)}
            >
              {m.all}
            </button>
            {me.profiles.map((p) => (
              <button
                key={p.id}
                type="button"
                class="segment"
                aria-pressed={profileId === p.id}
                onClick={() => setProfileId(p.id)}
              >
                {fullName(p)}
              </button>
            ))}
          </div>
        )}
        <StatusMessage message={status} />
        {slow && <p class="slow-note">{m.slowNote}</p>}
        <LoadState
          loading={list.loading && !list.data}
          error={list.data ? null : list.error}
          onRetry={list.reload}
          lines={5}
        >
          <section class="appointments-section" aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{m.upcoming}</h2>
            {upcoming.length === 0 ? (
              <div class="empty-note">
                <p>{m.emptyUpcoming}</p>
                <p>
                  <a class="btn btn-primary" href={ROUTES.search}>
                    {m.find}
                  </a>
                </p>
              </div>
            ) : (
              <ul class="appointment-list">
                {upcoming.map((a, i) => (
                  <li key={a.id}>
                    <AppointmentCard
                      a={a}
                      next={i === nextIndex}
                      upcoming
                      onChanged={changed}
                      onReload={list.reload}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="appointments-section" aria-labelledby="past-title">
            <h2 id="past-title">{m.past}</h2>
            {past.length === 0 ? (
              <p class="empty-note">{m.emptyPast}</p>
            ) : (
              <ul class="appointment-list">
                {past.map((a) => (
                  <li key={a.id}>
                    <AppointmentCard
                      a={a}
                      docs={ofConsultation(docs.data ?? [], a.id)}
                      onChanged={changed}
                      onReload={list.reload}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </LoadState>
      </div>
    </>
  );
}

type Panel = null | 'cancel' | 'rebook' | 'card';

function AppointmentCard({
  a,
  next,
  upcoming,
  docs = [],
  onChanged,
  onReload,
}: {
  a: Appointment;
  next?: boolean;
  /** A past consultation's documents. */
  docs?: readonly CabinetDocument[];
  upcoming?: boolean;
  onChanged: (a: Appointment, message: string) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.appointments;
  const { route } = useLocation();
  const [panel, setPanel] = useState<Panel>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const left = useSecondsLeft(a.status === 'pending_payment' ? a.hold_expires_at : null);
  const when = slotSentence(a.start, lang);
  const titleId = `appt-${a.id}`;

  useEffect(() => {
    if (panel) panelTitle.current?.focus();
  }, [panel]);
  // The payment window closed: the server has freed the slot; the list no longer shows it.
  const expired = left === 0;
  const reload = useLatest(onReload);
  useEffect(() => {
    if (expired) reload.current();
  }, [expired, reload]);

  function open(p: Panel, e: { currentTarget: HTMLButtonElement }) {
    opener.current = e.currentTarget;
    setError(null);
    setPanel(p);
  }

  function close() {
    setPanel(null);
    setError(null);
    opener.current?.focus();
  }

  async function cancel(rebook: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await cancelAppointment(a.id);
      if (rebook) {
        route(practitionerPath(a.practitioner.id, { mode: a.mode }));
        return;
      }
      setPanel(null);
      onChanged(updated, m.cancelled);
      title.current?.focus();
    } catch (e) {
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  const cancellable = upcoming && canCancel(a);
  const cardNeeded =
    upcoming && needsCard(a) && (a.status !== 'pending_payment' || (left ?? 1) > 0);
  return (
    <article
      class={next ? 'card appointment-card is-next' : 'card appointment-card'}
      aria-labelledby={titleId}
      data-testid="appointment"
      data-id={a.id}
      data-status={a.status}
    >
      {next && <p class="appointment-next-label">{m.next}</p>}
      <div class="appointment-head">
        <h3 id={titleId} ref={title} tabIndex={-1} class="appointment-when">
          {when}
        </h3>
        <StatusBadge status={a.status} />
      </div>
      <p class="appointment-who">
        <strong>{a.practitioner.name}</strong> · {a.practitioner.specialty_label}
      </p>
      <p class="appointment-meta">
        <ModeLabel mode={a.mode} />
        <span>{fill(m.motif, { label: <MotifName motif={a.motif} /> })}</span>
        <span>
          <Icon name="user" />
          {fillText(m.forProfile, { name: `${a.profile.first_name} ${a.profile.last_name}` })}
        </span>
      </p>
      {a.status === 'cancelled' && a.cancelled_by && (
        <p class="muted small">{m.cancelledBy[a.cancelled_by]}</p>
      )}
      {a.status !== 'expired' && <PaymentLine a={a} />}
      {a.status === 'pending_payment' && left !== null && left > 0 && (
        <p class="muted small" data-testid="pending-left">
          {fillText(m.pendingLeft, { time: formatCountdown(left) })}
        </p>
      )}

      <AppointmentDocuments docs={docs} id={titleId} />
      {upcoming && a.status === 'confirmed' && a.mode === 'video' && (
        <JoinConsultation id={a.id} start={a.start} end={a.end} when={when} />
      )}

      {panel === 'card' ? (
        <section class="inline-panel" aria-labelledby={`${titleId}-card`}>
          <h4 id={`${titleId}-card`} ref={panelTitle} tabIndex={-1}>
            {m.addCardTitle}
          </h4>
          <CardChooser
            submit={async (token) => {
              const updated = await confirmWithCard(a.id, token);
              setPanel(null);
              onChanged(updated, m.cardDone);
              title.current?.focus();
            }}
            submitLabel={t.booking.card.confirm}
            onExpired={onReload}
          />
          <button type="button" class="btn btn-quiet" onClick={close}>
            {m.closeCard}
          </button>
        </section>
      ) : panel === 'cancel' || panel === 'rebook' ? (
        <section
          class="inline-panel confirm-box"
          aria-labelledby={`${titleId}-confirm`}
          aria-describedby={`${titleId}-confirm-body`}
          data-testid="cancel-confirm"
        >
          <h4 id={`${titleId}-confirm`} ref={panelTitle} tabIndex={-1}>
            {m.confirmTitle}
          </h4>
          <p id={`${titleId}-confirm-body`}>{m.confirmBody}</p>
          {error && (
            <p class="notice notice-danger" role="alert">
              <Icon name="alert" />
              <span>{error}</span>
            </p>
          )}
          <div class="card-actions">
            <button
              type="button"
              class={`btn btn-danger${busy ? ' is-busy' : ''}`}
              aria-disabled={busy ? true : undefined}
              onClick={() => void cancel(panel === 'rebook')}
              data-testid="cancel-yes"
            >
              {busy ? m.cancelling : panel === 'rebook' ? m.confirmYesRebook : m.confirmYes}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={close}
              data-testid="cancel-keep"
            >
              {m.keep}
            </button>
          </div>
        </section>
      ) : (
        (cardNeeded || cancellable || (upcoming && a.status === 'confirmed')) && (
          <div class="card-actions">
            {cardNeeded && (
              <button
                type="button"
                class="btn btn-primary"
                onClick={(e) => open('card', e)}
                data-testid="add-card"
              >
                <Icon name="card" />
                {m.addCard}
                <span class="visually-hidden"> — {when}</span>
              </button>
            )}
            <AttachLink a={a} upcoming={!!upcoming} when={when} />
            {upcoming && a.status === 'confirmed' && (
              <a class="btn btn-quiet" href={calendarUrl(a.id)} download="rendez-vous.ics">
                <Icon name="download" />
                {m.ics}
                <span class="visually-hidden"> — {when}</span>
              </a>
            )}
            {cancellable && (
              <>
                <button
                  type="button"
                  class="btn btn-secondary"
                  onClick={(e) => open('cancel', e)}
                  data-testid="cancel"
                >
                  {m.cancel}
                  <span class="visually-hidden"> — {when}</span>
                </button>
                <button
                  type="button"
                  class="btn btn-quiet"
                  onClick={(e) => open('rebook', e)}
                  data-testid="cancel-rebook"
                >
                  {m.cancelAndRebook}
                  <span class="visually-hidden"> — {when}</span>
                </button>
              </>
            )}
          </div>
        )
      )}
    </article>
  );
}
