import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
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
  let nu = new Date('2026-04-02T11:00:00+02:00');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    db = await createTestDatabase('api_klacht_acties');
    // The service's clock, the morning the klachten come in: never today's date (their termijnen would have passed).
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  beforeEach(() => {
    nu = new Date('2026-04-02T11:00:00+02:00');
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

  it('OWASP API1, Awb 9:12: an aanbieder named beside the one that handles the klacht reports, but cannot take it in behandeling or end it', async () => {
    // Filed at zorg-west naming zorg-oost too: it runs at zorg-west, the aanbieder it was filed with (its first).
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        ...intake('zorg-west'),
        ingediendBij: 'aanbieder',
        aanbieders: [
          { id: 'zorg-west', naam: 'Zorg West', type: 'wmo' },
          { id: 'zorg-oost', naam: 'Zorg Oost', type: 'wmo' },
        ],
      });
    expect([k.status, k.body.state]).toEqual([201, 'bijAanbieder.inBehandeling']);
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const oost = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-oost');
    const west = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-west');
    const meld = async (sleutel: string, body: Record<string, unknown>) => {
      const r = await request(t.http).post(pad).set('Authorization', sleutel).send(body);
      return [r.status, r.body.toegepast, r.body.gebeurtenis, r.body.state];
    };
    const oostAfdoening = await request(t.http).post(pad).set('Authorization', oost).send({ soort: 'afdoening', oordeel: 'ongegrond' });
    const oostMaatregelen = await meld(oost, { soort: 'maatregelen', maatregelen: ['excuses'] });
    const ds = t.app.get(DataSource);
    const historie = async () =>
      (await ds.query('select type from klacht_gebeurtenis where klacht_id = $1 order by id', [k.body.id])).map(
        (h: { type: string }) => h.type,
      );
    const voorWest = await historie();
    // The aanbieder that handles it ends it.
    const westAfdoening = await meld(west, { soort: 'afdoening', oordeel: 'gegrond' });
    expect({
      oostAfdoening: [oostAfdoening.status, oostAfdoening.body.toegepast, oostAfdoening.body.gebeurtenis, oostAfdoening.body.state],
      oostReden: oostAfdoening.body.reden,
      oostMaatregelen,
      voorWest,
      westAfdoening,
      rijen: await ds.query('select aanbieder_id, soort, gebeurtenis from terugkoppeling where klacht_id = $1 order by created_at', [
        k.body.id,
      ]),
    }).toEqual({
      oostAfdoening: [201, false, null, 'bijAanbieder.inBehandeling'],
      oostReden: expect.stringContaining('zorg-oost'),
      oostMaatregelen: [201, false, null, 'bijAanbieder.inBehandeling'],
      voorWest: ['KLACHT_ONTVANGEN'],
      westAfdoening: [201, true, 'AFDOENEN', 'bijAanbieder.afgedaan'],
      // Kept for the gemeente to read, with who reported what.
      rijen: [
        { aanbieder_id: 'zorg-oost', soort: 'afdoening', gebeurtenis: null },
        { aanbieder_id: 'zorg-oost', soort: 'maatregelen', gebeurtenis: null },
        { aanbieder_id: 'zorg-west', soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
      ],
    });
  });

  it("OWASP API1, Klachtenprotocol Wmo keten Amsterdam §5A: a klacht forwarded on the loket's aantalAanbieders 1 while it names two goes to the first; only that one takes it in behandeling", async () => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        ...intake('zorg-eerste', { aantalAanbieders: 1, complex: false, eerderBijAanbieder: false }),
        aanbieders: [
          { id: 'zorg-eerste', naam: 'Zorg Eerste', type: 'wmo' },
          { id: 'zorg-tweede', naam: 'Zorg Tweede', type: 'wmo' },
        ],
      });
    expect([k.status, k.body.state]).toEqual([201, 'doorgestuurdNaarAanbieder']);
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const meld = async (aanbieder: string) => {
      const r = await request(t.http)
        .post(pad)
        .set('Authorization', await bearer(t.app, 'GM0363', 'aanbieder', aanbieder))
        .send({ soort: 'behandeling' });
      return [r.status, r.body.toegepast, r.body.gebeurtenis, r.body.state];
    };
    expect({ tweede: await meld('zorg-tweede'), eerste: await meld('zorg-eerste') }).toEqual({
      tweede: [201, false, null, 'doorgestuurdNaarAanbieder'],
      eerste: [201, true, 'AANBIEDER_NEEMT_IN_BEHANDELING', 'bijAanbieder.inBehandeling'],
    });
  });

  it("Uitgangspunten klachtenmanagement Sociaal Domein §10, Awb 9:12a: while the gemeente handles the klacht, the aanbieder's registratie is kept but does not overwrite the gemeente's", async () => {
    // The klager wants to complain at the gemeente directly (Klachtenprotocol Wmo keten Amsterdam §5B).
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send(intake('zorg-registratie', { complex: false, eerderBijAanbieder: false, wilDirectBijGemeente: true }));
    expect([k.status, k.body.state]).toEqual([201, 'gemeente.informeleFase']);
    const gemeente = await request(t.http)
      .patch(`/api/v1/klachten/${k.body.id}/registratie`)
      .set('Authorization', behandelaar)
      .send({ tevredenheid: 'ontevreden' });
    expect(gemeente.status).toBe(200);
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-registratie');
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const registratie = await request(t.http)
      .post(pad)
      .set('Authorization', aanbieder)
      .send({ soort: 'registratie', registratie: { tevredenheid: 'tevreden' } });
    // Also with an event that is only kept: its registratie is not written on its own.
    const metEvent = await request(t.http)
      .post(pad)
      .set('Authorization', aanbieder)
      .send({ soort: 'tevredenheid', tevreden: true, registratie: { tevredenheid: 'tevreden' } });
    const ds = t.app.get(DataSource);
    const [{ tevredenheid }] = await ds.query('select tevredenheid from klacht where id = $1', [k.body.id]);
    const historie = (await ds.query('select type from klacht_gebeurtenis where klacht_id = $1 order by id', [k.body.id])).map(
      (h: { type: string }) => h.type,
    );
    expect({
      registratie: [registratie.status, registratie.body.toegepast, registratie.body.gebeurtenis],
      reden: registratie.body.reden,
      metEvent: [metEvent.status, metEvent.body.toegepast, metEvent.body.gebeurtenis],
      tevredenheid,
      historie,
      rijen: await ds.query('select soort, gebeurtenis from terugkoppeling where klacht_id = $1 order by created_at', [k.body.id]),
    }).toEqual({
      registratie: [201, false, null],
      reden: expect.stringContaining('gemeente'),
      metEvent: [201, false, null],
      tevredenheid: 'ontevreden',
      historie: ['KLACHT_ONTVANGEN', 'REGISTRATIE_GEWIJZIGD'],
      rijen: [
        { soort: 'registratie', gebeurtenis: null },
        { soort: 'tevredenheid', gebeurtenis: null },
      ],
    });
  });

  it('an event is something that happened: a terugkoppeling dated in the future is refused (422 naming at) and nothing is stored, also one the klacht would not take at that moment', async () => {
    nu = new Date('2026-06-01T10:00:00+02:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...intake('zorg-toekomst'), ontvangenOp: '2026-05-28T10:00:00+02:00' });
    expect(k.status).toBe(201);
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-toekomst');
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    const ds = t.app.get(DataSource);
    const rijen = async () =>
      (await ds.query('select soort from terugkoppeling where klacht_id = $1 order by created_at', [k.body.id])).map(
        (r: { soort: string }) => r.soort,
      );
    const historie = async () =>
      (await ds.query('select type from klacht_gebeurtenis where klacht_id = $1 order by id', [k.body.id])).map(
        (h: { type: string }) => h.type,
      );
    const meld = async (body: Record<string, unknown>) => {
      const r = await request(t.http).post(pad).set('Authorization', aanbieder).send(body);
      return r.status === 201
        ? [r.status, r.body.toegepast, r.body.reden ?? null]
        : [r.status, r.headers['content-type'].split(';')[0], r.body.code, r.body.invalidParams?.map((p: { name: string }) => p.name)];
    };
    const geweigerd = [422, 'application/problem+json', 'tijdstip-in-de-toekomst', ['at']];
    // Dated 1 September: refused, and no row kept for it.
    const september = await meld({ soort: 'behandeling', at: '2026-09-01T10:00:00+02:00' });
    // A registratie dated in the future: no row, no values.
    const registratie = await meld({ soort: 'registratie', at: '2026-06-20T10:00:00+02:00' });
    // A report dated on a day that has passed is taken: the moment is refused, not the report.
    const behandeling = await meld({ soort: 'behandeling', at: '2026-05-29T10:00:00+02:00' });
    // An afdoening dated 20 June, sent twice (a retry): refused both times, no row either time.
    const afdoening = [
      await meld({ soort: 'afdoening', oordeel: 'gegrond', at: '2026-06-20T10:00:00+02:00' }),
      await meld({ soort: 'afdoening', oordeel: 'gegrond', at: '2026-06-20T10:00:00+02:00' }),
    ];
    const afgedaan = await meld({ soort: 'afdoening', oordeel: 'gegrond' });
    // The klager's answer dated July 2027: by then his year after the afdoening (Awb 9:24 lid 1 sub a by analogy) would
    // have passed and closed the klacht. Refused for its moment, not judged "past nu niet" at a moment that has not come.
    const volgendJaar = await meld({ soort: 'tevredenheid', tevreden: true, at: '2027-07-01T10:00:00+02:00' });
    expect({
      september,
      registratie,
      behandeling,
      afdoening,
      afgedaan,
      volgendJaar,
      rijen: await rijen(),
      historie: await historie(),
    }).toEqual({
      september: geweigerd,
      registratie: geweigerd,
      behandeling: [201, true, null],
      afdoening: [geweigerd, geweigerd],
      afgedaan: [201, true, null],
      volgendJaar: geweigerd,
      rijen: ['behandeling', 'afdoening'],
      historie: ['KLACHT_ONTVANGEN', 'AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN'],
    });
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

  it('Awb 9:31: an ombudsman informatievraag becomes a linked sub-klacht that runs to the date the ombudsman set, not to the six weeks of Awb 9:11', async () => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send(intake('zorg-noord', { complex: true }));
    // Registered the morning the ombudsman's letter came in.
    nu = new Date('2026-05-04T10:00:00+02:00');
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
    expect(sub.body.state).toBe('verzoekOmbudsman.informatievraag');
    // Only the ombudsman's date (Awb 9:31), as it is: no Awb 9:11 afhandeltermijn of 15 June, no Atw.
    expect(
      sub.body.termijnen.map((x: { naam: string; vervaldatum: string; grondslag: string; escalatieNaar: string }) => [
        x.naam,
        x.vervaldatum,
        x.grondslag,
        x.escalatieNaar,
      ]),
    ).toEqual([['ombudsmanTermijn', '2026-05-25', 'Awb 9:31', 'leidinggevende']]);
  });
});

