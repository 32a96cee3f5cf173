// The agenda's day view: the day's hours, appointments (with "Clôturer" and "Annuler"),
// unavailability and free slots, beside the day's time grid.
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import type { BookedAgendaDay } from '../../lib/booking/booking';
import type { AgendaException, Motif } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { formatClock, localDate, rangeSentence } from '../../lib/booking/slots';
import { byStart, exceptionText, freeCount, modeName } from './agendaText';
import { AppointmentItem } from './AppointmentItem';
import { RemoveException } from './RemoveException';
import { TimeGrid } from './TimeGrid';

export function DayView({
  day,
  onRemove,
  motifs,
  onAppointmentDone,
}: {
  day: BookedAgendaDay;
  onRemove: (x: AgendaException) => void;
  /** The practitioner's motifs, for the amount to capture at closing (their price is the most). */
  motifs?: Motif[] | undefined;
  onAppointmentDone: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const byMode = (['video', 'in_person'] as const)
    .map((m) => ({ mode: m, slots: day.free.filter((s) => s.mode === m) }))
    .filter((g) => g.slots.length > 0);
  return (
    <div class="day-layout" data-date={day.date}>
      <div class="day-grid">
        <TimeGrid days={[day]} today="" />
      </div>
      <div class="day-view">
        {day.holiday && (
          <p class="notice notice-warning holiday-banner">
            <Icon name="calendar" />
            <span>
              <strong>{fillText(a.holiday, { name: day.holiday })}</strong>{' '}
              {day.open.length === 0 ? a.holidayClosed : a.holidayOpen}
            </span>
          </p>
        )}
        <section class="day-section" aria-labelledby="day-open">
          <h3 id="day-open">{a.openTitle}</h3>
          {day.open.length === 0 ? (
            <p class="muted">{a.closedDay}</p>
          ) : (
            <ul class="range-list">
              {byStart(day.open).map((r) => (
                <li key={`${r.start}-${r.mode}`} class={`range range-${r.mode}`}>
                  <Icon name={r.mode === 'video' ? 'video' : 'user'} />
                  <span class="range-time">{rangeSentence(r.start, r.end, lang)}</span>
                  <span class="range-mode">{modeName(t, r.mode)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="day-section" aria-labelledby="day-appointments">
          <h3 id="day-appointments">{a.appointmentsTitle}</h3>
          {day.appointments.length === 0 ? (
            <p class="muted">{a.appointmentsNone}</p>
          ) : (
            <ul class="range-list appointment-items">
              {byStart(day.appointments).map((x) => (
                <AppointmentItem
                  key={x.id}
                  x={x}
                  maxCents={
                    x.payment.amount_cents ??
                    motifs?.find((m) => m.id === x.motif.id)?.price_cents ??
                    null
                  }
                  onDone={onAppointmentDone}
                />
              ))}
            </ul>
          )}
        </section>
        {day.blocked.length > 0 && (
          <section class="day-section" aria-labelledby="day-blocked">
            <h3 id="day-blocked">{a.blockedTitle}</h3>
            <ul class="range-list">
              {day.blocked.map((x) => (
                <li key={x.id} class={`range range-${x.kind}`}>
                  <Icon name={x.kind === 'absence' ? 'calendar' : 'lock'} />
                  <span class="range-body">
                    <span class="range-time">
                      {a.kinds[x.kind]} —{' '}
                      {localDate(x.start) === day.date && localDate(x.end) === day.date
                        ? rangeSentence(x.start, x.end, lang)
                        : exceptionText(x, lang, a)}
                    </span>
                    {x.note && <span class="range-note">{x.note}</span>}
                  </span>
                  <RemoveException x={x} onRemove={onRemove} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <section class="day-section" aria-labelledby="day-free">
          <h3 id="day-free">
            {a.freeTitle} <span class="count-badge">{freeCount(day.free.length, a)}</span>
          </h3>
          {byMode.length === 0 ? (
            <p class="muted free-none">{a.freeNone}</p>
          ) : (
            byMode.map((g) => (
              <div key={g.mode} class="free-group">
                <h4 class="small-title">
                  <Icon name={g.mode === 'video' ? 'video' : 'user'} /> {t.modes[g.mode]}
                </h4>
                <ul class="free-slots">
                  {g.slots.map((s) => (
                    <li key={s.start} class="free-slot">
                      {formatClock(s.start)}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
      </div>
    </div>
  );
}
