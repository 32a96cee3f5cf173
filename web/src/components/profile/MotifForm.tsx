// A motif's form, to add one or edit one: label (French), optional English label, duration,
// fee and mode.
import { useState } from 'preact/hooks';
import { SelectField, TextField } from '../forms/Field';
import { ErrorSummary, SubmitButton } from '../forms/Feedback';
import { useForm, type Errors } from '../forms/useForm';
import { useI18n } from '../../i18n';
import { parsePrice, type Motif, type MotifMode } from '../../lib/directory/directory';

interface MotifDraft {
  label: string;
  label_en: string;
  duration_min: string;
  mode: MotifMode;
  price: string;
}

const EMPTY_MOTIF: MotifDraft = {
  label: '',
  label_en: '',
  duration_min: '20',
  mode: 'video',
  price: '',
};

function priceText(cents: number, lang: 'fr' | 'en'): string {
  const s = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

export function MotifForm({
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
  onSave: (body: {
    label: string;
    label_en: string | null;
    duration_min: number;
    mode: MotifMode;
    price_cents: number;
  }) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.motifs;
  const form = useForm(prefix, (f) => (f === 'price_cents' ? 'price' : f));
  const [v, setV] = useState<MotifDraft>(
    initial
      ? {
          label: initial.label,
          label_en: initial.label_en ?? '',
          duration_min: String(initial.duration_min),
          mode: initial.mode,
          price: priceText(initial.price_cents, lang),
        }
      : EMPTY_MOTIF,
  );
  const set = (k: keyof MotifDraft) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const titleId = `${prefix}title`;

  function check(): Errors {
    const duration = Number(v.duration_min);
    const price = parsePrice(v.price);
    return {
      label: v.label.trim() ? undefined : m.checks.labelRequired,
      duration_min:
        Number.isInteger(duration) && duration >= 5 && duration <= 240 && duration % 5 === 0
          ? undefined
          : m.checks.durationInvalid,
      price:
        price === null
          ? m.checks.priceInvalid
          : price > 100_000
            ? m.checks.priceTooHigh
            : undefined,
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
          .submit(check, () =>
            onSave({
              label: v.label.trim(),
              label_en: v.label_en.trim() || null,
              duration_min: Number(v.duration_min),
              mode: v.mode,
              price_cents: parsePrice(v.price) ?? 0,
            }),
          )
          .then((ok) => ok && !initial && setV(EMPTY_MOTIF));
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <TextField
        id={form.id('label')}
        label={m.label}
        hint={m.labelHint}
        value={v.label}
        onValue={set('label')}
        error={form.errors.label}
        maxLength={100}
        autoComplete="off"
      />
      <TextField
        id={form.id('label_en')}
        label={m.labelEn}
        hint={m.labelEnHint}
        optional
        lang="en"
        value={v.label_en}
        onValue={set('label_en')}
        error={form.errors.label_en}
        maxLength={100}
        autoComplete="off"
      />
      <div class="field-row motif-fields">
        <TextField
          id={form.id('duration_min')}
          label={m.duration}
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          step={5}
          value={v.duration_min}
          onValue={set('duration_min')}
          error={form.errors.duration_min}
        />
        <TextField
          id={form.id('price')}
          label={m.price}
          hint={m.priceHint}
          inputMode="decimal"
          value={v.price}
          onValue={set('price')}
          error={form.errors.price}
          autoComplete="off"
        />
      </div>
      <SelectField
        id={form.id('mode')}
        label={m.mode}
        value={v.mode}
        onValue={(x) => set('mode')(x)}
        options={(['video', 'in_person', 'both'] as const).map((x) => ({
          value: x,
          label: t.modes[x],
        }))}
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
