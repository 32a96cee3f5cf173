// The agenda's week view: a time grid on wide screens, a list of days on phones.
import { useI18n } from '../../i18n';
import type { AgendaDay } from '../../lib/directory';
import { fillText } from '../../lib/format';
import { formatDayLong, rangeSentence } from '../../lib/slots';
import { byStart, freeCount } from './agendaText';
import { TimeGrid } from './TimeGrid';

export function WeekView({ days, today, onOpenDay }: { days: AgendaDay[]; today: string; onOpenDay: (d: string) => void }) {
  return (
    <>
      <Legend />
      <TimeGrid days={days} today={today} onOpenDay={onOpenDay} />
      <WeekList days={days} today={today} onOpenDay={onOpenDay} />
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  const a = t.agenda;
  return (
    <div class="week-legend" aria-hidden="true">
      <span class="legend-item legend-open">{a.openTitle}</span>
      <span class="legend-item legend-free">{a.freeTitle}</span>
      <span class="legend-item legend-absence">{a.kinds.absence}</span>
      <span class="legend-item legend-block">{a.kinds.block}</span>
    </div>
  );
}

/** The week on a phone: one line per day (hours, free slots, unavailability). */
function WeekList({ days, today, onOpenDay }: { days: AgendaDay[]; today: string; onOpenDay: (d: string) => void }) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  return (
    <ul class="week-list">
      {days.map((d) => (
        <li key={d.date} class={d.date === today ? 'week-list-day is-today' : 'week-list-day'}>
          <button type="button" class="week-list-link" onClick={() => onOpenDay(d.date)}>
            <span class="week-list-date">{formatDayLong(d.date, lang)}</span>
            <span class="week-list-count">{freeCount(d.free.length, a)}</span>
          </button>
          <p class="muted small">
            {d.open.length ? byStart(d.open).map((r) => `${rangeSentence(r.start, r.end, lang)} (${t.modes[r.mode]})`).join(', ') : a.closedDay}
            {d.holiday ? ` · ${fillText(a.holiday, { name: d.holiday })}` : ''}
            {d.blocked.length ? ` · ${d.blocked.map((x) => a.kinds[x.kind]).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
