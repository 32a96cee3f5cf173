// /rendez-vous/nouveau?practitioner=…&start=…&mode=…&motif=… — the booking stepper (SPEC
// BKG1–BKG8, PAY1; shared/UX.md patient screen 4), reached from a slot of a practitioner's page:
// compte → pour qui → motif → questions d'urgence → estimation du remboursement → carte →
// confirmation. One decision per step, progress shown, "Retour" on every step but the last;
// focus moves to each new step's heading.
//
// - Signed out, the first step offers sign-in (back here through ?retour=) or sign-up (the
//   booking is kept in localStorage and offered back on the patient's home).
// - An emergency symptom stops everything: the 15, the 112 and the 114, and no way to book.
// - POST /appointments carries an Idempotency-Key made once per attempt (same body → same key,
//   so a retry never books twice); a 409 offers the server's next free slots.
// - Once created, the appointment is in the address (&appointment=…): a reload resumes at the card step
//   (pending, with its 10-minute countdown) or at the confirmation.
//
// This page holds the booking's state and routes between the steps; each step is a component
// of components/booking/ (AccountStep, ProfileStep, MotifStep, EmergencyStep, EstimateStep,
// CardStep, ConfirmationStep), and the calls to the API are in lib/booking/api.ts.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { AccountStep, WrongRole } from '../components/booking/AccountStep';
import { CardStep } from '../components/booking/CardStep';
import { ConfirmationStep } from '../components/booking/ConfirmationStep';
import { EmergencyStep, EmergencyStop } from '../components/booking/EmergencyStep';
import { EstimateStep } from '../components/booking/EstimateStep';
import { MotifStep } from '../components/booking/MotifStep';
import { ProfileStep } from '../components/booking/ProfileStep';
import { StepTitle } from '../components/booking/StepParts';
import { Stepper, type Step } from '../components/booking/Stepper';
import { Summary } from '../components/booking/Summary';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { bookingPath, readBookingQuery, type BookingQuery } from '../lib/booking/bookingQuery';
import { clearPendingBooking } from '../lib/booking/pendingBooking';
import { createAttemptKeys } from '../lib/booking/newAppointment';
import type { Appointment } from '../lib/booking/booking';
import { cancelAppointment, fetchAppointment } from '../lib/booking/api';
import { fetchPractitioner } from '../lib/directory/api';
import { modesOf, motifsFor, type Mode, type PublicProfile } from '../lib/directory/directory';
import { practitionerPath, ROUTES } from '../lib/routes';
import { fullName } from '../lib/account/session';
import { useLatest } from '../components/useLatest';

export function BookingPage() {
  const { t } = useI18n();
  const b = t.booking;
  const { query } = useLocation();
  // The address is read once: the page then writes its own progress into it (replace).
  const [initial] = useState(() => readBookingQuery(query));
  if (!initial)
    return (
      <PageIntro title={b.missingTitle} lead={b.missingBody}>
        <div class="actions">
          <a class="btn btn-primary" href={ROUTES.search}>
            {b.toSearch}
          </a>
        </div>
      </PageIntro>
    );
  if (initial.appointment)
    return (
      <RequireAuth title={b.title} roles={['patient']}>
        {() => <Resume id={initial.appointment!} q={initial} />}
      </RequireAuth>
    );
  return <LoadPractitioner q={initial} />;
}

/** A reload after the appointment was created: the appointment says where we are. */
function Resume({ id, q }: { id: string; q: BookingQuery }) {
  const { t } = useI18n();
  const a = useLoad((signal) => fetchAppointment(id, signal), [id]);
  if (!a.data)
    return (
      <>
        <PageIntro title={t.booking.title} compact />
        <div class="container narrow">
          <LoadState loading={a.loading} error={a.error} onRetry={a.reload}>
            {null}
          </LoadState>
        </div>
      </>
    );
  return (
    <LoadPractitioner
      q={{
        ...q,
        practitioner: a.data.practitioner.id,
        start: a.data.start,
        mode: a.data.mode,
        motif: a.data.motif.id,
      }}
      resumed={a.data}
    />
  );
}

