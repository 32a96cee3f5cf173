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
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Facts, ModeLabel } from '../components/booking/Bits';
import { CardChooser } from '../components/booking/CardChooser';
import { Countdown } from '../components/booking/Countdown';
import { SlotChoices } from '../components/booking/SlotChoices';
import { Stepper, type Step } from '../components/booking/Stepper';
import { Avatar, shouldNameZone, useZoneName } from '../components/Directory';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import { api, ApiError } from '../lib/api';
import {
  bookingPath,
  clearPendingBooking,
  createAppointment,
  createAttemptKeys,
  EMERGENCY,
  formatAmount,
  readBookingQuery,
  savePendingBooking,
  type Appointment,
  type BookingQuery,
  type Estimate,
} from '../lib/booking';
import { formatPrice, modesOf, motifsFor, type Mode, type PublicProfile, type Slot, type SlotsResult } from '../lib/directory';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { practitionerPath, ROUTES } from '../lib/routes';
import { fullName, homeForRole, loginUrl } from '../lib/session';
import { localDate, slotSentence } from '../lib/slots';
import type { Me } from '../lib/types';

/** Beyond this, the card is saved and the hold placed later (payments.hold_lead, docs/booking.md). */
const HOLD_LEAD_MS = 5 * 24 * 3600 * 1000;

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
  const a = useLoad((signal) => api.get<Appointment>(`/appointments/${encodeURIComponent(id)}`, { signal }), [id]);
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
  return <LoadPractitioner q={{ ...q, practitioner: a.data.practitioner.id, start: a.data.start, mode: a.data.mode, motif: a.data.motif.id }} resumed={a.data} />;
}

function LoadPractitioner({ q, resumed }: { q: BookingQuery; resumed?: Appointment }) {
  const { t, lang } = useI18n();
  const b = t.booking;
  const profile = useLoad((signal) => api.get<PublicProfile>(`/practitioners/${encodeURIComponent(q.practitioner)}`, { signal }), [q.practitioner, lang]);
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

type Taken = { slots: Slot[] } | null;

function Flow({ p, q, resumed }: { p: PublicProfile; q: BookingQuery; resumed?: Appointment | undefined }) {
  const { t } = useI18n();
  const b = t.booking;
  const { state, session } = useSession();
  const { route, url } = useLocation();
  const me = state.status === 'signedIn' ? state.me : null;

  const modes = modesOf(p);
  const mode: Mode = resumed?.mode ?? (q.mode && modes.includes(q.mode) ? q.mode : (modes[0] ?? 'video'));
  const motifs = motifsFor(p.motifs, mode);
  // The slots of the practitioner's page were computed for this motif (its first one by default).
  const slotMotif = q.motif && motifs.some((m) => m.id === q.motif) ? q.motif : (motifs[0]?.id ?? '');

  // A resumed booking: confirmed → the confirmation; otherwise the card step (which says when
  // the appointment no longer waits for a card).
  const [step, setStep] = useState<Step>(resumed ? (resumed.status === 'confirmed' ? 'done' : 'card') : 'profile');
  const [start, setStart] = useState(resumed?.start ?? q.start);
  const [motifId, setMotifId] = useState(resumed?.motif.id ?? (q.motif && motifs.some((m) => m.id === q.motif) ? q.motif : motifs.length === 1 ? motifs[0]!.id : ''));
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
    if (me && !profileId) setProfileId(me.current_profile || me.profiles[0]?.id || '');
  }, [me]);

  // A signed-in patient on this page no longer needs the booking saved at sign-up.
  useEffect(() => {
    if (me?.account.role === 'patient') clearPendingBooking();
  }, [me?.account.id]);

  // Keep the address in step with the booking, so that a reload lands at the same place.
  useEffect(() => {
    const next = bookingPath({ practitioner: p.id, start, mode, motif: motifId || null, appointment: appointment?.id ?? null });
    if (next !== url) route(next, true);
  }, [start, motifId, appointment?.id]);

  const motif = motifs.find((m) => m.id === motifId);
  const profile = me?.profiles.find((x) => x.id === profileId);
  const past = !appointment && Date.parse(start) <= Date.now();

  if (stopped) return <EmergencyStop headingRef={heading} />;

  const go = (s: Step) => setStep(s);

  return (
    <>
      <PageIntro title={b.title} compact />
      <div class="container booking-layout">
        <Stepper current={current} />
        {current !== 'done' && <Summary p={p} start={start} mode={mode} motif={motif ? { label: motif.label, price: motif.price_cents } : null} patient={current !== 'profile' && profile ? fullName(profile) : null} />}
        <section class="card panel booking-step" aria-labelledby="step-title" data-step={current}>
          {past && current !== 'done' ? (
            <>
              <h2 id="step-title" ref={heading} tabIndex={-1}>
                {b.summaryTitle}
              </h2>
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
            <ProfileStep headingRef={heading} me={me} value={profileId} onChange={setProfileId} onNext={() => go('motif')} />
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
            <EmergencyStep headingRef={heading} onBack={() => go('motif')} onYes={() => setStopped(true)} onNo={() => go('estimate')} />
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
                    await api.post(`/appointments/${encodeURIComponent(appointment.id)}/cancel`);
                  } catch {
                    /* it expires by itself within 10 minutes */
                  }
                }
                keys.reset();
                setAppointment(null);
                setExpired(false);
                go('estimate');
              }}
              onRetry={() => {
                keys.reset();
                setAppointment(null);
                setExpired(false);
                go('estimate');
              }}
            />
          ) : current === 'done' && appointment ? (
            <Confirmation headingRef={heading} a={appointment} timezone={p.timezone} />
          ) : (
            // A step whose data went missing (e.g. the profile was removed meanwhile): start over.
            <>
              <h2 id="step-title" ref={heading} tabIndex={-1}>
                {b.steps.profile}
              </h2>
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

type HeadingRef = { headingRef: RefObject<HTMLHeadingElement | null> };

function StepTitle({ headingRef, children }: HeadingRef & { children: ComponentChildren }) {
  return (
    <h2 id="step-title" ref={headingRef} tabIndex={-1}>
      {children}
    </h2>
  );
}

function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn btn-quiet" onClick={onClick} data-testid="booking-back">
      <Icon name="chevronLeft" />
      {t.booking.back}
    </button>
  );
}

