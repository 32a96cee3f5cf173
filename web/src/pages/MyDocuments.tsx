// /patient/documents — "Mes documents" (docs/documents.md, docs/health-space.md; shared/UX.md
// patient screen 9): one profile's documents at a time (the header's profile, or all), the
// practitioners' and the patient's own files, newest first, filtered by kind and by who added
// them; download, print, preview in the page, hide from professionals, delete one's own; send a
// prescription to a pharmacy. "Ajouter un document" opens the upload form. New documents from
// practitioners arrive live (watch_documents) and are announced politely.
import { useEffect, useRef, useState } from 'preact/hooks';
import { DocumentCard } from '../components/documents/DocumentCard';
import { PharmacyDialog } from '../components/documents/PharmacyDialog';
import { useDocuments } from '../components/documents/useDocuments';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { SelectField } from '../components/forms/Field';
import { AddDocument } from '../components/health/AddDocument';
import { DocActions } from '../components/health/DocActions';
import { OwnFileCard } from '../components/health/OwnFileCard';
import { PreviewDialog, type PreviewTarget } from '../components/health/PreviewDialog';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import { fullName } from '../lib/account/session';
import type { Me } from '../lib/account/types';
import { replacedVersion } from '../lib/documents/documents';
import type { CabinetDocument, DocumentKind } from '../lib/documents/types';
import { fillText } from '../lib/format';
import { SELF, filterHealth, isOwn, kindsOf, type HealthFilter } from '../lib/health/documents';
import type { HealthDocument, OwnKind } from '../lib/health/types';
import { ROUTES, medicalPath } from '../lib/routes';

export function MyDocumentsPage() {
  const { t } = useI18n();
  return (
    <RequireAuth title={t.myDocs.title} roles={['patient']}>
      {(me) => <MyDocuments me={me} />}
    </RequireAuth>
  );
}

