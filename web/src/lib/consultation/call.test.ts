// The call's mesh with fake RTCPeerConnections and a fake socket (callFakes.ts): one connection
// per other participant of the call (never an assistant, at most three), politeness from the ids,
// perfect negotiation's answer to an offer (the polite peer waiting for the first one), surviving
// lost sockets: ours (restart signal and ICE restart), the other side's (the same connection
// under its new id), a reloaded page (a fresh connection once the old one is given up). The
// quality samples: qualityWatch.test.ts.
import { describe, expect, it, vi } from 'vitest';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  iceServers: vi.fn(async () => ({
    ice_servers: [{ urls: ['stun:stun.cabinet.test'] }],
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  })),
}));

import {
  assistant,
  doctor,
  FakePC,
  patient,
  setup,
  signals,
  installFakes,
  type Desc,
} from './callFakes';
import type { Participant } from './consultation';

installFakes();

describe('CallManager', () => {
  it('connects to the other call participants once the call is active, never to assistants', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c5', [patient, doctor, assistant]);
    await flush();
    expect(FakePC.all).toHaveLength(0);
    call.setActive(true);
    await flush();
    // c5 sorts after c2: the patient is polite and leaves the first offer to the practitioner.
    expect(FakePC.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1500);
    expect(FakePC.all).toHaveLength(1);
    expect(snapshot().peers.map((p) => [p.id, p.role])).toEqual([['c2', 'practitioner']]);
    expect(FakePC.all[0]!.config).toMatchObject({
      iceServers: [{ urls: ['stun:stun.cabinet.test'] }],
      iceTransportPolicy: 'all',
    });
    expect(window.__cabinetCall).toBeDefined();
    call.close();
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(window.__cabinetCall).toBeUndefined();
  });

  it('connects to a guest only once the practitioner has let them in', async () => {
    const { call, flush, snapshot } = setup();
    const waiting: Participant = {
      id: 'c9',
      role: 'guest',
      name: 'Marie Lambert',
      kind: 'guest',
      admitted: false,
    };
    call.setRoom('c2', [doctor, patient, waiting]);
    call.setActive(true);
    await flush();
    // c2 sorts first: the practitioner offers to the patient at once, not to the waiting guest.
    expect(snapshot().peers.map((p) => p.id)).toEqual(['c5']);
    call.setRoom('c2', [doctor, patient, { ...waiting, admitted: true }]);
    await flush();
    expect(snapshot().peers.map((p) => [p.id, p.role])).toEqual([
      ['c5', 'patient'],
      ['c9', 'guest'],
    ]);
    call.close();
  });

  it('keeps the mesh to four participants', async () => {
    const { call, flush } = setup();
    const others = ['c6', 'c7', 'c8', 'c9'].map((id) => ({
      id,
      role: 'patient' as const,
      name: id,
    }));
    call.setRoom('c2', [doctor, ...others]);
    call.setActive(true);
    await flush();
    expect(FakePC.all).toHaveLength(3);
  });

  it('answers an offer as the polite peer, and ignores it as the impolite one while offering', async () => {
    // c5 > c2: the patient is polite.
    const { call, flush, receive, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await vi.advanceTimersByTimeAsync(1500);
    const pc = FakePC.all[0]!;
    await pc.setLocalDescription(); // our own offer is out: a collision
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'theirs' } },
    });
    await flush();
    expect(pc.remote).toEqual([{ type: 'offer', sdp: 'theirs' }]);
    expect(signals(sent).at(-1)).toEqual({
      type: 'signal',
      consultation: 'a1',
      to: 'c2',
      data: { description: { type: 'answer', sdp: 'answer' } },
    });

    const other = setup();
    other.call.setRoom('c2', [patient, doctor]);
    other.call.setActive(true);
    await other.flush();
    const mine = FakePC.all[1]!;
    await mine.setLocalDescription();
    other.receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c5',
      data: { description: { type: 'offer', sdp: 'theirs' } },
    });
    other.receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c5',
      data: { candidate: { candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host' } },
    });
    await other.flush();
    expect(mine.remote).toEqual([]);
    // Ours again instead: the other side may never have got it (sent to a page that is gone).
    expect(signals(other.sent).map((m) => m.data)).toEqual([
      { description: { type: 'offer', sdp: 'offer' } },
    ]);
  });

  it('sends an unanswered offer again, and the polite side answers a repeated offer again', async () => {
    // c2 < c5: the practitioner is impolite and offers first.
    const { call, flush, receive, sent } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    const pc = FakePC.all[0]!;
    await pc.onnegotiationneeded!();
    const offers = () =>
      signals(sent).filter((m) => (m.data as { description?: Desc }).description?.type === 'offer');
    expect(offers()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3999);
    expect(offers()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(offers()).toHaveLength(2);
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c5',
      data: { description: { type: 'answer', sdp: 'theirs' } },
    });
    await flush();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(offers()).toHaveLength(2);

    const polite = setup();
    polite.call.setRoom('c5', [patient, doctor]);
    polite.call.setActive(true);
    await polite.flush();
    const offer = {
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'v1' } },
    };
    polite.receive(offer);
    polite.receive(offer);
    await polite.flush();
    const theirs = FakePC.all.at(-1)!;
    expect(theirs.remote).toEqual([{ type: 'offer', sdp: 'v1' }]);
    expect(signals(polite.sent).map((m) => m.data)).toEqual([
      { description: { type: 'answer', sdp: 'answer' } },
      { description: { type: 'answer', sdp: 'answer' } },
    ]);
  });

  it('keeps a candidate that comes before the offer, and adds it once the offer is applied', async () => {
    const { call, flush, receive, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await flush();
    const candidate = { candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host' };
    receive({ type: 'signal', consultation: 'a1', from: 'c2', data: { candidate } });
    await flush();
    const pc = FakePC.all[0]!;
    expect(pc.candidates).toEqual([]);
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'theirs' } },
    });
    await flush();
    expect(pc.candidates).toEqual([candidate]);
    expect(signals(sent).at(-1)?.data).toEqual({ description: { type: 'answer', sdp: 'answer' } });
  });

  it('as the polite peer, answers the first offer on a connection made for it, without offering too', async () => {
    const { call, flush, receive, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await flush();
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'first' } },
    });
    await flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakePC.all).toHaveLength(1);
    expect(signals(sent).map((m) => (m.data as { description?: Desc }).description?.type)).toEqual([
      'answer',
    ]);
  });

  it('makes a connection for a peer that signals first, before its presence arrives', async () => {
    const { call, flush, receive } = setup();
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'early' } },
    });
    await flush();
    expect(FakePC.all).toHaveLength(0); // waits for our own id
    call.setRoom('c5', [patient]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    expect(FakePC.all[0]!.remote).toEqual([{ type: 'offer', sdp: 'early' }]);
  });

  it('after our own reconnection, tells each peer and restarts ICE on the same connection', async () => {
    const { call, flush, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await vi.advanceTimersByTimeAsync(1500);
    const pc = FakePC.all[0]!;
    await pc.setLocalDescription(); // an offer the lost socket never delivered
    call.setRoom('c11', [doctor, { ...patient, id: 'c11' }]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    expect(signals(sent)).toContainEqual({
      type: 'signal',
      consultation: 'a1',
      to: 'c2',
      data: { restart: true },
    });
    expect(pc.restarts).toBe(1);
    expect(pc.signalingState).toBe('stable'); // rolled back, so negotiation can start again
  });

  it('keeps the connection of a peer that reconnected and says restart, under its new id', async () => {
    const { call, flush, receive, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    // The patient's socket drops: gone from the room, its connection kept for a while.
    call.setRoom('c2', [doctor]);
    expect(snapshot().peers[0]).toMatchObject({ id: 'c5', departed: true });
    // Back under c12, and it says so.
    call.setRoom('c2', [doctor, { ...patient, id: 'c12' }]);
    receive({ type: 'signal', consultation: 'a1', from: 'c12', data: { restart: true } });
    await flush();
    await vi.advanceTimersByTimeAsync(3000);
    expect(FakePC.all).toHaveLength(1);
    expect(FakePC.all[0]!.closed).toBe(false);
    expect(snapshot().peers.map((p) => [p.id, p.departed])).toEqual([['c12', false]]);
  });

  it('gives a reloaded page a fresh connection after a short wait, and drops the old one', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    call.setRoom('c2', [doctor, { ...patient, id: 'c12' }]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2100);
    expect(FakePC.all).toHaveLength(2);
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(snapshot().peers.map((p) => p.id)).toEqual(['c12']);
  });

  it('gives a fresh connection to a peer back under the same id, from another page of the app', async () => {
    const { call, flush, snapshot } = setup();
    // We are impolite (c2 before c5): our connection is made at once, and we offer.
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    const first = FakePC.all[0]!;
    await first.setLocalDescription();
    // The other page left the room and a new one joined on the same socket: our offer went to
    // a page that is gone and would never be answered.
    call.setRoom('c2', [doctor]);
    call.setRoom('c2', [doctor, patient]);
    await flush();
    expect(first.closed).toBe(true);
    expect(FakePC.all).toHaveLength(2);
    expect(FakePC.all[1]!.closed).toBe(false);
    expect(snapshot().peers.map((p) => [p.id, p.departed])).toEqual([['c5', false]]);
  });

  it('gives up a departed peer after 20 s', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    call.setRoom('c2', [doctor]);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(FakePC.all[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(snapshot().peers).toEqual([]);
  });
});
