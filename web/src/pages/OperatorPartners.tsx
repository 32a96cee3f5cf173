// /operateur/partenaires: the white-label partners (docs/operator.md "Partners"): the list, a
// creation form, and for one partner its form, logo, administrators and codes.
import { useState } from 'preact/hooks';
import { AreaGate } from '../components/AreaGate';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { OperatorNav } from '../components/operator/OperatorNav';
import { PartnerAdmins, PartnerCodes, PartnerLogo } from '../components/operator/PartnersExtras';
import { PartnersForm } from '../components/operator/PartnersForm';
import { PageIntro } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { fetchPartners, type Partner } from '../lib/operator/partners';

export function OperatorPartnersPage() {
  const { t } = useI18n();
  return (
    <AreaGate
      roles={['operator']}
      title={t.partners.title}
      signedIn={() => <Partners />}
      presentation={(cta) => (
        <PageIntro title={t.partners.title} lead={t.partners.lead}>
          {cta}
        </PageIntro>
      )}
    />
  );
}

function Partners() {
  const { t } = useI18n();
  const p = t.partners;
  const list = useLoad((signal) => fetchPartners(signal), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const replace = (saved: Partner) =>
    list.setData((old) => {
      const rest = (old ?? []).filter((x) => x.id !== saved.id);
      return [...rest, saved].sort((a, b) => a.name.localeCompare(b.name));
    });
  const current = list.data?.find((x) => x.id === editing) ?? null;
  return (
    <>
      <OperatorNav />
      <PageIntro title={p.title} lead={p.lead} />
      <div class="container stack">
        <StatusMessage message={status} />
        <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
          {list.data && list.data.length === 0 ? (
            <p>{p.empty}</p>
          ) : (
            <div class="table-scroll">
              <table class="data-table" data-testid="partners-table">
                <caption>{p.listCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p.cols.name}</th>
                    <th scope="col">{p.cols.kind}</th>
                    <th scope="col">{p.cols.hosts}</th>
                    <th scope="col">{p.cols.status}</th>
                    <th scope="col">{p.cols.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {(list.data ?? []).map((x) => (
                    <tr key={x.id}>
                      <th scope="row">{x.name}</th>
                      <td>{p.kinds[x.kind]}</td>
                      <td>{x.hosts.join(', ')}</td>
                      <td>{p.statuses[x.status]}</td>
                      <td>
                        <button
                          type="button"
                          class="btn btn-secondary btn-small"
                          aria-label={fillText(p.editName, { name: x.name })}
                          aria-expanded={editing === x.id}
                          onClick={() => setEditing(editing === x.id ? null : x.id)}
                        >
                          {p.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
        {current && (
          <div class="partner-editor stack">
            <PartnersForm
              key={current.id}
              partner={current}
              onSaved={(saved) => {
                replace(saved);
                setStatus(p.saved);
              }}
              onCancel={() => setEditing(null)}
            />
            <PartnerLogo partner={current} onSaved={replace} />
            <PartnerAdmins partner={current} />
            {current.kind === 'insurer' && <PartnerCodes partner={current} />}
          </div>
        )}
        <PartnersForm
          partner={null}
          onSaved={(saved) => {
            replace(saved);
            setStatus(fillText(p.created, { name: saved.name }));
          }}
        />
      </div>
    </>
  );
}
