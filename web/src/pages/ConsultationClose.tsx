// /praticien/consultations/:id/cloture — the closing form of one consultation, from the day's
// list ("Clôturer" on a started consultation), for the practitioner only (assistants never see
// clinical data: the API answers them 404). A consultation already closed shows its documents
// ("Documents" on a finished one: each can be corrected, and one forgotten issued); once
// closed here, the documents just issued.
import { useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { patientName } from '../components/consultation/Lobby';
import { ClosingForm, type Closed } from '../components/documents/ClosingForm';
import { ConsultationDocuments } from '../components/documents/ConsultationDocuments';
import { IssuedDocuments } from '../components/documents/IssuedDocuments';
import { LoadState } from '../components/forms/Feedback';
import { HealthRecord } from '../components/health/HealthRecord';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { formatAmount } from '../lib/booking/payment';
import { slotSentence } from '../lib/booking/slots';
import { fetchConsultation } from '../lib/consultation/api';
import { patientAge } from '../lib/consultation/consultation';
import { fetchConsultationDocuments } from '../lib/documents/api';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';

export function ConsultationClosePage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <PractitionerLayout title={t.closing.pageTitle} roles={['practitioner']}>
      {() => <CloseOne id={params.id ?? ''} />}
    </PractitionerLayout>
  );
}

function CloseOne({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const c = t.closing;
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const [closed, setClosed] = useState<Closed | null>(null);
  const done = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(done, closed ? 'closed' : 'open');
  const completed = view.data?.status === 'completed';
  const docs = useLoad(
    (signal) =>
      completed && !closed ? fetchConsultationDocuments(id, signal) : Promise.resolve(null),
    [id, completed, closed === null],
  );

  const v = view.data;
  return (
    <div class="closing-page">
      <p>
        <a href={ROUTES.consultations} class="back-link">
          <Icon name="chevronLeft" />
          {t.room.toDashboard}
        </a>
      </p>
      <LoadState loading={view.loading && !v} error={v ? null : view.error} onRetry={view.reload}>
        {v && (
          <>
            <p class="lead closing-who">
              {fillText(c.pageLead, { name: patientName(v), when: slotSentence(v.start, lang) })}
            </p>
            {closed ? (
              <section class="card closing-done" aria-labelledby="closing-done-title">
                <h2 id="closing-done-title" ref={done} tabIndex={-1}>
                  <Icon name="check" />
                  {c.done.title}
                </h2>
                <p>{fillText(c.done.charged, { amount: formatAmount(closed.cents, lang) })}</p>
                <IssuedDocuments documents={closed.documents} />
              </section>
            ) : completed ? (
              <section class="card">
                <LoadState
                  loading={docs.loading && !docs.data}
                  error={docs.data ? null : docs.error}
                  onRetry={docs.reload}
                >
                  {docs.data && (
                    <ConsultationDocuments
                      consultationId={id}
                      documents={docs.data}
                      title={c.pageDone}
                      patientAge={patientAge(v.patient)}
                    />
                  )}
                </LoadState>
              </section>
            ) : (
              <div class="closing-with-record">
                <div class="card closing-panel">
                  <ClosingForm view={v} onClosed={setClosed} />
                </div>
                <aside class="card closing-record" aria-labelledby="record-title">
                  <HealthRecord consultation={id} level={2} />
                </aside>
              </div>
            )}
          </>
        )}
      </LoadState>
    </div>
  );
}
