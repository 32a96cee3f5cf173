// /consultation/:id — the teleconsultation room (docs/consultation.md), one address for both
// sides. The patient waits in the waiting room (practitioner online or not, the delay, "stay
// reachable by phone" when it runs late), then talks with the practitioner once admitted. The
// practitioner sees whether the patient is there, admits them, talks, chats, and ends the
// consultation with the amount to charge. An assistant sees the waiting room only. Everyone
// gets the end screen when the consultation is closed.
//
// The room itself is components/consultation/Room.tsx (shared with the guest's page,
// /invitation/:token); GET /consultations/{id} gives the names, times and price.
import { useRoute } from 'preact-iso';
import { patientName } from '../components/consultation/Lobby';
import { Room } from '../components/consultation/Room';
import { LoadState } from '../components/forms/Feedback';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { fetchConsultation } from '../lib/consultation/api';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { slotSentence } from '../lib/booking/slots';

export function ConsultationPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.room.title} roles={['patient', 'practitioner', 'assistant']}>
      {() => <Consultation id={params.id ?? ''} />}
    </RequireAuth>
  );
}

function Consultation({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const r = t.room;
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const failure = view.failure instanceof ApiError ? view.failure : null;

  if (!view.data) {
    if (failure && (failure.status === 404 || failure.status === 409)) {
      const missing = failure.status === 404;
      return (
        <>
          <PageIntro
            title={missing ? r.notFoundTitle : r.noRoomTitle}
            lead={missing ? r.notFoundBody : r.noRoomBody}
          />
          <div class="container narrow">
            <p
              class="room-status"
              data-testid="room-status"
              data-status="not_found"
              role="status"
            />
            <a class="btn btn-primary" href={ROUTES.myAppointments}>
              {r.toAppointments}
            </a>
          </div>
        </>
      );
    }
    return (
      <>
        <PageIntro title={r.title} compact />
        <div class="container narrow">
          <LoadState loading={view.loading} error={view.error} onRetry={view.reload} lines={4}>
            {null}
          </LoadState>
        </div>
      </>
    );
  }
  const v = view.data;
  const lead = fillText(v.role === 'patient' ? r.leadPatient : r.leadStaff, {
    name: v.role === 'patient' ? v.practitioner.name : patientName(v),
    when: slotSentence(v.start, lang),
  });
  return (
    <>
      <PageIntro title={r.title} lead={lead} compact />
      <div
        class={v.role === 'practitioner' ? 'container room-page is-wide' : 'container room-page'}
      >
        <Room view={v} />
      </div>
    </>
  );
}
