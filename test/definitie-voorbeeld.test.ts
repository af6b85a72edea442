import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthModule } from '../src/modules/auth/auth.module';
import { zonderGeldtVoor } from '../src/machines/definition/test-fixture';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'), 'utf8');
const STICHTSE_VECHT = readFileSync(join(__dirname, '..', 'definitions', 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8');

/** The preview validates like `klachtregie validate` and never shows the server's working folder. */
describe('definition preview (POST /definitie-voorbeelden)', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('definitie_voorbeeld');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' }, imports: [AuthModule] });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('an error that names another version points at it as definitions/<gemeente>/<versie>.yaml, never at a temp folder', async () => {
    // A version before the published one whose explicit geldigTot runs into it: the published file is named.
    // (A version without geldigTot simply ends where the next begins, so an overlap needs an explicit end.)
    const nieuw = amsterdamVersie('2014-01', '2014-01-01', '\ngeldigTot: 2015-06-30');
    const res = await request(t.http)
      .post('/api/v1/definitie-voorbeelden')
      .set('Authorization', await bearer(t.app, 'GM0363', 'beleidsmedewerker'))
      .send({ yaml: nieuw, bestandsnaam: '2014-01.yaml' });
    expect(res.status).toBe(200);
    expect(res.body.geldig).toBe(false);
    expect(res.body.fouten.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body.fouten)).toContain('definitions/gm0363-amsterdam/2015-01.yaml');
    expect(res.text).not.toContain(tmpdir());
    expect(res.text).not.toContain('klachtregie-voorbeeld-');
  });

  it("a pasted text is judged next to the versions published through the API too, not only the repository's", async () => {
    const eerste = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
    const tweede = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
    // 4-ogen: version 2027-01 is proposed by one beleidsmedewerker and approved by another.
    const gepubliceerd = amsterdamVersie('2027-01', '2027-01-01');
    const voorstel = await request(t.http).post('/api/v1/definities').set('Authorization', eerste).send({ yaml: gepubliceerd });
    expect(voorstel.status).toBe(201);
    // On the wall clock: from 1 January 2027 on this version works back, and that must be confirmed.
    const goed = await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${voorstel.body.id}/goedkeuring`)
      .set('Authorization', tweede)
      .send({ terugwerkendeKrachtBevestigd: true });
    expect(goed.status).toBe(201);
    // A new version whose explicit geldigTot runs into 2027-01, which exists only in the database.
    const nieuw = amsterdamVersie('2026-06', '2026-06-01', '\ngeldigTot: 2027-06-30');
    const res = await request(t.http).post('/api/v1/definitie-voorbeelden').set('Authorization', eerste).send({ yaml: nieuw });
    expect(res.status).toBe(200);
    expect(res.body.geldig).toBe(false);
    expect(JSON.stringify(res.body.fouten)).toContain('definitions/gm0363-amsterdam/2027-01.yaml');
    // The validation endpoint judges it the same way (one helper for both).
    const check = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', eerste).send({ yaml: nieuw });
    expect(check.body.geldig).toBe(false);
    // Reported in the pasted text, at its geldigTot line (where the author acts), naming the published version.
    expect(check.body.fouten).toEqual([
      expect.objectContaining({
        file: 'gm0363-amsterdam/2026-06.yaml',
        line: nieuw.split('\n').findIndex((r) => r.startsWith('geldigTot:')) + 1,
        message: expect.stringContaining("versie '2027-01' begint op 2027-01-01"),
      }),
    ]);
    expect(check.text).not.toContain(tmpdir());
    // And so it cannot be proposed: two versions would be in force from 1 January 2027.
    const weer = await request(t.http).post('/api/v1/definities').set('Authorization', eerste).send({ yaml: nieuw });
    expect(weer.status).toBe(422);
    expect(weer.body.code).toBe('definitie-ongeldig');
  });

  it('a warning (contact without geldtVoor) keeps the preview valid and comes in waarschuwingen, with the diagram', async () => {
    const zonder = zonderGeldtVoor(AMSTERDAM);
    expect(zonder).not.toContain('geldtVoor');
    const res = await request(t.http)
      .post('/api/v1/definitie-voorbeelden')
      .set('Authorization', await bearer(t.app, 'GM0363', 'beleidsmedewerker'))
      .send({ yaml: zonder });
    expect(res.status).toBe(200);
    expect(res.body.geldig).toBe(true);
    expect(res.body.fouten).toEqual([]);
    expect(res.body.waarschuwingen).toEqual([
      expect.objectContaining({
        file: 'definitions/gm0363-amsterdam/2015-01.yaml',
        line: zonder.split('\n').indexOf('  contact:') + 1,
        ernst: 'waarschuwing',
        message: expect.stringContaining('CONTACT_OPGENOMEN daar geweigerd'),
      }),
    ]);
    expect(res.body.svg).toContain('<svg');
  });

  it('a valid definition pasted without a file name (absent or null) is valid: its file is named after its own versie', async () => {
    const auth = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
    for (const body of [{ yaml: AMSTERDAM }, { yaml: AMSTERDAM, bestandsnaam: null }]) {
      const res = await request(t.http).post('/api/v1/definitie-voorbeelden').set('Authorization', auth).send(body);
      expect(res.status).toBe(200);
      expect(res.body.fouten).toEqual([]);
      expect(res.body.geldig).toBe(true);
    }
  });

  it("tenancy: a preview of a text whose gemeente.cbsCode is another gemeente's is a 400 naming the field, and shows none of that gemeente's versions", async () => {
    // Stichtse Vecht publishes a version through the API (4-ogen): it exists only in its own database rows.
    const sv1 = await bearer(t.app, 'GM1904', 'beleidsmedewerker');
    const sv2 = await bearer(t.app, 'GM1904', 'beleidsmedewerker');
    const svVersie = STICHTSE_VECHT.replace("versie: '2015-01'", "versie: '2031-01'").replace(
      /^geldigVanaf: 2015-01-01$/m,
      'geldigVanaf: 2031-01-01',
    );
    const voorstel = await request(t.http).post('/api/v1/definities').set('Authorization', sv1).send({ yaml: svVersie });
    expect(voorstel.status).toBe(201);
    await request(t.http)
      .post(`/api/v1/definities/gm1904-stichtse-vecht/voorstellen/${voorstel.body.id}/goedkeuring`)
      .set('Authorization', sv2)
      .send({ terugwerkendeKrachtBevestigd: true })
      .expect(201);
    // Amsterdam's procesEigenaar pastes a text that claims to be Stichtse Vecht's and runs into that version: before,
    // the overlap error named it (its folder, versie and dates were copied next to the text).
    const vreemd = STICHTSE_VECHT.replace("versie: '2015-01'", "versie: '2030-01'").replace(
      /^geldigVanaf: 2015-01-01$/m,
      'geldigVanaf: 2030-01-01\ngeldigTot: 2031-06-30',
    );
    const tellen = async () =>
      (
        await t.db.query(`select (select count(*) from definitie_versie)::int as v, (select count(*) from definitie_voorstel)::int as p`)
      )[0];
    const voor = await tellen();
    for (const rol of ['procesEigenaar', 'beleidsmedewerker'] as const) {
      for (const yaml of [vreemd, vreemd.replace('cbsCode: GM1904', 'cbsCode: gm1904')]) {
        const res = await request(t.http)
          .post('/api/v1/definitie-voorbeelden')
          .set('Authorization', await bearer(t.app, 'GM0363', rol))
          .send({ yaml });
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'yaml.gemeente.cbsCode' })]);
        expect(res.text).not.toMatch(/2031|gm1904-stichtse-vecht/i);
      }
    }
    expect(await tellen()).toEqual(voor);
    // Stichtse Vecht itself gets the overlap with its own version, as before.
    const eigen = await request(t.http).post('/api/v1/definitie-voorbeelden').set('Authorization', sv1).send({ yaml: vreemd });
    expect(eigen.status).toBe(200);
    expect(JSON.stringify(eigen.body.fouten)).toContain('definitions/gm1904-stichtse-vecht/2031-01.yaml');
  });
});
