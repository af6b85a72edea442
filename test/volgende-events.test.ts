import request from 'supertest';
import { KLOK } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/** The service's clock (KLOK), set by each step of a test; never the wall clock. No worker runs: no wake-up comes. */
const klok = { moment: new Date('2026-04-02T10:01:00+02:00'), nu: () => new Date(klok.moment.getTime()) };

const typen = (lijst: Array<{ type: string }>) => lijst.map((v) => v.type);

/**
 * The list of next events a klacht shows (GET /klachten/{id}, its tijdlijn, the terugkoppeling's check) is the one of
 * the moment it is read, by the service's clock: the list stored at the klacht's last step can have become untrue
 * without any step, when a termijn passed or the second line changed (docs/api.md, volgendeEvents).
 */
describe('volgendeEvents on the day it is read (Awb 9:24 lid 1 naar analogie)', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('volgende_events');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const opgeslagen = async (id: string): Promise<string[]> =>
    ((await t.db.query(`select volgende_events from klacht where id = $1`, [id])) as Array<{ volgende_events: string[] }>)[0]
      .volgende_events;

  it('Stichtse Vecht (Uitgangspunten klachtenmanagement Sociaal Domein §5B): KLACHT_BIJ_GEMEENTE is listed from the day after the aanbieder’s termijn, before any wake-up, exactly when a step on that day is accepted', async () => {
    const auth = await bearer(t.app, 'GM1904', 'klachtbehandelaar');
    klok.moment = new Date('2026-04-02T10:01:00+02:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: 'GM1904',
        kanaal: 'brief',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        onderwerp: 'De begeleiding kwam niet',
        aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
        feiten: {},
      })
      .expect(201);
    expect(k.body.state).toBe('bijAanbieder.inBehandeling');
    expect(k.body.termijnen.find((x: { naam: string }) => x.naam === 'aanbiederAfhandeling').vervaldatum).toBe('2026-05-14');
    const id = k.body.id as string;
    const lezen = async () => {
      const detail = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth).expect(200);
      const tijdlijn = await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', auth).expect(200);
      const lijst = await request(t.http).get(`/api/v1/klachten?state=bijAanbieder`).set('Authorization', auth).expect(200);
      const inLijst = lijst.body.resultaten.find((r: { id: string }) => r.id === id);
      return [typen(detail.body.volgendeEvents), typen(tijdlijn.body.volgendeEvents), typen(inLijst.volgendeEvents)].map((l) =>
        l.includes('KLACHT_BIJ_GEMEENTE'),
      );
    };

    // The aanbieder's last day (it counts in full): not listed, and a step is refused (409); nothing changes.
    klok.moment = new Date('2026-05-14T20:00:00+02:00');
    expect(await lezen()).toEqual([false, false, false]);
    const teVroeg = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type: 'KLACHT_BIJ_GEMEENTE' });
    expect(teVroeg.status).toBe(409);

    // The next morning, before the wake-up records the passing: the stored list (of the intake) still lacks it, every
    // view lists it, and the step is accepted.
    klok.moment = new Date('2026-05-15T09:00:00+02:00');
    expect(await opgeslagen(id)).not.toContain('KLACHT_BIJ_GEMEENTE');
    expect(await lezen()).toEqual([true, true, true]);
    // A refused event's 409 names what the klacht takes at that event's moment, not the stored list.
    const past = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type: 'KLAGER_ONTEVREDEN' });
    expect([past.status, past.body.toegestaneGebeurtenissen]).toEqual([409, expect.arrayContaining(['KLACHT_BIJ_GEMEENTE'])]);
    const stap = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type: 'KLACHT_BIJ_GEMEENTE' });
    expect([stap.status, stap.body.state]).toEqual([200, 'gemeente.informeleFase']);
  });

  it('Awb 9:18 with the Weesp regeling: after the aanbieder’s afdoening of 10 March 2022 VERZOEK_OMBUDSMAN is listed from 24 March 2022, when the Ombudsman Metropool Amsterdam that judges aanbieders answers (Wet arhi art. 40), and a step on that day is accepted', async () => {
    klok.moment = new Date('2022-03-01T10:01:00+01:00');
    const weesp = await bearer(t.app, 'GM0457', 'klachtbehandelaar');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', weesp)
      .send({
        gemeente: 'GM0457',
        kanaal: 'brief',
        ontvangenOp: '2022-03-01T10:00:00+01:00',
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        onderwerp: 'De begeleiding kwam niet',
        aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
        feiten: {},
      })
      .expect(201);
    const id = k.body.id as string;
    klok.moment = new Date('2022-03-10T10:01:00+01:00');
    const af = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', weesp)
      .send({ type: 'AFDOENEN', at: '2022-03-10T10:00:00+01:00', data: { oordeel: 'gegrond' } });
    expect([af.status, af.body.state]).toEqual([200, 'bijAanbieder.afgedaan']);
    // Weesp's own second line, the Nationale ombudsman, does not judge aanbieders (Uitgangspunten §5A).
    expect(typen(af.body.volgendeEvents)).not.toContain('VERZOEK_OMBUDSMAN');

    // From 24 March 2022 Amsterdam works the klacht; the stored list (of 10 March) still lacks the request.
    klok.moment = new Date('2022-03-24T10:00:00+01:00');
    const amsterdam = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    expect(await opgeslagen(id)).not.toContain('VERZOEK_OMBUDSMAN');
    const detail = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', amsterdam).expect(200);
    expect(typen(detail.body.volgendeEvents)).toContain('VERZOEK_OMBUDSMAN');
    const tijdlijn = await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', amsterdam).expect(200);
    expect(typen(tijdlijn.body.volgendeEvents)).toContain('VERZOEK_OMBUDSMAN');
    // A refused event's 409 names what the klacht takes at that event's moment, not the stored list.
    const past = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', amsterdam)
      .send({ type: 'AANBIEDER_NEEMT_IN_BEHANDELING' });
    expect([past.status, past.body.toegestaneGebeurtenissen]).toEqual([409, expect.arrayContaining(['VERZOEK_OMBUDSMAN'])]);
    const verzoek = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', amsterdam)
      .send({ type: 'VERZOEK_OMBUDSMAN' });
    expect([verzoek.status, verzoek.body.state]).toEqual([200, 'bijOmbudsman.onderzoek']);
  });

  it('Amsterdam (Klachtenprotocol Wmo keten §6): the aanbieder’s terugkoppeling of the klager’s answer is checked against the list of the moment the answer was given, within the year after its afdoening or not', async () => {
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-west');
    klok.moment = new Date('2026-04-02T10:01:00+02:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: 'GM0363',
        kanaal: 'telefoon',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        soort: 'klacht',
        onderwerp: 'Huishoudelijke hulp kwam niet',
        aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
        feiten: { complex: false, eerderBijAanbieder: false },
      })
      .expect(201);
    const pad = `/api/v1/klachten/${k.body.id}/terugkoppelingen`;
    klok.moment = new Date('2026-04-20T10:01:00+02:00');
    const af = await request(t.http).post(pad).set('Authorization', aanbieder).send({ soort: 'afdoening', oordeel: 'gegrond' });
    expect(af.body).toEqual(expect.objectContaining({ toegepast: true, state: 'bijAanbieder.afgedaan' }));

    // The day after the year from the afdoening (Awb 9:24 lid 1 sub a naar analogie), no wake-up yet: an answer of today
    // is too late, and the check says so before trying.
    klok.moment = new Date('2027-04-21T09:00:00+02:00');
    const teLaat = await request(t.http).post(pad).set('Authorization', aanbieder).send({ soort: 'tevredenheid', tevreden: true });
    expect(teLaat.body).toEqual(
      expect.objectContaining({ toegepast: false, reden: expect.stringContaining('KLAGER_TEVREDEN past nu niet') }),
    );
    // The answer the klager gave on the year's last day, reported this morning: in time, taken.
    const opTijd = await request(t.http)
      .post(pad)
      .set('Authorization', aanbieder)
      .send({ soort: 'tevredenheid', tevreden: true, at: '2027-04-20T16:00:00+02:00' });
    expect(opTijd.body).toEqual(expect.objectContaining({ toegepast: true, gebeurtenis: 'KLAGER_TEVREDEN', state: 'afgesloten' }));
  });
});
