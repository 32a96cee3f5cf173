// /operateur/comptes: the operator's accounts search, suspension and reactivation
// (docs/operator.md "Accounts"). Anyone else sees what the page is for and a way to sign in.
import { AccountsSearch } from '../components/operator/AccountsSearch';
import { OperatorNav } from '../components/operator/OperatorNav';
import { AreaGate } from '../components/AreaGate';
import { PageIntro } from '../components/Page';
import { useI18n } from '../i18n';

export function OperatorAccountsPage() {
  const { t } = useI18n();
  const a = t.operatorAccounts;
  return (
    <AreaGate
      roles={['operator']}
      title={a.title}
      signedIn={() => (
        <>
          <PageIntro title={a.title} lead={a.lead} compact />
          <OperatorNav />
          <div class="container area-content">
            <AccountsSearch />
          </div>
        </>
      )}
      presentation={(cta) => (
        <PageIntro title={a.title} lead={a.lead}>
          {cta}
        </PageIntro>
      )}
    />
  );
}
