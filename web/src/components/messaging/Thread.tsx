// One conversation (docs/messaging.md): its messages oldest first in a log that is read aloud
// as answers arrive live (watch_messages), each with its files to download; the answer box
// with one optional file (progress while it goes); for the practitioner, "Clore la
// conversation" with a confirmation. Reading it marks it read (GET), also for what arrives
// while it is open.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatSize } from '../../lib/consultation/files';
import { formatDateTime } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  closeConversation,
  fetchConversation,
  sendAttachment,
  sendMessage,
} from '../../lib/messaging/api';
import { MESSAGE_MAX, addMessage, messagingRefusal } from '../../lib/messaging/messaging';
import type { Conversation, Message } from '../../lib/messaging/types';
import { ErrorSummary, StatusMessage } from '../forms/Feedback';
import { TextareaField } from '../forms/Field';
import { Icon } from '../Icon';
import { AttachmentPicker } from './AttachmentPicker';
import { useLiveMessages } from './useUnread';

export function Thread({ initial, staff }: { initial: Conversation; staff: boolean }) {
  const { t, lang } = useI18n();
  const m = t.messages;
  const th = m.thread;
  const [conv, setConv] = useState(initial);
  const [messages, setMessages] = useState<Message[]>(initial.messages ?? []);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const log = useRef<HTMLDivElement>(null);

  const reread = () =>
    fetchConversation(conv.id).then(
      (c) => {
        setConv(c);
        setMessages((old) => (c.messages ?? []).reduce(addMessage, old));
      },
      () => undefined,
    );
  const live = useLiveMessages((id, msg) => {
    if (id !== conv.id) return;
    setMessages((old) => addMessage(old, msg));
    if (!msg.mine) {
      setAnnounce(fillText(th.newLive, { name: msg.from.name }));
      // Read while open: the GET marks it read, and the unread count follows.
      void reread();
    }
  }, reread);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  const fail = (err: unknown) => {
    const r = messagingRefusal(err);
    setSummary(r ? m.refusals[r] : errorText(err, t.errors));
    setAttempt((n) => n + 1);
    if (r === 'conversation_closed') setConv((c) => ({ ...c, status: 'closed' }));
  };

  async function send(e: Event) {
    e.preventDefault();
    if (progress !== null) return;
    if (!text.trim() && !file) {
      setSummary(m.problems.required);
      setAttempt((n) => n + 1);
      return;
    }
    setSummary(null);
    setProgress(0);
    try {
      const sent = file
        ? await sendAttachment(conv.id, file, text, { lang, onProgress: setProgress })
        : await sendMessage(conv.id, text.trim());
      setMessages((old) => addMessage(old, sent));
      setText('');
      setFile(null);
    } catch (err) {
      fail(err);
    } finally {
      setProgress(null);
    }
  }

  async function close() {
    try {
      setConv(await closeConversation(conv.id));
      setAnnounce(t.staffMessages.closed);
    } catch (err) {
      fail(err);
    }
    setConfirmClose(false);
  }

  const open = conv.status === 'open';
  return (
    <div class="thread" data-testid="thread" data-status={conv.status}>
      <p class="thread-meta">
        <strong>{m.reasons[conv.reason] ?? conv.reason}</strong> ·{' '}
        {staff
          ? fillText(t.staffMessages.patient, { name: conv.profile.name })
          : `${fillText(m.with, { name: conv.practitioner.name })} · ${fillText(m.forProfile, { name: conv.profile.name })}`}
      </p>
      {!live && (
        <p class="notice notice-warning" role="status">
          <Icon name="reconnect" />
          <span>{m.paused}</span>
        </p>
      )}
      <StatusMessage message={announce} tone="info" />
      <div
        ref={log}
        class="thread-log"
        // A scrolling region must take the focus for keyboard users to scroll it (axe's
        // scrollable-region-focusable); the rule knows only widgets as focusable.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="log"
        aria-label={th.log}
        data-testid="thread-log"
      >
        <ol class="thread-list">
          {messages.map((msg) => (
            <li
              key={msg.id}
              class={msg.mine ? 'thread-message is-mine' : 'thread-message'}
              data-testid="thread-message"
            >
              <p class="thread-from small">
                <strong>{msg.mine ? th.you : msg.from.name}</strong>
                <span class="muted"> · {formatDateTime(msg.created_at, lang)}</span>
                {msg.mine && msg.read_at && <span class="muted"> · {th.read}</span>}
              </p>
              {msg.text && <p class="thread-text">{msg.text}</p>}
              {msg.attachments.map((a) => (
                <p key={a.id} class="thread-file">
                  <a
                    href={a.url}
                    download={a.name}
                    class="btn btn-quiet btn-small"
                    data-testid="thread-attachment"
                  >
                    <Icon name="download" />
                    {fillText(th.download, { name: a.name })}
                    <span class="muted"> ({formatSize(a.size, lang)})</span>
                  </a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      </div>
      {open ? (
        <form class="thread-reply" noValidate onSubmit={send} data-testid="thread-reply">
          <ErrorSummary message={summary} attempt={attempt} />
          <TextareaField
            id="reply"
            label={th.reply}
            rows={4}
            maxLength={MESSAGE_MAX}
            value={text}
            onValue={setText}
            data-testid="reply-text"
          />
          <AttachmentPicker id="reply-file" file={file} onFile={setFile} />
          {progress !== null && file && (
            <p class="upload-progress" role="status">
              <progress
                max={100}
                value={Math.round(progress * 100)}
                aria-label={t.addDoc.progress}
              />
              <span>{fillText(th.sendingFile, { percent: Math.round(progress * 100) })}</span>
            </p>
          )}
          <div class="card-actions">
            <button
              type="submit"
              class={`btn btn-primary${progress !== null ? ' is-busy' : ''}`}
              aria-disabled={progress !== null ? true : undefined}
              data-testid="reply-send"
            >
              <Icon name="send" />
              {th.send}
            </button>
            {staff && !confirmClose && (
              <button
                type="button"
                class="btn btn-quiet"
                onClick={() => setConfirmClose(true)}
                data-testid="close-conversation"
              >
                {t.staffMessages.closeConversation}
              </button>
            )}
          </div>
          {confirmClose && (
            <div class="confirm-panel" role="group" aria-labelledby="close-confirm">
              <p id="close-confirm">{t.staffMessages.closeConfirm}</p>
              <div class="card-actions">
                <button
                  type="button"
                  class="btn btn-danger"
                  onClick={() => void close()}
                  data-testid="close-confirm"
                >
                  {t.staffMessages.closeYes}
                </button>
                <button
                  type="button"
                  class="btn btn-secondary"
                  onClick={() => setConfirmClose(false)}
                >
                  {t.health.cancel}
                </button>
              </div>
            </div>
          )}
        </form>
      ) : (
        <>
          <ErrorSummary message={summary} attempt={attempt} />
          <p class="notice notice-info" data-testid="thread-closed">
            <Icon name="lock" />
            <span>{th.closedNote}</span>
          </p>
        </>
      )}
    </div>
  );
}
