// /praticien/agenda/horaires — the weekly opening hours (GET/PUT /practitioner/agenda/hours),
// for the practitioner and their assistants: per weekday and per mode (téléconsultation, au
// cabinet), any number of ranges; a break is the gap between two ranges of the same day.
// "Copier le lundi" fills Tuesday to Friday; the checks (a time, start before end, no overlap)
// are shown at each field and in the summary, then the server has the last word.
import { useState } from 'preact/hooks';
import { useZoneName, shouldNameZone } from '../components/Directory';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm, type Errors } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import type { Mode, OpeningRange, WeeklyHours } from '../lib/directory/directory';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { hoursFromWeek, validateWeek, weekFromHours, type Week } from '../lib/practitioner/hours';
import { fetchHours, saveHours } from '../lib/practitioner/api';

const MODES: Mode[] = ['video', 'in_person'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function AgendaHoursPage() {
  const { t } = useI18n();
  return (
    <PractitionerLayout title={t.hours.title} lead={t.hours.lead}>
      {() => <HoursLoader />}
    </PractitionerLayout>
  );
}

function HoursLoader() {
  const hours = useLoad((signal) => fetchHours(signal), []);
  return (
    <LoadState
      loading={hours.loading && !hours.data}
      error={hours.data ? null : hours.error}
      onRetry={hours.reload}
      lines={7}
    >
      {hours.data && <HoursEditor initial={hours.data} />}
    </LoadState>
  );
}

let nextKey = 0;
const newKey = () => `r${++nextKey}`;

function HoursEditor({ initial }: { initial: WeeklyHours }) {
  const { t } = useI18n();
  const h = t.hours;
  const zoneName = useZoneName();
  const form = useForm('h-');
  const [week, setWeek] = useState<Week>(() => weekFromHours(initial.hours, newKey));
  const [status, setStatus] = useState<string | null>(null);
  const dayName = (d: number) => t.weekdays[String(d) as keyof typeof t.weekdays];
  const modeName = (m: Mode) => (m === 'video' ? h.video : h.inPerson);

  function update(fn: (w: Week) => Week) {
    setStatus(null);
    setWeek((w) => fn(structuredClone(w)));
  }

  function check(): Errors {
    const problems = validateWeek(week);
    const out: Errors = {};
    for (const p of problems)
      out[`${p.day}-${p.mode}-${p.index}-${p.which}`] =
        `${dayName(p.day)}, ${modeName(p.mode).toLowerCase()} : ${h.checks[p.problem]}`;
    return out;
  }

  async function save() {
    setStatus(null);
    const body: { hours: OpeningRange[] } = { hours: hoursFromWeek(week) };
    const saved = await saveHours(body);
    if (saved && Array.isArray(saved.hours)) setWeek(weekFromHours(saved.hours, newKey));
    setStatus(h.saved);
  }

  return (
    <div class="hours-page">
      <p>
        <a class="link-arrow back-arrow" href={ROUTES.agenda}>
          <Icon name="chevronLeft" />
          {h.back}
        </a>
      </p>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, save))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <div class="hours-notes">
          {shouldNameZone(initial.timezone) && (
            <p class="zone-note">
              <Icon name="globe" />
              {fillText(h.zoneNote, { zone: zoneName(initial.timezone) })}
            </p>
          )}
          <p class="muted small">{h.midnightHint}</p>
          <p class="muted small">{h.videoWindow}</p>
        </div>
        <div class="hours-toolbar">
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              update((w) => {
                for (const d of [2, 3, 4, 5])
                  for (const m of MODES) w[d]![m] = w[1]![m].map((r) => ({ ...r, key: newKey() }));
                return w;
              });
              form.clear();
              setStatus(h.copied);
            }}
          >
            <Icon name="copy" />
            {h.copyMonday}
          </button>
        </div>
        <div class="hours-grid">
          <div class="hours-row hours-head" aria-hidden="true">
            <span />
            {MODES.map((m) => (
              <span key={m} class="hours-mode-head">
                <Icon name={m === 'video' ? 'video' : 'user'} />
                {modeName(m)}
              </span>
            ))}
          </div>
          {WEEKDAYS.map((d) => (
            <fieldset key={d} class="hours-row">
              <legend class="hours-day">{dayName(d)}</legend>
              {MODES.map((m) => {
                const ranges = week[d]![m];
                return (
                  <div
                    key={m}
                    class="hours-cell"
                    role="group"
                    aria-label={`${dayName(d)}, ${modeName(m)}`}
                  >
                    <span class="hours-mode-inline" aria-hidden="true">
                      <Icon name={m === 'video' ? 'video' : 'user'} />
                      {modeName(m)}
                    </span>
                    {ranges.length === 0 && <p class="hours-closed">{h.closed}</p>}
                    {ranges.map((r, i) => {
                      const base = `${d}-${m}-${i}`;
                      const label = { n: i + 1, day: dayName(d), mode: modeName(m) };
                      const errStart = form.errors[`${base}-start`];
                      const errEnd = form.errors[`${base}-end`];
                      return (
                        <div
                          key={r.key}
                          class={errStart || errEnd ? 'hours-range has-error' : 'hours-range'}
                        >
                          <input
                            id={form.id(`${base}-start`)}
                            class="input time-input"
                            type="time"
                            step={300}
                            value={r.start}
                            aria-label={fillText(h.rangeStart, label)}
                            aria-invalid={errStart ? true : undefined}
                            aria-describedby={errStart ? `${form.id(base)}-error` : undefined}
                            onInput={(e) => {
                              const value = e.currentTarget.value;
                              update((w) => ((w[d]![m][i]!.start = value), w));
                            }}
                          />
                          <span class="hours-dash" aria-hidden="true">
                            –
                          </span>
                          <input
                            id={form.id(`${base}-end`)}
                            class="input time-input"
                            type="time"
                            step={300}
                            value={r.end}
                            aria-label={fillText(h.rangeEnd, label)}
                            aria-invalid={errEnd ? true : undefined}
                            aria-describedby={errEnd ? `${form.id(base)}-error` : undefined}
                            onInput={(e) => {
                              const value = e.currentTarget.value;
                              update((w) => ((w[d]![m][i]!.end = value), w));
                            }}
                          />
                          <button
                            type="button"
                            class="btn btn-quiet icon-button"
                            onClick={() => {
                              update((w) => (w[d]![m].splice(i, 1), w));
                              form.clear();
                            }}
                          >
                            <Icon name="close" />
                            <span class="visually-hidden">{fillText(h.removeLabel, label)}</span>
                          </button>
                          {(errStart || errEnd) && (
                            <p id={`${form.id(base)}-error`} class="field-error hours-error">
                              <Icon name="alert" />
                              <span>{errStart ?? errEnd}</span>
                            </p>
                          )}
                        </div>
                      );
                    })}
                    <button
                      type="button"
                      class="btn btn-quiet add-range"
                      onClick={() =>
                        update((w) => {
                          const list = w[d]![m];
                          const last = list[list.length - 1];
                          const start = last ? last.end : '09:00';
                          list.push({ key: newKey(), start, end: last ? '' : '12:00' });
                          return w;
                        })
                      }
                    >
                      <Icon name="plus" />
                      {h.add}
                      <span class="visually-hidden">
                        , {dayName(d)}, {modeName(m)}
                      </span>
                    </button>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </div>
        <div class="form-actions">
          <SubmitButton busy={form.busy}>{h.save}</SubmitButton>
          <StatusMessage message={status} />
        </div>
      </form>
    </div>
  );
}
