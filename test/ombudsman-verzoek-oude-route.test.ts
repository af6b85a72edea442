import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { proefMigratieVanKlacht, type HistorieStap } from '../src/machines/migratie';
import { EngineService } from '../src/modules/engine/engine.service';
import { bearer } from './auth-support';
import { klachtStappen, STICHTSE_VECHT } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');
const DEFINITIE = 'gm1904-stichtse-vecht';
const VERSIE = '2015-01';

interface TermijnRij {
  naam: string;
  status: string;
  vervaldatum: string;
  gesloten: boolean;
}

/**
 * Awb 9:31: an informatievraag or interventieverzoek of the ombudsman is no klaagschrift; since 8b973c6 it has a route of
 * its own (verzoekOmbudsman.*, to the ombudsman's date). A request filed before that took the klacht route, and a running
 * klacht keeps its snapshot: it stands in gemeente.informeleFase with the Awb 9:11 afhandeltermijn, or, with the
 * hoofdklacht's aanbieder, in doorgestuurdNaarAanbieder with the aanbieder's termijnen, and without ombudsmanTermijn. The
 * version migration (GET .../migratieproef, POST .../migraties; CLI `klachtregie migratie`) moves such a request onto its
 * own route, also on its own version: audited (ROUTE_GEMIGREERD), the klacht route's termijnen vervallen, the ombudsman's
 * date runs. A request already afgedaan on the klacht route is refused. Stichtse Vecht, fixed clock (1 June 2026).
 */
