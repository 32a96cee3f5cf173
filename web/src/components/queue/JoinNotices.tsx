// The join page's other screens: signed out (sign in and come back, or create an account),
// signed in with a professional account, the profile already in the queue (409
// already_queued: the way to its place), and the queue closed (423, or closed on arrival).
import { useI18n } from '../../i18n';
import { fullName, homeForRole, loginUrl } from '../../lib/account/session';
import type { Me } from '../../lib/account/types';
import { searchPath } from '../../lib/directory/searchQuery';
import { fillText } from '../../lib/format';
import { hoursText } from '../../lib/queue/format';
import type { QueueEntry, QueueSummary } from '../../lib/queue/types';
import { queueEntryPath, ROUTES } from '../../lib/routes';
import { StepTitle, type HeadingRef } from '../booking/StepParts';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useSession } from '../SessionProvider';
import { useClock } from './useClock';

export function JoinAccountStep({ headingRef, returnTo }: HeadingRef & { returnTo: string }) {
  const { t } = useI18n();
  const a = t.queue.join.account;
  const { state } = useSession();
  if (state.status === 'loading')
    return (
      <LoadState loading error={null}>
        {null}
      </LoadState>
    );
  return (
    <>
      <StepTitle headingRef={headingRef}>{a.title}</StepTitle>
      <p>{a.body}</p>
      <div class="step-actions">
        <a class="btn btn-primary btn-large" href={loginUrl(returnTo)} data-testid="queue-login">
          {a.login}
          <Icon name="arrowRight" />
        </a>
      </div>
      <p class="step-aside">
        {a.noAccount}{' '}
        <a href={ROUTES.signup} data-testid="queue-signup">
          {a.signup}
        </a>
      </p>
      <p class="muted small">{a.signupNote}</p>
    </>
  );
}

export function JoinWrongRole({ headingRef, me }: HeadingRef & { me: Me }) {
  const { t } = useI18n();
  return (
    <>
      <StepTitle headingRef={headingRef}>{t.queue.join.title}</StepTitle>
      <p>{t.queue.join.account.wrongRole}</p>
      <a class="btn btn-primary" href={homeForRole(me.account.role)}>
        {t.booking.account.toMyArea}
      </a>
    </>
  );
}

/** 409 already_queued: the profile's live entry, when the account's list has it. */
export function AlreadyQueued({
  headingRef,
  name,
  entry,
}: HeadingRef & { name: string; entry: QueueEntry | null }) {
  const { t } = useI18n();
  const a = t.queue.join.already;
  return (
    <div data-testid="queue-already">
      <StepTitle headingRef={headingRef}>{a.title}</StepTitle>
      <p>{fillText(a.body, { name: entry ? fullName(entry.profile) : name })}</p>
      {entry ? (
        <a
          class="btn btn-primary btn-large"
          href={queueEntryPath(entry.id)}
          data-testid="queue-already-link"
        >
          {a.link}
          <Icon name="arrowRight" />
        </a>
      ) : (
        <p>
          {a.none} <a href={ROUTES.queues}>{t.queue.join.toList}</a>
        </p>
      )}
    </div>
  );
}

export function QueueClosed({ headingRef, q }: HeadingRef & { q: QueueSummary }) {
  const { t, lang } = useI18n();
  const c = t.queue.join.closed;
  const now = useClock();
  return (
    <div data-testid="queue-closed">
      <StepTitle headingRef={headingRef}>{c.title}</StepTitle>
      <p>{c.body}</p>
      {/* The next window only: a list read before the 423 may still describe the one that ended. */}
      {q.opens_at && Date.parse(q.opens_at) > now && (
        <p class="now-hours">
          <Icon name="clock" />
          <span>{hoursText({ ...q, open: false }, now, t.queue.hours, lang)}</span>
        </p>
      )}
      <div class="card-actions">
        <a class="btn btn-primary" href={ROUTES.queues}>
          {c.toList}
        </a>
        <a
          class="btn btn-secondary"
          href={searchPath(ROUTES.search, { specialty: q.specialty, video: true })}
        >
          {t.queue.list.book}
        </a>
      </div>
    </div>
  );
}
