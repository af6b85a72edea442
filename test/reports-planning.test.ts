import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ConnectionOptions, Worker } from 'bullmq';
import { QUEUE_SETTINGS, type QueueSettings } from '../src/jobs/queue-backend';
import { rapportageJobId, type RapportageJob } from '../src/jobs/reports.queue';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { parseCsv } from '../src/modules/reports/rapportage-csv';
import { addDays } from '../src/machines/termijnen';
import { beginVanDag } from '../src/modules/termijnen/termijn-tijd';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { genereerKlachten, insertKlachten } from './reports-data';

let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;
/** The injected now the schedule is built on. */
const NU = new Date('2026-03-01T09:00:00Z');

beforeAll(async () => {
  tdb = await createTestDatabase('reports_planning');
  // ROLE=api: no workers, so no job fires behind the test's back (the test drives the schedule itself).
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' } });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  // Shared by every describe below, so they hold in any order (jest --randomize): the schedule as built on
  // NU, and the klachten of the first half year of 2026 with Zorgbalans' report for 1 July.
  await planning.synchroniseer(NU);
  const klachten = genereerKlachten({
    n: 120,
    seed: 11,
    gemeente: 'GM1904',
    definitieId: 'gm1904-stichtse-vecht',
    van: new Date('2025-12-05T00:00:00Z'),
    tot: new Date('2026-06-20T00:00:00Z'),
    nu: new Date('2026-06-30T00:00:00Z'),
  });
  await insertKlachten(db, klachten);
  await db.query(
    `insert into aanbieder_rapportage (gemeente, aanbieder_gemeente, aanbieder_id, deadline, ingediend_door, inhoud, ingediend_op) values ('GM1904', 'GM1904', 'zorgbalans', '2026-07-01', 'test', '{}', '2026-06-20T12:00:00+02:00')`,
  );
});

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

async function vuurtOp(id: string): Promise<string | undefined> {
  const job = await planning.queue.getJob(id);
  return job ? new Date(job.timestamp + (job.delay ?? 0)).toISOString() : undefined;
}

