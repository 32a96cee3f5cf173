// "Vérifiez votre boîte mail": what was sent, to whom, for how long it is valid, and a way to
// get a new email (POST /auth/email/resend answers the same whatever the address).
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { fill } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { StatusMessage } from './forms/Feedback';
import { Icon } from './Icon';
import { resendConfirmation } from '../lib/account/api';

export function CheckMail({
  email,
  body,
  resend = true,
}: {
  email: string;
  body: string;
  resend?: boolean;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function again() {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      await resendConfirmation(email);
      setStatus(t.checkMail.resent);
    } catch (e) {
      setStatus(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="check-mail">
      <span class="check-mail-icon" aria-hidden="true">
        <Icon name="mail" />
      </span>
      <p>{fill(body, { email: <strong>{email}</strong> })}</p>
      <p class="muted">{t.checkMail.spam}</p>
      {resend && (
        <>
          <button
            type="button"
            class="btn btn-secondary"
            aria-disabled={busy ? true : undefined}
            onClick={() => void again()}
          >
            {busy ? t.form.sending : t.checkMail.resend}
          </button>
          <StatusMessage message={status} tone="info" />
        </>
      )}
      <p class="form-foot">
        <a href={ROUTES.login}>{t.checkMail.toLogin}</a>
      </p>
    </div>
  );
}
