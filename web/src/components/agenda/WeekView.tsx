// The agenda's week view: a time grid on wide screens, a list of days on phones, then the
// week's appointments as a list (time, patient, motif, mode, status), at every width.
import { StatusBadge } from '../booking/Bits';
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import type { BookedAgendaDay } from '../../lib/booking/booking';
import { fillText } from '../../lib/format';
import { formatClock, formatDayLong, rangeSentence } from '../../lib/booking/slots';
import { appointmentCount, byStart, freeCount, liveCount } from './agendaText';
import { TimeGrid } from './TimeGrid';

export function WeekView({
  days,
  today,
  onOpenDay,
}: {
  days: BookedAgendaDay[];
  today: string;
  onOpenDay: (d: string) => void;
}) {
  return (
    <>
      <Legend />
      <TimeGrid days={days} today={today} onOpenDay={onOpenDay} />
      <WeekList days={days} today={today} onOpenDay={onOpenDay} />
      <WeekAppointments days={days} onOpenDay={onOpenDay} />
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
      <span class="legend-item legend-appointment">{t.agendaBooking.legend}</span>
    </div>
  );
}

/** The week on a phone: one line per day (hours, free slots, unavailability). */
function WeekList({
  days,
  today,
  onOpenDay,
}: {
  days: BookedAgendaDay[];
  today: string;
  onOpenDay: (d: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  return (
    <ul class="week-list">
      {days.map((d) => (
        <li key={d.date} class={d.date === today ? 'week-list-day is-today' : 'week-list-day'}>
          <button type="button" class="week-list-link" onClick={() => onOpenDay(d.date)}>
            <span class="week-list-date">{formatDayLong(d.date, lang)}</span>
            <span class="week-list-count">
              {freeCount(d.free.length, a)}
              {liveCount(d) > 0 && ` · ${appointmentCount(liveCount(d), t.agendaBooking)}`}
            </span>
          </button>
          <p class="muted small">
            {d.open.length
              ? byStart(d.open)
                  .map((r) => `${rangeSentence(r.start, r.end, lang)} (${t.modes[r.mode]})`)
                  .join(', ')
              : a.closedDay}
            {d.holiday ? ` · ${fillText(a.holiday, { name: d.holiday })}` : ''}
            {d.blocked.length ? ` · ${d.blocked.map((x) => a.kinds[x.kind]).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The week's appointments, day by day; a day's name opens its day view (to close or cancel). */
function WeekAppointments({
  days,
  onOpenDay,
}: {
  days: BookedAgendaDay[];
  onOpenDay: (d: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const withAppointments = days.filter((d) => d.appointments.length > 0);
  return (
    <section class="week-appointments" aria-labelledby="week-appointments-title">
      <h3 id="week-appointments-title">{a.appointmentsTitle}</h3>
      {withAppointments.length === 0 ? (
        <p class="muted">{a.appointmentsNone}</p>
      ) : (
        withAppointments.map((d) => (
          <div key={d.date} class="week-appointments-day">
            <h4 class="small-title">
              <button type="button" class="link-button" onClick={() => onOpenDay(d.date)}>
                {formatDayLong(d.date, lang)}
              </button>
            </h4>
            <ul class="plain-list">
              {byStart(d.appointments).map((x) => (
                <li
                  key={x.id}
                  class="week-appointment"
                  data-testid="agenda-appointment"
                  data-id={x.id}
                  data-status={x.status}
                >
                  <span class="range-time">{formatClock(x.start)}</span>
                  <Icon name={x.mode === 'video' ? 'video' : 'user'} />
                  <span class="visually-hidden">{t.modes[x.mode]}</span>
                  <span class="week-appointment-text">
                    <strong>{x.patient.name}</strong> · {x.motif.label}
                  </span>
                  <StatusBadge status={x.status} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
