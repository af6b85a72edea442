/**
 * Which regeling applies on a day (docs/definities.md): the version begun last by that day, until its geldigTot. A version
 * without geldigTot ends the day before the next one begins (a new regeling replaces the old), so once a later version
 * has ended with nothing after it, the older one does not apply again: a klacht received after that day has no regeling,
 * and the intake says so with a 422 naming the fields (RFC 9457 invalidParams). Real PostgreSQL, Amsterdam's seed
 * version 2015-01, versions published through the API with 4-ogen, an injected clock.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

let moment = new Date('2026-05-20T08:00:00Z');
const klok: Klok = { nu: () => new Date(moment.getTime()) };

let db: TestDatabase;
let t: TestApp;
let behandelaar: string;

beforeAll(async () => {
  db = await createTestDatabase('definitie_versie_einde');
  t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
  const sleutel = async (naam: string, rol: 'beleidsmedewerker' | 'klachtbehandelaar') =>
    `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol, naam, medewerker: naam })).sleutel}`;
  const sanne = await sleutel('Sanne', 'beleidsmedewerker');
  const ahmed = await sleutel('Ahmed', 'beleidsmedewerker');
  behandelaar = await sleutel('Fatima', 'klachtbehandelaar');
  // 20 May 2026: 2026-06 from 1 June, without geldigTot; then 2026-10, 1 October to 31 December 2026.
  for (const yaml of [amsterdamVersie('2026-06', '2026-06-01'), amsterdamVersie('2026-10', '2026-10-01', '\ngeldigTot: 2026-12-31')]) {
    const v = await request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
    expect([v.status, v.body.detail]).toEqual([201, undefined]);
    const g = await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`)
      .set('Authorization', ahmed)
      .send({});
    expect([g.status, g.body.detail]).toEqual([201, undefined]);
  }
  moment = new Date('2027-01-05T08:00:00Z');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const intake = (ontvangenOp: string) =>
  request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send({
    gemeente: 'GM0363',
    kanaal: 'brief',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'bejegening',
    aanbieders: [],
    feiten: {},
  });

describe('the regeling in force on the day of receipt (docs/definities.md: a version without geldigTot ends the day before the next begins)', () => {
  it('each day its own version: 2015-01 until 31 May, 2026-06 from 1 June to 30 September, 2026-10 to its geldigTot', async () => {
    const versies: Array<[string, string]> = [];
    for (const [op, versie] of [
      ['2026-05-31T10:00:00+02:00', '2015-01'],
      ['2026-06-01T10:00:00+02:00', '2026-06'],
      ['2026-09-30T10:00:00+02:00', '2026-06'],
      ['2026-10-01T10:00:00+02:00', '2026-10'],
      ['2026-12-31T10:00:00+01:00', '2026-10'],
    ]) {
      const r = await intake(op);
      versies.push([op, r.status === 201 ? r.body.definitieVersie : `${r.status} ${r.body.detail}`]);
      expect(versies.at(-1)).toEqual([op, versie]);
    }
  });

  it('after the last version ended, the older one does not apply again: no regeling, 422 geen-definitie naming ontvangenOp and gemeente, nothing stored', async () => {
    const r = await intake('2027-01-04T10:00:00+01:00');
    expect([r.status, r.body.code]).toEqual([422, 'geen-definitie']);
    expect(r.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['gemeente', 'ontvangenOp']);
    const [{ n }] = (await t.app
      .get(DataSource)
      .query(`select count(*)::int as n from klacht where ontvangen_op >= '2027-01-01'`)) as Array<{
      n: number;
    }>;
    expect(n).toBe(0);
  });
});
