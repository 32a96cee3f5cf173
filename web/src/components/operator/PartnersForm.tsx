// The create/edit form of a partner (docs/operator.md "Partners"): name, kind, colours with
// their contrast on white, contact, host names, the partner's texts and an insurer's cover.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  contrastOnWhite,
  createPartner,
  parseHosts,
  updatePartner,
  type Partner,
  type PartnerInput,
} from '../../lib/operator/partners';
import { ErrorSummary, SubmitButton } from '../forms/Feedback';
import { SelectField, TextareaField, TextField } from '../forms/Field';
import { ApiError } from '../../lib/api';

// The API's field names → the suffix of the control's id, for the error summary's links.
const FIELD_IDS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  color_primary: 'primary',
  color_accent: 'accent',
  contact_email: 'email',
  hosts: 'hosts',
  quota_per_year: 'quota',
  covered_percent: 'covered',
  legal_notice: 'legal',
  terms: 'terms',
  privacy: 'privacy',
};

const EMPTY: PartnerInput = {
  name: '',
  kind: 'brand',
  status: 'active',
  color_primary: '#0b5e6b',
  color_accent: '#0f766e',
  contact_email: '',
  contact_phone: '',
  legal_notice: '',
  terms: '',
  privacy: '',
  quota_per_year: 3,
  quota_scope: 'profile',
  covered_percent: 100,
  hosts: [],
};

function ColorField({
  id,
  label,
  value,
  onValue,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const p = t.partners;
  const ratio = contrastOnWhite(value);
  const valid = /^#[0-9a-f]{6}$/i.test(value);
  return (
    <div class="color-field">
      <TextField
        id={id}
        label={label}
        hint={
          valid
            ? fillText(ratio >= 4.5 ? p.contrastOk : p.contrastLow, { ratio: ratio.toFixed(1) })
            : p.colorHint
        }
        value={value}
        onValue={onValue}
        error={error}
        maxLength={7}
        after={
          <input
            type="color"
            aria-label={label}
            value={valid ? value : '#000000'}
            onInput={(e) => onValue(e.currentTarget.value)}
          />
        }
      />
    </div>
  );
}

export function PartnersForm({
  partner,
  onSaved,
  onCancel,
}: {
  partner: Partner | null;
  onSaved: (p: Partner, created: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const p = t.partners;
  const [v, setV] = useState<PartnerInput>(partner ? { ...partner } : EMPTY);
  const [hosts, setHosts] = useState((partner?.hosts ?? []).join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const set =
    <K extends keyof PartnerInput>(k: K) =>
    (value: PartnerInput[K]) =>
      setV((o) => ({ ...o, [k]: value }));
  const err = (field: string) => (error?.field === field ? error.text : undefined);
  const prefix = partner ? `edit-${partner.id}` : 'new';

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = { ...v, hosts: parseHosts(hosts) };
    try {
      const saved = partner ? await updatePartner(partner.id, body) : await createPartner(body);
      onSaved(saved, !partner);
      if (!partner) {
        setV(EMPTY);
        setHosts('');
      }
    } catch (ex) {
      const text = errorText(ex, t.errors);
      setError(ex instanceof ApiError && ex.field ? { field: ex.field, text } : { text });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card partner-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-title`}
    >
      <h2 id={`${prefix}-title`} class="section-title">
        {partner ? fillText(p.editTitle, { name: partner.name }) : p.createTitle}
      </h2>
      <ErrorSummary
        message={error?.text ?? null}
        attempt={attempt}
        fields={
          error?.field && FIELD_IDS[error.field]
            ? [{ id: `${prefix}-${FIELD_IDS[error.field]}`, text: error.text }]
            : []
        }
      />
      <div class="form-grid">
        <TextField
          id={`${prefix}-name`}
          label={p.name}
          value={v.name}
          onValue={set('name')}
          error={err('name')}
          required
        />
        <SelectField
          id={`${prefix}-kind`}
          label={p.kind}
          value={v.kind}
          onValue={(x) => set('kind')(x === 'insurer' ? 'insurer' : 'brand')}
          options={[
            { value: 'brand', label: p.kinds.brand },
            { value: 'insurer', label: p.kinds.insurer },
          ]}
          error={err('kind')}
        />
        {partner && (
          <SelectField
            id={`${prefix}-status`}
            label={p.status}
            value={v.status}
            onValue={(x) => set('status')(x === 'disabled' ? 'disabled' : 'active')}
            options={[
              { value: 'active', label: p.statuses.active },
              { value: 'disabled', label: p.statuses.disabled },
            ]}
          />
        )}
        <ColorField
          id={`${prefix}-primary`}
          label={p.colorPrimary}
          value={v.color_primary}
          onValue={set('color_primary')}
          error={err('color_primary')}
        />
        <ColorField
          id={`${prefix}-accent`}
          label={p.colorAccent}
          value={v.color_accent}
          onValue={set('color_accent')}
          error={err('color_accent')}
        />
        <TextField
          id={`${prefix}-email`}
          type="email"
          label={p.contactEmail}
          optional
          value={v.contact_email}
          onValue={set('contact_email')}
          error={err('contact_email')}
        />
        <TextField
          id={`${prefix}-phone`}
          type="tel"
          label={p.contactPhone}
          optional
          value={v.contact_phone}
          onValue={set('contact_phone')}
        />
      </div>
      <TextareaField
        id={`${prefix}-hosts`}
        label={p.hosts}
        hint={p.hostsHint}
        value={hosts}
        onValue={setHosts}
        rows={2}
        error={err('hosts')}
      />
      {v.kind === 'insurer' && (
        <fieldset class="fieldset">
          <legend>{p.insurerTitle}</legend>
          <div class="form-grid">
            <TextField
              id={`${prefix}-quota`}
              type="number"
              min={0}
              max={1000}
              label={p.quota}
              value={String(v.quota_per_year)}
              onValue={(x) => set('quota_per_year')(Number(x) || 0)}
              error={err('quota_per_year')}
            />
            <SelectField
              id={`${prefix}-scope`}
              label={p.scope}
              value={v.quota_scope}
              onValue={(x) => set('quota_scope')(x === 'family' ? 'family' : 'profile')}
              options={[
                { value: 'profile', label: p.scopes.profile },
                { value: 'family', label: p.scopes.family },
              ]}
            />
            <TextField
              id={`${prefix}-covered`}
              type="number"
              min={0}
              max={100}
              label={p.covered}
              hint={p.coveredHint}
              value={String(v.covered_percent)}
              onValue={(x) => set('covered_percent')(Number(x) || 0)}
              error={err('covered_percent')}
            />
          </div>
        </fieldset>
      )}
      <TextareaField
        id={`${prefix}-legal`}
        label={p.legalNotice}
        hint={p.textHint}
        optional
        value={v.legal_notice}
        onValue={set('legal_notice')}
        rows={3}
        error={err('legal_notice')}
      />
      <TextareaField
        id={`${prefix}-terms`}
        label={p.terms}
        hint={p.textHint}
        optional
        value={v.terms}
        onValue={set('terms')}
        rows={3}
        error={err('terms')}
      />
      <TextareaField
        id={`${prefix}-privacy`}
        label={p.privacy}
        hint={p.textHint}
        optional
        value={v.privacy}
        onValue={set('privacy')}
        rows={3}
        error={err('privacy')}
      />
      <div class="form-actions">
        <SubmitButton busy={busy} testId={`${prefix}-submit`}>
          {partner ? p.save : p.create}
        </SubmitButton>
        {onCancel && (
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {p.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
