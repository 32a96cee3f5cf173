// Under a past appointment in "Mes rendez-vous": the documents of that consultation, each with
// its PDF, and the way to all of them (Mes documents).
import { useI18n } from '../../i18n';
import { documentPdfUrl } from '../../lib/documents/api';
import type { CabinetDocument } from '../../lib/documents/types';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';

export function AppointmentDocuments({
  docs,
  id,
}: {
  docs: readonly CabinetDocument[];
  id: string;
}) {
  const { t } = useI18n();
  const m = t.myDocs;
  if (docs.length === 0) return null;
  return (
    <section
      class="appointment-documents"
      aria-labelledby={`${id}-docs`}
      data-testid="appointment-documents"
    >
      <h4 id={`${id}-docs`} class="small-title">
        <a href={ROUTES.myDocuments}>{m.ofAppointment}</a>
      </h4>
      <ul class="issued-list">
        {docs.map((d) => (
          <li key={d.id}>
            <Icon name={d.kind === 'prescription' ? 'prescription' : 'file'} />
            <span class="issued-name">
              {d.title || m.kinds[d.kind]}
              {d.standin && <span class="tag tag-demo">{m.standin}</span>}
            </span>
            <a
              href={documentPdfUrl(d.id)}
              target="_blank"
              rel="noopener"
              class="btn btn-quiet btn-small"
            >
              <Icon name="download" />
              {m.download}
              <span class="visually-hidden"> — {d.title || m.kinds[d.kind]}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
