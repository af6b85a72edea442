import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uitwijkHome } from '../src/database/embedded-postgres';
import { freePort } from './support';

const root = join(__dirname, '..');

interface Booted {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs src/main.ts as `npm start` would, with no DATABASE_URL and no REDIS_URL. */
function start(env: Record<string, string>): Booted {
  const child = spawn(process.execPath, ['-r', './test/support/ts-register.js', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, booted: Booted, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (booted.child.exitCode !== null) throw new Error(`exited with ${booted.child.exitCode}:\n${booted.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.status === 200) return { status: res.status, body: await res.json() };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no health 200 within ${timeoutMs} ms:\n${booted.output()}`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

describe('embedded PostgreSQL (npm start with no configuration)', () => {
  let dataDir: string;
  const running: Booted[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'klachtregie-embedded-'));
    // mkdtemp makes 0700; as root the cluster runs as the 'postgres' user, which must reach the directory.
    chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    for (const b of running) if (b.child.exitCode === null) b.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a real PostgreSQL with the queue on it, answers health 200, and stops it on SIGTERM; a second start reuses the data', async () => {
    const pgPort = await freePort();
    for (const round of ['first', 'second'] as const) {
      const httpPort = await freePort();
      const booted = start({ PORT: String(httpPort), KLACHTREGIE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(pgPort) });
      running.push(booted);
      const health = await waitForHealth(httpPort, booted, 90_000); // ts-register compiles the service on a busy CI machine
      expect(health.body).toEqual({ status: 'ok', database: 'ok', queue: { backend: 'postgres', status: 'ok' } });
      expect(booted.output()).toContain(`Database: postgres://postgres:***@127.0.0.1:${pgPort}/klachtregie (embedded PostgreSQL)`);
      expect(booted.output().includes('Initialising the embedded PostgreSQL')).toBe(round === 'first');
      expect(await portOpen(pgPort)).toBe(true);

      booted.child.kill('SIGTERM');
      expect(await booted.exited).toBe(0);
      expect(booted.output()).toContain('Embedded PostgreSQL stopped');
      expect(await portOpen(pgPort)).toBe(false);
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    }
  }, 240_000);

  it('a taken EMBEDDED_POSTGRES_PORT stops the boot with a message that says what to set', async () => {
    const pgPort = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(pgPort, '127.0.0.1', () => r()));
    try {
      const booted = start({ PORT: String(await freePort()), KLACHTREGIE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(pgPort) });
      running.push(booted);
      expect(await booted.exited).toBe(1);
      expect(booted.output()).toContain(`Port ${pgPort} for the embedded PostgreSQL is already in use`);
      expect(booted.output()).toContain('Set EMBEDDED_POSTGRES_PORT to a free port');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 60_000);

  it('two checkouts start side by side with no configuration (no PORT, no EMBEDDED_POSTGRES_PORT); as root, one in a directory the postgres user cannot enter', async () => {
    const isRoot = process.getuid?.() === 0;
    // mkdtemp makes mode 700: as root the 'postgres' user cannot enter it, as in /root.
    const dichtDir = mkdtempSync(join(tmpdir(), 'klachtregie-dicht-'));
    const openDir = mkdtempSync(join(tmpdir(), 'klachtregie-open-'));
    chmodSync(openDir, 0o755);
    const tweede: Booted[] = [];
    try {
      for (const dir of [dichtDir, openDir]) {
        const booted = start({ KLACHTREGIE_DATA_DIR: join(dir, 'data'), HOST: '127.0.0.1' });
        running.push(booted);
        tweede.push(booted);
      }
      const poorten: number[] = [];
      for (const booted of tweede) {
        const deadline = Date.now() + 120_000;
        let m: RegExpExecArray | null = null;
        while (!(m = /Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(booted.output())) && Date.now() < deadline) {
          if (booted.child.exitCode !== null) throw new Error(`exited with ${booted.child.exitCode}:\n${booted.output()}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        expect(m).not.toBeNull();
        const port = Number(m![1]);
        poorten.push(port);
        expect((await waitForHealth(port, booted, 30_000)).body).toMatchObject({ status: 'ok', database: 'ok' });
      }
      expect(new Set(poorten).size).toBe(2);
      const pgPoorten = tweede.map((b) => /Database: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:(\d+)\//.exec(b.output())?.[1]);
      expect(pgPoorten.every(Boolean)).toBe(true);
      expect(pgPoorten[0]).not.toBe(pgPoorten[1]);
      if (isRoot) {
        // The closed directory's cluster lives where 'postgres' can reach it, and the data dir says where.
        expect(existsSync(join(uitwijkHome(join(dichtDir, 'data')), 'pg', 'PG_VERSION'))).toBe(true);
        expect(existsSync(join(dichtDir, 'data', 'POSTGRES-ELDERS.txt'))).toBe(true);
      }
      for (const booted of tweede) {
        booted.child.kill('SIGTERM');
        expect(await booted.exited).toBe(0);
        expect(booted.output()).toContain('Embedded PostgreSQL stopped');
      }
    } finally {
      for (const b of tweede) if (b.child.exitCode === null) b.child.kill('SIGKILL');
      rmSync(uitwijkHome(join(dichtDir, 'data')), { recursive: true, force: true });
      rmSync(dichtDir, { recursive: true, force: true });
      rmSync(openDir, { recursive: true, force: true });
    }
  }, 300_000);
});
