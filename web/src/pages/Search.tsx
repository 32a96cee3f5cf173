// /recherche — find a practitioner (SPEC DIR1–DIR2): specialty, name and place, filters
// (téléconsultation, date, langue, tiers payant, secteur, distance), sort, and the results: a
// card per practitioner with the next slots, pages of 10. The address is the search (shareable;
// the back button returns to the previous search): filters apply at once by changing it, the
// form applies on "Rechercher". While a new page of results loads, the previous one stays in
// place, dimmed, so that nothing jumps.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  Avatar,
  PractitionerBadges,
  SlotLink,
  shouldNameZone,
  useZoneName,
  zoneForPostcode,
} from '../components/Directory';
import { CheckboxField, SelectField, TextField } from '../components/forms/Field';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/Page';
import { PlaceCombobox, placeLabels, resolvePlace } from '../components/PlaceCombobox';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useSpecialties } from '../components/useSpecialties';
import { useI18n } from '../i18n';
import {
  COMMON_LANGUAGES,
  formatDistance,
  languageName,
  SECTORS,
  type SearchResult,
  type Specialty,
  type Summary,
} from '../lib/directory/directory';
import { fillText } from '../lib/format';
import { practitionerPath, ROUTES } from '../lib/routes';
import {
  activeFilterCount,
  fromPageParams,
  pageCount,
  PER_PAGE,
  RADII,
  searchPath,
  toApiParams,
  withoutFilters,
  type SearchQuery,
} from '../lib/directory/searchQuery';
import { todayIn } from '../lib/booking/slots';
import { useLatest } from '../components/useLatest';
import { searchPractitioners } from '../lib/directory/api';

export function SearchPage() {
  const { t, lang } = useI18n();
  const s = t.search;
  const { query: params, route } = useLocation();
  const q = useMemo(() => fromPageParams(params), [params]);
  const specialties = useSpecialties(lang);
  const apiQuery = toApiParams(q).toString();
  const results = useLoad((signal) => searchPractitioners(apiQuery, signal), [apiQuery, lang]);
  const slow = useSlow(results.loading);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(s.title);

  // The place's label: the one the user picked, else the server's (for a commune code, its
  // name alone: the server's `near` then carries an arbitrary one of its postcodes).
  const near = results.data?.near;
  if (near && 'label' in near && q.near && !placeLabels.has(q.near))
    placeLabels.set(q.near, q.near.startsWith('c:') ? near.name : near.label);

  const go = (next: SearchQuery) => route(searchPath(ROUTES.search, next));
  const setFilter = (patch: Partial<SearchQuery>) => go({ ...q, ...patch, page: 1 });

  // A new page of results: bring the list's heading into view (and focus, for screen readers).
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [q.page]);

  const data = results.data;
  const filters = activeFilterCount(q);
  return (
    <>
      <div class="search-band">
        <div class="container">
          <h1 tabIndex={-1}>{s.title}</h1>
          <SearchForm q={q} specialties={specialties.data} onSearch={go} />
        </div>
      </div>
      <div class="container search-body">
        <div class="filters-toggle-row">
          <button
            type="button"
            class="btn btn-secondary filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="search-filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            <Icon name="sliders" />
            {filters ? fillText(s.filtersCount, { n: filters }) : s.filters}
          </button>
        </div>
        <Filters q={q} open={filtersOpen} onChange={setFilter} />
        <section class="results" aria-labelledby="results-title" aria-busy={results.loading}>
          <div class="results-head">
            <h2 id="results-title" ref={heading} tabIndex={-1}>
              {data ? <ResultsTitle data={data} q={q} /> : s.resultsLabel}
            </h2>
            <div class="sort-field">
              <label for="sort" class="field-label">
                {s.sort}
              </label>
              <select
                id="sort"
                class="input select"
                value={q.near ? q.sort : 'soonest'}
                onChange={(e) =>
                  setFilter({ sort: e.currentTarget.value === 'distance' ? 'distance' : 'soonest' })
                }
              >
                <option value="soonest">{s.sortSoonest}</option>
                {q.near && <option value="distance">{s.sortDistance}</option>}
              </select>
            </div>
          </div>
          <div role="status" class="visually-hidden">
            {results.loading
              ? s.loading
              : data
                ? data.total === 1
                  ? s.foundOne
                  : fillText(s.found, { count: countText(data.total, s, lang) })
                : ''}
          </div>
          {slow && (
            <p class="slow-note" role="status">
              <Icon name="clock" />
              {s.slow}
            </p>
          )}
          {results.error && !results.loading ? (
            <div class="load-error" role="alert">
              <Icon name="alert" />
              <div>
                <p>
                  <strong>{s.errorTitle}</strong>
                </p>
                <p>{results.error}</p>
                <button type="button" class="btn btn-secondary" onClick={results.reload}>
                  {t.form.retry}
                </button>
              </div>
            </div>
          ) : !data ? (
            <ResultSkeletons />
          ) : data.items.length === 0 ? (
            <EmptyResults q={q} go={go} />
          ) : (
            <>
              <ul class={results.loading ? 'result-list is-stale' : 'result-list'}>
                {data.items.map((p) => (
                  <ResultCard key={p.id} p={p} video={q.video} />
                ))}
              </ul>
              <Pagination q={q} total={data.total} perPage={data.per_page || PER_PAGE} />
            </>
          )}
        </section>
      </div>
    </>
  );
}

