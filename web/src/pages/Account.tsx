// /compte — "Mes informations": identity (the holder's names and birth date, editable by
// patients), email (read only: it is the login), mobile phone and language. One form, one
// "Enregistrer": it sends only what changed (PATCH /me/profiles/{id}, PATCH /me).
import { useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import { TextField } from '../components/forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { useSession } from '../components/SessionProvider';
import { MobileField, NameFields } from '../components/forms/AccountFields';
import { useValues } from '../components/forms/useValues';
import { useI18n } from '../i18n';
import { checkNames, checkPhone } from '../lib/account/checks';
import { formatBirthDate } from '../lib/dates';
import type { Lang } from '../lib/lang';
import { fullName, holderProfile } from '../lib/account/session';
import type { Me, Profile } from '../lib/account/types';
import { ageOn, formatPhone, normalizePhone } from '../lib/validate';
import { fetchMe, updateMe, updateProfile } from '../lib/account/api';

export function AccountPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.account.title} lead={t.account.lead}>
      {(me) => <AccountForm me={me} />}
    </AccountLayout>
  );
}

function AccountForm({ me }: { me: Me }) {
  const { t, lang, setLang } = useI18n();
  const a = t.account;
  const { session } = useSession();
  const form = useForm();
  const holder = holderProfile(me);
  const editableIdentity = me.account.role === 'patient' && holder !== undefined;
  const [v, set] = useValues({
    first_name: holder?.first_name ?? '',
    last_name: holder?.last_name ?? '',
    birth_date: holder?.birth_date ?? '',
    phone: formatPhone(me.account.phone),
    locale: me.account.locale as Lang,
  });
  const [saved, setSaved] = useState<string | null>(null);

  function check(): Errors {
    const age = v.birth_date ? ageOn(v.birth_date) : null;
    return {
      ...(editableIdentity ? checkNames(v, t.checks) : {}),
      birth_date:
        editableIdentity && (!v.birth_date || age === null || age > 130)
          ? t.checks.birthDateInvalid
          : undefined,
      phone: checkPhone(v.phone, t.checks),
    };
  }

  async function save() {
    setSaved(null);
    if (editableIdentity && holder) {
      const changes: Partial<Profile> = {};
      if (v.first_name.trim() !== holder.first_name) changes.first_name = v.first_name.trim();
      if (v.last_name.trim() !== holder.last_name) changes.last_name = v.last_name.trim();
      if (v.birth_date !== (holder.birth_date ?? '')) changes.birth_date = v.birth_date;
      if (Object.keys(changes).length) await updateProfile(holder.id, changes);
    }
    const phone = normalizePhone(v.phone);
    const body: { phone?: string; locale?: Lang } = {};
    if (phone !== me.account.phone) body.phone = phone;
    if (v.locale !== me.account.locale) body.locale = v.locale;
    session.setMe(Object.keys(body).length ? await updateMe(body) : await fetchMe());
    if (body.locale && body.locale !== lang) setLang(body.locale);
    setSaved(a.saved);
  }

  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, save))}>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <section class="card panel" aria-labelledby="identity-title">
        <h2 id="identity-title">{a.identity}</h2>
        {editableIdentity ? (
          <>
            <NameFields v={v} set={set} errors={form.errors} />
            <TextField
              id="birth_date"
              label={t.fields.birthDate}
              type="date"
              value={v.birth_date}
              onValue={set('birth_date')}
              error={form.errors.birth_date}
              autoComplete="bday"
            />
          </>
        ) : (
          <dl class="facts">
            <div>
              <dt>{a.name}</dt>
              <dd>{holder ? fullName(holder) : '—'}</dd>
            </div>
            {holder?.birth_date && (
              <div>
                <dt>{t.fields.birthDate}</dt>
                <dd>{formatBirthDate(holder.birth_date, lang)}</dd>
              </div>
            )}
          </dl>
        )}
      </section>
      <section class="card panel" aria-labelledby="contact-title">
        <h2 id="contact-title">{a.contact}</h2>
        <dl class="facts">
          <div>
            <dt>{t.fields.email}</dt>
            <dd>
              {me.account.email}{' '}
              {me.account.email_confirmed && (
                <span class="badge badge-success">
                  <Icon name="check" />
                  {a.confirmed}
                </span>
              )}
            </dd>
          </div>
        </dl>
        <p class="muted small">{a.emailNote}</p>
        <MobileField v={v} set={set} errors={form.errors} />
      </section>
      <section class="card panel" aria-labelledby="lang-title">
        <h2 id="lang-title">{a.language}</h2>
        <fieldset class="radio-group">
          <legend>{a.languageLegend}</legend>
          {(['fr', 'en'] as const).map((l) => (
            <div class="radio" key={l}>
              <input
                type="radio"
                id={`locale-${l}`}
                name="locale"
                value={l}
                checked={v.locale === l}
                onChange={() => set('locale')(l)}
              />
              <label for={`locale-${l}`} lang={l}>
                {l === 'fr' ? 'Français' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
      </section>
      <div class="form-actions">
        <SubmitButton busy={form.busy}>{a.save}</SubmitButton>
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}
