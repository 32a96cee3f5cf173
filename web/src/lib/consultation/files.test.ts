// Files in the chat (ROOM5): what the browser refuses before sending (empty, over 5 MB, not an
// accepted type, the type guessed from the name when the system gives none), how sizes read,
// files read from messages and merged into the chat in time order, and the upload request
// itself (raw body, encoded name, the file's type) with the server's 413 and 415.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { uploadFile } from './api';
import { mergeChat, toChat, fileToChat } from './chat';
import {
  acceptAttr,
  checkFile,
  fileType,
  formatSize,
  MAX_FILE_BYTES,
  readFile,
  readFiles,
  typeNames,
  uploadProblem,
} from './files';

const photo = (size: number, type = 'image/jpeg', name = 'gorge.jpg') => ({ size, type, name });

afterEach(() => vi.unstubAllGlobals());

describe('checking a file before sending it', () => {
  it('accepts a JPEG or PNG photo up to 5 MB', () => {
    expect(checkFile(photo(1_200_000))).toBeNull();
    expect(checkFile(photo(MAX_FILE_BYTES, 'image/png', 'eczema.png'))).toBeNull();
  });

  it('refuses an empty file, a file over 5 MB, and a type the chat does not take', () => {
    expect(checkFile(photo(0))).toBe('empty');
    expect(checkFile(photo(MAX_FILE_BYTES + 1))).toBe('too_big');
    expect(checkFile(photo(10_000, 'application/pdf', 'ordonnance.pdf'))).toBe('type');
    expect(checkFile(photo(10_000, 'image/heic', 'IMG_0001.HEIC'))).toBe('type');
  });

  it('takes the types the server accepts when it says so', () => {
    expect(
      checkFile(photo(10_000, 'application/pdf', 'ordonnance.pdf'), [
        'image/jpeg',
        'application/pdf',
      ]),
    ).toBeNull();
  });

  it('guesses the type from the name when the system gives none', () => {
    expect(fileType({ type: '', name: 'Photo.JPEG' })).toBe('image/jpeg');
    expect(checkFile(photo(10_000, '', 'scan.png'))).toBeNull();
    expect(checkFile(photo(10_000, '', 'notes'))).toBe('type');
  });

  it('offers the types and their endings to the file picker, and names them for people', () => {
    expect(acceptAttr()).toBe('image/jpeg,.jpg,.jpeg,image/png,.png');
    expect(typeNames()).toBe('JPEG, PNG');
    expect(typeNames(['image/jpeg', 'application/pdf', 'text/plain'])).toBe('JPEG, PDF, TXT');
  });

  it('writes sizes the French way', () => {
    expect(formatSize(800, 'fr')).toBe('800\u00a0o');
    expect(formatSize(350 * 1024, 'fr')).toBe('350\u00a0Ko');
    expect(formatSize(1.25 * 1024 * 1024, 'fr')).toBe('1,3\u00a0Mo');
    expect(formatSize(1.25 * 1024 * 1024, 'en')).toBe('1.3\u00a0MB');
  });
});

describe('files in the chat', () => {
  const file = {
    id: 7,
    name: 'gorge.jpg',
    mime: 'image/jpeg',
    size: 1000,
    from: { role: 'patient', name: 'Hugo Lambert' },
    created_at: '2026-11-24T18:32:00+01:00',
    url: '/api/v1/consultations/a1/files/7',
    mine: false,
  };

  it('reads files from messages and drops malformed ones', () => {
    expect(readFile(file)).toEqual({ ...file, id: '7' });
    expect(readFiles([file, { id: 8 }, null, 'x'])).toHaveLength(1);
    expect(readFile({ ...file, from: { role: 'hacker' } })?.from).toEqual({
      role: 'patient',
      name: '',
    });
  });

  it('puts a file among the text lines in time order, once, without hiding a line of the same id', () => {
    const text = (id: string, at: string) =>
      toChat({ id, from: 'c1', name: 'Hugo', role: 'patient', text: 'x', at });
    const history = [
      text('7', '2026-11-24T18:31:00+01:00'),
      text('9', '2026-11-24T18:33:00+01:00'),
    ];
    const f = fileToChat(readFile(file)!);
    const merged = mergeChat(history, [f]);
    expect(merged.map((m) => m.id)).toEqual(['7', 'file:7', '9']);
    expect(merged[1]!.file?.name).toBe('gorge.jpg');
    // The same file again (the socket's copy after the upload's answer): once.
    expect(mergeChat(merged, [f])).toHaveLength(3);
  });
});

describe('uploading', () => {
  function answer(status: number, body: unknown) {
    const fetchMock = vi.fn<typeof fetch>(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends the raw bytes with the name encoded and the type of the file', async () => {
    const fetchMock = answer(201, {
      file: {
        id: 'f1',
        name: 'gorge é.jpg',
        mime: 'image/jpeg',
        size: 3,
        from: { role: 'patient', name: 'Hugo' },
        created_at: 1795000000,
        url: '/api/v1/consultations/a1/files/f1',
      },
    });
    const f = new File([new Uint8Array([1, 2, 3])], 'gorge é.jpg', { type: 'image/jpeg' });
    const shared = await uploadFile('a1', f);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/consultations/a1/files');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(f);
    expect(init?.headers).toMatchObject({
      'X-File-Name': 'gorge%20%C3%A9.jpg',
      'Content-Type': 'image/jpeg',
      'X-Requested-With': 'cabinet',
    });
    expect(shared).toMatchObject({ id: 'f1', name: 'gorge é.jpg', mine: true });
  });

  it('sends application/octet-stream when the file has no type', async () => {
    const fetchMock = answer(201, { file: { id: 'f2', name: 'x', url: '/u' } });
    await uploadFile('a1', new File([new Uint8Array([1])], 'x'));
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
    });
  });

  it('tells a file too big (413) and a type refused (415) from other failures', async () => {
    answer(413, { error: { code: 'too_large', message: 'Fichier trop volumineux.' } });
    const tooBig = await uploadFile(
      'a1',
      new File([new Uint8Array([1])], 'x.jpg', { type: 'image/jpeg' }),
    ).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(ApiError);
    expect(uploadProblem(tooBig)).toBe('too_big');
    answer(415, { error: { code: 'unsupported_type', message: 'Type refusé.' } });
    const badType = await uploadFile(
      'a1',
      new File([new Uint8Array([1])], 'x.jpg', { type: 'image/jpeg' }),
    ).catch((e: unknown) => e);
    expect(uploadProblem(badType)).toBe('type');
    expect(uploadProblem(new ApiError(0, 'network_error', 'offline'))).toBe('other');
  });
});
