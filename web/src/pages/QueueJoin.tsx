// /maintenant/:specialty — joining the immediate queue of a specialty (docs/queue.md), as a
// stepper like the booking's: compte → pour qui → questions d'urgence → motif et commune →
// prix et remboursement → carte; "Rejoindre la file" then opens the waiting screen. One decision
// per step, progress shown, "Retour" on every step; focus moves to each new step's heading.
//
// - Signed out, the first step offers sign-in (back here through ?retour=) or sign-up.
// - An emergency symptom stops everything: the 15, the 112 and the 114 (as the server's 422
//   emergency would).
// - The price step (POST /queues/{s}/quote) says first what would stop the patient: the
//   practitioners on duty are far away, or the consultation is not reimbursed.
// - POST /queues/{s}/entries carries one Idempotency-Key per attempt (createJoinKeys). Its
//   refusals: 402 next to the cards, 409 already_queued with the way to the existing place,
//   423 the queue closed with its next hours, 422 the emergency screen, 400 back to the field.
//
// The steps are components of components/booking/ (ProfileStep, EmergencyStep, CardChooser)
// and components/queue/ (JoinDetailsStep, QuoteStep, JoinNotices); the rules, lib/queue/.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { CardChooser } from '../components/booking/CardChooser';
import { EmergencyStep, EmergencyStop } from '../components/booking/EmergencyStep';
import { ProfileStep } from '../components/booking/ProfileStep';
import { BackButton, StepTitle } from '../components/booking/StepParts';
import { StepperOf } from '../components/booking/Stepper';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { JoinDetailsStep, type DetailsErrors } from '../components/queue/JoinDetailsStep';
import {
  AlreadyQueued,
  JoinAccountStep,
  JoinWrongRole,
  QueueClosed,
} from '../components/queue/JoinNotices';
import { MyPlaces } from '../components/queue/MyPlaces';
import { QuoteStep } from '../components/queue/QuoteStep';
import { useClock } from '../components/queue/useClock';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fullName } from '../lib/account/session';
import type { ApiError } from '../lib/api';
import { formatAmount } from '../lib/booking/payment';
import { fillText } from '../lib/format';
import { safeStorage } from '../lib/lang';
import { fetchMyEntries, fetchQueues, joinQueue } from '../lib/queue/api';
import { hoursText, waitText } from '../lib/queue/format';
import {
  createJoinKeys,
  fieldOf,
  joinFailure,
  liveEntryOf,
  NO_EMERGENCY,
  oneLine,
  recallCommune,
  rememberCommune,
  type ChosenCommune,
  type JoinField,
} from '../lib/queue/join';
import type { NewEntry, QueueEntry, QueueSummary, Quote } from '../lib/queue/types';
import { queueEntryPath, ROUTES } from '../lib/routes';

const JOIN_STEPS = ['account', 'profile', 'emergency', 'details', 'price', 'card'] as const;
type JoinStep = (typeof JOIN_STEPS)[number];

type Outcome = { kind: 'already'; entry: QueueEntry | null } | { kind: 'closed' } | null;

export function QueueJoinPage() {
  const { t, lang } = useI18n();
  const j = t.queue.join;
  const { params } = useRoute();
  const specialty = params.specialty ?? '';
  const queues = useLoad((signal) => fetchQueues(signal), [lang]);
  const q = queues.data?.find((x) => x.specialty === specialty);
  if (q) return <Flow q={q} onClosed={queues.reload} />;
  return (
    <>
      <PageIntro title={j.title} compact />
      <div class="container narrow">
        <LoadState
          loading={queues.loading && !queues.data}
          error={queues.data ? null : queues.error}
          onRetry={queues.reload}
        >
          <div class="notice notice-info" role="status" data-testid="queue-unknown">
            <Icon name="alert" />
            <div>
              <p class="notice-title">{j.unknown.title}</p>
              <p>
                {j.unknown.body} <a href={ROUTES.queues}>{j.toList}</a>
              </p>
            </div>
          </div>
        </LoadState>
      </div>
    </>
  );
}

