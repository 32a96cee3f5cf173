// /praticien/agenda — the practitioner's agenda (SPEC AGD1–AGD4), for the practitioner and
// their assistants: a day or a week of GET /practitioner/agenda (opening hours, free slots,
// blocked time, appointments, public holidays), the delay announced to today's patients, and
// the changes that do not fit the weekly hours: a blocked time, an absence over whole days, an
// extra opening; the upcoming ones are listed with "Supprimer". The weekly hours have their own
// page (/praticien/agenda/horaires).
//
// The address holds the view (?vue=jour|semaine&date=YYYY-MM-DD), so a reload or the back
// button keeps it. Times are the practitioner's wall clock, read from the API's instants.
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { shouldNameZone, useZoneName } from '../components/Directory';
import { SelectField, TextareaField, TextField } from '../components/forms/Field';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad, type Loaded } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import type { AgendaDay, AgendaException, AgendaView, ExceptionKind, Mode } from '../lib/directory';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import {
  addDays,
  browserZone,
  formatClock,
  formatDate,
  formatDayLong,
  formatDayMonth,
  formatWeekdayShort,
  isDate,
  lastCoveredDay,
  localDate,
  localMinutes,
  mondayOf,
  parseHHMM,
  rangeSentence,
  todayIn,
} from '../lib/slots';

type View = 'day' | 'week';

export function AgendaPage() {
  const { t } = useI18n();
  const a = t.agenda;
  return (
    <PractitionerLayout title={a.title} lead={(me) => (me.account.role === 'assistant' && me.account.assistant_of ? fillText(a.leadAssistant, { name: me.account.assistant_of.name }) : a.lead)}>
      {() => <Agenda />}
    </PractitionerLayout>
  );
}

function narrowScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(max-width: 760px)').matches;
}

