// Small fetch wrapper for the Cabinet JSON API under /api/v1.
// Every request carries:
//  - Accept: application/json           (the server answers JSON, errors included)
//  - Accept-Language: <chosen language>  (server messages come back in the user's language)
//  - X-Cabinet-Client: web               (a custom header a cross-site form cannot send: the
//                                          server uses it as CSRF protection)
// Error bodies of the form {"error":{"code":"...","message":"..."}} become an ApiError.
import { DEFAULT_LANG, type Lang } from './lang';

export const API_PREFIX = '/api/v1';

/** A failed API call. `status` is 0 when no HTTP answer arrived (offline, DNS, aborted). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    /** Stable machine-readable code: from the server, or one of the client codes below. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Codes the client itself produces when the server gave no usable error body. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  aborted: 'aborted',
  http: 'http_error',
  badJson: 'invalid_response',
} as const;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key so that a retried booking never books twice. */
  idempotencyKey?: string;
}

export interface ApiDeps {
  fetch: typeof fetch;
  /** Read at each call, so a language switch applies to the next request at once. */
  getLang: () => Lang;
}

/** Extracts {"error":{"code","message"}} if the body has that shape, else null. */
export function parseErrorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const err: unknown = body.error;
  if (typeof err !== 'object' || err === null) return null;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : null;
  const message = 'message' in err && typeof err.message === 'string' ? err.message : '';
  return code ? { code, message } : null;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export function createApi(deps: ApiDeps) {
  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': deps.getLang(),
      'X-Cabinet-Client': 'web',
    };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

    let res: Response;
    try {
      res = await deps.fetch(API_PREFIX + path, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body === undefined ? null : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal ?? null,
      });
    } catch (e) {
      const aborted = e instanceof DOMException && e.name === 'AbortError';
      throw new ApiError(0, aborted ? CLIENT_ERROR_CODES.aborted : CLIENT_ERROR_CODES.network, String(e));
    }

    let body: unknown;
    try {
      body = await readJson(res);
    } catch {
      // Not JSON: a proxy error page, a truncated body. Keep the HTTP status for the caller.
      if (!res.ok) throw new ApiError(res.status, CLIENT_ERROR_CODES.http, `HTTP ${res.status}`);
      throw new ApiError(res.status, CLIENT_ERROR_CODES.badJson, 'Response is not valid JSON');
    }

    if (!res.ok) {
      const err = parseErrorBody(body);
      if (err) throw new ApiError(res.status, err.code, err.message);
      throw new ApiError(res.status, CLIENT_ERROR_CODES.http, `HTTP ${res.status}`);
    }
    return body as T;
  }

  return {
    request,
    get: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'GET' }),
    post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'POST', body }),
  };
}

// The app-wide client. The language is pushed here by the i18n provider (setApiLang), so
// that this module stays independent of Preact.
let currentLang: Lang = DEFAULT_LANG;
export function setApiLang(lang: Lang): void {
  currentLang = lang;
}
export const api = createApi({ fetch: (...args) => fetch(...args), getLang: () => currentLang });
