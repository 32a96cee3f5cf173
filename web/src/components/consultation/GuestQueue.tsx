// The practitioner's list of invited people waiting to come in (ROOM8), in the waiting room
// and during the call: "Marie Lambert (proche) attend pour entrer. [Faire entrer]". Read
// aloud as someone arrives. Letting someone in is a WebSocket `admit` naming them; the list
// updates from `presence`, and a full room (four people) answers `room_full`.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { waitingGuests, type Participant } from '../../lib/consultation/consultation';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';
import type { RoomState } from './useRoom';
import { useLatest } from '../useLatest';

export function GuestQueue({
  participants,
  error,
  onAdmit,
}: {
  participants: Participant[];
  error: RoomState['error'];
  onAdmit: (id: string) => boolean;
}) {
  const { t } = useI18n();
  const g = t.room.guests;
  const waiting = waitingGuests(participants);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // Done when they are no longer waiting; a refusal comes back as an error.
  const ids = waiting.map((p) => p.id).join(' ');
  const latest = useLatest({ busy, errors: t.room.errors });
  useEffect(() => {
    const waitingIds = ids.split(' ');
    setBusy((b) => (b && !waitingIds.includes(b) ? null : b));
  }, [ids]);
  useEffect(() => {
    const { busy, errors } = latest.current;
    if (!error || !busy) return;
    setBusy(null);
    setFailed(error.code === 'room_full' ? errors.roomFull : errors.generic);
  }, [error, latest]);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(() => {
      setBusy(null);
      setFailed(latest.current.errors.generic);
    }, 10_000);
    return () => clearTimeout(timer);
  }, [busy, latest]);

  return (
    <div class="guest-queue" aria-live="polite">
      {waiting.length > 0 && (
        <section class="notice notice-info guest-queue-box" aria-labelledby="guest-queue-title">
          <Icon name="users" />
          <div>
            <h2 id="guest-queue-title" class="guest-queue-title">
              {g.title}
            </h2>
            <ul class="guest-queue-list">
              {waiting.map((p) => {
                const name = p.name || g.unnamed;
                return (
                  <li key={p.id} data-testid="waiting-guest" data-participant={p.id}>
                    <span>{fillText(g.waiting, { name, kind: g.kinds[p.kind ?? 'guest'] })}</span>
                    <button
                      type="button"
                      class={`btn btn-primary${busy === p.id ? ' is-busy' : ''}`}
                      aria-disabled={busy === p.id ? true : undefined}
                      onClick={() => {
                        if (busy) return;
                        setFailed(null);
                        if (onAdmit(p.id)) setBusy(p.id);
                        else setFailed(t.room.connectionLost);
                      }}
                      data-testid="admit-guest"
                      data-participant={p.id}
                    >
                      {busy === p.id ? g.admitting : g.admit}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        </section>
      )}
      {failed && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{failed}</span>
        </p>
      )}
    </div>
  );
}
