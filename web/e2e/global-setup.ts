// Starts the real Cabinet server for the e2e suite and stops it afterwards.
//
// Contract:
//   CABINET_BIN       path of the server binary. Default: ../build/dev/cabinet relative to web/.
//                     A relative value is taken from the current directory, as a shell would.
//   CABINET_BASE_URL  if set, no server is started: the suite runs against that URL
//                     (e.g. `vite preview` while developing).
//   CABINET_OPERATOR_EMAIL / CABINET_OPERATOR_PASSWORD
//                     set here for the tests (the operator created below); with an external
//                     server, set them yourself or the operator tests are skipped.
//   CABINET_E2E_NOW   an ISO instant (e.g. 2026-12-12T23:55:00+01:00) to run the whole suite at:
//                     the server gets --set dev.clock_offset=<seconds> (development mode only),
//                     the tests and every browser context read the same offset (e2e/clock.ts)
//                     from CABINET_E2E_CLOCK_OFFSET, set here. Unset: the real instant.
//   CABINET_TEST_TURN_URL / CABINET_TEST_STUN_URL / CABINET_TEST_TURN_SECRET
//                     a coturn to relay calls through (`scripts/services start coturn`): passed
//                     to the server as ice.turn_urls, ice.stun_urls and ice.turn_secret.
// In a fresh temp dir (also the server's working directory, so var/mailbox/ lands there):
//   1. $CABINET_BIN operator add --email operateur@cabinet.test --password-stdin \
//        --set database.url=sqlite:<tmp>/cabinet.db <fast hashing>   (password on stdin)
//   2. $CABINET_BIN seed --practitioners 60 --seed 7 --set database.url=sqlite:<tmp>/cabinet.db
//        <fast hashing>   (deterministic verified practitioners with hours and motifs across
//        France, for the directory tests; their slots depend on today's date)
//   3. $CABINET_BIN serve --set http.port=0 --set http.host=127.0.0.1 \
//        --set database.url=sqlite:<tmp>/cabinet.db --set web.root=<abs web/dist> \
//        --set mode=development --set http.trust_forwarded=true <fast hashing>
// where <fast hashing> is --set security.argon2_memory=8KiB --set security.argon2_ops=1 (tests
// only). We wait for the JSON log line whose msg is "listening" and read its "port". The base
// URL is then put in process.env.CABINET_BASE_URL, which the test workers inherit (they are
// forked after global setup).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, constants, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { offsetSecondsFor } from './clock';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
// Not "Operateur-Cabinet-2026": the password rules of docs/accounts.md refuse a password that
// contains the email's name ("operateur"), and `operator add` applies them.
const OPERATOR = { email: 'operateur@cabinet.test', password: 'Verif-Praticiens-2026!' };
/** Fast password hashing: fine for throw-away test accounts, never for real ones. */
const FAST_HASHING = ['--set', 'security.argon2_memory=8KiB', '--set', 'security.argon2_ops=1'];
/** The directory's test data: `cabinet seed` is deterministic for a given seed. */
export const SEED = { practitioners: 60, seed: 7 };

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.CABINET_BASE_URL) {
    console.log(`[e2e] using the server at ${process.env.CABINET_BASE_URL}`);
    return;
  }

  const bin = process.env.CABINET_BIN
    ? path.resolve(process.env.CABINET_BIN)
    : path.resolve(WEB_DIR, '../build/dev/cabinet');
  const webRoot = path.join(WEB_DIR, 'dist');
  await access(bin, constants.X_OK).catch(() => {
    throw new Error(`[e2e] server binary not found or not executable: ${bin} (set CABINET_BIN)`);
  });
  await access(path.join(webRoot, 'index.html')).catch(() => {
    throw new Error(`[e2e] ${webRoot}/index.html is missing: run "npm run build" first`);
  });

  const tmp = await mkdtemp(path.join(tmpdir(), 'cabinet-e2e-'));
  const logDir = path.join(WEB_DIR, 'test-results');
  await mkdir(logDir, { recursive: true });
  const logPath = path.join(logDir, 'server.log');
  const log = createWriteStream(logPath);

  const database = `database.url=sqlite:${path.join(tmp, 'cabinet.db')}`;
  const offset = offsetSecondsFor(process.env.CABINET_E2E_NOW);
  process.env.CABINET_E2E_CLOCK_OFFSET = String(offset);
  if (offset !== 0)
    console.log(
      `[e2e] simulated instant ${process.env.CABINET_E2E_NOW} (clock offset ${offset} s)`,
    );
  // The seed and the operator run at the same instant as the server (mode=development allows it).
  const clock = ['--set', 'mode=development', '--set', `dev.clock_offset=${offset}`];
  const args = [
    'serve',
    '--set',
    'http.port=0',
    '--set',
    'http.host=127.0.0.1',
    '--set',
    database,
    '--set',
    `web.root=${webRoot}`,
    '--set',
    'mode=development',
    // The sign-up limit is per client address (10 an hour) and the whole suite signs up from
    // 127.0.0.1: tests that create accounts beyond that give their own address in
    // X-Forwarded-For (documentation range 198.51.100.0/24). Requests without the header keep
    // the peer's address, so the rate-limit tests are unchanged.
    '--set',
    'http.trust_forwarded=true',
    // Teleconsultation around the clock, so that the consultation tests find a slot starting
    // within 10 minutes at any hour CI runs (the default window is 07:00–24:00, AGD3).
    '--set',
    'agenda.video_window=00:00-24:00',
    // The immediate queue too (docs/queue.md), with a short answer window and a sweep every
    // second so that "called, did not answer" takes seconds, not minutes; the patients the
    // queue test puts in line through the API keep their place while it runs.
    '--set',
    'queue.hours=00:00-24:00',
    '--set',
    'queue.answer_window=8s',
    '--set',
    'queue.sweep_interval=1s',
    '--set',
    'queue.grace=10m',
    ...FAST_HASHING,
    ...clock,
    ...iceServers(),
  ];
  // Our own variables are not server configuration: keep them away from a server that maps
  // CABINET_* environment variables onto config keys.
  const env = { ...process.env };
  for (const key of [
    'CABINET_BIN',
    'CABINET_BASE_URL',
    'CABINET_OPERATOR_EMAIL',
    'CABINET_OPERATOR_PASSWORD',
    'CABINET_E2E_NOW',
    'CABINET_E2E_CLOCK_OFFSET',
  ])
    delete env[key];

  try {
    await runOnce(
      bin,
      [
        'operator',
        'add',
        '--email',
        OPERATOR.email,
        '--password-stdin',
        '--set',
        database,
        ...FAST_HASHING,
        ...clock,
      ],
      tmp,
      env,
      log,
      `${OPERATOR.password}\n`,
    );
    await runOnce(
      bin,
      [
        'seed',
        '--practitioners',
        String(SEED.practitioners),
        '--seed',
        String(SEED.seed),
        '--set',
        database,
        ...FAST_HASHING,
        ...clock,
      ],
      tmp,
      env,
      log,
    );
  } catch (e) {
    log.end();
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n[e2e] full output: ${logPath}`);
  }
  process.env.CABINET_OPERATOR_EMAIL = OPERATOR.email;
  process.env.CABINET_OPERATOR_PASSWORD = OPERATOR.password;

  console.log(`[e2e] starting ${bin} ${args.join(' ')}`);
  const child = spawn(bin, args, { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  let port: number;
  try {
    port = await waitForListening(child, log, exited);
  } catch (e) {
    child.kill('SIGKILL');
    log.end();
    throw new Error(`${(e as Error).message}\n[e2e] full server output: ${logPath}`);
  }

  const baseURL = `http://127.0.0.1:${port}`;
  process.env.CABINET_BASE_URL = baseURL;
  console.log(`[e2e] server listening at ${baseURL} (log: ${logPath})`);

  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const { code, signal } = await exited;
    clearTimeout(timer);
    console.log(`[e2e] server stopped (code ${code}, signal ${signal})`);
    log.end();
    await rm(tmp, { recursive: true, force: true });
  };
}

