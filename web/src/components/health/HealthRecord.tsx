// "Dossier du patient" (issue 15), for the practitioner in the room's side panel and beside the
// closing form: the medical profile with the allergies first and prominent, then the other
// sections, height, weight and pregnancy; the documents the patient attached to this
// appointment and the profile's other visible ones; and "Ajouter au profil médical". Never an
// assistant's (the API answers them 404, and the panel is not rendered for them).
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { fetchConsultationMedical, fetchPatientDocuments } from '../../lib/health/api';
import { itemDate, practitionerOrder } from '../../lib/health/medical';
import { MEDICAL_CATEGORIES, type MedicalItem, type MedicalProfile } from '../../lib/health/types';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { AddMedicalItem } from './AddMedicalItem';
import { RecordDocuments } from './RecordDocuments';

export function HealthRecord({ consultation, level = 3 }: { consultation: string; level?: 2 | 3 }) {
  const { t } = useI18n();
  const r = t.record;
  const H = level === 2 ? 'h2' : 'h3';
  const H2 = level === 2 ? 'h3' : 'h4';
  const medical = useLoad((s) => fetchConsultationMedical(consultation, s), [consultation]);
  const docs = useLoad((s) => fetchPatientDocuments(consultation, s), [consultation]);
  const add = (item: MedicalItem) =>
    medical.setData((m) => (m ? { ...m, items: [...m.items, item] } : m));

  return (
    <section
      class="panel-section health-record"
      aria-labelledby="record-title"
      data-testid="health-record"
    >
      <H id="record-title">{r.title}</H>
      <LoadState
        loading={medical.loading && !medical.data}
        error={medical.data ? null : medical.error && `${r.loadFailed} ${medical.error}`}
        onRetry={medical.reload}
        lines={3}
      >
        {medical.data && <Medical profile={medical.data} H={H2} />}
      </LoadState>
      <LoadState
        loading={docs.loading && !docs.data}
        error={docs.data ? null : docs.error && `${r.loadFailed} ${docs.error}`}
        onRetry={docs.reload}
        lines={2}
      >
        {docs.data && (
          <RecordDocuments attached={docs.data.attached} others={docs.data.others} H={H2} />
        )}
      </LoadState>
      <details class="record-add-box">
        <summary>{r.addTitle}</summary>
        <AddMedicalItem consultation={consultation} onAdded={add} />
      </details>
    </section>
  );
}

function Medical({ profile, H }: { profile: MedicalProfile; H: 'h3' | 'h4' }) {
  const { t, lang } = useI18n();
  const r = t.record;
  const md = t.medical;
  const allergies = profile.items.filter((i) => i.category === 'allergy');
  const rest = practitionerOrder(MEDICAL_CATEGORIES).filter((c) => c !== 'allergy');
  const line = (i: MedicalItem) => {
    const when = itemDate(i.date, lang);
    return (
      <li key={i.id ?? i.label}>
        <strong>{i.label}</strong>
        {i.detail && ` — ${i.detail}`}
        {when && <span class="muted"> ({when})</span>}
        {i.added_by?.role === 'practitioner' && (
          <span class="muted small"> · {fillText(md.addedBy, { name: i.added_by.name })}</span>
        )}
      </li>
    );
  };
  const facts = [
    profile.height_cm ? fillText(r.height, { cm: profile.height_cm }) : null,
    profile.weight_kg ? fillText(r.weight, { kg: profile.weight_kg }) : null,
    profile.pregnant
      ? profile.pregnancy_weeks !== null
        ? fillText(r.pregnant, { weeks: profile.pregnancy_weeks })
        : r.pregnantNoWeeks
      : null,
  ].filter((x): x is string => x !== null);
  const others = rest.filter((c) => profile.items.some((i) => i.category === c));
  return (
    <>
      <div
        class={allergies.length ? 'record-allergies has-allergies' : 'record-allergies'}
        data-testid="record-allergies"
      >
        <H class="record-subtitle">
          {allergies.length > 0 && <Icon name="alert" />}
          {r.allergies}
        </H>
        {allergies.length === 0 ? (
          <p class="muted">{r.noAllergy}</p>
        ) : (
          <ul>{allergies.map(line)}</ul>
        )}
      </div>
      {facts.length > 0 && (
        <ul class="panel-facts" data-testid="record-facts">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {others.length === 0 && facts.length === 0 && <p class="muted small">{r.emptyProfile}</p>}
      {others.map((c) => (
        <div key={c} class="record-category" data-testid={`record-${c}`}>
          <H class="record-subtitle">{md.sections[c]}</H>
          <ul>{profile.items.filter((i) => i.category === c).map(line)}</ul>
        </div>
      ))}
    </>
  );
}
