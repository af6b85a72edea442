/**
 * Tenancy of the stored reports and the report planning (docs/adr/0003-tenancy-webhooks-idempotency.md: the gemeente is the tenant). Every
 * endpoint that reads `rapportage`, `rapportage_moment` or `aanbieder_rapportage` must stay inside the
 * caller's gemeente: gemeente B never sees, changes or counts what belongs to gemeente A.
 */
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { genereerKlachten, insertKlachten } from './reports-data';

// Both seeds have an aanbieders report due on 1 July 2026: Stichtse Vecht per half year, Amsterdam per quarter.
const A = 'GM1904';
const B = 'GM0363';
const DEADLINE = '2026-07-01';
// The injected now for the schedule and the deadline run: fixed, so the test never depends on today's date.
const NU = new Date('2026-03-01T09:00:00Z');
const OP_DEADLINE = new Date('2026-07-01T00:00:00+02:00');
/** Amsterdam reports per quarter, a month after it ends: April–June is due vóór 1 augustus. */
const DEADLINE_B = '2026-08-01';
const OP_DEADLINE_B = new Date('2026-08-01T00:00:00+02:00');

let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;
let planning: RapportagePlanningService;
const sleutel: Record<string, string> = {};
const aanbiederSleutel: Record<string, string> = {};
let rapportA: string;

