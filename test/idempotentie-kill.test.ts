import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, freePort, type TestDatabase } from './support';

/**
 * IETF draft-ietf-httpapi-idempotency-key-header: a client that lost the reply retries with the same key. Here the
 * service process is really killed (SIGKILL, test/support/kill-voor-antwoord.js) after the intake committed and
 * before a byte of the reply went out; a new process then gets the retry.
 */
const root = join(__dirname, '..');

describe('Idempotency-Key across a kill -9 between commit and reply', () => {
  let db: TestDatabase;
  let dienst: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('idempotentie_kill');
  });
  afterAll(async () => {
    if (dienst && dienst.exitCode === null && dienst.signalCode === null) dienst.kill('SIGKILL');
    await db?.drop();
  });

  /** Starts src/main.ts as its own process (queue on PostgreSQL, no Redis) and waits until it answers. */
  async function start(port: number, env: Record<string, string> = {}): Promise<{ proces: ChildProcess; uitvoer: () => string }> {
    let uitvoer = '';
    const proces = spawn(
      process.execPath,
      ['-r', './test/support/ts-register.js', '-r', './test/support/kill-voor-antwoord.js', 'src/main.ts'],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    proces.stdout!.on('data', (d) => (uitvoer += d));
    proces.stderr!.on('data', (d) => (uitvoer += d));
    dienst = proces;
    const tot = Date.now() + 90_000;
    for (;;) {
      if (proces.exitCode !== null) throw new Error(`the service stopped during start:\n${uitvoer}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { proces, uitvoer: () => uitvoer };
      if (Date.now() > tot) throw new Error(`the service did not start in 90 s:\n${uitvoer}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  const aantal = async (onderwerp: string): Promise<number> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query('select count(*)::int as n from klacht where onderwerp = $1', [onderwerp])).rows[0].n;
    } finally {
      await c.end();
    }
  };

  it('a process killed between commit and reply: the retry with the same key returns the first klacht, and no second klacht exists', async () => {
    const port = await freePort();
    const eerste = await start(port, { KILL_VOOR_ANTWOORD: 'POST /api/v1/klachten' });
    // The first start prints one beheerder key per gemeente, once.
    // (as a JSON log line when stdout is not a terminal, or in the banner)
    const beheerder = /GM0363[^\n]*?(kr_[A-Za-z0-9_-]+)/.exec(eerste.uitvoer())?.[1];
    expect(beheerder).toBeDefined();
    const basis = `http://127.0.0.1:${port}/api/v1`;
    const sleutel = await fetch(`${basis}/api-sleutels`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${beheerder}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ naam: 'KCC', rol: 'klachtbehandelaar' }),
    });
    expect(sleutel.status).toBe(201);
    const token = `Bearer ${((await sleutel.json()) as { sleutel: string }).sleutel}`;
    const intake = JSON.stringify({
      gemeente: 'GM0363',
      kanaal: 'webformulier',
      ontvangenOp: new Date(Date.now() - 60_000).toISOString(),
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'kill-9 tussen commit en antwoord',
      aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
      feiten: {},
    });
    const headers = { Authorization: token, 'Content-Type': 'application/json', 'Idempotency-Key': 'kcc-2026-0001' };
    const gestopt = new Promise((r) => eerste.proces.once('exit', (_code, signaal) => r(signaal)));
    await expect(fetch(`${basis}/klachten`, { method: 'POST', headers, body: intake })).rejects.toThrow();
    expect(await gestopt).toBe('SIGKILL');
    // The intake had committed: the klacht is there, once.
    expect(await aantal('kill-9 tussen commit en antwoord')).toBe(1);

    // A new process (no fault) gets the client's retry at once: the first result, not a second klacht.
    await start(port);
    const retry = await fetch(`${basis}/klachten`, { method: 'POST', headers, body: intake });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('select id from klacht where onderwerp = $1', ['kill-9 tussen commit en antwoord']);
    await c.end();
    expect(rows).toHaveLength(1);
    expect(((await retry.json()) as { id: string }).id).toBe(rows[0].id);
  }, 240_000);
});
