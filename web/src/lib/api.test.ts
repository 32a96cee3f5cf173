// The API client with a mocked fetch: headers on every request (the CSRF header included),
// and every failure shape turned into an ApiError with a stable code, field and Retry-After.
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from './lang';
import {
  API_PREFIX,
  ApiError,
  CLIENT_ERROR_CODES,
  createApi,
  parseErrorBody,
  parseRetryAfter,
} from './api';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(respond: () => Response | Promise<Response>, lang: Lang = 'fr') {
  const fetchMock = vi.fn<typeof fetch>(async () => respond());
  let current = lang;
  const api = createApi({ fetch: fetchMock, getLang: () => current });
  return { api, fetchMock, setLang: (l: Lang) => void (current = l) };
}

function sentHeaders(
  fetchMock: ReturnType<typeof setup>['fetchMock'],
  call = 0,
): Record<string, string> {
  return fetchMock.mock.calls[call]?.[1]?.headers as Record<string, string>;
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('api client', () => {
  it('prefixes /api/v1 and sends the required headers', async () => {
    const { api, fetchMock } = setup(() => json(200, { ok: true }));
    await expect(api.get('/health')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`${API_PREFIX}/health`);
    expect(sentHeaders(fetchMock)).toMatchObject({
      Accept: 'application/json',
      'Accept-Language': 'fr',
      'X-Requested-With': 'cabinet',
    });
    expect(sentHeaders(fetchMock)).not.toHaveProperty('X-Cabinet-Client');
  });

  it('sends the CSRF header on every unsafe method', async () => {
    const { api, fetchMock } = setup(() => new Response(null, { status: 204 }));
    await api.post('/auth/logout');
    await api.put('/me/profiles/p1/administrative', { nir: null });
    await api.patch('/me', { locale: 'en' });
    await api.del('/me/sessions/s1');
    expect(fetchMock.mock.calls.map((c) => c[1]?.method)).toEqual([
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    for (let i = 0; i < 4; i++)
      expect(sentHeaders(fetchMock, i)['X-Requested-With']).toBe('cabinet');
    expect(fetchMock.mock.calls[3]?.[1]?.body).toBeNull();
  });

  it('sends a JSON body with DELETE when given (DELETE /me {password})', async () => {
    const { api, fetchMock } = setup(() => new Response(null, { status: 204 }));
    await api.del('/me', { password: 'x' });
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"password":"x"}');
    expect(sentHeaders(fetchMock)['Content-Type']).toBe('application/json');
  });

  it('follows the language chosen at call time', async () => {
    const { api, fetchMock, setLang } = setup(() => json(200, {}));
    setLang('en');
    await api.get('/x');
    expect(sentHeaders(fetchMock)['Accept-Language']).toBe('en');
  });

  it('sends JSON bodies and the idempotency key', async () => {
    const { api, fetchMock } = setup(() => json(201, { id: 'a1' }));
    await api.post('/bookings', { slot: 's1' }, { idempotencyKey: 'k-1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"slot":"s1"}');
    expect(sentHeaders(fetchMock)).toMatchObject({
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k-1',
    });
  });

  it('sends a file as the raw body with its own type (PUT /practitioner/photo)', async () => {
    const { api, fetchMock } = setup(() => json(200, { photo_url: '/x' }));
    const file = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await api.putFile('/practitioner/photo', file);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe(file);
    expect(sentHeaders(fetchMock)).toMatchObject({
      'Content-Type': 'image/jpeg',
      'X-Requested-With': 'cabinet',
    });
  });

  it('returns undefined for an empty success body (204)', async () => {
    const { api } = setup(() => new Response(null, { status: 204 }));
    await expect(api.request('/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns {"error":{code,message}} into a typed ApiError', async () => {
    const { api } = setup(() =>
      json(409, { error: { code: 'slot_taken', message: 'Ce créneau vient d’être réservé.' } }),
    );
    const err = await caught(api.get('/slots'));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ApiError');
    expect(err.status).toBe(409);
    expect(err.code).toBe('slot_taken');
    expect(err.message).toBe('Ce créneau vient d’être réservé.');
  });

  it('keeps the field of a validation error', async () => {
    const { api } = setup(() =>
      json(400, {
        error: { code: 'invalid_request', message: 'Au moins 12 caractères.', field: 'password' },
      }),
    );
    const err = await caught(api.post('/auth/signup', {}));
    expect([err.code, err.field, err.message]).toEqual([
      'invalid_request',
      'password',
      'Au moins 12 caractères.',
    ]);
  });

  it('reads Retry-After on 429', async () => {
    const { api } = setup(
      () =>
        new Response(
          JSON.stringify({ error: { code: 'rate_limited', message: 'Trop de tentatives.' } }),
          { status: 429, headers: { 'Retry-After': '120' } },
        ),
    );
    const err = await caught(api.post('/auth/login', {}));
    expect([err.status, err.code, err.retryAfter]).toEqual([429, 'rate_limited', 120]);
  });

  it('tells the error listener about failures, but not about aborts', async () => {
    const onError = vi.fn();
    const fail = createApi({
      fetch: async () => json(401, { error: { code: 'session_expired', message: 'm' } }),
      getLang: () => 'fr',
      onError,
    });
    await caught(fail.get('/me'));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'session_expired', status: 401 });
    expect(onError.mock.calls[0]?.[1]).toBe('/me');
    const abort = createApi({
      fetch: () => Promise.reject(new DOMException('Aborted', 'AbortError')),
      getLang: () => 'fr',
      onError,
    });
    await caught(abort.get('/me'));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('keeps the status when an error body is not JSON', async () => {
    const { api } = setup(() => new Response('<h1>Bad Gateway</h1>', { status: 502 }));
    const err = await caught(api.get('/x'));
    expect([err.status, err.code]).toEqual([502, CLIENT_ERROR_CODES.http]);
  });

  it('does not trust a JSON error body of the wrong shape', async () => {
    const { api } = setup(() => json(500, { error: 'boom' }));
    const err = await caught(api.get('/x'));
    expect([err.status, err.code]).toEqual([500, CLIENT_ERROR_CODES.http]);
  });

  it('reports invalid JSON in a success response', async () => {
    const { api } = setup(() => new Response('{not json', { status: 200 }));
    const err = await caught(api.get('/x'));
    expect([err.status, err.code]).toEqual([200, CLIENT_ERROR_CODES.badJson]);
  });

  it('reports network failures and aborts with status 0', async () => {
    const offline = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await caught(offline.api.get('/x'))).code).toBe(CLIENT_ERROR_CODES.network);
    const aborted = setup(() => Promise.reject(new DOMException('Aborted', 'AbortError')));
    const err = await caught(aborted.api.get('/x'));
    expect([err.status, err.code]).toEqual([0, CLIENT_ERROR_CODES.aborted]);
  });

  it('rejects relative paths before any request', async () => {
    const { api, fetchMock } = setup(() => json(200, {}));
    await expect(api.get('health')).rejects.toThrow(TypeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores the rest', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
});

describe('parseErrorBody', () => {
  it('accepts only the documented shape', () => {
    expect(parseErrorBody({ error: { code: 'c', message: 'm' } })).toEqual({
      code: 'c',
      message: 'm',
    });
    expect(parseErrorBody({ error: { code: 'c', message: 'm', field: 'email' } })).toEqual({
      code: 'c',
      message: 'm',
      field: 'email',
    });
    expect(parseErrorBody({ error: { code: 'c' } })).toEqual({ code: 'c', message: '' });
    expect(parseErrorBody({ error: { message: 'm' } })).toBeNull();
    expect(parseErrorBody(null)).toBeNull();
    expect(parseErrorBody('error')).toBeNull();
  });
});
