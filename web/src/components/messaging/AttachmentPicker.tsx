// One file for a message: "Joindre un fichier" (or a file dropped on the frame), checked here
// first (the same types and 5 Mo as the health space's own files), shown with its size and a
// way to remove it before sending.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { acceptAttr, checkFile, formatSize } from '../../lib/consultation/files';
import { fillText } from '../../lib/format';
import { OWN_FILE_TYPES } from '../../lib/health/types';
import { useFileDrop } from '../consultation/useFileDrop';
import { FieldMessages } from '../forms/Field';
import { Icon } from '../Icon';

export function AttachmentPicker({
  id,
  file,
  onFile,
}: {
  id: string;
  file: File | null;
  onFile: (f: File | null) => void;
}) {
  const { t, lang } = useI18n();
  const th = t.messages.thread;
  const [error, setError] = useState<string | undefined>(undefined);
  function take(files: FileList | null | undefined) {
    const f = files?.[0];
    if (!f) return;
    const p = checkFile(f, OWN_FILE_TYPES);
    setError(p ? t.addDoc.problems[p] : undefined);
    onFile(p ? null : f);
  }
  const { dropping, handlers } = useFileDrop(take);
  return (
    <div class={`drop-zone attachment-picker${dropping ? ' is-dropping' : ''}`} {...handlers}>
      <FieldMessages id={id} hint={th.attachHint} error={error} />
      {file ? (
        <p class="attachment-chosen" data-testid="attachment-chosen">
          <Icon name="paperclip" />
          <span>
            {fillText(th.fileChosen, { name: file.name, size: formatSize(file.size, lang) })}
          </span>
          <button type="button" class="btn btn-quiet btn-small" onClick={() => onFile(null)}>
            <Icon name="close" />
            {th.removeFile}
          </button>
        </p>
      ) : (
        <label class="btn btn-secondary file-button">
          <Icon name="paperclip" />
          {th.attach}
          <input
            id={id}
            type="file"
            class="visually-hidden"
            accept={acceptAttr(OWN_FILE_TYPES)}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              take(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
            data-testid="attachment-input"
          />
        </label>
      )}
    </div>
  );
}