function Summary({ p, start, mode, motif, patient }: { p: PublicProfile; start: string; mode: Mode; motif: { label: string; price: number } | null; patient: string | null }) {
  const { t, lang } = useI18n();
  const b = t.booking;
  const zoneName = useZoneName();
  return (
    <aside class="card booking-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" class="visually-hidden">
        {b.summaryTitle}
      </h2>
      <Avatar name={p.name} photo={p.photo_url} />
      <div class="booking-summary-text">
        <p class="booking-when" data-testid="booking-when">
          {slotSentence(start, lang)}
        </p>
        {shouldNameZone(p.timezone) && <p class="muted small">{fillText(b.zoneNote, { zone: zoneName(p.timezone) })}</p>}
        <p class="booking-who">{fillText(b.withPractitioner, { name: p.name, specialty: p.specialty.label })}</p>
        <p class="booking-meta">
          <ModeLabel mode={mode} />
          {motif && (
            <span>
              {motif.label} · {formatPrice(motif.price, lang)}
            </span>
          )}
          {patient && (
            <span>
              <Icon name="user" />
              {patient}
            </span>
          )}
        </p>
      </div>
    </aside>
  );
}

// --- Compte ---------------------------------------------------------------------------------------

function AccountStep({ headingRef, returnTo, p, start }: HeadingRef & { returnTo: string; p: PublicProfile; start: string }) {
  const { t } = useI18n();
  const s = t.booking.account;
  const { state } = useSession();
  if (state.status === 'loading')
    return (
      <LoadState loading error={null}>
        {null}
      </LoadState>
    );
  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <p>{s.body}</p>
      <div class="step-actions">
        <a class="btn btn-primary btn-large" href={loginUrl(returnTo)} data-testid="booking-login">
          {s.login}
          <Icon name="arrowRight" />
        </a>
      </div>
      <p class="step-aside">
        {s.noAccount}{' '}
        <a href={ROUTES.signup} onClick={() => savePendingBooking({ path: returnTo, practitionerName: p.name, start, savedAt: Date.now() })} data-testid="booking-signup">
          {s.signup}
        </a>
      </p>
      <p class="muted small">{s.signupNote}</p>
    </>
  );
}

