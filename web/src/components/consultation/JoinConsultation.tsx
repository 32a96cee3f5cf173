// "Rejoindre la téléconsultation" on a confirmed video appointment of "Mes rendez-vous": a link
// to the pre-call test from 10 minutes before the start until the end; before that, the button
// is shown disabled with the time it opens, next to "Tester mon matériel" (the test works at
// any time). It enables itself at the right minute, without a reload.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { joinWindow, opensAt, precallPath } from '../../lib/consultation/consultation';
import { fillText } from '../../lib/format';
import { parseInstant, spokenTime } from '../../lib/booking/slots';
import { Icon } from '../Icon';

/** Re-renders at each of `instants` (ms) as it passes. */
function useNowPassing(instants: number[]): number {
  const [now, setNow] = useState(Date.now());
  const next = instants.filter((t) => t > now).sort((a, b) => a - b)[0];
  useEffect(() => {
    if (next === undefined) return undefined;
    // Timers cannot wait more than ~24 days; a day at a time is plenty.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - now + 50, 86_400_000));
    return () => clearTimeout(timer);
  }, [now, next]);
  return now;
}

/** "9 h 20": 10 minutes before the start, in the practitioner's wall clock like the start. */
function openingTime(start: string, lang: 'fr' | 'en'): string {
  const p = parseInstant(start);
  if (!p) return '';
  const m = (((p.hour * 60 + p.minute - 10) % 1440) + 1440) % 1440;
  return spokenTime(Math.floor(m / 60), m % 60, lang);
}

export function JoinConsultation({
  id,
  start,
  end,
  when,
}: {
  id: string;
  start: string;
  end: string;
  when: string;
}) {
  const { t, lang } = useI18n();
  const j = t.join;
  const now = useNowPassing([opensAt(start), Date.parse(end)]);
  const phase = joinWindow(start, end, now);
  if (phase === 'over') return null;
  const noteId = `join-${id}-note`;
  return (
    <div class="join-row">
      {phase === 'open' ? (
        <a class="btn btn-primary btn-large" href={precallPath(id)} data-testid="join-consultation">
          <Icon name="video" />
          {j.join}
          <span class="visually-hidden"> — {when}</span>
        </a>
      ) : (
        <>
          <button
            type="button"
            class="btn btn-primary"
            disabled
            aria-describedby={noteId}
            data-testid="join-consultation"
          >
            <Icon name="video" />
            {j.join}
          </button>
          <a class="btn btn-quiet" href={precallPath(id)} data-testid="precall-link">
            {j.test}
            <span class="visually-hidden"> — {when}</span>
          </a>
          <p id={noteId} class="join-note">
            <Icon name="clock" />
            {fillText(j.opensAt, { time: openingTime(start, lang) })}
          </p>
        </>
      )}
    </div>
  );
}
