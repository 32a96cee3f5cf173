// /recherche — find a practitioner (SPEC DIR1–DIR2): specialty, name and place, filters
// (téléconsultation, date, langue, tiers payant, secteur, distance), sort, and the results: a
// card per practitioner with the next slots, pages of 10. The address is the search (shareable;
// the back button returns to the previous search): filters apply at once by changing it, the
// form applies on "Rechercher". While a new page of results loads, the previous one stays in
// place, dimmed, so that nothing jumps.
// The page holds the address (what is searched) and the loading; the form, the filters and the
// results are in components/search/.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/Page';
import { placeLabels } from '../components/PlaceCombobox';
import { SearchForm } from '../components/search/SearchForm';
import { Filters } from '../components/search/SearchFilters';
import {
  countText,
  EmptyResults,
  Pagination,
  ResultCard,
  ResultSkeletons,
  ResultsTitle,
} from '../components/search/SearchResults';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useSpecialties } from '../components/useSpecialties';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import {
  activeFilterCount,
  fromPageParams,
  PER_PAGE,
  searchPath,
  toApiParams,
  type SearchQuery,
} from '../lib/directory/searchQuery';
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
