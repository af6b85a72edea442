import type { Job } from 'bullmq';
import { QUEUE_SETTINGS, type QueueSettings } from '../src/jobs/queue-backend';
import type { TermijnJob } from '../src/jobs/queues';
import { dagVan } from '../src/modules/termijnen/termijn-tijd';
import { TermijnProcessor } from '../src/modules/termijnen/termijn.processor';
import { TermijnSweep } from '../src/modules/termijnen/termijn-sweep.service';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

/**
 * Catch-up in order (issue 10 "Time and truth"): when several termijnen of one klacht are overdue
 * at once, they reach the regime in the order they passed, whatever order the queue or the sweep
 * delivers their wake-ups in, and none is left running. Run with the real Amsterdam definition,
 * whose machine refuses an event earlier than the klacht's previous one.
 */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('termijnen_inhalen');
});

afterAll(async () => {
  await db?.drop();
});

const DAG_MS = 24 * 3600 * 1000;

/**
 * A klacht received at the Amsterdam Klachtenteam about 500 days ago and only registered now
 * (backdated intake), whose formal handling was also registered late, the day after receipt:
 * Awb 9:8 lid 3 (kennisgeving niet-behandelen, 4 weeks) and Awb 9:11 (afhandeling, 6 weeks) have
 * both passed, and the year for the ombudsman (Awb 9:24), which starts when the afhandeltermijn
 * passes, has passed too. Three overdue termijnen.
 */
async function achterstalligeKlacht(app: EngineApp): Promise<string> {
  const dag = dagVan(new Date(Date.now() - 500 * DAG_MS));
  const { klacht } = await app.engine.create(
    {
      gemeente: 'GM0363',
      kanaal: 'brief',
      ontvangenOp: `${dag}T10:00:00Z`,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'Geen reactie op mijn aanvraag',
      aanbieders: [],
      feiten: { gerichtAan: 'gemeente' },
    },
    { actor: 'kcc' },
  );
  await app.engine.apply(klacht.id, { type: 'FORMELE_BEHANDELING', at: `${dag}T11:00:00Z` }, { actor: 'behandelaar' });
  await app.relay.idle();
  return klacht.id;
}

