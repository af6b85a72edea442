import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { createTestDatabase, freePort, type TestDatabase, sqlOp } from './support';
import { startDienst, type DienstProces } from './support/dienst-proces';
import { startRedisCluster, type TestRedisCluster } from './support/redis-cluster';

/**
 * Scale-out (docs/architecture.md §7, "Beyond one machine"): two API processes and two worker processes,
 * each a real node process, against one PostgreSQL and one queue: a 3-master Redis Cluster (BullMQ with a
 * hash-tagged prefix) and, the same test, BullMQ's PostgreSQL backend. PostgreSQL is the judge: every
 * termijn that falls due fires exactly once (no lost and no duplicate wake-up), and concurrent events on one
 * klacht through different API processes all land, in one ordered history (no lost update).
 */
const root = join(__dirname, '..');

const sql = sqlOp;

const intake = (onderwerp: string, ontvangenOp: Date) => ({
  gemeente: 'GM0363',
  kanaal: 'webformulier',
  ontvangenOp: ontvangenOp.toISOString(),
  ingediendBij: 'gemeente',
  soort: 'klacht',
  onderwerp,
  // Amsterdam §5B: two ketenpartners, so the gemeente handles it (its termijnen run at the gemeente).
  aanbieders: [
    { id: 'zorg-noord', type: 'wmo' },
    { id: 'zorg-zuid', type: 'wmo' },
  ],
  feiten: {},
});

