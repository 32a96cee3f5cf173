// The operator's account tools (docs/operator.md "Accounts"): search, suspend and reactivate,
// the RPPS extract and the operator log. Typed calls through the app's client.
import { api } from '../api';

export type AccountRole = 'patient' | 'practitioner' | 'assistant' | 'operator';
export type AccountStatus = 'active' | 'pending' | 'suspended' | 'rejected';

export interface OperatorAccount {
  id: string;
  role: AccountRole;
  status: AccountStatus;
  email: string;
  first_name: string;
  last_name: string;
  created_at: number;
  suspended_at: number | null;
  suspension_reason: string | null;
  rpps?: string | null;
  specialty?: string | null;
  verification?: string | null;
  cancelled_appointments?: number;
}

export interface AccountPage {
  items: OperatorAccount[];
  page: number;
  next_page: number | null;
}

export interface AccountQuery {
  q: string;
  role: '' | 'patient' | 'practitioner' | 'assistant';
  status: '' | AccountStatus;
  page: number;
}

export interface RppsChecks {
  luhn_ok: boolean;
  extract_imported: boolean;
  in_extract: boolean | null;
  name_matches: boolean | null;
  specialty_matches: boolean | null;
  extract: {
    first_name: string;
    last_name: string;
    profession: string;
    specialties: string;
  } | null;
}

export interface RppsExtractStatus {
  people: number;
  imported_at: number | null;
}

export interface LogEntry {
  id: number;
  at: number;
  actor: { id: string | null; email: string | null };
  actor_role: string;
  action: string;
  object: string;
  object_email: string | null;
  detail: string;
}

export interface LogPage {
  items: LogEntry[];
  page: number;
  next_page: number | null;
}

/** GET /operator/accounts?q=&role=&status=&page=. */
export function searchAccounts(query: AccountQuery, signal?: AbortSignal): Promise<AccountPage> {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.role) params.set('role', query.role);
  if (query.status) params.set('status', query.status);
  if (query.page > 1) params.set('page', String(query.page));
  const qs = params.toString();
  return api.get<AccountPage>(`/operator/accounts${qs ? `?${qs}` : ''}`, { signal });
}

const account = (id: string) => `/operator/accounts/${encodeURIComponent(id)}`;

/** POST /operator/accounts/{id}/suspend: the person is told the reason by email. */
export function suspendAccount(id: string, reason: string): Promise<OperatorAccount> {
  return api.post<OperatorAccount>(`${account(id)}/suspend`, { reason });
}

/** POST /operator/accounts/{id}/reactivate. */
export function reactivateAccount(id: string, reason: string): Promise<OperatorAccount> {
  return api.post<OperatorAccount>(`${account(id)}/reactivate`, { reason });
}

/** GET /operator/rpps-extract. */
export function fetchExtractStatus(signal?: AbortSignal): Promise<RppsExtractStatus> {
  return api.get<RppsExtractStatus>('/operator/rpps-extract', { signal });
}

/** POST /operator/rpps-extract: the file as the raw body. */
export function importExtract(file: Blob): Promise<{ people: number; skipped: number }> {
  const body = file.type ? file : new Blob([file], { type: 'text/plain' });
  return api.postFile<{ people: number; skipped: number }>('/operator/rpps-extract', body);
}

/** GET /operator/log?page=. */
export function fetchLog(page: number, signal?: AbortSignal): Promise<LogPage> {
  return api.get<LogPage>(`/operator/log${page > 1 ? `?page=${page}` : ''}`, { signal });
}
