// The practitioner's side panel beside the video (ROOM9, UX "Call: the patient panel on the
// right"): who the patient is and their age, their coverage, the files shared during the
// consultation, and private notes saved as they are typed. Open beside the call on a wide
// screen; a section to unfold under it on a phone. Never shown to an assistant or a guest.
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { saveNotes } from '../../lib/consultation/api';
import { NOTES_MAX_CHARS } from '../../lib/consultation/consultation';
import { type Panel, coverageRows, panelAge } from '../../lib/consultation/panel';
import { formatBirthDate, formatTime } from '../../lib/dates';
import { formatSize, type SharedFile } from '../../lib/consultation/files';
import { fillText } from '../../lib/format';
import { NotesAutosave, type NotesSnapshot } from '../../lib/consultation/notes';
import { formatPhone } from '../../lib/validate';
import { LoadState } from '../forms/Feedback';
import { HealthRecord } from '../health/HealthRecord';
import { Icon } from '../Icon';
import type { Loaded } from '../useLoad';

/** Unfolded by default where it fits beside the call. */
const WIDE = '(min-width: 960px)';

export function SidePanel({
  consultation,
  panel,
  liveFiles,
  flushRef,
}: {
  consultation: string;
  panel: Loaded<Panel | null>;
  /** Files shared since the page opened (the chat's). */
  liveFiles: SharedFile[];
  /** Set to the notes' flush, for "Terminer la consultation". */
  flushRef: RefObject<(() => Promise<void>) | null>;
}) {
  const { t } = useI18n();
  const p = t.panel;
  const [open, setOpen] = useState(
    () => typeof matchMedia === 'undefined' || matchMedia(WIDE).matches,
  );
  const data = panel.data;

  return (
    <aside class="side-panel" aria-labelledby="side-panel-title" data-testid="side-panel">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary class="side-panel-summary">
          <h2 id="side-panel-title">
            <Icon name="user" />
            {p.title}
          </h2>
          <Icon name="chevronDown" class="side-panel-chevron" />
        </summary>
        <div class="side-panel-body">
          {!data ? (
            <LoadState
              loading={panel.loading}
              error={panel.error ? `${p.loadFailed} ${panel.error}` : null}
              onRetry={panel.reload}
              lines={4}
            >
              {null}
            </LoadState>
          ) : (
            <>
              <Identity data={data} />
              <Coverage data={data} />
              <HealthRecord consultation={consultation} />
              <Files files={mergeFiles(data.files, liveFiles)} />
              <Notes consultation={consultation} initial={data.notes} flushRef={flushRef} />
            </>
          )}
        </div>
      </details>
    </aside>
  );
}

