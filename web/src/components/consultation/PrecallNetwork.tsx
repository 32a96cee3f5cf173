// The pre-call test's network part: GET /ice-servers, a few GET /healthz for the round trip,
// ICE candidates with those servers (STUN answers: a server-reflexive candidate; TURN: a relay
// one), then about a second of data between two local connections, through TURN when it
// answered (an estimate of the real link), otherwise directly (what the device can push).
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { iceServers } from '../../lib/consultation/api';
import { fillText } from '../../lib/format';
import {
  gatherCandidates,
  loopbackThroughput,
  measureRtt,
  serverKinds,
  type NetworkResults,
} from '../../lib/consultation/precall';
import { Icon } from '../Icon';

export function useNetworkCheck(): NetworkResults | null {
  const [result, setResult] = useState<NetworkResults | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let servers: RTCIceServer[] = [];
      let server = true;
      try {
        servers = (await iceServers()).ice_servers;
      } catch {
        server = false;
      }
      const rttMs = await measureRtt(5);
      if (rttMs === null) server = false;
      if (!server) {
        if (!cancelled)
          setResult({
            server: false,
            rttMs,
            stun: null,
            turn: null,
            throughputMbps: null,
            throughputVia: null,
          });
        return;
      }
      const kinds = serverKinds(servers);
      const found = servers.length
        ? await gatherCandidates(servers).catch(() => ({ srflx: false, relay: false }))
        : { srflx: false, relay: false };
      const turn = kinds.turn ? found.relay : null;
      const mbps = cancelled ? null : await loopbackThroughput(servers, turn === true);
      if (cancelled) return;
      setResult({
        server,
        rttMs,
        stun: kinds.stun ? found.srflx : null,
        turn,
        throughputMbps: mbps,
        throughputVia: mbps === null ? null : turn ? 'relay' : 'local',
      });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return result;
}

export function NetworkLines({ result }: { result: NetworkResults | null }) {
  const { t, lang } = useI18n();
  const n = t.precall.network;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
  });
  if (!result) return <p class="precall-line is-pending">{n.checking}</p>;
  const lines: Array<{ ok: boolean; text: string }> = [];
  lines.push(
    result.server && result.rttMs !== null
      ? { ok: result.rttMs <= 400, text: fillText(n.server, { ms: result.rttMs }) }
      : { ok: false, text: n.serverFail },
  );
  if (result.stun !== null)
    lines.push({ ok: result.stun, text: result.stun ? n.direct : n.directFail });
  if (result.turn !== null)
    lines.push({ ok: result.turn, text: result.turn ? n.relay : n.relayFail });
  if (result.throughputMbps !== null) {
    const local = result.throughputVia === 'local';
    lines.push({
      ok: result.throughputMbps >= (local ? 2 : 1),
      text: fillText(local ? n.throughputLocal : n.throughput, {
        n: number.format(result.throughputMbps),
      }),
    });
  }
  return (
    <ul class="precall-lines">
      {lines.map((l) => (
        <li key={l.text} class={l.ok ? 'is-ok' : 'is-warn'}>
          <Icon name={l.ok ? 'check' : 'alert'} />
          {l.text}
        </li>
      ))}
    </ul>
  );
}
