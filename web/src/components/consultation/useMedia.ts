// Preact side of lib/consultation/media.ts and lib/consultation/call.ts: the page's camera and
// micro (asked for when `enabled`, released when the page goes), and the call manager of a room,
// fed with the room's participants and status and torn down with the page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendCallReport } from '../../lib/consultation/api';
import { CallManager, type CallSnapshot } from '../../lib/consultation/call';
import type { Participant } from '../../lib/consultation/consultation';
import { LocalMedia, type LocalMediaState } from '../../lib/consultation/media';
import { realtime } from '../../lib/consultation/realtime';

export function useLocalMedia(enabled: boolean): { media: LocalMedia; state: LocalMediaState } {
  const media = useMemo(() => new LocalMedia(), []);
  const [state, setState] = useState(media.state);
  useEffect(() => media.subscribe(setState), [media]);
  useEffect(() => {
    if (enabled) void media.start();
  }, [media, enabled]);
  useEffect(() => () => media.stop(), [media]);
  return { media, state };
}

const EMPTY: CallSnapshot = { peers: [], level: null, quality: null, audioOnly: false };

/** `?relais=1` in the page address: TURN only (the tests force the relayed path with it). */
export function relayOnly(): boolean {
  return (
    typeof location !== 'undefined' && new URLSearchParams(location.search).get('relais') === '1'
  );
}

/**
 * The call of consultation `id`, made as soon as the page knows it will take part (`enabled`),
 * so that an offer sent right after the admission finds it listening; connections start when
 * `active` (status in_call).
 */
export function useCall(
  id: string,
  media: LocalMedia,
  room: { enabled: boolean; you: string | null; participants: Participant[]; active: boolean },
  /** The patient's and the practitioner's browsers report their call (guests have no account). */
  report = false,
): { snapshot: CallSnapshot; manager: CallManager | null } {
  const [snapshot, setSnapshot] = useState<CallSnapshot>(EMPTY);
  const [manager, setManager] = useState<CallManager | null>(null);

  useEffect(() => {
    if (!room.enabled) return undefined;
    const m = new CallManager({
      rt: realtime(),
      consultation: id,
      media,
      relayOnly: relayOnly(),
      onChange: setSnapshot,
      onReport: report ? (body) => void sendCallReport(id, body).catch(() => undefined) : undefined,
    });
    setManager(m);
    return () => {
      m.close();
      setManager(null);
      setSnapshot(EMPTY);
    };
  }, [id, media, room.enabled, report]);

  useEffect(() => {
    if (manager && room.you) manager.setRoom(room.you, room.participants);
  }, [manager, room.you, room.participants]);

  useEffect(() => {
    manager?.setActive(room.active);
  }, [manager, room.active]);

  return { snapshot, manager };
}
