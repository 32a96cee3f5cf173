// A third participant (ROOM8): the guest's page as a state machine (the link read, the name
// given, the equipment test, the room), the answers that end it (404: no longer valid; 410:
// used on another device), a link opened again by the same browser, and the inviter's side:
// the absolute link, each invitation's state, the limit of two, and the requests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { claimInvitation, createInvitation, revokeInvitation } from './api';
import {
  absoluteUrl,
  canInvite,
  GUEST_START,
  guestConsultation,
  guestFlow,
  invitationStatus,
  inviteProblem,
  type GuestEvent,
  type GuestFlow,
  type Invitation,
  type InvitationInfo,
} from './invitations';

const info = (over: Partial<InvitationInfo> = {}): InvitationInfo => ({
  consultation: {
    id: 'a1',
    start: '2026-11-23T14:30:00+01:00',
    start_at: 1795440600,
    duration_minutes: 15,
    practitioner: { name: 'Dr Camille Durand' },
  },
  kind: 'guest',
  claimed: false,
  mine: false,
  ...over,
});

const run = (...events: GuestEvent[]): GuestFlow => events.reduce(guestFlow, GUEST_START);

describe("the guest's page", () => {
  it('asks a name, then tests the equipment, then enters the room', () => {
    let s = run({ type: 'loaded', info: info() });
    expect(s.step).toBe('name');
    s = guestFlow(s, {
      type: 'claimed',
      guest: { id: 'g1', name: 'Marie Lambert', consultation: 'a1' },
    });
    expect(s.step).toBe('precall');
    s = guestFlow(s, { type: 'tested' });
    expect(s.step).toBe('room');
    expect(guestConsultation(s)).toBe('a1');
  });

  it('goes straight to the test when this browser claimed the link already', () => {
    const s = run({ type: 'loaded', info: info({ claimed: true, mine: true }) });
    expect(s.step).toBe('precall');
    expect(guestConsultation(s)).toBe('a1');
  });

  it('says the link was used when another browser claimed it', () => {
    expect(run({ type: 'loaded', info: info({ claimed: true, mine: false }) }).step).toBe('used');
    const lost = run(
      { type: 'loaded', info: info() },
      { type: 'claim_failed', error: new ApiError(410, 'invitation_used', 'Déjà utilisé.') },
    );
    expect(lost.step).toBe('used');
  });

  it('says the link is no longer valid on 404', () => {
    expect(
      run({ type: 'load_failed', error: new ApiError(404, 'not_found', 'Introuvable.') }).step,
    ).toBe('invalid');
    expect(
      run(
        { type: 'loaded', info: info() },
        { type: 'claim_failed', error: new ApiError(404, 'not_found', '') },
      ).step,
    ).toBe('invalid');
  });

  it('stays on the form after another failure, and can start over after a network error', () => {
    const err = new ApiError(422, 'invalid_request', 'Nom trop long.', 'name');
    const s = run({ type: 'loaded', info: info() }, { type: 'claim_failed', error: err });
    expect(s).toMatchObject({ step: 'name', error: err });
    const offline = run({
      type: 'load_failed',
      error: new ApiError(0, 'network_error', 'offline'),
    });
    expect(offline.step).toBe('error');
    expect(guestFlow(offline, { type: 'retry' }).step).toBe('loading');
  });

  it('enters the room only from the test', () => {
    expect(run({ type: 'loaded', info: info() }, { type: 'tested' }).step).toBe('name');
  });
});

describe("the inviter's side", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the link with this site’s address', () => {
    expect(absoluteUrl('/invitation/tok123', 'https://cabinet.example')).toBe(
      'https://cabinet.example/invitation/tok123',
    );
    expect(absoluteUrl('invitation/tok123', 'https://cabinet.example/')).toBe(
      'https://cabinet.example/invitation/tok123',
    );
    expect(absoluteUrl('https://other.example/invitation/x', 'https://cabinet.example')).toBe(
      'https://other.example/invitation/x',
    );
  });

  it('tells each invitation’s state', () => {
    const now = Date.parse('2026-11-23T14:40:00+01:00');
    expect(invitationStatus({ claimed: true, expires_at: '2026-11-23T14:00:00+01:00' }, now)).toBe(
      'claimed',
    );
    expect(invitationStatus({ claimed: false, expires_at: '2026-11-23T15:00:00+01:00' }, now)).toBe(
      'waiting',
    );
    expect(invitationStatus({ claimed: false, expires_at: '2026-11-23T14:00:00+01:00' }, now)).toBe(
      'expired',
    );
    expect(invitationStatus({ claimed: false, expires_at: now / 1000 - 1 }, now)).toBe('expired');
    expect(invitationStatus({ claimed: false, expires_at: null }, now)).toBe('waiting');
  });

  it('allows two invitations, and words the 409 of a third', () => {
    const inv = (id: string): Invitation => ({
      id,
      kind: 'guest',
      name: null,
      expires_at: null,
      claimed: false,
    });
    expect(canInvite([inv('i1')])).toBe(true);
    expect(canInvite([inv('i1'), inv('i2')])).toBe(false);
    expect(inviteProblem(new ApiError(409, 'conflict', ''))).toBe('full');
    expect(inviteProblem(new ApiError(500, 'internal', ''))).toBe('other');
  });

  it('sends the kind and the name given, and nothing empty', async () => {
    const fetchMock = vi.fn<typeof fetch>(
      async () =>
        new Response(
          JSON.stringify({
            invitation: {
              id: 'i1',
              kind: 'interpreter',
              name: 'Ana',
              url: '/invitation/t',
              token: 't',
              expires_at: null,
              claimed: false,
            },
          }),
          { status: 201 },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const inv = await createInvitation('a1', 'interpreter', '  Ana ');
    expect(inv.url).toBe('/invitation/t');
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/consultations/a1/invitations');
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({
      kind: 'interpreter',
      name: 'Ana',
    });
    await createInvitation('a1', 'guest', '   ');
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ kind: 'guest' });
  });

  it('revokes with DELETE and claims with the trimmed name', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (_url, init) =>
      init?.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : new Response(JSON.stringify({ guest: { id: 'g1', name: 'Marie', consultation: 'a1' } }), {
            status: 200,
          }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await revokeInvitation('a1', 'i1');
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/consultations/a1/invitations/i1');
    expect(fetchMock.mock.calls[0]![1]?.method).toBe('DELETE');
    await expect(claimInvitation('tok/1', ' Marie ')).resolves.toEqual({
      id: 'g1',
      name: 'Marie',
      consultation: 'a1',
    });
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/v1/invitations/tok%2F1/claim');
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ name: 'Marie' });
  });
});
