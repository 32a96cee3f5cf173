// The administrative data of a profile: NIR (with the carte Vitale format and a key check as
// the user types), médecin traitant, coverage (ALD, CSS, AME, maternité) and complémentaire.
// Health-related data: the server stores it encrypted and logs every read and write.
import { useI18n } from '../i18n';
import type { Administrative } from '../lib/account/types';
import { checkNir, compact, isRpps } from '../lib/validate';
import { CheckboxField, TextField } from './forms/Field';
import type { Errors } from './forms/useForm';

export interface AdminValues {
  nir: string;
  mt_name: string;
  mt_rpps: string;
  ald: boolean;
  css: boolean;
  ame: boolean;
  maternity: boolean;
  comp_name: string;
  comp_number: string;
}

export function toValues(a: Administrative): AdminValues {
  return {
    nir: a.nir ?? '',
    mt_name: a.medecin_traitant?.name ?? '',
    mt_rpps: a.medecin_traitant?.rpps ?? '',
    ...a.coverage,
    comp_name: a.complementary?.name ?? '',
    comp_number: a.complementary?.member_number ?? '',
  };
}

export function toAdministrative(v: AdminValues): Administrative {
  return {
    nir: compact(v.nir).toUpperCase() || null,
    medecin_traitant: v.mt_name.trim()
      ? { name: v.mt_name.trim(), rpps: compact(v.mt_rpps) || null }
      : null,
    coverage: { ald: v.ald, css: v.css, ame: v.ame, maternity: v.maternity },
    complementary: v.comp_name.trim()
      ? { name: v.comp_name.trim(), member_number: v.comp_number.trim() || null }
      : null,
  };
}

export function checkAdmin(v: AdminValues, t: ReturnType<typeof useI18n>['t']): Errors {
  const nir = checkNir(v.nir);
  return {
    nir: nir === 'format' ? t.checks.nirFormat : nir === 'key' ? t.checks.nirKey : undefined,
    mt_rpps: compact(v.mt_rpps) && !isRpps(v.mt_rpps) ? t.checks.mtRppsInvalid : undefined,
    mt_name: compact(v.mt_rpps) && !v.mt_name.trim() ? t.checks.mtNameRequired : undefined,
    comp_number:
      v.comp_number.trim() && !v.comp_name.trim() ? t.checks.compNameRequired : undefined,
  };
}

/** Maps the server's field names (nir, medecin_traitant.rpps…) onto this form's. */
export function adminField(field: string): string {
  if (field.startsWith('medecin_traitant')) return field.endsWith('rpps') ? 'mt_rpps' : 'mt_name';
  if (field.startsWith('complementary'))
    return field.endsWith('member_number') ? 'comp_number' : 'comp_name';
  return field.replace(/^coverage\./, '');
}

export function AdminFields({
  v,
  set,
  errors,
  relative,
}: {
  v: AdminValues;
  set: (patch: Partial<AdminValues>) => void;
  errors: Errors;
  relative: boolean;
}) {
  const { t } = useI18n();
  const a = t.admin;
  const nirState = checkNir(v.nir);
  return (
    <>
      <fieldset class="fieldset">
        <legend>{a.nirTitle}</legend>
        <TextField
          id="nir"
          label={a.nir}
          optional
          hint={
            <>
              <span>{relative ? a.nirHintRelative : a.nirHint}</span>{' '}
              <span class="nowrap">{a.nirExample}</span>
            </>
          }
          value={v.nir}
          onValue={(nir) => set({ nir })}
          error={errors.nir}
          inputMode="text"
          autoComplete="off"
          spellcheck={false}
          maxLength={21}
          after={nirState === 'ok' ? <span class="input-ok">{a.nirOk}</span> : undefined}
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend>{a.mtTitle}</legend>
        <div class="field-row">
          <TextField
            id="mt_name"
            label={a.mtName}
            optional
            hint={a.mtNameHint}
            value={v.mt_name}
            onValue={(mt_name) => set({ mt_name })}
            error={errors.mt_name}
            autoComplete="off"
          />
          <TextField
            id="mt_rpps"
            label={a.mtRpps}
            optional
            hint={a.mtRppsHint}
            inputMode="numeric"
            value={v.mt_rpps}
            onValue={(mt_rpps) => set({ mt_rpps })}
            error={errors.mt_rpps}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset class="fieldset">
        <legend>{a.coverageTitle}</legend>
        <p class="field-hint">{a.coverageHint}</p>
        <CheckboxField
          id="ald"
          label={a.ald}
          hint={a.aldHint}
          checked={v.ald}
          onChecked={(ald) => set({ ald })}
        />
        <CheckboxField
          id="css"
          label={a.css}
          hint={a.cssHint}
          checked={v.css}
          onChecked={(css) => set({ css })}
        />
        <CheckboxField
          id="ame"
          label={a.ame}
          hint={a.ameHint}
          checked={v.ame}
          onChecked={(ame) => set({ ame })}
        />
        <CheckboxField
          id="maternity"
          label={a.maternity}
          hint={a.maternityHint}
          checked={v.maternity}
          onChecked={(maternity) => set({ maternity })}
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend>{a.compTitle}</legend>
        <div class="field-row">
          <TextField
            id="comp_name"
            label={a.compName}
            optional
            hint={a.compNameHint}
            value={v.comp_name}
            onValue={(comp_name) => set({ comp_name })}
            error={errors.comp_name}
            autoComplete="off"
          />
          <TextField
            id="comp_number"
            label={a.compNumber}
            optional
            value={v.comp_number}
            onValue={(comp_number) => set({ comp_number })}
            error={errors.comp_number}
            autoComplete="off"
          />
        </div>
      </fieldset>
    </>
  );
}
