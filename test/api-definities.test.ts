import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { zonderGeldtVoor } from '../src/machines/definition/test-fixture';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

const AMSTERDAM = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'), 'utf8');
/** Amsterdam's regeling adopted by a gemeente without a definition yet (GM0344 Utrecht), version 2026-01. */
const UTRECHT = AMSTERDAM.replace(/cbsCode: GM0363\n {2}naam: Amsterdam/, 'cbsCode: GM0344\n  naam: Utrecht')
  .replace(/\n {2}# Weesp is per[\s\S]*?vanaf: 2022-03-24\n/, '\n')
  .replace("versie: '2015-01'", "versie: '2026-01'")
  .replace(/^geldigVanaf: 2015-01-01$/m, 'geldigVanaf: 2026-01-01');

/** docs/definities.md: definitions through the API — validate with file:line:column, publish immutable versions. */
describe('definities API (real PostgreSQL + Redis, seed definitions)', () => {
  // Publishing is 4-ogen (definitie-voorstel.test.ts proves the rule itself); here: what a served version does.
  let db: TestDatabase;
  let t: TestApp;
  let beleid: string;

  beforeAll(async () => {
    db = await createTestDatabase('api_definities');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' } });
    beleid = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it("lists the gemeente's own definitions and draws them from the machine (json, mermaid, svg)", async () => {
    const lijst = await request(t.http).get('/api/v1/definities').set('Authorization', beleid);
    expect(lijst.status).toBe(200);
    expect(lijst.body.resultaten).toEqual([
      expect.objectContaining({ definitieId: 'gm0363-amsterdam', versie: '2015-01', bron: 'repository' }),
    ]);
    const een = await request(t.http).get('/api/v1/definities/gm0363-amsterdam').set('Authorization', beleid);
    expect(een.status).toBe(200);
    // Another gemeente's definition is not found for this tenant.
    expect((await request(t.http).get('/api/v1/definities/gm1904-stichtse-vecht').set('Authorization', beleid)).status).toBe(404);
    const json = await request(t.http).get('/api/v1/definities/gm0363-amsterdam/diagram?formaat=json').set('Authorization', beleid);
    expect(json.status).toBe(200);
    expect(json.body.nodes.length).toBeGreaterThan(3);
    const mermaid = await request(t.http).get('/api/v1/definities/gm0363-amsterdam/diagram?formaat=mermaid').set('Authorization', beleid);
    expect(mermaid.status).toBe(200);
    expect(mermaid.text).toMatch(/^stateDiagram-v2/m);
    const svg = await request(t.http)
      .get('/api/v1/definities/gm0363-amsterdam/diagram?formaat=svg')
      .set('Authorization', beleid)
      .buffer(true)
      .parse((res, cb) => {
        let s = '';
        res.on('data', (c: Buffer) => (s += c.toString()));
        res.on('end', () => cb(null, s));
      });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(svg.body)).toContain('<svg');
  });

  it('a validation of an uploaded YAML answers 200 with errors as file:line:column and what to write instead', async () => {
    const fout = amsterdamVersie('2027-01', '2027-01-01', '\nonbekendVeld: ja');
    const res = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', beleid).send({ yaml: fout });
    expect(res.status).toBe(200);
    expect(res.body.geldig).toBe(false);
    expect(res.body.fouten.length).toBeGreaterThan(0);
    expect(res.body.fouten[0].tekst).toMatch(/^gm0363-amsterdam\/2027-01\.yaml:\d+:\d+: /);
    expect(res.body.fouten.some((f: { message: string }) => /onbekendVeld/.test(f.message))).toBe(true);
    const syntax = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', beleid).send({ yaml: 'gemeente: [\n' });
    expect(syntax.status).toBe(200);
    expect(syntax.body.fouten[0].tekst).toMatch(/:\d+:\d+: YAML-syntaxfout/);
    // Nothing was published.
    expect(await t.app.get(DataSource).query('select 1 from definitie_versie')).toHaveLength(0);
  });

  it('a contact termijn that only the aanbieder routes start, without geldtVoor: valid, with a warning at its line in waarschuwingen', async () => {
    const beleid = await bearer(t.app, 'GM0363', 'beleidsmedewerker');
    const zonder = zonderGeldtVoor(amsterdamVersie('2027-01', '2027-01-01'));
    expect(zonder).not.toContain('geldtVoor');
    const regel = zonder.split('\n').indexOf('  contact:') + 1;
    const res = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', beleid).send({ yaml: zonder });
    expect(res.status).toBe(200);
    expect(res.body.geldig).toBe(true);
    expect(res.body.fouten).toEqual([]);
    expect(res.body.waarschuwingen).toEqual([
      expect.objectContaining({
        file: 'gm0363-amsterdam/2027-01.yaml',
        line: regel,
        column: 3,
        ernst: 'waarschuwing',
        tekst: expect.stringMatching(
          new RegExp(`^gm0363-amsterdam/2027-01\\.yaml:${regel}:3: waarschuwing: de termijn 'Contact met de klager'`),
        ),
        hint: expect.stringContaining('geldtVoor'),
      }),
    ]);
  });

  it('an approved version (4-ogen) is stored, served by the registry at once, and can never be overwritten', async () => {
    const utrecht = await bearer(t.app, 'GM0344', 'beleidsmedewerker');
    const utrechtTweede = await bearer(t.app, 'GM0344', 'beleidsmedewerker');
    const behandelaar = await bearer(t.app, 'GM0344', 'klachtbehandelaar');
    const intake = {
      gemeente: 'GM0344',
      kanaal: 'telefoon',
      ontvangenOp: '2026-03-02T10:00:00+01:00',
      ingediendBij: 'gemeente',
      aanbieders: [{ id: 'zorg-utrecht', naam: 'Zorg Utrecht', type: 'wmo' }],
      feiten: { complex: false },
    };
    // Before publication Utrecht has no regime.
    expect((await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake)).status).toBe(422);
    const check = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', utrecht).send({ yaml: UTRECHT });
    expect(check.body.fouten).toEqual([]);
    expect(check.body.geldig).toBe(true);
    // POST /definities proposes (4-ogen): nothing is served on one person's word.
    const voorstel = await request(t.http).post('/api/v1/definities').set('Authorization', utrecht).send({ yaml: UTRECHT });
    expect(voorstel.status).toBe(201);
    expect(voorstel.body).toEqual(
      expect.objectContaining({ definitieId: 'gm0344-utrecht', versie: '2026-01', status: 'voorgesteld', geldigVanaf: '2026-01-01' }),
    );
    expect((await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake)).status).toBe(422);
    expect((await request(t.http).get('/api/v1/definities').set('Authorization', utrecht)).body.resultaten).toEqual([]);
    // Its geldigVanaf (1 January 2026) lies before today on this test's wall clock: confirmed (terugwerkende kracht).
    const pub = await request(t.http)
      .post(`/api/v1/definities/gm0344-utrecht/voorstellen/${voorstel.body.id}/goedkeuring`)
      .set('Authorization', utrechtTweede)
      .send({ terugwerkendeKrachtBevestigd: true });
    expect(pub.status).toBe(201);
    expect(pub.body).toEqual(expect.objectContaining({ status: 'goedgekeurd', versie: '2026-01' }));
    const lijst = await request(t.http).get('/api/v1/definities').set('Authorization', utrecht);
    expect(lijst.body.resultaten).toEqual([expect.objectContaining({ definitieId: 'gm0344-utrecht', versie: '2026-01', bron: 'api' })]);
    // The engine serves it at once: an intake for Utrecht now starts on the published version.
    const klacht = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake);
    expect(klacht.status).toBe(201);
    expect(klacht.body).toEqual(expect.objectContaining({ definitieId: 'gm0344-utrecht', definitieVersie: '2026-01' }));
    // Immutable: the same version again is a conflict, also with other content; so is a repository version.
    const weer = await request(t.http)
      .post('/api/v1/definities')
      .set('Authorization', utrecht)
      .send({ yaml: UTRECHT.replace('naam: Utrecht', 'naam: Utrecht ') });
    expect(weer.status).toBe(409);
    expect(weer.body.code).toBe('definitie-versie-bestaat');
    expect((await request(t.http).post('/api/v1/definities').set('Authorization', beleid).send({ yaml: AMSTERDAM })).status).toBe(409);
    // An invalid one is refused with its errors, and nothing is stored.
    const ongeldig = await request(t.http)
      .post('/api/v1/definities')
      .set('Authorization', utrecht)
      .send({
        yaml: UTRECHT.replace("versie: '2026-01'", "versie: '2028-01'").replace(
          'geldigVanaf: 2026-01-01',
          'geldigVanaf: 2028-01-01\nonbekendVeld: 1',
        ),
      });
    expect(ongeldig.status).toBe(422);
    expect(ongeldig.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(ongeldig.body.code).toBe('definitie-ongeldig');
    expect(ongeldig.body.fouten[0].tekst).toMatch(/^gm0344-utrecht\/2028-01\.yaml:\d+:\d+:/);
    const rows = await t.app.get(DataSource).query('select versie, gemeente, gepubliceerd_door from definitie_versie');
    expect(rows).toEqual([
      expect.objectContaining({ versie: '2026-01', gemeente: 'GM0344', gepubliceerd_door: expect.stringMatching(/^api-sleutel:/) }),
    ]);
    expect(await t.app.get(DataSource).query('select versie from definitie_voorstel')).toEqual([{ versie: '2026-01' }]);
  });

  it("only a beleidsmedewerker validates and publishes; another gemeente's YAML is refused", async () => {
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    expect((await request(t.http).post('/api/v1/definities').set('Authorization', behandelaar).send({ yaml: AMSTERDAM })).status).toBe(403);
    const sv = await bearer(t.app, 'GM1904', 'beleidsmedewerker');
    const res = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', sv).send({ yaml: AMSTERDAM });
    expect(res.body.geldig).toBe(false);
    expect(res.body.fouten[0].message).toMatch(/van GM0363, u werkt voor GM1904/);
  });
});
