// The results of /recherche: the list's title (how many, where), a card per practitioner with
// the next slots, the placeholders while the first page loads, what to try when nothing is
// found, and the pages of 10 (links, so that each page has its address).
import {
  Avatar,
  PractitionerBadges,
  SlotLink,
  shouldNameZone,
  useZoneName,
  zoneForPostcode,
} from '../Directory';
import { Icon } from '../Icon';
import { placeLabels } from '../PlaceCombobox';
import { useI18n } from '../../i18n';
import { formatDistance, type SearchResult, type Summary } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { practitionerPath, ROUTES } from '../../lib/routes';
import {
  activeFilterCount,
  pageCount,
  searchPath,
  withoutFilters,
  type SearchQuery,
} from '../../lib/directory/searchQuery';

export function countText(
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

export function ResultsTitle({ data, q }: { data: SearchResult; q: SearchQuery }) {
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

export function ResultCard({ p, video }: { p: Summary; video: boolean }) {
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

export function ResultSkeletons() {
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

export function EmptyResults({ q, go }: { q: SearchQuery; go: (q: SearchQuery) => void }) {
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

export function Pagination({
  q,
  total,
  perPage,
}: {
  q: SearchQuery;
  total: number;
  perPage: number;
}) {
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
