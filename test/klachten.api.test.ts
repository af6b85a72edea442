import request from 'supertest';
import { eersteVervalSql } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { bearer } from './auth-support';

/**
 * The klachten API end to end on the real seed definitions (definitions/, loadRegistry):
 * Amsterdam (GM0363, Klachtenprotocol Wmo keten) through HTTP, PostgreSQL and the queue.
 */
const AMSTERDAM = 'GM0363';

/** A klachtbehandelaar key for Amsterdam when the auth module is loaded; no header otherwise. */
async function authHeader(t: EngineApp): Promise<Record<string, string>> {
  try {
    return { Authorization: await bearer(t.app, AMSTERDAM, 'klachtbehandelaar') };
  } catch {
    return {};
  }
}

describe('klachten API on the real Amsterdam definition', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('klachten_api');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities', env: { SWEEP_INTERVAL_MS: '300' } });
    auth = await authHeader(t);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const intake = (over: Record<string, unknown> = {}) => ({
    gemeente: AMSTERDAM,
    kanaal: 'webformulier',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'Twee ketenpartners spreken elkaar tegen',
    // Amsterdam §5B: more than one ketenpartner, so the gemeente handles it itself.
    aanbieders: [
      { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
      { id: 'thuishulp-west', naam: 'Thuishulp West', type: 'wmo' },
    ],
    feiten: {},
    ...over,
  });

  it('a klacht created through the API shows its termijnen with explanations', async () => {
    const res = await request(t.http).post('/api/v1/klachten').set(auth).send(intake()).expect(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual(
      expect.objectContaining({ gemeente: AMSTERDAM, definitieId: 'gm0363-amsterdam', state: expect.stringMatching(/^gemeente\./) }),
    );
    const afhandeling = res.body.termijnen.find((x: { naam: string }) => x.naam === 'afhandeling');
    // Awb 9:11: six weeks after 2 April 2026 = 14 May, Hemelvaartsdag, 15 May decree day, so Monday 18 May.
    expect(afhandeling).toEqual(
      expect.objectContaining({ vervaldatum: '2026-05-18', status: 'lopend', vervaltOp: '2026-05-18T22:00:00.000Z' }),
    );
    expect(afhandeling.uitleg.length).toBeGreaterThan(1);
    expect(afhandeling.uitleg.join('\n')).toMatch(/Hemelvaartsdag/);
    const detail = await request(t.http).get(`/api/v1/klachten/${res.body.id}`).set(auth).expect(200);
    // (Received in April: by now the worker may already have fired the passed termijnen.)
    expect(detail.body.gebeurtenissen[0]).toEqual(
      expect.objectContaining({ type: 'KLACHT_ONTVANGEN', actor: expect.stringMatching(/^api/), vanState: null }),
    );
    expect(detail.body.termijnen.map((x: { naam: string }) => x.naam)).toEqual(expect.arrayContaining(['afhandeling']));
    expect(res.body.volgendeEvents).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'FORMELE_BEHANDELING' })]));
  });

  it('an event through the API moves the klacht and is recorded in its history', async () => {
    const { body } = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString() }))
      .expect(201);
    const at = new Date(Date.now() + 60_000);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${body.id}/gebeurtenissen`)
      .set(auth)
      .set('X-Correlation-ID', 'test-correlatie-1')
      .send({ type: 'FORMELE_BEHANDELING', at: at.toISOString() })
      .expect(200);
    expect(res.body.state).not.toBe(body.state);
    expect(res.body.version).toBe(2);
    const laatste = res.body.gebeurtenissen[res.body.gebeurtenissen.length - 1];
    expect(laatste).toEqual(
      expect.objectContaining({
        type: 'FORMELE_BEHANDELING',
        vanState: body.state,
        naarState: res.body.state,
        correlationId: 'test-correlatie-1',
        at: at.toISOString(),
      }),
    );
  });

  it("an event or intake dated in the future is refused with 422 naming the field, and changes nothing: the klacht's clock never jumps ahead", async () => {
    const { body } = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString() }))
      .expect(201);
    const volgendJaar = new Date(Date.now() + 365 * 86400_000).toISOString();
    const res = await request(t.http)
      .post(`/api/v1/klachten/${body.id}/gebeurtenissen`)
      .set(auth)
      .send({ type: 'FORMELE_BEHANDELING', at: volgendJaar });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'at' })]);
    // Nothing changed, and an ordinary event right now is still accepted.
    const na = await request(t.http).get(`/api/v1/klachten/${body.id}`).set(auth).expect(200);
    expect(na.body.version).toBe(body.version);
    await request(t.http).post(`/api/v1/klachten/${body.id}/gebeurtenissen`).set(auth).send({ type: 'FORMELE_BEHANDELING' }).expect(200);
    const intakeToekomst = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: volgendJaar }));
    expect(intakeToekomst.status).toBe(422);
    expect(intakeToekomst.body.invalidParams).toEqual([expect.objectContaining({ name: 'ontvangenOp' })]);
  });

  it('Selectielijst 13.2: KLACHT_INGETROKKEN ends the klacht in ingetrokken and cancels every running termijn', async () => {
    const { body } = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString() }))
      .expect(201);
    const lopend = body.termijnen.filter((x: { status: string }) => x.status === 'lopend').map((x: { naam: string }) => x.naam);
    expect(lopend).toEqual(expect.arrayContaining(['afhandeling']));
    const res = await request(t.http)
      .post(`/api/v1/klachten/${body.id}/gebeurtenissen`)
      .set(auth)
      .send({ type: 'KLACHT_INGETROKKEN', data: { reden: 'opgelost' } })
      .expect(200);
    expect(res.body.state).toBe('ingetrokken');
    const na = await request(t.http).get(`/api/v1/klachten/${body.id}`).set(auth).expect(200);
    expect(na.body.state).toBe('ingetrokken');
    for (const naam of lopend) {
      expect(na.body.termijnen.find((x: { naam: string }) => x.naam === naam)).toEqual(expect.objectContaining({ status: 'vervallen' }));
    }
    expect(na.body.termijnen.filter((x: { status: string }) => x.status === 'lopend')).toEqual([]);
    await request(t.http).post(`/api/v1/klachten/${body.id}/gebeurtenissen`).set(auth).send({ type: 'KLACHT_INGETROKKEN' }).expect(409);
  });

  it('an event the definition does not allow now answers 409 problem+json and changes nothing', async () => {
    const { body } = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString() }))
      .expect(201);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${body.id}/gebeurtenissen`)
      .set(auth)
      .send({ type: 'AFDOENEN', data: { oordeel: 'gegrond' } })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        status: 409,
        code: 'gebeurtenis-niet-toegestaan',
        detail: expect.any(String),
        toegestaneGebeurtenissen: expect.arrayContaining(['FORMELE_BEHANDELING']),
      }),
    );
    const na = await request(t.http).get(`/api/v1/klachten/${body.id}`).set(auth).expect(200);
    expect(na.body.version).toBe(1);
    expect(na.body.gebeurtenissen).toHaveLength(1);
    expect(na.body.termijnen).toEqual(body.termijnen);
  });

  it('TERMIJN_VERLOPEN cannot be sent through the API: expiry comes from the termijn table', async () => {
    const { body } = await request(t.http).post('/api/v1/klachten').set(auth).send(intake()).expect(201);
    const res = await request(t.http)
      .post(`/api/v1/klachten/${body.id}/gebeurtenissen`)
      .set(auth)
      .send({ type: 'TERMIJN_VERLOPEN', data: { termijn: 'afhandeling' } })
      .expect(409);
    expect(res.body.code).toBe('gebeurtenis-voorbehouden');
  });

  it('an unknown klacht answers 404 problem+json', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-uuid']) {
      const res = await request(t.http).get(`/api/v1/klachten/${id}`).set(auth).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('klacht-niet-gevonden');
    }
    const res = await request(t.http)
      .post('/api/v1/klachten/00000000-0000-4000-8000-000000000000/gebeurtenissen')
      .set(auth)
      .send({ type: 'FORMELE_BEHANDELING' })
      .expect(404);
    expect(res.body.code).toBe('klacht-niet-gevonden');
  });

  it('bad input answers 400 with invalidParams naming each field, and stores nothing', async () => {
    const bestaand = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString() }))
      .expect(201);
    const [{ n: voor }] = await t.db.query(`select count(*)::int as n from klacht`);
    const res = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ kanaal: 'fax', ontvangenOp: '2 april', aanbieders: [{ id: 'a b' }], feiten: { Complex: { nested: true } } }))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const namen = res.body.invalidParams.map((p: { name: string }) => p.name);
    expect(namen).toEqual(expect.arrayContaining(['kanaal', 'ontvangenOp', 'aanbieders[0].id', 'feiten']));
    const ev = await request(t.http)
      .post(`/api/v1/klachten/${bestaand.body.id}/gebeurtenissen`)
      .set(auth)
      .send({ type: 'afdoen', at: 'gisteren' })
      .expect(400);
    expect(ev.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['type', 'at']));
    const [{ n: na }] = await t.db.query(`select count(*)::int as n from klacht`);
    expect(na).toBe(voor);
    const [{ n: historie }] = await t.db.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1`, [
      bestaand.body.id,
    ]);
    expect(historie).toBe(1);
  });

  it('AVG art. 5 lid 1 sub c: an intake fact the Amsterdam regeling does not ask about, or of the wrong kind, is a 422 naming it; nothing is stored', async () => {
    const [{ n: voor }] = await t.db.query(`select count(*)::int as n from klacht`);
    const res = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString(), feiten: { complex: 'ja', geboortedatum: '1950-01-01' } }))
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('feiten-ongeldig');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['feiten.complex', 'feiten.geboortedatum']);
    const [{ n: na }] = await t.db.query(`select count(*)::int as n from klacht`);
    expect(na).toBe(voor);
    // The declared facts, of their kind, are accepted.
    await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: new Date().toISOString(), feiten: { complex: true } }))
      .expect(201);
  });

  it('lists klachten filtered by gemeente, state, aanbieder and overdue, paginated with a maximum page size', async () => {
    const een = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ aanbieders: [{ id: 'alleen-deze', type: 'wmo' }] }))
      .expect(201);
    const res = await request(t.http)
      .get('/api/v1/klachten')
      .query({ gemeente: AMSTERDAM, aanbieder: 'alleen-deze' })
      .set(auth)
      .expect(200);
    expect(res.body.resultaten.map((k: { id: string }) => k.id)).toEqual([een.body.id]);
    expect(res.body).toEqual(expect.objectContaining({ page: 1, pageSize: 20, totaal: 1 }));
    const prefix = een.body.state.split('.')[0];
    const perState = await request(t.http)
      .get('/api/v1/klachten')
      .query({ state: prefix, pageSize: 2, sorteer: 'createdAt' })
      .set(auth)
      .expect(200);
    expect(perState.body.resultaten.length).toBeLessThanOrEqual(2);
    expect(perState.body.resultaten.every((k: { state: string }) => k.state === prefix || k.state.startsWith(`${prefix}.`))).toBe(true);
    // Overdue = te laat: an obligation still running past its end (here: already reported, so the worker leaves it).
    const laat = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(
        intake({
          ontvangenOp: new Date().toISOString(),
          aanbieders: [
            { id: 'te-laat', type: 'wmo' },
            { id: 'ook-te-laat', type: 'wmo' },
          ],
        }),
      )
      .expect(201);
    await t.db.query(
      `update termijn set vervalt_op = now() - interval '1 day', verval_gemeld_op = now() where klacht_id = $1 and naam = 'afhandeling'`,
      [laat.body.id],
    );
    // Written past the engine: refresh its denormalised earliest due moment as the engine would (te-laat.ts).
    await t.db.query(`update klacht k set eerste_vervalt_op = ${eersteVervalSql('k')} where k.id = $1`, [laat.body.id]);
    const overdue = await request(t.http).get('/api/v1/klachten').query({ overdue: 'true', aanbieder: 'te-laat' }).set(auth).expect(200);
    expect(overdue.body.resultaten.map((k: { id: string }) => k.id)).toEqual([laat.body.id]);
    expect(overdue.body.resultaten[0].termijnen.find((x: { naam: string }) => x.naam === 'afhandeling').overdue).toBe(true);
    const opTijd = await request(t.http).get('/api/v1/klachten').query({ overdue: 'false', aanbieder: 'te-laat' }).set(auth).expect(200);
    expect(opTijd.body.totaal).toBe(0);
    const teGroot = await request(t.http).get('/api/v1/klachten').query({ pageSize: 101 }).set(auth).expect(400);
    expect(teGroot.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['pageSize']);
  });

  it('a termijn that passed while nobody looked fires TERMIJN_VERLOPEN through the real definition and escalates', async () => {
    // Amsterdam §5A: one ketenpartner, not complex, first complaint: forwarded; contact within 5 werkdagen.
    const { body } = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send(intake({ ontvangenOp: '2026-01-05T10:00:00+01:00', aanbieders: [{ id: 'zorg-noord', type: 'wmo' }] }))
      .expect(201);
    const contact = body.termijnen.find((x: { naam: string }) => x.naam === 'contact');
    expect(contact).toBeDefined();
    const fired = await waitFor(
      'contact termijn fired',
      async () => {
        const d = await request(t.http).get(`/api/v1/klachten/${body.id}`).set(auth).expect(200);
        return d.body.gebeurtenissen.find(
          (g: { type: string; payload: { termijn?: string } }) => g.type === 'TERMIJN_VERLOPEN' && g.payload.termijn === 'contact',
        );
      },
      20_000,
      200,
    );
    expect(fired.actor).toBe('systeem');
    expect(fired.at).toBe(new Date(contact.vervaltOp).toISOString());
    const [esc] = await t.db.query(
      `select payload from outbox where klacht_id = $1 and type = 'termijn.escalatie' and payload->>'naam' = 'contact'`,
      [body.id],
    );
    expect(esc.payload.naar).toBe(contact.escalatieNaar);
  });
});
