// /praticien/messages — the patients' messages (docs/messaging.md): for the practitioner, the
// setting (receive messages; let assistants see that conversations exist) explained plainly,
// and the conversations, live; for an assistant, only that conversations exist (patient,
// reason, date, unread) when the practitioner allows it — never their content.
import { useState } from 'preact/hooks';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { CheckboxField } from '../components/forms/Field';
import { Icon } from '../components/Icon';
import { ConversationList } from '../components/messaging/ConversationList';
import { useLiveMessages } from '../components/messaging/useUnread';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import type { Me } from '../lib/account/types';
import { ApiError } from '../lib/api';
import { errorText } from '../lib/errors';
import {
  fetchConversations,
  fetchMessagingSetting,
  saveMessagingSetting,
} from '../lib/messaging/api';
import { bumpConversation } from '../lib/messaging/messaging';
import type { MessagingSetting } from '../lib/messaging/types';

export function PractitionerMessagesPage() {
  const { t } = useI18n();
  return (
    <PractitionerLayout title={t.staffMessages.title} lead={t.staffMessages.lead}>
      {(me) => (me.account.role === 'practitioner' ? <Own /> : <AssistantView me={me} />)}
    </PractitionerLayout>
  );
}

function Own() {
  const { t } = useI18n();
  const list = useLoad((s) => fetchConversations(s), []);
  const live = useLiveMessages(
    (id, msg) => list.setData((old) => (old ? bumpConversation(old, id, msg, null) : old)),
    list.reload,
  );
  return (
    <div class="messages-page staff-messages">
      <Settings />
      {!live && (
        <p class="notice notice-warning" role="status">
          <Icon name="reconnect" />
          <span>{t.messages.paused}</span>
        </p>
      )}
      <h2>{t.messages.list}</h2>
      <LoadState
        loading={list.loading && !list.data}
        error={list.data ? null : list.error}
        onRetry={list.reload}
        lines={4}
      >
        <ConversationList items={list.data ?? []} side="staff" />
      </LoadState>
    </div>
  );
}

function Settings() {
  const { t } = useI18n();
  const s = t.staffMessages;
  const setting = useLoad((sig) => fetchMessagingSetting(sig), []);
  const [v, setV] = useState<MessagingSetting | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cur = v ?? setting.data ?? null;

  async function save(e: Event) {
    e.preventDefault();
    if (!cur || busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setV(await saveMessagingSetting(cur));
      setStatus(s.saved);
    } catch (err) {
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card messaging-settings" aria-labelledby="messaging-settings-title">
      <h2 id="messaging-settings-title">{s.settings}</h2>
      <LoadState loading={setting.loading} error={setting.error} onRetry={setting.reload}>
        {cur && (
          <form noValidate onSubmit={save} data-testid="messaging-settings">
            {!cur.enabled && (
              <p class="notice notice-info">
                <Icon name="bell" />
                <span>{s.off}</span>
              </p>
            )}
            <CheckboxField
              id="msg-enabled"
              label={s.enabled}
              hint={s.enabledHint}
              checked={cur.enabled}
              onChecked={(enabled) => setV({ ...cur, enabled })}
            />
            <CheckboxField
              id="msg-assistants"
              label={s.assistants}
              hint={s.assistantsHint}
              checked={cur.assistants_see_conversations}
              onChecked={(a) => setV({ ...cur, assistants_see_conversations: a })}
            />
            {error && (
              <p class="field-error" role="alert">
                <Icon name="alert" />
                <span>{error}</span>
              </p>
            )}
            <button
              type="submit"
              class={`btn btn-primary${busy ? ' is-busy' : ''}`}
              aria-disabled={busy ? true : undefined}
              data-testid="messaging-save"
            >
              {s.save}
            </button>
            <StatusMessage message={status} />
          </form>
        )}
      </LoadState>
    </section>
  );
}

function AssistantView({ me }: { me: Me }) {
  const { t } = useI18n();
  const s = t.staffMessages;
  const list = useLoad((sig) => fetchConversations(sig), [me.account.id]);
  const refused = list.failure instanceof ApiError && [403, 404].includes(list.failure.status);
  return (
    <div class="messages-page">
      <p class="notice notice-info">
        <Icon name="lock" />
        <span>{s.assistantNote}</span>
      </p>
      {refused ? (
        <p class="muted" data-testid="assistant-none">
          {s.assistantNone}
        </p>
      ) : (
        <LoadState
          loading={list.loading && !list.data}
          error={list.data ? null : list.error}
          onRetry={list.reload}
          lines={4}
        >
          <ConversationList items={list.data ?? []} side="staff" link={false} />
        </LoadState>
      )}
    </div>
  );
}