function Flow({ q, onClosed }: { q: QueueSummary; onClosed: () => void }) {
  const { t, lang } = useI18n();
  const j = t.queue.join;
  const { state } = useSession();
  const { route, url } = useLocation();
  const me = state.status === 'signedIn' ? state.me : null;

  const [step, setStep] = useState<JoinStep>('profile');
  const [profileId, setProfileId] = useState('');
  const [stopped, setStopped] = useState(false);
  const [reason, setReason] = useState('');
  const [commune, setCommune] = useState<ChosenCommune | null>(null);
  const [communeText, setCommuneText] = useState('');
  const [remembered, setRemembered] = useState(false);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [quote, setQuote] = useState<Quote | null>(null);
  const [stepError, setStepError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(q.open ? null : { kind: 'closed' });
  const heading = useRef<HTMLHeadingElement>(null);
  const keys = useMemo(() => createJoinKeys(), []);

  const current: JoinStep = me ? step : 'account';
  useFocusOnChange(heading, `${step}|${stopped}|${outcome?.kind ?? ''}`);

  // The profile the consultation is for: the one the patient acts for, unless chosen here.
  useEffect(() => {
    if (me) setProfileId((chosen) => chosen || me.current_profile || me.profiles[0]?.id || '');
  }, [me]);

  // The commune last used for this profile on this device (the API keeps no address).
  useEffect(() => {
    if (!profileId) return;
    const known = recallCommune(safeStorage(), profileId);
    setCommune(known);
    setCommuneText(known?.label ?? '');
    setRemembered(!!known);
  }, [profileId]);

  const profile = me?.profiles.find((x) => x.id === profileId);
  const name = profile ? fullName(profile) : '';

  // A field the server refused: back to its step, the message on the field when it has one
  // (the reason, the commune), above the step otherwise (the profile, the answers).
  const toField = useCallback((f: JoinField | null, message: string) => {
    if (f === 'reason' || f === 'commune') {
      setErrors({ [f]: message });
      setStep('details');
    } else if (f === 'profile' || f === 'emergency') {
      setStepError(message);
      setStep(f);
    }
  }, []);
  const onQuoteField = useCallback(
    (err: ApiError) => toField(fieldOf(err.field), err.message),
    [toField],
  );

  async function join(token: string): Promise<void> {
    if (!commune) return;
    const body: NewEntry = {
      profile_id: profileId,
      reason: oneLine(reason),
      commune_code: commune.code,
      emergency_answers: NO_EMERGENCY,
      card_token: token,
    };
    try {
      const joined = await joinQueue(q.specialty, body, keys.keyFor(q.specialty, body));
      rememberCommune(safeStorage(), profileId, commune);
      route(queueEntryPath(joined.id));
    } catch (err) {
      const f = joinFailure(err);
      switch (f.kind) {
        case 'declined':
          // Another try with the same card is a new attempt for the server.
          keys.reset();
          throw err;
        case 'field':
          if (f.field === 'card') throw err;
          keys.reset();
          toField(f.field, f.message);
          return;
        case 'other':
          // Said next to the cards; the same key makes "Rejoindre la file" again safe.
          throw err;
        case 'already_queued': {
          keys.reset();
          let entry: QueueEntry | null = null;
          try {
            entry = liveEntryOf(await fetchMyEntries(), profileId) ?? null;
          } catch {
            // The notice then points to the list.
          }
          setOutcome({ kind: 'already', entry });
          return;
        }
        case 'emergency':
          setStopped(true);
          return;
        case 'closed':
          keys.reset();
          onClosed();
          setOutcome({ kind: 'closed' });
          return;
      }
    }
  }

  if (stopped) return <EmergencyStop headingRef={heading} title={j.title} />;

  const go = (s: JoinStep) => {
    setStepError(null);
    setStep(s);
  };
  return (
    <>
      <PageIntro title={j.title} lead={fillText(j.lead, { label: q.label })} compact />
      <div class="container booking-layout">
        <MyPlaces />
        {!outcome && <StepperOf steps={JOIN_STEPS} current={current} labels={j.steps} />}
        <JoinSummary q={q} name={current !== 'profile' && current !== 'account' ? name : ''} />
        <section
          class="card panel booking-step"
          aria-labelledby="step-title"
          data-step={outcome ? outcome.kind : current}
        >
          {stepError && !outcome && (
            <p class="notice notice-danger" role="alert" data-testid="queue-step-error">
              <Icon name="alert" />
              <span>{stepError}</span>
            </p>
          )}
          {outcome?.kind === 'closed' ? (
            <QueueClosed headingRef={heading} q={q} />
          ) : outcome?.kind === 'already' ? (
            <AlreadyQueued headingRef={heading} name={name} entry={outcome.entry} />
          ) : current === 'account' ? (
            <JoinAccountStep headingRef={heading} returnTo={url} />
          ) : me && me.account.role !== 'patient' ? (
            <JoinWrongRole headingRef={heading} me={me} />
          ) : current === 'profile' && me ? (
            <ProfileStep
              headingRef={heading}
              me={me}
              value={profileId}
              onChange={setProfileId}
              onNext={() => go('emergency')}
              hint={j.profileHint}
              addRelativeNote={j.addRelativeNote}
            />
          ) : current === 'emergency' ? (
            <EmergencyStep
              headingRef={heading}
              onBack={() => go('profile')}
              onYes={() => setStopped(true)}
              onNo={() => go('details')}
            />
          ) : current === 'details' ? (
            <JoinDetailsStep
              headingRef={heading}
              reason={reason}
              onReason={setReason}
              commune={commune}
              communeText={communeText}
              onCommune={(text, chosen) => {
                setCommuneText(text);
                setCommune(chosen);
                setRemembered(false);
              }}
              remembered={remembered}
              errors={errors}
              onErrors={setErrors}
              onBack={() => go('emergency')}
              onNext={(chosen) => {
                setCommune(chosen);
                go('price');
              }}
            />
          ) : current === 'price' && commune && profile ? (
            <QuoteStep
              headingRef={heading}
              specialty={q.specialty}
              profileId={profileId}
              profileName={name}
              communeCode={commune.code}
              onBack={() => go('details')}
              onNext={(found) => {
                setQuote(found);
                go('card');
              }}
              onFieldError={onQuoteField}
            />
          ) : current === 'card' && quote && commune ? (
            <>
              <StepTitle headingRef={heading}>{j.card.title}</StepTitle>
              <CardChooser
                submit={join}
                submitLabel={j.card.submit}
                busyLabel={j.card.submitting}
                submitTestId="queue-submit"
                note={fillText(j.card.note, { amount: formatAmount(quote.hold_cents, lang) })}
              />
              <div class="step-actions">
                <BackButton onClick={() => go('price')} />
              </div>
            </>
          ) : (
            // A step whose data went missing (the profile removed meanwhile): start over.
            <>
              <StepTitle headingRef={heading}>{t.booking.steps.profile}</StepTitle>
              <button type="button" class="btn btn-primary" onClick={() => go('profile')}>
                {t.booking.continue}
              </button>
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** The queue being joined: its name, hours and wait, and for whom once chosen. */
function JoinSummary({ q, name }: { q: QueueSummary; name: string }) {
  const { t, lang } = useI18n();
  const w = t.queue;
  const now = useClock();
  return (
    <div class="card now-summary">
      <Icon name="video" class="now-summary-icon" />
      <div>
        <p class="booking-who">{q.label}</p>
        <p class="muted small">
          {hoursText(q, now, w.hours, lang)}
          {q.open && (
            <>
              {' · '}
              {q.estimate_minutes
                ? fillText(w.estimate.line, {
                    wait: waitText(q.estimate_minutes, w.estimate, lang),
                  })
                : w.estimate.unknown}
            </>
          )}
        </p>
        {name && <p class="now-summary-for">{fillText(t.appointments.forProfile, { name })}</p>}
      </div>
    </div>
  );
}
