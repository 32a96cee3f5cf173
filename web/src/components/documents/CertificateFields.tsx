// The certificates of the catalogue (GET /certificates): a box each, with a text for details
// once ticked. Those that need a physical examination (sport licence, death, injuries…) are
// shown, disabled, with the reason, so that the practitioner sees why rather than looks for them.
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import type { CertificateType } from '../../lib/documents/types';
import { LoadState } from '../forms/Feedback';
import { FieldMessages, TextareaField } from '../forms/Field';
import type { Loaded } from '../useLoad';
import type { SectionProps } from './sectionProps';

export function CertificateFields({
  value,
  set,
  errors,
  fid,
  catalogue,
}: SectionProps<'certificates'> & { catalogue: Loaded<CertificateType[]> }) {
  const { t } = useI18n();
  const c = t.closing.certificates;
  const id = fid('certificates');
  const error = errors.certificates;
  const items = catalogue.data ?? [];
  const choose = (type: string, patch: Partial<{ on: boolean; text: string }>) => {
    const old = value.chosen[type] ?? { on: false, text: '' };
    set({ chosen: { ...value.chosen, [type]: { ...old, ...patch } } });
  };
  return (
    <LoadState
      loading={catalogue.loading && !catalogue.data}
      error={catalogue.data ? null : catalogue.error ? `${c.loadFailed} ${catalogue.error}` : null}
      onRetry={catalogue.reload}
      lines={2}
    >
      <fieldset
        id={id}
        tabIndex={-1}
        class={error ? 'field certificate-list has-error' : 'field certificate-list'}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="certificates"
      >
        <legend class="field-label">{c.choose}</legend>
        <FieldMessages id={id} error={error} />
        {items.length === 0 && <p class="muted">{c.none}</p>}
        {items.map((item) => {
          const boxId = fid(`certificates.${item.type}`);
          const chosen = value.chosen[item.type];
          const why = item.requires_examination
            ? item.reason
              ? fillText(c.needsExam, { reason: item.reason })
              : c.needsExamNoReason
            : null;
          return (
            <div key={item.type} class="certificate-item" data-testid="certificate">
              <div class={item.requires_examination ? 'checkbox is-disabled' : 'checkbox'}>
                <input
                  id={boxId}
                  type="checkbox"
                  checked={!item.requires_examination && !!chosen?.on}
                  disabled={item.requires_examination}
                  aria-describedby={why ? `${boxId}-why` : undefined}
                  onChange={(e) => choose(item.type, { on: e.currentTarget.checked })}
                  data-type={item.type}
                />
                <div>
                  <label for={boxId}>{item.label}</label>
                  {why && (
                    <p id={`${boxId}-why`} class="field-hint">
                      {why}
                    </p>
                  )}
                </div>
              </div>
              {chosen?.on && !item.requires_examination && (
                <TextareaField
                  id={fid(`certificates.${item.type}.text`)}
                  label={fillText(c.text, { label: item.label })}
                  optional
                  rows={2}
                  value={chosen.text}
                  onValue={(text) => choose(item.type, { text })}
                />
              )}
            </div>
          );
        })}
      </fieldset>
    </LoadState>
  );
}
