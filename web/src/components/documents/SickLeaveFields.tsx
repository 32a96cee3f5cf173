// The arrêt de travail: first and last day (the number of days said as they are typed), initial
// or prolongation, "soins en présentiel impossibles", outings, and the medical reason (which
// stays on the medical copy). The 3-day rule of a teleconsultation is said up front in plain
// French, and again when the dates go beyond it; the server decides (it knows who is the
// patient's médecin traitant).
import { useI18n } from '../../i18n';
import { leaveDays, overCap } from '../../lib/documents/closeForm';
import { fillText } from '../../lib/format';
import { CheckboxField, TextareaField, TextField } from '../forms/Field';
import { Icon } from '../Icon';
import type { SectionProps } from './sectionProps';

export function SickLeaveFields({ value, set, errors, fid }: SectionProps<'sickLeave'>) {
  const { t } = useI18n();
  const s = t.closing.sickLeave;
  const days = leaveDays(value.from, value.to);
  const radio = (
    name: string,
    options: Array<{ value: string; label: string }>,
    current: string,
    onPick: (v: string) => void,
  ) => (
    <div class="radio-row">
      {options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={fid(name)}
            value={o.value}
            checked={current === o.value}
            onChange={() => onPick(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
  return (
    <div class="close-fields">
      <div class="date-range">
        <TextField
          id={fid('sick_leave.from')}
          type="date"
          label={s.from}
          value={value.from}
          onValue={(from) => set({ from })}
          error={errors['sick_leave.from']}
          data-testid="leave-from"
        />
        <TextField
          id={fid('sick_leave.to')}
          type="date"
          label={s.to}
          value={value.to}
          min={value.from || undefined}
          onValue={(to) => set({ to })}
          error={errors['sick_leave.to']}
          data-testid="leave-to"
        />
      </div>
      <p class="leave-days" aria-live="polite" data-testid="leave-days">
        {days === null ? '' : days === 1 ? s.oneDay : fillText(s.days, { n: days })}
      </p>
      {overCap(value) && (
        <p class="notice notice-warning" data-testid="leave-over-cap">
          <Icon name="alert" />
          <span>{s.overCap}</span>
        </p>
      )}
      <fieldset class="field">
        <legend class="field-label">{s.kind}</legend>
        {radio(
          'sick_leave.kind',
          [
            { value: 'initial', label: s.initial },
            { value: 'prolongation', label: s.prolongation },
          ],
          value.prolongation ? 'prolongation' : 'initial',
          (v) => set({ prolongation: v === 'prolongation' }),
        )}
      </fieldset>
      <CheckboxField
        id={fid('sick_leave.in_person_impossible')}
        label={s.inPersonImpossible}
        hint={s.inPersonHint}
        checked={value.inPersonImpossible}
        onChecked={(inPersonImpossible) => set({ inPersonImpossible })}
      />
      <fieldset class="field">
        <legend class="field-label">{s.outings}</legend>
        {radio(
          'sick_leave.outings',
          [
            { value: 'free', label: s.free },
            { value: 'restricted', label: s.restricted },
          ],
          value.outings,
          (v) => set({ outings: v === 'restricted' ? 'restricted' : 'free' }),
        )}
      </fieldset>
      <TextareaField
        id={fid('sick_leave.reason')}
        label={s.reason}
        hint={s.reasonHint}
        rows={2}
        value={value.reason}
        onValue={(reason) => set({ reason })}
        error={errors['sick_leave.reason']}
        data-testid="leave-reason"
      />
    </div>
  );
}
