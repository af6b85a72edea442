/**
 * 4-ogen publishing of a definition version (Uitgangspunten klachtenmanagement Sociaal Domein §1D, het
 * vier-ogenprincipe): a beleidsmedewerker proposes, another beleidsmedewerker of the same gemeente approves or rejects
 * with a reason, and every step is in the audit trail with who and when (the service clock).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { zonderGeldtVoor } from '../src/machines/definition/test-fixture';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

const NU = new Date('2026-09-15T08:00:00Z');

const versie = amsterdamVersie;

describe('4-ogen: a definition version is proposed by one beleidsmedewerker and approved or rejected by another', () => {
  let db: TestDatabase;
  let t: TestApp;
  let sanne: string;
  let ahmed: string;
  let sanneId: string;
  let ahmedId: string;
  let behandelaar: string;
  let dataSource: DataSource;

  async function sleutel(rol: 'beleidsmedewerker' | 'klachtbehandelaar', naam: string, gemeente = 'GM0363') {
    const s = await t.app.get(ApiSleutelService).maak({ gemeente, rol, naam, medewerker: naam });
    return { bearer: `Bearer ${s.sleutel}`, id: s.entity.id };
  }

  beforeAll(async () => {
    db = await createTestDatabase('definitie_voorstel');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    dataSource = t.app.get(DataSource);
    const s = await sleutel('beleidsmedewerker', 'Sanne Jansen');
    const a = await sleutel('beleidsmedewerker', 'Ahmed El Amrani');
    [sanne, sanneId, ahmed, ahmedId] = [s.bearer, s.id, a.bearer, a.id];
    behandelaar = (await sleutel('klachtbehandelaar', 'Fatima de Vries')).bearer;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('the proposer cannot approve their own proposal (403 vier-ogen); nothing is published', async () => {
    const v = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-20', '2026-12-01') });
    expect(v.status).toBe(201);
    expect(v.body.status).toBe('voorgesteld');
    const zelf = await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`)
      .set('Authorization', sanne);
    expect(zelf.status).toBe(403);
    expect(zelf.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zelf.body.code).toBe('vier-ogen');
    expect(zelf.body.detail).toMatch(/andere beleidsmedewerker/);
    expect(zelf.body.detail).toMatch(/u bent wie het voorstel deed/);
    expect(await dataSource.query(`select 1 from definitie_versie where versie = '2026-20'`)).toHaveLength(0);
    const status = await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`).set('Authorization', ahmed);
    expect(status.body.status).toBe('voorgesteld');
    // A klachtbehandelaar may not approve at all; a beleidsmedewerker of another gemeente does not find it.
    expect(
      (
        await request(t.http)
          .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`)
          .set('Authorization', behandelaar)
      ).status,
    ).toBe(403);
    const sv = (await sleutel('beleidsmedewerker', 'Stichtse Vecht', 'GM1904')).bearer;
    expect(
      (await request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`).set('Authorization', sv))
        .status,
    ).toBe(404);
  });

  it('4-ogen: a proposal keeps the warnings of its validation, so the approver reads them; one without warnings has none', async () => {
    const zonder = zonderGeldtVoor(versie('2026-21', '2027-01-01'));
    expect(zonder).not.toContain('geldtVoor');
    const v = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: zonder });
    expect(v.status).toBe(201);
    const gezien = await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`).set('Authorization', ahmed);
    expect(gezien.body.waarschuwingen).toEqual([
      expect.objectContaining({
        line: zonder.split('\n').indexOf('  contact:') + 1,
        ernst: 'waarschuwing',
        message: expect.stringContaining("de termijn 'Contact met de klager' (contact) loopt alleen op de routes"),
      }),
    ]);
    const schoon = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-22', '2027-02-01') });
    expect(schoon.body.waarschuwingen).toEqual([]);
    // Decided, so no proposal of this test stays open for the others.
    for (const id of [v.body.id, schoon.body.id])
      await request(t.http)
        .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/afwijzing`)
        .set('Authorization', ahmed)
        .send({ reden: 'alleen om de waarschuwingen te tonen' })
        .expect(201);
  });

  it('a rejection needs a reason (400 naming reden); with one it is afgewezen and can no longer be approved', async () => {
    const v = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-21', '2026-12-01') });
    expect(v.status).toBe(201);
    const pad = `/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`;
    for (const body of [{}, { reden: '   ' }]) {
      const r = await request(t.http).post(`${pad}/afwijzing`).set('Authorization', ahmed).send(body);
      expect(r.status).toBe(400);
      expect(r.body.invalidParams).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'reden' })]));
    }
    expect((await request(t.http).get(pad).set('Authorization', ahmed)).body.status).toBe('voorgesteld');
    const af = await request(t.http)
      .post(`${pad}/afwijzing`)
      .set('Authorization', ahmed)
      .send({ reden: 'De contacttermijn moet 5 werkdagen blijven.' });
    expect(af.status).toBe(201);
    expect(af.body).toEqual(expect.objectContaining({ status: 'afgewezen', reden: 'De contacttermijn moet 5 werkdagen blijven.' }));
    const weer = await request(t.http).post(`${pad}/goedkeuring`).set('Authorization', ahmed);
    expect(weer.status).toBe(409);
    expect(weer.body.code).toBe('voorstel-al-beoordeeld');
    expect(await dataSource.query(`select 1 from definitie_versie where versie = '2026-21'`)).toHaveLength(0);
  });

  it('the audit trail lists every step with who, by name, and when; an approved version is served from its geldigVanaf', async () => {
    const nee = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-25', '2026-12-01') });
    expect(nee.status).toBe(201);
    const reden = 'Eerst de klachtadviescommissie vragen.';
    expect(
      (
        await request(t.http)
          .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${nee.body.id}/afwijzing`)
          .set('Authorization', ahmed)
          .send({ reden })
      ).status,
    ).toBe(201);
    const wacht = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-26', '2026-12-01') });
    expect(wacht.status).toBe(201);
    const v = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: versie('2026-22', '2026-09-15') });
    expect(v.status).toBe(201);
    const goed = await request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}/goedkeuring`)
      .set('Authorization', ahmed);
    expect(goed.status).toBe(201);
    expect(goed.body.status).toBe('goedgekeurd');
    expect(goed.body.stappen).toEqual([
      expect.objectContaining({ stap: 'voorgesteld', door: `api-sleutel:${sanneId}`, doorNaam: 'Sanne Jansen', op: NU.toISOString() }),
      expect.objectContaining({ stap: 'goedgekeurd', door: `api-sleutel:${ahmedId}`, doorNaam: 'Ahmed El Amrani', op: NU.toISOString() }),
    ]);
    const spoor = await request(t.http)
      .get('/api/v1/definities/gm0363-amsterdam/auditspoor?pageSize=100')
      .set('Authorization', behandelaar);
    expect(spoor.status).toBe(200);
    expect(
      spoor.body.resultaten.map((s: { versie: string; stap: string; doorNaam: string; reden?: string }) => [
        s.versie,
        s.stap,
        s.doorNaam,
        s.reden ?? null,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['2026-25', 'voorgesteld', 'Sanne Jansen', null],
        ['2026-25', 'afgewezen', 'Ahmed El Amrani', reden],
        ['2026-26', 'voorgesteld', 'Sanne Jansen', null],
        ['2026-22', 'voorgesteld', 'Sanne Jansen', null],
        ['2026-22', 'goedgekeurd', 'Ahmed El Amrani', null],
      ]),
    );
    expect(spoor.body.resultaten.every((s: { op: string }) => s.op === NU.toISOString())).toBe(true);
    // Published: listed as an api version, and a klacht received today starts on it.
    const lijst = await request(t.http).get('/api/v1/definities').set('Authorization', behandelaar);
    expect(lijst.body.resultaten).toEqual(expect.arrayContaining([expect.objectContaining({ versie: '2026-22', bron: 'api' })]));
    const klacht = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send({
      gemeente: 'GM0363',
      kanaal: 'brief',
      ontvangenOp: '2026-09-15T09:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'Brief kwam niet',
      aanbieders: [],
      feiten: {},
    });
    expect(klacht.status).toBe(201);
    expect(klacht.body.definitieVersie).toBe('2026-22');
    const open = await request(t.http)
      .get('/api/v1/definities/gm0363-amsterdam/voorstellen?status=voorgesteld')
      .set('Authorization', ahmed);
    const openVersies = open.body.resultaten.map((x: { versie: string }) => x.versie);
    expect(openVersies).toContain('2026-26');
    expect(openVersies).not.toContain('2026-22');
    expect(openVersies).not.toContain('2026-25');
  });

  it('a proposal that fails validation is a 422 naming file:line:column, and nothing is stored', async () => {
    const voor = await dataSource.query(
      'select (select count(*) from definitie_voorstel) v, (select count(*) from definitie_voorstel_stap) s',
    );
    const fout = versie('2026-23', '2026-12-01', '\nonbekendVeld: ja');
    const regel = fout.split('\n').findIndex((r) => r.startsWith('onbekendVeld')) + 1;
    const r = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .send({ yaml: fout });
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe('definitie-ongeldig');
    expect(r.body.fouten).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: regel,
          tekst: expect.stringMatching(new RegExp(`^gm0363-amsterdam/2026-23\\.yaml:${regel}:\\d+: .*onbekendVeld`)),
        }),
      ]),
    );
    expect(r.body.detail).toMatch(new RegExp(`gm0363-amsterdam/2026-23\\.yaml:${regel}:`));
    expect(
      await dataSource.query('select (select count(*) from definitie_voorstel) v, (select count(*) from definitie_voorstel_stap) s'),
    ).toEqual(voor);
  });

  it('one regeling per day: a version that begins on the same day as a served one is refused at its geldigVanaf, when proposed and when approved', async () => {
    const voorstel = (yaml: string) =>
      request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
    const vanafRegel = (yaml: string) => yaml.split('\n').findIndex((r) => r.startsWith('geldigVanaf:')) + 1;
    // A correction of the repository's 2015-01 with its start day: the error is at the text's own geldigVanaf.
    const correctie = versie('2015-02', '2015-01-01');
    const r = await voorstel(correctie);
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe('definitie-ongeldig');
    expect(r.body.fouten).toEqual([
      expect.objectContaining({
        tekst: `gm0363-amsterdam/2015-02.yaml:${vanafRegel(correctie)}:14: versie '2015-02' begint op 2015-01-01, dezelfde dag als versie '2015-01' (gm0363-amsterdam/2015-01.yaml); op elke dag geldt één regeling`,
        hint: expect.stringMatching(/^laat de nieuwe van de twee versies later beginnen, op de dag waarop zij ingaat/),
      }),
    ]);
    // Two proposals with one start day: each is valid alone; once one is approved, the other is refused at approval ...
    const eerste = await voorstel(versie('2027-05', '2027-05-01'));
    const tweede = await voorstel(versie('2027-50', '2027-05-01'));
    expect([eerste.status, tweede.status]).toEqual([201, 201]);
    const goed = (id: string) =>
      request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/goedkeuring`).set('Authorization', ahmed);
    expect((await goed(eerste.body.id)).status).toBe(201);
    const geweigerd = await goed(tweede.body.id);
    expect(geweigerd.status).toBe(422);
    expect(geweigerd.body.fouten).toEqual([
      expect.objectContaining({
        tekst: expect.stringMatching(
          /^gm0363-amsterdam\/2027-50\.yaml:\d+:14: versie '2027-50' begint op 2027-05-01, dezelfde dag als versie '2027-05'/,
        ),
      }),
    ]);
    // ... and so is one whose name sorts before the served version's: the lint marks the later file, and the error is shown
    // at this text's geldigVanaf (not at its geldigTot, where an overlap with a served version is shown).
    const ervoor = versie('2027-04', '2027-05-01', '\ngeldigTot: 2027-12-31');
    const e = await voorstel(ervoor);
    expect(e.status).toBe(422);
    expect(e.body.fouten).toEqual([
      expect.objectContaining({
        tekst: `gm0363-amsterdam/2027-04.yaml:${vanafRegel(ervoor)}:1: versie '2027-05' begint op 2027-05-01, dezelfde dag als versie '2027-04' (gm0363-amsterdam/2027-04.yaml); op elke dag geldt één regeling`,
      }),
    ]);
    expect(await dataSource.query(`select versie from definitie_versie where versie in ('2027-05', '2027-50')`)).toEqual([
      { versie: '2027-05' },
    ]);
    expect(
      (await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${tweede.body.id}`).set('Authorization', ahmed)).body
        .status,
    ).toBe('voorgesteld');
  });

  it('a retried proposal with the same Idempotency-Key gets the same answer and stores one proposal', async () => {
    const body = { yaml: versie('2026-24', '2026-12-01') };
    const a = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .set('Idempotency-Key', 'voorstel-2026-24')
      .send(body);
    const b = await request(t.http)
      .post('/api/v1/definities/gm0363-amsterdam/voorstellen')
      .set('Authorization', sanne)
      .set('Idempotency-Key', 'voorstel-2026-24')
      .send(body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(await dataSource.query(`select 1 from definitie_voorstel where versie = '2026-24'`)).toHaveLength(1);
    // Without the key, a second proposal for the same open version is a conflict.
    const c = await request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send(body);
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('voorstel-bestaat');
  });
});
