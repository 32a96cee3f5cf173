// /praticien/agenda — the practitioner's agenda (SPEC AGD1–AGD4), for the practitioner and
// their assistants: a day or a week of GET /practitioner/agenda (opening hours, free slots,
// blocked time, appointments, public holidays), the delay announced to today's patients, and
// the changes that do not fit the weekly hours: a blocked time, an absence over whole days, an
// extra opening; the upcoming ones are listed with "Supprimer". Appointments (docs/booking.md)
// are listed in the day view with "Clôturer" and "Annuler", and "Prendre un rendez-vous pour un
// patient" books one of the shown free slots. The weekly hours have their own page
// (/praticien/agenda/horaires). The views and panels are in components/agenda/.
//
// The address holds the view (?vue=jour|semaine&date=YYYY-MM-DD), so a reload or the back
// button keeps it. Times are the practitioner's wall clock, read from the API's instants.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { BookForPatient } from '../components/agenda/BookForPatient';
import { ChangePanel } from '../components/agenda/ChangePanel';
import { DayView } from '../components/agenda/DayView';
import { DelayPanel } from '../components/agenda/DelayPanel';
import { UpcomingPanel } from '../components/agenda/UpcomingPanel';
import { WeekView } from '../components/agenda/WeekView';
import { shouldNameZone, useZoneName } from '../components/Directory';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import type { AgendaException } from '../lib/directory/directory';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import {
  addDays,
  browserZone,
  formatDate,
  formatDayLong,
  formatDayMonth,
  isDate,
  mondayOf,
  todayIn,
} from '../lib/booking/slots';
import type { Me } from '../lib/account/types';
import {
  fetchAgenda,
  fetchExceptions,
  fetchMotifs,
  removeException,
} from '../lib/practitioner/api';

type View = 'day' | 'week';

export function AgendaPage() {
  const { t } = useI18n();
  const a = t.agenda;
  return (
    <PractitionerLayout
      title={a.title}
      lead={(me) =>
        me.account.role === 'assistant' && me.account.assistant_of
          ? fillText(a.leadAssistant, { name: me.account.assistant_of.name })
          : a.lead
      }
    >
      {(me) => <Agenda me={me} />}
    </PractitionerLayout>
  );
}

function narrowScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(max-width: 760px)').matches;
}

function Agenda({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const { query, route, path } = useLocation();
  const zoneName = useZoneName();
  const [zone, setZone] = useState<string>(browserZone() ?? 'Europe/Paris');
  const today = todayIn(zone);
  const view: View =
    query.vue === 'jour'
      ? 'day'
      : query.vue === 'semaine'
        ? 'week'
        : narrowScreen()
          ? 'day'
          : 'week';
  const date = isDate(query.date) ? query.date : today;
  const from = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;

  const agenda = useLoad(
    (signal) =>
      fetchAgenda(from, days, signal).then((r) => {
        setZone(r.timezone);
        return r;
      }),
    [from, days, lang],
  );
  const upcoming = useLoad(
    (signal) => fetchExceptions(today, addDays(today, 365), signal),
    [today],
  );
  // The motifs give the booking form its choices and the closing its maximum amount. They are
  // the practitioner's own (GET /practitioner/motifs, practitioner only for now).
  const motifs = useLoad(
    (signal) =>
      me.account.role === 'practitioner'
        ? fetchMotifs(signal)
        : Promise.reject(new Error('motifs are the practitioner’s')),
    [me.account.role],
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
      await removeException(x.id);
      setStatus(a.deleted);
      refresh();
    } catch (e) {
      setStatus(errorText(e, t.errors));
    }
  }

  const step = view === 'week' ? 7 : 1;
  const title =
    view === 'week'
      ? fillText(a.weekOf, {
          from: formatDayMonth(from, lang),
          to: formatDate(addDays(from, 6), lang),
        })
      : formatDayLong(date, lang, true);
  const tz = agenda.data?.timezone ?? zone;

  return (
    <div class="agenda-layout">
      <div class="agenda-main">
        <div class="agenda-toolbar">
          <div class="segmented" role="group" aria-label={a.view}>
            {(['day', 'week'] as const).map((v) => (
              <button
                key={v}
                type="button"
                class="segment"
                aria-pressed={v === view}
                onClick={() => go({ view: v })}
              >
                {v === 'day' ? a.day : a.week}
              </button>
            ))}
          </div>
          <div class="agenda-nav">
            <button
              type="button"
              class="btn btn-quiet icon-button"
              onClick={() => go({ date: addDays(date, -step) })}
            >
              <Icon name="chevronLeft" />
              <span class="visually-hidden">
                {view === 'week' ? a.previousWeek : a.previousDay}
              </span>
            </button>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => go({ date: today })}
              aria-pressed={view === 'day' ? date === today : from === mondayOf(today)}
            >
              {a.today}
            </button>
            <button
              type="button"
              class="btn btn-quiet icon-button"
              onClick={() => go({ date: addDays(date, step) })}
            >
              <Icon name="chevronRight" />
              <span class="visually-hidden">{view === 'week' ? a.nextWeek : a.nextDay}</span>
            </button>
          </div>
          <div class="agenda-goto">
            <label for="agenda-date" class="visually-hidden">
              {a.goTo}
            </label>
            <input
              id="agenda-date"
              class="input"
              type="date"
              value={date}
              onChange={(e) => isDate(e.currentTarget.value) && go({ date: e.currentTarget.value })}
            />
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
        <LoadState
          loading={agenda.loading && !agenda.data}
          error={agenda.data ? null : agenda.error}
          onRetry={agenda.reload}
          lines={6}
        >
          {agenda.data && (
            <div class={agenda.loading ? 'is-stale' : undefined} aria-busy={agenda.loading}>
              {view === 'day' ? (
                agenda.data.days[0] && (
                  <DayView
                    day={agenda.data.days[0]}
                    onRemove={(x) => void remove(x)}
                    motifs={motifs.data}
                    onAppointmentDone={(message) => {
                      setStatus(message);
                      agenda.reload();
                    }}
                  />
                )
              ) : (
                <WeekView
                  days={agenda.data.days}
                  today={today}
                  onOpenDay={(d) => go({ view: 'day', date: d })}
                />
              )}
            </div>
          )}
        </LoadState>
      </div>
      <div class="agenda-side">
        {agenda.data && (
          <BookForPatient
            days={agenda.data.days.filter((d) => d.date >= today)}
            motifs={motifs.data}
            motifsError={!motifs.loading && !motifs.data}
            onDone={agenda.reload}
          />
        )}
        <DelayPanel
          current={agenda.data?.delay_minutes ?? 0}
          onChange={(minutes) => agenda.setData((d) => (d ? { ...d, delay_minutes: minutes } : d))}
        />
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
