// The payment window of a pending booking (10 minutes from POST /appointments): a clock that
// counts down to `hold_expires_at`. A role="timer" is not read at every tick; a polite message
// says when two minutes remain, and `onExpire` runs once at zero.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatCountdown, secondsLeft } from '../../lib/booking/payment';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';
import { useLatest } from '../useLatest';

/** Seconds left before `expiresAt`, updated every second; null without a deadline. */
export function useSecondsLeft(expiresAt: string | null | undefined): number | null {
  const [left, setLeft] = useState(() => secondsLeft(expiresAt));
  useEffect(() => {
    setLeft(secondsLeft(expiresAt));
    if (!expiresAt) return undefined;
    const timer = setInterval(() => setLeft(secondsLeft(expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return left;
}

export function Countdown({
  expiresAt,
  onExpire,
  template,
}: {
  expiresAt: string;
  onExpire?: () => void;
  template?: string;
}) {
  const { t } = useI18n();
  const c = t.booking.card;
  const left = useSecondsLeft(expiresAt);
  const fired = useRef(false);
  const expire = useLatest(onExpire);
  useEffect(() => {
    if (left === 0 && !fired.current) {
      fired.current = true;
      expire.current?.();
    }
  }, [left, expire]);
  if (left === null) return null;
  const urgent = left <= 120;
  return (
    <div class={urgent ? 'countdown is-urgent' : 'countdown'}>
      <Icon name="clock" />
      <p>
        <span role="timer" aria-live="off" data-testid="hold-countdown">
          {fillText(template ?? c.countdown, { time: formatCountdown(left) })}
        </span>
      </p>
      <p class="visually-hidden" role="status">
        {urgent && left > 0 ? c.lastMinutes : ''}
      </p>
    </div>
  );
}
