// "Ajouter un document" (DOC6): a file by button, by drag-and-drop onto the frame, or on a phone
// by the camera; a title and a kind. The accepted types and the 5 Mo limit are said before
// choosing; the browser checks them first, then the server (which judges by content): its
// 413/415/422 answers come back in plain French next to the file. Progress while sending.
import { useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { acceptAttr, formatSize } from '../../lib/consultation/files';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { uploadOwnFile } from '../../lib/health/api';
import { checkUpload, uploadRefusal, type UploadProblem } from '../../lib/health/documents';
import { OWN_FILE_TYPES, OWN_KINDS, type OwnFile, type OwnKind } from '../../lib/health/types';
import { useFileDrop } from '../consultation/useFileDrop';
import { ErrorSummary } from '../forms/Feedback';
import { FieldMessages, SelectField, TextField } from '../forms/Field';
import { Icon } from '../Icon';

type Field = 'file' | 'title' | 'kind';

export function AddDocument({
  profile,
  profileName,
  onAdded,
  idPrefix = 'add-doc',
}: {
  profile: string;
  profileName: string | null;
  onAdded: (f: OwnFile, message: string) => void;
  idPrefix?: string;
}) {
  const { t, lang } = useI18n();
  const a = t.addDoc;
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<OwnKind | ''>('');
  const [errors, setErrors] = useState<Partial<Record<Field, UploadProblem>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = (f: string) => `${idPrefix}-${f}`;
  const accept = acceptAttr(OWN_FILE_TYPES);
  const phone = useMemo(
    () => typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches,
    [],
  );

  function take(files: FileList | null | undefined) {
    const f = files?.[0];
    if (!f) return;
    setFile(f);
    const p = checkUpload({ file: f, title: 'x', kind: 'other' }).file;
    setErrors((e) => ({ ...e, file: p }));
    // A title from the file's name, which the patient may change.
    if (!title) setTitle(f.name.replace(/\.[a-z0-9]{2,4}$/i, '').slice(0, 120));
  }
  const { dropping, handlers } = useFileDrop(take);

  const text = (p: UploadProblem | undefined) => (p ? a.problems[p] : undefined);

  async function submit(e: Event) {
    e.preventDefault();
    if (progress !== null) return;
    const found = checkUpload({ file, title, kind });
    setErrors(found);
    const fields = Object.keys(found) as Field[];
    if (fields.length > 0 || !file || !kind) {
      setSummary(text(found[fields[0]!]) ?? a.problems.other);
      setAttempt((n) => n + 1);
      return;
    }
    setSummary(null);
    setProgress(0);
    try {
      const added = await uploadOwnFile(
        profile,
        file,
        { title, kind },
        { lang, onProgress: setProgress },
      );
      onAdded(added, fillText(a.added, { title: title.trim() }));
      setFile(null);
      setTitle('');
      setKind('');
      setErrors({});
      form.current?.reset();
    } catch (err) {
      const r = uploadRefusal(err);
      // The server names what it found in the file (JavaScript, an embedded file…): say that.
      const said = r.problem === 'unsafe' && err instanceof ApiError ? err.message : '';
      const message =
        r.problem === 'other'
          ? `${a.problems.other} ${errorText(err, t.errors)}`
          : said || a.problems[r.problem];
      if (r.field) setErrors({ [r.field]: r.problem });
      setSummary(message);
      setAttempt((n) => n + 1);
    } finally {
      setProgress(null);
    }
  }

  const percent = Math.round((progress ?? 0) * 100);
  return (
    <form
      ref={form}
      class="card add-document"
      noValidate
      onSubmit={submit}
      aria-labelledby={id('title-h')}
      data-testid="add-document"
    >
      <h2 id={id('title-h')} tabIndex={-1}>
        {a.title}
      </h2>
      <p class="muted">{a.lead}</p>
      {profileName && <p class="small">{fillText(a.forProfile, { name: profileName })}</p>}
      <ErrorSummary message={summary} attempt={attempt} />
      <div
        class={`drop-zone${dropping ? ' is-dropping' : ''}${errors.file ? ' has-error' : ''}`}
        {...handlers}
        data-testid="drop-zone"
      >
        <p class="field-label" id={id('file-label')}>
          {a.file}
        </p>
        <FieldMessages id={id('file')} hint={a.fileHint} error={text(errors.file)} />
        <div class="drop-actions">
          <label class="btn btn-secondary file-button">
            <Icon name="paperclip" />
            {a.choose}
            <input
              id={id('file')}
              type="file"
              class="visually-hidden"
              accept={accept}
              aria-describedby={`${id('file')}-hint${errors.file ? ` ${id('file')}-error` : ''}`}
              aria-invalid={errors.file ? true : undefined}
              onChange={(e) => take(e.currentTarget.files)}
              data-testid="add-document-file"
            />
          </label>
          {phone && (
            <label class="btn btn-secondary file-button">
              <Icon name="video" />
              {a.camera}
              <input
                type="file"
                class="visually-hidden"
                accept="image/*"
                capture="environment"
                onChange={(e) => take(e.currentTarget.files)}
                data-testid="add-document-camera"
              />
            </label>
          )}
          <span class="muted small">{dropping ? a.dropping : a.drop}</span>
        </div>
        {file && (
          <p class="small" data-testid="add-document-chosen">
            {fillText(a.chosen, { name: file.name, size: formatSize(file.size, lang) })}
          </p>
        )}
      </div>
      <TextField
        id={id('doc-title')}
        label={a.docTitle}
        hint={a.titleHint}
        value={title}
        maxLength={120}
        onValue={setTitle}
        error={text(errors.title)}
        data-testid="add-document-title"
      />
      <SelectField
        id={id('kind')}
        label={a.kind}
        value={kind}
        onValue={(v) => setKind(v as OwnKind | '')}
        placeholder={a.kindPlaceholder}
        options={OWN_KINDS.map((k) => ({ value: k, label: t.health.ownKinds[k] }))}
        error={text(errors.kind)}
        data-testid="add-document-kind"
      />
      {progress !== null && (
        <div class="upload-progress" role="status">
          <progress max={100} value={percent} aria-label={a.progress} />
          <span>{fillText(a.sending, { percent })}</span>
        </div>
      )}
      <button
        type="submit"
        class={`btn btn-primary${progress !== null ? ' is-busy' : ''}`}
        aria-disabled={progress !== null ? true : undefined}
        data-testid="add-document-submit"
      >
        <Icon name="plus" />
        {a.submit}
      </button>
    </form>
  );
}
