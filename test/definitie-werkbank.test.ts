/**
 * The editor's own endpoints: the gemeente's scenario suite run against the text being edited (the same check as
 * `klachtregie test`), and the readable diff with the published version. Nothing is stored; only the caller's own
 * definition, named as a folder (no path).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

const NIEUW = amsterdamVersie('2026-10', '2026-10-01');

describe('editor endpoints: scenarios and diff for the text being edited', () => {
  let db: TestDatabase;
  let t: TestApp;
  let beleid: string;

  beforeAll(async () => {
    db = await createTestDatabase('definitie_werkbank');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' } });
    beleid = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it("the gemeente's scenarios run against the edited text: all pass unchanged, the contact scenarios fail at 4 werkdagen", async () => {
    const gelijk = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/scenario-uitslagen')
      .set('Authorization', beleid)
      .send({ yaml: NIEUW });
    expect(gelijk.status).toBe(200);
    expect(gelijk.body.kanDraaien).toBe(true);
    expect(gelijk.body.totaal).toBeGreaterThan(10);
    expect(gelijk.body.mislukt).toBe(0);
    const korter = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/scenario-uitslagen')
      .set('Authorization', beleid)
      .send({ yaml: NIEUW.replace('duur: P5D\n    rekenwijze: werkdagen', 'duur: P4D\n    rekenwijze: werkdagen') });
    expect(korter.body.mislukt).toBeGreaterThan(0);
    const mislukt = korter.body.bestanden.flatMap(
      (b: { bestand: string; scenarios: Array<{ naam: string; geslaagd: boolean; meldingen: Array<{ line: number }> }> }) =>
        b.scenarios.filter((s) => !s.geslaagd).map((s) => ({ bestand: b.bestand, naam: s.naam, regel: s.meldingen[0]?.line })),
    );
    expect(mislukt).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          bestand: 'scenarios/gm0363-amsterdam/klachtenprotocol-wmo-keten.yaml',
          naam: expect.stringMatching(/§6: contact binnen 5 werkdagen/),
          regel: expect.any(Number),
        }),
      ]),
    );
    const fout = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/scenario-uitslagen')
      .set('Authorization', beleid)
      .send({ yaml: 'gemeente: [' });
    expect(fout.body).toEqual(expect.objectContaining({ kanDraaien: false, totaal: 0 }));
  });

  it('the diff names the changed termijn against the version in force', async () => {
    const r = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/verschillen')
      .set('Authorization', beleid)
      .send({ yaml: NIEUW.replace('duur: P5D\n    rekenwijze: werkdagen', 'duur: P4D\n    rekenwijze: werkdagen') });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(
      expect.objectContaining({
        kanVergelijken: true,
        tegen: '2015-01',
        aantal: 1,
        termijnen: [expect.objectContaining({ naam: 'contact', oud: '5 werkdagen', nieuw: '4 werkdagen' })],
      }),
    );
  });

  it("another gemeente's definition, or an id that is a path, is not found; other roles may not", async () => {
    for (const id of ['gm1904-stichtse-vecht', encodeURIComponent('gm0363-amsterdam/../../definitions')]) {
      const r = await request(t.http)
        .post(`/api/v1/definities/${id}/scenario-uitslagen`)
        .set('Authorization', beleid)
        .send({ yaml: NIEUW });
      expect(r.status).toBe(404);
    }
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    expect(
      (
        await request(t.http)
          .post('/api/v1/definities/gm0363-amsterdam/verschillen')
          .set('Authorization', behandelaar)
          .send({ yaml: NIEUW })
      ).status,
    ).toBe(403);
  });
});
