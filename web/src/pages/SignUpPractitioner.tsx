// /inscription/praticien — a practitioner applies: identity, RPPS number, specialty (from
// GET /specialties), contact and password. An operator verifies the RPPS before the profile
// appears in search; the page says so before and after.
import { useRef, useState } from 'preact/hooks';
import { CheckMail } from '../components/CheckMail';
import { SelectField, TextField } from '../components/forms/Field';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { Icon } from '../components/Icon';
import { useFocusOnChange } from '../components/useFocus';
import { useSpecialties } from '../components/useSpecialties';
import { AccessFields, NameFields } from '../components/forms/AccountFields';
import { useValues } from '../components/forms/useValues';
import { useI18n } from '../i18n';
import { checkContact, checkNames, checkNewPassword } from '../lib/account/checks';
import { ROUTES } from '../lib/routes';
import { compact, isRpps, normalizePhone } from '../lib/validate';
import { signUpPractitioner } from '../lib/account/api';

export function SignUpPractitionerPage() {
  const { t, lang } = useI18n();
  const s = t.signupPractitioner;
  const form = useForm();
  const specialties = useSpecialties(lang);
  const [v, set] = useValues({
    first_name: '',
    last_name: '',
    rpps: '',
    specialty: '',
    email: '',
    phone: '',
    password: '',
  });
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, sent);

  function check(): Errors {
    const rpps = compact(v.rpps);
    return {
      ...checkNames(v, t.checks),
      rpps: !rpps ? t.checks.rppsRequired : isRpps(rpps) ? undefined : t.checks.rppsInvalid,
      specialty: v.specialty ? undefined : t.checks.specialtyRequired,
      ...checkContact(v, t.checks),
      password: checkNewPassword(v.password, v.email, t, [v.first_name, v.last_name]),
    };
  }

  async function send() {
    await signUpPractitioner({
      ...v,
      email: v.email.trim(),
      phone: normalizePhone(v.phone),
      rpps: compact(v.rpps),
      first_name: v.first_name.trim(),
      last_name: v.last_name.trim(),
    });
    setSent(true);
  }

  const steps = (
    <aside class="callout callout-info" aria-labelledby="verify-title">
      <Icon name="badge" class="callout-icon" />
      <div>
        <h2 id="verify-title">{s.verifyTitle}</h2>
        <ol class="plain-steps">
          <li>{s.verify1}</li>
          <li>{s.verify2}</li>
          <li>{s.verify3}</li>
        </ol>
      </div>
    </aside>
  );

  if (sent)
    return (
      <FormPage title={t.checkMail.title} headingRef={heading} aside={steps}>
        <CheckMail email={v.email.trim()} body={t.checkMail.practitionerBody} />
      </FormPage>
    );

  return (
    <FormPage title={s.title} lead={s.lead} headingRef={heading} aside={steps}>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, send))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <fieldset class="fieldset">
          <legend>{s.practice}</legend>
          <NameFields v={v} set={set} errors={form.errors} />
          <TextField
            id="rpps"
            label={t.fields.rpps}
            hint={s.rppsHint}
            inputMode="numeric"
            value={v.rpps}
            onValue={set('rpps')}
            error={form.errors.rpps}
            autoComplete="off"
            maxLength={14}
          />
          {specialties.error ? (
            <div class="field has-error">
              <p class="field-label">{t.fields.specialty}</p>
              <p class="field-error">
                <Icon name="alert" />
                <span>{specialties.error}</span>
              </p>
              <button type="button" class="btn btn-secondary" onClick={specialties.reload}>
                {t.form.retry}
              </button>
            </div>
          ) : (
            <SelectField
              id="specialty"
              label={t.fields.specialty}
              value={v.specialty}
              onValue={set('specialty')}
              error={form.errors.specialty}
              placeholder={specialties.loading ? t.form.loading : s.chooseSpecialty}
              options={(specialties.data ?? []).map((sp) => ({ value: sp.id, label: sp.label }))}
            />
          )}
        </fieldset>
        <AccessFields v={v} set={set} errors={form.errors} emailLabel={t.fields.emailPro} />
        <SubmitButton busy={form.busy} large>
          {s.submit}
        </SubmitButton>
        <p class="form-foot">
          {t.signup.haveAccount} <a href={ROUTES.login}>{t.signup.login}</a>
        </p>
      </form>
    </FormPage>
  );
}