function MyDocuments({ me }: { me: Me }) {
  const { t } = useI18n();
  const m = t.myDocs;
  const h = t.health;
  const docs = useDocuments(me.profiles.map((p) => p.id));
  const { list } = docs;
  const slow = useSlow(list.loading && !list.data);
  const none: HealthFilter = { kind: '', practitioner: '', profile: me.current_profile };
  const [filter, setFilter] = useState<HealthFilter>(none);
  const [sending, setSending] = useState<CabinetDocument | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const addHeading = useRef<HTMLDivElement>(null);

  // The header's profile switch chooses whose documents are shown.
  useEffect(() => {
    setFilter({ kind: '', practitioner: '', profile: me.current_profile });
  }, [me.current_profile]);
  useEffect(() => {
    if (adding) addHeading.current?.querySelector('h2')?.focus();
  }, [adding]);

  const all = list.data ?? [];
  const ofProfile = filterHealth(all, { ...none, profile: filter.profile });
  const shown = filterHealth(all, filter);
  const names = new Map(me.profiles.map((p) => [p.id, fullName(p)]));
  const several = me.profiles.length > 1;
  const target = filter.profile ?? me.current_profile;
  const authors = new Map<string, string>();
  for (const d of ofProfile)
    authors.set(isOwn(d) ? SELF : d.practitioner.id, isOwn(d) ? h.byYou : d.practitioner.name);
  const kindLabel = (k: string) =>
    (m.kinds as Record<string, string>)[k] ?? h.ownKinds[k as OwnKind] ?? k;

  function closeDialog() {
    setSending(null);
    setPreview(null);
    // Once the modal dialog is gone: while it is open the rest of the page is inert.
    setTimeout(() => opener.current?.focus(), 0);
  }
  const changed = (doc: HealthDocument, message: string) => {
    docs.update(doc);
    setStatus(message);
  };
  const actions = (d: HealthDocument, title: string) => (
    <DocActions
      doc={d}
      title={title}
      explainId="hide-explain"
      onPreview={(p, button) => {
        opener.current = button;
        setPreview(p);
      }}
      onChanged={changed}
      onDeleted={(doc, message) => {
        docs.remove(doc.id);
        setStatus(message);
        document.getElementById('documents-count')?.focus();
      }}
    />
  );

  return (
    <>
      <PageIntro title={m.title} lead={h.lead} />
      <div class="container narrow documents-page">
        {several && (
          <div class="segmented profile-filter" role="group" aria-label={m.profiles}>
            {[
              { id: null, name: m.all },
              ...me.profiles.map((p) => ({ id: p.id, name: fullName(p) })),
            ].map((p) => (
              <button
                key={p.id ?? 'all'}
                type="button"
                class="segment"
                aria-pressed={filter.profile === p.id}
                onClick={() => setFilter({ ...none, profile: p.id })}
              >
                {p.name}
              </button>
            ))}
          </div>
        )}
        <div class="documents-tools">
          <button
            type="button"
            class="btn btn-primary"
            aria-expanded={adding}
            aria-controls="add-document-panel"
            onClick={() => setAdding((v) => !v)}
            data-testid="add-document-open"
          >
            <Icon name="plus" />
            {t.addDoc.open}
          </button>
          <a class="btn btn-quiet" href={medicalPath(target)}>
            <Icon name="user" />
            {t.medical.navLink}
          </a>
        </div>
        <div id="add-document-panel" ref={addHeading} hidden={!adding}>
          {adding && (
            <AddDocument
              profile={target}
              profileName={several ? (names.get(target) ?? null) : null}
              onAdded={(f, message) => {
                docs.update(f);
                setStatus(message);
                setAdding(false);
              }}
            />
          )}
        </div>
        <StatusMessage message={status ?? docs.announce} tone="info" />
        {!docs.live && (
          <p class="notice notice-warning" role="status">
            <Icon name="reconnect" />
            <span>{m.paused}</span>
          </p>
        )}
        {slow && <p class="slow-note">{m.slowNote}</p>}
        <LoadState
          loading={list.loading && !list.data}
          error={list.data ? null : list.error}
          onRetry={list.reload}
          lines={5}
        >
          {ofProfile.length === 0 ? (
            <div class="empty-note" data-testid="documents-empty">
              <Icon name="file" />
              <p>{m.empty}</p>
              <p>
                <a class="btn btn-secondary" href={ROUTES.search}>
                  {m.emptyAction}
                </a>
              </p>
            </div>
          ) : (
            <>
              <div class="document-filters" role="group" aria-label={m.filters}>
                <SelectField
                  id="doc-kind"
                  label={m.kind}
                  value={filter.kind}
                  onValue={(kind) => setFilter({ ...filter, kind })}
                  placeholder={m.allKinds}
                  options={kindsOf(ofProfile).map((k) => ({ value: k, label: kindLabel(k) }))}
                />
                <SelectField
                  id="doc-practitioner"
                  label={m.practitioner}
                  value={filter.practitioner}
                  onValue={(practitioner) => setFilter({ ...filter, practitioner })}
                  placeholder={m.allPractitioners}
                  options={[...authors].map(([value, label]) => ({ value, label }))}
                />
              </div>
              <p id="hide-explain" class="notice hide-explain">
                <Icon name="lock" />
                <span>{h.hideExplain}</span>
              </p>
              <p
                id="documents-count"
                tabIndex={-1}
                class="muted small"
                aria-live="polite"
                data-testid="documents-count"
              >
                {shown.length === 1 ? m.countOne : fillText(m.count, { n: shown.length })}
              </p>
              {shown.length === 0 ? (
                <div class="empty-note">
                  <p>{m.emptyFiltered}</p>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => setFilter({ ...none, profile: filter.profile })}
                  >
                    {m.clearFilters}
                  </button>
                </div>
              ) : (
                <ul class="document-list">
                  {shown.map((d) => {
                    const profileName = several ? (names.get(d.profile_id) ?? null) : null;
                    if (isOwn(d)) {
                      const title = d.title || h.ownKinds[d.kind];
                      return (
                        <li key={d.id}>
                          <OwnFileCard doc={d} profileName={profileName}>
                            {actions(d, title)}
                          </OwnFileCard>
                        </li>
                      );
                    }
                    const title = d.title || m.kinds[d.kind as DocumentKind];
                    return (
                      <li key={d.id}>
                        <DocumentCard
                          doc={d}
                          replaced={replacedVersion(all as CabinetDocument[], d)}
                          profileName={profileName}
                          onPharmacy={(doc, button) => {
                            opener.current = button;
                            setStatus(null);
                            setSending(doc);
                          }}
                          tags={
                            <>
                              <span class="tag tag-author">{d.practitioner.name}</span>
                              {d.hidden && <span class="tag tag-hidden">{h.hiddenTag}</span>}
                            </>
                          }
                        >
                          {actions(d, title)}
                        </DocumentCard>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}
        </LoadState>
      </div>
      {sending && (
        <PharmacyDialog
          doc={sending}
          onClose={closeDialog}
          onSent={(doc, name) => {
            docs.update({ ...doc, source: 'practitioner', hidden: false, ...pick(all, doc.id) });
            setStatus(fillText(t.pharmacyDialog.sent, { name }));
            closeDialog();
          }}
        />
      )}
      {preview && <PreviewDialog target={preview} onClose={closeDialog} />}
    </>
  );
}

/** What the list knows of a document that a pharmacy answer must not lose (hidden). */
function pick(all: readonly HealthDocument[], id: string): { hidden?: boolean } {
  const d = all.find((x) => x.id === id);
  return d?.hidden === undefined ? {} : { hidden: d.hidden };
}
