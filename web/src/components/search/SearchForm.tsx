// The search form of /recherche: specialty, name and place (a commune picked from the list, typed
// text resolved on "Rechercher", or "Autour de moi"). It keeps what the user types until they
// search, and follows the address when it changes (back button, a filter, a shared link).
import { useEffect, useState } from 'preact/hooks';
import { SelectField, TextField } from '../forms/Field';
import { Icon } from '../Icon';
import { PlaceCombobox, placeLabels, resolvePlace } from '../PlaceCombobox';
import { useLatest } from '../useLatest';
import { useI18n } from '../../i18n';
import type { Specialty } from '../../lib/directory/directory';
import type { SearchQuery } from '../../lib/directory/searchQuery';

function nearText(near: string, aroundMe: string): string {
  if (!near) return '';
  if (/^-?\d/.test(near) && near.includes(',')) return aroundMe;
  return placeLabels.get(near) ?? (near.startsWith('c:') ? '' : near);
}

export function SearchForm({
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
