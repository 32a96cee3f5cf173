// The agenda's time grid (the week view on wide screens, and beside the day view).
import { useMemo } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { BookedAgendaDay } from '../../lib/booking/booking';
import type { Mode } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import {
  formatClock,
  formatDayMonth,
  formatWeekdayShort,
  localDate,
  localMinutes,
} from '../../lib/booking/slots';
import { appointmentCount, freeCount, liveCount } from './agendaText';

const PX_PER_MIN = 1; // 60 px per hour: a 20-minute slot is 20 px, enough for its time

interface Block {
  key: string;
  top: number;
  height: number;
  kind: 'open' | 'free' | 'absence' | 'block' | 'extra' | 'appointment' | 'appointment-pending';
  mode?: Mode | null;
  label: string;
}

/** The minutes an instant covers on `day`: clipped to that day's 0–1440. */
function minutesOn(day: string, iso: string, isEnd: boolean): number {
  const d = localDate(iso);
  if (d < day) return 0;
  if (d > day) return 1440;
  const m = localMinutes(iso);
  return isEnd && m === 0 ? 0 : m;
}

/**
 * The time grid: hours down the side, one column per day, with the opening hours, the free
 * slots, blocked time and appointments placed at their times. Visual only (aria-hidden): the
 * same facts are in the day headers' names and in the day view's lists.
 */
export function TimeGrid({
  days,
  today,
  onOpenDay,
}: {
  days: BookedAgendaDay[];
  today: string;
  onOpenDay?: (d: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const { startMin, endMin } = useMemo(() => {
    let lo = 8 * 60;
    let hi = 19 * 60;
    for (const d of days)
      for (const r of [...d.open, ...d.free, ...d.appointments]) {
        lo = Math.min(lo, minutesOn(d.date, r.start, false));
        const e = minutesOn(d.date, r.end, true);
        hi = Math.max(hi, e === 0 ? 1440 : e);
      }
    return { startMin: Math.floor(lo / 60) * 60, endMin: Math.min(1440, Math.ceil(hi / 60) * 60) };
  }, [days]);
  const height = (endMin - startMin) * PX_PER_MIN;

  function blocksOf(d: BookedAgendaDay): Block[] {
    const out: Block[] = [];
    const add = (
      key: string,
      start: number,
      end: number,
      kind: Block['kind'],
      label: string,
      mode?: Mode | null,
    ) => {
      const s = Math.max(start, startMin);
      const e = Math.min(end === 0 ? 1440 : end, endMin);
      if (e <= s) return;
      out.push({
        key,
        top: (s - startMin) * PX_PER_MIN,
        height: (e - s) * PX_PER_MIN,
        kind,
        label,
        mode: mode ?? null,
      });
    };
    for (const r of d.open)
      add(
        `o${r.start}${r.mode}`,
        minutesOn(d.date, r.start, false),
        minutesOn(d.date, r.end, true),
        'open',
        t.modes[r.mode],
        r.mode,
      );
    for (const s of d.free)
      add(
        `f${s.start}${s.mode}`,
        minutesOn(d.date, s.start, false),
        minutesOn(d.date, s.end, true),
        'free',
        formatClock(s.start),
        s.mode,
      );
    for (const x of d.blocked)
      add(
        `b${x.id}`,
        minutesOn(d.date, x.start, false),
        minutesOn(d.date, x.end, true),
        x.kind,
        a.kinds[x.kind] + (x.note ? ` — ${x.note}` : ''),
      );
    // Cancelled and expired appointments no longer hold their time: not drawn.
    for (const x of d.appointments)
      if (x.status !== 'cancelled' && x.status !== 'expired')
        add(
          `a${x.id}`,
          minutesOn(d.date, x.start, false),
          minutesOn(d.date, x.end, true),
          x.status === 'pending_payment' ? 'appointment-pending' : 'appointment',
          fillText(t.agendaBooking.inGrid, {
            time: formatClock(x.start),
            name: x.patient?.name ?? a.appointment,
          }),
          x.mode,
        );
    return out;
  }

  const hours = Array.from({ length: (endMin - startMin) / 60 + 1 }, (_, i) => startMin / 60 + i);
  const single = days.length === 1;
  return (
    <div class={single ? 'ag-week is-single' : 'ag-week'}>
      {!single && (
        <div class="ag-head">
          <span class="ag-corner" />
          {days.map((d) => (
            <div key={d.date} class={d.date === today ? 'ag-day-head is-today' : 'ag-day-head'}>
              <button type="button" class="ag-day-link" onClick={() => onOpenDay?.(d.date)}>
                <span class="ag-day-name">{formatWeekdayShort(d.date, lang)}</span>
                <span class="ag-day-date">{formatDayMonth(d.date, lang)}</span>
                <span class="visually-hidden">
                  {' '}
                  — {freeCount(d.free.length, a)}
                  {liveCount(d) ? `, ${appointmentCount(liveCount(d), t.agendaBooking)}` : ''}
                  {d.blocked.length ? `, ${d.blocked.map((x) => a.kinds[x.kind]).join(', ')}` : ''}
                  {d.holiday ? `, ${fillText(a.holiday, { name: d.holiday })}` : ''}
                </span>
              </button>
              <span class="ag-day-count" aria-hidden="true">
                {freeCount(d.free.length, a)}
              </span>
              {d.holiday && (
                <span class="ag-holiday" aria-hidden="true">
                  {d.holiday}
                </span>
              )}
            </div>
          ))}
        </div>
      )}
      <div class="ag-body" aria-hidden="true" style={{ height: `${height}px` }}>
        <div class="ag-hours">
          {hours.map((h) => (
            <span key={h} class="ag-hour" style={{ top: `${(h * 60 - startMin) * PX_PER_MIN}px` }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((d) => (
          <div key={d.date} class={d.holiday ? 'ag-col is-holiday' : 'ag-col'}>
            {hours.map((h) => (
              <span
                key={h}
                class="ag-line"
                style={{ top: `${(h * 60 - startMin) * PX_PER_MIN}px` }}
              />
            ))}
            {blocksOf(d).map((b) => (
              <span
                key={b.key}
                class={`ag-item ag-${b.kind}${b.mode ? ` ag-mode-${b.mode}` : ''}${b.height < 16 ? ' is-tiny' : ''}`}
                style={{ top: `${b.top}px`, height: `${b.height}px` }}
              >
                {b.kind !== 'open' && b.height >= 16 && <span class="ag-label">{b.label}</span>}
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
