import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      const health = await waitForHealth(httpPort, booted, 60_000);
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
  }, 150_000);

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
});
