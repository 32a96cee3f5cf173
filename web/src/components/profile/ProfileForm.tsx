// The profile editor's form: identity (read only), consultation, practice, presentation and
// booking rules, saved with one "Enregistrer" (PUT /practitioner/profile).
import { useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextareaField, TextField } from '../forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from '../forms/Feedback';
import { useForm, type Errors } from '../forms/useForm';
import { Icon } from '../Icon';
import { PlaceCombobox } from '../PlaceCombobox';
import { useI18n } from '../../i18n';
import {
  COMMON_LANGUAGES,
  languageName,
  PAYMENT_MODES,
  SECTORS,
  type OwnProfile,
  type PaymentMode,
  type Place,
  type Sector,
} from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { formatPhone, normalizePhone } from '../../lib/validate';
import { saveOwnProfile } from '../../lib/practitioner/api';

const NOTICES = [0, 30, 60, 120, 240, 720, 1440, 2880, 10080];

interface Draft {
  address_line: string;
  commune: Place | null;
  communeText: string;
  phone: string;
  video: boolean;
  in_person: boolean;
  sector: Sector;
  carte_vitale: boolean;
  tiers_payant: boolean;
  payment_modes: PaymentMode[];
  languages: string[];
  presentation: string;
  min_notice_minutes: string;
  horizon_days: string;
  closed_on_public_holidays: boolean;
  published: boolean;
}

