// Espace opérateur, signed in: the practitioners to verify (GET /operator/practitioners),
// with "Vérifier" and "Refuser" (a reason is required, it is emailed to the practitioner);
// the verified and refused ones can be listed too.
import { useState } from 'preact/hooks';
import { StatusMessage } from '../components/forms/Feedback';
import { PageIntro } from '../components/Page';
import { OperatorNav } from '../components/operator/OperatorNav';
import { RppsImport } from '../components/operator/RppsImport';
import { PractitionerQueue } from '../components/PractitionerQueue';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import type { Me, VerificationStatus } from '../lib/account/types';

const FILTERS: VerificationStatus[] = ['pending', 'verified', 'rejected'];

export function OperatorHome({ me }: { me: Me }) {
  const { t } = useI18n();
  const o = t.operatorHome;
  const [filter, setFilter] = useState<VerificationStatus>('pending');
  const [status, setStatus] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageIntro title={t.operator.title} lead={fillText(o.lead, { email: me.account.email })} />
      <OperatorNav />
      <div class="container area-content">
        <RppsImport onImported={() => setVersion((v) => v + 1)} />
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" class="section-title">
            {o.queueTitle}
          </h2>
          <div class="segmented" role="group" aria-label={o.filterLabel}>
            {FILTERS.map((f) => (
              <button
                key={f}
                type="button"
                class="segment"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
              >
                {o.filters[f]}
              </button>
            ))}
          </div>
          <StatusMessage message={status} />
          <PractitionerQueue status={filter} onDone={setStatus} version={version} />
        </section>
      </div>
    </>
  );
}
