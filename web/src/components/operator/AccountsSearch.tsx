// The operator's accounts search (GET /operator/accounts): a name, email or RPPS, a type and a
// status; the results as cards (who the person is, never what they consulted for), each with
// "Suspendre" or "Réactiver", which opens AccountDialog. The outcome is announced above.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { fillText } from '../../lib/format';
import {
  searchAccounts,
  type AccountQuery,
  type OperatorAccount,
} from '../../lib/operator/accounts';
import { SelectField, TextField } from '../forms/Field';
import { LoadState, StatusMessage } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { AccountDialog, type AccountAction } from './AccountDialog';

const EMPTY: AccountQuery = { q: '', role: '', status: '', page: 1 };

export function AccountsSearch() {
  const { t, lang } = useI18n();
  const a = t.operatorAccounts;
  const [draft, setDraft] = useState<AccountQuery>(EMPTY);
  const [query, setQuery] = useState<AccountQuery>(EMPTY);
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState<{ account: OperatorAccount; action: AccountAction } | null>(
    null,
  );
  const list = useLoad((signal) => searchAccounts(query, signal), [query]);
  const items = list.data?.items ?? [];

  function done(updated: OperatorAccount) {
    const name = `${updated.first_name} ${updated.last_name}`.trim() || updated.email;
    list.setData((page) =>
      page ? { ...page, items: page.items.map((x) => (x.id === updated.id ? updated : x)) } : page,
    );
    const n = updated.cancelled_appointments ?? 0;
    setStatus(
      updated.status === 'suspended'
        ? fillText(n > 1 ? a.suspended : n === 1 ? a.suspendedOne : a.suspendedNoAppointments, {
            name,
            n,
          })
        : fillText(a.reactivated, { name }),
    );
    setOpen(null);
  }

  return (
    <section aria-labelledby="accounts-search-title" class="stack">
      <h2 id="accounts-search-title" class="visually-hidden">
        {a.search}
      </h2>
      <form
        class="card panel accounts-form"
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setStatus(null);
          setQuery({ ...draft, page: 1 });
        }}
      >
        <TextField
          id="accounts-q"
          label={a.q}
          value={draft.q}
          onValue={(q) => setDraft({ ...draft, q })}
          autoComplete="off"
          maxLength={200}
        />
        <SelectField
          id="accounts-role"
          label={a.role}
          value={draft.role}
          onValue={(role) => setDraft({ ...draft, role: role as AccountQuery['role'] })}
          placeholder={a.any}
          options={(['patient', 'practitioner', 'assistant'] as const).map((r) => ({
            value: r,
            label: a.roles[r],
          }))}
        />
        <SelectField
          id="accounts-status"
          label={a.status}
          value={draft.status}
          onValue={(s) => setDraft({ ...draft, status: s as AccountQuery['status'] })}
          placeholder={a.any}
          options={(['active', 'pending', 'suspended', 'rejected'] as const).map((s) => ({
            value: s,
            label: a.statuses[s],
          }))}
        />
        <button type="submit" class="btn btn-primary" data-testid="accounts-search">
          <Icon name="search" />
          {a.search}
        </button>
      </form>
      <StatusMessage message={status} />
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} lines={4}>
        <p class="muted small" aria-live="polite">
          {items.length === 0
            ? a.none
            : items.length === 1
              ? a.one
              : fillText(a.count, { n: items.length })}
        </p>
        <ul class="account-list" aria-label={a.results}>
          {items.map((acc) => {
            const name = `${acc.first_name} ${acc.last_name}`.trim() || acc.email;
            const suspended = acc.status === 'suspended';
            return (
              <li key={acc.id} class="card account-item" data-testid="account-result">
                <div class="account-head">
                  <h3>{name}</h3>
                  <p class="account-tags">
                    <span class="tag">{a.roles[acc.role]}</span>
                    <span class={`tag${suspended ? ' tag-danger' : ''}`}>
                      {a.statuses[acc.status]}
                    </span>
                  </p>
                </div>
                <dl class="facts facts-inline">
                  <div>
                    <dt>{a.email}</dt>
                    <dd>{acc.email}</dd>
                  </div>
                  {acc.rpps && (
                    <div>
                      <dt>{a.rpps}</dt>
                      <dd translate={false}>{acc.rpps}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{a.created}</dt>
                    <dd>{formatDateTime(acc.created_at, lang)}</dd>
                  </div>
                </dl>
                {suspended && acc.suspended_at !== null && (
                  <p class="muted small">
                    {fillText(a.suspendedSince, {
                      date: formatDateTime(acc.suspended_at, lang),
                      reason: acc.suspension_reason ?? '',
                    })}
                  </p>
                )}
                <div class="card-actions">
                  <button
                    type="button"
                    class={suspended ? 'btn btn-secondary' : 'btn btn-quiet btn-danger-text'}
                    onClick={() =>
                      setOpen({ account: acc, action: suspended ? 'reactivate' : 'suspend' })
                    }
                    data-testid={suspended ? 'account-reactivate' : 'account-suspend'}
                  >
                    {suspended ? a.reactivate : a.suspend}
                    <span class="visually-hidden"> — {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        {(query.page > 1 || list.data?.next_page) && (
          <nav class="card-actions" aria-label={fillText(a.page, { n: query.page })}>
            {query.page > 1 && (
              <button
                type="button"
                class="btn btn-secondary"
                onClick={() => setQuery({ ...query, page: query.page - 1 })}
              >
                {a.previous}
              </button>
            )}
            {list.data?.next_page && (
              <button
                type="button"
                class="btn btn-secondary"
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                {a.next}
              </button>
            )}
          </nav>
        )}
      </LoadState>
      {open && (
        <AccountDialog
          account={open.account}
          action={open.action}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
    </section>
  );
}
