// The consultation's chat: the history from `joined` and the live `chat` messages in a log
// (read aloud as they come), and a text box where Enter sends and Shift+Enter goes to the next
// line. A line is shown once the server sends it back to everyone, so what is on screen is
// what the other side got.
//
// Files (ROOM5): the paper clip, or a file dropped on the panel, sends a photo (JPEG or PNG
// unless the server accepts more, 5 MB at most, checked here first with a sentence that says
// what to do). While it goes, "Envoi de « photo.jpg »…"; then it appears in the log for
// everyone, with a thumbnail for pictures and a download link.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fetchFileBlob, uploadFile } from '../../lib/consultation/api';
import { chatTime, type ChatMessage } from '../../lib/consultation/chat';
import { formatTime } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import {
  acceptAttr,
  checkFile,
  formatSize,
  isImage,
  typeNames,
  uploadProblem,
  type SharedFile,
} from '../../lib/consultation/files';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';

const MAX_CHARS = 2000;

interface Upload {
  key: number;
  file: File;
  state: 'sending' | 'error';
  message?: string;
}

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
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dropping, setDropping] = useState(false);
  const [announce, setAnnounce] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const nextKey = useRef(0);
  const types = typeNames(fileTypes);

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

  function problemText(problem: 'empty' | 'too_big' | 'type', name: string): string {
    const tpl = problem === 'too_big' ? fx.tooBig : problem === 'type' ? fx.badType : fx.empty;
    return fillText(tpl, { name, types });
  }

  async function upload(file: File, key = ++nextKey.current) {
    setUploads((u) => [...u.filter((x) => x.key !== key), { key, file, state: 'sending' }]);
    try {
      const f = await uploadFile(consultation, file);
      setUploads((u) => u.filter((x) => x.key !== key));
      onUploaded(f);
      setAnnounce(fillText(fx.sent, { name: file.name }));
      const el = list.current;
      if (el) el.scrollTop = el.scrollHeight;
    } catch (err) {
      const problem = uploadProblem(err);
      const message =
        problem === 'other'
          ? `${fillText(fx.failed, { name: file.name })} ${errorText(err, t.errors)}`
          : problemText(problem, file.name);
      setUploads((u) => u.map((x) => (x.key === key ? { ...x, state: 'error', message } : x)));
    }
  }

  function take(files: FileList | null | undefined) {
    if (!files || files.length === 0) return;
    setFileError(null);
    for (const file of Array.from(files)) {
      const problem = checkFile(file, fileTypes);
      if (problem) {
        setFileError(problemText(problem, file.name));
        continue;
      }
      void upload(file);
    }
  }

  const isFileDrag = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

  return (
    <section
      class={dropping ? 'chat-panel is-dropping' : 'chat-panel'}
      aria-labelledby="chat-title"
      data-testid="chat-panel"
      data-dropping={dropping ? 'true' : undefined}
      onDragEnter={(e) => {
        if (!isFileDrag(e)) return;
        e.preventDefault();
        dragDepth.current += 1;
        setDropping(true);
      }}
      onDragOver={(e) => {
        if (!isFileDrag(e)) return;
        // Without this the browser opens the file instead of giving it to us.
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!isFileDrag(e)) return;
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDropping(false);
      }}
      onDrop={(e) => {
        if (!isFileDrag(e)) return;
        e.preventDefault();
        dragDepth.current = 0;
        setDropping(false);
        take(e.dataTransfer?.files);
      }}
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

      <ul class="chat-uploads" aria-live="polite">
        {uploads.map((u) => (
          <li
            key={u.key}
            class={`chat-upload is-${u.state}`}
            data-testid="chat-upload"
            data-state={u.state}
          >
            {u.state === 'sending' ? (
              <>
                <span class="upload-spinner" aria-hidden="true" />
                <span>{fillText(fx.sending, { name: u.file.name })}</span>
              </>
            ) : (
              <>
                <Icon name="alert" />
                <span>{u.message}</span>
                <span class="upload-actions">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void upload(u.file, u.key)}
                  >
                    {fx.retry}
                  </button>
                  <button
                    type="button"
                    class="btn btn-quiet"
                    onClick={() => setUploads((l) => l.filter((x) => x.key !== u.key))}
                  >
                    {fx.dismiss}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p class="visually-hidden" role="status">
        {announce}
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
              take(e.currentTarget.files);
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
            {fillText(fx.attachHint, { types })}
          </p>
        </div>
        {error && (
          <p id="chat-error" class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
        {fileError && (
          <p class="field-error" role="alert" data-testid="chat-file-error">
            <Icon name="alert" />
            <span>{fileError}</span>
          </p>
        )}
      </form>
    </section>
  );
}

/** A shared file in the log: a thumbnail for a picture, and the link that downloads it. */
function FileLine({ file }: { file: SharedFile }) {
  const { t, lang } = useI18n();
  const fx = t.files;
  return (
    <div class="chat-file-body">
      {isImage(file) && <Thumbnail file={file} />}
      <a
        class="chat-file-link"
        href={file.url}
        download={file.name}
        data-testid="chat-file-download"
      >
        <Icon name={isImage(file) ? 'download' : 'file'} />
        <span>
          <span class="visually-hidden">{fx.download} </span>
          <span class="chat-file-name">{file.name}</span>{' '}
          <span class="chat-file-size">({formatSize(file.size, lang)})</span>
        </span>
      </a>
    </div>
  );
}

/**
 * The picture, fetched with the cookie and shown from an object URL that is revoked when the
 * line goes: the bytes stay in this page only, never in the browser's image cache.
 */
function Thumbnail({ file }: { file: SharedFile }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const ctl = new AbortController();
    let made: string | null = null;
    setFailed(false);
    fetchFileBlob(file.url, ctl.signal).then(
      (blob) => {
        if (ctl.signal.aborted) return;
        made = URL.createObjectURL(blob);
        setSrc(made);
      },
      () => {
        if (!ctl.signal.aborted) setFailed(true);
      },
    );
    return () => {
      ctl.abort();
      if (made) URL.revokeObjectURL(made);
      setSrc(null);
    };
  }, [file.url]);
  if (failed) return <p class="chat-file-nopreview">{t.files.previewFailed}</p>;
  if (!src) return <span class="chat-file-thumb is-loading" aria-hidden="true" />;
  return (
    <img
      class="chat-file-thumb"
      src={src}
      alt={fillText(t.files.preview, { name: file.name })}
      data-testid="chat-file-image"
    />
  );
}
