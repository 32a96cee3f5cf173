// The STUN/TURN servers of a call, from GET /ice-servers: loaded once the call is made, then
// again before their TURN credentials expire (and soon after a failed request, the call using
// direct paths only meanwhile).
import { iceServers } from './api';
import { refreshAt } from './consultation';

export class IceServerList {
  servers: RTCIceServer[] = [];
  /** Resolved once the first request is answered (or has failed). */
  readonly ready: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  /** `changed` gets each new list, for the connections already made. */
  constructor(private readonly changed: (servers: RTCIceServer[]) => void) {
    this.ready = this.load();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    try {
      const answer = await iceServers();
      this.servers = answer.ice_servers;
      this.changed(this.servers);
      this.schedule(refreshAt(answer.expires_at, Date.now()) - Date.now());
    } catch {
      // Without them: direct paths only for now, and another try soon.
      this.schedule(15_000);
    }
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), Math.max(10_000, ms));
  }
}
