// After `closed` (or the practitioner's own close): the consultation is over, for everyone.
import type { Ref } from 'preact';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import type { RoomRole } from '../../lib/consultation/consultation';
import { fillText } from '../../lib/format';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';

export function EndScreen({
  role,
  chargedCents,
  titleRef,
}: {
  role: RoomRole;
  chargedCents: number | null;
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
        <p>
          <a class="btn btn-primary" href={back.href}>
            {back.text}
          </a>
        </p>
      </div>
    </section>
  );
}
