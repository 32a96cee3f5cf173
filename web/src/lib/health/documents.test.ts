// "Mes documents" with own files: one list newest first, the filters (kind, who added it),
// the preview each type allows, the form's checks and what the server's refusals mean.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  SELF,
  checkUpload,
  fileUrl,
  filterHealth,
  kindsOf,
  previewOf,
  uploadRefusal,
  upsert,
} from './documents';
import type { HealthDocument, OwnFile } from './types';

const own = (id: string, over: Partial<OwnFile> = {}): OwnFile => ({
  id,
  source: 'patient',
  kind: 'lab_result',
  title: 'Prise de sang',
  name: 'bilan.pdf',
  mime: 'application/pdf',
  size: 1000,
  added_at: 1_796_700_000,
  profile_id: 'p1',
  hidden: false,
  url: `/api/v1/me/documents/${id}/file`,
  ...over,
});

const issued = (id: string, at: number, profile = 'p1'): HealthDocument => ({
  id,
  source: 'practitioner',
  kind: 'prescription',
  title: 'Ordonnance',
  issued_at: at,
  practitioner: { id: 'pr1', name: 'Dr Claire Martin' },
  consultation_id: 'a1',
  profile_id: profile,
  version: 1,
  replaces: null,
  replaced_by: null,
  standin: false,
  hidden: false,
});

const list: HealthDocument[] = [
  issued('d1', 1_796_600_000),
  own('f1'),
  issued('d2', 1_796_800_000, 'p2'),
  own('f2', { kind: 'imaging', mime: 'image/jpeg', added_at: '2026-12-01T10:00:00Z' }),
];

describe('health documents', () => {
  it('mixes both sources newest first and filters by kind, author and profile', () => {
    const all = { kind: '', practitioner: '', profile: null };
    expect(filterHealth(list, all).map((d) => d.id)).toEqual(['d2', 'f1', 'd1', 'f2']);
    expect(filterHealth(list, { ...all, practitioner: SELF }).map((d) => d.id)).toEqual([
      'f1',
      'f2',
    ]);
    expect(
      filterHealth(list, { ...all, practitioner: 'pr1', profile: 'p1' }).map((d) => d.id),
    ).toEqual(['d1']);
    expect(filterHealth(list, { ...all, kind: 'imaging' }).map((d) => d.id)).toEqual(['f2']);
    expect(kindsOf(list)).toEqual(['prescription', 'lab_result', 'imaging']);
  });

  it('opens the own file or the issued PDF, and previews images and PDFs only', () => {
    expect(fileUrl(own('f1'))).toBe('/api/v1/me/documents/f1/file');
    expect(fileUrl(issued('d1', 0))).toBe('/api/v1/documents/d1/pdf');
    expect(previewOf('image/png')).toBe('image');
    expect(previewOf('application/pdf')).toBe('pdf');
    expect(previewOf('image/tiff')).toBeNull();
    expect(previewOf('text/plain')).toBeNull();
  });

  it('checks the form before sending: a file, its type and size, a title, a kind', () => {
    expect(checkUpload({ file: null, title: '', kind: '' })).toEqual({
      file: 'no_file',
      title: 'no_title',
      kind: 'no_kind',
    });
    const pdf = { name: 'a.pdf', type: 'application/pdf', size: 10 };
    expect(checkUpload({ file: pdf, title: 'Bilan', kind: 'lab_result' })).toEqual({});
    expect(
      checkUpload({ file: { ...pdf, size: 5 * 1024 * 1024 + 1 }, title: 'B', kind: 'other' }).file,
    ).toBe('too_big');
    expect(
      checkUpload({ file: { ...pdf, name: 'a.exe', type: '' }, title: 'B', kind: 'other' }).file,
    ).toBe('type');
    expect(checkUpload({ file: { ...pdf, size: 0 }, title: 'B', kind: 'other' }).file).toBe(
      'empty',
    );
    expect(checkUpload({ file: pdf, title: 'x'.repeat(121), kind: 'other' }).title).toBe(
      'title_long',
    );
    // A TIFF from a scanner and a text file are accepted too.
    expect(
      checkUpload({
        file: { ...pdf, name: 'scan.tif', type: 'image/tiff' },
        title: 'S',
        kind: 'other',
      }),
    ).toEqual({});
  });

  it('places the server’s refusals at the file field', () => {
    expect(uploadRefusal(new ApiError(413, 'payload_too_large', ''))).toEqual({
      field: 'file',
      problem: 'too_big',
    });
    expect(uploadRefusal(new ApiError(415, 'unsupported_media_type', ''))).toEqual({
      field: 'file',
      problem: 'type',
    });
    expect(uploadRefusal(new ApiError(422, 'unsafe_file', ''))).toEqual({
      field: 'file',
      problem: 'unsafe',
    });
    expect(uploadRefusal(new ApiError(409, 'conflict', ''))).toEqual({
      field: 'file',
      problem: 'too_many',
    });
    expect(uploadRefusal(new ApiError(400, 'invalid_request', '', 'title')).field).toBe('title');
    expect(uploadRefusal(new Error('x'))).toEqual({ field: null, problem: 'other' });
  });

  it('merges a changed document in place of the old one', () => {
    const next = upsert(list, own('f1', { hidden: true }));
    expect(next).toHaveLength(4);
    expect((next.find((d) => d.id === 'f1') as OwnFile).hidden).toBe(true);
  });
});
