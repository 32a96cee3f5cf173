// Login step 2: the 6-digit "code de sécurité", sent by email or shown by an authenticator
// app (method "totp"). One input, numeric keyboard on phones, filled by the browser from the
// email when it can (autocomplete="one-time-code"). A wrong code shows the server's message,
// which says how many tries remain.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { formatTime } from '../lib/dates';
import { fill } from '../lib/format';
import type { LoginChallenge, Me } from '../lib/account/types';
import { TextField } from './forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from './forms/Feedback';
import { useForm } from './forms/useForm';
import { cleanCode } from '../lib/validate';
import { resendLoginCode, verifyLogin } from '../lib/account/api';

export function CodeStep({
  challenge,
  email,
  onSignedIn,
  onRestart,
}: {
  challenge: LoginChallenge;
  email: string;
  onSignedIn: (me: Me) => void;
  /** Back to step 1, with the reason when the challenge can no longer be used. */
  onRestart: (message?: string) => void;
}) {
  const { t, lang } = useI18n();
  const l = t.login;
  const form = useForm();
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const totp = challenge.method === 'totp';

  /** A spent or expired challenge is never revived: back to the password step, saying why. */
  function restartIfExpired(e: unknown): boolean {
    if (!(e instanceof ApiError && e.code === 'challenge_expired')) return false;
    onRestart(e.message || l.challengeExpired);
    return true;
  }

  async function verify() {
    try {
      onSignedIn(await verifyLogin(challenge.challenge, cleanCode(code)));
    } catch (e) {
      if (!restartIfExpired(e)) throw e;
    }
  }

  async function resend() {
    if (resending) return;
    setResending(true);
    setStatus(null);
    try {
      await resendLoginCode(challenge.challenge);
      setStatus(l.resent);
      setCode('');
    } catch (e) {
      if (!restartIfExpired(e)) form.fail(e);
    } finally {
      setResending(false);
    }
  }

  const until = formatTime(new Date(challenge.expires_at * 1000), lang);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(
          () => ({ code: cleanCode(code).length === 6 ? undefined : t.checks.codeFormat }),
          verify,
        );
      }}
    >
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <p>{totp ? l.totpBody : fill(l.emailBody, { email: <strong>{email}</strong> })}</p>
      {!totp && <p class="muted">{fill(l.validUntil, { time: until })}</p>}
      <TextField
        id="code"
        label={totp ? l.totpLabel : l.codeLabel}
        hint={l.codeHint}
        class="input-code"
        value={code}
        onValue={(value) => setCode(value.replace(/[^\d ]/g, '').slice(0, 7))}
        error={form.errors.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellcheck={false}
      />
      <SubmitButton busy={form.busy} busyLabel={l.verifying} large>
        {l.verify}
      </SubmitButton>
      <div class="secondary-actions">
        {!totp && (
          <button
            type="button"
            class="btn btn-quiet"
            aria-disabled={resending ? true : undefined}
            onClick={() => void resend()}
          >
            {resending ? t.form.sending : l.resend}
          </button>
        )}
        <button type="button" class="btn btn-quiet" onClick={() => onRestart()}>
          {l.otherAccount}
        </button>
      </div>
      <StatusMessage message={status} tone="info" />
    </form>
  );
}