function countText(
  n: number,
  s: { countZero: string; countOne: string; countMany: string },
  lang: 'fr' | 'en',
): string {
  return n === 0
    ? s.countZero
    : n === 1
      ? s.countOne
      : fillText(s.countMany, { n: n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') });
}

function ResultsTitle({ data, q }: { data: SearchResult; q: SearchQuery }) {
  const { t, lang } = useI18n();
  const s = t.search;
  const place =
    q.near && !q.near.includes(',')
      ? (placeLabels.get(q.near) ?? (data.near && 'label' in data.near ? data.near.label : null))
      : null;
  return (
    <>
      {countText(data.total, s, lang)}
      {place && <span class="results-where"> {fillText(s.near, { place })}</span>}
      {q.near.includes(',') && <span class="results-where"> {s.aroundYou}</span>}
    </>
  );
}

// --- The form: what, who, where -------------------------------------------------------------

function nearText(near: string, aroundMe: string): string {
  if (!near) return '';
  if (/^-?\d/.test(near) && near.includes(',')) return aroundMe;
  return placeLabels.get(near) ?? (near.startsWith('c:') ? '' : near);
}

function SearchForm({
  q,
  specialties,
  onSearch,
}: {
  q: SearchQuery;
  specialties: Specialty[] | undefined;
  onSearch: (q: SearchQuery) => void;
}) {
  const { t } = useI18n();
  const s = t.search;
  const [specialty, setSpecialty] = useState(q.specialty);
  const [name, setName] = useState(q.q);
  const [near, setNear] = useState(q.near);
  const [placeText, setPlaceText] = useState(nearText(q.near, s.aroundMe));
  const [placeError, setPlaceError] = useState<string | undefined>(undefined);
  const [locating, setLocating] = useState(false);
  const [busy, setBusy] = useState(false);

  // The address changed (back button, a filter, a shared link): the form follows it.
  const aroundMeText = useLatest(s.aroundMe);
  useEffect(() => {
    setSpecialty(q.specialty);
    setName(q.q);
    setNear(q.near);
    setPlaceText(nearText(q.near, aroundMeText.current));
    setPlaceError(undefined);
  }, [q.specialty, q.q, q.near, aroundMeText]);
  // The label of a place arrives with the results ("c:69123" → "Lyon (69003)").
  const label = placeLabels.get(q.near);
  const form = useLatest({ near, placeText, pageNear: q.near });
  useEffect(() => {
    const { near, placeText, pageNear } = form.current;
    if (label && near === pageNear && !placeText) setPlaceText(label);
  }, [label, form]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setPlaceError(undefined);
    setBusy(true);
    const resolved = await resolvePlace(
      placeText,
      near ? { near, label: nearText(near, s.aroundMe) } : null,
    );
    setBusy(false);
    if (!resolved) {
      setPlaceError(s.placeNotFound);
      document.getElementById('where')?.focus();
      return;
    }
    const where = resolved.near;
    if (where && !where.includes(',')) placeLabels.set(where, resolved.label);
    if (resolved.label) setPlaceText(resolved.label);
    setNear(where);
    onSearch({
      ...q,
      specialty,
      q: name.trim(),
      near: where,
      page: 1,
      sort: where ? q.sort : 'soonest',
      radius: where ? q.radius : null,
    });
  }

  function aroundMe() {
    if (!('geolocation' in navigator)) {
      setPlaceError(s.locateFailed);
      return;
    }
    setLocating(true);
    setPlaceError(undefined);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const where = `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`;
        setNear(where);
        setPlaceText(s.aroundMe);
        onSearch({ ...q, specialty, q: name.trim(), near: where, page: 1, sort: 'distance' });
      },
      () => {
        setLocating(false);
        setPlaceError(s.locateFailed);
      },
      { maximumAge: 300_000, timeout: 10_000 },
    );
  }

  return (
    <form
      class="search-form"
      role="search"
      aria-label={s.formLabel}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <SelectField
        id="specialty"
        label={s.specialty}
        value={specialty}
        onValue={setSpecialty}
        placeholder={s.anySpecialty}
        options={(specialties ?? []).map((sp) => ({ value: sp.id, label: sp.label }))}
      />
      <TextField
        id="name"
        label={s.name}
        value={name}
        onValue={setName}
        autoComplete="off"
        spellcheck={false}
        maxLength={100}
      />
      <PlaceCombobox
        id="where"
        label={s.where}
        error={placeError}
        text={locating ? s.locating : placeText}
        onText={(v) => {
          setPlaceText(v);
          setNear('');
          setPlaceError(undefined);
        }}
        onSelect={(p) => {
          const where = `c:${p.code}`;
          placeLabels.set(where, p.label);
          setNear(where);
          setPlaceText(p.label);
        }}
        after={
          <button
            type="button"
            class="btn btn-quiet input-addon locate-button"
            onClick={aroundMe}
            aria-disabled={locating ? true : undefined}
          >
            <Icon name="locate" />
            <span class="locate-label">{s.aroundMeButton}</span>
          </button>
        }
      />
      <button
        type="submit"
        class={busy ? 'btn btn-primary search-submit is-busy' : 'btn btn-primary search-submit'}
        aria-disabled={busy ? true : undefined}
      >
        <Icon name="search" />
        {s.submit}
      </button>
    </form>
  );
}

