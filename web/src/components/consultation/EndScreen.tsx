// After `closed` (or the practitioner's own close): the consultation is over, for everyone. The
// practitioner sees the documents the close issued, with their PDFs; the patient where to find
// theirs (Mes documents).
import type { Ref } from 'preact';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import type { RoomRole } from '../../lib/consultation/consultation';
import type { CabinetDocument } from '../../lib/documents/types';
import { fill, fillText } from '../../lib/format';
import { ROUTES } from '../../lib/routes';
import { IssuedDocuments } from '../documents/IssuedDocuments';
import { Icon } from '../Icon';

export function EndScreen({
  role,
  chargedCents,
  documents = null,
  titleRef,
}: {
  role: RoomRole;
  chargedCents: number | null;
  /** What the practitioner's close issued (null: closed elsewhere, or not by us). */
  documents?: readonly CabinetDocument[] | null;
  titleRef: Ref<HTMLHeadingElement>;
}) {
  const { t, lang } = useI18n();
  const e = t.end;
  const patient = role === 'patient';
  const guest = role === 'guest';
  const body = patient
    ? e.patientBody
    : guest
      ? e.guestBody
      : chargedCents !== null
        ? fillText(e.practitionerBody, { amount: formatAmount(chargedCents, lang) })
        : e.staffBody;
  const back = guest
    ? { href: ROUTES.home, text: t.guest.toHome }
    : patient
      ? { href: ROUTES.myAppointments, text: t.room.toAppointments }
      : { href: ROUTES.consultations, text: t.room.toDashboard };
  return (
    <section class="card room-end" aria-labelledby="end-title" data-testid="consultation-ended">
      <Icon name="check" class="room-end-icon" />
      <div>
        <h2 id="end-title" ref={titleRef} tabIndex={-1}>
          {e.title}
        </h2>
        <p>{body}</p>
        {patient && (
          <p data-testid="end-documents">
            {fill(t.myDocs.endScreen, {
              link: <a href={ROUTES.myDocuments}>{t.myDocs.navLink}</a>,
            })}
          </p>
        )}
        {documents && <IssuedDocuments documents={documents} />}
        <p>
          <a class="btn btn-primary" href={back.href}>
            {back.text}
          </a>
        </p>
      </div>
    </section>
  );
}
