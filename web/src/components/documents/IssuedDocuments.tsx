// The documents a close issued (or a consultation has), each with its PDF: what the
// practitioner sees once "Clôturer" is done, in the room's end screen and on the closing page.
// A corrected version says which one it replaces; a replaced one stays, marked "remplacée".
import type { ComponentChildren, Ref } from 'preact';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { documentPdfUrl } from '../../lib/documents/api';
import { replacedBy } from '../../lib/documents/correction';
import { replacedVersion } from '../../lib/documents/documents';
import type { CabinetDocument } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';

export function IssuedDocuments({
  documents,
  title,
  titleRef,
  level = 3,
  extra,
}: {
  documents: readonly CabinetDocument[];
  title?: string;
  level?: 2 | 3;
  titleRef?: Ref<HTMLHeadingElement>;
  /** Under a document: its "Corriger" and the correction being typed. */
  extra?: (doc: CabinetDocument) => ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const d = t.closing.done;
  const w = t.corrections;
  const when = (doc: CabinetDocument | null) => (doc ? formatDateTime(doc.issued_at, lang) : '');
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
            <li
              key={doc.id}
              id={`issued-${doc.id}`}
              tabIndex={-1}
              class={doc.replaced_by ? 'is-replaced' : undefined}
              data-testid="issued-document"
              data-kind={doc.kind}
              data-version={doc.version}
              data-replaced={doc.replaced_by ? 'true' : undefined}
            >
              <Icon name={doc.kind === 'prescription' ? 'prescription' : 'file'} />
              <span class="issued-name">
                <strong>{doc.title || t.myDocs.kinds[doc.kind]}</strong>
                {doc.number && <span class="muted"> · {doc.number}</span>}
                {doc.standin && <span class="tag tag-demo">{t.myDocs.standin}</span>}
                {doc.version > 1 && (
                  <span class="tag tag-version">{fillText(w.version, { n: doc.version })}</span>
                )}
                {doc.replaced_by && (
                  <span class="tag tag-replaced" data-testid="issued-replaced">
                    {replacedBy(documents, doc)
                      ? fillText(w.replaced, { date: when(replacedBy(documents, doc)) })
                      : w.replacedUnknown}
                  </span>
                )}
                <span class="muted small issued-when">
                  {formatDateTime(doc.issued_at, lang)}
                  {doc.replaces &&
                    replacedVersion(documents, doc) &&
                    ` · ${fillText(w.replaces, { date: when(replacedVersion(documents, doc)) })}`}
                </span>
              </span>
              <a href={documentPdfUrl(doc.id)} target="_blank" rel="noopener" class="btn btn-quiet">
                <Icon name="download" />
                {d.open}
                <span class="visually-hidden"> — {doc.title}</span>
              </a>
              {extra?.(doc)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
