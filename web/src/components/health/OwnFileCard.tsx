// One file the patient added, in "Mes documents": its kind, title, "Ajouté par vous", whether it
// is hidden from professionals, when it was added, its name and size; download, print (the file
// in a new tab) and the actions every document has (DocActions).
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/booking/slots';
import { formatSize } from '../../lib/consultation/files';
import { issuedDay } from '../../lib/documents/documents';
import { fillText } from '../../lib/format';
import type { OwnFile } from '../../lib/health/types';
import { Icon } from '../Icon';

export function OwnFileCard({
  doc,
  profileName,
  children,
}: {
  doc: OwnFile;
  profileName: string | null;
  children: ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const h = t.health;
  const m = t.myDocs;
  const date = formatDate(issuedDay({ issued_at: doc.added_at }), lang);
  const kind = h.ownKinds[doc.kind] ?? h.ownKinds.other;
  const title = doc.title || kind;
  const titleId = `doc-${doc.id}`;
  return (
    <article
      class={doc.hidden ? 'card document-card is-hidden' : 'card document-card'}
      aria-labelledby={titleId}
      data-testid="document"
      data-source="patient"
      data-kind={doc.kind}
      data-id={doc.id}
    >
      <div class="document-head">
        <span class="feature-icon">
          <Icon name={doc.mime.startsWith('image/') ? 'eye' : 'file'} />
        </span>
        <div class="document-titles">
          <p class="document-kind">{kind}</p>
          <h3 id={titleId} class="document-title">
            {title}
          </h3>
        </div>
        <span class="tag tag-author" data-testid="document-author">
          {h.addedByYou}
        </span>
        {doc.hidden && (
          <span class="tag tag-hidden" data-testid="document-hidden">
            {h.hiddenTag}
          </span>
        )}
      </div>
      <p class="document-meta">
        <span>{fillText(h.added, { date })}</span>
        <span>
          {doc.name} ({formatSize(doc.size, lang)})
        </span>
        {profileName && <span>{fillText(m.forProfile, { name: profileName })}</span>}
      </p>
      <div class="card-actions">
        <a
          class="btn btn-secondary"
          href={doc.url}
          download={doc.name}
          data-testid="document-download"
        >
          <Icon name="download" />
          {m.download}
          <span class="visually-hidden"> — {title}</span>
        </a>
        <a class="btn btn-quiet" href={doc.url} target="_blank" rel="noopener">
          <Icon name="file" />
          {m.print}
          <span class="visually-hidden">
            {' '}
            — {title} ({m.printHint})
          </span>
        </a>
        {children}
      </div>
    </article>
  );
}
