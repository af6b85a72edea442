import request from 'supertest';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { WebhookAfleveringService } from '../src/modules/webhooks/webhook-aflevering.service';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';

/**
 * Registration for the reports and the checking of event data, end to end on the real
 * definitions in definitions/ (HTTP, engine, PostgreSQL): "Uitgangspunten klachtenmanagement Sociaal Domein
 * Stichtse Vecht" art. 11.1 (rapportage naar aard en oorzaak, met afwikkeling en getroffen
 * maatregelen) and "Klachtenprotocol Wmo keten Amsterdam" §5A, §6 (is de klager tevreden).
 *
 * Every klacht is received on fixed dates in its own month, so each report period holds exactly the
 * klachten of one test (independent of order and of today). ROLE=api: no worker fires the (long
 * past) termijnen while a test steps its klachten.
 */
const SV = 'GM1904';
const AMSTERDAM = 'GM0363';

describe('registratie van klachten (aard, oorzaak, afwikkeling, maatregelen, tevredenheid)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let sv: Record<string, string>;
  let ams: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('registratie');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities', env: { ROLE: 'api' } });
    sv = { Authorization: await bearer(t.app, SV, 'klachtbehandelaar') };
    ams = { Authorization: await bearer(t.app, AMSTERDAM, 'klachtbehandelaar') };
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** Stichtse Vecht: a klacht about a gemeentelijke functionaris, handled by the gemeente itself. */
  const svIntake = (ontvangenOp: string, over: Record<string, unknown> = {}) => ({
    gemeente: SV,
    kanaal: 'brief',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'bejegening door een consulent',
    aanbieders: [],
    feiten: { betreftGemeentelijkeFunctionaris: true },
    ...over,
  });

  const nieuw = async (auth: Record<string, string>, body: Record<string, unknown>) => {
    const res = await request(t.http).post('/api/v1/klachten').set(auth).send(body);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    return res.body as { id: string; state: string; version: number };
  };
  const stap = (auth: Record<string, string>, id: string, type: string, at: string, data?: Record<string, unknown>) =>
    request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set(auth)
      .send({ type, at, ...(data ? { data } : {}) });
  const ok = async (auth: Record<string, string>, id: string, type: string, at: string, data?: Record<string, unknown>) => {
    const res = await stap(auth, id, type, at, data);
    expect([type, res.status, res.body.detail]).toEqual([type, 200, undefined]);
    return res.body;
  };
  /** Stichtse Vecht from intake to the point where AFDOENEN fits (formal, heard, verslag vastgesteld). */
  const totAfdoenen = async (id: string, maand: string) => {
    await ok(sv, id, 'FORMELE_BEHANDELING', `${maand}-03T10:00:00+02:00`);
    await ok(sv, id, 'IN_BEHANDELING_NEMEN', `${maand}-04T10:00:00+02:00`, { beklaagde: 'consulent Wmo' });
    await ok(sv, id, 'HOREN_UITNODIGEN', `${maand}-05T10:00:00+02:00`);
    await ok(sv, id, 'HOORZITTING_GEHOUDEN', `${maand}-10T10:00:00+02:00`);
    await ok(sv, id, 'VERSLAG_VASTGESTELD', `${maand}-12T10:00:00+02:00`);
  };
  const rapport = async (auth: Record<string, string>, van: string, tot: string) => {
    const res = await request(t.http).get('/api/v1/rapportages').query({ van, tot }).set(auth).expect(200);
    return res.body.cijfers as {
      totaal: number;
      perAard: Array<{ waarde: string; aantal: number }>;
      perOorzaak: Array<{ waarde: string; aantal: number }>;
      perAfdoening: Array<{ waarde: string; aantal: number }>;
      perTevredenheid: Array<{ waarde: string; aantal: number }>;
      maatregelen: Array<{ waarde: string; aantal: number }>;
      regels: Array<{
        aanbiederId: string;
        aard: string;
        oorzaak: string;
        aantal: number;
        gegrond: number;
        tevreden: number;
        nietTevreden: number;
        maatregelen: string[];
      }>;
    };
  };
  const sorteer = (x: Array<{ waarde: string; aantal: number }>) => [...x].sort((a, b) => a.waarde.localeCompare(b.waarde));

  it('Stichtse Vecht art. 11.1: a report over classified klachten shows their aard, oorzaak, afwikkeling and maatregelen, never (onbekend)', async () => {
    // At intake (aard, oorzaak) and on AFDOENEN (afwikkeling, maatregelen).
    const a = await nieuw(sv, svIntake('2026-03-02T10:00:00+01:00', { registratie: { aard: 'bejegening', oorzaak: 'communicatiefout' } }));
    await totAfdoenen(a.id, '2026-03');
    const afgedaan = await ok(sv, a.id, 'AFDOENEN', '2026-03-20T10:00:00+01:00', {
      oordeel: 'deelsGegrond',
      registratie: { afwikkeling: 'excuses aangeboden', maatregelen: ['gesprek met medewerker', 'scholing'] },
    });
    expect(afgedaan.gebeurtenissen[0]).toEqual(
      expect.objectContaining({
        type: 'KLACHT_ONTVANGEN',
        payload: expect.objectContaining({ registratie: { aard: 'bejegening', oorzaak: 'communicatiefout' } }),
      }),
    );
    expect(afgedaan).toEqual(
      expect.objectContaining({
        categorie: 'bejegening',
        oorzaak: 'communicatiefout',
        afdoening: 'excuses aangeboden',
        oordeel: 'deelsGegrond',
        maatregelen: ['gesprek met medewerker', 'scholing'],
      }),
    );
    // Informally solved: everything on KLAGER_TEVREDEN, which itself records tevreden.
    const b = await nieuw(sv, svIntake('2026-03-09T10:00:00+01:00'));
    const tevreden = await ok(sv, b.id, 'KLAGER_TEVREDEN', '2026-03-11T10:00:00+01:00', {
      registratie: { aard: 'bereikbaarheid', oorzaak: 'planning', afwikkeling: 'informeel opgelost', maatregelen: ['planning aangepast'] },
    });
    expect(tevreden.tevredenheid).toBe('tevreden');
    // Classified afterwards through PATCH .../registratie (the state does not move).
    const c = await nieuw(sv, svIntake('2026-03-16T10:00:00+01:00'));
    const patch = await request(t.http)
      .patch(`/api/v1/klachten/${c.id}/registratie`)
      .set(sv)
      .send({
        aard: 'bereikbaarheid',
        oorzaak: 'personeelstekort',
        afwikkeling: 'uitleg gegeven',
        maatregelen: ['geen maatregel'],
        tevredenheid: 'ontevreden',
        at: '2026-03-17T09:00:00+01:00',
      });
    expect([patch.status, patch.body.detail]).toEqual([200, undefined]);
    expect(patch.body).toEqual(
      expect.objectContaining({
        categorie: 'bereikbaarheid',
        oorzaak: 'personeelstekort',
        afdoening: 'uitleg gegeven',
        maatregelen: ['geen maatregel'],
        tevredenheid: 'ontevreden',
        version: c.version + 1,
        state: c.state,
      }),
    );
    expect(patch.body.gebeurtenissen.at(-1)).toEqual(
      expect.objectContaining({
        type: 'REGISTRATIE_GEWIJZIGD',
        vanState: c.state,
        naarState: c.state,
        payload: { registratie: expect.objectContaining({ aard: 'bereikbaarheid' }) },
      }),
    );

    const r = await rapport(sv, '2026-03-01', '2026-03-31');
    expect(r.totaal).toBe(3);
    expect(sorteer(r.perAard)).toEqual([
      { waarde: 'bejegening', aantal: 1 },
      { waarde: 'bereikbaarheid', aantal: 2 },
    ]);
    expect(sorteer(r.perOorzaak)).toEqual([
      { waarde: 'communicatiefout', aantal: 1 },
      { waarde: 'personeelstekort', aantal: 1 },
      { waarde: 'planning', aantal: 1 },
    ]);
    expect(sorteer(r.perAfdoening)).toEqual([
      { waarde: 'excuses aangeboden', aantal: 1 },
      { waarde: 'informeel opgelost', aantal: 1 },
      { waarde: 'uitleg gegeven', aantal: 1 },
    ]);
    expect(sorteer(r.perTevredenheid)).toEqual(
      [
        { waarde: 'ontevreden', aantal: 1 },
        { waarde: 'tevreden', aantal: 1 },
        { waarde: '(onbekend)', aantal: 1 },
      ].sort((x, y) => x.waarde.localeCompare(y.waarde)),
    );
    expect(sorteer(r.maatregelen)).toEqual(
      ['geen maatregel', 'gesprek met medewerker', 'planning aangepast', 'scholing'].map((waarde) => ({ waarde, aantal: 1 })),
    );
    // The aanbieder × aard × oorzaak rows carry the same values.
    expect(r.regels.map((x) => `${x.aard}/${x.oorzaak}`).sort()).toEqual([
      'bejegening/communicatiefout',
      'bereikbaarheid/personeelstekort',
      'bereikbaarheid/planning',
    ]);
    const json = JSON.stringify([r.perAard, r.perOorzaak, r.perAfdoening, r.maatregelen, r.regels]);
    expect(json).not.toContain('(onbekend)');
  });

  it('Klachtenprotocol Wmo keten Amsterdam §5A, §6: KLAGER_TEVREDEN and KLAGER_ONTEVREDEN fill tevredenheid in the report', async () => {
    const intake = (ontvangenOp: string) => ({
      gemeente: AMSTERDAM,
      kanaal: 'webformulier',
      ontvangenOp,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      // §5B: more than one ketenpartner, so the gemeente handles it itself (informal first).
      aanbieders: [
        { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
        { id: 'thuishulp-west', naam: 'Thuishulp West', type: 'wmo' },
      ],
      feiten: {},
      registratie: { aard: 'bereikbaarheid' },
    });
    // Solved informally: tevreden.
    const x = await nieuw(ams, intake('2026-02-02T10:00:00+01:00'));
    expect((await ok(ams, x.id, 'KLAGER_TEVREDEN', '2026-02-05T10:00:00+01:00')).tevredenheid).toBe('tevreden');
    // Formally handled; §6: after the afdoening the klager is asked, and is not satisfied.
    const y = await nieuw(ams, intake('2026-02-03T10:00:00+01:00'));
    await ok(ams, y.id, 'FORMELE_BEHANDELING', '2026-02-04T10:00:00+01:00');
    await ok(ams, y.id, 'IN_BEHANDELING_NEMEN', '2026-02-05T10:00:00+01:00');
    await ok(ams, y.id, 'HOREN_OVERSLAAN', '2026-02-06T10:00:00+01:00', { reden: 'afgezien' });
    const afgedaan = await ok(ams, y.id, 'AFDOENEN', '2026-02-10T10:00:00+01:00', { oordeel: 'ongegrond' });
    expect(afgedaan.tevredenheid).toBeNull();
    expect((await ok(ams, y.id, 'KLAGER_ONTEVREDEN', '2026-02-12T10:00:00+01:00')).tevredenheid).toBe('ontevreden');
    const r = await rapport(ams, '2026-02-01', '2026-02-28');
    expect(sorteer(r.perTevredenheid)).toEqual([
      { waarde: 'ontevreden', aantal: 1 },
      { waarde: 'tevreden', aantal: 1 },
    ]);
    // Per aanbieder (both klachten are about both ketenpartners): one tevreden, one not.
    expect(r.regels.map((g) => [g.tevreden, g.nietTevreden])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('Amsterdam §5A: the ketenpartner reports registratie with its terugkoppeling; the report shows it per aanbieder', async () => {
    const aanbieder = { Authorization: await bearer(t.app, AMSTERDAM, 'aanbieder', 'zorg-west') };
    // One ketenpartner, not complex, not yet at the ketenpartner: forwarded (warme doorverwijzing).
    const k = await nieuw(ams, {
      gemeente: AMSTERDAM,
      kanaal: 'telefoon',
      ontvangenOp: '2026-01-05T10:00:00+01:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
      feiten: { complex: false, eerderBijAanbieder: false },
    });
    expect(k.state).toBe('doorgestuurdNaarAanbieder');
    const pad = `/api/v1/klachten/${k.id}/terugkoppelingen`;
    const terug = (body: Record<string, unknown>) => request(t.http).post(pad).set(aanbieder).send(body);
    // A value outside Amsterdam's list: 422, and the terugkoppeling is not stored either.
    const fout = await terug({ soort: 'registratie', registratie: { aard: 'vriendelijkheid' } });
    expect([fout.status, fout.body.code, fout.body.invalidParams?.[0]?.name]).toEqual([422, 'registratie-ongeldig', 'registratie.aard']);
    expect(await t.db.query('select 1 from terugkoppeling where klacht_id = $1', [k.id])).toHaveLength(0);
    // Registratie on its own (no event): the values are written, the state stays.
    const reg = await terug({
      soort: 'registratie',
      registratie: { aard: 'nakomen afspraken', oorzaak: 'planning' },
      at: '2026-01-06T10:00:00+01:00',
    });
    expect([reg.status, reg.body.toegepast, reg.body.gebeurtenis, reg.body.state]).toEqual([
      201,
      true,
      'REGISTRATIE_GEWIJZIGD',
      'doorgestuurdNaarAanbieder',
    ]);
    expect((await terug({ soort: 'behandeling', at: '2026-01-07T10:00:00+01:00' })).body.toegepast).toBe(true);
    const afdoening = await terug({
      soort: 'afdoening',
      oordeel: 'gegrond',
      maatregelen: ['vaste hulp ingeroosterd'],
      registratie: { afwikkeling: 'dienstverlening hersteld', maatregelen: ['planning aangepast'] },
      at: '2026-01-20T10:00:00+01:00',
    });
    expect([afdoening.body.toegepast, afdoening.body.gebeurtenis]).toEqual([true, 'AFDOENEN']);
    expect((await terug({ soort: 'tevredenheid', tevreden: true, at: '2026-01-22T10:00:00+01:00' })).body.gebeurtenis).toBe(
      'KLAGER_TEVREDEN',
    );

    const r = await rapport(ams, '2026-01-01', '2026-01-31');
    expect(r.regels).toEqual([
      expect.objectContaining({
        aanbiederId: 'zorg-west',
        aard: 'nakomen afspraken',
        oorzaak: 'planning',
        aantal: 1,
        gegrond: 1,
        tevreden: 1,
        maatregelen: ['planning aangepast'],
      }),
    ]);
    expect(r.perAfdoening).toEqual([{ waarde: 'dienstverlening hersteld', aantal: 1 }]);
    expect(r.perTevredenheid).toEqual([{ waarde: 'tevreden', aantal: 1 }]);
  });

  it("a registration value outside the gemeente's list is 422 problem+json naming the field and the allowed values, and changes nothing", async () => {
    const [{ n: voor }] = await t.db.query(`select count(*)::int as n from klacht`);
    // At intake: no klacht is created.
    const intake = await request(t.http)
      .post('/api/v1/klachten')
      .set(sv)
      .send(svIntake('2026-04-01T10:00:00+02:00', { registratie: { aard: 'vriendelijkheid' } }));
    expect(intake.status).toBe(422);
    expect(intake.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(intake.body).toEqual(
      expect.objectContaining({
        code: 'registratie-ongeldig',
        invalidParams: [{ name: 'registratie.aard', reason: expect.stringContaining('bejegening, bereikbaarheid') }],
      }),
    );
    const [{ n: na }] = await t.db.query(`select count(*)::int as n from klacht`);
    expect(na).toBe(voor);

    // On an event that fits the state: neither the state, nor the oordeel, nor any registration moves.
    const k = await nieuw(sv, svIntake('2026-04-02T10:00:00+02:00', { registratie: { aard: 'snelheid' } }));
    await totAfdoenen(k.id, '2026-04');
    const voorAfdoenen = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(sv).expect(200)).body;
    const res = await stap(sv, k.id, 'AFDOENEN', '2026-04-20T10:00:00+02:00', {
      oordeel: 'gegrond',
      registratie: { afwikkeling: 'schadevergoeding', maatregelen: ['scholing'] },
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(
      expect.objectContaining({
        code: 'gebeurtenis-data-ongeldig',
        invalidParams: [{ name: 'data.registratie.afwikkeling', reason: expect.stringContaining('excuses aangeboden') }],
      }),
    );
    const na2 = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(sv).expect(200)).body;
    expect(na2).toEqual(
      expect.objectContaining({
        state: voorAfdoenen.state,
        version: voorAfdoenen.version,
        oordeel: null,
        afdoening: null,
        maatregelen: [],
      }),
    );
    expect(na2.gebeurtenissen).toHaveLength(voorAfdoenen.gebeurtenissen.length);

    // Through PATCH: the first wrong maatregel is named; the valid aard in the same body is not stored either.
    const patch = await request(t.http)
      .patch(`/api/v1/klachten/${k.id}/registratie`)
      .set(sv)
      .send({ aard: 'communicatie', maatregelen: ['scholing', 'ontslag'] });
    expect(patch.status).toBe(422);
    expect(patch.body.invalidParams).toEqual([
      { name: 'registratie.maatregelen[1]', reason: expect.stringContaining('werkinstructie aangepast') },
    ]);
    const na3 = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(sv).expect(200)).body;
    expect([na3.categorie, na3.version, na3.maatregelen]).toEqual(['snelheid', voorAfdoenen.version, []]);

    // The klacht's view lists the allowed values of its pinned definition version.
    expect(na3.registratieWaarden).toEqual(
      expect.objectContaining({ afwikkeling: expect.arrayContaining(['excuses aangeboden']), tevredenheid: ['tevreden', 'ontevreden'] }),
    );
  });
});

describe('a registration change is announced to subscribers (CloudEvent nl.klachtregie.klacht.registratie-gewijzigd)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger<{ id: string; type: string; subject?: string; data: Record<string, unknown> }>>>;

  beforeAll(async () => {
    ontvanger = await startOntvanger();
    db = await createTestDatabase('registratie_webhook');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities', env: { ROLE: 'api' } });
    await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', await bearer(t.app, SV, 'beheerder'))
      .send({ url: ontvanger.url, typen: ['nl.klachtregie.klacht.registratie-gewijzigd'] })
      .expect(201);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await ontvanger?.close();
  });

  it('PATCH registratie writes its notification in the same transaction; the subscriber gets the new values once', async () => {
    const auth = { Authorization: await bearer(t.app, SV, 'klachtbehandelaar') };
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send({
        gemeente: SV,
        kanaal: 'brief',
        ontvangenOp: '2026-06-01T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        aanbieders: [],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      })
      .expect(201);
    await request(t.http)
      .patch(`/api/v1/klachten/${k.body.id}/registratie`)
      .set(auth)
      .send({ aard: 'communicatie', oorzaak: 'communicatiefout', at: '2026-06-03T10:00:00+02:00' })
      .expect(200);
    // A refused change (value outside the list) announces nothing.
    await request(t.http).patch(`/api/v1/klachten/${k.body.id}/registratie`).set(auth).send({ aard: 'vriendelijkheid' }).expect(422);
    await t.relay.idle();
    const aflevering = t.app.get(WebhookAfleveringService, { strict: false });
    const wachtend = (await t.db.query(`select id from webhook_aflevering where status = 'wachtend' order by sequence`)) as Array<{
      id: string;
    }>;
    for (const w of wachtend) await aflevering.lever(w.id);
    const meldingen = ontvanger.events().filter((e) => e.subject === k.body.id);
    expect(meldingen).toEqual([
      expect.objectContaining({
        type: 'nl.klachtregie.klacht.registratie-gewijzigd',
        data: expect.objectContaining({
          klachtId: k.body.id,
          gemeente: SV,
          event: 'REGISTRATIE_GEWIJZIGD',
          at: '2026-06-03T08:00:00.000Z',
          state: 'gemeente.informeleFase',
          registratie: { aard: 'communicatie', oorzaak: 'communicatiefout' },
        }),
      }),
    ]);
  });
});

describe('gebeurtenisdata: wrong data is a validation problem naming the field (422), a wrong moment stays 409', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('gebeurtenisdata');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities', env: { ROLE: 'api' } });
    auth = { Authorization: await bearer(t.app, SV, 'klachtbehandelaar') };
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const intake = (ontvangenOp: string) => ({
    gemeente: SV,
    kanaal: 'email',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [],
    feiten: { betreftGemeentelijkeFunctionaris: true },
  });
  const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) =>
    request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set(auth)
      .send({ type, at, ...(data ? { data } : {}) });

  /** A Stichtse Vecht klacht in formal handling (in behandeling genomen). */
  async function inBehandeling(ontvangenOp: string): Promise<{ id: string; version: number; state: string }> {
    const k = await request(t.http).post('/api/v1/klachten').set(auth).send(intake(ontvangenOp)).expect(201);
    await stap(k.body.id, 'FORMELE_BEHANDELING', '2026-05-05T10:00:00+02:00').expect(200);
    const res = await stap(k.body.id, 'IN_BEHANDELING_NEMEN', '2026-05-06T10:00:00+02:00').expect(200);
    return res.body;
  }

  it('Awb 9:11 lid 2: a verdaging whose duur is not an ISO 8601 duration is 422 naming data.duur, and the termijn does not move', async () => {
    const k = await inBehandeling('2026-05-04T10:00:00+02:00');
    const voor = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(auth).expect(200)).body;
    const res = await stap(k.id, 'VERDAGEN', '2026-05-07T10:00:00+02:00', { termijn: 'afhandeling', duur: '4 weken' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        status: 422,
        code: 'gebeurtenis-data-ongeldig',
        gebeurtenis: 'VERDAGEN',
        invalidParams: [{ name: 'data.duur', reason: expect.stringContaining('P4W') }],
      }),
    );
    const na = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(auth).expect(200)).body;
    expect([na.version, na.termijnen]).toEqual([voor.version, voor.termijnen]);
    // The same verdaging with a proper duration is accepted.
    await stap(k.id, 'VERDAGEN', '2026-05-07T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' }).expect(200);
  });

  it('Awb 9:10 lid 2: skipping the hearing without a reden is 422 naming data.reden with the allowed reasons', async () => {
    const k = await inBehandeling('2026-05-04T11:00:00+02:00');
    const res = await stap(k.id, 'HOREN_OVERSLAAN', '2026-05-07T10:00:00+02:00');
    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toEqual([
      { name: 'data.reden', reason: expect.stringContaining('kennelijkOngegrond, afgezien, nietGereageerd') },
    ]);
  });

  it('Awb 9:12 lid 1: an unknown oordeel on AFDOENEN is 422 naming data.oordeel; AFDOENEN where it does not fit stays 409', async () => {
    const k = await request(t.http).post('/api/v1/klachten').set(auth).send(intake('2026-05-04T12:00:00+02:00')).expect(201);
    // Right after intake AFDOENEN does not fit the state, whatever the data: 409.
    const teVroeg = await stap(k.body.id, 'AFDOENEN', '2026-05-05T10:00:00+02:00', { oordeel: 'half' });
    expect([teVroeg.status, teVroeg.body.code]).toEqual([409, 'gebeurtenis-niet-toegestaan']);
    expect(teVroeg.body.toegestaneGebeurtenissen).not.toContain('TERMIJN_VERLOPEN');
    await stap(k.body.id, 'FORMELE_BEHANDELING', '2026-05-05T10:00:00+02:00').expect(200);
    await stap(k.body.id, 'IN_BEHANDELING_NEMEN', '2026-05-06T10:00:00+02:00').expect(200);
    await stap(k.body.id, 'HOREN_OVERSLAAN', '2026-05-07T10:00:00+02:00', { reden: 'afgezien' }).expect(200);
    const res = await stap(k.body.id, 'AFDOENEN', '2026-05-08T10:00:00+02:00', { oordeel: 'half' });
    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toEqual([
      { name: 'data.oordeel', reason: expect.stringContaining('gegrond, ongegrond, deelsGegrond, geenOordeel') },
    ]);
    await stap(k.body.id, 'AFDOENEN', '2026-05-08T10:00:00+02:00', { oordeel: 'ongegrond' }).expect(200);
  });

  it('volgendeEvents lists only what a caller may send now, each with the data it needs and the values allowed now', async () => {
    const k = await inBehandeling('2026-05-04T13:00:00+02:00');
    const view = (await request(t.http).get(`/api/v1/klachten/${k.id}`).set(auth).expect(200)).body;
    const typen = view.volgendeEvents.map((e: { type: string }) => e.type);
    expect(typen).toEqual(expect.arrayContaining(['HOREN_UITNODIGEN', 'HOREN_OVERSLAAN', 'VERDAGEN', 'UITSTEL_MET_INSTEMMING']));
    // Awb 9:11 knows no opschorting and the regeling gives the afhandeltermijn none (TermijnDefinitie.opschorting): the
    // engine refuses every OPSCHORTEN, so it is not offered; nothing is suspended, so there is nothing to resume.
    expect(typen).not.toContain('OPSCHORTEN');
    expect(typen).not.toContain('HERVATTEN');
    // Expiry is Klachtregie's own event (from the termijn table), never the caller's.
    expect(typen).not.toContain('TERMIJN_VERLOPEN');
    const ev = (type: string) => view.volgendeEvents.find((e: { type: string }) => e.type === type);
    const veld = (type: string, naam: string) => ev(type).data.find((d: { naam: string }) => d.naam === naam);
    expect(veld('VERDAGEN', 'termijn')).toEqual(expect.objectContaining({ verplicht: true, soort: 'keuze', waarden: ['afhandeling'] }));
    expect(veld('VERDAGEN', 'duur')).toEqual(expect.objectContaining({ verplicht: true, soort: 'duur' }));
    expect(veld('HOREN_OVERSLAAN', 'reden')).toEqual(
      expect.objectContaining({ verplicht: true, soort: 'keuze', waarden: ['kennelijkOngegrond', 'afgezien', 'nietGereageerd'] }),
    );
    for (const e of view.volgendeEvents)
      expect([e.type, e.data.some((d: { naam: string }) => d.naam === 'registratie')]).toEqual([e.type, true]);
    // Documented in OpenAPI.
    const doc = (await request(t.http).get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.components.schemas.KlachtViewDto.properties.volgendeEvents.items).toEqual({
      $ref: '#/components/schemas/VolgendeGebeurtenisDto',
    });
    expect(doc.components.schemas.DataVeldDto.properties.waarden).toBeDefined();
    expect(doc.paths['/klachten/{id}/registratie'].patch).toBeDefined();
    // The vocabulary lists the same fields as the checks use.
    const typen2 = (await request(t.http).get('/api/v1/gebeurtenis-typen').set(auth).expect(200)).body as Array<{
      type: string;
      velden: Array<{ naam: string; soort: string }>;
    }>;
    expect(typen2.find((g) => g.type === 'VERDAGEN')?.velden).toEqual(
      expect.arrayContaining([expect.objectContaining({ naam: 'duur', soort: 'duur' })]),
    );
  });
});
