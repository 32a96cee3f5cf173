// /inscription/assistant?token=… — an assistant accepts a practitioner's invitation: the
// email comes from the invitation, so only names, phone and password are asked.
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { useFocusOnChange } from '../components/useFocus';
import { MobileField, NameFields, NewPasswordField } from '../components/forms/AccountFields';
import { useValues } from '../components/forms/useValues';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { checkNames, checkNewPassword, checkPhone } from '../lib/account/checks';
import { ROUTES } from '../lib/routes';
import { normalizePhone } from '../lib/validate';
import { signUpAssistant } from '../lib/account/api';

type Step = 'form' | 'done' | 'invalid';

export function SignUpAssistantPage() {
  const { t } = useI18n();
  const s = t.signupAssistant;
  const { query } = useLocation();
  const token = query.token ?? '';
  const form = useForm();
  const [v, set] = useValues({ first_name: '', last_name: '', phone: '', password: '' });
  const [step, setStep] = useState<Step>(token ? 'form' : 'invalid');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, step);

  function check(): Errors {
    return {
      ...checkNames(v, t.checks),
      phone: checkPhone(v.phone, t.checks),
      password: checkNewPassword(v.password, '', t, [v.first_name, v.last_name]),
    };
  }

  async function send() {
    try {
      await signUpAssistant({
        ...v,
        token,
        phone: normalizePhone(v.phone),
        first_name: v.first_name.trim(),
        last_name: v.last_name.trim(),
      });
      setStep('done');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'link_invalid') setStep('invalid');
      else throw e;
    }
  }

  if (step === 'invalid')
    return (
      <FormPage title={s.invalidTitle} headingRef={heading}>
        <p>{s.invalidBody}</p>
        <a class="btn btn-primary" href={ROUTES.home}>
          {t.notFound.home}
        </a>
      </FormPage>
    );

  if (step === 'done')
    return (
      <FormPage title={s.doneTitle} headingRef={heading}>
        <p>{s.doneBody}</p>
        <a class="btn btn-primary btn-large" href={ROUTES.login}>
          {t.login.submit}
        </a>
      </FormPage>
    );

  return (
    <FormPage title={s.title} lead={s.lead} headingRef={heading}>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, send))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <NameFields v={v} set={set} errors={form.errors} />
        <MobileField v={v} set={set} errors={form.errors} />
        <NewPasswordField v={v} set={set} errors={form.errors} />
        <p class="muted small">{s.noClinical}</p>
        <SubmitButton busy={form.busy} large>
          {s.submit}
        </SubmitButton>
      </form>
    </FormPage>
  );
}
