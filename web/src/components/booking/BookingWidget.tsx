// The booking widget of a practitioner's public page (/praticien/:id, SPEC DIR2): the mode and
// motif selector, the week of slots, the chosen slot. Times are the practitioner's wall clock,
// with the zone named when it is not Paris's. A slot chosen here or in the search results
// (?creneau=…) is highlighted and the widget says what happens next; a slot of the week opens
// the booking stepper (/rendez-vous/nouveau) for that time, mode and motif, and the highlighted
// one has its "Réserver ce créneau" button.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { shouldNameZone, useZoneName } from '../Directory';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useMotifString } from '../MotifName';
import { useLoad } from '../useLoad';
import { useSlow } from '../useSlow';
import { useI18n } from '../../i18n';
import { bookingPath } from '../../lib/booking/bookingQuery';
import {
  formatPrice,
  modesOf,
  motifsFor,
  type Mode,
  type Motif,
  type PublicProfile,
  type Slot,
} from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import {
  addDays,
  bucketByDay,
  daysBetween,
  formatClock,
  formatDayLong,
  formatDayMonth,
  formatWeekdayShort,
  isDate,
  localDate,
  slotSentence,
  todayIn,
} from '../../lib/booking/slots';
import { fetchSlots } from '../../lib/directory/api';

const DAYS = 7;
/** Slots shown per day before "Afficher tous les horaires". */
const FOLD = 6;

