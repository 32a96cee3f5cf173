// /patient/profil-medical/:profile — "Profil médical" (DOC5, docs/health-space.md): one
// profile's antécédents, allergies, treatments, vaccinations, height and weight, pregnancy and
// notes, told once for every practitioner of its consultations. Saved with PUT; the server's
// `items[3].label` is shown at that line. Lines a practitioner added say "Ajouté par Dr X".
// Pregnancy is a plain checkbox offered from 10 years old, whatever the sex recorded.
import { useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorSummary, LoadState, StatusMessage } from '../components/forms/Feedback';
import { CheckboxField, TextField } from '../components/forms/Field';
import { useForm, type Errors } from '../components/forms/useForm';
import { MedicalSection } from '../components/health/MedicalSection';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fullName } from '../lib/account/session';
import type { Me } from '../lib/account/types';
import { fillText } from '../lib/format';
import { fetchMedical, saveMedical } from '../lib/health/api';
import {
  checkMedical,
  formField,
  fromProfile,
  toBody,
  type ItemDraft,
  type MedicalForm,
} from '../lib/health/medical';
import { MEDICAL_CATEGORIES, type MedicalProfile } from '../lib/health/types';
import { medicalPath } from '../lib/routes';
import { ageOn } from '../lib/validate';

export function MedicalProfilePage() {
  const { t } = useI18n();
  const { params } = useRoute();
  const profile = params.profile;
  return (
    <RequireAuth title={t.medical.title} roles={['patient']}>
      {(me) => <MedicalProfileView me={me} profile={profile ?? me.current_profile} />}
    </RequireAuth>
  );
}

function MedicalProfileView({ me, profile }: { me: Me; profile: string }) {
  const { t } = useI18n();
  const md = t.medical;
  const p = me.profiles.find((x) => x.id === profile);
  const loaded = useLoad((signal) => fetchMedical(profile, signal), [profile]);
  const name = p ? fullName(p) : '';
  return (
    <>
      <PageIntro title={md.title} lead={md.lead} />
      <div class="container narrow medical-page">
        {me.profiles.length > 1 && (
          <nav class="segmented profile-filter" aria-label={md.profiles}>
            {me.profiles.map((x) => (
              <a
                key={x.id}
                class="segment"
                href={medicalPath(x.id)}
                aria-current={x.id === profile ? 'page' : undefined}
              >
                {fullName(x)}
              </a>
            ))}
          </nav>
        )}
        <h2 class="medical-of">{fillText(md.of, { name })}</h2>
        <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} lines={6}>
          {loaded.data !== undefined && (
            <Form
              key={profile}
              profile={profile}
              initial={loaded.data}
              offerPregnancy={!p?.birth_date || (ageOn(p.birth_date) ?? 99) >= 10}
            />
          )}
        </LoadState>
      </div>
    </>
  );
}

function Form({
  profile,
  initial,
  offerPregnancy,
}: {
  profile: string;
  initial: MedicalProfile;
  offerPregnancy: boolean;
}) {
  const { t } = useI18n();
  const md = t.medical;
  const [f, setF] = useState<MedicalForm>(() => fromProfile(initial));
  const [saved, setSaved] = useState<string | null>(null);
  const keys = useRef<number[]>([]);
  const form = useForm('med-', (field) => formField(field, keys.current) ?? field);
  // An edit makes "Profil médical enregistré" untrue: it goes until the next save.
  const change = (update: (o: MedicalForm) => MedicalForm) => {
    setSaved(null);
    setF(update);
  };
  const setItems = (update: (all: ItemDraft[]) => ItemDraft[]) =>
    change((o) => ({ ...o, items: update(o.items) }));

  function check(): Errors {
    const found = checkMedical(f);
    return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, md.problems[v]]));
  }

  async function submit(e: Event) {
    e.preventDefault();
    await form.submit(check, async () => {
      const { body, keys: sent } = toBody(profile, f);
      keys.current = sent;
      const answer = await saveMedical(profile, body);
      setF(fromProfile(answer));
      setSaved(md.saved);
    });
  }

  return (
    <form class="medical-form" noValidate onSubmit={submit} data-testid="medical-form">
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      {MEDICAL_CATEGORIES.filter((c) => c !== 'note').map((c) => (
        <MedicalSection
          key={c}
          category={c}
          items={f.items.filter((i) => i.category === c)}
          setItems={setItems}
          errors={form.errors}
          fid={form.id}
        />
      ))}
      <fieldset class="card medical-section">
        <legend class="medical-legend">{md.body}</legend>
        <div class="medical-item-grid">
          <TextField
            id={form.id('height')}
            label={md.height}
            optional
            inputMode="numeric"
            class="input-short"
            value={f.height}
            onValue={(height) => change((o) => ({ ...o, height }))}
            error={form.errors.height}
          />
          <TextField
            id={form.id('weight')}
            label={md.weight}
            optional
            inputMode="decimal"
            class="input-short"
            value={f.weight}
            onValue={(weight) => change((o) => ({ ...o, weight }))}
            error={form.errors.weight}
          />
        </div>
      </fieldset>
      {offerPregnancy && (
        <fieldset class="card medical-section">
          <legend class="medical-legend">{md.pregnancy}</legend>
          <CheckboxField
            id={form.id('pregnant')}
            label={md.pregnant}
            checked={f.pregnant}
            onChecked={(pregnant) => change((o) => ({ ...o, pregnant }))}
          />
          {f.pregnant && (
            <TextField
              id={form.id('weeks')}
              label={md.weeks}
              hint={md.weeksHint}
              optional
              inputMode="numeric"
              class="input-short"
              value={f.weeks}
              onValue={(weeks) => change((o) => ({ ...o, weeks }))}
              error={form.errors.weeks}
            />
          )}
        </fieldset>
      )}
      <MedicalSection
        category="note"
        items={f.items.filter((i) => i.category === 'note')}
        setItems={setItems}
        errors={form.errors}
        fid={form.id}
      />
      <StatusMessage message={saved} />
      <div class="card-actions">
        <button
          type="submit"
          class={`btn btn-primary btn-large${form.busy ? ' is-busy' : ''}`}
          aria-disabled={form.busy ? true : undefined}
          data-testid="medical-save"
        >
          {form.busy ? md.saving : md.save}
        </button>
      </div>
    </form>
  );
}