describe('ombudsman requests filed before their route existed move onto it (Awb 9:31)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beleid: string;

  beforeAll(async () => {
    db = await createTestDatabase('ombudsman_oude_route');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
    beleid = await bearer(t.app, STICHTSE_VECHT, 'beleidsmedewerker');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const { stap, afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  /** A klacht about Zorg X at the gemeente (its aanbieder is what an ombudsman request about it copies). */
  async function klachtOverAanbieder(ontvangen: string): Promise<string> {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: STICHTSE_VECHT,
        kanaal: 'brief',
        ontvangenOp: `${ontvangen}T10:00:00+02:00`,
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Meneer de Vries',
        aanbieders: [{ id: 'zorg-x', naam: 'Zorg X', type: 'wmo' }],
        feiten: {},
      })
      .expect(201);
    return k.body.id as string;
  }

  /**
   * A request as the service stored it before the route of Awb 9:31 existed: the klacht route of a klacht the ombudsman
   * sends on (the route that ignored the fact then; a doorgezonden klacht takes it still), with the request's facts.
   */
  async function oudVerzoek(hoofd: string, soort: 'informatievraag' | 'interventieverzoek', ontvangen: string, termijn: string) {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'doorgezondenKlacht', ontvangenOp: `${ontvangen}T09:00:00+02:00` })
      .expect(201);
    const id = r.body.klachtId as string;
    const feiten = JSON.stringify({ ombudsmanVerzoek: soort, ombudsmanTermijn: termijn });
    await t.db.query(
      `UPDATE klacht SET feiten = feiten || $2::jsonb,
              snapshot = jsonb_set(snapshot, '{context,intake,feiten}', (snapshot #> '{context,intake,feiten}') || $2::jsonb)
        WHERE id = $1`,
      [id, feiten],
    );
    await t.db.query(
      `UPDATE klacht_gebeurtenis SET payload = jsonb_set(payload, '{feiten}', (payload -> 'feiten') || $2::jsonb)
        WHERE klacht_id = $1 AND type = 'KLACHT_ONTVANGEN'`,
      [id, feiten],
    );
    await t.db.query(`UPDATE klacht_koppeling SET soort = $2 WHERE klacht_id = $1`, [id, soort]);
    t.app.get(EngineService).cache.vergeet(id);
    return id;
  }

  const klacht = async (id: string) =>
    (
      (await t.db.query(`SELECT state, done, eerste_vervalt_op AS "eersteVervaltOp" FROM klacht WHERE id = $1`, [id])) as Array<{
        state: string;
        done: boolean;
        eersteVervaltOp: Date | null;
      }>
    )[0];
  const termijnen = async (id: string) =>
    (await t.db.query(
      `SELECT naam, status, vervaldatum::text AS vervaldatum, gesloten_op IS NOT NULL AS gesloten FROM termijn WHERE klacht_id = $1 ORDER BY created_at, naam`,
      [id],
    )) as TermijnRij[];
  const proef = async () =>
    (await request(t.http).get(`/api/v1/definities/${DEFINITIE}/versies/${VERSIE}/migratieproef`).set('Authorization', beleid).expect(200))
      .body.klachten as Array<{
      klachtId: string;
      vanState: string;
      naarState?: string;
      migreerbaar: boolean;
      bezwaren: string[];
      termijnen: Array<{ naam: string; oud?: { vervaldatum: string }; nieuw?: { vervaldatum: string } }>;
    }>;
  const migreer = (ids: string[]) =>
    request(t.http)
      .post(`/api/v1/definities/${DEFINITIE}/versies/${VERSIE}/migraties`)
      .set('Authorization', beleid)
      .send({ klachten: ids, reden: 'Awb 9:31: een verzoek van de ombudsman is geen klaagschrift' });

  it('Awb 9:31: an informatievraag still on the klacht route (gemeente.informeleFase, Awb 9:11 afhandeling) moves onto verzoekOmbudsman.informatievraag with the ombudsman’s date, on its own version, and is answered there', async () => {
    const hoofd = await afgedaneKlacht('2026-01-05', '2026-02-02');
    const id = await oudVerzoek(hoofd, 'informatievraag', '2026-05-25', '2026-06-12');
    expect(await klacht(id)).toMatchObject({ state: 'gemeente.informeleFase', done: false });
    expect((await termijnen(id)).map((x) => [x.naam, x.status])).toEqual([['afhandeling', 'lopend']]);

    const [p] = (await proef()).filter((k) => k.klachtId === id);
    expect([p.vanState, p.naarState, p.migreerbaar, p.bezwaren]).toEqual([
      'gemeente.informeleFase',
      'verzoekOmbudsman.informatievraag',
      true,
      [],
    ]);
    expect(p.termijnen.map((x) => [x.naam, x.oud?.vervaldatum ?? null, x.nieuw?.vervaldatum ?? null])).toEqual([
      ['afhandeling', '2026-07-06', null],
      ['ombudsmanTermijn', null, '2026-06-12'],
    ]);

    expect((await migreer([id])).status).toBe(200);
    expect(await klacht(id)).toMatchObject({ state: 'verzoekOmbudsman.informatievraag', done: false });
    expect(await termijnen(id)).toEqual([
      { naam: 'afhandeling', status: 'vervallen', vervaldatum: '2026-07-06', gesloten: false },
      { naam: 'ombudsmanTermijn', status: 'lopend', vervaldatum: '2026-06-12', gesloten: false },
    ]);
    const [lijn] = (await t.db.query(
      `SELECT van_state AS van, naar_state AS naar, actor, payload FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'ROUTE_GEMIGREERD'`,
      [id],
    )) as Array<{ van: string; naar: string; payload: Record<string, unknown> }>;
    expect([lijn.van, lijn.naar, lijn.payload.grondslag, lijn.payload.vanVersie, lijn.payload.naarVersie]).toEqual([
      'gemeente.informeleFase',
      'verzoekOmbudsman.informatievraag',
      'Awb 9:31',
      VERSIE,
      VERSIE,
    ]);
    // Moved once: the next dry run no longer lists it.
    expect((await proef()).map((k) => k.klachtId)).not.toContain(id);
    // Its history replays to where it stands (a later version migration can read it): from the route migration on.
    const engine = t.app.get(EngineService);
    const row = (await t.db.query(`SELECT definitie_id AS "definitieId", definitie_versie AS "definitieVersie" FROM klacht WHERE id = $1`, [
      id,
    ])) as Array<{ definitieId: string; definitieVersie: string }>;
    const regime = engine.regimeVan(row[0] as never);
    const historie = (
      (await t.db.query(`SELECT type, "at", payload FROM klacht_gebeurtenis WHERE klacht_id = $1 AND accepted ORDER BY id`, [
        id,
      ])) as Array<{
        type: string;
        at: Date;
        payload: Record<string, unknown>;
      }>
    ).map((h): HistorieStap => ({ type: h.type, at: h.at.toISOString(), data: h.payload }));
    expect(proefMigratieVanKlacht(regime, regime, historie, 'verzoekOmbudsman.informatievraag').bezwaren).toEqual([]);
    // On its own route: the loket answers and the request closes, without a second-line year.
    expect(await stap(id, 'INFORMATIE_VERSTREKT', '2026-06-01T10:00:00+02:00')).toMatchObject({ state: 'afgesloten', done: true });
  });

  it('Awb 9:31: an interventieverzoek that went to the hoofdklacht’s aanbieder (doorgestuurdNaarAanbieder) moves onto verzoekOmbudsman.interventieverzoek; the aanbieder’s termijnen vervallen', async () => {
    const hoofd = await klachtOverAanbieder('2026-05-04');
    const id = await oudVerzoek(hoofd, 'interventieverzoek', '2026-05-26', '2026-06-15');
    expect((await klacht(id)).state).toBe('doorgestuurdNaarAanbieder');
    const voor = (await termijnen(id)).map((x) => x.naam);
    expect(voor).toContain('aanbiederAfhandeling');
    expect((await migreer([id])).status).toBe(200);
    expect((await klacht(id)).state).toBe('verzoekOmbudsman.interventieverzoek');
    const na = await termijnen(id);
    expect(na.filter((x) => voor.includes(x.naam)).map((x) => x.status)).toEqual(voor.map(() => 'vervallen'));
    expect(na.filter((x) => x.status === 'lopend').map((x) => [x.naam, x.vervaldatum])).toEqual([['ombudsmanTermijn', '2026-06-15']]);
  });

  it('Awb 9:31: when the ombudsman’s date had already passed, the moved request is te laat on that date and escalated; the klacht route’s passed afhandeltermijn no longer counts', async () => {
    const hoofd = await afgedaneKlacht('2026-01-06', '2026-02-03');
    const id = await oudVerzoek(hoofd, 'informatievraag', '2026-03-02', '2026-03-23');
    // The Awb 9:11 six weeks passed on the klacht route (14 April): the request is te laat on an obligation it never had.
    const [afh] = (await t.db.query(`SELECT revision FROM termijn WHERE klacht_id = $1 AND naam = 'afhandeling'`, [id])) as Array<{
      revision: number;
    }>;
    expect(await t.wake.verval({ klachtId: id, termijnNaam: 'afhandeling', revision: afh.revision, kind: 'verval' }, NU)).toBe('verwerkt');
    expect((await klacht(id)).eersteVervaltOp?.toISOString().slice(0, 10)).toBe('2026-04-13');

    expect((await migreer([id])).status).toBe(200);
    // The klacht route had opened the klager's year for the second line (Awb 9:24 lid 1 sub b): there is no klager; it ends.
    expect(await termijnen(id)).toEqual([
      { naam: 'afhandeling', status: 'verlopen', vervaldatum: '2026-04-13', gesloten: true },
      { naam: 'tweedeLijnVerzoek', status: 'vervallen', vervaldatum: '2027-04-13', gesloten: false },
      { naam: 'ombudsmanTermijn', status: 'lopend', vervaldatum: '2026-03-23', gesloten: false },
    ]);
    // Late on the ombudsman's own date (end of 23 March, Amsterdam time), not on the six weeks.
    expect((await klacht(id)).eersteVervaltOp?.toISOString()).toBe('2026-03-23T23:00:00.000Z');
    expect(await t.wake.verval({ klachtId: id, termijnNaam: 'ombudsmanTermijn', revision: 1, kind: 'verval' }, NU)).toBe('verwerkt');
    const escalaties = (await t.db.query(
      `SELECT payload -> 'intent' ->> 'naar' AS naar, payload -> 'intent' -> 'data' ->> 'termijn' AS termijn FROM outbox
        WHERE klacht_id = $1 AND type = 'intent.ESCALATIE' ORDER BY id`,
      [id],
    )) as Array<{ naar: string; termijn: string }>;
    expect(escalaties.at(-1)).toEqual({ naar: 'leidinggevende', termijn: 'ombudsmanTermijn' });
  });

  it('Awb 9:31: a request already afgedaan on the klacht route is not moved (the ombudsman had his answer): the dry run says why, the migration is 409 and nothing changes', async () => {
    const hoofd = await afgedaneKlacht('2026-01-07', '2026-02-04');
    const id = await oudVerzoek(hoofd, 'informatievraag', '2026-04-01', '2026-04-20');
    await stap(id, 'FORMELE_BEHANDELING', '2026-04-02T10:00:00+02:00');
    await stap(id, 'IN_BEHANDELING_NEMEN', '2026-04-02T11:00:00+02:00');
    await stap(id, 'HOREN_OVERSLAAN', '2026-04-02T12:00:00+02:00', { reden: 'afgezien' });
    expect((await stap(id, 'AFDOENEN', '2026-04-10T12:00:00+02:00', { oordeel: 'geenOordeel' })).state).toBe('tweedeLijnVenster');
    const [p] = (await proef()).filter((k) => k.klachtId === id);
    expect(p.migreerbaar).toBe(false);
    expect(p.bezwaren.join(' ')).toContain('al afgedaan (AFDOENEN op 2026-04-10)');
    const voor = [await klacht(id), await termijnen(id)];
    const r = await migreer([id]);
    expect([r.status, r.body.code]).toEqual([409, 'migratie-geweigerd']);
    expect([await klacht(id), await termijnen(id)]).toEqual(voor);
  });
});
