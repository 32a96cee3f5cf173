// "Journal des opérations" (GET /operator/log): every operator action, newest first, as a table
// with its caption and column headers (a card per entry on a phone), 50 a page.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { fillText } from '../../lib/format';
import { fetchLog } from '../../lib/operator/accounts';
import { LoadState } from '../forms/Feedback';
import { useLoad } from '../useLoad';

export function OperationsLog() {
  const { t, lang } = useI18n();
  const l = t.operatorLog;
  const a = t.operatorAccounts;
  const [page, setPage] = useState(1);
  const log = useLoad((signal) => fetchLog(page, signal), [page]);
  const items = log.data?.items ?? [];
  return (
    <LoadState loading={log.loading} error={log.error} onRetry={log.reload} lines={6}>
      {items.length === 0 ? (
        <p class="empty-note">{l.none}</p>
      ) : (
        <div class="log-table-wrap">
          <table class="log-table" data-testid="operations-log">
            <caption>{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.when}</th>
                <th scope="col">{l.who}</th>
                <th scope="col">{l.what}</th>
                <th scope="col">{l.on}</th>
                <th scope="col">{l.detail}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label={l.when}>{formatDateTime(e.at, lang)}</td>
                  <td data-label={l.who}>{e.actor.email ?? l.system}</td>
                  <th scope="row" data-label={l.what}>
                    {l.actions[e.action] ?? e.action}
                  </th>
                  <td data-label={l.on} translate={false}>
                    {e.object_email ?? e.object}
                  </td>
                  <td data-label={l.detail}>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || log.data?.next_page) && (
        <nav class="card-actions" aria-label={fillText(a.page, { n: page })}>
          {page > 1 && (
            <button type="button" class="btn btn-secondary" onClick={() => setPage(page - 1)}>
              {a.previous}
            </button>
          )}
          {log.data?.next_page && (
            <button type="button" class="btn btn-secondary" onClick={() => setPage(page + 1)}>
              {a.next}
            </button>
          )}
        </nav>
      )}
    </LoadState>
  );
}
