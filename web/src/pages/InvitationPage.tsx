// /invitation/:token — a relative or an interpreter joins a teleconsultation with the link they
// were sent (ROOM8), without an account: who and when ("Téléconsultation avec Dr Durand, lundi
// 23 novembre à 14 h 30"), their name, then the equipment test, the waiting room ("Le praticien
// va vous faire entrer") and the call, the same room as the patient's without the practitioner's
// tools. A link used on another device (410) or no longer valid (404) says what to do.
//
// No RequireAuth here: the guest has no session. Claiming the link sets the guest's cookie,
// which the API and the WebSocket then accept for this consultation only.
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { PrecallRun } from '../components/consultation/Precall';
import { Room } from '../components/consultation/Room';
import { TextField } from '../components/forms/Field';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { claimInvitation, fetchConsultation, fetchInvitation } from '../lib/consultation/api';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import {
  GUEST_NAME_MAX,
  GUEST_START,
  guestConsultation,
  guestFlow,
  type InvitationInfo,
} from '../lib/consultation/invitations';
import { ROUTES } from '../lib/routes';
import { slotSentence } from '../lib/booking/slots';

export function InvitationPage() {
  const { params } = useRoute();
  const token = params.token ?? '';
  const { t, lang } = useI18n();
  const g = t.guest;
  const [flow, dispatch] = useReducer(guestFlow, GUEST_START);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, flow.step);

  const loading = flow.step === 'loading';
  useEffect(() => {
    if (!loading) return undefined;
    const ctl = new AbortController();
    fetchInvitation(token, ctl.signal).then(
      (info) => dispatch({ type: 'loaded', info }),
      (error: unknown) => {
        if (!ctl.signal.aborted) dispatch({ type: 'load_failed', error });
      },
    );
    return () => ctl.abort();
  }, [token, loading]);

  switch (flow.step) {
    case 'loading':
    case 'error':
      return (
        <>
          <PageIntro title={g.title} />
          <div class="container narrow">
            <LoadState
              loading={flow.step === 'loading'}
              error={flow.step === 'error' ? errorText(flow.error, t.errors) : null}
              onRetry={() => dispatch({ type: 'retry' })}
              lines={3}
            >
              {null}
            </LoadState>
          </div>
        </>
      );
    case 'invalid':
    case 'used': {
      const used = flow.step === 'used';
      return (
        <>
          <PageIntro title={used ? g.usedTitle : g.invalidTitle} />
          <div class="container narrow guest-page">
            <p
              class="notice notice-warning"
              role="alert"
              data-testid={used ? 'guest-used' : 'guest-invalid'}
            >
              <Icon name="alert" />
              <span>{used ? g.used : g.invalid}</span>
            </p>
            <p>
              <a class="btn btn-secondary" href={ROUTES.home}>
                {g.toHome}
              </a>
            </p>
          </div>
        </>
      );
    }
    case 'name':
      return (
        <NameStep
          token={token}
          info={flow.info!}
          error={flow.error}
          onClaimed={(guest) => dispatch({ type: 'claimed', guest })}
          onFailed={(error) => dispatch({ type: 'claim_failed', error })}
        />
      );
    case 'precall':
      return (
        <>
          <PageIntro title={t.precall.title} lead={t.precall.lead} compact>
            {flow.info && <p class="precall-for">{whenText(flow.info, t.guest.when, lang)}</p>}
          </PageIntro>
          <div class="container precall-page">
            <h2 ref={heading} tabIndex={-1} class="visually-hidden">
              {t.precall.title}
            </h2>
            <Precall onEnter={() => dispatch({ type: 'tested' })} />
          </div>
        </>
      );
    case 'room':
      return <GuestRoom id={guestConsultation(flow) ?? ''} info={flow.info} />;
  }
}

function whenText(info: InvitationInfo, template: string, lang: 'fr' | 'en'): string {
  return fillText(template, {
    name: info.consultation.practitioner.name,
    when: slotSentence(info.consultation.start, lang),
  });
}

/** "Relancer le test" starts the steps over, as on the patient's test page. */
function Precall({ onEnter }: { onEnter: () => void }) {
  const [run, setRun] = useState(0);
  return <PrecallRun key={run} enter={{ onEnter }} onRetry={() => setRun((n) => n + 1)} />;
}

function NameStep({
  token,
  info,
  error,
  onClaimed,
  onFailed,
}: {
  token: string;
  info: InvitationInfo;
  error: unknown;
  onClaimed: (guest: { id: string; name: string; consultation: string }) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const g = t.guest;
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <>
      <PageIntro title={g.title} lead={whenText(info, g.when, lang)} />
      <div class="container narrow guest-page">
        <form
          class="card guest-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            if (!name.trim()) {
              setMissing(true);
              document.getElementById('guest-name')?.focus();
              return;
            }
            setMissing(false);
            setBusy(true);
            claimInvitation(token, name).then(
              (guest) =>
                onClaimed(
                  guest.consultation ? guest : { ...guest, consultation: info.consultation.id },
                ),
              (err: unknown) => {
                setBusy(false);
                onFailed(err);
              },
            );
          }}
        >
          <p class="guest-kind">
            <Icon name="users" />
            <span>{g.kind[info.kind] ?? g.kind.guest}</span>
          </p>
          <TextField
            id="guest-name"
            label={g.name}
            hint={g.nameHint}
            value={name}
            onValue={setName}
            maxLength={GUEST_NAME_MAX}
            autoComplete="name"
            required
            error={missing ? g.nameRequired : undefined}
            data-testid="guest-name"
          />
          {error != null && !missing && (
            <p class="notice notice-danger" role="alert">
              <Icon name="alert" />
              <span>{errorText(error, t.errors)}</span>
            </p>
          )}
          <button
            type="submit"
            class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`}
            aria-disabled={busy ? true : undefined}
            data-testid="guest-join"
          >
            {busy ? g.joining : g.join}
            <Icon name="arrowRight" />
          </button>
          <p class="muted small">
            <Icon name="lock" /> {g.privacy}
          </p>
        </form>
      </div>
    </>
  );
}

/** The room, as a guest: the limited view of the consultation, then the shared room. */
function GuestRoom({ id, info }: { id: string; info: InvitationInfo | null }) {
  const { t, lang } = useI18n();
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const lead = info ? whenText(info, t.guest.when, lang) : undefined;
  if (!view.data)
    return (
      <>
        <PageIntro title={t.room.title} lead={lead} compact />
        <div class="container narrow">
          <LoadState loading={view.loading} error={view.error} onRetry={view.reload} lines={4}>
            {null}
          </LoadState>
        </div>
      </>
    );
  return (
    <>
      <PageIntro title={t.room.title} lead={lead} compact />
      <div class="container room-page">
        {/* Whatever the view says, this page is a guest's: no practitioner's or patient's tools. */}
        <Room view={{ ...view.data, role: 'guest' }} />
      </div>
    </>
  );
}
