// The documents a close issued (or a consultation has), each with its PDF: what the
// practitioner sees once "Clôturer" is done, in the room's end screen and on the closing page.
import type { Ref } from 'preact';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { documentPdfUrl } from '../../lib/documents/api';
import type { CabinetDocument } from '../../lib/documents/types';
import { Icon } from '../Icon';

export function IssuedDocuments({
  documents,
  title,
  titleRef,
  level = 3,
}: {
  documents: readonly CabinetDocument[];
  title?: string;
  level?: 2 | 3;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, lang } = useI18n();
  const d = t.closing.done;
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section class="issued-documents" aria-labelledby="issued-title" data-testid="issued-documents">
      <H id="issued-title" ref={titleRef} tabIndex={-1}>
        {title ?? d.issued}
      </H>
      {documents.length === 0 ? (
        <p class="muted">{d.none}</p>
      ) : (
        <ul class="issued-list">
          {documents.map((doc) => (
            <li key={doc.id} data-testid="issued-document" data-kind={doc.kind}>
              <Icon name={doc.kind === 'prescription' ? 'prescription' : 'file'} />
              <span class="issued-name">
                <strong>{doc.title || t.myDocs.kinds[doc.kind]}</strong>
                {doc.number && <span class="muted"> · {doc.number}</span>}
                {doc.standin && <span class="tag tag-demo">{t.myDocs.standin}</span>}
                <span class="muted small issued-when">{formatDateTime(doc.issued_at, lang)}</span>
              </span>
              <a href={documentPdfUrl(doc.id)} target="_blank" rel="noopener" class="btn btn-quiet">
                <Icon name="download" />
                {d.open}
                <span class="visually-hidden"> — {doc.title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
