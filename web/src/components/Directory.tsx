// Pieces shared by the search results, the practitioner's page and the profile editor: the
// photo or initials, the badges (vidéo, secteur, tiers payant, carte Vitale), the time-zone
// note, and a slot as a link to the practitioner's page.
import { useI18n } from '../i18n';
import { initials, type Sector, type Slot } from '../lib/directory/directory';
import { practitionerPath } from '../lib/routes';
import { browserZone, formatClock, formatDayShort, localDate } from '../lib/booking/slots';
import { Icon } from './Icon';

export function Avatar({
  name,
  photo,
  size = 'medium',
}: {
  name: string;
  photo: string | null;
  size?: 'medium' | 'large';
}) {
  if (photo)
    return (
      <img
        class={`pr-avatar pr-avatar-${size}`}
        src={photo}
        alt=""
        width={size === 'large' ? 128 : 72}
        height={size === 'large' ? 128 : 72}
      />
    );
  return (
    <span class={`pr-avatar pr-avatar-${size} pr-avatar-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function PractitionerBadges({
  p,
}: {
  p: {
    video: boolean;
    in_person: boolean;
    sector: Sector;
    tiers_payant: boolean;
    carte_vitale: boolean;
  };
}) {
  const { t } = useI18n();
  return (
    <ul class="badges">
      {p.video && (
        <li class="badge badge-primary">
          <Icon name="video" />
          {t.card.video}
        </li>
      )}
      {p.in_person && (
        <li class="badge badge-neutral">
          <Icon name="user" />
          {t.card.inPerson}
        </li>
      )}
      <li class="badge badge-neutral">{t.sectors[p.sector]}</li>
      {p.tiers_payant && (
        <li class="badge badge-success">
          <Icon name="check" />
          {t.card.tiersPayant}
        </li>
      )}
      {p.carte_vitale && (
        <li class="badge badge-success">
          <Icon name="card" />
          {t.card.carteVitale}
        </li>
      )}
    </ul>
  );
}

/** The zones of the overseas departments (docs/directory.md), by the postcode's first digits. */
const OVERSEAS: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
};

/** A search result has no `timezone`: its address tells it (metropolitan France otherwise). */
export function zoneForPostcode(postcode: string | undefined): string {
  return (postcode && OVERSEAS[postcode.slice(0, 3)]) || 'Europe/Paris';
}

/** The zone's name in the user's language ("La Réunion"), else the browser's own long name. */
export function useZoneName(): (tz: string) => string {
  const { t, lang } = useI18n();
  return (tz) => {
    const known = (t.zones as Record<string, string>)[tz];
    if (known) return known;
    try {
      const part = new Intl.DateTimeFormat(lang, { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName');
      return part?.value ?? tz;
    } catch {
      return tz;
    }
  };
}

/**
 * Times are shown in the practitioner's zone; say which when it is not Paris's, or when the
 * visitor's own clock is another one (a patient in La Réunion looking at a Paris doctor).
 */
export function shouldNameZone(tz: string): boolean {
  const mine = browserZone();
  return (
    tz !== 'Europe/Paris' || (mine !== null && mine !== tz && mine !== 'UTC' && mine !== 'Etc/UTC')
  );
}

/**
 * A next slot on a result card: the day and time, a link to the page with it highlighted.
 * The visible text is the accessible name (voice control users say what they see), with the
 * mode added for screen readers.
 */
export function SlotLink({ practitionerId, slot }: { practitionerId: string; slot: Slot }) {
  const { t, lang } = useI18n();
  return (
    <a class="slot" href={practitionerPath(practitionerId, { slot: slot.start, mode: slot.mode })}>
      <span class="slot-day">{formatDayShort(localDate(slot.start), lang)}</span>{' '}
      <span class="slot-time">{formatClock(slot.start)}</span>
      <span class="visually-hidden">
        , {slot.mode === 'video' ? t.card.videoSlot : t.card.inPersonSlot}
      </span>
    </a>
  );
}
