// Files sent from the chat (ROOM5): each file checked here first (type, 5 MB at most, with a
// sentence that says what to do), then sent; while it goes, "Envoi de « photo.jpg »…", and on a
// failure the reason with "Réessayer" and "Ignorer". A sent file reaches the log through the
// room, like a line of text.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { uploadFile } from '../../lib/consultation/api';
import { checkFile, typeNames, uploadProblem, type SharedFile } from '../../lib/consultation/files';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';

export interface Upload {
  key: number;
  file: File;
  state: 'sending' | 'error';
  message?: string;
}

/** The files being sent, and what to do with the ones chosen or dropped. */
export function useChatUploads({
  consultation,
  fileTypes,
  onUploaded,
  onSent,
}: {
  consultation: string;
  fileTypes: readonly string[];
  onUploaded: (f: SharedFile) => void;
  /** After a file is sent and announced (the panel scrolls to the end). */
  onSent: () => void;
}) {
  const { t } = useI18n();
  const fx = t.files;
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [announce, setAnnounce] = useState('');
  const nextKey = useRef(0);
  const types = typeNames(fileTypes);

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
      onSent();
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

  return {
    uploads,
    fileError,
    announce,
    types,
    take,
    retry: (u: Upload) => void upload(u.file, u.key),
    dismiss: (u: Upload) => setUploads((l) => l.filter((x) => x.key !== u.key)),
  };
}

/** The files being sent, or that failed. */
export function ChatUploadList({
  uploads,
  onRetry,
  onDismiss,
}: {
  uploads: Upload[];
  onRetry: (u: Upload) => void;
  onDismiss: (u: Upload) => void;
}) {
  const { t } = useI18n();
  const fx = t.files;
  return (
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
                <button type="button" class="btn btn-secondary" onClick={() => onRetry(u)}>
                  {fx.retry}
                </button>
                <button type="button" class="btn btn-quiet" onClick={() => onDismiss(u)}>
                  {fx.dismiss}
                </button>
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
