// A finished consultation's documents, for its practitioner (the closing page, "Documents" in
// the day's list): each one's PDF; "Corriger" on the current version of each (not the care
// sheet: its amount is the payment's) opens the correction in place; "Émettre un document"
// issues one forgotten at the close. The new version comes into the list, the old one stays
// marked "remplacée"; focus goes to the new one and the change is announced.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fetchConsultationDocuments, fetchDraft } from '../../lib/documents/api';
import {
  canCorrect,
  ISSUABLE_KINDS,
  isIssuable,
  type IssuableKind,
} from '../../lib/documents/correction';
import { newestFirst, upsertDocument } from '../../lib/documents/documents';
import type { CabinetDocument, CloseBody } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { SelectField } from '../forms/Field';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { DocumentEditor } from './DocumentEditor';
import { IssuedDocuments } from './IssuedDocuments';

type Editing = { doc: CabinetDocument } | { kind: IssuableKind } | null;

export function ConsultationDocuments({
  consultationId,
  documents,
  title,
  patientAge,
}: {
  consultationId: string;
  documents: readonly CabinetDocument[];
  title: string;
  patientAge: number | null;
}) {
  const { t } = useI18n();
  const w = t.corrections;
  const [list, setList] = useState<readonly CabinetDocument[]>(documents);
  const [editing, setEditing] = useState<Editing>(null);
  const [said, setSaid] = useState('');
  // What was typed at the close: a correction starts from it (none readable: empty fields).
  const draft = useLoad(
    (signal) => fetchDraft(consultationId, signal).catch((): CloseBody | null => null),
    [consultationId],
  );
  // After a change: the element to focus (the new document, or the button that opened).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  // In the order they were issued: a new version comes last.
  const shown = newestFirst(list).reverse();

  const close = (back: string) => {
    setEditing(null);
    setFocusId(back);
  };
  const issued = (doc: CabinetDocument, correction: boolean) => {
    setList((old) => upsertDocument(old, doc));
    setNotice(null);
    setEditing(null);
    const name = doc.title || t.myDocs.kinds[doc.kind];
    setSaid(fillText(correction ? w.issuedLive : w.newLive, { title: name }));
    setFocusId(`issued-${doc.id}`);
  };
  // 409: another version was issued meanwhile (another tab): the list is read again, the
  // editor closes (its document is no longer the current one) and the page says why.
  const [notice, setNotice] = useState<string | null>(null);
  const stale = () => {
    setEditing(null);
    setNotice(w.alreadyReplaced);
    setFocusId('issued-title');
    void fetchConsultationDocuments(consultationId)
      .then(setList)
      .catch(() => {});
  };
  const ready = !draft.loading || draft.data !== undefined;

  const editor = (
    kind: IssuableKind,
    doc: CabinetDocument | null,
    back: string,
    chooser = false,
  ) => (
    <DocumentEditor
      key={doc?.id ?? 'new'}
      consultationId={consultationId}
      kind={kind}
      replaces={doc}
      draft={draft.data ?? null}
      patientAge={patientAge}
      onIssued={(d) => issued(d, doc !== null)}
      onCancel={() => close(back)}
      onStale={stale}
    >
      {chooser && (
        <SelectField
          id="cx-new-kind"
          label={w.kind}
          value={kind}
          onValue={(k) => isIssuable(k) && setEditing({ kind: k })}
          options={ISSUABLE_KINDS.map((k) => ({ value: k, label: t.myDocs.kinds[k] }))}
          data-testid="new-document-kind"
        />
      )}
    </DocumentEditor>
  );

  return (
    <div class="consultation-documents">
      {notice && (
        <p class="notice notice-warning" role="alert" data-testid="documents-stale">
          <Icon name="alert" />
          <span>{notice}</span>
        </p>
      )}
      <IssuedDocuments
        documents={shown}
        title={title}
        level={2}
        extra={(doc) => {
          if (!canCorrect(doc) || !isIssuable(doc.kind)) return null;
          const open = editing && 'doc' in editing && editing.doc.id === doc.id;
          const back = `cx-correct-${doc.id}`;
          return open ? (
            <div class="issued-correction">{editor(doc.kind, doc, back)}</div>
          ) : (
            <button
              type="button"
              id={back}
              class="btn btn-secondary"
              disabled={!ready}
              onClick={() => setEditing({ doc })}
              data-testid="correct-document"
            >
              <Icon name="pencil" />
              {w.correct}
              <span class="visually-hidden"> — {doc.title || t.myDocs.kinds[doc.kind]}</span>
            </button>
          );
        }}
      />
      {editing && 'kind' in editing ? (
        <div class="issued-correction">{editor(editing.kind, null, 'cx-new-document', true)}</div>
      ) : (
        <p>
          <button
            type="button"
            id="cx-new-document"
            class="btn btn-secondary"
            disabled={!ready}
            onClick={() => setEditing({ kind: 'certificate' })}
            data-testid="new-document"
          >
            <Icon name="plus" />
            {w.newDocument}
          </button>
        </p>
      )}
      <p class="visually-hidden" aria-live="polite" data-testid="documents-live">
        {said}
      </p>
    </div>
  );
}