beforeAll(async () => {
  tdb = await createTestDatabase('reports_tenancy');
  // ROLE=api: no workers, the test drives the schedule itself.
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' } });
  db = t.app.get<DataSource>(getDataSourceToken());
  planning = t.app.get(RapportagePlanningService);
  const sleutels = t.app.get(ApiSleutelService);
  for (const g of [A, B]) {
    sleutel[g] = `Bearer ${(await sleutels.maak({ gemeente: g, rol: 'procesEigenaar', naam: `test ${g}` })).sleutel}`;
    aanbiederSleutel[g] =
      `Bearer ${(await sleutels.maak({ gemeente: g, rol: 'aanbieder', aanbiederId: 'zorgbalans', naam: `zorgbalans ${g}` })).sleutel}`;
  }
  await planning.synchroniseer(NU);
  // Klachten about the same aanbieders in both gemeenten, in both reporting periods.
  for (const [g, def, seed] of [
    [A, 'gm1904-stichtse-vecht', 31],
    [B, 'gm0363-amsterdam', 32],
  ] as const) {
    await insertKlachten(
      db,
      genereerKlachten({
        n: 40,
        seed,
        gemeente: g,
        definitieId: def,
        van: new Date('2026-04-02T00:00:00Z'),
        tot: new Date('2026-06-20T00:00:00Z'),
        nu: new Date('2026-06-30T00:00:00Z'),
      }),
    );
  }
}, 120000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe('stored reports (rapportage) stay within the gemeente', () => {
  beforeAll(async () => {
    expect(await planning.deadline({ gemeente: A, soort: 'aanbieders', deadline: DEADLINE, kind: 'deadline' }, OP_DEADLINE)).toBe(
      'verwerkt',
    );
    [{ id: rapportA }] = await db.query(`select id from rapportage where gemeente = $1 and deadline = $2 and aanbieder_id = '*'`, [
      A,
      DEADLINE,
    ]);
  });

  test("GET /rapportages/opgeslagen/:id: a key of gemeente B gets 404 problem+json for gemeente A's stored report", async () => {
    const eigen = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${rapportA}`).set('Authorization', sleutel[A]);
    expect(eigen.status).toBe(200);
    expect(eigen.body.id).toBe(rapportA);
    const ander = await request(t.http).get(`/api/v1/rapportages/opgeslagen/${rapportA}`).set('Authorization', sleutel[B]);
    expect(ander.status).toBe(404);
    expect(ander.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(ander.body.inhoud).toBeUndefined();
  });

  test("GET /rapportages/opgeslagen: gemeente B's list holds none of gemeente A's stored reports", async () => {
    const eigen = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', sleutel[A]);
    expect(eigen.status).toBe(200);
    expect(eigen.body.map((r: { id: string }) => r.id)).toContain(rapportA);
    const ander = await request(t.http).get('/api/v1/rapportages/opgeslagen').set('Authorization', sleutel[B]);
    expect(ander.status).toBe(200);
    expect(ander.body).toEqual([]);
  });
});

describe('the report planning (rapportage_moment) stays within the gemeente', () => {
  test("GET /rapportages/planning: a key of gemeente B gets its own moments only, none of gemeente A's", async () => {
    const momenten = async (g: string) =>
      (await db.query(
        `select to_char(deadline, 'YYYY-MM-DD') as deadline, cadans from rapportage_moment where gemeente = $1 order by deadline, soort`,
        [g],
      )) as Array<{ deadline: string; cadans: string }>;
    const [vanA, vanB] = [await momenten(A), await momenten(B)];
    // The two schedules differ (half year against quarter), so a leak shows.
    expect(vanA.some((m) => m.cadans === 'halfjaar')).toBe(true);
    expect(vanB.some((m) => m.cadans === 'halfjaar')).toBe(false);
    const res = await request(t.http).get('/api/v1/rapportages/planning').set('Authorization', sleutel[B]);
    expect(res.status).toBe(200);
    expect(res.body.map((m: { deadline: string; cadans: string }) => ({ deadline: m.deadline, cadans: m.cadans }))).toEqual(vanB);
  });
});

describe('aanbieder reports (aanbieder_rapportage) stay within the gemeente', () => {
  test('POST /aanbieder-rapportages: the same aanbieder in gemeente B does not overwrite its report to gemeente A', async () => {
    expect(
      (
        await request(t.http)
          .post('/api/v1/aanbieder-rapportages')
          .set('Authorization', aanbiederSleutel[A])
          .send({ deadline: '2026-10-01', inhoud: { voor: A } })
      ).status,
    ).toBe(201);
    expect(
      (
        await request(t.http)
          .post('/api/v1/aanbieder-rapportages')
          .set('Authorization', aanbiederSleutel[B])
          .send({ deadline: '2026-10-01', inhoud: { voor: B } })
      ).status,
    ).toBe(201);
    const rows = await db.query(
      `select gemeente, inhoud from aanbieder_rapportage where aanbieder_id = 'zorgbalans' and deadline = '2026-10-01' order by gemeente`,
    );
    expect(rows).toEqual([
      { gemeente: B, inhoud: { voor: B } }, // GM0363 sorts before GM1904
      { gemeente: A, inhoud: { voor: A } },
    ]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §10: a report submitted to gemeente A does not count for gemeente B, whose contractmanager still gets the escalation', async () => {
    // Zorgbalans reported to Stichtse Vecht for 1 July, not to Amsterdam.
    expect(
      (
        await request(t.http)
          .post('/api/v1/aanbieder-rapportages')
          .set('Authorization', aanbiederSleutel[A])
          .send({ deadline: DEADLINE, inhoud: { aantal: 3 } })
      ).status,
    ).toBe(201);
    const [{ n }] = await db.query(`select count(*)::int as n from klacht where gemeente = $1 and aanbieders::text like '%zorgbalans%'`, [
      B,
    ]);
    expect(n).toBeGreaterThan(0);
    // Amsterdam's own deadline for the same quarter (April–June, due vóór 1 augustus).
    expect(await planning.deadline({ gemeente: B, soort: 'aanbieders', deadline: DEADLINE_B, kind: 'deadline' }, OP_DEADLINE_B)).toBe(
      'verwerkt',
    );
    const teLaat: Array<{ aanbiederId: string }> = (
      await db.query(`select payload from outbox where type = $1 and payload->>'gemeente' = $2 and payload->>'deadline' = $3`, [
        RAPPORTAGE_OUTBOX.teLaat,
        B,
        DEADLINE_B,
      ])
    ).map((r: { payload: { aanbiederId: string } }) => r.payload);
    expect(teLaat.map((p) => p.aanbiederId)).toContain('zorgbalans');
  });
});
