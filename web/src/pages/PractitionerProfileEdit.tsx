// /praticien/profil — the practitioner's public profile (practitioners only; assistants manage
// the agenda, not the profile): photo, practice address and commune, consultation modes,
// sector, carte Vitale, tiers payant, payment modes, languages, presentation, booking rules
// (notice, horizon, public holidays), published; then the motifs with their duration and fee.
// One "Enregistrer" for the profile (PUT /practitioner/profile); the photo and each motif are
// saved on their own.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Avatar } from '../components/Directory';
import { CheckboxField, SelectField, TextareaField, TextField } from '../components/forms/Field';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { PlaceCombobox } from '../components/PlaceCombobox';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import {
  COMMON_LANGUAGES,
  formatPrice,
  languageName,
  PAYMENT_MODES,
  parsePrice,
  SECTORS,
  type Motif,
  type MotifMode,
  type OwnProfile,
  type PaymentMode,
  type Place,
  type Sector,
} from '../lib/directory';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { practitionerPath } from '../lib/routes';
import { formatPhone, normalizePhone } from '../lib/validate';

export function PractitionerProfileEditPage() {
  const { t } = useI18n();
  return (
    <PractitionerLayout title={t.profileEdit.title} lead={t.profileEdit.lead} roles={['practitioner']}>
      {() => <ProfileEditor />}
    </PractitionerLayout>
  );
}

function ProfileEditor() {
  const { t } = useI18n();
  const profile = useLoad((signal) => api.get<OwnProfile>('/practitioner/profile', { signal }), []);
  return (
    <LoadState loading={profile.loading && !profile.data} error={profile.data ? null : profile.error} onRetry={profile.reload} lines={6}>
      {profile.data && (
        <div class="editor-grid">
          <div class="editor-main">
            <ProfileStatus p={profile.data} />
            <ProfileForm p={profile.data} onSaved={(p) => profile.setData(() => p)} />
            <Motifs />
          </div>
          <aside class="editor-aside" aria-label={t.profileEdit.photoTitle}>
            <PhotoSection p={profile.data} onChange={profile.reload} />
          </aside>
        </div>
      )}
    </LoadState>
  );
}

function ProfileStatus({ p }: { p: OwnProfile }) {
  const { t } = useI18n();
  const e = t.profileEdit;
  const note = p.status !== 'verified' ? e.pending : !p.published ? e.hidden : null;
  return (
    <div class="editor-status">
      {note && (
        <p class="notice notice-warning">
          <Icon name="alert" />
          <span>{note}</span>
        </p>
      )}
      <a class="link-arrow" href={practitionerPath(p.id)}>
        {e.view}
        <Icon name="arrowRight" />
      </a>
    </div>
  );
}

// --- Photo -------------------------------------------------------------------------------------

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX = 5 * 1024 * 1024;

