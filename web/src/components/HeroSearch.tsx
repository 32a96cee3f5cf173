// The home page's search (shared/UX.md, patient screen 1): "Spécialité ou nom du praticien",
// "Où ?" with commune suggestions, "En vidéo", and common specialties as shortcuts. It leads to
// /recherche: a text that names a specialty ("médecin généraliste", "pédiatre") searches that
// specialty, any other text searches names.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n';
import { matchSpecialty } from '../lib/directory/directory';
import { ROUTES } from '../lib/routes';
import { searchPath } from '../lib/directory/searchQuery';
import { CheckboxField, TextField } from './forms/Field';
import { Icon } from './Icon';
import { PlaceCombobox, placeLabels, resolvePlace } from './PlaceCombobox';
import { useSpecialties } from './useSpecialties';

const SHORTCUTS = ['general_medicine', 'pediatrics', 'gynecology', 'dermatology', 'psychiatry'];

export function HeroSearch() {
  const { t, lang } = useI18n();
  const h = t.homeSearch;
  const { route } = useLocation();
  const specialties = useSpecialties(lang);
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [picked, setPicked] = useState<{ near: string; label: string } | null>(null);
  const [video, setVideo] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const place = await resolvePlace(where, picked);
    setBusy(false);
    if (!place) {
      setError(t.search.placeNotFound);
      document.getElementById('hero-where')?.focus();
      return;
    }
    if (place.near && place.label) placeLabels.set(place.near, place.label);
    const specialty = matchSpecialty(what, specialties.data ?? []);
    route(
      searchPath(ROUTES.search, {
        specialty: specialty?.id ?? '',
        q: specialty ? '' : what.trim(),
        near: place.near,
        video,
      }),
    );
  }

  const shortcuts = SHORTCUTS.map((id) => specialties.data?.find((s) => s.id === id)).filter(
    (s) => s !== undefined,
  );
  return (
    <div class="hero-search">
      <form
        class="card hero-search-form"
        role="search"
        aria-label={h.label}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <TextField
          id="hero-what"
          label={h.what}
          hint={h.whatHint}
          value={what}
          onValue={setWhat}
          autoComplete="off"
          spellcheck={false}
          maxLength={100}
        />
        <PlaceCombobox
          id="hero-where"
          label={h.where}
          hint={h.whereHint}
          error={error}
          text={where}
          onText={(v) => {
            setWhere(v);
            setPicked(null);
            setError(undefined);
          }}
          onSelect={(p) => {
            setWhere(p.label);
            setPicked({ near: `c:${p.code}`, label: p.label });
          }}
        />
        <div class="hero-search-foot">
          <CheckboxField id="hero-video" label={h.video} checked={video} onChecked={setVideo} />
          <button
            type="submit"
            class={busy ? 'btn btn-primary btn-large is-busy' : 'btn btn-primary btn-large'}
            aria-disabled={busy ? true : undefined}
          >
            <Icon name="search" />
            {h.submit}
          </button>
        </div>
      </form>
      <nav class="shortcuts" aria-label={h.shortcuts}>
        <p class="shortcuts-title">{h.shortcuts}</p>
        <ul>
          {shortcuts.map((s) => (
            <li key={s.id}>
              <a class="chip" href={searchPath(ROUTES.search, { specialty: s.id })}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
