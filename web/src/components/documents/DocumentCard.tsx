// One document in "Mes documents": its kind, title, date and practitioner, "Télécharger" (the
// PDF, saved) and "Imprimer" (the PDF in a new tab, where the browser prints it), its version
// ("Remplace la version du …"), the "Document de démonstration" tag of the stand-ins, and for a
// prescription its number, where it was sent and what the pharmacy said.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/booking/slots';
import { documentPdfUrl } from '../../lib/documents/api';
import { issuedDay } from '../../lib/documents/documents';
import type { CabinetDocument } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { Icon, type IconName } from '../Icon';

const ICONS: Record<CabinetDocument['kind'], IconName> = {
  report: 'file',
  prescription: 'prescription',
  sick_leave: 'calendar',
  certificate: 'badge',
  care_sheet: 'euro',
};

/** "ordonnance-2026-12-07.pdf": the name the download is saved under. */
function fileName(doc: CabinetDocument): string {
  const kind = doc.kind.replace('_', '-');
  return `${kind}-${issuedDay(doc)}.pdf`;
}

export function DocumentCard({
  doc,
  replaced,
  profileName,
  onPharmacy,
  tags,
  children,
}: {
  doc: CabinetDocument;
  /** The version this one replaces, when the list has it (its date). */
  replaced: CabinetDocument | null;
  /** Said when the account has several profiles. */
  profileName: string | null;
  onPharmacy: ((doc: CabinetDocument, opener: HTMLButtonElement) => void) | null;
  /** Extra tags beside the title (the health space's author and "Masqué"). */
  tags?: ComponentChildren;
  /** Extra actions after the card's own (preview, hide). */
  children?: ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const m = t.myDocs;
  const date = formatDate(issuedDay(doc), lang);
  const title = doc.title || m.kinds[doc.kind];
  const named = ` — ${title}, ${date}`;
  const titleId = `doc-${doc.id}`;
  const ph = doc.pharmacy;
  return (
    <article
      class={doc.replaced_by ? 'card document-card is-replaced' : 'card document-card'}
      aria-labelledby={titleId}
      data-testid="document"
      data-kind={doc.kind}
      data-id={doc.id}
    >
      <div class="document-head">
        <span class="feature-icon">
          <Icon name={ICONS[doc.kind]} />
        </span>
        <div class="document-titles">
          <p class="document-kind">{m.kinds[doc.kind]}</p>
          <h3 id={titleId} class="document-title">
            {title}
          </h3>
        </div>
        {tags}
        {doc.standin && (
          <span class="tag tag-demo" title={m.standinHint} data-testid="standin">
            {m.standin}
          </span>
        )}
      </div>
      <p class="document-meta">
        <span>{fillText(m.issued, { date })}</span>
        <span>{doc.practitioner.name}</span>
        {profileName && <span>{fillText(m.forProfile, { name: profileName })}</span>}
        {doc.version > 1 && <span>{fillText(m.version, { n: doc.version })}</span>}
      </p>
      {doc.replaces && (
        <p class="small muted">
          {replaced
            ? fillText(m.replaces, { date: formatDate(issuedDay(replaced), lang) })
            : m.replacesUnknown}
        </p>
      )}
      {doc.replaced_by && <p class="small notice-inline">{m.replaced}</p>}
      {doc.standin && <p class="visually-hidden">{m.standinHint}</p>}
      {doc.kind === 'prescription' && (
        <div class="document-prescription">
          {doc.number && (
            <p class="small" data-testid="prescription-number">
              {fillText(m.number, { number: doc.number })}
            </p>
          )}
          {(ph || doc.dispensed) && (
            <p
              class={`pharmacy-status status-${ph?.status ?? 'dispensed'}`}
              data-testid="pharmacy-status"
            >
              <Icon name={ph?.status === 'ready' || doc.dispensed ? 'check' : 'clock'} />
              {ph ? fillText(m.pharmacy[ph.status], { name: ph.name }) : m.dispensed}
            </p>
          )}
        </div>
      )}
      <div class="card-actions">
        <a
          class="btn btn-secondary"
          href={documentPdfUrl(doc.id)}
          download={fileName(doc)}
          data-testid="document-download"
        >
          <Icon name="download" />
          {m.download}
          <span class="visually-hidden">{named}</span>
        </a>
        <a class="btn btn-quiet" href={documentPdfUrl(doc.id)} target="_blank" rel="noopener">
          <Icon name="file" />
          {m.print}
          <span class="visually-hidden">
            {named} ({m.printHint})
          </span>
        </a>
        {onPharmacy && doc.kind === 'prescription' && !doc.dispensed && !doc.replaced_by && (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={(e) => onPharmacy(doc, e.currentTarget)}
            data-testid="send-pharmacy"
          >
            <Icon name="send" />
            {ph ? m.sendAgain : m.sendPharmacy}
            <span class="visually-hidden">{named}</span>
          </button>
        )}
        {children}
      </div>
    </article>
  );
}
