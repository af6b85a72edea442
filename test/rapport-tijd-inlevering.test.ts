/**
 * Contract art. 11.1 (Uitgangspunten klachtenmanagement Sociaal Domein: "de totaalrapportage van klachten [dient] vóór
 * 1 juli en vóór 1 december van het jaar te zijn ingediend"), Klachtenprotocol Wmo keten Amsterdam §10: an aanbieder may
 * replace its report (one per aanbieder and deadline). The first submission before the deadline meets the duty, and
 * decides the escalation to the contractmanager; a replacement after the deadline does not undo that, but the report held
 * now was delivered then, not in time. The stored submission says both: `ingediend_op` / `ingediend_door` the first,
 * `laatst_ingediend_op` / `laatst_ingediend_door` the report held now; and the response says both moments.
 *
 * Stichtse Vecht (report over 1 November 2025 - 30 April 2026 due 1 July 2026); the clock is pinned (KLOK) and moved.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { RAPPORTAGE_OUTBOX, RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const SV = 'GM1904';
const DEADLINE = '2026-07-01';
const OP_TIJD = { id: 'zorg-op-tijd', naam: 'Zorg op tijd', type: 'wmo' };
const LAAT = { id: 'zorg-laat', naam: 'Zorg laat', type: 'wmo' };

let nu = new Date('2026-06-15T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };
let tdb: TestDatabase;
let t: TestApp;
let db: DataSource;

async function dienIn(sleutel: string, op: string, inhoud: Record<string, unknown>): Promise<request.Response> {
  nu = new Date(op);
  return request(t.http).post('/api/v1/aanbieder-rapportages').set('Authorization', sleutel).send({ deadline: DEADLINE, inhoud });
}

interface Inlevering {
  ingediend_op: Date;
  ingediend_door: string;
  laatst_ingediend_op: Date;
  laatst_ingediend_door: string;
  inhoud: Record<string, unknown>;
}
async function inlevering(aanbiederId: string): Promise<Inlevering> {
  const [r] = (await db.query(
    `select ingediend_op, ingediend_door, laatst_ingediend_op, laatst_ingediend_door, inhoud from aanbieder_rapportage
     where aanbieder_gemeente = $1 and aanbieder_id = $2 and deadline = $3`,
    [SV, aanbiederId, DEADLINE],
  )) as Inlevering[];
  return r;
}

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_inlevering');
  t = await createTestApp({ databaseUrl: tdb.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  db = t.app.get<DataSource>(getDataSourceToken());
  const klachten = genereerKlachten({
    n: 12,
    seed: 7,
    gemeente: SV,
    definitieId: 'gm1904-stichtse-vecht',
    van: new Date('2025-11-05T00:00:00Z'),
    tot: new Date('2026-04-20T00:00:00Z'),
    nu: new Date('2026-06-15T00:00:00Z'),
  });
  klachten.forEach((k, i) => (k.aanbieders = [i % 2 === 0 ? OP_TIJD : LAAT]));
  await insertKlachten(db, klachten);
  await t.app.get(RapportagePlanningService).synchroniseer(new Date('2026-06-15T10:00:00+02:00'));
}, 180_000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

describe('contract art. 11.1, Klachtenprotocol Wmo keten Amsterdam §10: a replaced report says its first and its last submission', () => {
  it('contract art. 11.1: a report submitted in time and replaced after the deadline keeps its first submission (in time, by its submitter) and records the replacement (when, by whom)', async () => {
    const eerste = await bearer(t.app, SV, 'aanbieder', OP_TIJD.id);
    const tweede = await bearer(t.app, SV, 'aanbieder', OP_TIJD.id);
    const r1 = await dienIn(eerste, '2026-06-20T10:00:00+02:00', { versie: 1 });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ ingediendOp: '2026-06-20T08:00:00.000Z', laatstIngediendOp: '2026-06-20T08:00:00.000Z' });
    const r2 = await dienIn(tweede, '2026-07-03T10:00:00+02:00', { versie: 2 });
    expect(r2.status).toBe(201);
    expect(r2.body).toMatchObject({
      id: r1.body.id,
      ingediendOp: '2026-06-20T08:00:00.000Z',
      laatstIngediendOp: '2026-07-03T08:00:00.000Z',
    });

    const rij = await inlevering(OP_TIJD.id);
    expect(rij.inhoud).toEqual({ versie: 2 });
    expect(rij.ingediend_op.toISOString()).toBe('2026-06-20T08:00:00.000Z');
    expect(rij.laatst_ingediend_op.toISOString()).toBe('2026-07-03T08:00:00.000Z');
    // Two keys, two submitters: the first stays, the last is recorded apart.
    expect(rij.ingediend_door).toMatch(/^api-sleutel:/);
    expect(rij.laatst_ingediend_door).toMatch(/^api-sleutel:/);
    expect(rij.laatst_ingediend_door).not.toBe(rij.ingediend_door);
  });

  it('contract art. 11.1: the deadline job (run late) escalates the aanbieder whose first submission came after the deadline, not the one that replaced an in-time report after it', async () => {
    const sleutel = await bearer(t.app, SV, 'aanbieder', LAAT.id);
    const r = await dienIn(sleutel, '2026-07-02T09:00:00+02:00', { versie: 1 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ingediendOp: '2026-07-02T07:00:00.000Z', laatstIngediendOp: '2026-07-02T07:00:00.000Z' });

    nu = new Date('2026-07-04T09:00:00+02:00');
    const job = { gemeente: SV, soort: 'aanbieders' as const, deadline: DEADLINE, kind: 'deadline' as const };
    expect(await t.app.get(RapportagePlanningService).deadline(job, nu)).toBe('verwerkt');
    const escalaties = (await db.query(`select payload->>'aanbiederId' as a from outbox where type = $1 order by 1`, [
      RAPPORTAGE_OUTBOX.teLaat,
    ])) as Array<{ a: string }>;
    expect(escalaties.map((e) => e.a)).toEqual([LAAT.id]);
  });
});
