// "Ajouter au profil médical", for the practitioner of the consultation: a section, a label,
// optional details and a date; the patient then sees the line marked "Ajouté par Dr X".
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { addMedicalItem } from '../../lib/health/api';
import { checkMedical, newItem, parseDateInput } from '../../lib/health/medical';
import { MEDICAL_CATEGORIES, type MedicalCategory, type MedicalItem } from '../../lib/health/types';
import { ErrorSummary, StatusMessage } from '../forms/Feedback';
import { SelectField, TextField } from '../forms/Field';
import { useForm, type Errors } from '../forms/useForm';

export function AddMedicalItem({
  consultation,
  onAdded,
}: {
  consultation: string;
  onAdded: (item: MedicalItem) => void;
}) {
  const { t } = useI18n();
  const md = t.medical;
  const r = t.record;
  const [category, setCategory] = useState<MedicalCategory>('allergy');
  const [label, setLabel] = useState('');
  const [detail, setDetail] = useState('');
  const [date, setDate] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useForm('rec-');

  function check(): Errors {
    const item = newItem(category, { label: label || ' ', detail, date });
    const found = checkMedical({
      items: [item],
      height: '',
      weight: '',
      pregnant: false,
      weeks: '',
    });
    const k = `items.${item.key}`;
    return {
      label: label.trim() ? undefined : md.problems.label_missing,
      date: found[`${k}.date`] ? md.problems[found[`${k}.date`]!] : undefined,
    };
  }

  async function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    await form.submit(check, async () => {
      const item = await addMedicalItem(consultation, {
        category,
        label: label.trim(),
        detail: detail.trim(),
        date: parseDateInput(date) ?? null,
      });
      onAdded(item);
      setDone(fillText(r.added, { label: label.trim() }));
      setLabel('');
      setDetail('');
      setDate('');
    });
  }

  return (
    <form
      class="record-add"
      noValidate
      onSubmit={submit}
      aria-label={r.addTitle}
      data-testid="record-add"
    >
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <SelectField
        id={form.id('category')}
        label={r.category}
        value={category}
        onValue={(v) => setCategory(v as MedicalCategory)}
        options={MEDICAL_CATEGORIES.map((c) => ({ value: c, label: md.sections[c] }))}
      />
      <TextField
        id={form.id('label')}
        label={md.label}
        value={label}
        maxLength={120}
        onValue={setLabel}
        error={form.errors.label}
        data-testid="record-add-label"
      />
      <TextField
        id={form.id('detail')}
        label={md.detail}
        optional
        value={detail}
        onValue={setDetail}
      />
      <TextField
        id={form.id('date')}
        label={md.date}
        hint={md.dateHint}
        optional
        class="input-short"
        value={date}
        onValue={setDate}
        error={form.errors.date}
      />
      <button
        type="submit"
        class={`btn btn-secondary${form.busy ? ' is-busy' : ''}`}
        aria-disabled={form.busy ? true : undefined}
      >
        {form.busy ? r.adding : r.add}
      </button>
      <StatusMessage message={done} />
    </form>
  );
}
