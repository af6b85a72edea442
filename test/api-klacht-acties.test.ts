import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { weespKlacht } from './support/weesp';

const intake = (aanbieder: string, feiten: Record<string, unknown> = { complex: false, eerderBijAanbieder: false }) => ({
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'gemeente',
  onderwerp: 'Huishoudelijke hulp kwam drie keer niet',
  aanbieders: [{ id: aanbieder, naam: aanbieder, type: 'wmo' }],
  feiten,
});

/** Amsterdam (Klachtenprotocol Wmo keten): warme doorverwijzing to the aanbieder, its terugkoppeling, and an ombudsman request. */
describe('klacht actions through the API (Amsterdam definition)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('api_klacht_acties');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' } });
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Amsterdam protocol: a simple klacht about one aanbieder goes to the aanbieder, whose terugkoppeling drives it to afdoening', async () => {
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-west');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake('zorg-west'));
    expect(k.status).toBe(201);
    expect(k.body.state).toBe('doorgestuurdNaarAanbieder');
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const registratie = await request(t.http)
      .post(pad)
      .set('Authorization', aanbieder)
      .send({ soort: 'registratie', opmerking: 'geregistreerd onder nummer ZW-12' });
    expect(registratie.status).toBe(201);
    expect(registratie.body).toEqual(expect.objectContaining({ toegepast: false, gebeurtenis: null }));
    const behandeling = await request(t.http).post(pad).set('Authorization', aanbieder).send({ soort: 'behandeling' });
    expect(behandeling.body).toEqual(
      expect.objectContaining({ toegepast: true, gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING', state: 'bijAanbieder.inBehandeling' }),
    );
    const afdoening = await request(t.http)
      .post(pad)
      .set('Authorization', aanbieder)
      .send({ soort: 'afdoening', oordeel: 'deelsGegrond', maatregelen: ['vaste hulp ingeroosterd'] });
    expect(afdoening.status).toBe(201);
    expect(afdoening.body).toEqual(expect.objectContaining({ toegepast: true, gebeurtenis: 'AFDOENEN' }));
    const rows = await t.app
      .get(DataSource)
      .query('select soort, gebeurtenis, aanbieder_id from terugkoppeling where klacht_id = $1 order by created_at', [k.body.id]);
    expect(rows.map((r: { soort: string }) => r.soort)).toEqual(['registratie', 'behandeling', 'afdoening']);
    expect(rows.every((r: { aanbieder_id: string }) => r.aanbieder_id === 'zorg-west')).toBe(true);
    const historie = await t.app.get(DataSource).query('select type from klacht_gebeurtenis where klacht_id = $1 order by id', [k.body.id]);
    expect(historie.map((h: { type: string }) => h.type)).toEqual(['KLACHT_ONTVANGEN', 'AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN']);
  });

  it('an aanbieder cannot report back on a klacht about another aanbieder (404), nor send raw events (403)', async () => {
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake('zorg-oost'));
    const ander = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-west');
    const res = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/terugkoppelingen`)
      .set('Authorization', ander)
      .send({ soort: 'behandeling' });
    expect(res.status).toBe(404);
    expect(await t.app.get(DataSource).query('select 1 from terugkoppeling where klacht_id = $1', [k.body.id])).toHaveLength(0);
    const eigen = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-oost');
    expect(
      (await request(t.http).post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`).set('Authorization', eigen).send({ type: 'AFDOENEN' }))
        .status,
    ).toBe(403);
    const slecht = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/terugkoppelingen`)
      .set('Authorization', eigen)
      .send({ soort: 'iets' });
    expect(slecht.status).toBe(400);
    expect(slecht.body.invalidParams[0].name).toBe('soort');
  });

  it("Awb titel 9.1: while the gemeente handles the klacht, the beklaagde aanbieder's terugkoppeling is kept but cannot end or decide that handling", async () => {
    // A complex klacht stays with the gemeente (Klachtenprotocol Wmo keten Amsterdam): the aanbieder is the beklaagde there.
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send(intake('zorg-zuid', { complex: true }));
    expect(k.status).toBe(201);
    const voor = await request(t.http).get(`/api/v1/klachten/${k.body.id}`).set('Authorization', behandelaar);
    expect(voor.body.state.startsWith('gemeente.')).toBe(true);
    // The gemeente could end it here on the klager's satisfaction (Awb 9:5): the event fits the state.
    expect(voor.body.volgendeEvents.map((e: { type: string }) => e.type)).toContain('KLAGER_TEVREDEN');
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-zuid');
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const tevreden = await request(t.http).post(pad).set('Authorization', aanbieder).send({ soort: 'tevredenheid', tevreden: true });
    expect(tevreden.status).toBe(201);
    expect(tevreden.body).toEqual(expect.objectContaining({ toegepast: false, gebeurtenis: null, state: voor.body.state }));
    expect(tevreden.body.reden).toContain('gemeente');
    const na = await request(t.http).get(`/api/v1/klachten/${k.body.id}`).set('Authorization', behandelaar);
    expect(na.body.state).toBe(voor.body.state);
    const db2 = t.app.get(DataSource);
    expect(
      (await db2.query('select type from klacht_gebeurtenis where klacht_id = $1', [k.body.id])).map((h: { type: string }) => h.type),
    ).toEqual(['KLACHT_ONTVANGEN']);
    // Kept for the gemeente to read: the aanbieder's report is not lost.
    expect(await db2.query('select soort, gebeurtenis from terugkoppeling where klacht_id = $1', [k.body.id])).toEqual([
      { soort: 'tevredenheid', gebeurtenis: null },
    ]);
    // The klachtbehandelaar recording the same terugkoppeling does apply it: the step is the gemeente's.
    const doorGemeente = await request(t.http).post(pad).set('Authorization', behandelaar).send({ soort: 'tevredenheid', tevreden: true });
    expect(doorGemeente.body).toEqual(expect.objectContaining({ toegepast: true, gebeurtenis: 'KLAGER_TEVREDEN' }));
  });

  it("Wkkgz 17 lid 1: under the zorgaanbieder's own klachtenregeling its terugkoppeling does make the outcome", async () => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...intake('zorg-centrum'), aanbieders: [{ id: 'zorg-centrum', naam: 'Zorg Centrum', type: 'zorg' }] });
    expect(k.status).toBe(201);
    expect(k.body.state).toBe('wkkgz.bijKlachtenfunctionaris');
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-centrum');
    const res = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/terugkoppelingen`)
      .set('Authorization', aanbieder)
      .send({ soort: 'afdoening', oordeel: 'gegrond' });
    expect(res.body).toEqual(expect.objectContaining({ toegepast: true, gebeurtenis: 'AFDOENEN', state: 'wkkgz.uitkomstMeegedeeld' }));
  });

  it('an ombudsman informatievraag becomes a linked sub-klacht with its own termijnen', async () => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send(intake('zorg-noord', { complex: true }));
    const res = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2026-05-04T09:00:00+02:00', termijn: '2026-05-25' });
    expect(res.status).toBe(201);
    expect(res.body.hoofdKlachtId).toBe(k.body.id);
    expect(res.body.klachtId).not.toBe(k.body.id);
    const [koppeling] = await t.app
      .get(DataSource)
      .query('select hoofd_klacht_id, soort from klacht_koppeling where klacht_id = $1', [res.body.klachtId]);
    expect(koppeling).toEqual({ hoofd_klacht_id: k.body.id, soort: 'informatievraag' });
    const sub = await request(t.http).get(`/api/v1/klachten/${res.body.klachtId}`).set('Authorization', behandelaar);
    expect(sub.body.ingediendBij).toBe('ombudsman');
    expect(sub.body.termijnen.length).toBeGreaterThan(0);
  });
});

/** Weesp (GM0457) went into Amsterdam on 24 March 2022 (Wet arhi): a request of the ombudsman after that is a klacht under Amsterdam's regeling. */
describe('an ombudsman request after a herindeling', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('api_klacht_acties_herindeling');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' } });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it("AVG art. 5 lid 1 sub c: the request carries only the hoofdklacht's facts that the regeling in force on its day asks about", async () => {
    // Received by Weesp before the herindeling; Amsterdam, which took Weesp over, registers and handles it.
    const weesp = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', weesp).send(weespKlacht());
    expect(k.status).toBe(201);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/ombudsman-verzoeken`)
      .set('Authorization', weesp)
      .send({ soort: 'informatievraag', ontvangenOp: '2022-06-01T09:00:00+02:00', termijn: '2022-06-22' });
    expect(res.status).toBe(201);
    const [sub] = await t.app.get(DataSource).query('select gemeente, definitie_id, feiten from klacht where id = $1', [res.body.klachtId]);
    // Received in June 2022: by Amsterdam, under its regeling.
    expect(sub.gemeente).toBe('GM0363');
    expect(sub.definitie_id).toBe('gm0363-amsterdam');
    expect(sub.feiten).toEqual({ ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2022-06-22' });
  });
});
