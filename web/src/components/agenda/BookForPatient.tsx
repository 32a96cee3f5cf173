// "Prendre un rendez-vous pour un patient" (docs/booking.md, POST /practitioner/appointments):
// the patient's email, the mode, the motif, and a time among the shown days' free slots. The
// appointment is confirmed at once with "card_required": the patient is emailed to add a card.
import { useState } from 'preact/hooks';
import { SelectField, TextField } from '../forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from '../forms/Feedback';
import { useForm, type Errors } from '../forms/useForm';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import type { BookedAgendaDay } from '../../lib/booking/booking';
import { checkEmail } from '../../lib/account/checks';
import { formatPrice, motifsFor, type Mode, type Motif } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { formatClock, formatDayLong, slotSentence } from '../../lib/booking/slots';
import { bookForPatient } from '../../lib/practitioner/api';

export function BookForPatient({
  days,
  motifs,
  motifsError,
  onDone,
}: {
  days: BookedAgendaDay[];
  motifs: Motif[] | undefined;
  motifsError: boolean;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agendaBooking;
  const form = useForm('bk-');
  const modes: Mode[] = (['video', 'in_person'] as const).filter(
    (m) => !motifs || motifsFor(motifs, m).length > 0,
  );
  const [v, setV] = useState({ email: '', mode: '' as Mode | '', motif: '', day: '', start: '' });
  const [done, setDone] = useState<string | null>(null);

  const mode: Mode = v.mode || modes[0] || 'video';
  const choices = motifs ? motifsFor(motifs, mode) : [];
  const openDays = days.filter((d) => d.free.some((s) => s.mode === mode));
  const day = openDays.find((d) => d.date === v.day) ?? openDays[0];
  const slots = day ? day.free.filter((s) => s.mode === mode) : [];
  const set = (k: keyof typeof v) => (value: string) => {
    setDone(null);
    setV((old) => ({
      ...old,
      [k]: value,
      ...(k === 'mode' ? { motif: '', start: '' } : k === 'day' ? { start: '' } : {}),
    }));
  };

  function check(): Errors {
    return {
      patient_email: v.email.trim() ? checkEmail(v.email, t.checks) : a.emailRequired,
      motif_id: choices.some((m) => m.id === v.motif) ? undefined : a.motifRequired,
      start: slots.some((s) => s.start === v.start) ? undefined : a.startRequired,
    };
  }

  async function book() {
    try {
      const r = await bookForPatient({
        patient_email: v.email.trim(),
        motif_id: v.motif,
        start: v.start,
        mode,
      });
      setDone(
        fillText(a.booked, {
          when: slotSentence(r.start, lang),
          name: `${r.profile.first_name} ${r.profile.last_name}`.trim(),
        }),
      );
      setV((old) => ({ ...old, email: '', start: '' }));
      onDone();
    } catch (e) {
      // "No patient account has this email" belongs next to the email field.
      if (e instanceof ApiError && e.code === 'patient_not_found')
        throw new ApiError(e.status, 'invalid_request', a.patientNotFound, 'patient_email');
      throw e;
    }
  }

  return (
    <section class="card panel side-panel" aria-labelledby="book-patient-title">
      <h2 id="book-patient-title">{a.bookTitle}</h2>
      <p class="muted small">{a.bookLead}</p>
      {motifsError ? (
        <p class="notice notice-info">{a.motifsUnavailable}</p>
      ) : motifs && motifs.length === 0 ? (
        <p class="notice notice-info">{a.noMotifs}</p>
      ) : (
        <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, book))}>
          <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
          <TextField
            id={form.id('patient_email')}
            label={a.patientEmail}
            type="email"
            autoComplete="off"
            spellcheck={false}
            autoCapitalize="off"
            value={v.email}
            onValue={set('email')}
            error={form.errors.patient_email}
          />
          {modes.length > 1 && (
            <SelectField
              id={form.id('mode')}
              label={a.mode}
              value={mode}
              onValue={set('mode')}
              options={modes.map((m) => ({ value: m, label: t.modes[m] }))}
            />
          )}
          <SelectField
            id={form.id('motif_id')}
            label={a.motif}
            value={v.motif}
            onValue={set('motif')}
            error={form.errors.motif_id}
            placeholder={a.choose}
            options={choices.map((m) => ({
              value: m.id,
              label: `${m.label} · ${m.duration_min} min · ${formatPrice(m.price_cents, lang)}`,
            }))}
          />
          {openDays.length > 1 && (
            <SelectField
              id={form.id('day')}
              label={a.day}
              value={day?.date ?? ''}
              onValue={set('day')}
              options={openDays.map((d) => ({ value: d.date, label: formatDayLong(d.date, lang) }))}
            />
          )}
          {slots.length === 0 ? (
            <p class="muted small">{a.noFree}</p>
          ) : (
            <SelectField
              id={form.id('start')}
              label={
                openDays.length > 1 || !day
                  ? a.start
                  : `${a.start} — ${formatDayLong(day.date, lang)}`
              }
              value={v.start}
              onValue={set('start')}
              error={form.errors.start}
              placeholder={a.choose}
              options={slots.map((s) => ({ value: s.start, label: formatClock(s.start) }))}
            />
          )}
          <SubmitButton busy={form.busy}>{a.submit}</SubmitButton>
          <StatusMessage message={done} />
        </form>
      )}
    </section>
  );
}
