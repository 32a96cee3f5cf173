// One document issued after the close (issue 14), in place on the consultation's documents:
// a correction of an issued one ("Corriger": the same fields as the closing form, prefilled
// from its draft; "Émettre la version corrigée" issues a new version that replaces it) or a
// document forgotten at the close ("Émettre un document"). The server's refusals are shown at
// their field with the error summary, as the closing form does.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { browserZone, todayIn } from '../../lib/booking/slots';
import { fetchCertificates, issueDocument } from '../../lib/documents/api';
import { emptyForm, type CloseForm } from '../../lib/documents/closeForm';
import {
  alreadyReplaced,
  checkPart,
  correctionBody,
  correctionError,
  partForm,
  sectionOf,
  type IssuableKind,
} from '../../lib/documents/correction';
import type { CabinetDocument, CloseBody } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { ErrorSummary } from '../forms/Feedback';
import { useForm } from '../forms/useForm';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { CertificateFields } from './CertificateFields';
import { PrescriptionFields } from './PrescriptionFields';
import { ReportFields } from './ReportFields';
import { SickLeaveFields } from './SickLeaveFields';

interface Props {
  consultationId: string;
  kind: IssuableKind;
  /** The document corrected; null for a new document. */
  replaces: CabinetDocument | null;
  draft: CloseBody | null;
  patientAge: number | null;
  onIssued: (doc: CabinetDocument) => void;
  onCancel: () => void;
  /** 409: the version was replaced meanwhile (the list is to be read again). */
  onStale: () => void;
  /** The new document's kind chooser, above the fields. */
  children?: ComponentChildren;
}

export function DocumentEditor(props: Props) {
  const { t, lang } = useI18n();
  const c = t.closing;
  const w = t.corrections;
  const { kind, replaces } = props;
  const form = useForm(replaces ? `cx-${replaces.id}-` : 'cx-new-');
  const [f, setF] = useState<CloseForm>(() =>
    partForm(
      kind,
      emptyForm('', todayIn(browserZone() ?? 'Europe/Paris')),
      props.draft,
      replaces !== null,
    ),
  );
  // A new document's kind changes: its fields start afresh.
  const firstKind = useRef(kind);
  useEffect(() => {
    if (kind === firstKind.current) return;
    firstKind.current = kind;
    setF(partForm(kind, emptyForm('', todayIn(browserZone() ?? 'Europe/Paris')), null, false));
    form.clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  const catalogue = useLoad(
    (signal) => (kind === 'certificate' ? fetchCertificates(signal) : Promise.resolve([])),
    [lang, kind === 'certificate'],
  );

  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const section = sectionOf(kind);
  const set = (p: object) => setF((old) => ({ ...old, [section]: { ...old[section], ...p } }));
  const props_ = { set, errors: form.errors, fid: form.id };
  const words = { ...c.errors, certificateOne: w.certificateOne };

  function submit(e: Event) {
    e.preventDefault();
    void form.submit(
      () => checkPart(kind, f, words, props.patientAge),
      async () => {
        let doc;
        try {
          doc = await issueDocument(
            props.consultationId,
            correctionBody(kind, f, replaces?.id ?? null),
          );
        } catch (err) {
          if (alreadyReplaced(err)) {
            props.onStale();
            throw new ApiError(409, 'conflict', w.alreadyReplaced);
          }
          throw correctionError(err);
        }
        props.onIssued(doc);
      },
    );
  }

  const name = replaces ? replaces.title || t.myDocs.kinds[replaces.kind] : '';
  const titleId = replaces ? `cx-title-${replaces.id}` : 'cx-title-new';
  return (
    <form
      class="document-editor"
      noValidate
      aria-labelledby={titleId}
      onSubmit={submit}
      data-testid="document-editor"
      data-kind={kind}
    >
      <h3 id={titleId} ref={title} tabIndex={-1}>
        {replaces ? fillText(w.correctTitle, { title: name }) : w.newTitle}
      </h3>
      <p class="muted">{replaces ? w.correctLead : w.newLead}</p>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      {props.children}
      {kind === 'report' && <ReportFields value={f.report} {...props_} />}
      {kind === 'prescription' && (
        <PrescriptionFields
          value={f.prescription}
          {...props_}
          child={props.patientAge !== null && props.patientAge < 18}
        />
      )}
      {kind === 'sick_leave' && <SickLeaveFields value={f.sickLeave} {...props_} />}
      {kind === 'certificate' && (
        <CertificateFields value={f.certificates} {...props_} catalogue={catalogue} />
      )}
      <div class="card-actions">
        <button
          type="submit"
          class={`btn btn-primary${form.busy ? ' is-busy' : ''}`}
          aria-disabled={form.busy ? true : undefined}
          onClick={(e) => form.busy && e.preventDefault()}
          data-testid="correction-submit"
        >
          <Icon name="check" />
          {form.busy ? w.sending : replaces ? w.submit : w.issue}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
          {w.cancel}
        </button>
      </div>
    </form>
  );
}