function PhotoSection({ p, onChange }: { p: OwnProfile; onChange: () => void }) {
  const { t } = useI18n();
  const e = t.profileEdit;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  function choose(f: File | undefined) {
    setStatus(null);
    setError(null);
    if (!f) return;
    if (!PHOTO_TYPES.includes(f.type)) return setError(e.photoType);
    if (f.size > PHOTO_MAX) return setError(e.photoTooBig);
    setFile(f);
    setPreview(URL.createObjectURL(f));
  }

  async function run(action: () => Promise<unknown>, done: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      setFile(null);
      setPreview(null);
      if (input.current) input.current.value = '';
      setStatus(done);
      onChange();
    } catch (err) {
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card panel photo-panel" aria-labelledby="photo-title">
      <h2 id="photo-title">{e.photoTitle}</h2>
      <div class="photo-row">
        {preview ? (
          <figure class="photo-figure">
            <img class="pr-avatar pr-avatar-large" src={preview} alt={e.photoPreview} width={128} height={128} />
            <figcaption class="muted small">{e.photoPreview}</figcaption>
          </figure>
        ) : (
          <figure class="photo-figure">
            <Avatar name={p.name} photo={p.photo_url} size="large" />
            <figcaption class="muted small">{p.photo_url ? e.photoCurrent : e.photoNone}</figcaption>
          </figure>
        )}
      </div>
      <p id="photo-hint" class="field-hint">
        {e.photoHint}
      </p>
      {error && (
        <p id="photo-error" class="field-error" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <div class="card-actions">
        {/* The native file input, hidden but focusable, behind a button-like label. */}
        <input
          ref={input}
          id="photo"
          class="file-input"
          type="file"
          accept={PHOTO_TYPES.join(',')}
          aria-describedby={error ? 'photo-hint photo-error' : 'photo-hint'}
          onChange={(ev) => choose(ev.currentTarget.files?.[0])}
        />
        <label for="photo" class={file ? 'btn btn-quiet file-label' : 'btn btn-secondary file-label'}>
          <Icon name="user" />
          {e.photoChoose}
        </label>
        {file && (
          <button type="button" class={busy ? 'btn btn-primary is-busy' : 'btn btn-primary'} aria-disabled={busy ? true : undefined} onClick={() => void run(() => api.putFile('/practitioner/photo', file), e.photoSaved)}>
            {e.photoSave}
          </button>
        )}
        {file && (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => {
              setFile(null);
              setPreview(null);
              if (input.current) input.current.value = '';
            }}
          >
            {t.form.cancel}
          </button>
        )}
        {!file && p.photo_url && (
          <button type="button" class="btn btn-quiet" aria-disabled={busy ? true : undefined} onClick={() => void run(() => api.del('/practitioner/photo'), e.photoRemoved)}>
            <Icon name="trash" />
            {e.photoRemove}
          </button>
        )}
      </div>
      <StatusMessage message={status} />
    </section>
  );
}

// --- The profile form ----------------------------------------------------------------------------

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

function ProfileForm({ p, onSaved }: { p: OwnProfile; onSaved: (p: OwnProfile) => void }) {
  const { t, lang } = useI18n();
  const e = t.profileEdit;
  const form = useForm('', (field) => (field === 'commune_code' || field === 'postcode' ? 'commune' : field === 'video' || field === 'in_person' ? 'video' : field));
  const [v, setV] = useState<Draft>(() => draftOf(p));
  const [saved, setSaved] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K) => (value: Draft[K]) => {
    setSaved(null);
    setV((old) => ({ ...old, [k]: value }));
  };

  const languages = [...COMMON_LANGUAGES, ...v.languages.filter((l) => !COMMON_LANGUAGES.includes(l))];
  const notices = NOTICES.includes(Number(v.min_notice_minutes)) ? NOTICES : [...NOTICES, Number(v.min_notice_minutes)].sort((a, b) => a - b);
  const noticeLabel = (n: number) =>
    n === 0 ? e.noticeNone : n < 60 ? fillText(e.noticeMinutes, { n }) : n === 60 ? e.noticeHour : n === 10080 ? e.noticeWeek : n % 60 === 0 ? fillText(e.noticeHours, { n: n / 60 }) : fillText(e.noticeMinutes, { n });

  function check(): Errors {
    const horizon = Number(v.horizon_days);
    return {
      video: v.video || v.in_person ? undefined : e.checks.modeRequired,
      address_line: v.address_line.length > 200 ? e.checks.addressTooLong : undefined,
      commune: v.communeText.trim() && (!v.commune || v.commune.label !== v.communeText) ? e.checks.communeRequired : undefined,
      languages: v.languages.length > 10 ? e.checks.languagesTooMany : undefined,
      presentation: v.presentation.length > 2000 ? e.checks.presentationTooLong : undefined,
      horizon_days: Number.isInteger(horizon) && horizon >= 1 && horizon <= 365 ? undefined : e.checks.horizonInvalid,
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
    const updated = await api.put<OwnProfile>('/practitioner/profile', body);
    onSaved(updated);
    setV(draftOf(updated));
    setSaved(e.saved);
  }

  const remaining = 2000 - v.presentation.length;
  return (
    <form class="profile-form" noValidate onSubmit={(ev) => (ev.preventDefault(), void form.submit(check, save))}>
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
          <CheckboxField id="in_person" label={e.inPerson} checked={v.in_person} onChecked={set('in_person')} />
        </fieldset>
        <fieldset class="radio-group fieldset-block">
          <legend>{e.sectorLegend}</legend>
          {SECTORS.map((s) => (
            <div class="radio" key={s}>
              <input type="radio" id={`sector-${s}`} name="sector" checked={v.sector === s} onChange={() => set('sector')(s)} aria-describedby={`sector-${s}-hint`} />
              <div>
                <label for={`sector-${s}`}>{t.sectors[s]}</label>
                <div id={`sector-${s}-hint`} class="field-hint">
                  {t.sectorInfo[s]}
                </div>
              </div>
            </div>
          ))}
        </fieldset>
        <CheckboxField id="carte_vitale" label={e.carteVitale} checked={v.carte_vitale} onChecked={set('carte_vitale')} />
        <CheckboxField id="tiers_payant" label={e.tiersPayant} hint={t.search.tiersPayantHint} checked={v.tiers_payant} onChecked={set('tiers_payant')} />
        <fieldset class="radio-group fieldset-block">
          <legend>{e.paymentLegend}</legend>
          <div class="check-grid">
            {PAYMENT_MODES.map((m) => (
              <CheckboxField key={m} id={`pay-${m}`} label={t.payment[m]} checked={v.payment_modes.includes(m)} onChecked={(on) => set('payment_modes')(toggle(v.payment_modes, m, on))} />
            ))}
          </div>
        </fieldset>
      </section>

      <section class="card panel" aria-labelledby="practice-title">
        <h2 id="practice-title">{e.practiceTitle}</h2>
        <TextField id="address_line" label={e.addressLine} hint={e.addressHint} value={v.address_line} onValue={set('address_line')} error={form.errors.address_line} autoComplete="street-address" maxLength={200} />
        <PlaceCombobox
          id="commune"
          label={e.commune}
          hint={e.communeHint}
          error={form.errors.commune}
          text={v.communeText}
          onText={(text) => setV((old) => ({ ...old, communeText: text, commune: null }))}
          onSelect={(place) => setV((old) => ({ ...old, communeText: place.label, commune: place }))}
        />
        <TextField id="phone" label={e.phone} hint={e.phoneHint} type="tel" value={v.phone} onValue={set('phone')} error={form.errors.phone} autoComplete="tel" optional />
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
              <CheckboxField key={l} id={`lang-${l}`} label={languageName(l, lang)} checked={v.languages.includes(l)} onChecked={(on) => set('languages')(toggle(v.languages, l, on))} />
            ))}
          </div>
        </fieldset>
        <TextareaField
          id="presentation"
          label={e.presentation}
          hint={
            <>
              {e.presentationHint} <span aria-live="polite">{fillText(e.remaining, { n: Math.max(0, remaining) })}</span>
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
          <TextField id="horizon_days" label={e.horizon} hint={e.horizonHint} type="number" inputMode="numeric" min={1} max={365} value={v.horizon_days} onValue={set('horizon_days')} error={form.errors.horizon_days} />
        </div>
        <CheckboxField id="closed_on_public_holidays" label={e.holidays} hint={e.holidaysHint} checked={v.closed_on_public_holidays} onChecked={set('closed_on_public_holidays')} />
        <CheckboxField id="published" label={e.published} hint={e.publishedHint} checked={v.published} onChecked={set('published')} />
      </section>

      <div class="form-actions">
        <SubmitButton busy={form.busy}>{e.save}</SubmitButton>
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}

