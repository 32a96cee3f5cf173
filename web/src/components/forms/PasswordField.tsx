// A password field with "Afficher" and, for a new password, the live rule checklist of
// docs/accounts.md. The checklist is tied to the field by aria-describedby, not a live region:
// announcing it at every keystroke would drown the user.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { checkPassword } from '../../lib/account/password';
import { Icon } from '../Icon';
import { TextField } from './Field';

export function PasswordField({
  id,
  label,
  value,
  onValue,
  error,
  email,
  names,
  isNew,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string | undefined;
  /** For the "not your name or your email's name" rule. */
  email?: string;
  names?: string[];
  /** A new password: shows the checklist and asks the browser to suggest a strong one. */
  isNew?: boolean;
  hint?: string;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const rules = isNew ? checkPassword(value, email, names) : [];
  return (
    <>
      <TextField
        id={id}
        label={label}
        hint={hint}
        error={error}
        type={shown ? 'text' : 'password'}
        value={value}
        onValue={onValue}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        spellcheck={false}
        autoCapitalize="off"
        describedByExtra={isNew ? `${id}-rules` : undefined}
        after={
          <button
            type="button"
            class="btn btn-quiet input-addon"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown((s) => !s)}
          >
            <Icon name="eye" />
            {t.password.show}
          </button>
        }
      />
      {isNew && (
        <div class="password-rules">
          <p class="password-rules-title" id={`${id}-rules-title`}>
            {t.password.rulesTitle}
          </p>
          <ul id={`${id}-rules`} aria-labelledby={`${id}-rules-title`}>
            {rules.map((r) => {
              const state = r.ok === null ? 'info' : r.ok ? 'ok' : 'todo';
              return (
                <li key={r.rule} class={`rule rule-${state}`}>
                  <Icon name={state === 'ok' ? 'check' : state === 'info' ? 'shield' : 'circle'} />
                  <span>
                    {t.password.rules[r.rule]}
                    {state !== 'info' && (
                      <span class="visually-hidden">
                        {' '}
                        — {state === 'ok' ? t.password.met : t.password.notMet}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </>
  );
}