function Identity({ data }: { data: Panel }) {
  const { t, lang } = useI18n();
  const p = t.panel;
  const pt = data.patient;
  const name = `${pt.first_name} ${pt.last_name}`.trim();
  const age = panelAge(pt);
  const sex = pt.sex ? (p.sex as Record<string, string>)[pt.sex] : undefined;
  return (
    <section class="panel-section" aria-labelledby="panel-identity">
      <p id="panel-identity" class="panel-identity" data-testid="panel-identity">
        {age === null ? fillText(p.identityNoAge, { name }) : fillText(p.identity, { name, age })}
      </p>
      <ul class="panel-facts">
        {pt.birth_date && (
          <li>{fillText(p.born, { date: formatBirthDate(pt.birth_date, lang) })}</li>
        )}
        {sex && <li>{sex}</li>}
        {pt.phone && (
          <li>
            <Icon name="phone" />
            <span class="visually-hidden">{p.phone} : </span>
            <a href={`tel:${pt.phone.replace(/[^\d+]/g, '')}`}>{formatPhone(pt.phone)}</a>
          </li>
        )}
        {pt.email && (
          <li>
            <Icon name="mail" />
            <span class="visually-hidden">{p.email} : </span>
            <a href={`mailto:${pt.email}`}>{pt.email}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

function Coverage({ data }: { data: Panel }) {
  const { t } = useI18n();
  const p = t.panel;
  const rows = coverageRows(data.patient.coverage, { labels: p.coverage, yes: p.yes, no: p.no });
  return (
    <section class="panel-section" aria-labelledby="panel-coverage">
      <h3 id="panel-coverage">{p.coverageTitle}</h3>
      {rows.length === 0 ? (
        <p class="muted">{p.coverageEmpty}</p>
      ) : (
        <dl class="panel-coverage" data-testid="panel-coverage">
          {rows.map((r) => (
            <div key={r.key} class="panel-row">
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The panel's files and those shared since, once each, oldest first. */
function mergeFiles(a: SharedFile[], b: SharedFile[]): SharedFile[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

function Files({ files }: { files: SharedFile[] }) {
  const { t, lang } = useI18n();
  const p = t.panel;
  return (
    <section class="panel-section" aria-labelledby="panel-files">
      <h3 id="panel-files">{p.filesTitle}</h3>
      {files.length === 0 ? (
        <p class="muted">{p.filesEmpty}</p>
      ) : (
        <ul class="panel-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={f.url} download={f.name} data-testid="panel-file">
                <Icon name="file" />
                <span>
                  {f.name} <span class="muted">({formatSize(f.size, lang)})</span>
                </span>
              </a>
              {f.from.name && (
                <span class="panel-file-from">
                  {fillText(t.files.sharedBy, { name: f.from.name })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const IDLE: NotesSnapshot = { state: 'idle', savedAt: null, dirty: false };

function Notes({
  consultation,
  initial,
  flushRef,
}: {
  consultation: string;
  initial: Panel['notes'];
  flushRef: RefObject<(() => Promise<void>) | null>;
}) {
  const { t, lang } = useI18n();
  const p = t.panel;
  const [text, setText] = useState(initial.text);
  const [snap, setSnap] = useState<NotesSnapshot>(IDLE);
  const saver = useMemo(
    () =>
      new NotesAutosave({
        save: (value, keepalive) =>
          saveNotes(consultation, value, keepalive).then((r) => ({
            updated_at: r.notes?.updated_at ?? null,
          })),
        onChange: setSnap,
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
        now: Date.now,
      }),
    [consultation],
  );
  const loaded = useRef(false);
  if (!loaded.current) {
    loaded.current = true;
    saver.load(initial.text, initial.updated_at);
  }

  useEffect(() => {
    flushRef.current = () => saver.flush();
    // The tab closes or goes away: send what is typed, with a request that outlives the page.
    const onHide = () => void saver.flush(true);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      if (flushRef.current) flushRef.current = null;
      void saver.flush(true);
      saver.dispose();
    };
  }, [saver, flushRef]);

  const time = snap.savedAt === null ? '' : formatTime(new Date(snap.savedAt), lang);
  const status =
    snap.state === 'saving'
      ? p.notesStatus.saving
      : snap.state === 'saved'
        ? fillText(p.notesStatus.saved, { time })
        : snap.state === 'error'
          ? p.notesStatus.error
          : time
            ? fillText(p.notesStatus.idleAt, { time })
            : '';

  return (
    <section class="panel-section panel-notes" aria-labelledby="panel-notes-title">
      <label id="panel-notes-title" for="private-notes" class="field-label panel-notes-label">
        <Icon name="lock" />
        {p.notesLabel}
      </label>
      <p id="private-notes-hint" class="field-hint">
        {p.notesHint}
      </p>
      <textarea
        id="private-notes"
        class="input textarea panel-notes-input"
        rows={8}
        maxLength={NOTES_MAX_CHARS}
        value={text}
        aria-describedby="private-notes-hint notes-status"
        onInput={(e) => {
          setText(e.currentTarget.value);
          saver.edit(e.currentTarget.value);
        }}
        onBlur={() => void saver.flush()}
        data-testid="private-notes"
      />
      <div class="notes-status-row">
        <p
          id="notes-status"
          class={`notes-status is-${snap.state}`}
          data-testid="notes-status"
          data-state={snap.state}
        >
          {snap.state === 'error' && <Icon name="alert" />}
          {status}
        </p>
        {snap.state === 'error' && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => void saver.retry()}
            data-testid="notes-retry"
          >
            {p.retry}
          </button>
        )}
      </div>
      {/* Only a failure is read aloud: "Enregistré" every few seconds would be noise. */}
      <p class="visually-hidden" aria-live="polite">
        {snap.state === 'error' ? p.notesStatus.error : ''}
      </p>
    </section>
  );
}
