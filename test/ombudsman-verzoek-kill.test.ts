import { createTestDatabase, freePort, sqlOp, type TestDatabase } from './support';
import { kccSleutel, killDiensten } from './support/kill-dienst';

/**
 * Awb 9.2 and IETF draft-ietf-httpapi-idempotency-key-header: the service process is really killed (SIGKILL,
 * test/support/kill-voor-antwoord.js) after it took an ombudsman request and before a byte of the reply went out. The
 * client's retry with the same key, to a new process, gets the sub-klacht that was made: never a second one.
 */
describe('an ombudsman request across a kill -9 between commit and reply', () => {
  let db: TestDatabase;
  const diensten = killDiensten();

  beforeAll(async () => {
    db = await createTestDatabase('ombudsman_kill');
  });
  afterAll(async () => {
    diensten.ruimOp();
    await db?.drop();
  });

  /** Starts src/main.ts as its own process (queue on PostgreSQL, no Redis) and waits until it answers. */
  const start = (port: number, env?: Record<string, string>) => diensten.start(db.url, port, env);
  const stop = diensten.stop;

  it('Awb 9.2: a process killed after it took an ombudsman request: the retry with the same key returns that sub-klacht, and no second one exists', async () => {
    const port = await freePort();
    const basis = `http://127.0.0.1:${port}/api/v1`;
    const eerste = await start(port);
    const token = await kccSleutel(db.url);
    // Moments relative to the service's clock (a process of its own: no injected clock); nothing here depends on the date.
    const dag = 24 * 3600_000;
    const k = await fetch(`${basis}/klachten`, {
      method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        gemeente: 'GM0363',
        kanaal: 'brief',
        ontvangenOp: new Date(Date.now() - 2 * dag).toISOString(),
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Huishoudelijke hulp kwam drie keer niet',
        aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
        feiten: { complex: true },
      }),
    });
    expect(k.status).toBe(201);
    const hoofd = ((await k.json()) as { id: string }).id;
    await stop(eerste.proces);

    const pad = `/api/v1/klachten/${hoofd}/ombudsman-verzoeken`;
    const tweede = await start(port, { KILL_VOOR_ANTWOORD: `POST ${pad}` });
    const headers = { Authorization: token, 'Content-Type': 'application/json', 'Idempotency-Key': 'ombudsman-kill-0001' };
    const body = JSON.stringify({ soort: 'informatievraag', ontvangenOp: new Date(Date.now() - dag).toISOString() });
    const gestopt = new Promise((r) => tweede.proces.once('exit', (_code, signaal) => r(signaal)));
    await expect(fetch(`http://127.0.0.1:${port}${pad}`, { method: 'POST', headers, body })).rejects.toThrow();
    expect(await gestopt).toBe('SIGKILL');
    const subs = () => sqlOp<{ sub: string }>(db.url, 'SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd]);
    // The request had been taken: its sub-klacht is there, once, linked.
    expect(await subs()).toHaveLength(1);

    // A new process (no fault) gets the client's retry at once: the request as taken, not a second sub-klacht.
    await start(port);
    const retry = await fetch(`http://127.0.0.1:${port}${pad}`, { method: 'POST', headers, body });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const antwoord = (await retry.json()) as { klachtId: string; gebeurtenisHoofdKlacht: string | null };
    const [gekoppeld] = await subs();
    expect((await subs()).length).toBe(1);
    expect(antwoord.klachtId).toBe(gekoppeld.sub);
    const klachten = await sqlOp<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM klacht WHERE ingediend_bij = 'ombudsman'`);
    expect(klachten[0].n).toBe(1);
    // Its answer about the hoofdklacht's event is what the hoofdklacht holds.
    const stappen = await sqlOp(db.url, `SELECT 1 FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'OMBUDSMAN_INFORMATIEVRAAG'`, [
      hoofd,
    ]);
    expect(antwoord.gebeurtenisHoofdKlacht).toBe(stappen.length === 1 ? 'OMBUDSMAN_INFORMATIEVRAAG' : null);
  }, 300_000);
});
