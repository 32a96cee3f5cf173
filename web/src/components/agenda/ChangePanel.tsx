// The agenda's changes that do not fit the weekly hours: a blocked time, an absence over whole
// days, an extra opening.
import { useState } from 'preact/hooks';
import { SelectField, TextareaField, TextField } from '../forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from '../forms/Feedback';
import { useForm, type Errors } from '../forms/useForm';
import { useI18n } from '../../i18n';
import type { ExceptionKind, Mode } from '../../lib/directory/directory';
import { addDays, isDate, parseHHMM } from '../../lib/booking/slots';
import { addException } from '../../lib/practitioner/api';

interface ChangeDraft {
  date: string;
  endDate: string;
  start: string;
  end: string;
  mode: Mode;
  note: string;
}

export function ChangePanel({ defaultDate, onDone }: { defaultDate: string; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.agenda;
  const [kind, setKind] = useState<ExceptionKind>('block');
  const form = useForm('x-', (f) => (f === 'start' ? 'date' : f === 'end' ? 'end_time' : f));
  const [v, setV] = useState<ChangeDraft>({
    date: defaultDate,
    endDate: defaultDate,
    start: '',
    end: '',
    mode: 'video',
    note: '',
  });
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof ChangeDraft) => (value: string) => {
    setDone(null);
    setV((old) => ({
      ...old,
      [k]: value,
      ...(k === 'date' && old.endDate < value ? { endDate: value } : {}),
    }));
  };

  function check(): Errors {
    const c = a.checks;
    if (kind === 'absence')
      return {
        date: isDate(v.date) ? undefined : c.dateRequired,
        end_date: !isDate(v.endDate)
          ? c.dateRequired
          : v.endDate < v.date
            ? c.endDateBefore
            : undefined,
        note: v.note.length > 200 ? c.noteTooLong : undefined,
      };
    const s = parseHHMM(v.start);
    const e = parseHHMM(v.end === '00:00' ? '24:00' : v.end);
    return {
      date: isDate(v.date) ? undefined : c.dateRequired,
      start_time: s === null ? c.timeRequired : undefined,
      end_time: e === null ? c.timeRequired : s !== null && e <= s ? c.endBeforeStart : undefined,
      note: v.note.length > 200 ? c.noteTooLong : undefined,
    };
  }

  async function save() {
    const body: Record<string, string> =
      kind === 'absence'
        ? { kind, start: `${v.date}T00:00`, end: `${addDays(v.endDate, 1)}T00:00` }
        : {
            kind,
            start: `${v.date}T${v.start}`,
            end: v.end === '00:00' ? `${addDays(v.date, 1)}T00:00` : `${v.date}T${v.end}`,
          };
    if (kind === 'extra') body.mode = v.mode;
    if (v.note.trim()) body.note = v.note.trim();
    await addException(body);
    setDone(kind === 'absence' ? a.addedAbsence : kind === 'block' ? a.addedBlock : a.addedExtra);
    setV((old) => ({ ...old, start: '', end: '', note: '' }));
    onDone();
  }

  const help = kind === 'absence' ? a.absenceHelp : kind === 'block' ? a.blockHelp : a.extraHelp;
  return (
    <section class="card panel side-panel" aria-labelledby="change-title">
      <h2 id="change-title">{a.changeTitle}</h2>
      <div class="segmented segmented-stack" role="group" aria-label={a.changeKind}>
        {(['block', 'absence', 'extra'] as const).map((k) => (
          <button
            key={k}
            type="button"
            class="segment"
            aria-pressed={k === kind}
            onClick={() => {
              setKind(k);
              setDone(null);
              form.clear();
            }}
          >
            {k === 'block' ? a.blockAction : k === 'absence' ? a.absenceAction : a.extraAction}
          </button>
        ))}
      </div>
      <p class="muted small">{help}</p>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void form.submit(check, save))}>
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        {kind === 'absence' ? (
          <div class="field-row">
            <TextField
              id={form.id('date')}
              label={a.startDate}
              type="date"
              value={v.date}
              onValue={set('date')}
              error={form.errors.date}
            />
            <TextField
              id={form.id('end_date')}
              label={a.endDate}
              type="date"
              min={v.date}
              value={v.endDate}
              onValue={set('endDate')}
              error={form.errors.end_date}
            />
          </div>
        ) : (
          <>
            <TextField
              id={form.id('date')}
              label={a.date}
              type="date"
              value={v.date}
              onValue={set('date')}
              error={form.errors.date}
            />
            <div class="field-row">
              <TextField
                id={form.id('start_time')}
                label={a.startTime}
                type="time"
                step={300}
                value={v.start}
                onValue={set('start')}
                error={form.errors.start_time}
              />
              <TextField
                id={form.id('end_time')}
                label={a.endTime}
                type="time"
                step={300}
                value={v.end}
                onValue={set('end')}
                error={form.errors.end_time}
              />
            </div>
          </>
        )}
        {kind === 'extra' && (
          <SelectField
            id={form.id('mode')}
            label={a.mode}
            value={v.mode}
            onValue={(m) => set('mode')(m)}
            options={(['video', 'in_person'] as const).map((m) => ({
              value: m,
              label: t.modes[m],
            }))}
          />
        )}
        <TextareaField
          id={form.id('note')}
          label={a.note}
          hint={a.noteHint}
          value={v.note}
          onValue={set('note')}
          error={form.errors.note}
          rows={2}
          maxLength={200}
          optional
        />
        <SubmitButton busy={form.busy}>
          {kind === 'absence' ? a.saveAbsence : kind === 'block' ? a.saveBlock : a.saveExtra}
        </SubmitButton>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}
