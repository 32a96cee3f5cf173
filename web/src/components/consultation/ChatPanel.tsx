// The consultation's chat: the history from `joined` and the live `chat` messages in a log
// (read aloud as they come), and a text box where Enter sends and Shift+Enter goes to the next
// line. Text only. A line is shown once the server sends it back to everyone, so what is on
// screen is what the other side got.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { chatTime, type ChatMessage } from '../../lib/consultation';
import { formatTime } from '../../lib/dates';
import { Icon } from '../Icon';

const MAX_CHARS = 2000;

export function ChatPanel({ messages, mine, onSend }: { messages: ChatMessage[]; mine: (from: string) => boolean; onSend: (text: string) => boolean }) {
  const { t, lang } = useI18n();
  const c = t.chat;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  // Follow the conversation, unless the reader scrolled up to read an older line.
  const count = messages.length;
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
  }, [count]);

  function send() {
    // The box itself, not the state: Enter can come before the last keystroke's re-render.
    const value = (input.current?.value ?? text).trim();
    if (!value) return;
    if (value.length > MAX_CHARS) {
      setError(c.tooLong);
      return;
    }
    if (!onSend(value)) {
      setError(c.notSent);
      return;
    }
    setError(null);
    setText('');
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }

  return (
    <section class="chat-panel" aria-labelledby="chat-title">
      <h2 id="chat-title" class="chat-title">
        <Icon name="message" />
        {c.title}
      </h2>
      {/* Focusable so that keyboard users can scroll it. */}
      <div ref={list} class="chat-list" role="log" aria-live="polite" aria-label={c.log} tabIndex={0}>
        <ol>
          {messages.map((m) => {
            // The server says, per recipient, whether a line is ours; our ids are the fallback.
            const own = m.mine ?? mine(m.from);
            const at = chatTime(m.at);
            return (
              <li key={m.id} class={own ? 'chat-message is-mine' : 'chat-message'} data-testid="chat-message">
                <p class="chat-meta">
                  <span class="chat-author">{own ? c.you : `${m.name} (${c.roles[m.role]})`}</span>
                  {at && <time dateTime={at.toISOString()}>{formatTime(at, lang)}</time>}
                </p>
                <p class="chat-text">{m.text}</p>
              </li>
            );
          })}
        </ol>
      </div>
      {messages.length === 0 && <p class="chat-empty">{c.empty}</p>}
      <form
        class="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label for="chat-input" class="field-label">
          {c.label}
        </label>
        <p id="chat-hint" class="field-hint">
          {c.hint}
        </p>
        <div class="chat-compose">
          <textarea
            ref={input}
            id="chat-input"
            class="input chat-input"
            rows={2}
            maxLength={MAX_CHARS}
            value={text}
            aria-describedby={error ? 'chat-hint chat-error' : 'chat-hint'}
            aria-invalid={error ? true : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter sends; Shift+Enter, and Enter while composing (accents on some keyboards), do not.
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                send();
              }
            }}
            data-testid="chat-input"
          />
          <button type="submit" class="btn btn-primary" data-testid="chat-send">
            <Icon name="send" />
            {c.send}
          </button>
        </div>
        {error && (
          <p id="chat-error" class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
      </form>
    </section>
  );
}
