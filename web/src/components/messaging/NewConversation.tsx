// "Nouveau message" (docs/messaging.md): the practitioner (those the account consulted; one who
// does not receive messages says so), for whom (a profile of the account), the reason, the
// message and an optional file. The refusals (no consultation with that practitioner yet,
// messaging closed) are explained at the practitioner's field. Once sent, the thread opens.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fullName } from '../../lib/account/session';
import type { Me } from '../../lib/account/types';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  fetchMessagingPractitioners,
  sendAttachment,
  startConversation,
} from '../../lib/messaging/api';
import {
  MESSAGE_MAX,
  checkNewConversation,
  messagingRefusal,
  type NewConversationDraft,
} from '../../lib/messaging/messaging';
import { REASONS, type Reason } from '../../lib/messaging/types';
import { threadPath } from '../../lib/routes';
import { ErrorSummary, LoadState } from '../forms/Feedback';
import { SelectField, TextareaField } from '../forms/Field';
import { useLoad } from '../useLoad';
import { AttachmentPicker } from './AttachmentPicker';

export function NewConversation({ me, onCancel }: { me: Me; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const m = t.messages;
  const f = m.form;
  const { route } = useLocation();
  const practitioners = useLoad((s) => fetchMessagingPractitioners(s), []);
  const [d, setD] = useState<NewConversationDraft>({
    practitioner: '',
    profile: me.current_profile,
    reason: '',
    message: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof NewConversationDraft, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const list = practitioners.data ?? [];
  const chosen = list.find((p) => p.id === d.practitioner);

  const fail = (text: string, field?: keyof NewConversationDraft) => {
    setErrors(field ? { [field]: text } : {});
    setSummary(text);
    setAttempt((n) => n + 1);
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = checkNewConversation(d, list);
    const entries = Object.entries(found) as Array<
      [keyof NewConversationDraft, keyof typeof m.problems]
    >;
    if (entries.length) {
      setErrors(Object.fromEntries(entries.map(([k, v]) => [k, m.problems[v]])));
      setSummary(m.problems[entries[0]![1]]);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const c = await startConversation({
        practitioner_id: d.practitioner,
        profile_id: d.profile,
        reason: d.reason as Reason,
        message: d.message.trim(),
      });
      // The file goes as a second message: the thread shows it even if it is refused.
      if (file) await sendAttachment(c.id, file, '', { lang }).catch(() => undefined);
      route(threadPath(c.id));
    } catch (err) {
      const r = messagingRefusal(err);
      if (r === 'no_prior_consultation' || r === 'messaging_closed')
        fail(m.refusals[r], 'practitioner');
      else fail(r ? m.refusals[r] : errorText(err, t.errors));
      setBusy(false);
    }
  }

  return (
    <form
      class="card new-conversation"
      noValidate
      onSubmit={submit}
      aria-labelledby="new-conv-title"
      data-testid="new-conversation"
    >
      <h2 id="new-conv-title" tabIndex={-1}>
        {f.title}
      </h2>
      <ErrorSummary message={summary} attempt={attempt} />
      <LoadState
        loading={practitioners.loading}
        error={practitioners.error}
        onRetry={practitioners.reload}
      >
        {list.length === 0 ? (
          <p class="muted" data-testid="no-practitioners">
            {m.noPractitioners}
          </p>
        ) : (
          <SelectField
            id="nc-practitioner"
            label={f.practitioner}
            hint={f.practitionerHint}
            value={d.practitioner}
            onValue={(practitioner) => {
              setD({ ...d, practitioner });
              const p = list.find((x) => x.id === practitioner);
              setErrors((e) => ({
                ...e,
                practitioner: p && !p.open ? m.problems.closed : undefined,
              }));
            }}
            placeholder={f.choose}
            options={list.map((p) => ({
              value: p.id,
              label: p.open ? `${p.name} · ${p.specialty}` : fillText(f.notOpen, { name: p.name }),
            }))}
            error={errors.practitioner}
            data-testid="nc-practitioner"
          />
        )}
      </LoadState>
      <SelectField
        id="nc-profile"
        label={f.profile}
        value={d.profile}
        onValue={(profile) => setD({ ...d, profile })}
        options={me.profiles.map((p) => ({ value: p.id, label: fullName(p) }))}
        error={errors.profile}
        data-testid="nc-profile"
      />
      <SelectField
        id="nc-reason"
        label={f.reason}
        value={d.reason}
        onValue={(reason) => setD({ ...d, reason: reason as Reason | '' })}
        placeholder={f.choose}
        options={REASONS.map((r) => ({ value: r, label: m.reasons[r] }))}
        error={errors.reason}
        data-testid="nc-reason"
      />
      <TextareaField
        id="nc-message"
        label={f.message}
        hint={f.messageHint}
        rows={6}
        maxLength={MESSAGE_MAX}
        value={d.message}
        onValue={(message) => setD({ ...d, message })}
        error={errors.message}
        data-testid="nc-message"
      />
      <AttachmentPicker id="nc-file" file={file} onFile={setFile} />
      <div class="card-actions">
        <button
          type="submit"
          class={`btn btn-primary${busy ? ' is-busy' : ''}`}
          aria-disabled={busy || (chosen && !chosen.open) ? true : undefined}
          data-testid="nc-send"
        >
          {busy ? f.sending : f.send}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