describe.each([
  ['Redis', false],
  ['PostgreSQL', true],
] as const)('catch-up in order with the queue on %s', (_naam, postgresQueue) => {
  let app: EngineApp;
  let processor: TermijnProcessor;
  let sweep: TermijnSweep;

  beforeAll(async () => {
    // An API-only process: nothing consumes the queue, so the test decides in which order the
    // queued wake-ups are delivered (by the real processor, as a worker would).
    app = await createEngineApp({ databaseUrl: db.url, postgresQueue, regimes: 'definities', env: { ROLE: 'api' } });
    processor = new TermijnProcessor(app.app.get<QueueSettings>(QUEUE_SETTINGS), app.db, app.wake);
    sweep = new TermijnSweep(app.config, app.db, app.wake, app.scheduler, app.relay);
  });

  afterAll(async () => {
    await app?.close();
  });

  const vervalJobs = async (klachtId: string): Promise<Job<TermijnJob>[]> =>
    (await app.scheduler.queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (j) => j?.data.klachtId === klachtId && j.data.kind === 'verval',
    );

  it('a backdated intake with three overdue termijnen: all fire in due order, none is left running, whatever order the wake-ups arrive in', async () => {
    const id = await achterstalligeKlacht(app);
    const termijnen = async () =>
      (await app.db.query(
        `select naam, status, revision, vervalt_op, verval_gemeld_op from termijn where klacht_id = $1 order by vervalt_op, naam`,
        [id],
      )) as Array<{
        naam: string;
        status: string;
        revision: number;
        vervalt_op: Date;
        verval_gemeld_op: Date | null;
      }>;
    const start = await termijnen();
    expect(start.map((t) => [t.naam, t.status])).toEqual([
      ['nietBehandelenKennisgeving', 'lopend'],
      ['afhandeling', 'lopend'],
    ]);
    expect(start.every((t) => t.vervalt_op.getTime() < Date.now())).toBe(true);

    // Both wake-ups are queued; deliver the later one first (as a worker with several jobs may).
    const jobs = await vervalJobs(id);
    expect(jobs.map((j) => j.data.termijnNaam).sort()).toEqual(['afhandeling', 'nietBehandelenKennisgeving']);
    const afhandelingJob = jobs.find((j) => j.data.termijnNaam === 'afhandeling')!;
    const kennisgevingJob = jobs.find((j) => j.data.termijnNaam === 'nietBehandelenKennisgeving')!;
    expect(await processor.process(afhandelingJob)).toBe('verwerkt');
    // The earlier termijn already fired in its turn: its own wake-up is stale and does nothing.
    const outboxVoor = (await app.db.query(`select count(*)::int as n from outbox where klacht_id = $1`, [id]))[0].n;
    expect(await processor.process(kennisgevingJob)).toBe('stale');
    expect((await app.db.query(`select count(*)::int as n from outbox where klacht_id = $1`, [id]))[0].n).toBe(outboxVoor);

    // The expiry of the afhandeltermijn started the ombudsman year (Awb 9:24), itself long overdue:
    // its job was lost, the sweep finds it.
    await app.relay.idle();
    for (const j of await vervalJobs(id)) await j.remove();
    await sweep.sweepOnce();

    const eind = await termijnen();
    expect(eind.map((t) => [t.naam, t.status])).toEqual([
      ['nietBehandelenKennisgeving', 'verlopen'],
      ['afhandeling', 'verlopen'],
      ['tweedeLijnVerzoek', 'verlopen'],
    ]);
    expect(eind.every((t) => t.verval_gemeld_op !== null)).toBe(true);

    const historie = (await app.db.query(`select type, at, payload from klacht_gebeurtenis where klacht_id = $1 order by id`, [
      id,
    ])) as Array<{
      type: string;
      at: Date;
      payload: { termijn?: string };
    }>;
    const verlopen = historie.filter((h) => h.type === 'TERMIJN_VERLOPEN');
    // In due order, each at the moment its termijn passed (the start of the day after its last day).
    expect(verlopen.map((h) => h.payload.termijn)).toEqual(['nietBehandelenKennisgeving', 'afhandeling', 'tweedeLijnVerzoek']);
    expect(verlopen.map((h) => h.at.toISOString())).toEqual(eind.map((t) => t.vervalt_op.toISOString()));
    // The klacht's clock never went back.
    const momenten = historie.map((h) => h.at.getTime());
    expect([...momenten].sort((a, b) => a - b)).toEqual(momenten);

    // Each termijn expired once: one termijn.verlopen each, the escalation of the afhandeltermijn once.
    const outbox = (await app.db.query(
      `select type, payload from outbox where klacht_id = $1 and type in ('termijn.verlopen', 'termijn.escalatie') order by id`,
      [id],
    )) as Array<{
      type: string;
      payload: { naam: string; naar?: string };
    }>;
    expect(outbox.map((o) => `${o.type}:${o.payload.naam}`)).toEqual([
      'termijn.verlopen:nietBehandelenKennisgeving',
      'termijn.verlopen:afhandeling',
      'termijn.escalatie:afhandeling',
      'termijn.verlopen:tweedeLijnVerzoek',
    ]);
    const [k] = await app.db.query(`select state, done from klacht where id = $1`, [id]);
    expect(k).toEqual({ state: 'gemeente.beoordelen', done: false });
  });

  it("an expiry processed after a later event of the klacht carries that event's time, so the regime accepts it and the termijn does not stay running", async () => {
    // Klachtenprotocol Wmo keten Amsterdam §6: afhandeling by the aanbieder within 6 weeks; received 100 days ago.
    const dag = dagVan(new Date(Date.now() - 100 * DAG_MS));
    const { klacht } = await app.engine.create(
      {
        gemeente: 'GM0363',
        kanaal: 'brief',
        ontvangenOp: `${dag}T09:00:00Z`,
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        aanbieders: [{ id: 'zorg-west', type: 'wmo' }],
        feiten: {},
      },
      { actor: 'aanbieder' },
    );
    // The contact is registered now, before any wake-up ran: the klacht's clock is now past both due moments.
    const contactOp = new Date().toISOString();
    await app.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: contactOp }, { actor: 'aanbieder' });
    await app.relay.idle();
    const job = (await vervalJobs(klacht.id)).find((j) => j.data.termijnNaam === 'aanbiederAfhandeling');
    expect(await processor.process(job!)).toBe('verwerkt');
    const verlopen = await app.db.query(`select at from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN'`, [
      klacht.id,
    ]);
    expect(verlopen.map((v: { at: Date }) => v.at.toISOString())).toEqual([contactOp]);
    const rijen = await app.db.query(`select naam, status from termijn where klacht_id = $1 order by naam`, [klacht.id]);
    expect(rijen).toEqual([
      { naam: 'aanbiederAfhandeling', status: 'verlopen' },
      // Contact made after its last day: ended late.
      { naam: 'contact', status: 'verlopen' },
    ]);
  });

  it('with a live worker: a klacht registered late at the aanbieder has both termijnen fired in due order, also when the earlier wake-up comes last', async () => {
    // Klachtenprotocol Wmo keten Amsterdam §6: contact within 5 werkdagen, afhandeling within 6 weeks; received 100 days ago.
    const dag = dagVan(new Date(Date.now() - 100 * DAG_MS));
    const { klacht } = await app.engine.create(
      {
        gemeente: 'GM0363',
        kanaal: 'webformulier',
        ontvangenOp: `${dag}T09:00:00Z`,
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        aanbieders: [{ id: 'zorg-oost', type: 'wmo' }],
        feiten: {},
      },
      { actor: 'aanbieder' },
    );
    await app.relay.idle();
    // The contact termijn's wake-up is lost (as with Redis data lost during downtime); the worker's boot
    // rebuild queues it again, behind the afhandeltermijn's.
    const contactJob = (await vervalJobs(klacht.id)).find((j) => j.data.termijnNaam === 'contact');
    expect(contactJob).toBeDefined();
    await contactJob!.remove();
    // A worker process on the same database and queue (concurrency 8): it may run both wake-ups at once.
    const worker = await createEngineApp({
      databaseUrl: db.url,
      postgresQueue,
      queuePrefix: app.config.queuePrefix,
      regimes: 'definities',
      env: { ROLE: 'worker', SWEEP_INTERVAL_MS: '600000' },
    });
    try {
      await waitFor(
        'both termijnen fired',
        async () =>
          (await app.db.query(`select count(*)::int as n from termijn where klacht_id = $1 and status = 'lopend'`, [klacht.id]))[0].n === 0,
        20_000,
      );
      const rijen = (await app.db.query(`select naam, status, vervalt_op from termijn where klacht_id = $1 order by vervalt_op`, [
        klacht.id,
      ])) as Array<{ naam: string; status: string; vervalt_op: Date }>;
      expect(rijen.map((r) => [r.naam, r.status])).toEqual([
        ['contact', 'verlopen'],
        ['aanbiederAfhandeling', 'verlopen'],
      ]);
      const verlopen = (await app.db.query(
        `select at, payload->>'termijn' as termijn from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN' order by id`,
        [klacht.id],
      )) as Array<{ at: Date; termijn: string }>;
      expect(verlopen.map((v) => [v.termijn, v.at.toISOString()])).toEqual(rijen.map((r) => [r.naam, r.vervalt_op.toISOString()]));
    } finally {
      await worker.close();
    }
  });
});
