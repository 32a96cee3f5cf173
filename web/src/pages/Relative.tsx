// /compte/proches/:id — one profile (the holder's or a proche's): identity, then the
// administrative data (GET/PUT /me/profiles/{id}/administrative). One "Enregistrer".
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import {
  AdminFields,
  adminField,
  checkAdmin,
  toAdministrative,
  toValues,
  type AdminValues,
} from '../components/AdminFields';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm } from '../components/forms/useForm';
import { checkProfile, ProfileFields, type ProfileValues } from '../components/ProfileFields';
import { useSession } from '../components/SessionProvider';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { ROUTES, medicalPath } from '../lib/routes';
import { fullName } from '../lib/account/session';
import type { Profile } from '../lib/account/types';
import { fetchAdministrative, saveAdministrative, updateProfile } from '../lib/account/api';

export function RelativePage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <AccountLayout title={t.relative.title} roles={['patient']}>
      {(me) => {
        const profile = me.profiles.find((p) => p.id === params.id);
        if (!profile)
          return (
            <div class="card panel">
              <p>{t.relative.notFound}</p>
              <a class="btn btn-secondary" href={ROUTES.relatives}>
                {t.relative.back}
              </a>
            </div>
          );
        return <RelativeForm key={profile.id} profile={profile} />;
      }}
    </AccountLayout>
  );
}

function RelativeForm({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const r = t.relative;
  const { session } = useSession();
  const admin = useLoad((signal) => fetchAdministrative(profile.id, signal), [profile.id]);
  const form = useForm('', adminField);
  const [saved, setSaved] = useState<string | null>(null);
  const [pv, setPv] = useState<ProfileValues>({
    first_name: profile.first_name,
    last_name: profile.last_name,
    birth_date: profile.birth_date ?? '',
    sex: profile.sex ?? '',
    relationship: profile.is_holder ? 'self' : profile.relationship,
  });
  const [av, setAv] = useState<AdminValues | null>(null);
  useEffect(() => {
    if (admin.data) setAv(toValues(admin.data));
  }, [admin.data]);
  const setP =
    <K extends keyof ProfileValues>(k: K) =>
    (value: string) =>
      setPv((old) => ({ ...old, [k]: value }));

  async function save() {
    setSaved(null);
    const changes: Record<string, string | null> = {};
    if (pv.first_name.trim() !== profile.first_name) changes.first_name = pv.first_name.trim();
    if (pv.last_name.trim() !== profile.last_name) changes.last_name = pv.last_name.trim();
    if (pv.birth_date !== (profile.birth_date ?? '')) changes.birth_date = pv.birth_date;
    if ((pv.sex || null) !== profile.sex) changes.sex = pv.sex || null;
    if (!profile.is_holder && pv.relationship !== profile.relationship)
      changes.relationship = pv.relationship;
    if (Object.keys(changes).length) {
      await updateProfile(profile.id, changes);
      await session.refresh();
    }
    if (av) {
      const stored = await saveAdministrative(profile.id, toAdministrative(av));
      if (stored) admin.setData(() => stored);
    }
    setSaved(
      fillText(r.saved, { name: fullName({ first_name: pv.first_name, last_name: pv.last_name }) }),
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => (
        e.preventDefault(),
        void form.submit(
          () => ({ ...checkProfile(pv, t, profile.is_holder), ...(av ? checkAdmin(av, t) : {}) }),
          save,
        )
      )}
    >
      <p class="back-link">
        <a href={ROUTES.relatives}>{r.back}</a>
      </p>
      <p>
        <a class="btn btn-secondary" href={medicalPath(profile.id)} data-testid="relative-medical">
          {fillText(t.medical.of, { name: fullName(profile) })}
        </a>
      </p>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <section class="card panel" aria-labelledby="who-title">
        <h2 id="who-title">{profile.is_holder ? r.youTitle : fullName(profile)}</h2>
        <ProfileFields
          v={pv}
          set={setP}
          errors={form.errors}
          id={form.id}
          holder={profile.is_holder}
        />
      </section>
      <section class="card panel" aria-labelledby="admin-title">
        <h2 id="admin-title">{r.adminTitle}</h2>
        <p class="muted">{r.adminLead}</p>
        <LoadState loading={admin.loading} error={admin.error} onRetry={admin.reload} lines={5}>
          {av && (
            <AdminFields
              v={av}
              set={(patch) => setAv((old) => (old ? { ...old, ...patch } : old))}
              errors={form.errors}
              relative={!profile.is_holder}
            />
          )}
        </LoadState>
      </section>
      <div class="form-actions">
        <SubmitButton busy={form.busy}>{r.save}</SubmitButton>
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}