describe('report schedule from the definition, as BullMQ delayed jobs rebuilt from PostgreSQL', () => {
  test('Stichtse Vecht contract art. 11.1: the halfyear report job is scheduled for 1 July and 1 December, each after its half year ended', async () => {
    const momenten = await db.query(
      `select to_char(deadline, 'YYYY-MM-DD') as deadline, to_char(periode_van, 'YYYY-MM-DD') as van, to_char(periode_tot, 'YYYY-MM-DD') as tot, naar
       from rapportage_moment where gemeente = 'GM1904' and soort = 'aanbieders' order by deadline`,
    );
    expect(momenten).toEqual([
      { deadline: '2026-07-01', van: '2025-11-01', tot: '2026-04-30', naar: 'contractmanager' },
      { deadline: '2026-12-01', van: '2026-05-01', tot: '2026-10-31', naar: 'contractmanager' },
      { deadline: '2027-07-01', van: '2026-11-01', tot: '2027-04-30', naar: 'contractmanager' },
      { deadline: '2027-12-01', van: '2027-05-01', tot: '2027-10-31', naar: 'contractmanager' },
    ]);
    // 00:00 Europe/Amsterdam on 1 July (CEST) and 1 December (CET): "vóór 1 juli", "vóór 1 december".
    expect(await vuurtOp(rapportageJobId({ gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-07-01', kind: 'deadline' }))).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(await vuurtOp(rapportageJobId({ gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-12-01', kind: 'deadline' }))).toBe(
      '2026-11-30T23:00:00.000Z',
    );
    // herinneringVoor P2W: the aanbieders are reminded two weeks ahead.
    expect(await vuurtOp(rapportageJobId({ gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-07-01', kind: 'herinnering' }))).toBe(
      beginVanDag('2026-06-17').toISOString(),
    );
    expect(await vuurtOp(rapportageJobId({ gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-12-01', kind: 'herinnering' }))).toBe(
      beginVanDag('2026-11-17').toISOString(),
    );
  });

  test('Klachtenprotocol Wmo keten Amsterdam §10: a quarterly report job a month after each calendar quarter, no reminder (the protocol names none)', async () => {
    const deadlines = (
      await db.query(
        `select to_char(deadline, 'YYYY-MM-DD') as d from rapportage_moment where gemeente = 'GM0363' and soort = 'aanbieders' and deadline < '2027-01-02' order by deadline`,
      )
    ).map((r: { d: string }) => r.d);
    expect(deadlines).toEqual(['2026-05-01', '2026-08-01', '2026-11-01']);
    for (const d of deadlines) {
      expect(await vuurtOp(rapportageJobId({ gemeente: 'GM0363', soort: 'aanbieders', deadline: d, kind: 'deadline' }))).toBe(
        beginVanDag(d).toISOString(),
      );
      expect(await vuurtOp(rapportageJobId({ gemeente: 'GM0363', soort: 'aanbieders', deadline: d, kind: 'herinnering' }))).toBeUndefined();
    }
  });

  test('no aanbieder report of a seed is overdue at the moment its period ends: every deadline job fires after the period, with time to report', async () => {
    const momenten: Array<{ gemeente: string; deadline: string; tot: string }> = await db.query(
      `select gemeente, to_char(deadline, 'YYYY-MM-DD') as deadline, to_char(periode_tot, 'YYYY-MM-DD') as tot from rapportage_moment where soort = 'aanbieders' order by gemeente, deadline`,
    );
    expect(new Set(momenten.map((m) => m.gemeente))).toEqual(new Set(['GM0363', 'GM1904']));
    for (const m of momenten) {
      const vuurt = await vuurtOp(rapportageJobId({ gemeente: m.gemeente, soort: 'aanbieders', deadline: m.deadline, kind: 'deadline' }));
      const periodeEinde = beginVanDag(addDays(m.tot, 1)).getTime();
      // At least four weeks between the end of the period (24:00) and the escalation at the deadline.
      expect({ ...m, vierWekenNaPeriode: Date.parse(vuurt!) - periodeEinde >= 28 * 86_400_000 }).toEqual({
        ...m,
        vierWekenNaPeriode: true,
      });
    }
  });

  test('a deployment that ran the old schedule (period up to the day before the deadline) is corrected: unhandled moments follow the definitions, stale deadlines go', async () => {
    // As the schedule was before the periods were stated: Stichtse Vecht up to 30 June, Amsterdam due on 1 October.
    await db.query(
      `update rapportage_moment set periode_van = '2025-12-01', periode_tot = '2026-06-30' where gemeente = 'GM1904' and soort = 'aanbieders' and deadline = '2026-07-01'`,
    );
    await db.query(
      `insert into rapportage_moment (gemeente, definitie_id, definitie_versie, soort, cadans, periode_van, periode_tot, deadline, naar, label)
       values ('GM0363', 'gm0363-amsterdam', '2015-01', 'aanbieders', 'kwartaal', '2026-07-01', '2026-09-30', '2026-10-01', 'contractmanager', 'oud')`,
    );
    await planning.synchroniseer(NU);
    const rijen = await db.query(
      `select gemeente, to_char(deadline, 'YYYY-MM-DD') as deadline, to_char(periode_van, 'YYYY-MM-DD') as van, to_char(periode_tot, 'YYYY-MM-DD') as tot
       from rapportage_moment where soort = 'aanbieders' and ((gemeente = 'GM1904' and deadline = '2026-07-01') or (gemeente = 'GM0363' and deadline = '2026-10-01'))`,
    );
    expect(rijen).toEqual([{ gemeente: 'GM1904', deadline: '2026-07-01', van: '2025-11-01', tot: '2026-04-30' }]);
  });

  test('Awb 9:12a: the yearly overview is scheduled per gemeente; a deadline already past when the schedule is first built is not created', async () => {
    expect(await vuurtOp(rapportageJobId({ gemeente: 'GM1696', soort: 'jaarverslag', deadline: '2027-01-01', kind: 'deadline' }))).toBe(
      beginVanDag('2027-01-01').toISOString(),
    );
    const [{ n }] = await db.query(`select count(*)::int as n from rapportage_moment where deadline < '2026-03-01'`);
    expect(n).toBe(0);
  });

  test('a deadline job that used up its attempts (the database away at 00:00) is planned again while its moment is unhandled', async () => {
    const job: RapportageJob = { gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-07-01', kind: 'deadline' };
    const id = rapportageJobId(job);
    await planning.planOpenMomenten(NU);
    await (await planning.queue.getJob(id))?.remove();
    // The job runs at once and fails for good.
    await planning.queue.add('deadline', job, { jobId: id, attempts: 1, delay: 0 });
    const settings = t.app.get<QueueSettings>(QUEUE_SETTINGS);
    const worker = new Worker(
      'rapportages',
      async () => {
        throw new Error('database niet bereikbaar');
      },
      { connection: settings.connection as ConnectionOptions, prefix: settings.prefix },
    );
    try {
      const tot = Date.now() + 10_000;
      while ((await (await planning.queue.getJob(id))?.getState()) !== 'failed') {
        if (Date.now() > tot) throw new Error('the job did not fail');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.close();
    }
    // Its moment is still unhandled in PostgreSQL: the next planning puts it back, due at its deadline.
    expect(await planning.planOpenMomenten(NU)).toBeGreaterThanOrEqual(1);
    expect(await (await planning.queue.getJob(id))?.getState()).toBe('delayed');
    expect(await vuurtOp(id)).toBe('2026-06-30T22:00:00.000Z');
  });

  test('Redis can be lost: the jobs are rebuilt from rapportage_moment', async () => {
    const id = rapportageJobId({ gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-07-01', kind: 'deadline' });
    // Every job of an open moment, whatever its state: the failing worker of the test before may have taken (and failed)
    // other jobs already due by the wall clock besides its own, and those come back too.
    const voor = await planning.queue.getJobCounts('delayed', 'wait', 'prioritized', 'failed');
    await planning.queue.obliterate({ force: true });
    expect(await planning.queue.getJob(id)).toBeUndefined();
    const n = await planning.planOpenMomenten(NU);
    expect(n).toBe(voor.delayed + voor.wait + voor.prioritized + voor.failed);
    expect(await vuurtOp(id)).toBe('2026-06-30T22:00:00.000Z');
    // Scheduling again adds nothing (deterministic job ids).
    expect(await planning.planOpenMomenten(NU)).toBe(0);
  });
});

describe('reminder, deadline and escalation (Stichtse Vecht contract art. 11.1)', () => {
  const job = { gemeente: 'GM1904', soort: 'aanbieders' as const, deadline: '2026-07-01' };

  // Zorgbalans has submitted its report (file-level beforeAll); the others have not.
  // Each test starts (and leaves) the moment as the schedule left it (not yet reminded, not yet processed), so the
  // tests hold in any order (jest --randomize): a processed moment rightly sends no reminder any more.
  const opnieuw = async () => {
    await db.query(
      `update rapportage_moment set herinnering_verzonden_op = null, verwerkt_op = null where gemeente = $1 and soort = $2 and deadline = $3`,
      [job.gemeente, job.soort, job.deadline],
    );
    await db.query(`delete from outbox where payload->>'gemeente' = $1 and payload->>'deadline' = $2`, [job.gemeente, job.deadline]);
  };
  beforeEach(opnieuw);
  afterEach(opnieuw);

  const outbox = (type: string): Promise<Array<{ payload: Record<string, string> }>> =>
    db.query(`select payload from outbox where type = $1 and payload->>'deadline' = '2026-07-01' order by id`, [type]);

  test('herinneringVoor: every aanbieder that has not submitted gets one reminder, once', async () => {
    expect(await planning.herinnering({ ...job, kind: 'herinnering' })).toBe('verwerkt');
    expect(await planning.herinnering({ ...job, kind: 'herinnering' })).toBe('al-verwerkt');
    const rows = await outbox(RAPPORTAGE_OUTBOX.herinnering);
    expect(rows.map((r) => r.payload.aanbiederId).sort()).toEqual(['jeugdformaat', 'thuiszorg-west', 'vervoer-plus']);
  });

  test('at the deadline the reports are stored and each aanbieder without a submission is escalated to the contractmanager, once', async () => {
    const nu = new Date('2026-07-01T00:00:00+02:00');
    expect(await planning.deadline({ ...job, kind: 'deadline' }, nu)).toBe('verwerkt');
    expect(await planning.deadline({ ...job, kind: 'deadline' }, nu)).toBe('al-verwerkt');
    const teLaat = await outbox(RAPPORTAGE_OUTBOX.teLaat);
    expect(teLaat.map((r) => [r.payload.aanbiederId, r.payload.naar]).sort()).toEqual([
      ['jeugdformaat', 'contractmanager'],
      ['thuiszorg-west', 'contractmanager'],
      ['vervoer-plus', 'contractmanager'],
    ]);
    const opgeslagen = await db.query(
      `select aanbieder_id, inhoud from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' order by aanbieder_id`,
    );
    expect(opgeslagen.map((r: { aanbieder_id: string }) => r.aanbieder_id)).toEqual([
      '*',
      'jeugdformaat',
      'thuiszorg-west',
      'vervoer-plus',
      'zorgbalans',
    ]);
    // The report covers the half year 1 November 2025 – 30 April 2026.
    const [{ n }] = await db.query(
      `select count(*)::int as n from klacht where gemeente = 'GM1904' and ontvangen_op >= '2025-11-01T00:00:00+01:00' and ontvangen_op < '2026-05-01T00:00:00+02:00'`,
    );
    expect(opgeslagen[0].inhoud.totaal).toBe(n);
  });
  test('a deadline job that runs days late (a worker down, Redis lost and the schedule caught up) stores the report as at its deadline, as one on time does', async () => {
    const [k] = (await db.query(
      `select k.id, k.eerste_vervalt_op from klacht k join termijn t on t.klacht_id = k.id and t.naam = 'afhandeling' and t.status = 'lopend'
        where k.gemeente = 'GM1904' and not k.done and k.ontvangen_op >= '2025-11-01T00:00:00+01:00' and k.ontvangen_op < '2026-05-01T00:00:00+02:00'
        order by k.id limit 1`,
    )) as Array<{ id: string; eerste_vervalt_op: Date | null }>;
    expect(k).toBeDefined();
    const [t0] = (await db.query(
      `select vervaldatum::text as vervaldatum, vervalt_op from termijn where klacht_id = $1 and naam = 'afhandeling'`,
      [k.id],
    )) as Array<{ vervaldatum: string; vervalt_op: Date }>;
    const opgeslagen = () =>
      db.query(`select aanbieder_id, inhoud from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' order by aanbieder_id`);
    try {
      // Its afhandeltermijn ends on Thursday 2 July: after the deadline, before the late job runs on Saturday 4 July.
      await db.query(
        `update termijn set vervaldatum = '2026-07-02', vervalt_op = '2026-07-02T22:00:00Z' where klacht_id = $1 and naam = 'afhandeling'`,
        [k.id],
      );
      await db.query(`update klacht set eerste_vervalt_op = '2026-07-02T22:00:00Z' where id = $1`, [k.id]);
      expect(await planning.deadline({ ...job, kind: 'deadline' }, new Date('2026-07-04T09:00:00+02:00'))).toBe('verwerkt');
      const laat = await opgeslagen();
      await opnieuw();
      expect(await planning.deadline({ ...job, kind: 'deadline' }, new Date('2026-07-01T00:00:00+02:00'))).toBe('verwerkt');
      expect(laat).toEqual(await opgeslagen());
    } finally {
      await db.query(`update termijn set vervaldatum = $2, vervalt_op = $3 where klacht_id = $1 and naam = 'afhandeling'`, [
        k.id,
        t0.vervaldatum,
        t0.vervalt_op,
      ]);
      await db.query(`update klacht set eerste_vervalt_op = $2 where id = $1`, [k.id, k.eerste_vervalt_op]);
    }
  });
  test('Awb 9:11: a deadline job that runs late counts each termijn as it stood at the deadline, also when the klacht was afgedaan since', async () => {
    const kandidaten = (await db.query(
      `select k.id, k.done, k.state_sinds, k.eerste_vervalt_op from klacht k join termijn t on t.klacht_id = k.id and t.naam = 'afhandeling' and t.status = 'lopend'
        where k.gemeente = 'GM1904' and not k.done and k.ontvangen_op >= '2025-11-01T00:00:00+01:00' and k.ontvangen_op < '2026-05-01T00:00:00+02:00'
        order by k.id limit 3`,
    )) as Array<{ id: string; done: boolean; state_sinds: Date; eerste_vervalt_op: Date | null }>;
    expect(kandidaten).toHaveLength(3);
    const [a, b, c] = kandidaten;
    const termijnKolommen = 'status, vervaldatum, vervalt_op, beeindigd_op, beeindigd_door, gesloten_op, gesloten_door';
    const bewaard = (await db.query(
      `select klacht_id, ${termijnKolommen} from termijn where klacht_id = any($1) and naam = 'afhandeling'`,
      [[a.id, b.id]],
    )) as Array<Record<string, unknown> & { klacht_id: string }>;
    const perTermijn = async () =>
      (
        await db.query(
          `select inhoud->'perTermijn' as p from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' and aanbieder_id = '*'`,
        )
      )[0].p as Array<{ waarde: string; aantal: number }>;
    try {
      // As at the deadline, 1 July: A's afhandeltermijn passed on 11 June and is not met (te laat); B's runs to 9 July.
      await db.query(
        `update termijn set status = 'verlopen', vervaldatum = '2026-06-11', vervalt_op = '2026-06-11T22:00:00Z', beeindigd_op = '2026-06-11T22:00:00Z',
           beeindigd_door = 'TERMIJN_VERLOPEN', gesloten_op = null where klacht_id = $1 and naam = 'afhandeling'`,
        [a.id],
      );
      await db.query(`update klacht set eerste_vervalt_op = '2026-06-11T22:00:00Z' where id = $1`, [a.id]);
      await db.query(
        `update termijn set vervaldatum = '2026-07-09', vervalt_op = '2026-07-09T22:00:00Z' where klacht_id = $1 and naam = 'afhandeling'`,
        [b.id],
      );
      await db.query(`update klacht set eerste_vervalt_op = '2026-07-09T22:00:00Z' where id = $1`, [b.id]);
      // C's runs to Thursday 2 July.
      await db.query(
        `update termijn set vervaldatum = '2026-07-02', vervalt_op = '2026-07-02T22:00:00Z' where klacht_id = $1 and naam = 'afhandeling'`,
        [c.id],
      );
      await db.query(`update klacht set eerste_vervalt_op = '2026-07-02T22:00:00Z' where id = $1`, [c.id]);
      expect(await planning.deadline({ ...job, kind: 'deadline' }, new Date('2026-07-01T00:00:00+02:00'))).toBe('verwerkt');
      const opTijd = await perTermijn();
      // Thursday 2 July A and B are afgedaan (A late, B in time), as the engine writes it: A's obligation closed, B's termijn
      // met; the klachten end. The job runs on Saturday 4 July.
      await db.query(
        `update termijn set gesloten_op = '2026-07-02T10:00:00Z', gesloten_door = 'AFDOENEN' where klacht_id = $1 and naam = 'afhandeling'`,
        [a.id],
      );
      await db.query(
        `update termijn set status = 'nagekomen', beeindigd_op = '2026-07-02T10:00:00Z', beeindigd_door = 'AFDOENEN' where klacht_id = $1 and naam = 'afhandeling'`,
        [b.id],
      );
      await db.query(`update klacht set done = true, eerste_vervalt_op = null, state_sinds = '2026-07-02T10:00:00Z' where id = any($1)`, [
        [a.id, b.id],
      ]);
      // C's passes at the end of 2 July, unmet: after the deadline, so it was running then.
      await db.query(
        `update termijn set status = 'verlopen', beeindigd_op = '2026-07-02T22:00:00Z', beeindigd_door = 'TERMIJN_VERLOPEN' where klacht_id = $1 and naam = 'afhandeling'`,
        [c.id],
      );
      await opnieuw();
      expect(await planning.deadline({ ...job, kind: 'deadline' }, new Date('2026-07-04T09:00:00+02:00'))).toBe('verwerkt');
      expect(await perTermijn()).toEqual(opTijd);
      expect(opTijd.find((t) => t.waarde === 'teLaat')?.aantal).toBeGreaterThan(0);
    } finally {
      for (const r of bewaard) {
        await db.query(
          `update termijn set status = $2, vervaldatum = $3, vervalt_op = $4, beeindigd_op = $5, beeindigd_door = $6, gesloten_op = $7, gesloten_door = $8
            where klacht_id = $1 and naam = 'afhandeling'`,
          [r.klacht_id, r.status, r.vervaldatum, r.vervalt_op, r.beeindigd_op, r.beeindigd_door, r.gesloten_op, r.gesloten_door],
        );
      }
      for (const k of kandidaten) {
        await db.query(`update klacht set done = $2, state_sinds = $3, eerste_vervalt_op = $4 where id = $1`, [
          k.id,
          k.done,
          k.state_sinds,
          k.eerste_vervalt_op,
        ]);
      }
    }
  });
});

describe('HTTP: GET /api/v1/rapportages', () => {
  let sleutel: string;
  let aanbiederSleutel: string;
  beforeAll(async () => {
    const sleutels = t.app.get(ApiSleutelService);
    sleutel = (await sleutels.maak({ gemeente: 'GM1904', rol: 'procesEigenaar', naam: 'test' })).sleutel;
    aanbiederSleutel = (await sleutels.maak({ gemeente: 'GM1904', rol: 'aanbieder', aanbiederId: 'vervoer-plus', naam: 'vp' })).sleutel;
  });

  test('the CSV download has text/csv, a BOM, ; separators and the Dutch header row', async () => {
    const res = await request(t.http)
      .get('/api/v1/rapportages?van=2025-12-01&tot=2026-06-30&formaat=csv')
      .set('Authorization', `Bearer ${sleutel}`)
      .buffer(true)
      .parse((r, cb) => {
        let s = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (s += c));
        r.on('end', () => cb(null, s));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="klachtenrapportage-gm1904-2025-12-01-2026-06-30.csv"/);
    const body = res.body as string;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(body);
    expect(rows[0].slice(0, 8)).toEqual([
      'Gemeente',
      'Periode van',
      'Periode tot en met',
      'Aanbieder',
      'Aanbieder-id',
      'Aard',
      'Oorzaak',
      'Aantal klachten',
    ]);
    expect(rows.length).toBeGreaterThan(5);
  });

  test('JSON by default, HTML with SVG charts on Accept: text/html; an aanbieder sees only its own klachten', async () => {
    const json = await request(t.http).get('/api/v1/rapportages?van=2025-12-01&tot=2026-06-30').set('Authorization', `Bearer ${sleutel}`);
    expect(json.status).toBe(200);
    expect(json.body.cijfers.perAanbieder.length).toBeGreaterThan(1);
    const html = await request(t.http)
      .get('/api/v1/rapportages?van=2025-12-01&tot=2026-06-30')
      .set('Accept', 'text/html')
      .set('Authorization', `Bearer ${sleutel}`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('Klachten per aanbieder');
    const eigen = await request(t.http)
      .get('/api/v1/rapportages?van=2025-12-01&tot=2026-06-30')
      .set('Authorization', `Bearer ${aanbiederSleutel}`);
    expect(eigen.body.cijfers.perAanbieder.map((a: { waarde: string }) => a.waarde)).toEqual(['vervoer-plus']);
    const ander = await request(t.http)
      .get('/api/v1/rapportages?van=2025-12-01&tot=2026-06-30&aanbieder=zorgbalans')
      .set('Authorization', `Bearer ${aanbiederSleutel}`);
    expect(ander.status).toBe(403);
  });

  test('a bad period is a 400 problem naming the field and what to write', async () => {
    const res = await request(t.http).get('/api/v1/rapportages?van=1-12-2025&tot=2026-06-30').set('Authorization', `Bearer ${sleutel}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.invalidParams[0]).toEqual({ name: 'van', reason: 'van moet een datum JJJJ-MM-DD zijn, bijvoorbeeld 2026-06-30' });
  });

  test('an aanbieder submits its report: POST /api/v1/aanbieder-rapportages', async () => {
    const res = await request(t.http)
      .post('/api/v1/aanbieder-rapportages')
      .set('Authorization', `Bearer ${aanbiederSleutel}`)
      .send({ deadline: '2026-12-01', inhoud: { aantal: 4 } });
    expect(res.status).toBe(201);
    const [row] = await db.query(`select aanbieder_id, inhoud from aanbieder_rapportage where deadline = '2026-12-01'`);
    expect(row).toEqual({ aanbieder_id: 'vervoer-plus', inhoud: { aantal: 4 } });
  });
});

describe('the rapportages worker (ROLE=all) fires due jobs from PostgreSQL', () => {
  let w: TestApp;
  let wdb: TestDatabase;

  beforeAll(async () => {
    wdb = await createTestDatabase('reports_worker');
    w = await createTestApp({ databaseUrl: wdb.url });
  });

  afterAll(async () => {
    await w?.close();
    await wdb?.drop();
  });

  test('a moment whose deadline passed while Redis was empty is scheduled again and handled by the worker: report stored, escalation in the outbox', async () => {
    const wds = w.app.get<DataSource>(getDataSourceToken());
    await insertKlachten(
      wds,
      genereerKlachten({
        n: 30,
        seed: 21,
        gemeente: 'GM1904',
        definitieId: 'gm1904-stichtse-vecht',
        van: new Date('2026-07-02T00:00:00Z'),
        tot: new Date('2026-11-15T00:00:00Z'),
        nu: new Date(),
      }),
    );
    // The deadline of 1 December passed during an outage: only the row in PostgreSQL remembers it.
    await wds.query(
      `insert into rapportage_moment (gemeente, definitie_id, definitie_versie, soort, cadans, periode_van, periode_tot, deadline, naar, label)
       values ('GM1904', 'gm1904-stichtse-vecht', '2015-01', 'aanbieders', 'halfjaar', '2026-07-01', '2026-11-30', '2000-12-01', 'contractmanager', 'test')`,
    );
    await w.app.get(RapportagePlanningService).planOpenMomenten();
    const deadline = Date.now() + 30_000;
    let verwerkt: Array<{ verwerkt_op: Date | null }> = [];
    while (Date.now() < deadline) {
      verwerkt = await wds.query(`select verwerkt_op from rapportage_moment where deadline = '2000-12-01'`);
      if (verwerkt[0]?.verwerkt_op) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(verwerkt[0].verwerkt_op).not.toBeNull();
    const [{ n }] = await wds.query(`select count(*)::int as n from rapportage where deadline = '2000-12-01' and aanbieder_id = '*'`);
    expect(n).toBe(1);
    const teLaat = await wds.query(`select payload from outbox where type = $1 and payload->>'deadline' = '2000-12-01'`, [
      RAPPORTAGE_OUTBOX.teLaat,
    ]);
    expect(teLaat.length).toBeGreaterThan(0);
    expect(teLaat.every((r: { payload: { naar: string } }) => r.payload.naar === 'contractmanager')).toBe(true);
  }, 60_000);
});