// --- Filters ----------------------------------------------------------------------------------

function Filters({
  q,
  open,
  onChange,
}: {
  q: SearchQuery;
  open: boolean;
  onChange: (patch: Partial<SearchQuery>) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.search;
  const languages = COMMON_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code, lang),
  }));
  if (q.language && !COMMON_LANGUAGES.includes(q.language))
    languages.push({ value: q.language, label: languageName(q.language, lang) });
  return (
    <aside
      id="search-filters"
      class={open ? 'filters is-open' : 'filters'}
      aria-labelledby="filters-title"
    >
      <h2 id="filters-title" class="filters-title">
        {s.filtersTitle}
      </h2>
      <CheckboxField
        id="f-video"
        label={s.videoOnly}
        checked={q.video}
        onChecked={(v) => onChange({ video: v })}
      />
      <CheckboxField
        id="f-tiers"
        label={s.tiersPayant}
        hint={s.tiersPayantHint}
        checked={q.tiersPayant}
        onChecked={(v) => onChange({ tiersPayant: v })}
      />
      <div class="field">
        <label for="f-date" class="field-label">
          {s.date}
        </label>
        <div id="f-date-hint" class="field-hint">
          {s.dateHint}
        </div>
        <input
          id="f-date"
          class="input"
          type="date"
          min={todayIn('Europe/Paris')}
          value={q.date}
          aria-describedby="f-date-hint"
          onChange={(e) => onChange({ date: e.currentTarget.value })}
        />
        {q.date && (
          <button
            type="button"
            class="btn btn-quiet filter-clear"
            onClick={() => onChange({ date: '' })}
          >
            {s.clearDate}
          </button>
        )}
      </div>
      <SelectField
        id="f-language"
        label={s.language}
        value={q.language}
        onValue={(v) => onChange({ language: v })}
        placeholder={s.anyLanguage}
        options={languages}
      />
      <fieldset class="radio-group filter-group">
        <legend>{s.sector}</legend>
        {SECTORS.map((sector) => (
          <div class="checkbox" key={sector}>
            <input
              id={`f-sector-${sector}`}
              type="checkbox"
              checked={q.sectors.includes(sector)}
              onChange={(e) =>
                onChange({
                  sectors: e.currentTarget.checked
                    ? [...q.sectors, sector]
                    : q.sectors.filter((x) => x !== sector),
                })
              }
            />
            <label for={`f-sector-${sector}`}>{t.sectors[sector]}</label>
          </div>
        ))}
      </fieldset>
      {q.near && (
        <SelectField
          id="f-radius"
          label={s.radius}
          value={q.radius === null ? '' : String(q.radius)}
          onValue={(v) => onChange({ radius: v ? Number(v) : null })}
          placeholder={s.radiusDefault}
          options={RADII.filter((r) => r !== 30).map((r) => ({
            value: String(r),
            label: fillText(s.radiusOption, { n: r }),
          }))}
        />
      )}
      {activeFilterCount(q) > 0 && (
        <button type="button" class="btn btn-quiet" onClick={() => onChange(withoutFilters(q))}>
          <Icon name="close" />
          {s.clearFilters}
        </button>
      )}
    </aside>
  );
}

// --- Results ------------------------------------------------------------------------------------

