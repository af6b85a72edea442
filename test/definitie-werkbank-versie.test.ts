/**
 * One regeling per day (docs/definities.md): the editor starts from the version in force today (GET
 * /definities/{id}/tekst: the engine's one lookup, else the newest version) and the werkbank's diff (POST
 * /definities/{id}/verschillen) compares the edited text with that same version, over time: before a published later
 * version begins, on and after its first day, and after the newest version has ended with nothing after it. Today is
 * the Dutch calendar day of the service clock (KLOK).
 */
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

let moment = new Date('2026-09-15T08:00:00Z');
const klok: Klok = { nu: () => new Date(moment.getTime()) };

describe('the werkbank diffs against the version the editor starts from: the one in force today, else the newest', () => {
  let db: TestDatabase;
  let t: TestApp;
  let sanne: string;
  let ahmed: string;

  const sleutel = async (naam: string) =>
    `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'beleidsmedewerker', naam, medewerker: naam })).sleutel}`;
  async function publiceer(yaml: string) {
    const v = await request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
    expect(v.status).toBe(201);
    const g = await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`)
      .set('Authorization', ahmed);
    expect(g.status).toBe(201);
  }
  /** The version the editor starts from, and what the werkbank compares that very text with. */
  async function beide(): Promise<{ tekst: string; tegen: string; aantal: number }> {
    const tekst = await request(t.http).get('/api/v1/definities/gm0363-amsterdam/tekst').set('Authorization', sanne);
    expect(tekst.status).toBe(200);
    const verschil = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/verschillen')
      .set('Authorization', sanne)
      .send({ yaml: tekst.body.yaml });
    expect(verschil.status).toBe(200);
    expect(verschil.body.kanVergelijken).toBe(true);
    return { tekst: tekst.body.versie, tegen: verschil.body.tegen, aantal: verschil.body.aantal };
  }

  beforeAll(async () => {
    db = await createTestDatabase('werkbank_versie');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    sanne = await sleutel('Sanne Jansen');
    ahmed = await sleutel('Ahmed El Amrani');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('One regeling per day: before a published version begins, on its first day, and after the newest has ended, the diff is against the editor’s start text', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    // Published on 15 September, in force from 1 October.
    await publiceer(amsterdamVersie('2026-10', '2026-10-01'));
    expect(await beide()).toEqual({ tekst: '2015-01', tegen: '2015-01', aantal: 0 });

    // 1 October, 00:30 in the Netherlands (30 September in UTC): 2026-10 is in force.
    moment = new Date('2026-09-30T22:30:00Z');
    expect(await beide()).toEqual({ tekst: '2026-10', tegen: '2026-10', aantal: 0 });

    // A last version that ends (the validation warns, Awb 9:1) with nothing after it: after its geldigTot no version is
    // in force, and both show the newest.
    await publiceer(amsterdamVersie('2026-12', '2026-12-01', '\ngeldigTot: 2027-03-31'));
    moment = new Date('2027-04-10T08:00:00Z');
    expect(await beide()).toEqual({ tekst: '2026-12', tegen: '2026-12', aantal: 0 });
  });
});
