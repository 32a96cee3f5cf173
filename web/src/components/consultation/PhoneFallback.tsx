// When the video fails, the consultation goes on by telephone (ROOM7, seed 000). The
// practitioner: "Passer au téléphone", why (camera, micro, network, the patient's wish…), then
// the patient's number, large, as a link that dials it, and the closing still at hand. The
// patient (and a guest): a notice, read aloud, to accept calls from hidden numbers. The page
// stays in the consultation.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { switchToPhone } from '../../lib/consultation/api';
import {
  PHONE_CAUSES,
  type PhoneCause,
  type PhoneFallback as Phone,
} from '../../lib/consultation/consultation';
import { errorText } from '../../lib/errors';
import { formatPhone } from '../../lib/validate';
import { SelectField, TextField } from '../forms/Field';
import { useInlinePanel } from './useInlinePanel';
import { Icon } from '../Icon';

export function PhoneNotice({ phone, guest }: { phone: Phone | null; guest: boolean }) {
  const { t } = useI18n();
  if (!phone) return null;
  // An alert: read aloud at once, whatever the patient was doing.
  return (
    <p class="notice notice-warning phone-notice" role="alert" data-testid="phone-notice">
      <Icon name="phone" />
      <span>{guest ? t.phone.guestNotice : t.phone.patientNotice}</span>
    </p>
  );
}

/** Switched: the patient's number to dial, large, and the closing at hand. */
export function PhoneActive({
  patientPhone,
  focus,
  close,
}: {
  patientPhone: string | null;
  focus: boolean;
  close: ComponentChildren;
}) {
  const { t } = useI18n();
  const p = t.phone;
  const title = useRef<HTMLHeadingElement>(null);
  const focusOnMount = useRef(focus);
  // Just switched from this page: straight to the number to call.
  useEffect(() => {
    if (focusOnMount.current) title.current?.focus();
  }, []);
  return (
    <section class="phone-done" aria-labelledby="phone-done-title" data-testid="phone-active">
      <h2 id="phone-done-title" ref={title} tabIndex={-1}>
        <Icon name="phone" />
        {p.done}
      </h2>
      {patientPhone ? (
        <a
          class="phone-number"
          href={`tel:${patientPhone.replace(/[^\d+]/g, '')}`}
          data-testid="patient-phone"
        >
          <span class="visually-hidden">{p.callPatient} </span>
          {formatPhone(patientPhone)}
        </a>
      ) : (
        <p class="notice notice-warning">
          <Icon name="alert" />
          <span>{p.noPhone}</span>
        </p>
      )}
      <p class="muted">{p.keepOpen}</p>
      {close}
    </section>
  );
}

/** "Passer au téléphone": why, then the switch (POST /consultations/{id}/phone). */
export function PhoneSwitch({
  id,
  onSwitched,
}: {
  id: string;
  onSwitched: (p: Phone, number: string | null) => void;
}) {
  const { t } = useI18n();
  const p = t.phone;
  const { open, setOpen, title, opener } = useInlinePanel();
  const [cause, setCause] = useState<PhoneCause>('camera');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open)
    return (
      <button
        ref={opener}
        type="button"
        class="btn btn-secondary phone-open"
        onClick={() => setOpen(true)}
        data-testid="phone-fallback"
      >
        <Icon name="phone" />
        {p.open}
      </button>
    );

  return (
    <form
      class="inline-panel phone-panel"
      noValidate
      aria-labelledby="phone-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        setError(null);
        switchToPhone(id, cause, note).then(
          (r) => onSwitched(r.phone_fallback ?? { cause }, r.patient_phone ?? null),
          (err: unknown) => {
            setBusy(false);
            setError(errorText(err, t.errors) || p.failed);
          },
        );
      }}
    >
      <h2 id="phone-title" ref={title} tabIndex={-1}>
        {p.title}
      </h2>
      <p>{p.lead}</p>
      <SelectField
        id="phone-cause"
        label={p.cause}
        value={cause}
        onValue={(v) => setCause(v as PhoneCause)}
        options={PHONE_CAUSES.map((c) => ({ value: c, label: p.causes[c] }))}
        data-testid="phone-cause"
      />
      <TextField
        id="phone-note"
        label={p.note}
        optional
        value={note}
        onValue={setNote}
        maxLength={500}
        autoComplete="off"
        data-testid="phone-note"
      />
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <div class="card-actions">
        <button
          type="submit"
          class={`btn btn-primary${busy ? ' is-busy' : ''}`}
          aria-disabled={busy ? true : undefined}
          data-testid="phone-confirm"
        >
          <Icon name="phone" />
          {p.confirm}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
          {p.back}
        </button>
      </div>
    </form>
  );
}