// --- Motifs ------------------------------------------------------------------------------------

interface MotifDraft {
  label: string;
  duration_min: string;
  mode: MotifMode;
  price: string;
}

const EMPTY_MOTIF: MotifDraft = { label: '', duration_min: '20', mode: 'video', price: '' };

function priceText(cents: number, lang: 'fr' | 'en'): string {
  const s = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

function Motifs() {
  const { t } = useI18n();
  const m = t.motifs;
  const list = useLoad((signal) => api.get<Motif[] | { items: Motif[] }>('/practitioner/motifs', { signal }).then((r) => (Array.isArray(r) ? r : r.items)), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function remove(x: Motif) {
    setRemoveError(null);
    try {
      await api.del(`/practitioner/motifs/${encodeURIComponent(x.id)}`);
      setConfirming(null);
      list.setData((l) => l?.filter((y) => y.id !== x.id));
      setStatus(fillText(m.removed, { label: x.label }));
    } catch (err) {
      setRemoveError(errorText(err, t.errors));
    }
  }

  return (
    <section class="card panel" aria-labelledby="motifs-edit-title">
      <h2 id="motifs-edit-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <StatusMessage message={status} />
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} lines={2}>
        {list.data?.length === 0 ? (
          <p class="empty-note">{m.empty}</p>
        ) : (
          <ul class="plain-list motif-list">
            {(list.data ?? []).map((x) => (
              <li key={x.id} class="list-row motif-row">
                {editing === x.id ? (
                  <MotifForm
                    prefix={`motif-${x.id}-`}
                    title={fillText(m.editTitle, { label: x.label })}
                    initial={x}
                    submitLabel={m.save}
                    onCancel={() => setEditing(null)}
                    onSave={async (body) => {
                      const saved = await api.put<Motif>(`/practitioner/motifs/${encodeURIComponent(x.id)}`, body);
                      list.setData((l) => l?.map((y) => (y.id === x.id ? saved : y)));
                      setEditing(null);
                      setStatus(fillText(m.savedMsg, { label: saved.label }));
                    }}
                  />
                ) : (
                  <MotifLine
                    x={x}
                    confirming={confirming === x.id}
                    removeError={confirming === x.id ? removeError : null}
                    onEdit={() => (setEditing(x.id), setConfirming(null), setStatus(null))}
                    onAskRemove={() => (setConfirming(x.id), setRemoveError(null), setStatus(null))}
                    onCancelRemove={() => setConfirming(null)}
                    onRemove={() => void remove(x)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <div class="motif-add">
        <MotifForm
          prefix="motif-new-"
          title={m.addTitle}
          initial={null}
          submitLabel={m.add}
          onSave={async (body) => {
            const created = await api.post<Motif>('/practitioner/motifs', body);
            list.setData((l) => [...(l ?? []), created]);
            setStatus(fillText(m.added, { label: created.label }));
          }}
        />
      </div>
    </section>
  );
}

function MotifLine({
  x,
  confirming,
  removeError,
  onEdit,
  onAskRemove,
  onCancelRemove,
  onRemove,
}: {
  x: Motif;
  confirming: boolean;
  removeError: string | null;
  onEdit: () => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemove: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.motifs;
  const question = fillText(m.confirmRemove, { label: x.label });
  return (
    <>
      <div class="list-row-main">
        <p class="list-row-title">{x.label}</p>
        <p class="muted small">
          {fillText(t.profile.minutes, { n: x.duration_min })} · {t.modes[x.mode]} · <span class="price">{formatPrice(x.price_cents, lang)}</span>
        </p>
      </div>
      {confirming ? (
        <div class="confirm-inline" role="group" aria-label={question}>
          <p>{question}</p>
          {removeError && (
            <p class="field-error" role="alert">
              {removeError}
            </p>
          )}
          <div class="card-actions">
            <button type="button" class="btn btn-danger" onClick={onRemove}>
              {m.confirmRemoveButton}
            </button>
            <button type="button" class="btn btn-quiet" onClick={onCancelRemove}>
              {t.form.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div class="row-actions">
          <button type="button" class="btn btn-quiet" onClick={onEdit}>
            <Icon name="pencil" />
            {m.edit}
            <span class="visually-hidden"> — {x.label}</span>
          </button>
          <button type="button" class="btn btn-quiet" onClick={onAskRemove}>
            <Icon name="trash" />
            {m.remove}
            <span class="visually-hidden"> — {x.label}</span>
          </button>
        </div>
      )}
    </>
  );
}

function MotifForm({
  prefix,
  title,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  prefix: string;
  title: string;
  initial: Motif | null;
  submitLabel: string;
  onSave: (body: { label: string; duration_min: number; mode: MotifMode; price_cents: number }) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.motifs;
  const form = useForm(prefix, (f) => (f === 'price_cents' ? 'price' : f));
  const [v, setV] = useState<MotifDraft>(
    initial ? { label: initial.label, duration_min: String(initial.duration_min), mode: initial.mode, price: priceText(initial.price_cents, lang) } : EMPTY_MOTIF,
  );
  const set = (k: keyof MotifDraft) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const titleId = `${prefix}title`;

  function check(): Errors {
    const duration = Number(v.duration_min);
    const price = parsePrice(v.price);
    return {
      label: v.label.trim() ? undefined : m.checks.labelRequired,
      duration_min: Number.isInteger(duration) && duration >= 5 && duration <= 240 ? undefined : m.checks.durationInvalid,
      price: price === null ? m.checks.priceInvalid : price > 100_000 ? m.checks.priceTooHigh : undefined,
    };
  }

  return (
    <form
      class="motif-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(check, () => onSave({ label: v.label.trim(), duration_min: Number(v.duration_min), mode: v.mode, price_cents: parsePrice(v.price) ?? 0 }))
          .then((ok) => ok && !initial && setV(EMPTY_MOTIF));
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <TextField id={form.id('label')} label={m.label} hint={m.labelHint} value={v.label} onValue={set('label')} error={form.errors.label} maxLength={100} autoComplete="off" />
      <div class="field-row motif-fields">
        <TextField id={form.id('duration_min')} label={m.duration} type="number" inputMode="numeric" min={5} max={240} step={5} value={v.duration_min} onValue={set('duration_min')} error={form.errors.duration_min} />
        <TextField id={form.id('price')} label={m.price} hint={m.priceHint} inputMode="decimal" value={v.price} onValue={set('price')} error={form.errors.price} autoComplete="off" />
      </div>
      <SelectField
        id={form.id('mode')}
        label={m.mode}
        value={v.mode}
        onValue={(x) => set('mode')(x)}
        options={(['video', 'in_person', 'both'] as const).map((x) => ({ value: x, label: t.modes[x] }))}
      />
      <div class="card-actions">
        <SubmitButton busy={form.busy} variant={initial ? 'primary' : 'secondary'}>
          {submitLabel}
        </SubmitButton>
        {onCancel && (
          <button type="button" class="btn btn-quiet" onClick={onCancel}>
            {t.form.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
