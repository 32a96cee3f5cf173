// The room around the call (ROOM7–ROOM9): the practitioner's list of guests to let in, read
// from `presence`; who is in the call's mesh; a guest's own admission; the limited view a guest
// gets; the phone switch, the side panel and the notes requests; the coverage lines.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INITIAL,
  roomMessage,
  selfInCall,
  type RoomState,
} from '../../components/consultation/useRoom';
import { fetchPanel, saveNotes, switchToPhone } from './api';
import { inMesh, normalizeView, readParticipants, waitingGuests } from './consultation';
import { coverageRows, keyLabel, panelAge } from './panel';

afterEach(() => vi.unstubAllGlobals());

const presence = [
  { id: 'c2', role: 'practitioner', name: 'Dr Camille Durand' },
  { id: 'c5', role: 'patient', name: 'Hugo Lambert' },
  { id: 'c7', role: 'guest', name: 'Marie Lambert', kind: 'guest', admitted: false },
  { id: 'c8', role: 'guest', name: 'Ana Silva', kind: 'interpreter', admitted: true },
  { id: 'c9', role: 'guest', name: '', kind: 'interpreter', admitted: false },
];

describe('guests in the room', () => {
  it('lists the guests still waiting, in the order they came, for "Faire entrer"', () => {
    const people = readParticipants(presence);
    expect(waitingGuests(people).map((p) => [p.id, p.kind])).toEqual([
      ['c7', 'guest'],
      ['c9', 'interpreter'],
    ]);
    // Once let in, a guest leaves the list.
    expect(
      waitingGuests(
        readParticipants(presence.map((p) => (p.id === 'c7' ? { ...p, admitted: true } : p))),
      ).map((p) => p.id),
    ).toEqual(['c9']);
  });

  it('keeps the kind and the admission from presence, and nothing unknown', () => {
    expect(
      readParticipants([
        { id: 'c7', role: 'guest', name: 'Marie', kind: 'cousin', admitted: 'yes' },
      ]),
    ).toEqual([{ id: 'c7', role: 'guest', name: 'Marie' }]);
  });

  it('puts in the mesh everyone but assistants and guests still waiting', () => {
    const people = readParticipants([...presence, { id: 'c3', role: 'assistant', name: 'Inès' }]);
    expect(people.filter(inMesh).map((p) => p.id)).toEqual(['c2', 'c5', 'c8']);
  });

  it('knows when the practitioner let this guest in', () => {
    const people = readParticipants(presence);
    expect(selfInCall({ you: 'c7', participants: people, selfAdmitted: false }, 'guest')).toBe(
      false,
    );
    expect(selfInCall({ you: 'c7', participants: people, selfAdmitted: true }, 'guest')).toBe(true);
    expect(selfInCall({ you: 'c8', participants: people, selfAdmitted: false }, 'guest')).toBe(
      true,
    );
    expect(selfInCall({ you: 'c5', participants: people, selfAdmitted: false }, 'patient')).toBe(
      true,
    );
  });

  it("fills what a guest's limited view leaves out", () => {
    const v = normalizeView({
      id: 'a1',
      status: 'in_call',
      start: '2026-11-23T14:30:00+01:00',
      end: '2026-11-23T14:45:00+01:00',
      role: 'guest',
      practitioner: { id: 'p1', name: 'Dr Durand', connected: true },
    });
    expect(v).toMatchObject({
      role: 'guest',
      opens_at: '2026-11-23T14:30:00+01:00',
      patient: { first_name: '', last_name: '' },
      price_cents: 0,
      phone_fallback: null,
      late_notice: false,
    });
  });
});

describe('room messages', () => {
  const apply = (s: RoomState, ...msgs: Array<Record<string, unknown> & { type: string }>) =>
    msgs.reduce((acc, m) => ({ ...acc, ...roomMessage(acc, m) }), s);
  const file = {
    id: 'f1',
    name: 'gorge.jpg',
    mime: 'image/jpeg',
    size: 10,
    from: { role: 'patient', name: 'Hugo' },
    created_at: 1795000100,
    url: '/u',
  };

  it('lets in a guest without starting the call for everyone', () => {
    const joined = apply(INITIAL, {
      type: 'joined',
      you: 'c7',
      status: 'waiting',
      participants: presence,
    });
    const other = apply(joined, { type: 'admitted', participant: 'c9' });
    expect(other).toMatchObject({ status: 'waiting', selfAdmitted: false, admitted: false });
    const me = apply(joined, { type: 'admitted', participant: 'c7' });
    expect(me).toMatchObject({ status: 'waiting', selfAdmitted: true });
    // The patient's admission (no participant named) starts the call, as before.
    expect(apply(joined, { type: 'admitted' })).toMatchObject({
      status: 'in_call',
      admitted: true,
    });
  });

  it('puts the files of the history and the live ones in the chat, in time order', () => {
    const s = apply(
      INITIAL,
      {
        type: 'joined',
        you: 'c5',
        participants: [],
        chat: [
          { id: 1, name: 'Hugo', role: 'patient', text: 'Bonjour', at: 1795000000 },
          { id: 2, name: 'Dr', role: 'practitioner', text: 'Montrez-moi', at: 1795000200 },
        ],
        files: [file],
      },
      { type: 'file', file: { ...file, id: 'f2', created_at: 1795000300, mine: true } },
      { type: 'file', file: { ...file, id: 'f2', created_at: 1795000300, mine: true } },
    );
    expect(s.chat.map((m) => m.id)).toEqual(['1', 'file:f1', '2', 'file:f2']);
    expect(s.chat[3]!.mine).toBe(true);
  });

  it('says the consultation went to the phone, from the message or the join', () => {
    expect(apply(INITIAL, { type: 'phone', consultation: 'a1', cause: 'network' }).phone).toEqual({
      cause: 'network',
    });
    expect(
      apply(INITIAL, {
        type: 'joined',
        participants: [],
        phone_fallback: { at: '2026-11-23T14:40:00+01:00', cause: 'camera' },
      }).phone,
    ).toEqual({ at: '2026-11-23T14:40:00+01:00', cause: 'camera' });
    expect(
      apply(INITIAL, { type: 'joined', participants: [], phone_fallback: null }).phone,
    ).toBeNull();
  });
});

