// A file sent as the raw body with its progress (the health space's own files, a message's
// attachment): fetch cannot report an upload's progress, XMLHttpRequest can. Same headers and
// same errors as api.ts (ApiError from the JSON error body), so pages handle both alike. The
// request object is injected, so that tests need no browser.
import { API_PREFIX, ApiError, CLIENT_ERROR_CODES, parseErrorBody, parseRetryAfter } from '../api';

export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  withCredentials: boolean;
}

export interface UploadOptions {
  lang: string;
  /** 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  createXhr?: () => XhrLike;
}

/** "bilan mars.pdf" → "bilan%20mars.pdf": the X-File-Name header is percent-encoded. */
export function encodeFileName(name: string): string {
  return encodeURIComponent(name);
}

export function postFileWithProgress<T>(path: string, file: File, opts: UploadOptions): Promise<T> {
  const xhr = opts.createXhr ? opts.createXhr() : (new XMLHttpRequest() as unknown as XhrLike);
  return new Promise<T>((resolve, reject) => {
    xhr.open('POST', API_PREFIX + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', opts.lang);
    xhr.setRequestHeader('X-Requested-With', 'cabinet');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeFileName(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.total > 0) opts.onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'network error'));
    xhr.onabort = () => reject(new ApiError(0, CLIENT_ERROR_CODES.aborted, 'aborted'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        reject(new ApiError(xhr.status, CLIENT_ERROR_CODES.http, `HTTP ${xhr.status}`));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.onProgress?.(1);
        resolve(body as T);
        return;
      }
      const err = parseErrorBody(body);
      const retry = parseRetryAfter(xhr.getResponseHeader('Retry-After'));
      reject(
        err
          ? new ApiError(xhr.status, err.code, err.message, err.field, retry)
          : new ApiError(
              xhr.status,
              CLIENT_ERROR_CODES.http,
              `HTTP ${xhr.status}`,
              undefined,
              retry,
            ),
      );
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
