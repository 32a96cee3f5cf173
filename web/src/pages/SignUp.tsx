// /inscription — a patient creates their account: names, birth date, email, mobile phone and
// a password with its live rule checklist; then "Vérifiez votre boîte mail".
import { useRef, useState } from 'preact/hooks';
import { CheckMail } from '../components/CheckMail';
import { TextField } from '../components/forms/Field';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { useFocusOnChange } from '../components/useFocus';
import { AccessFields, NameFields } from '../components/forms/AccountFields';
import { useValues } from '../components/forms/useValues';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import { checkContact, checkNames, checkNewPassword } from '../lib/account/checks';
import { ageOn, normalizePhone } from '../lib/validate';
import { signUp } from '../lib/account/api';

export function SignUpPage() {
  const { t } = useI18n();
  const s = t.signup;
  const form = useForm();
  const [v, set] = useValues({
    first_name: '',
    last_name: '',
    birth_date: '',
    email: '',
    phone: '',
    password: '',
  });
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, sent);

  function check(): Errors {
    const age = v.birth_date ? ageOn(v.birth_date) : null;
    return {
      ...checkNames(v, t.checks),
      birth_date: !v.birth_date
        ? t.checks.birthDateRequired
        : age === null || age > 130
          ? t.checks.birthDateInvalid
          : age < 15
            ? t.checks.holderAge
            : undefined,
      ...checkContact(v, t.checks),
      password: checkNewPassword(v.password, v.email, t, [v.first_name, v.last_name]),
    };
  }

  async function send() {
    await signUp({
      ...v,
      email: v.email.trim(),
      phone: normalizePhone(v.phone),
      first_name: v.first_name.trim(),
      last_name: v.last_name.trim(),
    });
    setSent(true);
  }

  if (sent)
    return (
      <FormPage title={t.checkMail.title} headingRef={heading}>
        <CheckMail email={v.email.trim()} body={t.checkMail.signupBody} />
      </FormPage>
    );

  return (
    <FormPage
      title={s.title}
      lead={s.lead}
      headingRef={heading}
      aside={
        <p>
          {s.practitionerQuestion} <a href={ROUTES.signupPractitioner}>{s.practitionerLink}</a>
        </p>
      }
    >
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, send))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <fieldset class="fieldset">
          <legend>{s.aboutYou}</legend>
          <NameFields v={v} set={set} errors={form.errors} />
          <TextField
            id="birth_date"
            label={t.fields.birthDate}
            hint={s.birthDateHint}
            type="date"
            value={v.birth_date}
            onValue={set('birth_date')}
            error={form.errors.birth_date}
            autoComplete="bday"
            max={new Date().toISOString().slice(0, 10)}
          />
        </fieldset>
        <AccessFields
          v={v}
          set={set}
          errors={form.errors}
          emailLabel={t.fields.email}
          emailHint={s.emailHint}
        />
        <p class="muted small">{s.privacy}</p>
        <SubmitButton busy={form.busy} large>
          {s.submit}
        </SubmitButton>
        <p class="form-foot">
          {s.haveAccount} <a href={ROUTES.login}>{s.login}</a>
        </p>
      </form>
    </FormPage>
  );
}
