/**
 * Wet algemene regels herindeling, art. 40 e.v.: at a herindeling the gemeente that remains takes over the dissolved
 * gemeente's running matters. Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022: from that day Amsterdam's
 * klachtbehandelaars find, read and work Weesp's klachten (which keep their own gemeente and regeling), and register
 * what reached Weesp. Before that day they are not Amsterdam's, and another gemeente never sees them.
 */
import { SignJWT } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { aanbiederGemeenteFout } from '../src/modules/auth/tenant';
import { gemeentenVan } from '../src/machines/definition/gemeentecodes.data';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { weespKlacht as weespKlachtVan } from './support/weesp';

/** A clock the tests move: the day of the request decides whom a Weesp klacht belongs to. */
let nu = new Date('2026-12-03T10:00:00Z');
const klok: Klok = { nu: () => new Date(nu.getTime()) };

const weespKlacht = weespKlachtVan();

/** OIDC with a shared HS256 secret, so the token path is tested next to the keys. */
const OIDC = { OIDC_ISSUER: 'https://login.amsterdam.test/realms/klachten', OIDC_AUDIENCE: 'klachtregie', OIDC_SECRET: 'x'.repeat(40) };

/** An OIDC access token of Amsterdam's identity provider with these claims (valid five minutes from the real clock: jose checks exp). */
function oidcToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(OIDC.OIDC_ISSUER)
    .setAudience(OIDC.OIDC_AUDIENCE)
    .setSubject('portaal-zorg-x')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(OIDC.OIDC_SECRET))
    .then((jwt) => `Bearer ${jwt}`);
}

/** Runs `fn` on 10 maart 2022, while Weesp still existed (its own keys act only then). */
async function alsWeesp<T>(fn: () => PromiseLike<T>): Promise<T> {
  const was = nu;
  nu = new Date('2022-03-10T10:00:00+01:00');
  try {
    return await fn();
  } finally {
    nu = was;
  }
}