function LoadPractitioner({ q, resumed }: { q: BookingQuery; resumed?: Appointment }) {
  const { t, lang } = useI18n();
  const b = t.booking;
  const profile = useLoad(
    (signal) => fetchPractitioner(q.practitioner, signal),
    [q.practitioner, lang],
  );
  if (profile.data) return <Flow p={profile.data} q={q} resumed={resumed} />;
  const gone = profile.failure instanceof ApiError && profile.failure.status === 404;
  return (
    <>
      <PageIntro title={b.title} compact />
      <div class="container narrow">
        {gone ? (
          <div class="notice notice-info" role="status">
            <Icon name="alert" />
            <div>
              <p class="notice-title">{b.practitionerGone}</p>
              <p>
                <a href={ROUTES.search}>{b.toSearch}</a>
              </p>
            </div>
          </div>
        ) : (
          <LoadState loading={profile.loading} error={profile.error} onRetry={profile.reload}>
            {null}
          </LoadState>
        )}
      </div>
    </>
  );
}

function Flow({
  p,
  q,
  resumed,
}: {
  p: PublicProfile;
  q: BookingQuery;
  resumed?: Appointment | undefined;
}) {
  const { t } = useI18n();
  const b = t.booking;
  const { state, session } = useSession();
  const { route, url } = useLocation();
  const me = state.status === 'signedIn' ? state.me : null;

  const modes = modesOf(p);
  const mode: Mode =
    resumed?.mode ?? (q.mode && modes.includes(q.mode) ? q.mode : (modes[0] ?? 'video'));
  const motifs = motifsFor(p.motifs, mode);
  // The slots of the practitioner's page were computed for this motif (its first one by default).
  const slotMotif =
    q.motif && motifs.some((m) => m.id === q.motif) ? q.motif : (motifs[0]?.id ?? '');

  // A resumed booking: confirmed → the confirmation; otherwise the card step (which says when
  // the appointment no longer waits for a card).
  const [step, setStep] = useState<Step>(
    resumed ? (resumed.status === 'confirmed' ? 'done' : 'card') : 'profile',
  );
  const [start, setStart] = useState(resumed?.start ?? q.start);
  const [motifId, setMotifId] = useState(
    resumed?.motif.id ??
      (q.motif && motifs.some((m) => m.id === q.motif)
        ? q.motif
        : motifs.length === 1
          ? motifs[0]!.id
          : ''),
  );
  const [fitsMotif, setFitsMotif] = useState(slotMotif);
  const [profileId, setProfileId] = useState(resumed?.profile.id ?? '');
  const [stopped, setStopped] = useState(false);
  const [appointment, setAppointment] = useState<Appointment | null>(resumed ?? null);
  const [expired, setExpired] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // One Idempotency-Key per attempt, kept for the page's life (see createAttemptKeys).
  const keys = useMemo(() => createAttemptKeys(), []);

  const current: Step = me ? step : 'account';
  // Focus follows the patient's own moves between steps, not the session arriving on load.
  useFocusOnChange(heading, `${step}|${stopped}|${expired}`);

  // The profile the booking is for: the one the patient acts for, unless chosen here.
  useEffect(() => {
    if (me) setProfileId((chosen) => chosen || me.current_profile || me.profiles[0]?.id || '');
  }, [me]);

  // A signed-in patient on this page no longer needs the booking saved at sign-up.
  useEffect(() => {
    if (me?.account.role === 'patient') clearPendingBooking();
  }, [me?.account.id, me?.account.role]);

  // Keep the address in step with the booking, so that a reload lands at the same place.
  // Only the booking's own changes move the address (not the back button's).
  const place = useLatest({ practitioner: p.id, mode, url, route });
  const appointmentId = appointment?.id ?? null;
  useEffect(() => {
    const { practitioner, mode, url, route } = place.current;
    const next = bookingPath({
      practitioner,
      start,
      mode,
      motif: motifId || null,
      appointment: appointmentId,
    });
    if (next !== url) route(next, true);
  }, [start, motifId, appointmentId, place]);

  const motif = motifs.find((m) => m.id === motifId);
  const profile = me?.profiles.find((x) => x.id === profileId);
  const past = !appointment && Date.parse(start) <= Date.now();

  if (stopped) return <EmergencyStop headingRef={heading} />;

  const go = (s: Step) => setStep(s);
  // Back to the estimate for a new attempt (new key), the previous appointment left behind.
  const bookAgain = () => {
    keys.reset();
    setAppointment(null);
    setExpired(false);
    go('estimate');
  };

  return (
    <>
      <PageIntro title={b.title} compact />
      <div class="container booking-layout">
        <Stepper current={current} />
        {current !== 'done' && (
          <Summary
            p={p}
            start={start}
            mode={mode}
            motif={
              motif
                ? { label: motif.label, label_en: motif.label_en, price: motif.price_cents }
                : null
            }
            patient={current !== 'profile' && profile ? fullName(profile) : null}
          />
        )}
        <section class="card panel booking-step" aria-labelledby="step-title" data-step={current}>
          {past && current !== 'done' ? (
            <>
              <StepTitle headingRef={heading}>{b.summaryTitle}</StepTitle>
              <p class="notice notice-info" role="status">
                <Icon name="clock" />
                <span>{b.pastSlot}</span>
              </p>
              <a class="btn btn-primary" href={practitionerPath(p.id, { mode })}>
                {b.toProfile}
              </a>
            </>
          ) : current === 'account' ? (
            <AccountStep headingRef={heading} returnTo={url} p={p} start={start} />
          ) : me && me.account.role !== 'patient' ? (
            <WrongRole headingRef={heading} me={me} />
          ) : current === 'profile' && me ? (
            <ProfileStep
              headingRef={heading}
              me={me}
              value={profileId}
              onChange={setProfileId}
              onNext={() => go('motif')}
            />
          ) : current === 'motif' ? (
            <MotifStep
              headingRef={heading}
              p={p}
              mode={mode}
              start={start}
              value={motifId}
              onChange={setMotifId}
              fitsMotif={fitsMotif}
              onBack={() => go('profile')}
              onNext={(chosenStart) => {
                if (chosenStart) setStart(chosenStart);
                setFitsMotif(motifId);
                go('emergency');
              }}
            />
          ) : current === 'emergency' ? (
            <EmergencyStep
              headingRef={heading}
              onBack={() => go('motif')}
              onYes={() => setStopped(true)}
              onNo={() => go('estimate')}
            />
          ) : current === 'estimate' && motif && profile ? (
            <EstimateStep
              headingRef={heading}
              p={p}
              mode={mode}
              motifId={motif.id}
              price={motif.price_cents}
              profileId={profileId}
              profileName={fullName(profile)}
              start={start}
              onStart={setStart}
              onBack={() => go('emergency')}
              keys={keys}
              onBooked={(a) => {
                setAppointment(a);
                setExpired(false);
                go(a.status === 'confirmed' ? 'done' : 'card');
              }}
              onSessionError={(e) => session.onApiError(e)}
            />
          ) : current === 'card' && appointment ? (
            <CardStep
              headingRef={heading}
              a={appointment}
              expired={expired}
              onExpired={() => setExpired(true)}
              onConfirmed={(a) => {
                setAppointment(a);
                go('done');
              }}
              onBack={async () => {
                // Going back frees the slot held for this attempt (it would block the next one).
                if (appointment.status === 'pending_payment' && !expired) {
                  try {
                    await cancelAppointment(appointment.id);
                  } catch {
                    /* it expires by itself within 10 minutes */
                  }
                }
                bookAgain();
              }}
              onRetry={bookAgain}
            />
          ) : current === 'done' && appointment ? (
            <ConfirmationStep headingRef={heading} a={appointment} timezone={p.timezone} />
          ) : (
            // A step whose data went missing (e.g. the profile was removed meanwhile): start over.
            <>
              <StepTitle headingRef={heading}>{b.steps.profile}</StepTitle>
              <button type="button" class="btn btn-primary" onClick={() => go('profile')}>
                {b.continue}
              </button>
            </>
          )}
        </section>
      </div>
    </>
  );
}
