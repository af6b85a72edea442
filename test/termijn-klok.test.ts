import { KLOK } from '../src/common/klok';
import { termijnJobId, type TermijnJob } from '../src/jobs/queues';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';
import { verschuifbareKlok, type VerschuifbareKlok } from './support/verschuifbare-klok';

/**
 * One "now" for a termijn (src/common/klok.ts): the wake-ups (sweep, scheduler, processor, wake service) ask KLOK whether
 * a termijn is due, as the lists that call it te laat do, never the wall clock. The app runs on a clock months away
 * from the wall clock that can be moved forward; a termijn falls due when that clock passes it, and only then.
 */
const START = new Date('2026-03-10T09:00:00+01:00');
const UUR = 3_600_000;
const MINUUT = 60_000;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('termijn_klok');
});

afterAll(async () => {
  await db?.drop();
});

describe.each([
  ['Redis', false],
  ['PostgreSQL', true],
] as const)('termijn wake-ups ask KLOK, not the wall clock (queue on %s)', (_naam, postgresQueue) => {
  let app: EngineApp;
  let klok: VerschuifbareKlok;

  beforeAll(async () => {
    klok = verschuifbareKlok(START);
    app = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue,
      // Only the explicit sweeps below run; the horizon (two hours) holds a wake-up one hour ahead.
      env: { SWEEP_INTERVAL_MS: '600000', TERMIJN_HORIZON_MS: String(2 * UUR) },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A klacht received now by KLOK; the relay has planned its (six-week) wake-ups before the test moves them. */
  async function maakKlacht(): Promise<string> {
    const { klacht } = await app.engine.create(testIntake(klok.nu().toISOString()), { actor: 'kcc' });
    await app.relay.idle();
    return klacht.id;
  }

  async function zetVervalOp(klachtId: string, op: Date): Promise<{ id: string; revision: number }> {
    const [rijen] = await app.db.query(
      `update termijn set vervalt_op = $2 where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend' returning id, revision`,
      [klachtId, op],
    );
    return rijen[0];
  }

  const verlopen = async (klachtId: string): Promise<number> =>
    (
      await app.db.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN'`, [klachtId])
    )[0].n;

  const outbox = async (klachtId: string, type: string): Promise<Array<{ payload: Record<string, unknown> }>> =>
    app.db.query(`select payload from outbox where klacht_id = $1 and type = $2 order by id`, [klachtId, type]);

  it('a termijn due after KLOK’s now does not fire on a sweep; once the clock has passed it the next sweep fires it exactly once', async () => {
    const id = await maakKlacht();
    const op = new Date(klok.nu().getTime() + UUR);
    const t = await zetVervalOp(id, op);
    const job: TermijnJob = { klachtId: id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' };

    await app.sweep!.sweepOnce();
    // Nor does a wake-up that brings no moment of its own.
    expect(await app.wake.verval(job)).toBe('nog-niet');
    expect(await verlopen(id)).toBe(0);
    expect((await app.db.query(`select state from klacht where id = $1`, [id]))[0].state).toBe('inBehandeling');

    klok.verschuif(UUR + MINUUT);
    await app.sweep!.sweepOnce();
    expect(await verlopen(id)).toBe(1);
    expect((await app.db.query(`select state from klacht where id = $1`, [id]))[0].state).toBe('termijnVerstreken');
    const [rij] = await app.db.query(`select status, verval_gemeld_op from termijn where id = $1`, [t.id]);
    expect(rij.status).toBe('verlopen');
    // Marked fired at KLOK's now, not the wall clock's.
    expect(Math.abs(rij.verval_gemeld_op.getTime() - klok.nu().getTime())).toBeLessThan(MINUUT);
    expect(await outbox(id, 'termijn.verlopen')).toHaveLength(1);
    const escalaties = await outbox(id, 'termijn.escalatie');
    expect(escalaties).toHaveLength(1);
    expect(escalaties[0].payload).toEqual(expect.objectContaining({ naar: 'leidinggevende', naam: 'afhandeling' }));
    expect(await outbox(id, 'intent.COLLEGE_INFORMEREN')).toHaveLength(1);

    await app.sweep!.sweepOnce();
    expect(await verlopen(id)).toBe(1);
    expect(await outbox(id, 'termijn.escalatie')).toHaveLength(1);
  });

  it('a reminder due after KLOK’s now is not sent on a sweep; once the clock has passed it the next sweep sends it exactly once', async () => {
    const id = await maakKlacht();
    const op = new Date(klok.nu().getTime() + UUR);
    const [rijen] = await app.db.query(
      `update termijn set herinneringen = jsonb_set(herinneringen, '{0,op}', to_jsonb($2::text)), volgende_herinnering_op = $3
       where klacht_id = $1 and naam = 'afhandeling' returning id, revision, herinneringen`,
      [id, op.toISOString(), op],
    );
    const t = rijen[0];
    const job: TermijnJob = {
      klachtId: id,
      termijnNaam: 'afhandeling',
      revision: t.revision,
      kind: 'herinnering',
      herinnering: t.herinneringen[0].naam,
    };
    const herinnering = async () => (await app.db.query(`select herinneringen from termijn where id = $1`, [t.id]))[0].herinneringen[0];

    await app.sweep!.sweepOnce();
    expect(await app.wake.herinnering(job)).toBe('nog-niet');
    expect((await herinnering()).verzondenOp).toBeUndefined();
    expect(await outbox(id, 'termijn.herinnering')).toHaveLength(0);

    klok.verschuif(UUR + MINUUT);
    await app.sweep!.sweepOnce();
    const h = await herinnering();
    expect(h.verzondenOp).toBeDefined();
    expect(Math.abs(Date.parse(h.verzondenOp) - klok.nu().getTime())).toBeLessThan(MINUUT);
    expect(await outbox(id, 'termijn.herinnering')).toHaveLength(1);

    await app.sweep!.sweepOnce();
    expect(await outbox(id, 'termijn.herinnering')).toHaveLength(1);
    // The termijn itself (six weeks) is not touched by the clock's hour.
    expect(await verlopen(id)).toBe(0);
  });

  it('a wake-up planned with KLOK one hour before vervaltOp waits about one hour in BullMQ, whatever the wall clock says', async () => {
    const id = await maakKlacht();
    const op = new Date(klok.nu().getTime() + UUR);
    const t = await zetVervalOp(id, op);
    const jobId = termijnJobId({ klachtId: id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' });
    const eenUur = (delay: number | undefined) => {
      expect(delay).toBeGreaterThan(UUR - MINUUT);
      expect(delay).toBeLessThanOrEqual(UUR);
    };

    // As the outbox handler plans it (TermijnScheduler.plan).
    await app.scheduler.herplan(t.id);
    const gepland = await app.scheduler.queue.getJob(jobId);
    expect(gepland && (await gepland.getState())).toBe('delayed');
    eenUur(gepland!.delay);
    // Planning it again leaves the queued job as it is: its moment is the one KLOK gives.
    await app.scheduler.herplan(t.id);
    expect((await app.scheduler.queue.getJob(jobId))!.timestamp).toBe(gepland!.timestamp);

    // As the sweep plans the horizon in bulk (TermijnScheduler.planHorizon), e.g. after Redis lost the job.
    await gepland!.remove();
    await app.sweep!.sweepOnce();
    const opnieuw = await app.scheduler.queue.getJob(jobId);
    expect(opnieuw && (await opnieuw.getState())).toBe('delayed');
    eenUur(opnieuw!.delay);
    expect(await verlopen(id)).toBe(0);
  });

  it('the boot rebuild queues what is due within the horizon by KLOK: one hour ahead with a delay of about an hour, five days ahead nothing', async () => {
    const id = await maakKlacht();
    const t = await zetVervalOp(id, new Date(klok.nu().getTime() + UUR));
    const [contact] = await app.db.query(`select revision from termijn where klacht_id = $1 and naam = 'contact'`, [id]);
    const afhandelingJob = termijnJobId({ klachtId: id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' });
    const contactJob = termijnJobId({ klachtId: id, termijnNaam: 'contact', revision: contact.revision, kind: 'verval' });

    // As on boot (TermijnSweep.onApplicationBootstrap): no moment of its own, so KLOK's.
    await app.scheduler.rebuild();
    const gepland = await app.scheduler.queue.getJob(afhandelingJob);
    expect(gepland && (await gepland.getState())).toBe('delayed');
    expect(gepland!.delay).toBeGreaterThan(UUR - MINUUT);
    expect(gepland!.delay).toBeLessThanOrEqual(UUR);
    // The contact termijn (five days by KLOK, long past by the wall clock) stays a row in PostgreSQL (ADR 0006).
    expect(await app.scheduler.queue.getJob(contactJob)).toBeUndefined();
  });

  it('a wake-up job BullMQ delivers before KLOK reaches vervaltOp does nothing and sleeps until KLOK gets there; after it, a job fires it', async () => {
    const id = await maakKlacht();
    const op = new Date(klok.nu().getTime() + UUR);
    const t = await zetVervalOp(id, op);
    const job: TermijnJob = { klachtId: id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' };

    // Delivered now (as a duplicate or early delivery would be): the processor asks KLOK, which says one hour to go.
    const vroeg = `${termijnJobId(job)}.vroeg`;
    await app.scheduler.queue.add('verval', job, { jobId: vroeg });
    const geslapen = await waitFor(
      'the early job back in delayed',
      async () => {
        const j = await app.scheduler.queue.getJob(vroeg);
        return j && (await j.getState()) === 'delayed' && j;
      },
      20_000,
      50,
    );
    expect(geslapen.delay).toBeGreaterThan(UUR - MINUUT);
    expect(geslapen.delay).toBeLessThanOrEqual(UUR);
    expect(await verlopen(id)).toBe(0);

    klok.verschuif(UUR + MINUUT);
    await app.scheduler.queue.add('verval', job, { jobId: `${termijnJobId(job)}.laat` });
    await waitFor('TERMIJN_VERLOPEN by the job', async () => (await verlopen(id)) === 1, 20_000, 50);
    expect((await app.db.query(`select state from klacht where id = $1`, [id]))[0].state).toBe('termijnVerstreken');
    expect(await outbox(id, 'termijn.escalatie')).toHaveLength(1);
  });
});