function Agenda() {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const { query, route, path } = useLocation();
  const zoneName = useZoneName();
  const [zone, setZone] = useState<string>(browserZone() ?? 'Europe/Paris');
  const today = todayIn(zone);
  const view: View = query.vue === 'jour' ? 'day' : query.vue === 'semaine' ? 'week' : narrowScreen() ? 'day' : 'week';
  const date = isDate(query.date) ? query.date : today;
  const from = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;

  const agenda = useLoad(
    (signal) =>
      api.get<AgendaView>(`/practitioner/agenda?from=${from}&days=${days}`, { signal }).then((r) => {
        setZone(r.timezone);
        return r;
      }),
    [from, days, lang],
  );
  const upcoming = useLoad(
    (signal) => api.get<{ items: AgendaException[] }>(`/practitioner/agenda/exceptions?from=${today}&to=${addDays(today, 365)}`, { signal }).then((r) => r.items),
    [today],
  );
  const slow = useSlow(agenda.loading);
  const [status, setStatus] = useState<string | null>(null);

  const go = (next: { view?: View; date?: string }) => {
    const v = next.view ?? view;
    const d = next.date ?? date;
    const qs = new URLSearchParams({ vue: v === 'day' ? 'jour' : 'semaine', date: d });
    route(`${path}?${qs}`);
  };
  const refresh = () => {
    agenda.reload();
    upcoming.reload();
  };

  async function remove(x: AgendaException) {
    setStatus(null);
    try {
      await api.del(`/practitioner/agenda/exceptions/${encodeURIComponent(x.id)}`);
      setStatus(a.deleted);
      refresh();
    } catch (e) {
      setStatus(errorText(e, t.errors));
    }
  }

  const step = view === 'week' ? 7 : 1;
  const title =
    view === 'week'
      ? fillText(a.weekOf, { from: formatDayMonth(from, lang), to: formatDate(addDays(from, 6), lang) })
      : formatDayLong(date, lang, true);
  const tz = agenda.data?.timezone ?? zone;

  return (
    <div class="agenda-layout">
      <div class="agenda-main">
        <div class="agenda-toolbar">
          <div class="segmented" role="group" aria-label={a.view}>
            {(['day', 'week'] as const).map((v) => (
              <button key={v} type="button" class="segment" aria-pressed={v === view} onClick={() => go({ view: v })}>
                {v === 'day' ? a.day : a.week}
              </button>
            ))}
          </div>
          <div class="agenda-nav">
            <button type="button" class="btn btn-quiet icon-button" onClick={() => go({ date: addDays(date, -step) })}>
              <Icon name="chevronLeft" />
              <span class="visually-hidden">{view === 'week' ? a.previousWeek : a.previousDay}</span>
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => go({ date: today })} aria-pressed={view === 'day' ? date === today : from === mondayOf(today)}>
              {a.today}
            </button>
            <button type="button" class="btn btn-quiet icon-button" onClick={() => go({ date: addDays(date, step) })}>
              <Icon name="chevronRight" />
              <span class="visually-hidden">{view === 'week' ? a.nextWeek : a.nextDay}</span>
            </button>
          </div>
          <div class="agenda-goto">
            <label for="agenda-date" class="visually-hidden">
              {a.goTo}
            </label>
            <input id="agenda-date" class="input" type="date" value={date} onChange={(e) => isDate(e.currentTarget.value) && go({ date: e.currentTarget.value })} />
          </div>
        </div>
        <h2 class="agenda-title" aria-live="polite">
          {title}
        </h2>
        {shouldNameZone(tz) && (
          <p class="zone-note">
            <Icon name="globe" />
            {fillText(a.zoneNote, { zone: zoneName(tz) })}
          </p>
        )}
        <StatusMessage message={status} />
        {slow && <p class="slow-note">{t.search.slow}</p>}
        <LoadState loading={agenda.loading && !agenda.data} error={agenda.data ? null : agenda.error} onRetry={agenda.reload} lines={6}>
          {agenda.data && (
            <div class={agenda.loading ? 'is-stale' : undefined} aria-busy={agenda.loading}>
              {view === 'day' ? (
                agenda.data.days[0] && <DayView day={agenda.data.days[0]} onRemove={(x) => void remove(x)} />
              ) : (
                <WeekView days={agenda.data.days} today={today} onOpenDay={(d) => go({ view: 'day', date: d })} />
              )}
            </div>
          )}
        </LoadState>
      </div>
      <div class="agenda-side">
        <DelayPanel current={agenda.data?.delay_minutes ?? 0} onChange={(minutes) => agenda.setData((d) => (d ? { ...d, delay_minutes: minutes } : d))} />
        <ChangePanel defaultDate={date < today ? today : date} onDone={refresh} />
        <UpcomingPanel list={upcoming} onRemove={(x) => void remove(x)} />
        <p>
          <a class="link-arrow" href={ROUTES.agendaHours}>
            {a.hoursLink}
            <Icon name="arrowRight" />
          </a>
        </p>
      </div>
    </div>
  );
}

// --- Day view: the day's hours, appointments, unavailability and free slots ----------------------

function modeName(t: ReturnType<typeof useI18n>['t'], mode: Mode | null | undefined): string {
  return mode ? t.modes[mode] : '';
}

function exceptionText(x: AgendaException, lang: 'fr' | 'en', a: ReturnType<typeof useI18n>['t']['agenda']): string {
  const first = localDate(x.start);
  const last = lastCoveredDay(x.end);
  const wholeDays = localMinutes(x.start) === 0 && localMinutes(x.end) === 0;
  if (wholeDays) return first === last ? fillText(a.oneDay, { date: formatDayLong(first, lang) }) : fillText(a.rangeDays, { from: formatDayLong(first, lang), to: formatDayLong(last, lang) });
  if (first === localDate(x.end)) return fillText(a.timeRange, { date: formatDayLong(first, lang), range: rangeSentence(x.start, x.end, lang) });
  return fillText(a.rangeDays, { from: `${formatDayLong(first, lang)} ${formatClock(x.start)}`, to: `${formatDayLong(localDate(x.end), lang)} ${formatClock(x.end)}` });
}

