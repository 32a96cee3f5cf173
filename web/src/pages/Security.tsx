// /compte/securite — change the password (the other devices are then signed out), the
// active sessions with "Déconnecter cet appareil", the passkeys of every role (PasskeysSection),
// and for practitioners and assistants the authenticator app (TotpSection).
import { useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { PasswordField } from '../components/forms/PasswordField';
import { useForm } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { needsStrongFactor, PasskeysSection } from '../components/PasskeysSection';
import { TotpSection } from '../components/TotpSection';
import { useLoad, type Loaded } from '../components/useLoad';
import { useI18n } from '../i18n';
import { checkNewPassword } from '../lib/account/checks';
import { formatDateTime } from '../lib/dates';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import type { Me, SessionInfo } from '../lib/account/types';
import { parseUserAgent } from '../lib/account/userAgent';
import { changePassword, fetchSessions, revokeSession } from '../lib/account/api';

export function SecurityPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.security.title} lead={t.security.lead}>
      {(me) => <Security me={me} />}
    </AccountLayout>
  );
}

function Security({ me }: { me: Me }) {
  const sessions = useLoad((signal) => fetchSessions(signal), []);
  const staff = me.account.role === 'practitioner' || me.account.role === 'assistant';
  // Under the strong-factor policy without a passkey yet, enrolling one comes first. Decided
  // once per visit: once the key is added the section stays where it is, with its "added"
  // message, instead of being unmounted and drawn again further down.
  const [first] = useState(() => needsStrongFactor(me));
  return (
    <>
      {first && <PasskeysSection me={me} />}
      <PasswordChange me={me} onChanged={sessions.reload} />
      {!first && <PasskeysSection me={me} />}
      {staff && <TotpSection me={me} />}
      <Sessions sessions={sessions} />
    </>
  );
}

function PasswordChange({ me, onChanged }: { me: Me; onChanged: () => void }) {
  const { t } = useI18n();
  const s = t.security;
  const form = useForm('pw-');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const holder = me.profiles.find((p) => p.is_holder);
  const names = holder ? [holder.first_name, holder.last_name] : [];

  async function change() {
    setDone(null);
    await changePassword(current, next);
    setCurrent('');
    setNext('');
    setDone(s.passwordChanged);
    onChanged();
  }

  return (
    <section class="card panel" aria-labelledby="pw-title">
      <h2 id="pw-title">{s.passwordTitle}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(
            () => ({
              current_password: current ? undefined : t.checks.passwordRequired,
              new_password:
                checkNewPassword(next, me.account.email, t, names) ??
                (next === current ? s.samePassword : undefined),
            }),
            change,
          );
        }}
      >
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <PasswordField
          id={form.id('current_password')}
          label={t.fields.currentPassword}
          value={current}
          onValue={setCurrent}
          error={form.errors.current_password}
        />
        <PasswordField
          id={form.id('new_password')}
          label={t.fields.newPassword}
          value={next}
          onValue={setNext}
          error={form.errors.new_password}
          email={me.account.email}
          names={names}
          isNew
        />
        <p class="muted small">{s.passwordNote}</p>
        <SubmitButton busy={form.busy}>{s.passwordSubmit}</SubmitButton>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}

function Sessions({ sessions }: { sessions: Loaded<SessionInfo[]> }) {
  const { t, lang } = useI18n();
  const s = t.security;
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(id: string, label: string) {
    setError(null);
    try {
      await revokeSession(id);
      sessions.setData((list) => list?.filter((x) => x.id !== id));
      setStatus(fillText(s.revoked, { device: label }));
    } catch (e) {
      setError(errorText(e, t.errors));
    }
  }

  const label = (x: SessionInfo) => {
    const d = parseUserAgent(x.user_agent);
    if (d.browser && d.os) return fillText(s.deviceOn, { browser: d.browser, os: d.os });
    return d.browser ?? d.os ?? s.unknownDevice;
  };

  return (
    <section class="card panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{s.sessionsTitle}</h2>
      <p class="muted">{s.sessionsLead}</p>
      <StatusMessage message={status} />
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <LoadState loading={sessions.loading} error={sessions.error} onRetry={sessions.reload}>
        <ul class="session-list">
          {[...(sessions.data ?? [])]
            .sort(
              (a, b) => Number(b.current) - Number(a.current) || b.last_seen_at - a.last_seen_at,
            )
            .map((x) => (
              <li key={x.id} class="session-item">
                <Icon name="device" />
                <div class="session-body">
                  <p class="session-device">
                    {label(x)}
                    {x.current && <span class="badge badge-success">{s.thisDevice}</span>}
                  </p>
                  <p class="muted small">
                    {fillText(s.lastSeen, { when: formatDateTime(x.last_seen_at, lang) })} ·{' '}
                    {fillText(s.since, { when: formatDateTime(x.created_at, lang) })}
                    {x.ip && ` · ${fillText(s.ip, { ip: x.ip })}`}
                  </p>
                </div>
                {!x.current && (
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void revoke(x.id, label(x))}
                  >
                    {s.revoke}
                    <span class="visually-hidden"> — {label(x)}</span>
                  </button>
                )}
              </li>
            ))}
        </ul>
      </LoadState>
    </section>
  );
}
