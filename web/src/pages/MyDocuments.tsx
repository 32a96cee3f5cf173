// /patient/documents — "Mes documents" (docs/documents.md; shared/UX.md patient screen 9): the
// documents of the account's profiles (one at a time or all, as Mes rendez-vous), newest first,
// filtered by kind and by practitioner; download, print, send a prescription to a pharmacy and
// follow its answer. New documents arrive live (watch_documents) and are announced politely.
import { useRef, useState } from 'preact/hooks';
import { DocumentCard } from '../components/documents/DocumentCard';
import { PharmacyDialog } from '../components/documents/PharmacyDialog';
import { useDocuments } from '../components/documents/useDocuments';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { SelectField } from '../components/forms/Field';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import { fullName } from '../lib/account/session';
import type { Me } from '../lib/account/types';
import {
  filterDocuments,
  practitionersOf,
  replacedVersion,
  type DocumentFilter,
} from '../lib/documents/documents';
import { DOCUMENT_KINDS, type CabinetDocument, type DocumentKind } from '../lib/documents/types';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';

export function MyDocumentsPage() {
  const { t } = useI18n();
  return (
    <RequireAuth title={t.myDocs.title} roles={['patient']}>
      {(me) => <MyDocuments me={me} />}
    </RequireAuth>
  );
}

const NO_FILTER: DocumentFilter = { kind: '', practitioner: '', profile: null };

function MyDocuments({ me }: { me: Me }) {
  const { t } = useI18n();
  const m = t.myDocs;
  const docs = useDocuments(me.profiles.map((p) => p.id));
  const { list } = docs;
  const slow = useSlow(list.loading && !list.data);
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const [sending, setSending] = useState<CabinetDocument | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const all = list.data ?? [];
  const ofProfile = filterDocuments(all, { ...NO_FILTER, profile: filter.profile });
  const shown = filterDocuments(all, filter);
  const practitioners = practitionersOf(ofProfile);
  const names = new Map(me.profiles.map((p) => [p.id, fullName(p)]));
  const several = me.profiles.length > 1;

  function closeDialog() {
    setSending(null);
    opener.current?.focus();
  }

  return (
    <>
      <PageIntro title={m.title} lead={m.lead} />
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
                onClick={() => setFilter({ ...NO_FILTER, profile: p.id })}
              >
                {p.name}
              </button>
            ))}
          </div>
        )}
        <StatusMessage message={sent ?? docs.announce} tone="info" />
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
                <a class="btn btn-primary" href={ROUTES.search}>
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
                  onValue={(v) => setFilter({ ...filter, kind: v as DocumentKind | '' })}
                  placeholder={m.allKinds}
                  options={DOCUMENT_KINDS.map((k) => ({ value: k, label: m.kinds[k] }))}
                />
                <SelectField
                  id="doc-practitioner"
                  label={m.practitioner}
                  value={filter.practitioner}
                  onValue={(practitioner) => setFilter({ ...filter, practitioner })}
                  placeholder={m.allPractitioners}
                  options={practitioners.map((p) => ({ value: p.id, label: p.name }))}
                />
              </div>
              <p class="muted small" aria-live="polite" data-testid="documents-count">
                {shown.length === 1 ? m.countOne : fillText(m.count, { n: shown.length })}
              </p>
              {shown.length === 0 ? (
                <div class="empty-note">
                  <p>{m.emptyFiltered}</p>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => setFilter({ ...NO_FILTER, profile: filter.profile })}
                  >
                    {m.clearFilters}
                  </button>
                </div>
              ) : (
                <ul class="document-list">
                  {shown.map((d) => (
                    <li key={d.id}>
                      <DocumentCard
                        doc={d}
                        replaced={replacedVersion(all, d)}
                        profileName={several ? (names.get(d.profile_id) ?? null) : null}
                        onPharmacy={(doc, button) => {
                          opener.current = button;
                          setSent(null);
                          setSending(doc);
                        }}
                      />
                    </li>
                  ))}
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
            docs.update(doc);
            setSent(fillText(t.pharmacyDialog.sent, { name }));
            closeDialog();
          }}
        />
      )}
    </>
  );
}
