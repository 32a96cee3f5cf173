// One platform setting as form fields in plain units (docs/operator.md "Settings"): a number with
// its unit (€, min, h, Mo), hours "from … to …", a limit "number per minutes", a list of types,
// or check boxes (specialties, roles). Under it: the rule, the default, when it was changed, and
// "Revenir à la valeur par défaut".
import { useSpecialties } from '../useSpecialties';
import { useI18n } from '../../i18n';
import type { Kind, SettingKey } from '../../lib/operator/settings';
import { CheckboxField, FieldMessages, TextField } from '../forms/Field';

const ROLES = ['practitioner', 'assistant', 'operator'];

function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

export function SettingField({
  id,
  setting,
  kind,
  parts,
  error,
  defaultText,
  resetPending,
  labelOf,
  onParts,
  onReset,
}: {
  id: string;
  setting: SettingKey;
  kind: Kind;
  parts: string[];
  error: string | undefined;
  defaultText: string;
  resetPending: boolean;
  labelOf: (code: string) => string;
  onParts: (parts: string[]) => void;
  onReset: () => void;
}) {
  const { t, lang } = useI18n();
  const s = t.operatorSettings;
  const text = s.keys[setting.key] ?? { label: setting.key, hint: setting.help };
  const specialties = useSpecialties(lang);
  const hint = (
    <>
      {text.hint && <span>{text.hint} </span>}
      <span class="setting-default">
        {s.byDefault.replace('{value}', defaultText)}
        {setting.changed_at &&
          ` · ${s.changedOn.replace('{date}', formatDate(setting.changed_at, lang))}`}
      </span>
      {resetPending && <span class="setting-reset-note"> {s.resetDone}</span>}
    </>
  );
  const [a = '', b = ''] = parts;
  // The rule and the error of a group of fields, read with each of them.
  const described = error ? `${id}-set-hint ${id}-set-error` : `${id}-set-hint`;
  const unit = { euros: '€', minutes: s.units.minutes, hours: s.units.hours, mo: s.units.mo }[
    kind as 'euros'
  ];

  let body;
  if (kind === 'window' || kind === 'limit') {
    const [first, second] = kind === 'window' ? [s.from, s.to] : [s.perWindow, s.windowMinutes];
    body = (
      <fieldset class="fieldset setting-pair">
        <legend>{text.label}</legend>
        <FieldMessages id={`${id}-set`} hint={hint} error={error} />
        <div class="field-row">
          <TextField
            id={id}
            label={first}
            value={a}
            inputMode={kind === 'window' ? 'text' : 'numeric'}
            autocomplete="off"
            describedByExtra={described}
            aria-invalid={error ? true : undefined}
            onValue={(v) => onParts([v, b])}
          />
          <TextField
            id={`${id}-2`}
            label={second}
            value={b}
            inputMode={kind === 'window' ? 'text' : 'decimal'}
            autocomplete="off"
            describedByExtra={described}
            aria-invalid={error ? true : undefined}
            onValue={(v) => onParts([a, v])}
          />
        </div>
      </fieldset>
    );
  } else if (kind === 'specialties' || kind === 'roles') {
    const chosen = a
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const codes =
      kind === 'roles'
        ? ROLES
        : [...new Set([...(specialties.data ?? []).map((sp) => sp.id), ...chosen])];
    const toggle = (code: string, on: boolean) => {
      const next = on ? [...chosen, code] : chosen.filter((c) => c !== code);
      onParts([next.join(',')]);
    };
    body = (
      <fieldset class="fieldset setting-choices" id={id} tabIndex={-1} aria-describedby={described}>
        <legend>{text.label}</legend>
        <FieldMessages id={`${id}-set`} hint={hint} error={error} />
        <div class="setting-checkboxes">
          {codes.map((code) => (
            <CheckboxField
              key={code}
              id={`${id}-${code}`}
              label={labelOf(code)}
              checked={chosen.includes(code)}
              onChecked={(on) => toggle(code, on)}
            />
          ))}
        </div>
      </fieldset>
    );
  } else {
    body = (
      <TextField
        id={id}
        label={text.label}
        hint={hint}
        error={error}
        value={a}
        inputMode={kind === 'types' ? 'text' : kind === 'count' ? 'numeric' : 'decimal'}
        autocomplete="off"
        class={kind === 'types' ? undefined : 'input-short'}
        after={
          unit ? (
            <span class="input-unit" aria-hidden="true">
              {unit}
            </span>
          ) : undefined
        }
        onValue={(v) => onParts([v])}
      />
    );
  }
  const atDefault = !setting.changed && !resetPending;
  return (
    <div class="setting" data-key={setting.key}>
      {body}
      {!atDefault && !resetPending && (
        <button type="button" class="btn btn-quiet setting-reset" onClick={onReset}>
          {s.reset}
          <span class="visually-hidden"> : {text.label}</span>
        </button>
      )}
    </div>
  );
}