function WrongRole({ headingRef, me }: HeadingRef & { me: Me }) {
  const { t } = useI18n();
  const s = t.booking.account;
  return (
    <>
      <StepTitle headingRef={headingRef}>{t.booking.steps.account}</StepTitle>
      <p>{s.wrongRole}</p>
      <a class="btn btn-primary" href={homeForRole(me.account.role)}>
        {s.toMyArea}
      </a>
    </>
  );
}

// --- Pour qui ---------------------------------------------------------------------------------------

function ProfileStep({ headingRef, me, value, onChange, onNext }: HeadingRef & { me: Me; value: string; onChange: (id: string) => void; onNext: () => void }) {
  const { t } = useI18n();
  const s = t.booking.profile;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onNext();
      }}
    >
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <fieldset class="choice-group" aria-labelledby="step-title" aria-describedby="profile-hint">
        <p id="profile-hint" class="muted">
          {s.hint}
        </p>
        <ul class="choice-list">
          {me.profiles.map((pr) => (
            <li key={pr.id}>
              <label class="choice" for={`profile-${pr.id}`}>
                <input id={`profile-${pr.id}`} type="radio" name="profile" value={pr.id} checked={value === pr.id} onChange={() => onChange(pr.id)} data-testid={`profile-${pr.id}`} />
                <span class="choice-text">
                  <span class="choice-title">{fullName(pr)}</span>
                  <span class="choice-detail">{pr.is_holder ? t.profiles.you : t.profiles.relationship[pr.relationship]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="step-aside">
        <a class="link-arrow" href={ROUTES.relatives}>
          <Icon name="plus" />
          {s.addRelative}
        </a>
        <span class="muted small"> {s.addRelativeNote}</span>
      </p>
      <div class="step-actions">
        <button type="submit" class="btn btn-primary btn-large" data-testid="booking-continue">
          {t.booking.continue}
        </button>
      </div>
    </form>
  );
}

// --- Motif ------------------------------------------------------------------------------------------

function MotifStep({
  headingRef,
  p,
  mode,
  start,
  value,
  onChange,
  fitsMotif,
  onBack,
  onNext,
}: HeadingRef & {
  p: PublicProfile;
  mode: Mode;
  start: string;
  value: string;
  onChange: (id: string) => void;
  /** The motif the current start is known to fit. */
  fitsMotif: string;
  onBack: () => void;
  onNext: (start?: string) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.booking.motif;
  const motifs = motifsFor(p.motifs, mode);
  const [checking, setChecking] = useState(false);
  const [others, setOthers] = useState<Slot[] | null>(null);
  const othersRef = useRef<HTMLDivElement>(null);
  useEffect(() => setOthers(null), [value]);
  useEffect(() => {
    if (others) othersRef.current?.focus();
  }, [others]);

  async function next() {
    if (!value || checking) return;
    if (value === fitsMotif) return onNext();
    // Another motif, another duration: is the time still a slot of this motif?
    setChecking(true);
    try {
      const date = localDate(start);
      const qs = new URLSearchParams({ from: date, days: '1', mode, motif_id: value });
      const r = await api.get<SlotsResult>(`/practitioners/${encodeURIComponent(p.id)}/slots?${qs}`);
      if (r.slots.some((x) => x.start === start)) onNext();
      else setOthers(r.slots.filter((x) => x.mode === mode));
    } catch {
      onNext(); // The booking itself checks the time; let it say.
    } finally {
      setChecking(false);
    }
  }

  if (motifs.length === 0)
    return (
      <>
        <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
        <p>{s.none}</p>
        <div class="step-actions">
          <BackButton onClick={onBack} />
          <a class="btn btn-secondary" href={practitionerPath(p.id)}>
            {t.booking.toProfile}
          </a>
        </div>
      </>
    );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void next();
      }}
    >
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <fieldset class="choice-group" aria-labelledby="step-title">
        <ul class="choice-list">
          {motifs.map((m) => (
            <li key={m.id}>
              <label class="choice" for={`motif-${m.id}`}>
                <input id={`motif-${m.id}`} type="radio" name="motif" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} data-testid={`motif-${m.id}`} />
                <span class="choice-text">
                  <span class="choice-title">{m.label}</span>
                  <span class="choice-detail">{fillText(s.option, { duration: m.duration_min, price: formatPrice(m.price_cents, lang) })}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {checking && (
        <p class="muted" role="status">
          {s.checking}
        </p>
      )}
      {others && (
        <div ref={othersRef} class="notice notice-warning slot-notice" tabIndex={-1} role="alert">
          <Icon name="clock" />
          <div>
            <p class="notice-title">{others.length ? s.notFit : s.noneThatDay}</p>
            {others.length > 0 ? (
              <SlotChoices slots={others} onChoose={(x) => onNext(x.start)} />
            ) : (
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            )}
          </div>
        </div>
      )}
      <div class="step-actions">
        <BackButton onClick={onBack} />
        <button type="submit" class="btn btn-primary btn-large" aria-disabled={!value || checking ? true : undefined} data-testid="booking-continue">
          {t.booking.continue}
        </button>
      </div>
    </form>
  );
}

// --- Urgence ----------------------------------------------------------------------------------------

function EmergencyStep({ headingRef, onBack, onYes, onNo }: HeadingRef & { onBack: () => void; onYes: () => void; onNo: () => void }) {
  const { t } = useI18n();
  const s = t.booking.emergency;
  const symptoms = [s.symptoms.chest, s.symptoms.breathing, s.symptoms.pain, s.symptoms.fainting, s.symptoms.stroke];
  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <p class="muted">{s.lead}</p>
      <ul class="symptom-list">
        {symptoms.map((x) => (
          <li key={x}>
            <Icon name="alert" />
            <span>{x}</span>
          </li>
        ))}
      </ul>
      <div class="emergency-answers" role="group" aria-labelledby="step-title">
        <button type="button" class="btn btn-secondary btn-large answer-yes" onClick={onYes} data-testid="emergency-yes">
          {s.yes}
        </button>
        <button type="button" class="btn btn-secondary btn-large" onClick={onNo} data-testid="emergency-no">
          {s.no}
        </button>
      </div>
      <div class="step-actions">
        <BackButton onClick={onBack} />
      </div>
    </>
  );
}

/** The emergency screen: the numbers to call, and nothing that leads to a booking. */
function EmergencyStop({ headingRef }: HeadingRef) {
  const { t } = useI18n();
  const s = t.booking.emergency;
  return (
    <>
      <PageIntro title={t.booking.title} compact />
      <div class="container narrow">
        <section class="emergency-stop" aria-labelledby="step-title" data-testid="emergency-stop">
          <Icon name="phone" class="emergency-icon" />
          <StepTitle headingRef={headingRef}>{s.stopTitle}</StepTitle>
          <p class="emergency-body">{s.stopBody}</p>
          <div class="emergency-calls">
            <a class="btn btn-danger btn-large" href={`tel:${EMERGENCY.samu}`}>
              <Icon name="phone" />
              {s.call15}
            </a>
            <a class="btn btn-danger btn-large" href={`tel:${EMERGENCY.europe}`}>
              <Icon name="phone" />
              {s.call112}
            </a>
          </div>
          <p class="emergency-deaf">{s.deaf}</p>
          <a class="btn btn-secondary" href={`sms:${EMERGENCY.sms}`}>
            <Icon name="message" />
            {s.sms114}
          </a>
          <p class="emergency-home">
            <a href={ROUTES.home}>{s.home}</a>
          </p>
        </section>
      </div>
    </>
  );
}

// --- Estimation et réservation ------------------------------------------------------------------

function EstimateStep({
  headingRef,
  p,
  mode,
  motifId,
  price,
  profileId,
  profileName,
  start,
  onStart,
  onBack,
  keys,
  onBooked,
  onSessionError,
}: HeadingRef & {
  p: PublicProfile;
  mode: Mode;
  motifId: string;
  price: number;
  profileId: string;
  profileName: string;
  start: string;
  onStart: (start: string) => void;
  onBack: () => void;
  keys: ReturnType<typeof createAttemptKeys>;
  onBooked: (a: Appointment) => void;
  onSessionError: (e: ApiError) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.booking.estimate;
  const estimate = useLoad(
    (signal) => api.post<Estimate>('/reimbursement/estimate', { practitioner_id: p.id, motif_id: motifId, profile_id: profileId, mode }, { signal }),
    [p.id, motifId, profileId, mode, lang],
  );
  const slow = useSlow(estimate.loading);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<Taken>(null);
  const [error, setError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const e = estimate.data;

  useEffect(() => {
    if (taken || error) alertRef.current?.focus();
  }, [taken, error]);

  async function book(at: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = { practitioner_id: p.id, motif_id: motifId, start: at, profile_id: profileId, mode };
    try {
      const r = await createAppointment({ fetch: (...args) => fetch(...args), getLang: () => lang, onError: (err) => onSessionError(err) }, body, keys.keyFor(body));
      if (r.ok) {
        setTaken(null);
        onBooked(r.appointment);
      } else {
        keys.reset();
        setTaken({ slots: r.nextSlots.filter((x) => x.mode === mode) });
      }
    } catch (err) {
      // The same key is kept: "Réserver" again retries the same attempt, never a second booking.
      setTaken(null);
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <LoadState loading={estimate.loading && !e} error={null} lines={3}>
        <table class="estimate-table" data-testid="estimate">
          <caption class="visually-hidden">{fillText(s.caption, { name: profileName })}</caption>
          <tbody>
            <tr>
              <th scope="row">{s.price}</th>
              <td>{formatAmount(e?.price_cents ?? price, lang)}</td>
            </tr>
            {e && (
              <>
                <tr>
                  <th scope="row">{s.amo}</th>
                  <td>{e.reimbursable ? formatAmount(e.amo_cents, lang) : s.notReimbursable}</td>
                </tr>
                <tr class="estimate-rest">
                  <th scope="row">{s.rest}</th>
                  <td>{formatAmount(e.patient_cents, lang)}</td>
                </tr>
                {e.tiers_payant && (
                  <tr>
                    <th scope="row">{s.advance}</th>
                    <td>{formatAmount(e.advance_cents, lang)}</td>
                  </tr>
                )}
              </>
            )}
          </tbody>
        </table>
        {e?.reason && <p class="estimate-reason">{e.reason}</p>}
      </LoadState>
      {slow && !e && <p class="slow-note">{t.search.slow}</p>}
      {estimate.error && !estimate.loading && (
        <p class="notice notice-info">
          <Icon name="alert" />
          <span>
            {s.failed}{' '}
            <button type="button" class="link-button" onClick={estimate.reload}>
              {t.form.retry}
            </button>
          </span>
        </p>
      )}
      <p class="no-charge">
        <Icon name="shield" />
        <span>
          <strong>{s.noCharge}</strong> {fillText(s.holdAmount, { amount: formatAmount(price, lang) })}
        </span>
      </p>
      {taken && (
        <div ref={alertRef} class="notice notice-warning slot-notice" role="alert" tabIndex={-1} data-testid="slot-taken">
          <Icon name="clock" />
          <div>
            <p class="notice-title">{t.booking.taken.title}</p>
            <p>{taken.slots.length ? t.booking.taken.body : t.booking.taken.none}</p>
            {taken.slots.length > 0 ? (
              <SlotChoices
                busy={busy}
                slots={taken.slots}
                onChoose={(x) => {
                  onStart(x.start);
                  void book(x.start);
                }}
              />
            ) : (
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            )}
          </div>
        </div>
      )}
      {error && (
        <div ref={alertRef} class="notice notice-danger" role="alert" tabIndex={-1} data-testid="booking-error">
          <Icon name="alert" />
          <div>
            <p>{error}</p>
            <p>
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            </p>
          </div>
        </div>
      )}
      <div class="step-actions">
        <BackButton onClick={onBack} />
        {!taken && (
          <button type="button" class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`} aria-disabled={busy ? true : undefined} onClick={() => void book(start)} data-testid="booking-book">
            {busy ? s.booking : s.book}
          </button>
        )}
      </div>
    </>
  );
}

// --- Carte ------------------------------------------------------------------------------------------

function CardStep({
  headingRef,
  a,
  expired,
  onExpired,
  onConfirmed,
  onBack,
  onRetry,
}: HeadingRef & {
  a: Appointment;
  expired: boolean;
  onExpired: () => void;
  onConfirmed: (a: Appointment) => void;
  onBack: () => void | Promise<void>;
  onRetry: () => void;
}) {
  const { t, lang } = useI18n();
  const c = t.booking.card;
  if (expired)
    return (
      <>
        <StepTitle headingRef={headingRef}>{c.expiredTitle}</StepTitle>
        <p>{c.expiredBody}</p>
        <div class="step-actions">
          <button type="button" class="btn btn-primary btn-large" onClick={onRetry} data-testid="booking-retry">
            {c.retry}
          </button>
        </div>
      </>
    );
  if (a.status !== 'pending_payment')
    return (
      <>
        <StepTitle headingRef={headingRef}>{c.title}</StepTitle>
        <p>{c.gone}</p>
        <a class="btn btn-primary" href={practitionerPath(a.practitioner.id, { mode: a.mode })}>
          {t.booking.toProfile}
        </a>
      </>
    );
  const amount = formatAmount(a.payment.amount_cents || a.price_cents, lang);
  const later = Date.parse(a.start) - Date.now() > HOLD_LEAD_MS;
  return (
    <>
      <StepTitle headingRef={headingRef}>{c.title}</StepTitle>
      {a.hold_expires_at && <Countdown expiresAt={a.hold_expires_at} onExpire={onExpired} />}
      <CardChooser
        appointmentId={a.id}
        submitLabel={c.confirm}
        onConfirmed={onConfirmed}
        onExpired={onExpired}
        note={`${fillText(c.holdNote, { amount })}${later ? ` ${c.later}` : ''}`}
      />
      <div class="step-actions">
        <BackButton onClick={() => void onBack()} />
      </div>
    </>
  );
}

// --- Confirmation -----------------------------------------------------------------------------------

function Confirmation({ headingRef, a, timezone }: HeadingRef & { a: Appointment; timezone: string }) {
  const { t, lang } = useI18n();
  const d = t.booking.done;
  const zoneName = useZoneName();
  const amount = formatAmount(a.payment.amount_cents || a.price_cents, lang);
  const payment = a.payment.state === 'held' ? fillText(d.hold, { amount }) : a.payment.state === 'card_required' ? d.cardRequired : fillText(d.saved, { amount });
  return (
    <div class="confirmation" data-testid="booking-confirmed">
      <p class="confirmation-icon" aria-hidden="true">
        <Icon name="check" />
      </p>
      <StepTitle headingRef={headingRef}>{d.title}</StepTitle>
      <p class="confirmation-when">{slotSentence(a.start, lang)}</p>
      {shouldNameZone(timezone) && <p class="muted small">{fillText(t.booking.zoneNote, { zone: zoneName(timezone) })}</p>}
      <Facts
        items={[
          { label: d.practitioner, value: `${a.practitioner.name} · ${a.practitioner.specialty_label}` },
          { label: d.patient, value: `${a.profile.first_name} ${a.profile.last_name}` },
          { label: d.motif, value: a.motif.label },
          { label: d.mode, value: <ModeLabel mode={a.mode} /> },
        ]}
      />
      <p class="no-charge">
        <Icon name="card" />
        <span data-testid="booking-hold">{payment}</span>
      </p>
      <p class="confirmation-sent">
        <Icon name="mail" />
        <span>{d.sent}</span>
      </p>
      <div class="step-actions">
        <a class="btn btn-secondary" href={`/api/v1/appointments/${encodeURIComponent(a.id)}/calendar.ics`} download="rendez-vous.ics" data-testid="booking-ics">
          <Icon name="download" />
          {d.ics}
        </a>
        <a class="btn btn-primary btn-large" href={ROUTES.myAppointments}>
          {d.mine}
        </a>
      </div>
    </div>
  );
}
