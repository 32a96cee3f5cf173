// The ordonnance: medicine lines (the medicine from the drugs' list or typed freely, dosage,
// duration or quantity, repeats), tests and other lines one per line, and the child's weight
// when the patient is a child. Enter in a line adds the next one and goes to it; "Retirer"
// removes a line and gives focus to the line before.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { allergyWarnings } from '../../lib/documents/allergies';
import { drugLine, type DrugLine } from '../../lib/documents/closeForm';
import { fillText } from '../../lib/format';
import { SelectField, TextareaField, TextField } from '../forms/Field';
import { Icon } from '../Icon';
import { DrugCombobox } from './DrugCombobox';
import type { SectionProps } from './sectionProps';

const RENEWALS = [0, 1, 2, 3, 4, 5, 6, 11];

export function PrescriptionFields({
  value,
  set,
  errors,
  fid,
  child,
  allergies = [],
  declaredWeight = null,
}: SectionProps<'prescription'> & {
  child: boolean;
  allergies?: readonly string[];
  /** The weight in the patient's medical profile, offered when the field is empty. */
  declaredWeight?: string | null;
}) {
  const { t } = useI18n();
  const p = t.closing.prescription;
  // The line to focus after an add or a remove (its index).
  const [focusLine, setFocusLine] = useState<number | null>(null);
  useEffect(() => {
    if (focusLine === null) return;
    document.getElementById(fid(`prescription.drugs.${focusLine}.name`))?.focus();
    setFocusLine(null);
  }, [focusLine, fid]);

  const drugs = value.drugs;
  // A typed name stands for the substances when the drug was not picked from the list.
  const warningsOf = (d: DrugLine) =>
    d.name.trim() ? allergyWarnings(d.substances?.length ? d.substances : [d.name], allergies) : [];
  const setLine = (i: number, patch: Partial<DrugLine>) =>
    set({ drugs: drugs.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const add = () => {
    set({ drugs: [...drugs, drugLine()] });
    setFocusLine(drugs.length);
  };
  const remove = (i: number) => {
    const next = drugs.filter((_, j) => j !== i);
    set({ drugs: next.length ? next : [drugLine()] });
    setFocusLine(Math.max(0, i - 1));
  };
  const enterAdds = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    add();
  };

  return (
    <div class="close-fields">
      <fieldset class="drug-lines">
        <legend class="field-label">{p.drugs}</legend>
        <ol class="drug-list">
          {drugs.map((d, i) => {
            const f = (k: string) => `prescription.drugs.${i}.${k}`;
            const n = i + 1;
            return (
              <li key={d.key} class="drug-line" data-testid="drug-line">
                <DrugCombobox
                  id={fid(f('name'))}
                  label={`${p.drugName} ${n}`}
                  hint={i === 0 ? p.drugHint : undefined}
                  value={d.name}
                  error={errors[f('name')]}
                  onText={(name) => setLine(i, { name, drugId: null, substances: [] })}
                  onPick={(drug) =>
                    setLine(i, {
                      name: drug.name,
                      strength: drug.strength,
                      form: drug.form,
                      drugId: drug.id,
                      substances: drug.substances,
                    })
                  }
                  onEnter={add}
                />
                {warningsOf(d).map((w) => (
                  <p
                    key={w.allergy}
                    class="notice notice-danger allergy-warning"
                    role="alert"
                    data-testid="allergy-warning"
                  >
                    <Icon name="alert" />
                    <span>
                      {fillText(t.allergyWarning, { allergy: w.allergy, substance: w.substance })}
                    </span>
                  </p>
                ))}
                <div class="drug-line-grid">
                  <TextField
                    id={fid(f('strength'))}
                    label={p.strength}
                    value={d.strength}
                    onValue={(strength) => setLine(i, { strength })}
                    error={errors[f('strength')]}
                    onKeyDown={enterAdds}
                  />
                  <TextField
                    id={fid(f('form'))}
                    label={p.form}
                    value={d.form}
                    onValue={(form) => setLine(i, { form })}
                    error={errors[f('form')]}
                    onKeyDown={enterAdds}
                  />
                </div>
                <TextField
                  id={fid(f('posology'))}
                  label={p.posology}
                  hint={i === 0 ? p.posologyHint : undefined}
                  value={d.posology}
                  onValue={(posology) => setLine(i, { posology })}
                  error={errors[f('posology')]}
                  onKeyDown={enterAdds}
                  data-testid="drug-posology"
                />
                <div class="drug-line-grid">
                  <TextField
                    id={fid(f('duration'))}
                    label={p.duration}
                    value={d.duration}
                    onValue={(duration) => setLine(i, { duration })}
                    error={errors[f('duration')]}
                    onKeyDown={enterAdds}
                    data-testid="drug-duration"
                  />
                  <SelectField
                    id={fid(f('renewals'))}
                    label={p.renewals}
                    value={String(d.renewals)}
                    onValue={(v) => setLine(i, { renewals: Number(v) })}
                    error={errors[f('renewals')]}
                    options={RENEWALS.map((r) => ({
                      value: String(r),
                      label: r === 0 ? p.renewalsNone : fillText(p.renewalsN, { n: r }),
                    }))}
                  />
                </div>
                {(drugs.length > 1 || d.name) && (
                  <button type="button" class="btn btn-quiet btn-small" onClick={() => remove(i)}>
                    <Icon name="trash" />
                    <span aria-hidden="true">{p.remove}</span>
                    <span class="visually-hidden">{fillText(p.removeNamed, { n })}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" class="btn btn-secondary" onClick={add} data-testid="drug-add">
          <Icon name="plus" />
          {p.add}
        </button>
      </fieldset>
      <TextareaField
        id={fid('prescription.tests')}
        label={p.tests}
        hint={p.testsHint}
        rows={2}
        value={value.tests}
        onValue={(tests) => set({ tests })}
        error={errors['prescription.tests']}
        data-testid="prescription-tests"
      />
      <TextareaField
        id={fid('prescription.other')}
        label={p.other}
        hint={p.otherHint}
        rows={2}
        value={value.other}
        onValue={(other) => set({ other })}
        error={errors['prescription.other']}
      />
      {child && (
        <TextField
          id={fid('prescription.weight_kg')}
          label={p.weight}
          hint={p.weightHint}
          inputMode="decimal"
          autoComplete="off"
          class="input-short"
          value={value.weight}
          onValue={(weight) => set({ weight })}
          error={errors['prescription.weight_kg']}
          data-testid="prescription-weight"
        />
      )}
      {child && declaredWeight && !value.weight.trim() && (
        <button
          type="button"
          class="btn btn-quiet"
          onClick={() => set({ weight: declaredWeight })}
          data-testid="use-declared-weight"
        >
          {fillText(p.useDeclaredWeight, { weight: declaredWeight })}
        </button>
      )}
    </div>
  );
}
