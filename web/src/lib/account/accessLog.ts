// Turns an access-log entry into a sentence a patient reads without training:
// "Vous avez consulté les données administratives de Léa", "Dr Camille Durand (praticien) a
// modifié le profil d'Emma". The contract leaves `action` free-form ("administrative.read",
// "profile.update"…), so it is read by keywords, with a neutral sentence for anything else.
import type { AccessEntry, Me } from './types';

export type AccessVerb = 'read' | 'write' | 'create' | 'delete' | 'export' | 'other';
export type AccessObject = 'administrative' | 'profile' | 'account' | 'data';

export function classifyAction(action: string): { verb: AccessVerb; object: AccessObject } {
  const a = action.toLowerCase();
  const verb: AccessVerb = /export|download/.test(a)
    ? 'export'
    : /delete|remove|erase/.test(a)
      ? 'delete'
      : /create|add|insert/.test(a)
        ? 'create'
        : /write|update|put|patch|edit|change|set/.test(a)
          ? 'write'
          : /read|view|get|list|access|open/.test(a)
            ? 'read'
            : 'other';
  const object: AccessObject = /admin/.test(a)
    ? 'administrative'
    : /profile|relative|proche/.test(a)
      ? 'profile'
      : /account|me\b/.test(a)
        ? 'account'
        : 'data';
  return { verb, object };
}

/** What the server writes as the actor's name when the account holder did it. */
const SELF_NAMES = ['vous', 'you'];

/**
 * The entry was made by the account holder: the server names them "Vous" / "You", or (an
 * older or other server) by one of the holder's own names.
 */
export function isOwnAction(entry: AccessEntry, me: Me): boolean {
  if (entry.actor.role !== me.account.role) return false;
  if (SELF_NAMES.includes(entry.actor.name.trim().toLowerCase())) return true;
  const holder = me.profiles.find((p) => p.is_holder);
  if (!holder) return false;
  const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const names = [
    `${holder.first_name} ${holder.last_name}`,
    `${holder.last_name} ${holder.first_name}`,
    me.account.email,
  ].map(norm);
  return names.includes(norm(entry.actor.name));
}

/** The day an entry belongs to: the server's (Paris) day, or the browser's for older servers. */
export function dayOf(entry: AccessEntry): string {
  if (entry.day) return entry.day;
  const d = new Date(entry.at * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Entries grouped by day, in the order they come (the server sends the newest first). */
export function groupByDay(entries: AccessEntry[]): { day: string; entries: AccessEntry[] }[] {
  const groups: { day: string; entries: AccessEntry[] }[] = [];
  for (const e of entries) {
    const day = dayOf(e);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(e);
    else groups.push({ day, entries: [e] });
  }
  return groups;
}

/** "depuis l’adresse 192.0.2.10" for the patient, "depuis le réseau 192.0.2.0/24" for others. */
export function fromText(
  entry: AccessEntry,
  words: { ip: string; network: string },
): string | null {
  const from = entry.from;
  if (!from) return null;
  if ('ip' in from && from.ip) return words.ip.replace('{ip}', from.ip);
  if ('network' in from && from.network) return words.network.replace('{network}', from.network);
  return null;
}

/** French elision: "de Léa" but "d’Emma", "d’Hugo". */
export function elideDe(template: string, name: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüœ]/i.test(name)
    ? template.replace(/\bde \{name\}/g, 'd’{name}')
    : template;
}
