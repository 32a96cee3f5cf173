// The compte-rendu: four free texts. The motif, the call's length and its incidents are added by
// the server (the section's hint says so), so the practitioner writes only the medicine.
import { useI18n } from '../../i18n';
import { TextareaField } from '../forms/Field';
import type { SectionProps } from './sectionProps';

const FIELDS = ['history', 'findings', 'conclusion', 'advice'] as const;

export function ReportFields({ value, set, errors, fid }: SectionProps<'report'>) {
  const { t } = useI18n();
  const r = t.closing.report;
  return (
    <div class="close-fields">
      {FIELDS.map((k) => (
        <TextareaField
          key={k}
          id={fid(`report.${k}`)}
          label={r[k]}
          rows={k === 'conclusion' ? 2 : 3}
          value={value[k]}
          onValue={(v) => set({ [k]: v })}
          error={errors[`report.${k}`]}
          data-testid={`report-${k}`}
        />
      ))}
    </div>
  );
}
