// "Aperçu": an image or a PDF shown in the page, in a dialog over "Mes documents" (the document
// stays the context; Escape or "Fermer" closes it and focus goes back to the button that opened
// it). PDFs are drawn page by page on a canvas (pdfRender.ts); if that fails, the dialog says so
// and offers the document in a new tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import type { Preview } from '../../lib/health/documents';
import { Icon } from '../Icon';
import { drawPage, openPdf } from './pdfRender';

export interface PreviewTarget {
  url: string;
  title: string;
  kind: Exclude<Preview, null>;
}

export function PreviewDialog({ target, onClose }: { target: PreviewTarget; onClose: () => void }) {
  const { t } = useI18n();
  const h = t.health;
  const dialog = useRef<HTMLDialogElement>(null);
  const title = fillText(h.previewTitle, { title: target.title });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="dialog preview-dialog"
      aria-labelledby="preview-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="preview-dialog"
    >
      <div class="dialog-head">
        <h2 id="preview-title">{title}</h2>
        <button type="button" class="btn btn-quiet btn-icon" onClick={onClose}>
          <Icon name="close" />
          <span class="visually-hidden">{h.close}</span>
        </button>
      </div>
      {target.kind === 'image' ? (
        <img
          class="preview-image"
          src={target.url}
          alt={target.title}
          data-testid="preview-image"
        />
      ) : (
        <PdfPages url={target.url} />
      )}
      <div class="card-actions">
        <a class="btn btn-quiet" href={target.url} target="_blank" rel="noopener">
          <Icon name="file" />
          {h.openTab}
        </a>
        <button type="button" class="btn btn-secondary" onClick={onClose}>
          {h.close}
        </button>
      </div>
    </dialog>
  );
}

function PdfPages({ url }: { url: string }) {
  const { t } = useI18n();
  const h = t.health;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    let opened: PDFDocumentProxy | null = null;
    openPdf(url, ctl.signal).then(
      (d) => {
        opened = d;
        if (ctl.signal.aborted) void d.destroy();
        else setDoc(d);
      },
      () => !ctl.signal.aborted && setFailed(true),
    );
    return () => {
      ctl.abort();
      void opened?.destroy();
    };
  }, [url]);

  useEffect(() => {
    const c = canvas.current;
    if (!doc || !c) return;
    const width = Math.min(760, (c.parentElement?.clientWidth ?? 600) - 2);
    drawPage(doc, page, c, width).catch(() => setFailed(true));
  }, [doc, page]);

  if (failed)
    return (
      <p class="notice notice-warning" role="alert">
        <Icon name="alert" />
        <span>{h.previewFailed}</span>
      </p>
    );
  const total = doc?.numPages ?? 0;
  return (
    <div class="preview-pdf">
      {!doc && (
        <p class="muted" role="status">
          {h.previewLoading}
        </p>
      )}
      <div
        class="preview-canvas"
        // A scrolling region must take the focus for keyboard users to scroll it (axe's
        // scrollable-region-focusable); the rule knows only widgets as focusable.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label={fillText(h.page, { n: page, total })}
      >
        <canvas
          ref={canvas}
          aria-label={fillText(h.page, { n: page, total })}
          role="img"
          data-testid="preview-pdf"
        />
      </div>
      {total > 1 && (
        <div class="preview-pages">
          <button
            type="button"
            class="btn btn-secondary"
            disabled={page <= 1}
            onClick={() => setPage((p) => p - 1)}
          >
            <Icon name="chevronLeft" />
            {h.prevPage}
          </button>
          <span aria-live="polite">{fillText(h.page, { n: page, total })}</span>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={page >= total}
            onClick={() => setPage((p) => p + 1)}
          >
            {h.nextPage}
            <Icon name="chevronRight" />
          </button>
        </div>
      )}
    </div>
  );
}
