// /operateur/parametres (docs/operator.md "Settings"): the platform settings the operator changes
// without a restart, one form per group with the current value and the default, the history of
// changes, and the tariffs read-only with their dates and sources.
import { AreaGate } from '../components/AreaGate';
import { LoadState } from '../components/forms/Feedback';
import { OperatorNav } from '../components/operator/OperatorNav';
import { SettingsGroup } from '../components/operator/SettingsGroup';
import { SettingsHistory } from '../components/operator/SettingsHistory';
import { SettingsTariffs } from '../components/operator/SettingsTariffs';
import { PageIntro } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { specialtyLabel, useSpecialties } from '../components/useSpecialties';
import { useI18n } from '../i18n';
import {
  GROUPS,
  type Kind,
  type Settings,
  fetchHistory,
  fetchSettings,
  fetchTariffs,
} from '../lib/operator/settings';

export function OperatorSettingsPage() {
  const { t } = useI18n();
  const s = t.operatorSettings;
  return (
    <AreaGate
      roles={['operator']}
      title={s.title}
      signedIn={() => <SettingsView />}
      presentation={(cta) => (
        <PageIntro title={s.title} lead={s.lead}>
          {cta}
        </PageIntro>
      )}
    />
  );
}

function SettingsView() {
  const { t, lang } = useI18n();
  const s = t.operatorSettings;
  const settings = useLoad(fetchSettings, []);
  const history = useLoad(fetchHistory, []);
  const tariffs = useLoad(fetchTariffs, []);
  const specialties = useSpecialties(lang);
  const labelOf = (kind: Kind, code: string) =>
    kind === 'specialties'
      ? specialtyLabel(specialties.data, code)
      : kind === 'roles'
        ? (s.roles[code] ?? code)
        : code;
  const saved = (next: Settings) => {
    settings.setData(() => next);
    history.reload();
  };
  return (
    <>
      <PageIntro compact title={s.title} lead={s.lead} />
      <OperatorNav />
      <div class="container settings-page">
        <LoadState loading={settings.loading} error={settings.error} onRetry={settings.reload}>
          {settings.data &&
            GROUPS.map((group) => (
              <SettingsGroup
                key={group}
                group={group}
                keys={settings.data!.keys.filter((k) => k.group === group)}
                onSaved={saved}
                labelOf={labelOf}
              />
            ))}
        </LoadState>
        <LoadState loading={history.loading} error={history.error} onRetry={history.reload}>
          {history.data && <SettingsHistory items={history.data.items} labelOf={labelOf} />}
        </LoadState>
        <LoadState loading={tariffs.loading} error={tariffs.error} onRetry={tariffs.reload}>
          {tariffs.data && <SettingsTariffs files={tariffs.data.files} />}
        </LoadState>
      </div>
    </>
  );
}
