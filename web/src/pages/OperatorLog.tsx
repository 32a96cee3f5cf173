// /operateur/journal: "Journal des opérations", every operator action from the audit log
// (docs/operator.md "Operator log").
import { OperationsLog } from '../components/operator/OperationsLog';
import { OperatorNav } from '../components/operator/OperatorNav';
import { AreaGate } from '../components/AreaGate';
import { PageIntro } from '../components/Page';
import { useI18n } from '../i18n';

export function OperatorLogPage() {
  const { t } = useI18n();
  const l = t.operatorLog;
  return (
    <AreaGate
      roles={['operator']}
      title={l.title}
      signedIn={() => (
        <>
          <PageIntro title={l.title} lead={l.lead} compact />
          <OperatorNav />
          <div class="container area-content">
            <OperationsLog />
          </div>
        </>
      )}
      presentation={(cta) => (
        <PageIntro title={l.title} lead={l.lead}>
          {cta}
        </PageIntro>
      )}
    />
  );
}