export function BookingWidget({ p }: { p: PublicProfile }) {
  const { t, lang } = useI18n();
  const pr = t.profile;
  const { query, route, path } = useLocation();
  const zoneName = useZoneName();
  const motifString = useMotifString();
  const today = todayIn(p.timezone);
  const modes = modesOf(p);
  const mode: Mode | undefined = modes.includes(query.mode as Mode)
    ? (query.mode as Mode)
    : modes[0];
  const motifs = mode ? motifsFor(p.motifs, mode) : [];
  const motif: Motif | undefined = motifs.find((m) => m.id === query.motif) ?? motifs[0];
  const chosen = query.creneau && /^\d{4}-\d{2}-\d{2}T/.test(query.creneau) ? query.creneau : null;
  const from = useMemo(() => {
    if (isDate(query.du) && query.du >= today) return query.du;
    if (chosen && localDate(chosen) >= today)
      return addDays(today, Math.floor(daysBetween(today, localDate(chosen)) / DAYS) * DAYS);
    return today;
  }, [query.du, chosen, today]);
  const [expanded, setExpanded] = useState(false);
  const chosenRef = useRef<HTMLElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const qs = new URLSearchParams({ from, days: String(DAYS) });
  if (mode) qs.set('mode', mode);
  if (motif) qs.set('motif_id', motif.id);
  const slots = useLoad((signal) => fetchSlots(p.id, qs, signal), [qs.toString()]);
  const slow = useSlow(slots.loading);
  const grid = useMemo(
    () => bucketByDay<Slot>(slots.data?.slots ?? [], from, DAYS),
    [slots.data, from],
  );
  const tz = slots.data?.timezone ?? p.timezone;
  const gone =
    chosen !== null &&
    slots.data !== undefined &&
    !slots.loading &&
    !slots.data.slots.some((s) => s.start === chosen);

  /** Changes the page's own parameters in place (no new history entry for each click). */
  function set(patch: Record<string, string | null>) {
    const next = new URLSearchParams(query as Record<string, string>);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    route(s ? `${path}?${s}` : path, true);
  }

  const firstChoice = useRef(true);
  useEffect(() => {
    if (firstChoice.current) {
      firstChoice.current = false;
      // Arriving from a search result with a slot: bring it into view.
      if (chosen) chosenRef.current?.scrollIntoView({ block: 'center' });
      return;
    }
    if (chosen) chosenRef.current?.focus();
  }, [chosen]);

  const noSlots = slots.data !== undefined && slots.data.slots.length === 0;
  return (
    <section class="card panel booking" aria-labelledby="book-title">
      <h2 id="book-title">{pr.bookTitle}</h2>
      <div class="booking-choices">
        {modes.length > 1 && (
          <fieldset class="segmented-field">
            <legend class="field-label">{pr.mode}</legend>
            <div class="segmented">
              {modes.map((m) => (
                <button
                  key={m}
                  type="button"
                  class="segment"
                  aria-pressed={m === mode}
                  onClick={() => set({ mode: m, motif: null, creneau: null })}
                >
                  <Icon name={m === 'video' ? 'video' : 'user'} />
                  {t.modes[m]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {motifs.length > 0 && (
          <div class="field">
            <label class="field-label" for="motif">
              {pr.motif}
            </label>
            <select
              id="motif"
              class="input select"
              value={motif?.id ?? ''}
              onChange={(e) => set({ motif: e.currentTarget.value, creneau: null })}
            >
              {motifs.map((m) => (
                <option key={m.id} value={m.id}>
                  {fillText(pr.motifOption, {
                    label: motifString(m),
                    duration: m.duration_min,
                    price: formatPrice(m.price_cents, lang),
                  })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <div class="week-nav">
        <button
          type="button"
          class="btn btn-quiet"
          aria-disabled={from <= today ? true : undefined}
          onClick={() =>
            from > today &&
            set({ du: addDays(from, -DAYS) <= today ? null : addDays(from, -DAYS), creneau: null })
          }
        >
          <Icon name="chevronLeft" />
          <span class="week-nav-label">{pr.prevWeek}</span>
        </button>
        <p class="week-range" aria-live="polite">
          {fillText(pr.week, {
            from: formatDayMonth(from, lang),
            to: formatDayMonth(addDays(from, DAYS - 1), lang),
          })}
        </p>
        <button
          type="button"
          class="btn btn-quiet"
          onClick={() => set({ du: addDays(from, DAYS), creneau: null })}
        >
          <span class="week-nav-label">{pr.nextWeek}</span>
          <Icon name="chevronRight" />
        </button>
      </div>
      {shouldNameZone(tz) && (
        <p class="zone-note">
          <Icon name="globe" />
          {fillText(pr.zoneNote, { zone: zoneName(tz) })}
        </p>
      )}
      {gone && (
        <p class="notice notice-warning" role="status">
          <Icon name="alert" />
          {pr.slotGone}
        </p>
      )}
      {slow && <p class="slow-note">{t.search.slow}</p>}
      {slots.error && !slots.loading ? (
        <LoadState loading={false} error={slots.error} onRetry={slots.reload}>
          {null}
        </LoadState>
      ) : (
        <div
          ref={gridRef}
          class={slots.loading ? 'week-grid is-stale' : 'week-grid'}
          aria-busy={slots.loading}
        >
          {slots.loading && !slots.data && <span class="visually-hidden">{pr.slotsLoading}</span>}
          {grid.map((day) => (
            <div
              key={day.date}
              class={day.items.length ? 'week-day' : 'week-day is-empty'}
              data-date={day.date}
            >
              <h3 class="week-day-head">
                <span class="week-day-name">{formatWeekdayShort(day.date, lang)}</span>{' '}
                <span class="week-day-date">{formatDayMonth(day.date, lang)}</span>
              </h3>
              {day.items.length === 0 ? (
                <p class="week-day-none">{slots.data ? pr.noSlotsDay : '\u00a0'}</p>
              ) : (
                <ul class="week-slots">
                  {(expanded ? day.items : day.items.slice(0, FOLD)).map((slot) => (
                    <li key={slot.start}>
                      <button
                        type="button"
                        class="slot slot-time-only"
                        aria-pressed={slot.start === chosen}
                        onClick={() =>
                          route(
                            bookingPath({
                              practitioner: p.id,
                              start: slot.start,
                              mode: mode ?? slot.mode,
                              motif: motif?.id ?? null,
                            }),
                          )
                        }
                        data-testid="slot"
                      >
                        <span class="visually-hidden">{formatDayLong(day.date, lang)} </span>
                        {formatClock(slot.start)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
      {noSlots && (
        <p class="empty-note">
          {pr.noSlotsWeek}{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => set({ du: addDays(from, DAYS), creneau: null })}
          >
            {pr.nextWeekHint}
          </button>
        </p>
      )}
      {grid.some((d) => d.items.length > FOLD) && (
        <button
          type="button"
          class="btn btn-quiet more-times"
          aria-expanded={expanded}
          onClick={() => setExpanded((e) => !e)}
        >
          <Icon name={expanded ? 'chevronDown' : 'plus'} />
          {expanded ? pr.fewerTimes : pr.moreTimes}
        </button>
      )}
      {chosen && !gone && (
        <section ref={chosenRef} class="chosen" aria-labelledby="chosen-title" tabIndex={-1}>
          <h3 id="chosen-title">
            {fillText(pr.chosenTitle, { when: slotSentence(chosen, lang) })}
          </h3>
          <p class="chosen-detail">
            {fillText(pr.chosenDetail, {
              mode: mode ? t.modes[mode] : '',
              motif: motif ? motifString(motif) : pr.noMotif,
              price: motif ? formatPrice(motif.price_cents, lang) : '',
            }).replace(/ · $/, '')}
          </p>
          <h4>{pr.nextStepTitle}</h4>
          <p>{pr.nextStep}</p>
          <div class="card-actions">
            <a
              class="btn btn-primary btn-large"
              href={bookingPath({
                practitioner: p.id,
                start: chosen,
                mode: mode ?? null,
                motif: motif?.id ?? null,
              })}
              data-testid="book-chosen"
            >
              {t.booking.estimate.book}
              <Icon name="arrowRight" />
            </a>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => {
                set({ creneau: null });
                gridRef.current?.querySelector<HTMLButtonElement>('button.slot')?.focus();
              }}
            >
              {pr.otherSlot}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
