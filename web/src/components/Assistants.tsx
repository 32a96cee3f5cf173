// The practitioner's assistants: the list (invited or active), an invitation by email (the
// link is valid 7 days) and removal with a confirmation. Assistants manage the agenda and
// never see clinical data; the page says so.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { checkEmail } from '../lib/account/checks';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import type { AssistantInfo } from '../lib/account/types';
import { TextField } from './forms/Field';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from './forms/Feedback';
import { useForm } from './forms/useForm';
import { useLoad } from './useLoad';
import { fetchAssistants, inviteAssistant, removeAssistant } from '../lib/practitioner/api';

export function Assistants() {
  const { t } = useI18n();
  const a = t.assistants;
  const list = useLoad((signal) => fetchAssistants(signal), []);
  const form = useForm('invite-');
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function invite() {
    setStatus(null);
    await inviteAssistant(email.trim());
    setStatus(fillText(a.invited, { email: email.trim() }));
    setEmail('');
    list.reload();
  }

  async function remove(x: AssistantInfo) {
    setRemoveError(null);
    try {
      await removeAssistant(x.id);
      setConfirming(null);
      list.setData((l) => l?.filter((y) => y.id !== x.id));
      setStatus(fillText(a.removed, { name: x.name ?? x.email }));
    } catch (e) {
      setRemoveError(errorText(e, t.errors));
    }
  }

  return (
    <section class="card panel" aria-labelledby="assistants-title">
      <h2 id="assistants-title">{a.title}</h2>
      <p class="muted">{a.lead}</p>
      <StatusMessage message={status} />
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        lines={2}
      >
        {list.data?.length === 0 ? (
          <p class="empty-note">{a.empty}</p>
        ) : (
          <ul class="plain-list">
            {(list.data ?? []).map((x) => (
              <li key={x.id} class="list-row">
                <div class="list-row-main">
                  <p class="list-row-title">{x.name ?? x.email}</p>
                  <p class="muted small">
                    {x.name ? `${x.email} · ` : ''}
                    <span
                      class={x.status === 'active' ? 'badge badge-success' : 'badge badge-warning'}
                    >
                      {a.status[x.status]}
                    </span>
                  </p>
                </div>
                {confirming === x.id ? (
                  <div
                    class="confirm-inline"
                    role="group"
                    aria-label={fillText(a.confirmRemove, { name: x.name ?? x.email })}
                  >
                    <p>{fillText(a.confirmRemove, { name: x.name ?? x.email })}</p>
                    {removeError && (
                      <p class="field-error" role="alert">
                        {removeError}
                      </p>
                    )}
                    <div class="card-actions">
                      <button type="button" class="btn btn-danger" onClick={() => void remove(x)}>
                        {a.confirmRemoveButton}
                      </button>
                      <button
                        type="button"
                        class="btn btn-quiet"
                        onClick={() => setConfirming(null)}
                      >
                        {t.form.cancel}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button
                    type="button"
                    class="btn btn-quiet"
                    onClick={() => (setConfirming(x.id), setRemoveError(null))}
                  >
                    {a.remove}
                    <span class="visually-hidden"> — {x.name ?? x.email}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <form
        class="invite-form"
        noValidate
        onSubmit={(e) => (
          e.preventDefault(),
          void form.submit(() => ({ email: checkEmail(email, t.checks) }), invite)
        )}
      >
        <h3>{a.inviteTitle}</h3>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <TextField
          id={form.id('email')}
          label={a.emailLabel}
          hint={a.emailHint}
          type="email"
          value={email}
          onValue={setEmail}
          error={form.errors.email}
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="off"
        />
        <SubmitButton busy={form.busy} variant="secondary">
          {a.invite}
        </SubmitButton>
      </form>
    </section>
  );
}