function ResultCard({ p, video }: { p: Summary; video: boolean }) {
  const { t, lang } = useI18n();
  const c = t.card;
  const zoneName = useZoneName();
  const tz = zoneForPostcode(p.address?.postcode);
  const mode = video ? 'video' : (p.next_slots[0]?.mode ?? (p.video ? 'video' : 'in_person'));
  return (
    <li class="card result-card">
      <div class="result-who">
        <Avatar name={p.name} photo={p.photo_url} />
        <div class="result-info">
          <h3 class="result-name">
            <a href={practitionerPath(p.id, video ? { mode: 'video' } : {})}>{p.name}</a>
          </h3>
          <p class="result-specialty">{p.specialty.label}</p>
          {p.address && (
            <p class="result-address">
              <Icon name="mapPin" />
              <span>
                {p.address.line}, {p.address.postcode} {p.address.city}
                {p.distance_km !== null && (
                  <span class="result-distance">
                    {' '}
                    · {fillText(c.distance, { distance: formatDistance(p.distance_km, lang) })}
                  </span>
                )}
              </span>
            </p>
          )}
          <PractitionerBadges p={p} />
        </div>
      </div>
      <div class="result-slots">
        <h4 class="small-title">{c.nextSlots}</h4>
        {p.next_slots.length > 0 ? (
          <>
            <ul class="slot-list">
              {p.next_slots.slice(0, 5).map((slot) => (
                <li key={slot.start}>
                  <SlotLink practitionerId={p.id} slot={slot} />
                </li>
              ))}
            </ul>
            {shouldNameZone(tz) && (
              <p class="zone-note">{fillText(c.zoneNote, { zone: zoneName(tz) })}</p>
            )}
          </>
        ) : (
          <p class="muted small">{c.noSlots}</p>
        )}
        <a class="link-arrow" href={practitionerPath(p.id, { mode })}>
          {p.next_slots.length > 0 ? c.moreSlots : c.seeProfile}
          <span class="visually-hidden"> — {p.name}</span>
          <Icon name="arrowRight" />
        </a>
      </div>
    </li>
  );
}

function ResultSkeletons() {
  const { t } = useI18n();
  return (
    <div>
      <p class="visually-hidden">{t.search.loading}</p>
      <ul class="result-list" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} class="card result-card is-skeleton">
            <div class="result-who">
              <span class="pr-avatar pr-avatar-medium skeleton-block" />
              <div class="result-info">
                <span class="skeleton-line" />
                <span class="skeleton-line short" />
                <span class="skeleton-line" />
              </div>
            </div>
            <div class="result-slots">
              <span class="skeleton-line short" />
              <span class="skeleton-slots" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EmptyResults({ q, go }: { q: SearchQuery; go: (q: SearchQuery) => void }) {
  const { t } = useI18n();
  const s = t.search;
  const filters = activeFilterCount(q) > 0;
  return (
    <div class="empty-results">
      <h3>{s.emptyTitle}</h3>
      <p>{s.emptyLead}</p>
      <ul class="plain-steps">
        {(q.q || q.near) && <li>{s.emptySpelling}</li>}
        {filters && <li>{s.emptyFilters}</li>}
        {q.near && <li>{s.emptyRadius}</li>}
        {q.near && <li>{s.emptyVideo}</li>}
      </ul>
      <div class="card-actions">
        {filters && (
          <button type="button" class="btn btn-primary" onClick={() => go(withoutFilters(q))}>
            {s.clearFilters}
          </button>
        )}
        {q.near && (q.radius ?? 30) < 100 && (
          <button
            type="button"
            class={filters ? 'btn btn-secondary' : 'btn btn-primary'}
            onClick={() => go({ ...q, radius: 100, page: 1 })}
          >
            {s.widen}
          </button>
        )}
        {q.near && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => go({ ...q, near: '', radius: null, sort: 'soonest', page: 1 })}
          >
            {s.anywhere}
          </button>
        )}
        {!filters && !q.near && (
          <a class="btn btn-secondary" href={ROUTES.search}>
            {s.newSearch}
          </a>
        )}
      </div>
    </div>
  );
}

function Pagination({ q, total, perPage }: { q: SearchQuery; total: number; perPage: number }) {
  const { t } = useI18n();
  const s = t.search;
  const pages = pageCount(total, perPage);
  if (pages <= 1) return null;
  const page = Math.min(q.page, pages);
  return (
    <nav class="pagination" aria-label={s.pagination}>
      {page > 1 ? (
        <a
          class="btn btn-secondary"
          href={searchPath(ROUTES.search, { ...q, page: page - 1 })}
          rel="prev"
        >
          <Icon name="chevronLeft" />
          {s.previous}
        </a>
      ) : (
        <span />
      )}
      <p class="pagination-status">{fillText(s.page, { page, pages })}</p>
      {page < pages ? (
        <a
          class="btn btn-secondary"
          href={searchPath(ROUTES.search, { ...q, page: page + 1 })}
          rel="next"
        >
          {s.next}
          <Icon name="chevronRight" />
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