describe('requests of the practitioner', () => {
  function answer(body: unknown, status = 200) {
    const fetchMock = vi.fn<typeof fetch>(
      async () => new Response(JSON.stringify(body), { status }),
    );
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }
  const sent = (m: ReturnType<typeof answer>, i = 0) => ({
    url: m.mock.calls[i]![0],
    method: m.mock.calls[i]![1]?.method,
    body: JSON.parse(String(m.mock.calls[i]![1]?.body)) as unknown,
  });

  it('switches to the phone with the cause, and the note only when there is one', async () => {
    const m = answer({
      phone_fallback: { at: '2026-11-23T14:40:00+01:00', cause: 'camera', note: null },
      patient_phone: '+33612345678',
    });
    const r = await switchToPhone('a1', 'camera', '  ');
    expect(r.patient_phone).toBe('+33612345678');
    expect(sent(m)).toEqual({
      url: '/api/v1/consultations/a1/phone',
      method: 'POST',
      body: { cause: 'camera' },
    });
    await switchToPhone('a1', 'other', ' Micro HS ');
    expect(sent(m, 1).body).toEqual({ cause: 'other', note: 'Micro HS' });
  });

  it('saves the notes with PUT, and with keepalive as the tab closes', async () => {
    const m = answer({ notes: { updated_at: '2026-11-23T14:32:00+01:00' } });
    await saveNotes('a1', 'Toux', true);
    expect(sent(m)).toEqual({
      url: '/api/v1/consultations/a1/notes',
      method: 'PUT',
      body: { text: 'Toux' },
    });
    expect(m.mock.calls[0]![1]?.keepalive).toBe(true);
  });

  it('reads the panel, files and notes included', async () => {
    answer({
      patient: {
        first_name: 'Camille',
        last_name: 'Martin',
        birth_date: '1991-03-12',
        age: 34,
        phone: '+33612345678',
        email: 'c@example.fr',
        coverage: { ald: true },
      },
      files: [
        {
          id: 'f1',
          name: 'gorge.jpg',
          mime: 'image/jpeg',
          size: 10,
          from: { role: 'patient', name: 'Camille' },
          created_at: 1,
          url: '/u',
        },
        { bad: true },
      ],
      notes: { text: 'Asthme', updated_at: 1795000000 },
      phone_fallback: null,
    });
    const p = await fetchPanel('a1', new AbortController().signal);
    expect(p.files.map((f) => f.id)).toEqual(['f1']);
    expect(p.notes).toEqual({ text: 'Asthme', updated_at: 1795000000 });
    expect(panelAge(p.patient)).toBe(34);
  });
});

describe("the patient's file", () => {
  const words = {
    labels: { nir: 'N° de sécurité sociale', ald: 'ALD', css: 'CSS' },
    yes: 'oui',
    no: 'non',
  };

  it('labels known keys, known first, yes/no for booleans, and leaves out empty values', () => {
    const rows = coverageRows(
      {
        tiers_payant: true,
        css: false,
        ald: true,
        nir: '1 91 03 75 056 123 45',
        mutuelle: null,
        complementary: { name: 'MGEN', member_number: '123' },
      },
      words,
    );
    expect(rows).toEqual([
      { key: 'nir', label: 'N° de sécurité sociale', value: '1 91 03 75 056 123 45' },
      { key: 'ald', label: 'ALD', value: 'oui' },
      { key: 'css', label: 'CSS', value: 'non' },
      { key: 'tiers_payant', label: 'Tiers payant', value: 'oui' },
      { key: 'complementary', label: 'Complementary', value: 'MGEN · 123' },
    ]);
    expect(coverageRows(null, words)).toEqual([]);
    expect(keyLabel('medecin_traitant')).toBe('Medecin traitant');
  });

  it('computes the age from the birth date when the server gives none', () => {
    expect(
      panelAge({ age: null, birth_date: '1991-03-12' }, new Date('2026-03-11T12:00:00Z')),
    ).toBe(34);
    expect(
      panelAge({ age: null, birth_date: '1991-03-12' }, new Date('2026-03-12T12:00:00Z')),
    ).toBe(35);
    expect(panelAge({ age: null, birth_date: null })).toBeNull();
  });
});
