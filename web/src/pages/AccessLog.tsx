// /compte/acces — "Qui a consulté mon dossier": every read or change of the profiles' data,
// grouped by day, newest first, each as the sentence the server words in the page's language
// ("Dr Claire Martin a lu la conversation de la consultation de Hugo du 3 décembre"), with the
// time and where from (the patient's own address, only the network of anyone else). Older
// servers send no sentence: it is then built here from the action's keywords.
import { AccountLayout } from '../components/AccountLayout';
import { LoadState } from '../components/forms/Feedback';
import { Icon, type IconName } from '../components/Icon';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import {
  classifyAction,
  elideDe,
  fromText,
  groupByDay,
  isOwnAction,
  type AccessVerb,
} from '../lib/account/accessLog';
import { formatBirthDate, formatTime, toDate } from '../lib/dates';
import { fillText } from '../lib/format';
import type { AccessEntry, Me } from '../lib/account/types';
import { fetchAccessLog } from '../lib/account/api';

const ICONS: Record<AccessVerb, IconName> = {
  read: 'eye',
  write: 'sliders',
  create: 'users',
  delete: 'trash',
  export: 'download',
  other: 'activity',
};

export function AccessLogPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.accessLog.title} lead={t.accessLog.lead} roles={['patient']}>
      {(me) => <AccessLog me={me} />}
    </AccountLayout>
  );
}

function AccessLog({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const a = t.accessLog;
  // Sentences come in the request's language: a language switch reads them again.
  const log = useLoad((signal) => fetchAccessLog(signal), [lang]);
  const holderId = me.profiles.find((p) => p.is_holder)?.id;

  function sentence(e: AccessEntry): string {
    if (e.sentence) return e.sentence;
    const { verb, object } = classifyAction(e.action);
    const own = e.profile.id === holderId;
    const objectText = own
      ? a.objectsOwn[object]
      : fillText(lang === 'fr' ? elideDe(a.objects[object], e.profile.name) : a.objects[object], {
          name: e.profile.name,
        });
    const role = (t.roles as Record<string, string>)[e.actor.role] ?? e.actor.role;
    return isOwnAction(e, me)
      ? fillText(a.self, { verb: a.verbs[verb], object: objectText })
      : fillText(a.other, { actor: e.actor.name, role, verb: a.verbs[verb], object: objectText });
  }

  return (
    <section class="card panel" aria-labelledby="log-title">
      <h2 id="log-title">{a.listTitle}</h2>
      <LoadState loading={log.loading} error={log.error} onRetry={log.reload} lines={4}>
        {log.data && log.data.length === 0 ? (
          <p class="empty-note">{a.empty}</p>
        ) : (
          groupByDay(log.data ?? []).map((group) => (
            <section
              key={group.day}
              aria-label={fillText(a.byDay, { day: formatBirthDate(group.day, lang) })}
            >
              <h3 class="access-day">{formatBirthDate(group.day, lang)}</h3>
              <ol class="access-list">
                {group.entries.map((e, i) => {
                  const from = fromText(e, a.from);
                  return (
                    <li key={`${e.at}-${i}`} class="access-item">
                      <Icon name={ICONS[classifyAction(e.action).verb]} />
                      <div>
                        <p class="access-sentence">{sentence(e)}</p>
                        <p class="muted small">
                          <time dateTime={toDate(e.at).toISOString()}>
                            {formatTime(toDate(e.at), lang)}
                          </time>
                          {from && <span> · {from}</span>}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))
        )}
      </LoadState>
      <p class="muted small">{a.note}</p>
    </section>
  );
}
