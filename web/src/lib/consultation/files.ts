// Files shared in the consultation's chat (ROOM5, docs/consultation.md "Files"): what the
// browser checks before sending (size, type), files read from the answers and messages, and what
// a refused upload means (the upload and the list are api.ts; chat.ts makes a file a line of the
// chat). The server is the authority: it checks the content, not the name, and answers 413 or
// 415 when the browser let something through. No Preact here.
import { ApiError } from '../api';
import type { RoomRole } from './consultation';
import type { Lang } from '../lang';

export interface SharedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  from: { role: RoomRole; name: string };
  created_at: string | number;
  /** GET it with the session (or guest) cookie. */
  url: string;
  /** Set by the server per recipient on live messages: sent by this browser's account. */
  mine?: boolean;
}

/** The server's limit (5 MB): checked here first so that nobody waits for a refusal. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What the chat accepts unless the server says otherwise: photos. */
export const DEFAULT_FILE_TYPES: readonly string[] = ['image/jpeg', 'image/png'];

/** File name endings for the types, for `accept` and for files whose type the system left empty. */
const EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt'],
  'application/rtf': ['.rtf'],
  'text/rtf': ['.rtf'],
  'image/tiff': ['.tif', '.tiff'],
};

export type FileProblem = 'empty' | 'too_big' | 'type';

/** The type of a file, from the browser or else from its name's ending ('' when unknown). */
export function fileType(f: { type: string; name: string }): string {
  if (f.type) return f.type.toLowerCase();
  const dot = f.name.lastIndexOf('.');
  const ext = dot >= 0 ? f.name.slice(dot).toLowerCase() : '';
  return Object.keys(EXTENSIONS).find((mime) => EXTENSIONS[mime]?.includes(ext)) ?? '';
}

/** Why a file cannot be sent, or null when it may be. */
export function checkFile(
  f: { size: number; type: string; name: string },
  types: readonly string[] = DEFAULT_FILE_TYPES,
  max = MAX_FILE_BYTES,
): FileProblem | null {
  if (f.size <= 0) return 'empty';
  if (f.size > max) return 'too_big';
  const type = fileType(f);
  return types.includes(type) ? null : 'type';
}

/** The `accept` attribute of the file input: the types and their endings. */
export function acceptAttr(types: readonly string[] = DEFAULT_FILE_TYPES): string {
  return [...new Set(types.flatMap((t) => [t, ...(EXTENSIONS[t] ?? [])]))].join(',');
}

/** "JPEG, PNG": the accepted types as people know them. */
export function typeNames(types: readonly string[] = DEFAULT_FILE_TYPES): string {
  const names = types.map((t) =>
    t === 'image/jpeg' ? 'JPEG' : t === 'text/plain' ? 'TXT' : (t.split('/')[1] ?? t).toUpperCase(),
  );
  return [...new Set(names)].join(', ');
}

/** "350 Ko", "1,2 Mo" (French units); "350 KB", "1.2 MB" in English. */
export function formatSize(bytes: number, lang: Lang): string {
  const fr = lang === 'fr';
  if (bytes < 1024) return `${bytes}\u00a0${fr ? 'o' : 'B'}`;
  if (bytes < 1024 * 1024)
    return `${Math.max(1, Math.round(bytes / 1024))}\u00a0${fr ? 'Ko' : 'KB'}`;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `${fr ? mb.replace('.', ',') : mb}\u00a0${fr ? 'Mo' : 'MB'}`;
}

export function isImage(f: Pick<SharedFile, 'mime'>): boolean {
  return f.mime === 'image/jpeg' || f.mime === 'image/png';
}

const ROLES: ReadonlySet<string> = new Set(['patient', 'practitioner', 'assistant', 'guest']);

/** One file from a message or an answer; null when malformed. */
export function readFile(v: unknown): SharedFile | null {
  if (typeof v !== 'object' || v === null) return null;
  const f = v as Record<string, unknown>;
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : null;
  if (id === null || typeof f.name !== 'string' || typeof f.url !== 'string') return null;
  const from = (typeof f.from === 'object' && f.from !== null ? f.from : {}) as Record<
    string,
    unknown
  >;
  return {
    id,
    name: f.name,
    mime: typeof f.mime === 'string' ? f.mime : 'application/octet-stream',
    size: typeof f.size === 'number' ? f.size : 0,
    from: {
      role:
        typeof from.role === 'string' && ROLES.has(from.role) ? (from.role as RoomRole) : 'patient',
      name: typeof from.name === 'string' ? from.name : '',
    },
    created_at:
      typeof f.created_at === 'string' || typeof f.created_at === 'number'
        ? f.created_at
        : Date.now(),
    url: f.url,
    ...(typeof f.mine === 'boolean' ? { mine: f.mine } : {}),
  };
}

export function readFiles(v: unknown): SharedFile[] {
  return Array.isArray(v) ? v.map(readFile).filter((f): f is SharedFile => f !== null) : [];
}

/** What a refused upload means for the user: the size and type answers have their own words. */
export function uploadProblem(err: unknown): FileProblem | 'other' {
  if (err instanceof ApiError) {
    if (err.status === 413) return 'too_big';
    if (err.status === 415) return 'type';
  }
  return 'other';
}
