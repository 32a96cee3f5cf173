// The filters of /recherche (téléconsultation, tiers payant, date, langue, secteur, distance):
// each change applies at once through the address; a drawer on a phone, a column beside the
// results on a wide screen.
import { CheckboxField, SelectField } from '../forms/Field';
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import { COMMON_LANGUAGES, languageName, SECTORS } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import {
  activeFilterCount,
  RADII,
  withoutFilters,
  type SearchQuery,
} from '../../lib/directory/searchQuery';
import { todayIn } from '../../lib/booking/slots';

export function Filters({
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
