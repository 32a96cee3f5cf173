// One group of the platform settings (docs/operator.md "Settings"): its fields in plain units
// with the default under each, "Revenir à la valeur par défaut", and one "Enregistrer" that
// sends only what changed. The server applies the group whole or not at all; a refused value
// is shown at its field.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  type Group,
  type Kind,
  type SettingKey,
  type Settings,
  describe,
  fromParts,
  kindOf,
  patchSettings,
  sameValue,
  toParts,
} from '../../lib/operator/settings';
import { ErrorSummary, StatusMessage, SubmitButton } from '../forms/Feedback';
import { SettingField } from './SettingField';

export function fieldId(key: string): string {
  return `set-${key.replace(/[._]/g, '-')}`;
}

export function SettingsGroup({
  group,
  keys,
  onSaved,
  labelOf,
}: {
  group: Group;
  keys: SettingKey[];
  onSaved: (s: Settings) => void;
  labelOf: (kind: Kind, code: string) => string;
}) {
  const { t, lang } = useI18n();
  const s = t.operatorSettings;
  const initial = () =>
    Object.fromEntries(keys.map((k) => [k.key, toParts(kindOf(k.key), k.value, lang)]));
  const [drafts, setDrafts] = useState<Record<string, string[]>>(initial);
  const [resets, setResets] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signature = keys.map((k) => `${k.key}=${k.value}`).join('&');
  // New values from the server (this group saved, or another): the fields show them.
  useEffect(() => {
    setDrafts(initial());
    setResets(new Set());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, lang]);

  const ruleOf = (key: string) => s.keys[key]?.hint ?? '';
  const title = s.groups[group].title;
  const headingId = `settings-${group}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStatus(null);
    const changes: Record<string, string | null> = {};
    const local: Record<string, string> = {};
    for (const k of keys) {
      const kind = kindOf(k.key);
      if (resets.has(k.key)) {
        if (k.changed) changes[k.key] = null;
        continue;
      }
      const value = fromParts(kind, drafts[k.key] ?? []);
      if (value === null) local[k.key] = s.notNumber;
      else if (!sameValue(kind, value, k.value)) changes[k.key] = value;
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setProblem(s.refused);
      setAttempt((n) => n + 1);
      return;
    }
    setProblem(null);
    if (Object.keys(changes).length === 0) {
      setStatus(s.nothing);
      return;
    }
    setBusy(true);
    try {
      const saved = await patchSettings(changes);
      onSaved(saved);
      setStatus(s.saved);
    } catch (err) {
      if (err instanceof ApiError && err.field && keys.some((k) => k.key === err.field)) {
        setErrors({ [err.field]: fillText(s.refusedField, { rule: ruleOf(err.field) }).trim() });
        setProblem(s.refused);
      } else {
        setProblem(errorText(err, t.errors));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card settings-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="muted">{s.groups[group].lead}</p>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid={`settings-${group}`}>
        <ErrorSummary
          message={problem}
          attempt={attempt}
          fields={Object.entries(errors).map(([key, text]) => ({
            id: fieldId(key),
            text: `${s.keys[key]?.label ?? key} : ${text}`,
          }))}
        />
        {keys.map((k) => {
          const kind = kindOf(k.key);
          const reset = resets.has(k.key);
          const units = s.units;
          const defaultText = describe(kind, k.default, lang, units, (c) => labelOf(kind, c));
          return (
            <SettingField
              key={k.key}
              id={fieldId(k.key)}
              setting={k}
              kind={kind}
              parts={drafts[k.key] ?? []}
              error={errors[k.key]}
              defaultText={defaultText}
              resetPending={reset}
              labelOf={(c) => labelOf(kind, c)}
              onParts={(parts) => {
                setDrafts((d) => ({ ...d, [k.key]: parts }));
                setResets((r) => {
                  const next = new Set(r);
                  next.delete(k.key);
                  return next;
                });
              }}
              onReset={() => {
                setDrafts((d) => ({ ...d, [k.key]: toParts(kind, k.default, lang) }));
                setResets((r) => new Set(r).add(k.key));
              }}
            />
          );
        })}
        <div class="settings-actions">
          <SubmitButton busy={busy} busyLabel={s.saving} testId={`save-${group}`}>
            {s.save}
          </SubmitButton>
        </div>
        <StatusMessage message={status} />
      </form>
    </section>
  );
}
