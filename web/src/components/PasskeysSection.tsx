// "Clés d'accès (passkeys)" on the Sécurité page, for every role: add one (named, created by the
// device's own prompt), list them with their dates, rename and remove. When the strong-factor
// policy covers the account and it has no passkey or app yet, a notice asks for one first.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Me } from '../lib/account/types';
import {
  addPasskey,
  fetchPasskeys,
  isCancelled,
  passkeysSupported,
  renamePasskey,
  revokePasskey,
  type Passkey,
} from '../lib/account/passkeys';
import { formatDateTime } from '../lib/dates';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { TextField } from './forms/Field';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from './forms/Feedback';
import { useForm } from './forms/useForm';
import { Icon } from './Icon';
import { useSession } from './SessionProvider';
import { useLoad } from './useLoad';
import { fetchMe } from '../lib/account/api';

const MAX_NAME = 60;

export function needsStrongFactor(me: Me): boolean {
  const a = me.account;
  return a.strong_factor_required === true && !a.totp_enabled && (a.passkeys ?? 0) === 0;
}

export function PasskeysSection({ me }: { me: Me }) {
  const { t } = useI18n();
  const s = t.passkeys;
  const { session } = useSession();
  const list = useLoad((signal) => fetchPasskeys(signal), []);
  const form = useForm('passkey-');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const supported = passkeysSupported();

  async function refreshMe() {
    session.setMe(await fetchMe());
  }

  async function add() {
    setStatus(null);
    const chosen = name.trim() || s.defaultName;
    try {
      const added = await addPasskey(chosen);
      list.setData((l) => [...(l ?? []), added]);
      setName('');
      setStatus(fillText(s.added, { name: added.name }));
      await refreshMe();
    } catch (e) {
      if (isCancelled(e)) setStatus(s.cancelled);
      else throw e;
    }
  }

  return (
    <section class="card panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{s.title}</h2>
      {needsStrongFactor(me) && (
        <div class="notice notice-warning" role="alert">
          <Icon name="lock" />
          <p>{s.required}</p>
        </div>
      )}
      <p>{s.lead}</p>
      <StatusMessage message={status} />
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload}>
        {(list.data ?? []).length === 0 ? (
          <p class="muted">{s.none}</p>
        ) : (
          <ul class="session-list">
            {(list.data ?? []).map((p) => (
              <PasskeyItem
                key={p.id}
                passkey={p}
                onChanged={(next) =>
                  list.setData((l) => l?.map((x) => (x.id === next.id ? next : x)))
                }
                onRemoved={(id) => {
                  list.setData((l) => l?.filter((x) => x.id !== id));
                  void refreshMe();
                }}
                onStatus={setStatus}
              />
            ))}
          </ul>
        )}
      </LoadState>
      {supported ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(
              () => ({ name: name.trim().length > MAX_NAME ? s.nameRequired : undefined }),
              add,
            );
          }}
        >
          <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
          <TextField
            id={form.id('name')}
            label={s.nameLabel}
            hint={s.nameHint}
            value={name}
            onValue={setName}
            error={form.errors.name}
            maxLength={MAX_NAME}
            autoComplete="off"
          />
          <SubmitButton busy={form.busy} busyLabel={s.adding}>
            {s.add}
          </SubmitButton>
        </form>
      ) : (
        <p class="muted">{s.unsupported}</p>
      )}
    </section>
  );
}

function PasskeyItem({
  passkey,
  onChanged,
  onRemoved,
  onStatus,
}: {
  passkey: Passkey;
  onChanged: (p: Passkey) => void;
  onRemoved: (id: string) => void;
  onStatus: (text: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.passkeys;
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = `passkey-name-${passkey.id}`;

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e, t.errors));
    }
  }

  const rename = () =>
    run(async () => {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > MAX_NAME) {
        setError(s.nameRequired);
        return;
      }
      const next = await renamePasskey(passkey.id, trimmed);
      onChanged(next);
      setMode('view');
      onStatus(fillText(s.renamed, { name: next.name }));
    });

  const revoke = () =>
    run(async () => {
      await revokePasskey(passkey.id);
      onRemoved(passkey.id);
      onStatus(fillText(s.revoked, { name: passkey.name }));
    });

  return (
    <li class="session-item">
      <Icon name="lock" />
      <div class="session-body">
        <p class="session-device">{passkey.name}</p>
        <p class="muted small">
          {fillText(s.created, { when: formatDateTime(passkey.created_at, lang) })} ·{' '}
          {passkey.last_used_at === null
            ? s.neverUsed
            : fillText(s.lastUsed, { when: formatDateTime(passkey.last_used_at, lang) })}
        </p>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        {mode === 'rename' && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void rename();
            }}
          >
            <TextField
              id={inputId}
              label={s.renameLabel}
              value={name}
              onValue={setName}
              maxLength={MAX_NAME}
              autoComplete="off"
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {s.save}
              </button>
              <button type="button" class="btn btn-secondary" onClick={() => setMode('view')}>
                {s.cancel}
              </button>
            </div>
          </form>
        )}
        {mode === 'confirm' && (
          <div role="group" aria-label={s.revoke}>
            <p>{fillText(s.revokeConfirm, { name: passkey.name })}</p>
            <div class="actions">
              <button type="button" class="btn btn-danger" onClick={() => void revoke()}>
                {s.revokeYes}
              </button>
              <button type="button" class="btn btn-secondary" onClick={() => setMode('view')}>
                {s.cancel}
              </button>
            </div>
          </div>
        )}
      </div>
      {mode === 'view' && (
        <div class="actions">
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              setName(passkey.name);
              setMode('rename');
            }}
          >
            {s.rename}
            <span class="visually-hidden"> — {passkey.name}</span>
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => setMode('confirm')}>
            {s.revoke}
            <span class="visually-hidden"> — {passkey.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