function draftOf(p: OwnProfile): Draft {
  return {
    address_line: p.address?.line ?? '',
    commune: p.commune,
    communeText: p.commune?.label ?? '',
    phone: p.phone ? formatPhone(p.phone) : '',
    video: p.video,
    in_person: p.in_person,
    sector: p.sector,
    carte_vitale: p.carte_vitale,
    tiers_payant: p.tiers_payant,
    payment_modes: p.payment_modes,
    languages: p.languages,
    presentation: p.presentation ?? '',
    min_notice_minutes: String(p.min_notice_minutes),
    horizon_days: String(p.horizon_days),
    closed_on_public_holidays: p.closed_on_public_holidays,
    published: p.published,
  };
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

export function ProfileForm({ p, onSaved }: { p: OwnProfile; onSaved: (p: OwnProfile) => void }) {
  const { t, lang } = useI18n();
  const e = t.profileEdit;
  const form = useForm('', (field) =>
    field === 'commune_code' || field === 'postcode'
      ? 'commune'
      : field === 'video' || field === 'in_person'
        ? 'video'
        : field,
  );
  const [v, setV] = useState<Draft>(() => draftOf(p));
  const [saved, setSaved] = useState<string | null>(null);
  const set =
    <K extends keyof Draft>(k: K) =>
    (value: Draft[K]) => {
      setSaved(null);
      setV((old) => ({ ...old, [k]: value }));
    };

  const languages = [
    ...COMMON_LANGUAGES,
    ...v.languages.filter((l) => !COMMON_LANGUAGES.includes(l)),
  ];
  const notices = NOTICES.includes(Number(v.min_notice_minutes))
    ? NOTICES
    : [...NOTICES, Number(v.min_notice_minutes)].sort((a, b) => a - b);
  const noticeLabel = (n: number) =>
    n === 0
      ? e.noticeNone
      : n < 60
        ? fillText(e.noticeMinutes, { n })
        : n === 60
          ? e.noticeHour
          : n === 10080
            ? e.noticeWeek
            : n % 60 === 0
              ? fillText(e.noticeHours, { n: n / 60 })
              : fillText(e.noticeMinutes, { n });

  function check(): Errors {
    const horizon = Number(v.horizon_days);
    return {
      video: v.video || v.in_person ? undefined : e.checks.modeRequired,
      address_line: v.address_line.length > 200 ? e.checks.addressTooLong : undefined,
      commune:
        v.communeText.trim() && (!v.commune || v.commune.label !== v.communeText)
          ? e.checks.communeRequired
          : undefined,
      languages: v.languages.length > 10 ? e.checks.languagesTooMany : undefined,
      presentation: v.presentation.length > 2000 ? e.checks.presentationTooLong : undefined,
      horizon_days:
        Number.isInteger(horizon) && horizon >= 1 && horizon <= 365
          ? undefined
          : e.checks.horizonInvalid,
    };
  }

  async function save() {
    setSaved(null);
    const body: Record<string, unknown> = {
      address_line: v.address_line.trim(),
      phone: v.phone.trim() ? normalizePhone(v.phone) : null,
      video: v.video,
      in_person: v.in_person,
      sector: v.sector,
      carte_vitale: v.carte_vitale,
      tiers_payant: v.tiers_payant,
      payment_modes: PAYMENT_MODES.filter((m) => v.payment_modes.includes(m)),
      languages: v.languages,
      presentation: v.presentation.trim(),
      min_notice_minutes: Number(v.min_notice_minutes),
      horizon_days: Number(v.horizon_days),
      closed_on_public_holidays: v.closed_on_public_holidays,
      published: v.published,
    };
    if (v.commune && v.communeText.trim()) {
      body.commune_code = v.commune.code;
      body.postcode = v.commune.postcode;
    }
    const updated = await saveOwnProfile(body);
    onSaved(updated);
    setV(draftOf(updated));
    setSaved(e.saved);
  }

  const remaining = 2000 - v.presentation.length;
  return (
    <form
      class="profile-form"
      noValidate
      onSubmit={(ev) => (ev.preventDefault(), void form.submit(check, save))}
    >
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <section class="card panel" aria-labelledby="identity-title">
        <h2 id="identity-title">{e.identityTitle}</h2>
        <dl class="facts">
          <div>
            <dt>{t.fields.lastName}</dt>
            <dd>{p.name}</dd>
          </div>
          <div>
            <dt>{t.fields.specialty}</dt>
            <dd>{p.specialty.label}</dd>
          </div>
          <div>
            <dt>{t.fields.rpps}</dt>
            <dd translate={false}>{p.rpps}</dd>
          </div>
        </dl>
        <p class="muted small">{e.identityNote}</p>
      </section>

      <section class="card panel" aria-labelledby="consult-title">
        <h2 id="consult-title">{e.consultTitle}</h2>
        <fieldset class="radio-group fieldset-block">
          <legend>{e.modesLegend}</legend>
          {form.errors.video && (
            <p class="field-error">
              <Icon name="alert" />
              <span>{form.errors.video}</span>
            </p>
          )}
          <CheckboxField id="video" label={e.video} checked={v.video} onChecked={set('video')} />
          <CheckboxField
            id="in_person"
            label={e.inPerson}
            checked={v.in_person}
            onChecked={set('in_person')}
          />
        </fieldset>
        <fieldset class="radio-group fieldset-block">
          <legend>{e.sectorLegend}</legend>
          {SECTORS.map((s) => (
            <div class="radio" key={s}>
              <input
                type="radio"
                id={`sector-${s}`}
                name="sector"
                checked={v.sector === s}
                onChange={() => set('sector')(s)}
                aria-describedby={`sector-${s}-hint`}
              />
              <div>
                <label for={`sector-${s}`}>{t.sectors[s]}</label>
                <div id={`sector-${s}-hint`} class="field-hint">
                  {t.sectorInfo[s]}
                </div>
              </div>
            </div>
          ))}
        </fieldset>
        <CheckboxField
          id="carte_vitale"
          label={e.carteVitale}
          checked={v.carte_vitale}
          onChecked={set('carte_vitale')}
        />
        <CheckboxField
          id="tiers_payant"
          label={e.tiersPayant}
          hint={t.search.tiersPayantHint}
          checked={v.tiers_payant}
          onChecked={set('tiers_payant')}
        />
        <fieldset class="radio-group fieldset-block">
          <legend>{e.paymentLegend}</legend>
          <div class="check-grid">
            {PAYMENT_MODES.map((m) => (
              <CheckboxField
                key={m}
                id={`pay-${m}`}
                label={t.payment[m]}
                checked={v.payment_modes.includes(m)}
                onChecked={(on) => set('payment_modes')(toggle(v.payment_modes, m, on))}
              />
            ))}
          </div>
        </fieldset>
      </section>

      <section class="card panel" aria-labelledby="practice-title">
        <h2 id="practice-title">{e.practiceTitle}</h2>
        <TextField
          id="address_line"
          label={e.addressLine}
          hint={e.addressHint}
          value={v.address_line}
          onValue={set('address_line')}
          error={form.errors.address_line}
          autoComplete="street-address"
          maxLength={200}
        />
        <PlaceCombobox
          id="commune"
          label={e.commune}
          hint={e.communeHint}
          error={form.errors.commune}
          text={v.communeText}
          onText={(text) => setV((old) => ({ ...old, communeText: text, commune: null }))}
          onSelect={(place) =>
            setV((old) => ({ ...old, communeText: place.label, commune: place }))
          }
        />
        <TextField
          id="phone"
          label={e.phone}
          hint={e.phoneHint}
          type="tel"
          value={v.phone}
          onValue={set('phone')}
          error={form.errors.phone}
          autoComplete="tel"
          optional
        />
      </section>

      <section class="card panel" aria-labelledby="about-edit-title">
        <h2 id="about-edit-title">{e.aboutTitle}</h2>
        <fieldset class="radio-group fieldset-block" id="languages" tabIndex={-1}>
          <legend>{e.languagesLegend}</legend>
          <p class="field-hint">{e.languagesHint}</p>
          {form.errors.languages && (
            <p class="field-error">
              <Icon name="alert" />
              <span>{form.errors.languages}</span>
            </p>
          )}
          <div class="check-grid">
            {languages.map((l) => (
              <CheckboxField
                key={l}
                id={`lang-${l}`}
                label={languageName(l, lang)}
                checked={v.languages.includes(l)}
                onChecked={(on) => set('languages')(toggle(v.languages, l, on))}
              />
            ))}
          </div>
        </fieldset>
        <TextareaField
          id="presentation"
          label={e.presentation}
          hint={
            <>
              {e.presentationHint}{' '}
              <span aria-live="polite">{fillText(e.remaining, { n: Math.max(0, remaining) })}</span>
            </>
          }
          value={v.presentation}
          onValue={set('presentation')}
          error={form.errors.presentation}
          rows={6}
          maxLength={2000}
        />
      </section>

      <section class="card panel" aria-labelledby="booking-rules-title">
        <h2 id="booking-rules-title">{e.bookingTitle}</h2>
        <div class="field-row">
          <SelectField
            id="min_notice_minutes"
            label={e.notice}
            hint={e.noticeHint}
            value={v.min_notice_minutes}
            onValue={set('min_notice_minutes')}
            error={form.errors.min_notice_minutes}
            options={notices.map((n) => ({ value: String(n), label: noticeLabel(n) }))}
          />
          <TextField
            id="horizon_days"
            label={e.horizon}
            hint={e.horizonHint}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={v.horizon_days}
            onValue={set('horizon_days')}
            error={form.errors.horizon_days}
          />
        </div>
        <CheckboxField
          id="closed_on_public_holidays"
          label={e.holidays}
          hint={e.holidaysHint}
          checked={v.closed_on_public_holidays}
          onChecked={set('closed_on_public_holidays')}
        />
        <CheckboxField
          id="published"
          label={e.published}
          hint={e.publishedHint}
          checked={v.published}
          onChecked={set('published')}
        />
      </section>

      <div class="form-actions">
        <SubmitButton busy={form.busy}>{e.save}</SubmitButton>
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}
