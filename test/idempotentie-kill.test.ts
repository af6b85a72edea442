import { Client } from 'pg';
import { createTestDatabase, freePort, type TestDatabase } from './support';
import { kccSleutel, killDiensten } from './support/kill-dienst';

/**
 * IETF draft-ietf-httpapi-idempotency-key-header: a client that lost the reply retries with the same key. Here the
 * service process is really killed (SIGKILL, test/support/kill-voor-antwoord.js) after the intake committed and
 * before a byte of the reply went out; a new process then gets the retry.
 */
describe('Idempotency-Key across a kill -9 between commit and reply', () => {
  let db: TestDatabase;
  const diensten = killDiensten();

  beforeAll(async () => {
    db = await createTestDatabase('idempotentie_kill');
  });
  afterAll(async () => {
    diensten.ruimOp();
    await db?.drop();
  });

  /** Starts src/main.ts as its own process (queue on PostgreSQL, no Redis) and waits until it answers. */
  const start = (port: number, env?: Record<string, string>) => diensten.start(db.url, port, env);

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
    const basis = `http://127.0.0.1:${port}/api/v1`;
    const token = await kccSleutel(db.url);
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
