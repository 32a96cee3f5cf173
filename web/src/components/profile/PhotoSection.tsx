// The profile editor's photo: chosen, previewed, then saved or removed on its own
// (PUT / DELETE /practitioner/photo).
import { useEffect, useRef, useState } from 'preact/hooks';
import { Avatar } from '../Directory';
import { StatusMessage } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import type { OwnProfile } from '../../lib/directory/directory';
import { errorText } from '../../lib/errors';
import { removePhoto, savePhoto } from '../../lib/practitioner/api';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX = 5 * 1024 * 1024;

export function PhotoSection({ p, onChange }: { p: OwnProfile; onChange: () => void }) {
  const { t } = useI18n();
  const e = t.profileEdit;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  function choose(f: File | undefined) {
    setStatus(null);
    setError(null);
    if (!f) return;
    if (!PHOTO_TYPES.includes(f.type)) return setError(e.photoType);
    if (f.size > PHOTO_MAX) return setError(e.photoTooBig);
    setFile(f);
    setPreview(URL.createObjectURL(f));
  }

  async function run(action: () => Promise<unknown>, done: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      setFile(null);
      setPreview(null);
      if (input.current) input.current.value = '';
      setStatus(done);
      onChange();
    } catch (err) {
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card panel photo-panel" aria-labelledby="photo-title">
      <h2 id="photo-title">{e.photoTitle}</h2>
      <div class="photo-row">
        {preview ? (
          <figure class="photo-figure">
            <img
              class="pr-avatar pr-avatar-large"
              src={preview}
              alt={e.photoPreview}
              width={128}
              height={128}
            />
            <figcaption class="muted small">{e.photoPreview}</figcaption>
          </figure>
        ) : (
          <figure class="photo-figure">
            <Avatar name={p.name} photo={p.photo_url} size="large" />
            <figcaption class="muted small">
              {p.photo_url ? e.photoCurrent : e.photoNone}
            </figcaption>
          </figure>
        )}
      </div>
      <p id="photo-hint" class="field-hint">
        {e.photoHint}
      </p>
      {error && (
        <p id="photo-error" class="field-error" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <div class="card-actions">
        {/* The native file input, hidden but focusable, behind a button-like label. */}
        <input
          ref={input}
          id="photo"
          class="file-input"
          type="file"
          accept={PHOTO_TYPES.join(',')}
          aria-describedby={error ? 'photo-hint photo-error' : 'photo-hint'}
          onChange={(ev) => choose(ev.currentTarget.files?.[0])}
        />
        <label
          for="photo"
          class={file ? 'btn btn-quiet file-label' : 'btn btn-secondary file-label'}
        >
          <Icon name="user" />
          {e.photoChoose}
        </label>
        {file && (
          <button
            type="button"
            class={busy ? 'btn btn-primary is-busy' : 'btn btn-primary'}
            aria-disabled={busy ? true : undefined}
            onClick={() => void run(() => savePhoto(file), e.photoSaved)}
          >
            {e.photoSave}
          </button>
        )}
        {file && (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => {
              setFile(null);
              setPreview(null);
              if (input.current) input.current.value = '';
            }}
          >
            {t.form.cancel}
          </button>
        )}
        {!file && p.photo_url && (
          <button
            type="button"
            class="btn btn-quiet"
            aria-disabled={busy ? true : undefined}
            onClick={() => void run(() => removePhoto(), e.photoRemoved)}
          >
            <Icon name="trash" />
            {e.photoRemove}
          </button>
        )}
      </div>
      <StatusMessage message={status} />
    </section>
  );
}
