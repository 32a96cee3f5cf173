// /praticien/profil — the practitioner's public profile (practitioners only; assistants manage
// the agenda, not the profile): photo, practice address and commune, consultation modes,
// sector, carte Vitale, tiers payant, payment modes, languages, presentation, booking rules
// (notice, horizon, public holidays), published; then the motifs with their duration and fee.
// One "Enregistrer" for the profile (PUT /practitioner/profile); the photo and each motif are
// saved on their own. The sections are in components/profile/.
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { Motifs } from '../components/profile/Motifs';
import { PhotoSection } from '../components/profile/PhotoSection';
import { ProfileForm } from '../components/profile/ProfileForm';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import type { OwnProfile } from '../lib/directory/directory';
import { practitionerPath } from '../lib/routes';
import { fetchOwnProfile } from '../lib/practitioner/api';

export function PractitionerProfileEditPage() {
  const { t } = useI18n();
  return (
    <PractitionerLayout
      title={t.profileEdit.title}
      lead={t.profileEdit.lead}
      roles={['practitioner']}
    >
      {() => <ProfileEditor />}
    </PractitionerLayout>
  );
}

function ProfileEditor() {
  const { t } = useI18n();
  const profile = useLoad((signal) => fetchOwnProfile(signal), []);
  return (
    <LoadState
      loading={profile.loading && !profile.data}
      error={profile.data ? null : profile.error}
      onRetry={profile.reload}
      lines={6}
    >
      {profile.data && (
        <div class="editor-grid">
          <div class="editor-main">
            <ProfileStatus p={profile.data} />
            <ProfileForm p={profile.data} onSaved={(p) => profile.setData(() => p)} />
            <Motifs />
          </div>
          <aside class="editor-aside" aria-label={t.profileEdit.photoTitle}>
            <PhotoSection p={profile.data} onChange={profile.reload} />
          </aside>
        </div>
      )}
    </LoadState>
  );
}

function ProfileStatus({ p }: { p: OwnProfile }) {
  const { t } = useI18n();
  const e = t.profileEdit;
  const note = p.status !== 'verified' ? e.pending : !p.published ? e.hidden : null;
  return (
    <div class="editor-status">
      {note && (
        <p class="notice notice-warning">
          <Icon name="alert" />
          <span>{note}</span>
        </p>
      )}
      <a class="link-arrow" href={practitionerPath(p.id)}>
        {e.view}
        <Icon name="arrowRight" />
      </a>
    </div>
  );
}