describe('Wet arhi art. 40: the successor gemeente works the dissolved gemeente’s klachten', () => {
  let db: TestDatabase;
  let t: TestApp;
  let weesp: string;
  let amsterdam: string;
  let utrecht: string;
  let klachtId: string;

  beforeAll(async () => {
    db = await createTestDatabase('herindeling_toegang');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', ...OIDC },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    weesp = await bearer(t.app, 'GM0457', 'klachtbehandelaar');
    amsterdam = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    utrecht = await bearer(t.app, 'GM0344', 'klachtbehandelaar');
    // Registered by Weesp itself, before the herindeling.
    const k = await alsWeesp(() => request(t.http).post('/api/v1/klachten').set('Authorization', weesp).send(weespKlacht));
    expect(k.status).toBe(201);
    klachtId = k.body.id;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  beforeEach(() => {
    nu = new Date('2026-12-03T10:00:00Z');
  });

  it('Wet arhi art. 40: Amsterdam reads a Weesp klacht, its tijdlijn and its inzagelog, and finds it in its list and werkvoorraad', async () => {
    const een = await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', amsterdam);
    expect(een.status).toBe(200);
    expect(een.body.gemeente).toBe('GM0457');
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}/tijdlijn`).set('Authorization', amsterdam)).status).toBe(200);
    // The dossier's read log (for the functionaris gegevensbescherming): Weesp's reads and Amsterdam's in one.
    const inzage = await request(t.http)
      .get(`/api/v1/klachten/${klachtId}/inzage`)
      .set('Authorization', await bearer(t.app, 'GM0363', 'beheerder'));
    expect(inzage.status).toBe(200);
    expect(new Set(inzage.body.map((r: { gemeente?: string; wie?: string }) => r.wie)).size).toBeGreaterThanOrEqual(2);
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', amsterdam);
    expect(lijst.status).toBe(200);
    expect(lijst.body.resultaten.map((k: { id: string }) => k.id)).toContain(klachtId);
    const werk = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', amsterdam);
    expect(werk.status).toBe(200);
    // Whose it is: Weesp's, on Weesp's regeling, in Amsterdam's werkvoorraad.
    expect(werk.body.resultaten.find((k: { id: string }) => k.id === klachtId).gemeente).toEqual({ code: 'GM0457', naam: 'Weesp' });
  });

  it('Wet arhi art. 40: Amsterdam takes a step on a Weesp klacht, under Weesp’s regeling', async () => {
    const voor = await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', amsterdam);
    const stap = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/gebeurtenissen`)
      .set('Authorization', amsterdam)
      .send({ type: 'FORMELE_BEHANDELING', at: '2022-03-02T09:00:00+01:00' });
    expect(voor.body.volgendeEvents.map((e: { type: string }) => e.type)).toContain('FORMELE_BEHANDELING');
    expect(stap.status).toBe(200);
    const na = await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', amsterdam);
    expect(na.body.state).not.toBe(voor.body.state);
    expect(na.body.definitieId).toBe(voor.body.definitieId);
  });

  it('Wet arhi art. 40: Amsterdam registers a klacht that reached Weesp before the herindeling; Utrecht may not', async () => {
    const door = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', amsterdam)
      .send({ ...weespKlacht, onderwerp: 'Brief bij Weesp blijven liggen' });
    expect(door.status).toBe(201);
    expect(door.body.gemeente).toBe('GM0457');
    const ander = await request(t.http).post('/api/v1/klachten').set('Authorization', utrecht).send(weespKlacht);
    expect(ander.status).toBe(403);
  });

  it('another gemeente does not see a Weesp klacht', async () => {
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', utrecht)).status).toBe(404);
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}/tijdlijn`).set('Authorization', utrecht)).status).toBe(404);
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', utrecht);
    expect(lijst.body.resultaten.map((k: { id: string }) => k.id)).not.toContain(klachtId);
  });

  it('Wet arhi art. 40: on 23 maart 2022, the day before the herindeling, a Weesp klacht is not yet Amsterdam’s', async () => {
    nu = new Date('2022-03-23T12:00:00+01:00');
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', amsterdam)).status).toBe(404);
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', amsterdam);
    expect(lijst.body.resultaten.map((k: { id: string }) => k.id)).not.toContain(klachtId);
    nu = new Date('2022-03-24T00:30:00+01:00');
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', amsterdam)).status).toBe(200);
  });

  it('Wet arhi art. 40 and Archiefwet: a closed Weesp klacht past its bewaartermijn goes on Amsterdam’s vernietigingslijst, which Amsterdam sees', async () => {
    const k = await alsWeesp(() =>
      request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', weesp)
        .send({ ...weespKlacht, ontvangenOp: '2019-03-01T10:00:00+01:00', onderwerp: 'Oud en afgesloten' }),
    );
    expect(k.status).toBe(201);
    const dicht = await alsWeesp(() =>
      request(t.http)
        .post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`)
        .set('Authorization', weesp)
        .send({ type: 'KLAGER_TEVREDEN', at: '2019-03-10T10:00:00+01:00' }),
    );
    expect([dicht.status, dicht.body.done]).toEqual([200, true]);
    const lijsten = await t.app.get(BewaringService).stelOpVoorAlleGemeenten();
    expect(lijsten.map((l) => l.gemeente)).toEqual(['GM0363']);
    const beheerder = await bearer(t.app, 'GM0363', 'beheerder');
    const gezien = await request(t.http).get('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
    expect(gezien.status).toBe(200);
    const lijst = await request(t.http).get(`/api/v1/vernietigingslijsten/${lijsten[0].id}`).set('Authorization', beheerder);
    expect(lijst.status).toBe(200);
    expect(lijst.body.regels.map((r: { klachtId: string }) => r.klachtId)).toContain(k.body.id);
  });

  it('Wet arhi art. 40 and AVG art. 15: Amsterdam answers an inzageverzoek about a Weesp klacht', async () => {
    const res = await request(t.http)
      .get(`/api/v1/klachten/${klachtId}/inzageverzoek`)
      .set('Authorization', await bearer(t.app, 'GM0363', 'beheerder'));
    expect(res.status).toBe(200);
  });

  it('Wet arhi art. 40: when Amsterdam ends the contract of Weesp’s aanbieder (aanbiederGemeente GM0457), the overdracht holds its Weesp klachten; Amsterdam’s own id of that name has none', async () => {
    const k = await alsWeesp(() =>
      request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', weesp)
        .send({ ...weespKlacht, onderwerp: 'Thuiszorg kwam niet', aanbieders: [{ id: 'zorg-weesp', naam: 'Zorg Weesp', type: 'wmo' }] }),
    );
    expect(k.status).toBe(201);
    const beheerder = await bearer(t.app, 'GM0363', 'beheerder');
    // An aanbieder id is per gemeente: by default the hand-over is of Amsterdam's own 'zorg-weesp', which has no klachten.
    const eigen = await request(t.http)
      .post('/api/v1/aanbieders/zorg-weesp/overdracht')
      .set('Authorization', beheerder)
      .send({ contractEinde: '2026-11-30' });
    expect(eigen.status).toBe(200);
    const res = await request(t.http)
      .post('/api/v1/aanbieders/zorg-weesp/overdracht')
      .set('Authorization', beheerder)
      .send({ contractEinde: '2026-11-30', aanbiederGemeente: 'GM0457' });
    expect(res.status).toBe(200);
    const rijen = await t.app
      .get(DataSource)
      .query(`select gemeente, klachten from aanbieder_overdracht where aanbieder_id = 'zorg-weesp' order by klachten`);
    expect(rijen).toEqual([
      { gemeente: 'GM0363', klachten: 0 },
      { gemeente: 'GM0363', klachten: 1 },
    ]);
  });

  it('Wet arhi art. 40: from 24 maart 2022 Weesp’s own keys are refused (403 gemeente-opgeheven, naming Amsterdam); the day before they act', async () => {
    const res = await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', weesp);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toMatch(/gemeente-opgeheven/);
    expect(res.body.detail).toContain('Amsterdam (GM0363)');
    nu = new Date('2022-03-23T23:30:00+01:00');
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', weesp)).status).toBe(200);
    nu = new Date('2022-03-24T00:00:00+01:00');
    expect((await request(t.http).get(`/api/v1/klachten/${klachtId}`).set('Authorization', weesp)).status).toBe(403);
  });

  it('Wet arhi art. 40: a klacht received on or after 24 maart 2022 was received by Amsterdam, not Weesp: registering it for Weesp is a 400 naming gemeente', async () => {
    const res = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', amsterdam)
      .send({ ...weespKlacht, ontvangenOp: '2022-03-24T09:00:00+01:00', onderwerp: 'Na de herindeling' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'gemeente', reason: expect.stringContaining('Amsterdam (GM0363)') }),
    ]);
    const [{ n }] = await t.app.get(DataSource).query(`select count(*)::int as n from klacht where onderwerp = 'Na de herindeling'`);
    expect(n).toBe(0);
  });

  it('an aanbieder of Amsterdam does not see Weesp’s klachten, even under the same aanbieder id (each gemeente chose its own ids)', async () => {
    const k = await alsWeesp(() =>
      request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', weesp)
        .send({ ...weespKlacht, onderwerp: 'Over zorg-oost', aanbieders: [{ id: 'zorg-oost', naam: 'Zorg Oost Weesp', type: 'wmo' }] }),
    );
    expect(k.status).toBe(201);
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-oost');
    expect((await request(t.http).get(`/api/v1/klachten/${k.body.id}`).set('Authorization', aanbieder)).status).toBe(404);
    const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', aanbieder);
    expect(lijst.body.resultaten.map((x: { id: string }) => x.id)).not.toContain(k.body.id);
    const werk = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', aanbieder);
    expect(werk.body.resultaten.map((x: { id: string }) => x.id)).not.toContain(k.body.id);
  });

  it('Wet arhi art. 40: a document Amsterdam adds to a Weesp klacht is kept under the klacht’s gemeente, as its letters are', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
    const res = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', amsterdam)
      .field('soort', 'correspondentie')
      .field('titel', 'Reactie klager')
      .attach('bestand', pdf, { filename: 'reactie.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    const [d] = await t.app.get(DataSource).query('select gemeente from dossier_document where id = $1', [res.body.id]);
    expect(d.gemeente).toBe('GM0457');
  });

  it('Wet arhi art. 40 and Archiefwet: Amsterdam reads a vernietigingslijst Weesp drew up before the herindeling', async () => {
    const id = '00000000-0000-4000-8000-000000000457';
    await t.app
      .get(DataSource)
      .query(
        `insert into vernietigingslijst (id, gemeente, status, peildatum, opgesteld_op, opgesteld_door) values ($1, 'GM0457', 'voorgesteld', '2022-03-01', '2022-03-01T10:00:00Z', 'klachtregie')`,
        [id],
      );
    const beheerder = await bearer(t.app, 'GM0363', 'beheerder');
    expect((await request(t.http).get(`/api/v1/vernietigingslijsten/${id}`).set('Authorization', beheerder)).status).toBe(200);
    const lijsten = await request(t.http).get('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
    expect(lijsten.body.resultaten.map((l: { id: string }) => l.id)).toContain(id);
    const utrechts = await bearer(t.app, 'GM0344', 'beheerder');
    expect((await request(t.http).get(`/api/v1/vernietigingslijsten/${id}`).set('Authorization', utrechts)).status).toBe(404);
  });
  it('Wet arhi art. 40: the tijdlijn of a Weesp klacht names the second line where the klager can go that day: before the herindeling the Nationale ombudsman, after it Amsterdam’s', async () => {
    const k = await alsWeesp(() =>
      request(t.http).post('/api/v1/klachten').set('Authorization', weesp).send(weespKlachtVan('Niet behandeld: eerder behandeld')),
    );
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2022-03-02T09:00:00+01:00'],
      ['NIET_BEHANDELEN', '2022-03-08T09:00:00+01:00', { grond: 'eerderBehandeld' }],
    ] as Array<[string, string, Record<string, unknown>?]>) {
      const r = await alsWeesp(() =>
        request(t.http).post(`/api/v1/klachten/${k.body.id}/gebeurtenissen`).set('Authorization', weesp).send({ type, at, data }),
      );
      expect(r.status).toBe(200);
    }
    const toen = await alsWeesp(() => request(t.http).get(`/api/v1/klachten/${k.body.id}/tijdlijn`).set('Authorization', weesp));
    expect(toen.body.klacht).toEqual(
      expect.objectContaining({
        state: 'tweedeLijnVenster',
        stateOmschrijving: 'Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Nationale ombudsman)',
      }),
    );
    nu = new Date('2022-03-24T09:00:00+01:00');
    const erna = await request(t.http).get(`/api/v1/klachten/${k.body.id}/tijdlijn`).set('Authorization', amsterdam);
    expect(erna.body.klacht.stateOmschrijving).toBe(
      'Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Ombudsman Metropool Amsterdam)',
    );
  });

  describe('Wet arhi art. 40: Weesp’s aanbieders, whose rights and duties passed to Amsterdam, act with a key Amsterdam issues for their Weesp id', () => {
    /** Weesp's 'zorg-x' and Amsterdam's 'zorg-x': two organisations, each gemeente chose the id. */
    let weespZorgX: string;
    let amsZorgX: string;
    let sleutelVoorWeesp: string;

    const zie = (auth: string, id: string) => request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth);
    const ids = (body: { resultaten: Array<{ id: string }> }) => body.resultaten.map((x) => x.id);

    beforeAll(async () => {
      const w = await alsWeesp(() =>
        request(t.http)
          .post('/api/v1/klachten')
          .set('Authorization', weesp)
          .send({
            ...weespKlacht,
            ontvangenOp: '2022-03-10T09:00:00+01:00',
            ingediendBij: 'aanbieder',
            onderwerp: 'Bij Weesps zorg-x',
            aanbieders: [{ id: 'zorg-x', naam: 'Zorg X Weesp', type: 'wmo' }],
            feiten: {},
          }),
      );
      expect(w.status).toBe(201);
      weespZorgX = w.body.id;
      nu = new Date('2022-04-01T10:00:00+02:00');
      const a = await request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', amsterdam)
        .send({
          gemeente: 'GM0363',
          kanaal: 'telefoon',
          ontvangenOp: '2022-03-30T10:00:00+02:00',
          ingediendBij: 'gemeente',
          onderwerp: 'Bij Amsterdams zorg-x',
          aanbieders: [{ id: 'zorg-x', naam: 'Zorg X Amsterdam', type: 'wmo' }],
          feiten: { complex: false, eerderBijAanbieder: false },
        });
      expect(a.status).toBe(201);
      amsZorgX = a.body.id;
      // Issued for Amsterdam on the server after the herindeling, as `klachtregie sleutel uitgeven --gemeente GM0363 --rol
      // aanbieder --aanbieder zorg-x --aanbieder-gemeente GM0457` does (keys are not minted through the API).
      const k = await t.app.get(ApiSleutelService).maak({
        gemeente: 'GM0363',
        naam: 'Portaal Zorg X (Weesp)',
        rol: 'aanbieder',
        aanbiederId: 'zorg-x',
        aanbiederGemeente: 'GM0457',
      });
      expect([k.entity.gemeente, k.entity.aanbiederGemeente]).toEqual(['GM0363', 'GM0457']);
      sleutelVoorWeesp = `Bearer ${k.sleutel}`;
    });

    beforeEach(() => {
      nu = new Date('2022-04-01T10:00:00+02:00');
    });

    it('Wet arhi art. 40: an aanbieder of a dissolved gemeente acts on its klachten with a key the successor issued for that gemeente’s id: reads it, its tijdlijn, finds it in its list and werkvoorraad, and reports back', async () => {
      expect((await zie(sleutelVoorWeesp, weespZorgX)).status).toBe(200);
      expect((await request(t.http).get(`/api/v1/klachten/${weespZorgX}/tijdlijn`).set('Authorization', sleutelVoorWeesp)).status).toBe(
        200,
      );
      const lijst = await request(t.http).get('/api/v1/klachten').set('Authorization', sleutelVoorWeesp);
      expect(ids(lijst.body)).toContain(weespZorgX);
      const werk = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', sleutelVoorWeesp);
      expect(ids(werk.body)).toContain(weespZorgX);
      const terug = await request(t.http)
        .post(`/api/v1/klachten/${weespZorgX}/terugkoppelingen`)
        .set('Authorization', sleutelVoorWeesp)
        .send({ soort: 'registratie', opmerking: 'geregistreerd onder ZX-7' });
      expect(terug.status).toBe(201);
      const [rij] = await t.app
        .get(DataSource)
        .query(`select gemeente, aanbieder_id as "aanbiederId" from terugkoppeling where klacht_id = $1`, [weespZorgX]);
      expect(rij).toEqual({ gemeente: 'GM0457', aanbiederId: 'zorg-x' });
    });

    it('Wet arhi art. 40: a key issued for Weesp’s id does not see the successor’s own klachten with the same id (another organisation)', async () => {
      expect((await zie(sleutelVoorWeesp, amsZorgX)).status).toBe(404);
      expect(
        (
          await request(t.http)
            .post(`/api/v1/klachten/${amsZorgX}/terugkoppelingen`)
            .set('Authorization', sleutelVoorWeesp)
            .send({ soort: 'registratie' })
        ).status,
      ).toBe(404);
      expect(ids((await request(t.http).get('/api/v1/klachten').set('Authorization', sleutelVoorWeesp)).body)).not.toContain(amsZorgX);
      expect(ids((await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', sleutelVoorWeesp)).body)).not.toContain(amsZorgX);
    });

    it('Wet arhi art. 40: Amsterdam’s key for its own zorg-x still sees only Amsterdam’s, and Weesp’s own aanbieder key stays refused (403 gemeente-opgeheven)', async () => {
      const eigen = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-x');
      expect((await zie(eigen, weespZorgX)).status).toBe(404);
      expect((await zie(eigen, amsZorgX)).status).toBe(200);
      const werk = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', eigen);
      expect([ids(werk.body).includes(weespZorgX), ids(werk.body).includes(amsZorgX)]).toEqual([false, true]);
      const vanWeesp = await zie(await bearer(t.app, 'GM0457', 'aanbieder', 'zorg-x'), weespZorgX);
      expect([vanWeesp.status, vanWeesp.body.code]).toEqual([403, 'gemeente-opgeheven']);
    });

    it('Wet arhi art. 40: a gemeente issues an aanbieder key only for its own ids or those of a gemeente opgeheven into it by that day (the rule `klachtregie sleutel uitgeven` applies), and the list shows whose id each aanbieder key is', async () => {
      const fout = (dag: string, aanbiederGemeente: string) =>
        aanbiederGemeenteFout('GM0363', gemeentenVan('GM0363', dag), aanbiederGemeente);
      // Utrecht's aanbieders are Utrecht's; on 23 maart 2022 Weesp still existed and spoke for its own aanbieders.
      expect(
        [fout('2022-04-01', 'GM0344'), fout('2022-03-23', 'GM0457'), fout('2022-04-01', 'GM0457')].map((r) => r === undefined),
      ).toEqual([false, false, true]);
      const sleutels = t.app.get(ApiSleutelService);
      // Only an aanbieder key has an aanbieder id space.
      await expect(
        sleutels.maak({ gemeente: 'GM0363', naam: 'Geweigerd', rol: 'klachtbehandelaar', aanbiederGemeente: 'GM0457' }),
      ).rejects.toThrow(/aanbiederGemeente/);
      const [{ n }] = await t.app.get(DataSource).query(`select count(*)::int as n from api_sleutel where naam = 'Geweigerd'`);
      expect(n).toBe(0);
      // The list shows whose id each aanbieder key is: its own gemeente's unless it names another.
      await sleutels.maak({ gemeente: 'GM0363', naam: 'Portaal Zorg X (Amsterdam)', rol: 'aanbieder', aanbiederId: 'zorg-x' });
      const lijst = await request(t.http)
        .get('/api/v1/api-sleutels')
        .set('Authorization', await bearer(t.app, 'GM0363', 'beheerder'));
      expect(
        lijst.body
          .filter((k: { naam: string }) => k.naam.startsWith('Portaal Zorg X'))
          .map((k: { naam: string; aanbiederGemeente: string }) => [k.naam, k.aanbiederGemeente])
          .sort(),
      ).toEqual([
        ['Portaal Zorg X (Amsterdam)', 'GM0363'],
        ['Portaal Zorg X (Weesp)', 'GM0457'],
      ]);
    });

    it('Wet arhi art. 40: an OIDC token of the successor with claim aanbiederGemeente acts for the dissolved gemeente’s aanbieder; a gemeente not opgeheven into it is refused (403), a malformed claim too (401)', async () => {
      const claims = { gemeente: 'GM0363', rol: 'aanbieder', aanbiederId: 'zorg-x' };
      const voorWeesp = await oidcToken({ ...claims, aanbiederGemeente: 'GM0457' });
      expect([(await zie(voorWeesp, weespZorgX)).status, (await zie(voorWeesp, amsZorgX)).status]).toEqual([200, 404]);
      const zonder = await oidcToken(claims);
      expect([(await zie(zonder, weespZorgX)).status, (await zie(zonder, amsZorgX)).status]).toEqual([404, 200]);
      const utrecht = await zie(await oidcToken({ ...claims, aanbiederGemeente: 'GM0344' }), weespZorgX);
      expect([utrecht.status, utrecht.body.code]).toEqual([403, 'geen-toegang']);
      // The day before the herindeling Weesp's aanbieders were Weesp's to speak for, not Amsterdam's.
      nu = new Date('2022-03-23T12:00:00+01:00');
      expect((await zie(voorWeesp, weespZorgX)).status).toBe(403);
      nu = new Date('2022-04-01T10:00:00+02:00');
      expect((await zie(await oidcToken({ ...claims, aanbiederGemeente: 'Weesp' }), weespZorgX)).status).toBe(401);
    });
  });
});
