// The RPPS extract the checks compare against: its size and date, and a file field to import a
// new one (POST /operator/rpps-extract, the file as the body). `onImported` reloads the queue.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { fetchExtractStatus, importExtract } from '../../lib/operator/accounts';
import { StatusMessage } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';

export function RppsImport({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const r = t.rppsChecks;
  const info = useLoad((signal) => fetchExtractStatus(signal), []);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const done = await importExtract(file);
      setStatus(fillText(r.imported, { n: done.people }));
      info.reload();
      onImported();
    } catch (err) {
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  const d = info.data;
  return (
    <section class="card panel rpps-extract" aria-labelledby="rpps-extract-title">
      <h2 id="rpps-extract-title" class="small-title">
        {r.extractTitle}
      </h2>
      <p>
        {d && d.imported_at !== null
          ? fillText(r.extractStatus, { n: d.people, date: formatDateTime(d.imported_at, lang) })
          : r.extractEmpty}
      </p>
      <form class="rpps-import" noValidate onSubmit={(e) => void submit(e)}>
        <label for="rpps-file">{r.file}</label>
        <p id="rpps-file-hint" class="muted small">
          {r.extractHint}
        </p>
        <input
          id="rpps-file"
          type="file"
          accept=".txt,.csv,text/plain"
          aria-describedby="rpps-file-hint"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        {error && (
          <p class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
        <div>
          <button
            type="submit"
            class={`btn btn-secondary${busy ? ' is-busy' : ''}`}
            aria-disabled={busy || !file ? true : undefined}
          >
            {busy ? r.importing : r.import}
          </button>
        </div>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}