/**
 * Awb 9:31 through the API, on a fixed clock: the ombudsman's informatievraag is answered by his date; when that date
 * passes, the gemeente escalates inside (leidinggevende), and nobody writes to a klager (it was the ombudsman who asked).
 */
describe('a request of the ombudsman for cooperation through the API (Awb 9:31)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let behandelaar: string;
  let nu = new Date('2026-11-02T10:00:00+01:00');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    db = await createTestDatabase('api_klacht_acties_awb931');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Awb 9:31: a request of the ombudsman never tells the klager to go to the ombudsman', async () => {
    nu = new Date('2026-11-02T10:00:00+01:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...intake('zorg-noord', { complex: true }), ontvangenOp: '2026-10-01T10:00:00+02:00' });
    expect(k.status).toBe(201);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2026-11-02T09:00:00+01:00', termijn: '2026-11-20' });
    expect(res.status).toBe(201);
    const sub = res.body.klachtId as string;
    expect(res.body.state).toBe('verzoekOmbudsman.informatievraag');
    const ds = t.app.get(DataSource);
    const [{ revision }] = await ds.query(`select revision from termijn where klacht_id = $1 and naam = 'ombudsmanTermijn'`, [sub]);
    // The day after the ombudsman's date, at midnight: the wake-up the worker would run.
    nu = new Date('2026-11-21T00:00:05+01:00');
    const wek = t.app.get(TermijnWakeService);
    expect(await wek.verval({ klachtId: sub, termijnNaam: 'ombudsmanTermijn', revision, kind: 'verval' }, nu)).toBe('verwerkt');
    // Weeks later (past the six weeks of Awb 9:11) the loket answers; the case closes, with no second-line window.
    nu = new Date('2026-12-16T10:00:00+01:00');
    const antwoord = await request(t.http)
      .post(`/api/v1/klachten/${sub}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type: 'INFORMATIE_VERSTREKT', data: { toelichting: 'dossier en gespreksverslagen' } });
    expect(antwoord.status).toBe(200);
    expect([antwoord.body.state, antwoord.body.termijnen.map((x: { naam: string }) => x.naam)]).toEqual([
      'afgesloten',
      ['ombudsmanTermijn'],
    ]);
    const berichten: Array<{ type: string; naar: string | null }> = await ds.query(
      `select type, coalesce(payload->'intent'->>'naar', payload->>'naar') as naar from outbox where klacht_id = $1 order by id`,
      [sub],
    );
    const typen = berichten.map((b) => b.type);
    expect(typen).toEqual(expect.arrayContaining(['intent.INFORMATIE_AAN_OMBUDSMAN', 'intent.TERMIJN_OVERSCHREDEN', 'intent.ESCALATIE']));
    expect(berichten.filter((b) => b.type === 'intent.ESCALATIE').map((b) => b.naar)).toEqual(['leidinggevende']);
    // Nothing to a klager, and no intake of a klacht sent on (Awb 9:20) or a letter about the second line (Awb 9:24).
    expect(berichten.filter((b) => b.naar === 'klager' || /KLAGER_|ONTVANGST_DOORGEZONDEN|ONTVANGSTBEVESTIGING/.test(b.type))).toEqual([]);
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

  it("AVG art. 5 lid 1 sub f, Wet arhi art. 40: a request about a Weesp klacht after the herindeling is not shown to Amsterdam's aanbieder with the same id", async () => {
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    // Weesp's 'zorg-x' and Amsterdam's 'zorg-x' are two organisations: an id is chosen per gemeente.
    const weesp = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        ...weespKlacht('Over Weesps zorg-x'),
        aanbieders: [{ id: 'zorg-x', naam: 'Zorg X (Weesp)', type: 'wmo' }],
        feiten: { ...weespKlacht().feiten, aantalAanbieders: 1 },
      });
    expect(weesp.status).toBe(201);
    const eigen = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...intake('zorg-x', { complex: true }), ontvangenOp: '2022-06-01T10:00:00+02:00', onderwerp: 'Over Amsterdams zorg-x' });
    expect(eigen.status).toBe(201);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${weesp.body.id}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2022-06-01T09:00:00+02:00', termijn: '2022-06-10' });
    expect(res.status).toBe(201);
    const sub = res.body.klachtId as string;
    const amsZorgX = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-x');
    // The key works: Amsterdam's zorg-x reads its own klacht, not Weesp's, nor the request about Weesp's.
    expect((await request(t.http).get(`/api/v1/klachten/${eigen.body.id}`).set('Authorization', amsZorgX)).status).toBe(200);
    expect((await request(t.http).get(`/api/v1/klachten/${weesp.body.id}`).set('Authorization', amsZorgX)).status).toBe(404);
    const gelezen = await request(t.http).get(`/api/v1/klachten/${sub}`).set('Authorization', amsZorgX);
    expect([gelezen.status, gelezen.body.onderwerp]).toEqual([404, undefined]);
    const werkvoorraad = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', amsZorgX);
    expect(werkvoorraad.status).toBe(200);
    const ids = werkvoorraad.body.resultaten.map((x: { id: string }) => x.id);
    expect(ids).toContain(eigen.body.id);
    expect(ids).not.toContain(sub);
    // Filed with Amsterdam, at its loket, naming no aanbieder of Weesp as if it were Amsterdam's (nor a count of them);
    // the hoofdklacht still names it.
    const rijen = await t.app
      .get(DataSource)
      .query('select id, gemeente, aanbieders, feiten, state from klacht where id = any($1)', [[sub, weesp.body.id]]);
    expect(rijen.find((r: { id: string }) => r.id === sub)).toEqual({
      id: sub,
      gemeente: 'GM0363',
      aanbieders: [],
      feiten: { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2022-06-10' },
      state: 'verzoekOmbudsman.informatievraag',
    });
    expect(rijen.find((r: { id: string }) => r.id === weesp.body.id).aanbieders).toEqual([
      { id: 'zorg-x', naam: 'Zorg X (Weesp)', type: 'wmo' },
    ]);
    expect((await request(t.http).get(`/api/v1/klachten/${sub}`).set('Authorization', behandelaar)).status).toBe(200);
  });
});
