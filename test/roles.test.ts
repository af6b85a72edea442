import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { QUEUE_NAMES } from '../src/jobs/queues';
import { createTestApp, createTestDatabase, freePort, TestDatabase } from './support';

const root = join(__dirname, '..');

/** application_name of the BullMQ PostgreSQL backend's worker LISTEN connections in this database. */
async function workerConnections(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ application_name: string }>(
      'select application_name from pg_stat_activity where datname = current_database() and application_name = any($1)',
      [QUEUE_NAMES as string[]],
    );
    return rows.map((r) => r.application_name).sort();
  } finally {
    await client.end();
  }
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await fn();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await fn();
  }
  return value;
}

describe('process roles', () => {
  let db: TestDatabase;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('roles');
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await db?.drop();
  });

  it('ROLE=api serves HTTP and runs no BullMQ workers; ROLE=all runs them', async () => {
    const api = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'api' } });
    try {
      expect((await request(api.http).get('/api/v1/health')).status).toBe(200);
      expect(await workerConnections(db.url)).toEqual([]);
    } finally {
      await api.close();
    }
    const all = await createTestApp({ databaseUrl: db.url, postgresQueue: true });
    try {
      const names = await eventually(
        () => workerConnections(db.url),
        (n) => n.length > 0,
      );
      expect(names.length).toBeGreaterThan(0);
    } finally {
      await all.close();
    }
  });

  it('worker.ts runs the workers without HTTP and stops cleanly on SIGTERM', async () => {
    await eventually(
      () => workerConnections(db.url),
      (n) => n.length === 0,
    );
    const port = await freePort();
    let output = '';
    worker = spawn(process.execPath, ['-r', './test/support/ts-register.js', 'src/worker.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (d) => (output += d));
    worker.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));

    const names = await eventually(
      () => workerConnections(db.url),
      (n) => n.length > 0,
      60_000,
    );
    expect(names.length).toBeGreaterThan(0);
    expect(output).toContain('Worker running (no HTTP)');
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();

    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(
      await eventually(
        () => workerConnections(db.url),
        (n) => n.length === 0,
      ),
    ).toEqual([]);
  }, 120_000);
});
