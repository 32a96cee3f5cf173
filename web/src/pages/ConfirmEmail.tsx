// /confirmer-email?token=… — the link of the confirmation email. Confirms at once, then
// invites to sign in; a used or expired link offers a new one (POST /auth/email/resend).
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckMail } from '../components/CheckMail';
import { TextField } from '../components/forms/Field';
import { ErrorSummary, LoadState, SubmitButton } from '../components/forms/Feedback';
import { useForm } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { Icon } from '../components/Icon';
import { useFocusOnChange } from '../components/useFocus';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { checkEmail } from '../lib/account/checks';
import { errorText } from '../lib/errors';
import { ROUTES } from '../lib/routes';
import { useLatest } from '../components/useLatest';
import { confirmEmail, resendConfirmation } from '../lib/account/api';

type Step =
  | { s: 'confirming' }
  | { s: 'confirmed' }
  | { s: 'invalid' }
  | { s: 'failed'; error: string }
  | { s: 'resent'; email: string };

export function ConfirmEmailPage() {
  const { t } = useI18n();
  const c = t.confirmEmail;
  const { query } = useLocation();
  const token = query.token ?? '';
  const [step, setStep] = useState<Step>(token ? { s: 'confirming' } : { s: 'invalid' });
  const [email, setEmail] = useState('');
  const form = useForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const started = useRef('');
  useFocusOnChange(heading, step.s);

  async function confirm() {
    setStep({ s: 'confirming' });
    try {
      await confirmEmail(token);
      setStep({ s: 'confirmed' });
    } catch (e) {
      setStep(
        e instanceof ApiError && e.code === 'link_invalid'
          ? { s: 'invalid' }
          : { s: 'failed', error: errorText(e, t.errors) },
      );
    }
  }

  const confirmNow = useLatest(confirm);
  useEffect(() => {
    if (!token || started.current === token) return;
    started.current = token;
    void confirmNow.current();
  }, [token, confirmNow]);

  switch (step.s) {
    case 'confirming':
    case 'failed':
      return (
        <FormPage title={c.confirmingTitle} headingRef={heading}>
          <LoadState
            loading={step.s === 'confirming'}
            error={step.s === 'failed' ? step.error : null}
            onRetry={() => void confirm()}
            lines={2}
          >
            {null}
          </LoadState>
        </FormPage>
      );
    case 'confirmed':
      return (
        <FormPage title={c.doneTitle} headingRef={heading}>
          <div class="result-line">
            <Icon name="check" class="result-icon ok" />
            <p>{c.doneBody}</p>
          </div>
          <a class="btn btn-primary btn-large" href={ROUTES.login}>
            {t.login.submit}
          </a>
        </FormPage>
      );
    case 'resent':
      return (
        <FormPage title={t.checkMail.title} headingRef={heading}>
          <CheckMail email={step.email} body={t.checkMail.signupBody} />
        </FormPage>
      );
    case 'invalid':
      return (
        <FormPage title={c.invalidTitle} lead={c.invalidBody} headingRef={heading}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void form.submit(
                () => ({ email: checkEmail(email, t.checks) }),
                async () => {
                  await resendConfirmation(email.trim());
                  setStep({ s: 'resent', email: email.trim() });
                },
              );
            }}
          >
            <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
            <TextField
              id="email"
              label={t.fields.email}
              type="email"
              value={email}
              onValue={setEmail}
              error={form.errors.email}
              autoComplete="email"
              spellcheck={false}
              autoCapitalize="off"
            />
            <SubmitButton busy={form.busy}>{c.resend}</SubmitButton>
          </form>
        </FormPage>
      );
  }
}
