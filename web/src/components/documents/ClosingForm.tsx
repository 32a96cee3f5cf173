// "Clôturer la consultation" (issue 14): the practitioner's closing form, in the room beside the
// video and on /praticien/consultations/:id/cloture. Sections open when ticked (compte-rendu,
// ordonnance, arrêt de travail, certificat), then the feuille de soins (ticked by default), the
// CSS/AME box and the amount (the price, at most the hold). Saved as a draft while typed
// (PUT …/draft, 800 ms after the last change; restored on open). "Clôturer" sends everything
// once (POST …/close: nothing is issued if one document is refused); the server's refusals are
// shown at their field with the error summary. Keyboard: Enter never closes by accident (it
// adds a medicine in a prescription line); Ctrl+Entrée closes.
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { amountInput, formatAmount } from '../../lib/booking/payment';
import { browserZone, todayIn } from '../../lib/booking/slots';
import { patientAge, type ConsultationView } from '../../lib/consultation/consultation';
import {
  closeWithDocuments,
  fetchCertificates,
  fetchDraft,
  saveDraft,
} from '../../lib/documents/api';
import {
  checkForm,
  closeError,
  emptyForm,
  fromDraft,
  toBody,
  type CloseForm,
} from '../../lib/documents/closeForm';
import { DraftAutosave, type DraftState } from '../../lib/documents/draft';
import { fetchConsultationMedical } from '../../lib/health/api';
import { allergyLabels } from '../../lib/health/medical';
import type { CabinetDocument, CloseBody } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { ErrorSummary, LoadState } from '../forms/Feedback';
import { CheckboxField, TextField } from '../forms/Field';
import { useForm } from '../forms/useForm';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { CertificateFields } from './CertificateFields';
import { PrescriptionFields } from './PrescriptionFields';
import { ReportFields } from './ReportFields';
import { SickLeaveFields } from './SickLeaveFields';
import { TickSection } from './TickSection';

export interface Closed {
  cents: number;
  documents: CabinetDocument[];
}

interface Props {
  view: ConsultationView;
  titleRef?: Ref<HTMLHeadingElement>;
  onClosed: (closed: Closed) => void;
  /** Saves what must not be lost first (the private notes being typed). */
  beforeClose?: () => Promise<void>;
  /** "Revenir à la consultation" (in the room). */
  onBack?: () => void;
}

/** The most that may be charged: the card hold when there is one, else the price. */
function maxCents(view: ConsultationView): number {
  return view.payment.amount_cents > 0 ? view.payment.amount_cents : view.price_cents;
}

export function ClosingForm(props: Props) {
  const { t } = useI18n();
  // A draft that cannot be read must not keep the practitioner from closing: an empty form.
  const draft = useLoad(
    (signal) => fetchDraft(props.view.id, signal).catch((): CloseBody => ({})),
    [props.view.id],
  );
  // The title is focused as the form opens, while the draft loads; the loaded form's own title
  // takes the focus over (the first one goes, and focus with it).
  const titleFocused = useRef(false);
  if (!draft.data)
    return (
      <section class="closing-form" aria-labelledby="closing-title">
        <h2
          id="closing-title"
          ref={props.titleRef}
          tabIndex={-1}
          onFocus={() => (titleFocused.current = true)}
          onBlur={() => (titleFocused.current = false)}
        >
          {t.closing.title}
        </h2>
        <LoadState loading error={null} lines={4}>
          {null}
        </LoadState>
      </section>
    );
  return <Form {...props} draft={draft.data} focusTitle={titleFocused.current} />;
}

