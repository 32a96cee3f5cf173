// "Joindre des documents" on an upcoming appointment of Mes rendez-vous: the way to the page
// that attaches documents for the practitioner (nothing for a past or cancelled one).
import { useI18n } from '../../i18n';
import type { Appointment } from '../../lib/booking/booking';
import { appointmentDocumentsPath } from '../../lib/routes';
import { Icon } from '../Icon';

export function AttachLink({
  a,
  upcoming,
  when,
}: {
  a: Appointment;
  upcoming: boolean;
  when: string;
}) {
  const { t } = useI18n();
  if (!upcoming || (a.status !== 'confirmed' && a.status !== 'pending_payment')) return null;
  return (
    <a
      class="btn btn-secondary"
      href={appointmentDocumentsPath(a.id)}
      data-testid="attach-documents"
    >
      <Icon name="paperclip" />
      {t.attach.open}
      <span class="visually-hidden"> — {when}</span>
    </a>
  );
}
