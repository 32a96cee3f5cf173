// One section of the medical profile's form ("Allergies et intolérances", …): its lines, each
// with a label, optional details and a date of the precision the patient remembers; a line a
// practitioner added says "Ajouté par Dr X". "Ajouter une ligne" adds one and goes to it;
// "Retirer" removes one and goes back to the section's add button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { newItem, type ItemDraft } from '../../lib/health/medical';
import type { MedicalCategory } from '../../lib/health/types';
import type { Errors } from '../forms/useForm';
import { TextField } from '../forms/Field';
import { Icon } from '../Icon';

export function MedicalSection({
  category,
  items,
  setItems,
  errors,
  fid,
}: {
  category: MedicalCategory;
  /** This section's lines only. */
  items: ItemDraft[];
  setItems: (update: (all: ItemDraft[]) => ItemDraft[]) => void;
  errors: Errors;
  fid: (field: string) => string;
}) {
  const { t } = useI18n();
  const md = t.medical;
  const section = md.sections[category];
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  useEffect(() => {
    if (focusKey === null) return;
    document.getElementById(fid(`items.${focusKey}.label`))?.focus();
    setFocusKey(null);
  }, [focusKey, fid]);

  const patch = (key: number, p: Partial<ItemDraft>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  return (
    <fieldset class="card medical-section" data-testid={`medical-${category}`}>
      <legend class="medical-legend">{section}</legend>
      <p class="field-hint">{md.hints[category]}</p>
      {items.length === 0 && <p class="muted small">{md.empty}</p>}
      <ol class="medical-items">
        {items.map((i, n) => {
          const f = (k: string) => `items.${i.key}.${k}`;
          const line = fillText(md.line, { section, n: n + 1 });
          return (
            <li key={i.key} class="medical-item" aria-label={line} data-testid="medical-item">
              {i.added_by?.role === 'practitioner' && (
                <p class="tag tag-author" data-testid="medical-added-by">
                  {fillText(md.addedBy, { name: i.added_by.name })}
                </p>
              )}
              <TextField
                id={fid(f('label'))}
                label={md.label}
                value={i.label}
                maxLength={120}
                onValue={(label) => patch(i.key, { label })}
                error={errors[f('label')]}
                data-testid="medical-label"
              />
              <div class="medical-item-grid">
                <TextField
                  id={fid(f('detail'))}
                  label={md.detail}
                  optional
                  value={i.detail}
                  maxLength={1000}
                  onValue={(detail) => patch(i.key, { detail })}
                  error={errors[f('detail')]}
                />
                <TextField
                  id={fid(f('date'))}
                  label={md.date}
                  hint={md.dateHint}
                  optional
                  inputMode="numeric"
                  autoComplete="off"
                  class="input-short"
                  value={i.date}
                  onValue={(date) => patch(i.key, { date })}
                  error={errors[f('date')]}
                />
              </div>
              <button
                type="button"
                class="btn btn-quiet btn-small"
                onClick={() => {
                  setItems((all) => all.filter((x) => x.key !== i.key));
                  addButton.current?.focus();
                }}
              >
                <Icon name="trash" />
                <span aria-hidden="true">{md.remove}</span>
                <span class="visually-hidden">
                  {fillText(md.removeNamed, { n: n + 1, section })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        class="btn btn-secondary"
        onClick={() => {
          const item = newItem(category);
          setItems((all) => [...all, item]);
          setFocusKey(item.key);
        }}
        data-testid={`medical-add-${category}`}
      >
        <Icon name="plus" />
        <span aria-hidden="true">{md.add}</span>
        <span class="visually-hidden">{fillText(md.addIn, { section })}</span>
      </button>
    </fieldset>
  );
}