/**
 * STUN/TURN of the coturn that `scripts/services start coturn` runs (scripts/test does), so that
 * calls can be forced through the relay; none without it (calls then stay on loopback).
 */
function iceServers(): string[] {
  const {
    CABINET_TEST_TURN_URL: turn,
    CABINET_TEST_STUN_URL: stun,
    CABINET_TEST_TURN_SECRET: secret,
  } = process.env;
  if (!turn || !stun || !secret) return [];
  return [
    '--set',
    `ice.stun_urls=${stun}`,
    '--set',
    `ice.turn_urls=${turn}`,
    '--set',
    `ice.turn_secret=${secret}`,
  ];
}

/** Runs a one-shot command (`operator add`, `seed`), with `stdin` as its input; rejects unless it exits 0. */
function runOnce(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: NodeJS.WritableStream,
  stdin = '',
): Promise<void> {
  const name = `${args[0]} ${args[1]?.startsWith('-') ? '' : (args[1] ?? '')}`.trim();
  console.log(`[e2e] ${bin} ${args.join(' ')}`);
  log.write(`[e2e] ${bin} ${args.join(' ')}\n`);
  const child = spawn(bin, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (prefix: string) => (line: string) => {
    log.write(`${prefix}${line}\n`);
    output.push(`${prefix}${line}`);
  };
  createInterface({ input: child.stdout }).on('line', keep(''));
  createInterface({ input: child.stderr }).on('line', keep('[stderr] '));
  child.stdin.end(stdin);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`[e2e] "${name}" did not finish within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`[e2e] cannot run "${name}": ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `[e2e] "${name}" failed (code ${code}, signal ${signal})\n${output.slice(-20).join('\n')}`,
          ),
        );
    });
  });
}

/**
 * Reads stdout line by line until the "listening" log line, and keeps draining both streams
 * into the log file afterwards (a full pipe would block the server). Event-driven: resolves on
 * the line, rejects on exit or after START_TIMEOUT_MS.
 */
function waitForListening(
  child: ChildProcess,
  log: NodeJS.WritableStream,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
): Promise<number> {
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  const tail = () =>
    recent.length ? `\n--- last output ---\n${recent.join('\n')}` : ' (no output)';

  return new Promise<number>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(`[e2e] no "listening" log line within ${START_TIMEOUT_MS / 1000} s${tail()}`),
          ),
        ),
      START_TIMEOUT_MS,
    );

    createInterface({ input: child.stderr! }).on('line', (line) => {
      log.write(`[stderr] ${line}\n`);
      remember(`[stderr] ${line}`);
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`);
      remember(line);
      if (done) return;
      const port = listeningPort(line);
      if (port !== null) finish(() => resolve(port));
    });

    child.once('error', (err) =>
      finish(() => reject(new Error(`[e2e] cannot start the server: ${err.message}`))),
    );
    void exited.then(({ code, signal }) =>
      finish(() =>
        reject(
          new Error(
            `[e2e] server exited before listening (code ${code}, signal ${signal})${tail()}`,
          ),
        ),
      ),
    );
  });
}

/** The port of a `{"msg":"listening","port":N}` JSON line, or null for any other line. */
export function listeningPort(line: string): number | null {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null) return null;
  const { msg, port } = entry as { msg?: unknown; port?: unknown };
  if (msg !== 'listening') return null;
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536
    ? port
    : null;
}
