// A signed-in patient's live places in the queue (GET /queue-entries): the way back to the
// waiting screen after a reload or from another page. Nothing for anyone else.
import { useI18n } from '../../i18n';
import { fullName } from '../../lib/account/session';
import { fillText } from '../../lib/format';
import { fetchMyEntries } from '../../lib/queue/api';
import { isLive } from '../../lib/queue/entry';
import { queueEntryPath } from '../../lib/routes';
import { Icon } from '../Icon';
import { useSession } from '../SessionProvider';
import { useLoad } from '../useLoad';

export function MyPlaces() {
  const { state } = useSession();
  const patient = state.status === 'signedIn' && state.me.account.role === 'patient';
  return patient ? <MyPlacesList /> : null;
}

function MyPlacesList() {
  const { t } = useI18n();
  const w = t.queue.list;
  const mine = useLoad((signal) => fetchMyEntries(signal), []);
  const live = (mine.data ?? []).filter((e) => isLive(e.state));
  if (live.length === 0) return null;
  return (
    <div class="now-mine">
      {live.map((e) => (
        <div key={e.id} class="notice notice-info" data-testid="queue-mine">
          <Icon name="clock" />
          <p>
            {fillText(w.already, { label: e.label, name: fullName(e.profile) })}{' '}
            <a href={queueEntryPath(e.id)}>{w.alreadyLink}</a>
          </p>
        </div>
      ))}
    </div>
  );
}
