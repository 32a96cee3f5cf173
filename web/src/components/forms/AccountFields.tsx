// The fields an account is made of, the same on the sign-up pages (patient, practitioner,
// assistant) and on "Mes informations": the holder's names, the mobile phone, and the email and
// new password a sign-up asks for. Each takes the form's values, `set` (useValues) and errors.
import { useI18n } from '../../i18n';
import { TextField } from './Field';
import { PasswordField } from './PasswordField';
import type { Errors } from './useForm';

type Setter<K extends string> = (k: K) => (value: string) => void;

/** First and last names, in one row. */
export function NameFields({
  v,
  set,
  errors,
}: {
  v: { first_name: string; last_name: string };
  set: Setter<'first_name' | 'last_name'>;
  errors: Errors;
}) {
  const { t } = useI18n();
  return (
    <div class="field-row">
      <TextField
        id="first_name"
        label={t.fields.firstName}
        value={v.first_name}
        onValue={set('first_name')}
        error={errors.first_name}
        autoComplete="given-name"
      />
      <TextField
        id="last_name"
        label={t.fields.lastName}
        value={v.last_name}
        onValue={set('last_name')}
        error={errors.last_name}
        autoComplete="family-name"
      />
    </div>
  );
}

/** The mobile phone, with an example of the expected form. */
export function MobileField({
  v,
  set,
  errors,
}: {
  v: { phone: string };
  set: Setter<'phone'>;
  errors: Errors;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id="phone"
      label={t.fields.mobile}
      hint={t.fields.mobileHint}
      type="tel"
      value={v.phone}
      onValue={set('phone')}
      error={errors.phone}
      autoComplete="tel"
    />
  );
}

/** A new password, with its rule checklist (not the names, nor the email's name when known). */
export function NewPasswordField({
  v,
  set,
  errors,
}: {
  v: { password: string; first_name: string; last_name: string; email?: string };
  set: Setter<'password'>;
  errors: Errors;
}) {
  const { t } = useI18n();
  return (
    <PasswordField
      id="password"
      label={t.fields.password}
      value={v.password}
      onValue={set('password')}
      error={errors.password}
      email={v.email}
      names={[v.first_name, v.last_name]}
      isNew
    />
  );
}

/** "Vos identifiants" of a sign-up: the email (the login), the mobile phone and the password. */
export function AccessFields({
  v,
  set,
  errors,
  emailLabel,
  emailHint,
}: {
  v: { email: string; phone: string; password: string; first_name: string; last_name: string };
  set: Setter<'email' | 'phone' | 'password'>;
  errors: Errors;
  emailLabel: string;
  emailHint?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="fieldset">
      <legend>{t.signup.yourAccess}</legend>
      <TextField
        id="email"
        label={emailLabel}
        hint={emailHint}
        type="email"
        value={v.email}
        onValue={set('email')}
        error={errors.email}
        autoComplete="email"
        spellcheck={false}
        autoCapitalize="off"
      />
      <MobileField v={v} set={set} errors={errors} />
      <NewPasswordField v={v} set={set} errors={errors} />
    </fieldset>
  );
}
