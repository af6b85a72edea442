/**
 * A reminder (`herinneringen`) lives in PostgreSQL (the termijn row, `volgende_herinnering_op`); Redis holds only its
 * delayed job (docs/adr/0004-durable-klacht-engine.md, ADR 0006). After Redis lost everything (FLUSHALL), the sweep and
 * the rebuild put back what is due from the rows: a pending reminder still comes, once, and one already sent does not
 * come again (Awb 9:11: a reminder is there so the termijn can still be met; a second one is noise).
 *
 * A private Redis server (FLUSHALL never touches the shared one), the test regime, a worker with a short sweep.
 */
import IORedis from 'ioredis';
import { createTestDatabase, startPrivateRedis, type PrivateRedis, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';

let db: TestDatabase;
let redis: PrivateRedis;
let app: EngineApp;

beforeAll(async () => {
  db = await createTestDatabase('herinnering_tijd_redis');
  redis = await startPrivateRedis();
  app = await createEngineApp({ databaseUrl: db.url, redisUrl: redis.url, env: { SWEEP_INTERVAL_MS: '300' } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await redis?.stop();
  await db?.drop();
});

/** A klacht whose afhandeling reminder is due at `op` (as an operator could set it), sent already when `verzonden`. */
async function klachtMetHerinnering(op: Date, verzonden?: Date): Promise<string> {
  const { klacht } = await app.engine.create(testIntake(), { actor: 'kcc' });
  await app.relay.idle();
  const rij = { op: op.toISOString(), ...(verzonden ? { verzondenOp: verzonden.toISOString() } : {}) };
  await app.db.query(
    `update termijn set herinneringen = jsonb_set(herinneringen, '{0}', herinneringen->0 || $2::jsonb), volgende_herinnering_op = $3
      where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id, JSON.stringify(rij), verzonden ? null : op],
  );
  return klacht.id;
}

const verzonden = async (id: string): Promise<number> =>
  (
    (await app.db.query(`select count(*)::int as n from outbox where klacht_id = $1 and type = 'termijn.herinnering'`, [id])) as Array<{
      n: number;
    }>
  )[0].n;

it('Awb 9:11: after Redis FLUSHALL a pending reminder is rebuilt from PostgreSQL and sent once; one already sent is not sent again', async () => {
  const nu = Date.now();
  const open = await klachtMetHerinnering(new Date(nu + 1_500));
  const al = await klachtMetHerinnering(new Date(nu - 60_000), new Date(nu - 30_000));
  await app.scheduler.rebuild();
  const client = new IORedis(redis.url);
  try {
    expect(await client.flushall()).toBe('OK');
  } finally {
    client.disconnect();
  }
  expect(await app.scheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  await waitFor('the pending reminder sent after FLUSHALL', async () => (await verzonden(open)) > 0, 20_000);
  // Several sweeps and a rebuild later: still once, and nothing for the one sent before.
  await app.scheduler.rebuild();
  await new Promise((r) => setTimeout(r, 1_500));
  expect([await verzonden(open), await verzonden(al)]).toEqual([1, 0]);
  const [rij] = (await app.db.query(`select volgende_herinnering_op from termijn where klacht_id = $1 and naam = 'afhandeling'`, [
    open,
  ])) as Array<{ volgende_herinnering_op: Date | null }>;
  expect(rij.volgende_herinnering_op).toBeNull();
});
