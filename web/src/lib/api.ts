// Small fetch wrapper for the Cabinet JSON API under /api/v1.
// Every request carries:
//  - Accept: application/json            (the server answers JSON, errors included)
//  - Accept-Language: <chosen language>   (server messages come back in the user's language)
//  - X-Requested-With: cabinet            (a custom header a cross-site form cannot send: with
//                                           the browser's Origin, the server's CSRF check for
//                                           unsafe methods; see docs/accounts.md)
// Error bodies of the form {"error":{"code","message","field"?}} become an ApiError, with the
// Retry-After delay of a 429 when the server gives one.
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
    /** The request field a validation error is about (`invalid_request`). */
    readonly field?: string,
    /** Seconds to wait before trying again (429 `Retry-After`). */
    readonly retryAfter?: number,
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
  /** Sent as is, with its own type (a photo): instead of `body`. */
  raw?: Blob;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key so that a retried booking never books twice. */
  idempotencyKey?: string;
  /** Extra request headers (a shared file's name: X-File-Name). */
  headers?: Record<string, string>;
  /** Lets the request outlive the page (private notes saved as the tab closes). */
  keepalive?: boolean;
}

export interface ApiDeps {
  fetch: typeof fetch;
  /** Read at each call, so a language switch applies to the next request at once. */
  getLang: () => Lang;
  /** Told about every failed call (the session uses it to notice an expired session). */
  onError?: (err: ApiError, path: string) => void;
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** Extracts {"error":{"code","message","field"?}} if the body has that shape, else null. */
export function parseErrorBody(body: unknown): ErrorBody | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const err: unknown = body.error;
  if (typeof err !== 'object' || err === null) return null;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : null;
  const message = 'message' in err && typeof err.message === 'string' ? err.message : '';
  if (!code) return null;
  const field = 'field' in err && typeof err.field === 'string' ? err.field : undefined;
  return field === undefined ? { code, message } : { code, message, field };
}

/** Retry-After in seconds (RFC 9110 allows a delay or an HTTP date); undefined if absent. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

type NoBody = Omit<RequestOptions, 'method' | 'body' | 'raw'>;

export function createApi(deps: ApiDeps) {
  async function send<T>(path: string, opts: RequestOptions): Promise<T> {
    if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': deps.getLang(),
      'X-Requested-With': 'cabinet',
    };
    if (opts.raw !== undefined)
      headers['Content-Type'] = opts.raw.type || 'application/octet-stream';
    else if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    if (opts.headers) Object.assign(headers, opts.headers);

    let res: Response;
    try {
      res = await deps.fetch(API_PREFIX + path, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.raw ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
        credentials: 'same-origin',
        signal: opts.signal ?? null,
        ...(opts.keepalive ? { keepalive: true } : {}),
      });
    } catch (e) {
      const aborted = e instanceof DOMException && e.name === 'AbortError';
      throw new ApiError(
        0,
        aborted ? CLIENT_ERROR_CODES.aborted : CLIENT_ERROR_CODES.network,
        String(e),
      );
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
      const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
      const err = parseErrorBody(body);
      if (err) throw new ApiError(res.status, err.code, err.message, err.field, retryAfter);
      throw new ApiError(
        res.status,
        CLIENT_ERROR_CODES.http,
        `HTTP ${res.status}`,
        undefined,
        retryAfter,
      );
    }
    return body as T;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    try {
      return await send<T>(path, opts);
    } catch (e) {
      if (e instanceof ApiError && e.code !== CLIENT_ERROR_CODES.aborted) deps.onError?.(e, path);
      throw e;
    }
  }

  return {
    request,
    get: <T>(path: string, opts?: NoBody) => request<T>(path, { ...opts, method: 'GET' }),
    post: <T>(path: string, body?: unknown, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'POST', body }),
    put: <T>(path: string, body?: unknown, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'PUT', body }),
    /** PUT of a file as the raw body (the practitioner's photo). */
    putFile: <T>(path: string, file: Blob, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'PUT', raw: file }),
    /** POST of a file as the raw body (a file shared in the consultation's chat). */
    postFile: <T>(path: string, file: Blob, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'POST', raw: file }),
    patch: <T>(path: string, body?: unknown, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'PATCH', body }),
    del: <T = void>(path: string, body?: unknown, opts?: NoBody) =>
      request<T>(path, { ...opts, method: 'DELETE', body }),
  };
}

export type Api = ReturnType<typeof createApi>;

// The app-wide client. The language is pushed here by the i18n provider (setApiLang), and the
// session registers its error listener (setApiErrorListener), so that this module stays
// independent of Preact.
let currentLang: Lang = DEFAULT_LANG;
let errorListener: ((err: ApiError, path: string) => void) | null = null;
export function setApiLang(lang: Lang): void {
  currentLang = lang;
}
export function setApiErrorListener(fn: ((err: ApiError, path: string) => void) | null): void {
  errorListener = fn;
}
export const api = createApi({
  fetch: (...args) => fetch(...args),
  getLang: () => currentLang,
  onError: (err, path) => errorListener?.(err, path),
});