function DayView({ day, onRemove }: { day: AgendaDay; onRemove: (x: AgendaException) => void }) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const byMode = (['video', 'in_person'] as const).map((m) => ({ mode: m, slots: day.free.filter((s) => s.mode === m) })).filter((g) => g.slots.length > 0);
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
            <strong>{fillText(a.holiday, { name: day.holiday })}</strong> {day.open.length === 0 ? a.holidayClosed : a.holidayOpen}
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
          <ul class="range-list">
            {day.appointments.map((x) => (
              <li key={x.id ?? x.start} class="range range-appointment">
                <Icon name="users" />
                <span class="range-time">{rangeSentence(x.start, x.end, lang)}</span>
                <span class="range-mode">
                  {a.appointment}
                  {x.mode ? ` · ${modeName(t, x.mode)}` : ''}
                </span>
              </li>
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
                    {a.kinds[x.kind]} — {localDate(x.start) === day.date && localDate(x.end) === day.date ? rangeSentence(x.start, x.end, lang) : exceptionText(x, lang, a)}
                  </span>
                  {x.note && <span class="range-note">{x.note}</span>}
                </span>
                <button type="button" class="btn btn-quiet" onClick={() => onRemove(x)}>
                  <Icon name="trash" />
                  {a.delete}
                  <span class="visually-hidden">
                    {' '}
                    — {a.kinds[x.kind]}, {exceptionText(x, lang, a)}
                  </span>
                </button>
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

/** Ranges in time order (the API groups them by mode). */
function byStart<T extends { start: string }>(list: T[]): T[] {
  return list.slice().sort((x, y) => x.start.localeCompare(y.start));
}

function freeCount(n: number, a: { freeNone: string; freeOne: string; freeMany: string }): string {
  return n === 0 ? a.freeNone : n === 1 ? a.freeOne : fillText(a.freeMany, { n });
}

// --- Week view: a time grid on wide screens, a list of days on phones ---------------------------

const PX_PER_MIN = 1; // 60 px per hour: a 20-minute slot is 20 px, enough for its time

interface Block {
  key: string;
  top: number;
  height: number;
  kind: 'open' | 'free' | 'absence' | 'block' | 'extra' | 'appointment';
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

function WeekView({ days, today, onOpenDay }: { days: AgendaDay[]; today: string; onOpenDay: (d: string) => void }) {
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

/**
 * The time grid: hours down the side, one column per day, with the opening hours, the free
 * slots, blocked time and appointments placed at their times. Visual only (aria-hidden): the
 * same facts are in the day headers' names and in the day view's lists.
 */
function TimeGrid({ days, today, onOpenDay }: { days: AgendaDay[]; today: string; onOpenDay?: (d: string) => void }) {
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

  function blocksOf(d: AgendaDay): Block[] {
    const out: Block[] = [];
    const add = (key: string, start: number, end: number, kind: Block['kind'], label: string, mode?: Mode | null) => {
      const s = Math.max(start, startMin);
      const e = Math.min(end === 0 ? 1440 : end, endMin);
      if (e <= s) return;
      out.push({ key, top: (s - startMin) * PX_PER_MIN, height: (e - s) * PX_PER_MIN, kind, label, mode: mode ?? null });
    };
    for (const r of d.open) add(`o${r.start}${r.mode}`, minutesOn(d.date, r.start, false), minutesOn(d.date, r.end, true), 'open', t.modes[r.mode], r.mode);
    for (const s of d.free) add(`f${s.start}${s.mode}`, minutesOn(d.date, s.start, false), minutesOn(d.date, s.end, true), 'free', formatClock(s.start), s.mode);
    for (const x of d.blocked) add(`b${x.id}`, minutesOn(d.date, x.start, false), minutesOn(d.date, x.end, true), x.kind, a.kinds[x.kind] + (x.note ? ` — ${x.note}` : ''));
    for (const x of d.appointments) add(`a${x.start}`, minutesOn(d.date, x.start, false), minutesOn(d.date, x.end, true), 'appointment', a.appointment);
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
              <span key={h} class="ag-line" style={{ top: `${(h * 60 - startMin) * PX_PER_MIN}px` }} />
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

// --- Delay -----------------------------------------------------------------------------------------

const DELAYS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

function DelayPanel({ current, onChange }: { current: number; onChange: (minutes: number) => void }) {
  const { t } = useI18n();
  const a = t.agenda;
  const [minutes, setMinutes] = useState('15');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(value: number) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const r = await api.post<{ minutes: number }>('/practitioner/agenda/delay', { minutes: value });
      onChange(r.minutes);
      setStatus(r.minutes ? fillText(a.delayAnnounced, { minutes: r.minutes }) : a.delayCleared);
    } catch (e) {
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class={current ? 'card panel side-panel delay-panel is-late' : 'card panel side-panel delay-panel'} aria-labelledby="delay-panel-title">
      <h2 id="delay-panel-title">{a.delayTitle}</h2>
      <p class={current ? 'delay-current' : 'muted'}>
        {current ? (
          <>
            <Icon name="clock" /> {fillText(a.delayCurrent, { minutes: current })}
          </>
        ) : (
          a.delayNone
        )}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(Number(minutes));
        }}
      >
        <SelectField id="delay" label={a.delayLabel} hint={a.delayHint} value={minutes} onValue={setMinutes} options={DELAYS.map((n) => ({ value: String(n), label: fillText(a.delayOption, { n }) }))} />
        {error && (
          <p class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
        <div class="card-actions">
          <SubmitButton busy={busy} variant="secondary">
            {a.delayAnnounce}
          </SubmitButton>
          {current > 0 && (
            <button type="button" class="btn btn-quiet" onClick={() => void send(0)}>
              {a.delayClear}
            </button>
          )}
        </div>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}

// --- Block, absence, extra opening -------------------------------------------------------------------

interface ChangeDraft {
  date: string;
  endDate: string;
  start: string;
  end: string;
  mode: Mode;
  note: string;
}

function ChangePanel({ defaultDate, onDone }: { defaultDate: string; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.agenda;
  const [kind, setKind] = useState<ExceptionKind>('block');
  const form = useForm('x-', (f) => (f === 'start' ? 'date' : f === 'end' ? 'end_time' : f));
  const [v, setV] = useState<ChangeDraft>({ date: defaultDate, endDate: defaultDate, start: '', end: '', mode: 'video', note: '' });
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof ChangeDraft) => (value: string) => {
    setDone(null);
    setV((old) => ({ ...old, [k]: value, ...(k === 'date' && old.endDate < value ? { endDate: value } : {}) }));
  };

  function check(): Errors {
    const c = a.checks;
    if (kind === 'absence')
      return {
        date: isDate(v.date) ? undefined : c.dateRequired,
        end_date: !isDate(v.endDate) ? c.dateRequired : v.endDate < v.date ? c.endDateBefore : undefined,
        note: v.note.length > 200 ? c.noteTooLong : undefined,
      };
    const s = parseHHMM(v.start);
    const e = parseHHMM(v.end === '00:00' ? '24:00' : v.end);
    return {
      date: isDate(v.date) ? undefined : c.dateRequired,
      start_time: s === null ? c.timeRequired : undefined,
      end_time: e === null ? c.timeRequired : s !== null && e <= s ? c.endBeforeStart : undefined,
      note: v.note.length > 200 ? c.noteTooLong : undefined,
    };
  }

  async function save() {
    const body: Record<string, string> =
      kind === 'absence'
        ? { kind, start: `${v.date}T00:00`, end: `${addDays(v.endDate, 1)}T00:00` }
        : { kind, start: `${v.date}T${v.start}`, end: v.end === '00:00' ? `${addDays(v.date, 1)}T00:00` : `${v.date}T${v.end}` };
    if (kind === 'extra') body.mode = v.mode;
    if (v.note.trim()) body.note = v.note.trim();
    await api.post('/practitioner/agenda/exceptions', body);
    setDone(kind === 'absence' ? a.addedAbsence : kind === 'block' ? a.addedBlock : a.addedExtra);
    setV((old) => ({ ...old, start: '', end: '', note: '' }));
    onDone();
  }

  const help = kind === 'absence' ? a.absenceHelp : kind === 'block' ? a.blockHelp : a.extraHelp;
  return (
    <section class="card panel side-panel" aria-labelledby="change-title">
      <h2 id="change-title">{a.changeTitle}</h2>
      <div class="segmented segmented-stack" role="group" aria-label={a.changeKind}>
        {(['block', 'absence', 'extra'] as const).map((k) => (
          <button
            key={k}
            type="button"
            class="segment"
            aria-pressed={k === kind}
            onClick={() => {
              setKind(k);
              setDone(null);
              form.clear();
            }}
          >
            {k === 'block' ? a.blockAction : k === 'absence' ? a.absenceAction : a.extraAction}
          </button>
        ))}
      </div>
      <p class="muted small">{help}</p>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, save))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        {kind === 'absence' ? (
          <div class="field-row">
            <TextField id={form.id('date')} label={a.startDate} type="date" value={v.date} onValue={set('date')} error={form.errors.date} />
            <TextField id={form.id('end_date')} label={a.endDate} type="date" min={v.date} value={v.endDate} onValue={set('endDate')} error={form.errors.end_date} />
          </div>
        ) : (
          <>
            <TextField id={form.id('date')} label={a.date} type="date" value={v.date} onValue={set('date')} error={form.errors.date} />
            <div class="field-row">
              <TextField id={form.id('start_time')} label={a.startTime} type="time" step={300} value={v.start} onValue={set('start')} error={form.errors.start_time} />
              <TextField id={form.id('end_time')} label={a.endTime} type="time" step={300} value={v.end} onValue={set('end')} error={form.errors.end_time} />
            </div>
          </>
        )}
        {kind === 'extra' && (
          <SelectField id={form.id('mode')} label={a.mode} value={v.mode} onValue={(m) => set('mode')(m)} options={(['video', 'in_person'] as const).map((m) => ({ value: m, label: t.modes[m] }))} />
        )}
        <TextareaField id={form.id('note')} label={a.note} hint={a.noteHint} value={v.note} onValue={set('note')} error={form.errors.note} rows={2} maxLength={200} optional />
        <SubmitButton busy={form.busy}>{kind === 'absence' ? a.saveAbsence : kind === 'block' ? a.saveBlock : a.saveExtra}</SubmitButton>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}

function UpcomingPanel({ list, onRemove }: { list: Loaded<AgendaException[]>; onRemove: (x: AgendaException) => void }) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const items = (list.data ?? []).slice().sort((x, y) => x.start.localeCompare(y.start));
  return (
    <section class="card panel side-panel" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{a.upcomingTitle}</h2>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} lines={2}>
        {items.length === 0 ? (
          <p class="empty-note">{a.upcomingEmpty}</p>
        ) : (
          <ul class="plain-list upcoming-list">
            {items.map((x) => (
              <li key={x.id} class="list-row">
                <div class="list-row-main">
                  <p class="list-row-title">
                    <span class={`badge badge-${x.kind === 'extra' ? 'success' : 'warning'}`}>{a.kinds[x.kind]}</span>
                  </p>
                  <p>
                    {exceptionText(x, lang, a)}
                    {x.kind === 'extra' && x.mode ? ` · ${t.modes[x.mode]}` : ''}
                  </p>
                  {x.note && <p class="muted small">{x.note}</p>}
                </div>
                <button type="button" class="btn btn-quiet" onClick={() => onRemove(x)}>
                  <Icon name="trash" />
                  {a.delete}
                  <span class="visually-hidden">
                    {' '}
                    — {a.kinds[x.kind]}, {exceptionText(x, lang, a)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}

