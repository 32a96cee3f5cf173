// /consultation/:id/test — "Tester mon matériel" before a teleconsultation: the camera's
// picture, the micro's level, a sound to hear, the network; then a verdict in plain words with
// what to do, and "Entrer en salle d'attente". Nothing is sent to anyone: the picture and sound
// stay in the browser. "Relancer le test" starts everything over (new camera access included).
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { PrecallRun } from '../components/consultation/Precall';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fetchConsultation } from '../lib/consultation/api';
import { roomPath } from '../lib/consultation/consultation';
import { fillText } from '../lib/format';
import { slotSentence } from '../lib/booking/slots';

export function ConsultationTestPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.precall.title} roles={['patient', 'practitioner', 'assistant']}>
      {() => <Precall id={params.id ?? ''} />}
    </RequireAuth>
  );
}

function Precall({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const p = t.precall;
  // Only for the sentence naming the consultation: the test works without it.
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const [run, setRun] = useState(0);
  const v = view.data;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead} compact>
        {v && (
          <p class="precall-for">
            {fillText(p.forConsultation, {
              name: v.practitioner.name,
              when: slotSentence(v.start, lang),
            })}
          </p>
        )}
      </PageIntro>
      <div class="container precall-page">
        <PrecallRun
          key={run}
          enter={{ href: roomPath(id, location.search) }}
          onRetry={() => setRun((n) => n + 1)}
        />
      </div>
    </>
  );
}
