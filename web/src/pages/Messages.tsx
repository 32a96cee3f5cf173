// /messages — "Contacter mon praticien" (MSG1, docs/messaging.md; shared/UX.md patient screen
// 9): the account's conversations with their unread counts, live; "Nouveau message"; and, on
// every screen, that this is not for emergencies (15, 112, 114).
import { useEffect, useRef, useState } from 'preact/hooks';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { ConversationList } from '../components/messaging/ConversationList';
import { EmergencyNotice } from '../components/messaging/EmergencyNotice';
import { NewConversation } from '../components/messaging/NewConversation';
import { useLiveMessages } from '../components/messaging/useUnread';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import type { Me } from '../lib/account/types';
import { fetchConversations } from '../lib/messaging/api';
import { bumpConversation } from '../lib/messaging/messaging';

export function MessagesPage() {
  const { t } = useI18n();
  return (
    <RequireAuth title={t.messages.title} roles={['patient']}>
      {(me) => <Messages me={me} />}
    </RequireAuth>
  );
}

function Messages({ me }: { me: Me }) {
  const { t } = useI18n();
  const m = t.messages;
  const list = useLoad((s) => fetchConversations(s), []);
  const [writing, setWriting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const live = useLiveMessages(
    (id, msg) => list.setData((old) => (old ? bumpConversation(old, id, msg, null) : old)),
    list.reload,
  );
  useEffect(() => {
    if (writing) document.getElementById('new-conv-title')?.focus();
  }, [writing]);

  return (
    <>
      <PageIntro title={m.title} lead={m.lead} />
      <div class="container narrow messages-page">
        <EmergencyNotice />
        {!writing && (
          <p>
            <button
              ref={newButton}
              type="button"
              class="btn btn-primary"
              onClick={() => setWriting(true)}
              data-testid="new-message"
            >
              <Icon name="plus" />
              {m.new}
            </button>
          </p>
        )}
        {writing && (
          <NewConversation
            me={me}
            onCancel={() => {
              setWriting(false);
              queueMicrotask(() => newButton.current?.focus());
            }}
          />
        )}
        {!live && (
          <p class="notice notice-warning" role="status">
            <Icon name="reconnect" />
            <span>{m.paused}</span>
          </p>
        )}
        <h2>{m.list}</h2>
        <LoadState
          loading={list.loading && !list.data}
          error={list.data ? null : list.error}
          onRetry={list.reload}
          lines={4}
        >
          <ConversationList items={list.data ?? []} side="patient" />
        </LoadState>
      </div>
    </>
  );
}
