import IORedis from 'ioredis';
import { Client } from 'pg';
import {
  createTestDatabase,
  deleteRedisPrefix,
  startPrivateRedis,
  uniqueRedisPrefix,
  type PrivateRedis,
  type TestDatabase,
} from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';
import { termijnJobId } from '../src/jobs/queues';

/**
 * Termijnen through BullMQ: delayed wake-ups with deterministic ids, re-reading PostgreSQL,
 * with the sweep and the boot rebuild as the safety net when the queue loses jobs.
 * The test regime's afhandeling termijn is six weeks; tests bring its due instant (`vervalt_op`,
 * derived from the vervaldatum) to within seconds and reschedule, as an operator could.
 */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('termijnen');
});

afterAll(async () => {
  await db?.drop();
});

async function maakKlacht(app: EngineApp): Promise<string> {
  const { klacht } = await app.engine.create(testIntake(), { actor: 'kcc' });
  // Let the after-commit relay schedule the six-week wake-ups first, so nothing overwrites ours.
  await app.relay.idle();
  return klacht.id;
}

async function zetVervalOp(app: EngineApp, klachtId: string, op: Date, herplan = true): Promise<string> {
  const [t] = await app.db.query(
    `update termijn set vervalt_op = $2 where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend' returning id`,
    [klachtId, op],
  );
  const id = t[0].id as string;
  if (herplan) await app.scheduler.herplan(id);
  return id;
}

const state = async (app: EngineApp, id: string): Promise<string> =>
  (await app.db.query(`select state from klacht where id = $1`, [id]))[0].state;

