// The consultation's chat: the history from `joined` and the live `chat` messages in a log
// (read aloud as they come), and a text box where Enter sends and Shift+Enter goes to the next
// line. A line is shown once the server sends it back to everyone, so what is on screen is
// what the other side got.
//
// Files (ROOM5): the paper clip, or a file dropped on the panel, sends a photo (JPEG or PNG
// unless the server accepts more, 5 MB at most, checked here first with a sentence that says
// what to do). While it goes, "Envoi de « photo.jpg »…"; then it appears in the log for
// everyone, with a thumbnail for pictures and a download link.
// The uploads: ChatUploads.tsx; a dropped file: useFileDrop.ts; a file in the log: ChatFile.tsx.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { chatTime, type ChatMessage } from '../../lib/consultation/chat';
import { acceptAttr, type SharedFile } from '../../lib/consultation/files';
import { formatTime } from '../../lib/dates';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';
import { FileLine } from './ChatFile';
import { ChatUploadList, useChatUploads } from './ChatUploads';
import { useFileDrop } from './useFileDrop';

const MAX_CHARS = 2000;

export interface ChatPanelProps {
  consultation: string;
  messages: ChatMessage[];
  mine: (from: string) => boolean;
  onSend: (text: string) => boolean;
  onUploaded: (f: SharedFile) => void;
  fileTypes: readonly string[];
}

export function ChatPanel({
  consultation,
  messages,
  mine,
  onSend,
  onUploaded,
  fileTypes,
}: ChatPanelProps) {
  const { t, lang } = useI18n();
  const c = t.chat;
  const fx = t.files;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const files = useChatUploads({
    consultation,
    fileTypes,
    onUploaded,
    onSent: () => {
      const el = list.current;
      if (el) el.scrollTop = el.scrollHeight;
    },
  });
  const { dropping, handlers: drop } = useFileDrop(files.take);

  // Follow the conversation, unless the reader scrolled up to read an older line.
  const count = messages.length;
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 120)
      el.scrollTop = el.scrollHeight;
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
    <section
      class={dropping ? 'chat-panel is-dropping' : 'chat-panel'}
      aria-labelledby="chat-title"
      data-testid="chat-panel"
      data-dropping={dropping ? 'true' : undefined}
      {...drop}
    >
      <h2 id="chat-title" class="chat-title">
        <Icon name="message" />
        {c.title}
      </h2>
      {dropping && (
        <p class="chat-drop" aria-hidden="true">
          <Icon name="download" />
          {fx.drop}
        </p>
      )}
      {/* Focusable so that keyboard users can scroll it. */}
      <div
        ref={list}
        class="chat-list"
        role="log"
        aria-live="polite"
        aria-label={c.log}
        // A scrolling region must take the focus for keyboard users to scroll it (axe's
        // scrollable-region-focusable); the rule knows only widgets as focusable.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <ol>
          {messages.map((m) => {
            // The server says, per recipient, whether a line is ours; our ids are the fallback.
            const own = m.mine ?? m.file?.mine ?? mine(m.from);
            const at = chatTime(m.at);
            const meta = (
              <p class="chat-meta">
                <span class="chat-author">
                  {own ? c.you : m.name ? `${m.name} (${c.roles[m.role]})` : c.roles[m.role]}
                </span>
                {at && <time dateTime={at.toISOString()}>{formatTime(at, lang)}</time>}
              </p>
            );
            if (m.file)
              return (
                <li
                  key={m.id}
                  class={own ? 'chat-message chat-file is-mine' : 'chat-message chat-file'}
                  data-testid="chat-file"
                  data-mime={m.file.mime}
                >
                  {meta}
                  <FileLine file={m.file} />
                </li>
              );
            return (
              <li
                key={m.id}
                class={own ? 'chat-message is-mine' : 'chat-message'}
                data-testid="chat-message"
              >
                {meta}
                <p class="chat-text">{m.text}</p>
              </li>
            );
          })}
        </ol>
      </div>
      {messages.length === 0 && <p class="chat-empty">{c.empty}</p>}

      <ChatUploadList uploads={files.uploads} onRetry={files.retry} onDismiss={files.dismiss} />
      <p class="visually-hidden" role="status">
        {files.announce}
      </p>

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
          <input
            ref={fileInput}
            type="file"
            hidden
            accept={acceptAttr(fileTypes)}
            aria-label={fx.input}
            onChange={(e) => {
              files.take(e.currentTarget.files);
              // The same file may be chosen again (after a refusal, or to send it twice).
              e.currentTarget.value = '';
            }}
            data-testid="chat-file-input"
          />
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
        <div class="chat-attach-row">
          <button
            type="button"
            class="btn btn-quiet chat-attach"
            onClick={() => fileInput.current?.click()}
            aria-describedby="chat-file-hint"
            data-testid="chat-attach"
          >
            <Icon name="paperclip" />
            {fx.attach}
          </button>
          <p id="chat-file-hint" class="field-hint chat-file-hint">
            {fillText(fx.attachHint, { types: files.types })}
          </p>
        </div>
        {error && (
          <p id="chat-error" class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
        {files.fileError && (
          <p class="field-error" role="alert" data-testid="chat-file-error">
            <Icon name="alert" />
            <span>{files.fileError}</span>
          </p>
        )}
      </form>
    </section>
  );
}
