// /compte/proches — "Mes proches": the holder and each relative, a page per profile for its
// details and administrative data, removal with a confirmation, and the form to add one.
import { useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import { ErrorSummary, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { useForm } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { checkProfile, ProfileFields, type ProfileValues } from '../components/ProfileFields';
import { useSession } from '../components/SessionProvider';
import { useI18n } from '../i18n';
import { formatBirthDate } from '../lib/dates';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { relativePath } from '../lib/routes';
import { fullName, initials } from '../lib/account/session';
import type { Me, Profile } from '../lib/account/types';
import { ageOn } from '../lib/validate';
import { addProfile, removeProfile } from '../lib/account/api';

const EMPTY: ProfileValues = {
  first_name: '',
  last_name: '',
  birth_date: '',
  sex: '',
  relationship: '',
};

export function RelativesPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.relatives.title} lead={t.relatives.lead} roles={['patient']}>
      {(me) => <Relatives me={me} />}
    </AccountLayout>
  );
}

function Relatives({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const r = t.relatives;
  const { session } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function remove(p: Profile) {
    setRemoveError(null);
    try {
      await removeProfile(p.id);
      setConfirming(null);
      await session.refresh();
      setStatus(fillText(r.removed, { name: fullName(p) }));
    } catch (e) {
      setRemoveError(errorText(e, t.errors));
    }
  }

  return (
    <>
      <section aria-labelledby="profiles-title">
        <h2 id="profiles-title" class="section-title">
          {r.listTitle}
        </h2>
        <StatusMessage message={status} />
        <ul class="profile-list">
          {me.profiles.map((p) => {
            const age = p.birth_date ? ageOn(p.birth_date) : null;
            return (
              <li key={p.id} class="card profile-card">
                <span class="avatar avatar-large" aria-hidden="true">
                  {initials(p)}
                </span>
                <div class="profile-card-body">
                  <h3>{fullName(p)}</h3>
                  <p class="muted">
                    {p.is_holder ? t.profiles.you : t.profiles.relationship[p.relationship]}
                    {p.birth_date &&
                      ` · ${fillText(r.born, { date: formatBirthDate(p.birth_date, lang) })}`}
                    {age !== null && ` · ${fillText(age > 1 ? r.ageMany : r.ageOne, { n: age })}`}
                  </p>
                  <div class="card-actions">
                    <a class="btn btn-secondary" href={relativePath(p.id)}>
                      {r.open}
                      <span class="visually-hidden"> — {fullName(p)}</span>
                    </a>
                    {!p.is_holder && confirming !== p.id && (
                      <button
                        type="button"
                        class="btn btn-quiet"
                        onClick={() => (setConfirming(p.id), setRemoveError(null))}
                      >
                        <Icon name="trash" />
                        {r.remove}
                        <span class="visually-hidden"> — {fullName(p)}</span>
                      </button>
                    )}
                  </div>
                  {confirming === p.id && (
                    <div class="confirm-box" role="group" aria-labelledby={`confirm-${p.id}`}>
                      <p id={`confirm-${p.id}`}>
                        {fillText(r.confirmRemove, { name: fullName(p) })}
                      </p>
                      {removeError && (
                        <p class="field-error" role="alert">
                          {removeError}
                        </p>
                      )}
                      <div class="card-actions">
                        <button type="button" class="btn btn-danger" onClick={() => void remove(p)}>
                          {r.confirmRemoveButton}
                        </button>
                        <button
                          type="button"
                          class="btn btn-quiet"
                          onClick={() => setConfirming(null)}
                        >
                          {t.form.cancel}
                        </button>
                      </div>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {me.profiles.length === 1 && <p class="empty-note">{r.empty}</p>}
      </section>
      <AddRelative
        onAdded={(p) => setStatus(fillText(r.added, { name: fullName(p) }))}
        holderLastName={me.profiles[0]?.last_name ?? ''}
      />
    </>
  );
}

function AddRelative({
  onAdded,
  holderLastName,
}: {
  onAdded: (p: Profile) => void;
  holderLastName: string;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const form = useForm('new-');
  const [v, setV] = useState<ProfileValues>({ ...EMPTY, last_name: holderLastName });
  const set =
    <K extends keyof ProfileValues>(k: K) =>
    (value: string) =>
      setV((old) => ({ ...old, [k]: value }));

  async function add() {
    const created = await addProfile({
      first_name: v.first_name.trim(),
      last_name: v.last_name.trim(),
      birth_date: v.birth_date,
      sex: v.sex || null,
      relationship: v.relationship,
    });
    await session.refresh();
    setV({ ...EMPTY, last_name: holderLastName });
    onAdded(created);
  }

  return (
    <section class="card panel" aria-labelledby="add-title">
      <h2 id="add-title">{t.relatives.addTitle}</h2>
      <p class="muted">{t.relatives.addLead}</p>
      <form
        noValidate
        onSubmit={(e) => (e.preventDefault(), void form.submit(() => checkProfile(v, t), add))}
      >
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <ProfileFields v={v} set={set} errors={form.errors} id={form.id} />
        <SubmitButton busy={form.busy}>{t.relatives.add}</SubmitButton>
      </form>
    </section>
  );
}
