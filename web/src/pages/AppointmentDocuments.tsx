// /patient/rendez-vous/:id/documents — "Joindre des documents" (docs/health-space.md "Share
// before a consultation"): the profile's documents as a checklist, the ones already attached
// ticked; a hidden one cannot be attached and offers "Rendre visible" first; a new document can
// be added here and is ticked at once. "Enregistrer" replaces the list (PUT, at most 20). From
// Mes rendez-vous and from the booking's confirmation.
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorSummary, LoadState, StatusMessage } from '../components/forms/Feedback';
import { AddDocument } from '../components/health/AddDocument';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fetchAppointment } from '../lib/booking/api';
import { slotSentence } from '../lib/booking/slots';
import { ApiError } from '../lib/api';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { fetchAttached, fetchHealthDocuments, putAttached, setHidden } from '../lib/health/api';
import { isOwn, newestFirst, upsert } from '../lib/health/documents';
import type { HealthDocument } from '../lib/health/types';
import type { DocumentKind } from '../lib/documents/types';
import { ROUTES } from '../lib/routes';

const MAX_ATTACHED = 20;

export function AppointmentDocumentsPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.attach.title} roles={['patient']}>
      {() => <Picker id={params.id ?? ''} />}
    </RequireAuth>
  );
}

interface Loaded {
  when: string;
  practitioner: string;
  profile: { id: string; name: string };
  docs: HealthDocument[];
  attached: string[];
}

function Picker({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const a = t.attach;
  const data = useLoad(
    async (signal): Promise<Loaded> => {
      const appt = await fetchAppointment(id, signal);
      const [docs, attached] = await Promise.all([
        fetchHealthDocuments(appt.profile.id, signal),
        fetchAttached(id, signal),
      ]);
      return {
        when: slotSentence(appt.start, lang),
        practitioner: appt.practitioner.name,
        profile: {
          id: appt.profile.id,
          name: `${appt.profile.first_name} ${appt.profile.last_name}`.trim(),
        },
        docs,
        attached: attached.map((d) => d.id),
      };
    },
    [id],
  );

  return (
    <>
      <PageIntro title={a.title} lead={a.lead} />
      <div class="container narrow attach-page">
        <p class="back-link">
          <a href={ROUTES.myAppointments}>{a.back}</a>
        </p>
        <LoadState
          loading={data.loading}
          error={
            data.failure instanceof ApiError && data.failure.status === 404
              ? a.notFound
              : data.error
          }
          onRetry={data.reload}
          lines={5}
        >
          {data.data && <Checklist id={id} loaded={data.data} />}
        </LoadState>
      </div>
    </>
  );
}

function Checklist({ id, loaded }: { id: string; loaded: Loaded }) {
  const { t } = useI18n();
  const a = t.attach;
  const h = t.health;
  const [docs, setDocs] = useState(loaded.docs);
  const [chosen, setChosen] = useState<string[]>(loaded.attached);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [itemError, setItemError] = useState<{ id: string; text: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const title = (d: HealthDocument) =>
    d.title || (isOwn(d) ? h.ownKinds[d.kind] : t.myDocs.kinds[d.kind as DocumentKind]);
  const toggle = (doc: string, on: boolean) => {
    setStatus(null);
    setChosen((c) => (on ? [...c.filter((x) => x !== doc), doc] : c.filter((x) => x !== doc)));
  };

  async function show(d: HealthDocument) {
    try {
      const u = await setHidden(d.id, false);
      setDocs((l) => upsert(l, { ...d, ...u, hidden: false } as HealthDocument));
      setStatus(fillText(h.shown, { title: title(d) }));
    } catch (e) {
      setSummary(errorText(e, t.errors));
      setAttempt((n) => n + 1);
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    setItemError(null);
    if (chosen.length > MAX_ATTACHED) {
      setSummary(a.max);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      const items = await putAttached(id, chosen);
      setChosen(items.map((d) => d.id));
      const n = items.length;
      setStatus(n === 0 ? a.savedNone : n === 1 ? a.savedOne : fillText(a.saved, { n }));
    } catch (err) {
      // "ids[3]": that document (hidden since, or gone) is the problem.
      const m = err instanceof ApiError ? /^ids\[(\d+)\]$/.exec(err.field ?? '') : null;
      const bad = m ? chosen[Number(m[1])] : undefined;
      if (bad) setItemError({ id: bad, text: errorText(err, t.errors) });
      setSummary(errorText(err, t.errors));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="attach-for" data-testid="attach-for">
        {fillText(a.forAppointment, {
          when: loaded.when,
          name: loaded.practitioner,
          profile: loaded.profile.name,
        })}
      </p>
      <form class="card attach-form" noValidate onSubmit={save} data-testid="attach-form">
        <ErrorSummary message={summary} attempt={attempt} />
        <fieldset>
          <legend class="field-label">{a.choose}</legend>
          {docs.length === 0 && <p class="muted">{a.none}</p>}
          <ul class="attach-list">
            {newestFirst(docs).map((d) => {
              const hidden = d.hidden === true;
              const box = `attach-${d.id}`;
              return (
                <li key={d.id} class="checkbox attach-item" data-testid="attach-item">
                  <input
                    id={box}
                    type="checkbox"
                    checked={chosen.includes(d.id)}
                    disabled={hidden && !chosen.includes(d.id)}
                    aria-describedby={hidden ? `${box}-hidden` : undefined}
                    aria-invalid={itemError?.id === d.id ? true : undefined}
                    onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                  />
                  <div>
                    <label for={box}>
                      {title(d)}{' '}
                      <span class="muted small">
                        · {isOwn(d) ? h.addedByYou : d.practitioner.name}
                      </span>
                    </label>
                    {hidden && (
                      <p id={`${box}-hidden`} class="field-hint">
                        {a.hiddenNote}{' '}
                        <button
                          type="button"
                          class="btn btn-quiet btn-small"
                          onClick={() => void show(d)}
                          data-testid="attach-show"
                        >
                          <Icon name="eye" />
                          {h.show}
                          <span class="visually-hidden"> — {title(d)}</span>
                        </button>
                      </p>
                    )}
                    {itemError?.id === d.id && <p class="field-error">{itemError.text}</p>}
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <StatusMessage message={status} />
        <button
          type="submit"
          class={`btn btn-primary${busy ? ' is-busy' : ''}`}
          aria-disabled={busy ? true : undefined}
          data-testid="attach-save"
        >
          {busy ? a.saving : a.save}
        </button>
      </form>
      <AddDocument
        idPrefix="attach-new"
        profile={loaded.profile.id}
        profileName={loaded.profile.name}
        onAdded={(f, message) => {
          setDocs((l) => upsert(l, f));
          setChosen((c) => [...c, f.id]);
          setStatus(message);
        }}
      />
    </>
  );
}
