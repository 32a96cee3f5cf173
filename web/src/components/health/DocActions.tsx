// What the patient may do with one document of "Mes documents", either source: preview it in
// the page (images and PDFs), hide it from professionals or make it visible again (the plain
// explanation is the list's, `explainId`), and delete it when it is their own (with a
// confirmation), or read why a practitioner's document cannot be deleted, with hiding offered.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { deleteOwnFile, setHidden } from '../../lib/health/api';
import { fileUrl, isOwn, mimeOf, previewOf } from '../../lib/health/documents';
import type { HealthDocument } from '../../lib/health/types';
import { Icon } from '../Icon';
import type { PreviewTarget } from './PreviewDialog';

export interface DocActionsProps {
  doc: HealthDocument;
  title: string;
  /** The id of the sentence that says what hiding means (aria-describedby of the toggle). */
  explainId: string;
  onPreview: (target: PreviewTarget, opener: HTMLButtonElement) => void;
  onChanged: (doc: HealthDocument, message: string) => void;
  onDeleted: (doc: HealthDocument, message: string) => void;
}

export function DocActions({
  doc,
  title,
  explainId,
  onPreview,
  onChanged,
  onDeleted,
}: DocActionsProps) {
  const { t } = useI18n();
  const h = t.health;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const preview = previewOf(mimeOf(doc));
  const hidden = doc.hidden === true;
  const named = <span class="visually-hidden"> — {title}</span>;

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await setHidden(doc.id, !hidden);
      onChanged(
        { ...doc, ...updated, hidden: updated.hidden ?? !hidden } as HealthDocument,
        fillText(hidden ? h.shown : h.hidden, { title }),
      );
    } catch (e) {
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteOwnFile(doc.id);
      onDeleted(doc, fillText(h.deleted, { title }));
    } catch (e) {
      setError(errorText(e, t.errors));
      setBusy(false);
    }
  }

  return (
    <>
      {preview && (
        <button
          type="button"
          class="btn btn-quiet"
          onClick={(e) => onPreview({ url: fileUrl(doc), title, kind: preview }, e.currentTarget)}
          data-testid="document-preview"
        >
          <Icon name="eye" />
          {h.preview}
          {named}
        </button>
      )}
      <button
        type="button"
        class="btn btn-quiet"
        aria-describedby={explainId}
        aria-disabled={busy ? true : undefined}
        onClick={() => void toggle()}
        data-testid={hidden ? 'document-show' : 'document-hide'}
      >
        <Icon name={hidden ? 'eye' : 'lock'} />
        {hidden ? h.show : h.hide}
        {named}
      </button>
      {isOwn(doc) ? (
        !confirming && (
          <button
            ref={deleteButton}
            type="button"
            class="btn btn-quiet btn-danger-text"
            onClick={() => setConfirming(true)}
            data-testid="document-delete"
          >
            <Icon name="trash" />
            {h.delete}
            {named}
          </button>
        )
      ) : (
        <details class="why-not-delete" data-testid="why-not-delete">
          <summary>{h.whyNotDelete}</summary>
          <p>{fillText(h.notDeletable, { name: doc.practitioner.name })}</p>
        </details>
      )}
      {confirming && (
        <div class="confirm-panel" role="group" aria-labelledby={`del-${doc.id}`}>
          <p id={`del-${doc.id}`}>{fillText(h.deleteConfirm, { title })}</p>
          <div class="card-actions">
            <button
              type="button"
              class="btn btn-danger"
              aria-disabled={busy ? true : undefined}
              onClick={() => void remove()}
              data-testid="document-delete-confirm"
            >
              {h.deleteYes}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => deleteButton.current?.focus());
              }}
            >
              {h.cancel}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </>
  );
}
