// A second Cabinet server for the passkey tests, started by the spec itself: WebAuthn needs a
// host name (the RP ID is the host of http.public_url, and browsers refuse IP addresses), so it
// is served as http://localhost:<port> with that exact public URL, and it runs the
// strong-factor policy for practitioners without changing the suite's shared server.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { listeningPort } from './global-setup';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 30_000;

export interface PasskeyServer {
  url: string;
  stop: () => Promise<void>;
}

/** A port free right now: the server is told it, since its public URL must name it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startPasskeyServer(settings: string[]): Promise<PasskeyServer> {
  const bin = process.env.CABINET_BIN
    ? path.resolve(process.env.CABINET_BIN)
    : path.resolve(WEB_DIR, '../build/dev/cabinet');
  const tmp = await mkdtemp(path.join(tmpdir(), 'cabinet-passkeys-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const set = (kv: string) => ['--set', kv];
  const args = [
    'serve',
    ...set(`http.port=${port}`),
    ...set('http.host=127.0.0.1'),
    ...set(`http.public_url=${url}`),
    ...set(`database.url=sqlite:${path.join(tmp, 'cabinet.db')}`),
    ...set(`web.root=${path.join(WEB_DIR, 'dist')}`),
    ...set('mode=development'),
    ...set(`dev.clock_offset=${process.env.CABINET_E2E_CLOCK_OFFSET ?? '0'}`),
    ...set('security.argon2_memory=8KiB'),
    ...set('security.argon2_ops=1'),
    ...settings.flatMap(set),
  ];
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('CABINET_')) delete env[key];
  const child = spawn(bin, args, { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => tail.push(line));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" line\n${tail.join('\n')}`)),
      START_TIMEOUT_MS,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (listeningPort(line) !== null) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`passkey server exited (${code})\n${tail.join('\n')}`));
    });
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
