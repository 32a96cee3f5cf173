// PDFs drawn in the page (the preview dialog) with pdf.js, loaded only when a PDF is opened. Its
// worker is a file of our own build, served from our origin: the CSP allows no remote origin,
// no inline script and no eval (hence isEvalSupported: false). The bytes are fetched here with
// the session cookie and handed over as data, so pdf.js makes no request of its own.
import type { PDFDocumentProxy } from 'pdfjs-dist';

export async function openPdf(url: string, signal: AbortSignal): Promise<PDFDocumentProxy> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const data = new Uint8Array(await res.arrayBuffer());
  return pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
}

/** Draws one page (from 1) to the canvas, as wide as `width` CSS pixels, sharp on HiDPI. */
export async function drawPage(
  doc: PDFDocumentProxy,
  n: number,
  canvas: HTMLCanvasElement,
  width: number,
): Promise<void> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
