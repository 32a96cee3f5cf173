// Uploads with progress: the headers api.ts sends, the progress, and the JSON error as ApiError.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { postFileWithProgress, type XhrLike } from './upload';

function fakeXhr(status: number, body: string, headers: Record<string, string> = {}) {
  const sent: { method?: string; url?: string; headers: Record<string, string> } = { headers: {} };
  const xhr: XhrLike = {
    open: (method, url) => Object.assign(sent, { method, url }),
    setRequestHeader: (n, v) => void (sent.headers[n] = v),
    send: () => {
      xhr.upload.onprogress?.({ loaded: 50, total: 100 });
      queueMicrotask(() => xhr.onload?.());
    },
    abort: () => xhr.onabort?.(),
    status,
    responseText: body,
    getResponseHeader: (n) => headers[n] ?? null,
    upload: { onprogress: null },
    onload: null,
    onerror: null,
    onabort: null,
    withCredentials: false,
  };
  return { xhr, sent };
}

const file = new File(['%PDF-1.4'], 'bilan mars.pdf', { type: 'application/pdf' });

describe('postFileWithProgress', () => {
  it('sends the file with the API headers and reports progress', async () => {
    const { xhr, sent } = fakeXhr(201, '{"id":"f1"}');
    const seen: number[] = [];
    const r = await postFileWithProgress<{ id: string }>('/me/documents?profile=p1', file, {
      lang: 'fr',
      onProgress: (f) => seen.push(f),
      createXhr: () => xhr,
    });
    expect(r.id).toBe('f1');
    expect(sent.url).toBe('/api/v1/me/documents?profile=p1');
    expect(sent.headers['X-File-Name']).toBe('bilan%20mars.pdf');
    expect(sent.headers['X-Requested-With']).toBe('cabinet');
    expect(sent.headers['Content-Type']).toBe('application/pdf');
    expect(seen).toEqual([0.5, 1]);
  });

  it('turns the error body into an ApiError', async () => {
    const { xhr } = fakeXhr(
      422,
      '{"error":{"code":"unsafe_file","message":"PDF avec JavaScript"}}',
    );
    const err = await postFileWithProgress('/x', file, { lang: 'fr', createXhr: () => xhr }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unsafe_file');
    expect((err as ApiError).status).toBe(422);
  });
});
