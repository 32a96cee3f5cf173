// /mot-de-passe-oublie — asks for the email and always answers the same way (the server
// never tells whether an address has an account).
import { useRef, useState } from 'preact/hooks';
import { CheckMail } from '../components/CheckMail';
import { TextField } from '../components/forms/Field';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { useForm } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { useFocusOnChange } from '../components/useFocus';
import { useI18n } from '../i18n';
import { checkEmail } from '../lib/account/checks';
import { ROUTES } from '../lib/routes';
import { forgotPassword } from '../lib/account/api';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const f = t.forgot;
  const form = useForm();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, sent);

  if (sent)
    return (
      <FormPage title={t.checkMail.title} headingRef={heading}>
        <CheckMail email={email.trim()} body={f.sentBody} resend={false} />
      </FormPage>
    );

  return (
    <FormPage title={f.title} lead={f.lead} headingRef={heading}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(
            () => ({ email: checkEmail(email, t.checks) }),
            async () => {
              await forgotPassword(email.trim());
              setSent(true);
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
        <SubmitButton busy={form.busy} large>
          {f.submit}
        </SubmitButton>
        <p class="form-foot">
          <a href={ROUTES.login}>{f.back}</a>
        </p>
      </form>
    </FormPage>
  );
}
