// /reinitialiser-mot-de-passe?token=… — the link of the reset email (30 minutes, single
// use): a new password with its checklist; every session of the account is then closed.
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { PasswordField } from '../components/forms/PasswordField';
import { useForm } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { Icon } from '../components/Icon';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { checkNewPassword } from '../lib/account/checks';
import { ROUTES } from '../lib/routes';
import { resetPassword } from '../lib/account/api';

type Step = 'form' | 'done' | 'invalid';

export function ResetPasswordPage() {
  const { t } = useI18n();
  const r = t.reset;
  const { query } = useLocation();
  const { session } = useSession();
  const token = query.token ?? '';
  const form = useForm();
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>(token ? 'form' : 'invalid');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, step);

  async function send() {
    try {
      await resetPassword(token, password);
      // Every session was revoked, this browser's included.
      session.signedOut('logout');
      setStep('done');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'link_invalid') setStep('invalid');
      else throw e;
    }
  }

  if (step === 'invalid')
    return (
      <FormPage title={r.invalidTitle} lead={r.invalidBody} headingRef={heading}>
        <a class="btn btn-primary" href={ROUTES.forgotPassword}>
          {r.newLink}
        </a>
      </FormPage>
    );

  if (step === 'done')
    return (
      <FormPage title={r.doneTitle} headingRef={heading}>
        <div class="result-line">
          <Icon name="check" class="result-icon ok" />
          <p>{r.doneBody}</p>
        </div>
        <a class="btn btn-primary btn-large" href={ROUTES.login}>
          {t.login.submit}
        </a>
      </FormPage>
    );

  return (
    <FormPage title={r.title} lead={r.lead} headingRef={heading}>
      <form
        noValidate
        onSubmit={(e) => (
          e.preventDefault(),
          void form.submit(() => ({ password: checkNewPassword(password, '', t) }), send)
        )}
      >
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <PasswordField
          id="password"
          label={t.fields.newPassword}
          value={password}
          onValue={setPassword}
          error={form.errors.password}
          isNew
        />
        <SubmitButton busy={form.busy} large>
          {r.submit}
        </SubmitButton>
      </form>
    </FormPage>
  );
}
