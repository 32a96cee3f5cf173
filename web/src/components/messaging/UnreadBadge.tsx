// The unread messages' count beside "Messages": a number for the eye ("9+" past nine) and the
// whole sentence for screen readers ("3 messages non lus"); nothing when there is none.
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { badgeText } from '../../lib/messaging/messaging';

export function UnreadBadge({ count }: { count: number | null }) {
  const { t } = useI18n();
  if (!count) return null;
  const m = t.messages;
  return (
    <>
      <span class="unread-badge" aria-hidden="true" data-testid="unread-badge">
        {badgeText(count)}
      </span>
      <span class="visually-hidden">
        {' '}
        ({count === 1 ? m.unreadBadgeOne : fillText(m.unreadBadge, { n: count })})
      </span>
    </>
  );
}