describe.each([
  ['Redis Cluster (3 masters)', 'redis-cluster'],
  ['PostgreSQL queue backend', 'postgres'],
] as const)('scale-out: 2 API and 2 worker processes on %s', (_naam, backend) => {
  let db: TestDatabase;
  let cluster: TestRedisCluster | undefined;
  let token: string;
  const apis: Array<DienstProces & { basis: string }> = [];
  const workers: DienstProces[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(`schaal_${backend.replace('-', '_')}`);
    if (backend === 'redis-cluster') cluster = await startRedisCluster(3);
    env = {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '6',
      // Only the queue delivers wake-ups here (the sweep's timer would hide a lost one); its boot rebuild still runs.
      SWEEP_INTERVAL_MS: '3600000',
      QUEUE_PREFIX: `kr-schaal-${randomBytes(3).toString('hex')}`,
      ...(cluster ? { REDIS_CLUSTER_NODES: cluster.nodes } : {}),
    };
    const uit: string[] = [];
    const code = await runCli(['sleutel', 'uitgeven', '--gemeente', 'GM0363', '--rol', 'klachtbehandelaar', '--naam', 'schaal', '--json'], {
      out: (l) => uit.push(l),
      err: () => undefined,
      cwd: root,
      env: { DATABASE_URL: db.url, DEFINITIONS_DIR: join(root, 'definitions') },
    });
    expect(code).toBe(0);
    token = `Bearer ${(JSON.parse(uit.join('')) as { sleutel: string }).sleutel}`;
    const poorten = [await freePort(), await freePort()];
    const gestart = await Promise.all(poorten.map((p) => startDienst('src/main.ts', { ...env, ROLE: 'api', LOG_LEVEL: 'warn' }, p)));
    gestart.forEach((d, i) => apis.push({ ...d, basis: `http://127.0.0.1:${poorten[i]}/api/v1` }));
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((d) => d.stop()));
    await cluster?.stop();
    await db?.drop();
  }, 60_000);

  const post = (i: number, pad: string, body: unknown) =>
    fetch(`${apis[i % apis.length].basis}${pad}`, {
      method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('every termijn that falls due fires exactly once: no lost and no duplicate wake-up (counted in PostgreSQL)', async () => {
    const aantal = 16;
    // Received 60 days ago: their afhandeltermijn (Awb 9:11, six weeks) has passed; each wake-up is due at once.
    const ontvangen = new Date(Date.now() - 60 * 86_400_000);
    const antwoorden = await Promise.all(
      Array.from({ length: aantal }, (_, i) => post(i, '/klachten', intake(`schaal wake ${i}`, ontvangen))),
    );
    expect(antwoorden.map((r) => r.status)).toEqual(Array(aantal).fill(201));
    const [{ due }] = await sql<{ due: number }>(
      db.url,
      `select count(*)::int as due from termijn where status = 'lopend' and verval_gemeld_op is null and vervalt_op <= now()`,
    );
    expect(due).toBeGreaterThanOrEqual(aantal);

    // The workers start after the API processes queued the wake-ups; both rebuild them at boot (same job ids).
    workers.push(...(await Promise.all([0, 1].map(() => startDienst('src/worker.ts', { ...env, ROLE: 'worker', LOG_LEVEL: 'log' })))));
    const tot = Date.now() + 120_000;
    for (;;) {
      const [{ open }] = await sql<{ open: number }>(
        db.url,
        `select count(*)::int as open from termijn where status = 'lopend' and verval_gemeld_op is null and vervalt_op <= now()`,
      );
      if (open === 0) break;
      if (Date.now() > tot)
        throw new Error(`${open} due termijn(en) never fired (lost wake-up)\n${workers.map((w) => w.uitvoer()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Let any duplicate delivery still in flight land before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const gevuurd = await sql<{ klacht_id: string; naam: string; n: number }>(
      db.url,
      `select g.klacht_id, g.payload->>'termijn' as naam, count(*)::int as n from klacht_gebeurtenis g join klacht k on k.id = g.klacht_id
        where g.type = 'TERMIJN_VERLOPEN' and k.onderwerp like 'schaal wake %' group by 1, 2`,
    );
    expect(new Set(gevuurd.map((g) => g.klacht_id)).size).toBe(aantal);
    expect(gevuurd.filter((g) => g.n !== 1)).toEqual([]);
    const effecten = await sql<{ termijn: string; revision: string; n: number }>(
      db.url,
      `select payload->>'termijnId' as termijn, payload->>'revision' as revision, count(*)::int as n from outbox
        where type = 'termijn.verlopen' group by 1, 2`,
    );
    const [{ gemeld }] = await sql<{ gemeld: number }>(
      db.url,
      `select count(*)::int as gemeld from termijn where verval_gemeld_op is not null`,
    );
    expect(effecten.filter((e) => e.n !== 1)).toEqual([]);
    expect(effecten).toHaveLength(gemeld);
  }, 300_000);

  it('concurrent events on one klacht through both API processes all land, in one ordered history (no lost update)', async () => {
    const nu = Date.now();
    const res = await post(0, '/klachten', intake('schaal lost update', new Date(nu - 120_000)));
    expect(res.status).toBe(201);
    const { id, version } = (await res.json()) as { id: string; version: number };
    const n = 24;
    // Same moment for all: the regime takes them in any order (none lies before the klacht's clock).
    const at = new Date(nu - 60_000).toISOString();
    const antwoorden = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        post(i, `/klachten/${id}/gebeurtenissen`, { type: 'BESTUURLIJKE_IMPACT_MELDEN', at, data: { reden: `melding ${i}` } }),
      ),
    );
    expect(antwoorden.map((r) => r.status)).toEqual(Array(n).fill(200));
    const historie = await sql<{ id: string; type: string; reden: string | null; at: Date }>(
      db.url,
      `select id, type, payload->>'reden' as reden, at from klacht_gebeurtenis where klacht_id = $1 order by id`,
      [id],
    );
    const meldingen = historie.filter((h) => h.type === 'BESTUURLIJKE_IMPACT_MELDEN');
    expect(meldingen.map((h) => h.reden).sort()).toEqual(Array.from({ length: n }, (_, i) => `melding ${i}`).sort());
    expect(historie.map((h) => h.at.getTime())).toEqual([...historie.map((h) => h.at.getTime())].sort((a, b) => a - b));
    const [klacht] = await sql<{ version: number; snapshot: { context?: { nu?: string; intents?: unknown[] } } }>(
      db.url,
      `select version, snapshot from klacht where id = $1`,
      [id],
    );
    // Every step bumped the version it read under the row lock: N steps, N increments.
    expect(klacht.version).toBe(version + n);
    // One college intent per melding in the outbox: none was overwritten by a concurrent step.
    const [{ intents }] = await sql<{ intents: number }>(
      db.url,
      `select count(*)::int as intents from outbox where klacht_id = $1 and type = 'intent.COLLEGE_INFORMEREN'`,
      [id],
    );
    expect(intents).toBe(n);
  }, 120_000);

  it('one transition raced through both API processes is taken exactly once; the others see the new state (409), none overwrites it', async () => {
    const nu = Date.now();
    const res = await post(1, '/klachten', intake('schaal race', new Date(nu - 120_000)));
    expect(res.status).toBe(201);
    const { id, version } = (await res.json()) as { id: string; version: number };
    const n = 12;
    const at = new Date(nu - 60_000).toISOString();
    const antwoorden = await Promise.all(
      Array.from({ length: n }, (_, i) => post(i, `/klachten/${id}/gebeurtenissen`, { type: 'FORMELE_BEHANDELING', at })),
    );
    const statussen = antwoorden.map((r) => r.status).sort();
    expect(statussen).toEqual([200, ...Array(n - 1).fill(409)]);
    const [{ stappen }] = await sql<{ stappen: number }>(
      db.url,
      `select count(*)::int as stappen from klacht_gebeurtenis where klacht_id = $1 and type = 'FORMELE_BEHANDELING'`,
      [id],
    );
    expect(stappen).toBe(1);
    const [klacht] = await sql<{ version: number }>(db.url, `select version from klacht where id = $1`, [id]);
    expect(klacht.version).toBe(version + 1);
  }, 120_000);
});
