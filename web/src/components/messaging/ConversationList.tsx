// The conversations, newest activity first: the other side, for whom, the reason, when the
// last message came, the unread count and whether it is closed. The patient and the
// practitioner open each one; an allowed assistant only sees that it exists (`link` false).
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { fillText } from '../../lib/format';
import { newestActivityFirst } from '../../lib/messaging/messaging';
import type { Conversation } from '../../lib/messaging/types';
import { threadPath } from '../../lib/routes';
import { Icon } from '../Icon';

export function ConversationList({
  items,
  side,
  link = true,
}: {
  items: Conversation[];
  side: 'patient' | 'staff';
  link?: boolean;
}) {
  const { t, lang } = useI18n();
  const m = t.messages;
  if (items.length === 0)
    return (
      <p class="muted" data-testid="conversations-empty">
        {m.empty}
      </p>
    );
  return (
    <ul class="conversation-list" data-testid="conversations">
      {newestActivityFirst(items).map((c) => {
        const who =
          side === 'patient'
            ? fillText(m.with, { name: c.practitioner.name })
            : fillText(t.staffMessages.patient, { name: c.profile.name });
        const title = `${m.reasons[c.reason] ?? c.reason} — ${who}`;
        return (
          <li
            key={c.id}
            class={c.unread > 0 ? 'card conversation is-unread' : 'card conversation'}
            data-testid="conversation"
            data-id={c.id}
          >
            <div class="conversation-main">
              <p class="conversation-title">
                {link ? <a href={threadPath(c.id, side === 'staff')}>{title}</a> : title}
              </p>
              <p class="muted small">
                {side === 'patient' && (
                  <span>{fillText(m.forProfile, { name: c.profile.name })} · </span>
                )}
                {fillText(m.lastAt, { when: formatDateTime(c.last_message_at, lang) })}
              </p>
            </div>
            {c.status === 'closed' && <span class="tag">{m.closedTag}</span>}
            {c.unread > 0 && (
              <span class="unread-count" data-testid="conversation-unread">
                <Icon name="message" />
                {c.unread === 1 ? m.unreadOne : fillText(m.unread, { n: c.unread })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