function Form({
  view,
  titleRef,
  onClosed,
  beforeClose,
  onBack,
  draft,
  focusTitle,
}: Props & { draft: CloseBody; focusTitle: boolean }) {
  const { t, lang } = useI18n();
  const c = t.closing;
  const form = useForm('cl-');
  const max = maxCents(view);
  const age = patientAge(view.patient);
  const catalogue = useLoad((signal) => fetchCertificates(signal), [lang]);
  // The declared allergies, for the prescription's warning; none when the profile is unreadable.
  const medical = useLoad((s) => fetchConsultationMedical(view.id, s).catch(() => null), [view.id]);

  // The form as the draft left it, and what the server has of it: opening saves nothing.
  const [initial] = useState<CloseForm>(() =>
    fromDraft(
      draft,
      emptyForm(amountInput(view.price_cents, lang), todayIn(browserZone() ?? 'Europe/Paris')),
      (cents) => amountInput(cents, lang),
    ),
  );
  const [f, setF] = useState<CloseForm>(initial);
  const [draftState, setDraftState] = useState<DraftState>('idle');
  const autosave = useMemo(() => {
    const a = new DraftAutosave<CloseBody>({
      save: (body, keepalive) => saveDraft(view.id, body, keepalive),
      onState: setDraftState,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
    });
    a.loaded(toBody(initial, { draft: true }));
    return a;
  }, [view.id, initial]);
  useEffect(() => autosave.change(toBody(f, { draft: true })), [f, autosave]);
  useEffect(() => {
    const onHide = () => void autosave.flush(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void autosave.flush(true);
      autosave.stop();
    };
  }, [autosave]);

  function patch<K extends keyof CloseForm>(key: K) {
    return (p: Partial<CloseForm[K]>) =>
      setF((old) => ({ ...old, [key]: { ...(old[key] as object), ...p } }));
  }
  const section = <K extends 'report' | 'prescription' | 'sickLeave' | 'certificates'>(k: K) => ({
    value: f[k],
    set: patch(k),
    errors: form.errors,
    fid: form.id,
  });
  const words = {
    ...c.errors,
    amountTooHigh: fillText(c.errors.amountTooHigh, { max: formatAmount(max, lang) }),
  };

  function submit(e: Event) {
    e.preventDefault();
    void form.submit(
      () => checkForm(f, max, words, age),
      async () => {
        await beforeClose?.().catch(() => {});
        const body = toBody(f);
        // A certificate that needs an examination cannot be ticked; one left in an old draft
        // is not sent either.
        const needsExam = new Set(
          (catalogue.data ?? []).filter((x) => x.requires_examination).map((x) => x.type),
        );
        if (body.certificates)
          body.certificates = body.certificates.filter((x) => !needsExam.has(x.type));
        let answer;
        try {
          answer = await closeWithDocuments(view.id, body);
        } catch (err) {
          throw closeError(err);
        }
        autosave.stop();
        onClosed({ cents: body.amount_cents ?? 0, documents: answer.documents });
      },
    );
  }

  // Enter in a field must not close the consultation half-written; Ctrl+Entrée closes. (A
  // listener on the form itself: the fields' own Enter, in a prescription line, comes first.)
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusTitle) document.getElementById('closing-title')?.focus();
    // Once, as the loaded form replaces the loading one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const el = formRef.current;
    if (!el) return undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        el.requestSubmit();
      } else if (e.target instanceof HTMLInputElement) e.preventDefault();
    };
    el.addEventListener('keydown', onKeyDown);
    return () => el.removeEventListener('keydown', onKeyDown);
  }, []);

  const noCard = view.payment.state === 'card_required';
  return (
    <form
      class="closing-form"
      noValidate
      aria-labelledby="closing-title"
      ref={formRef}
      onSubmit={submit}
      data-testid="closing-form"
    >
      <div class="closing-head">
        <h2 id="closing-title" ref={titleRef} tabIndex={-1}>
          {c.title}
        </h2>
        <p class={`draft-status draft-${draftState}`} role="status" data-testid="draft-status">
          {draftState === 'saving'
            ? c.draft.saving
            : draftState === 'saved'
              ? c.draft.saved
              : draftState === 'error'
                ? c.draft.error
                : ''}
        </p>
      </div>
      <p class="muted">{c.lead}</p>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <div class="close-sections" role="group" aria-label={c.sections}>
        <TickSection
          id="cl-section-report"
          label={c.report.label}
          hint={c.report.hint}
          on={f.report.on}
          onToggle={(on) => patch('report')({ on })}
          testId="section-report"
        >
          <ReportFields {...section('report')} />
        </TickSection>
        <TickSection
          id="cl-section-prescription"
          label={c.prescription.label}
          on={f.prescription.on}
          onToggle={(on) => patch('prescription')({ on })}
          testId="section-prescription"
        >
          <PrescriptionFields
            {...section('prescription')}
            child={age !== null && age < 18}
            allergies={allergyLabels(medical.data)}
            declaredWeight={medical.data?.weight_kg ?? null}
          />
        </TickSection>
        <TickSection
          id="cl-section-sick-leave"
          label={c.sickLeave.label}
          hint={c.sickLeave.rule}
          on={f.sickLeave.on}
          onToggle={(on) => patch('sickLeave')({ on })}
          testId="section-sick-leave"
        >
          <SickLeaveFields {...section('sickLeave')} />
        </TickSection>
        <TickSection
          id="cl-section-certificates"
          label={c.certificates.label}
          on={f.certificates.on}
          onToggle={(on) => patch('certificates')({ on })}
          testId="section-certificates"
        >
          <CertificateFields {...section('certificates')} catalogue={catalogue} />
        </TickSection>
      </div>
      <fieldset class="close-payment">
        <legend>{c.payment}</legend>
        <CheckboxField
          id={form.id('care_sheet')}
          label={c.careSheet.label}
          hint={c.careSheet.hint}
          checked={f.careSheet}
          onChecked={(careSheet) => setF((o) => ({ ...o, careSheet }))}
        />
        <CheckboxField
          id={form.id('css_ame')}
          label={c.cssAme.label}
          hint={c.cssAme.hint}
          checked={f.cssAme}
          onChecked={(cssAme) => setF((o) => ({ ...o, cssAme }))}
        />
        {noCard && (
          <p class="notice notice-warning" data-testid="close-no-card">
            <Icon name="card" />
            <span>{c.noCard}</span>
          </p>
        )}
        <TextField
          id={form.id('amount_cents')}
          label={c.amount}
          hint={fillText(c.amountHint, { max: formatAmount(max, lang) })}
          inputMode="decimal"
          autoComplete="off"
          value={f.amount}
          onValue={(amount) => setF((o) => ({ ...o, amount }))}
          error={form.errors.amount_cents}
          class="input-amount"
          data-testid="close-amount"
        />
      </fieldset>
      <div class="card-actions closing-actions">
        {/* aria-disabled rather than disabled while sending: focus stays on the button. */}
        <button
          type="submit"
          class={`btn btn-primary btn-large${form.busy ? ' is-busy' : ''}`}
          aria-disabled={form.busy ? true : undefined}
          aria-keyshortcuts="Control+Enter"
          onClick={(e) => form.busy && e.preventDefault()}
          data-testid="close-confirm"
        >
          <Icon name="check" />
          {form.busy ? c.submitting : c.submit}
        </button>
        {onBack && (
          <button type="button" class="btn btn-secondary" onClick={onBack}>
            {c.back}
          </button>
        )}
        <span class="muted small closing-shortcut" aria-hidden="true">
          {c.shortcut}
        </span>
      </div>
    </form>
  );
}