describe.each([
  ['Redis', false],
  ['PostgreSQL', true],
] as const)('termijn wake-ups with the queue on %s', (_naam, postgresQueue) => {
  let app: EngineApp;

  beforeAll(async () => {
    // The sweep is far away: what fires here is the delayed job.
    app = await createEngineApp({ databaseUrl: db.url, postgresQueue, env: { SWEEP_INTERVAL_MS: '600000' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a termijn fires its event at the due time', async () => {
    const id = await maakKlacht(app);
    const due = new Date(Date.now() + 2_000);
    await zetVervalOp(app, id, due);
    expect(await state(app, id)).toBe('inBehandeling');
    await waitFor('TERMIJN_VERLOPEN applied', async () => (await state(app, id)) === 'termijnVerstreken', 20_000, 50);
    const [g] = await app.db.query(
      `select actor, at, recorded_at, payload from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN'`,
      [id],
    );
    expect(g.actor).toBe('systeem');
    expect(g.payload).toEqual({ termijn: 'afhandeling' });
    expect(g.at.getTime()).toBe(due.getTime());
    // Not before its moment, and without waiting for the sweep.
    expect(g.recorded_at.getTime()).toBeGreaterThanOrEqual(due.getTime());
    expect(g.recorded_at.getTime() - due.getTime()).toBeLessThan(10_000);
    const outbox = await app.db.query(`select type, payload from outbox where klacht_id = $1 order by id`, [id]);
    expect(outbox.find((o: { type: string }) => o.type === 'termijn.escalatie')?.payload).toEqual(
      expect.objectContaining({ naar: 'leidinggevende', naam: 'afhandeling' }),
    );
    expect(outbox.map((o: { type: string }) => o.type)).toEqual(expect.arrayContaining(['termijn.verlopen', 'intent.COLLEGE_INFORMEREN']));
    const [t] = await app.db.query(`select status, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'afhandeling'`, [id]);
    expect(t.status).toBe('verlopen');
    expect(t.verval_gemeld_op).not.toBeNull();
  });

  it('a reminder fires once even when its job is added twice', async () => {
    const id = await maakKlacht(app);
    const op = new Date(Date.now() + 1_500);
    const [rij] = await app.db.query(
      `update termijn set herinneringen = jsonb_set(herinneringen, '{0,op}', to_jsonb($2::text)), volgende_herinnering_op = $3
       where klacht_id = $1 and naam = 'afhandeling' returning id, revision, herinneringen`,
      [id, op.toISOString(), op],
    );
    const t = rij[0];
    const job = {
      klachtId: id,
      termijnNaam: 'afhandeling',
      revision: t.revision as number,
      kind: 'herinnering' as const,
      herinnering: t.herinneringen[0].naam as string,
    };
    await app.scheduler.plan(job, op);
    await app.scheduler.plan(job, op);
    // And a duplicate under another id (as a second delivery would be): the database decides.
    await app.scheduler.queue.add('herinnering', job, { jobId: `${termijnJobId(job)}.dubbel`, delay: op.getTime() - Date.now() });
    await waitFor(
      'reminder marked sent',
      async () => {
        const [r] = await app.db.query(`select herinneringen from termijn where id = $1`, [t.id]);
        return Boolean(r.herinneringen[0].verzondenOp);
      },
      20_000,
      50,
    );
    await waitFor(
      'both jobs done',
      async () => {
        const c = await app.scheduler.queue.getJobCounts('delayed', 'waiting', 'active');
        const [eigen] = await Promise.all([
          app.scheduler.queue.getJob(termijnJobId(job)),
          app.scheduler.queue.getJob(`${termijnJobId(job)}.dubbel`),
        ]);
        return !eigen && c.active === 0 && c.waiting === 0;
      },
      20_000,
      50,
    );
    const [{ n }] = await app.db.query(`select count(*)::int as n from outbox where klacht_id = $1 and type = 'termijn.herinnering'`, [id]);
    expect(n).toBe(1);
    const [r] = await app.db.query(`select volgende_herinnering_op from termijn where id = $1`, [t.id]);
    expect(r.volgende_herinnering_op).toBeNull();
  });
});

describe('the queue can lose everything: PostgreSQL is the source of truth', () => {
  it('after Redis FLUSHALL every pending termijn still fires', async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    const app = await createEngineApp({ databaseUrl: db.url, redisUrl: redis.url, env: { SWEEP_INTERVAL_MS: '300' } });
    try {
      const ids = [await maakKlacht(app), await maakKlacht(app), await maakKlacht(app)];
      for (const id of ids) await zetVervalOp(app, id, new Date(Date.now() + 1_000));
      const client = new IORedis(redis.url);
      expect(await client.flushall()).toBe('OK');
      expect(await app.scheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
      client.disconnect();
      await waitFor(
        'all three fired after FLUSHALL',
        async () => (await Promise.all(ids.map((id) => state(app, id)))).every((s) => s === 'termijnVerstreken'),
        20_000,
      );
      const [{ n }] = await app.db.query(
        `select count(*)::int as n from klacht_gebeurtenis where klacht_id = any($1) and type = 'TERMIJN_VERLOPEN'`,
        [ids],
      );
      expect(n).toBe(3);
    } finally {
      await app.close();
      await redis.stop();
    }
  });

  it('after a restart of the service every pending termijn still fires', async () => {
    const prefix = uniqueRedisPrefix('restart');
    const eerste = await createEngineApp({ databaseUrl: db.url, queuePrefix: prefix, env: { SWEEP_INTERVAL_MS: '600000' } });
    const ids = [await maakKlacht(eerste), await maakKlacht(eerste), await maakKlacht(eerste)];
    await eerste.close();
    try {
      // While the service is down: one termijn passes, two come due soon after the restart.
      const c = new Client({ connectionString: db.url });
      await c.connect();
      await c.query(`update termijn set vervalt_op = now() - interval '1 second' where klacht_id = $1 and naam = 'afhandeling'`, [ids[0]]);
      await c.query(`update termijn set vervalt_op = now() + interval '3 seconds' where klacht_id = any($1) and naam = 'afhandeling'`, [
        ids.slice(1),
      ]);
      await c.end();
      // The sweep is ten minutes away: the boot rebuild must move the queued six-week jobs.
      const tweede = await createEngineApp({ databaseUrl: db.url, queuePrefix: prefix, env: { SWEEP_INTERVAL_MS: '600000' } });
      try {
        await waitFor(
          'all three fired after restart',
          async () => (await Promise.all(ids.map((id) => state(tweede, id)))).every((s) => s === 'termijnVerstreken'),
          20_000,
        );
      } finally {
        await tweede.close();
      }
    } finally {
      await deleteRedisPrefix(prefix);
    }
  });
});

describe('ADR 0006: the queue holds the wake-ups within the horizon, PostgreSQL the rest', () => {
  it('a termijn due beyond the horizon gets no job; the sweep queues it once it comes within the horizon', async () => {
    const prefix = uniqueRedisPrefix('horizon');
    // Horizon one hour (the default), sweep far away: only the explicit sweep below queues anything.
    const app = await createEngineApp({ databaseUrl: db.url, queuePrefix: prefix, env: { SWEEP_INTERVAL_MS: '600000' } });
    try {
      const id = await maakKlacht(app);
      const [t] = await app.db.query(`select id, revision from termijn where klacht_id = $1 and naam = 'afhandeling'`, [id]);
      const jobId = `${id}.afhandeling.${t.revision}.verval`;
      // Six weeks ahead: the row is the only record of the wake-up.
      expect(await app.scheduler.queue.getJob(jobId)).toBeUndefined();
      const op = new Date(Date.now() + 30 * 60_000);
      await zetVervalOp(app, id, op, false);
      await app.sweep!.sweepOnce();
      const job = await app.scheduler.queue.getJob(jobId);
      expect(job && (await job.getState())).toBe('delayed');
      expect(Math.abs(job!.timestamp + (job!.delay ?? 0) - op.getTime())).toBeLessThan(2_000);
    } finally {
      await app.close();
      await deleteRedisPrefix(prefix);
    }
  });
});

describe('one broken klacht does not hold up the others', () => {
  it('the sweep still fires every other due termijn when one klacht cannot be woken', async () => {
    const prefix = uniqueRedisPrefix('gifpil');
    const app = await createEngineApp({ databaseUrl: db.url, queuePrefix: prefix, env: { SWEEP_INTERVAL_MS: '600000' } });
    try {
      const kapot = await maakKlacht(app);
      const goed = await maakKlacht(app);
      // Both due while no job is queued (as after lost Redis data); the broken one comes first in the sweep's order.
      await zetVervalOp(app, kapot, new Date(Date.now() - 60_000), false);
      await zetVervalOp(app, goed, new Date(Date.now() - 1_000), false);
      await app.db.query(`update klacht set snapshot = '{}'::jsonb where id = $1`, [kapot]);
      await app.sweep!.sweepOnce();
      expect(await state(app, goed)).toBe('termijnVerstreken');
      // The broken klacht is not marked as fired: it stays due, so it is retried once repaired.
      const [t] = await app.db.query(`select verval_gemeld_op from termijn where klacht_id = $1 and naam = 'afhandeling'`, [kapot]);
      expect(t.verval_gemeld_op).toBeNull();
    } finally {
      await app.close();
      await deleteRedisPrefix(prefix);
    }
  });
});
