import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { bearer } from './auth-support';
import { klachtStappen } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

const STICHTSE_VECHT = 'GM1904';
const NU = new Date('2026-06-01T09:00:00Z');

interface Regel {
  klachtId: string | null;
  categorie: string;
  grondslag: string;
  bewaartermijn: string;
  afgeslotenOp: string;
  vernietigbaarVanaf: string;
  status: string;
  reden: string | null;
}

/**
 * Retention of a klacht and the ombudsman procedure linked to it (POST /ombudsman-verzoeken, table klacht_koppeling),
 * with a fixed clock (1 June 2026). After the afdoening a Stichtse Vecht klacht waits a year for the second line
 * (Awb 9:24 lid 1 sub b) and does not take the ombudsman's request as its own event then: the request becomes a linked
 * klacht. Selectielijst gemeenten 2020, 13.1.2 (10 years, a klacht that went through the ombudsman) then holds for both,
 * from the later end of the two; nothing of the dossier is destroyed while one of its klachten is open (Archiefwet).
 */
describe('retention of a klacht with a linked ombudsman procedure (Selectielijst gemeenten 2020, 13.1.2; Archiefwet)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beheerder: string;
  let eigenaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('bewaring_tweede_lijn');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
    beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
    eigenaar = await bearer(t.app, STICHTSE_VECHT, 'procesEigenaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const { afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  /** The year for the second line passes (its wake-up): the klacht is closed on the day after that year. */
  async function jaarVerstrijkt(id: string): Promise<void> {
    const [termijn] = (await t.db.query(
      `SELECT revision FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
      [id],
    )) as Array<{ revision: number }>;
    expect(await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, NU)).toBe(
      'verwerkt',
    );
    const k = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200);
    expect([k.body.state, k.body.done]).toEqual(['afgesloten', true]);
  }

  /** The ombudsman's request as a user sends it: a linked klacht; `gebeurtenis` says whether the main klacht took it too. */
  async function ombudsmanVerzoek(hoofd: string, soort: string, ontvangen: string): Promise<{ sub: string; gebeurtenis: string | null }> {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort, ontvangenOp: `${ontvangen}T09:00:00+02:00` });
    expect([r.status, r.body.detail]).toEqual([201, undefined]);
    return { sub: r.body.klachtId as string, gebeurtenis: r.body.gebeurtenisHoofdKlacht as string | null };
  }

  /**
   * The ombudsman's request is done: answered (Awb 9:31: INFORMATIE_VERSTREKT, INTERVENTIE_AFGEROND), or, where the
   * regeling closes it as a klacht, the klager is satisfied. Closed on `dag`.
   */
  async function sluit(id: string, dag: string): Promise<void> {
    for (const type of ['INFORMATIE_VERSTREKT', 'INTERVENTIE_AFGEROND', 'KLAGER_TEVREDEN']) {
      const r = await request(t.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', behandelaar)
        .send({ type, at: `${dag}T10:00:00+02:00` });
      if (r.status === 200) return expect(r.body.done).toBe(true);
    }
    throw new Error(`klacht ${id} could not be closed`);
  }

  /** A fresh proposal for Stichtse Vecht (the one that lists these klachten, if any) and its rows that concern them. */
  async function voorstel(...ids: string[]): Promise<{ id?: string; regels: Regel[] }> {
    const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
    if (r.status === 204) return { regels: [] };
    expect(r.status).toBe(201);
    return { id: r.body.id as string, regels: (r.body.regels as Regel[]).filter((g) => ids.includes(g.klachtId!)) };
  }
  const voorgesteld = async (...ids: string[]): Promise<Regel[]> => (await voorstel(...ids)).regels;

  it('Selectielijst 13.1.2: a klacht and the ombudsman informatievraag linked to it while it waited for the second line both get 10 years, from the later end of the two', async () => {
    // Afgedaan 12 May 2015; the ombudsman asks on 1 September 2015, which the klacht in its second-line window refuses.
    const hoofd = await afgedaneKlacht('2015-04-02', '2015-05-12');
    const { sub, gebeurtenis } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2015-09-01');
    expect(gebeurtenis).toBeNull();
    await jaarVerstrijkt(hoofd); // closed 13 May 2016
    await sluit(sub, '2016-08-01'); // the procedure ends later: 1 August 2016
    // 13.1 (5 years) would have made both destroyable in 2021; 10 years from the klacht's own end, on 13 May 2026.
    // Ten years from the procedure's end: 1 August 2026, after today.
    expect(await voorgesteld(hoofd, sub)).toEqual([]);
    // The daily job decides the same.
    const bewaring = t.app.get(BewaringService, { strict: false });
    for (const l of await bewaring.stelOpVoorAlleGemeenten())
      expect((await bewaring.lijst(STICHTSE_VECHT, l.id)).regels.map((r) => r.klachtId)).not.toEqual(expect.arrayContaining([hoofd]));
  });

  it('Selectielijst 13.1.2 and Archiefwet: a dossier due ten years after the later end is proposed with the second-line category for both klachten, and destroyed whole on approval', async () => {
    const hoofd = await afgedaneKlacht('2015-02-02', '2015-03-02');
    const { sub } = await ombudsmanVerzoek(hoofd, 'interventieverzoek', '2015-06-01');
    await jaarVerstrijkt(hoofd); // closed 3 March 2016
    await sluit(sub, '2016-04-01');
    // A klacht whose outbox rows are not all handled yet is postponed, not destroyed (BewaringService.outboxBezwaar).
    await t.relay.idle();
    await waitFor('the outbox rows of the dossier are processed', async () => {
      const [r] = (await t.db.query('SELECT count(*)::int AS n FROM outbox WHERE klacht_id = ANY($1) AND processed_at IS NULL', [
        [hoofd, sub],
      ])) as Array<{ n: number }>;
      return r.n === 0;
    });
    const { id, regels } = await voorstel(hoofd, sub);
    const verwacht = {
      categorie: 'viaOmbudsman',
      grondslag: 'Selectielijst gemeenten 2020, 13.1.2',
      bewaartermijn: 'P10Y',
      afgeslotenOp: '2016-04-01',
      vernietigbaarVanaf: '2026-04-01',
      status: 'voorgesteld',
    };
    expect(regels).toEqual([
      expect.objectContaining({ klachtId: hoofd, ...verwacht }),
      expect.objectContaining({ klachtId: sub, ...verwacht }),
    ]);
    // Listed hoofdklacht first; destroyed request first (the link's foreign key keeps a hoofdklacht while a request links to it).
    const pv = await request(t.http).post(`/api/v1/vernietigingslijsten/${id}/goedkeuring`).set('Authorization', eigenaar).expect(200);
    expect((pv.body.regels as Regel[]).filter((r) => r.status !== 'vernietigd')).toEqual([]);
    for (const weg of [hoofd, sub]) await request(t.http).get(`/api/v1/klachten/${weg}`).set('Authorization', behandelaar).expect(404);
    expect(await t.db.query('SELECT 1 FROM klacht_koppeling WHERE $1 IN (klacht_id, hoofd_klacht_id)', [hoofd])).toEqual([]);
  });

  it('Archiefwet: a klacht is not proposed while the ombudsman klacht linked to it is open', async () => {
    const hoofd = await afgedaneKlacht('2015-02-03', '2015-03-03');
    await jaarVerstrijkt(hoofd); // closed March 2016: even 13.1.2 ended in March 2026
    const { sub } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2026-05-20');
    expect(await voorgesteld(hoofd, sub)).toEqual([]);
  });

  it('Archiefwet: a closed ombudsman klacht is not proposed while the klacht it is linked to is still open', async () => {
    const hoofd = await afgedaneKlacht('2015-02-04', '2015-03-04'); // its year for the second line never ends here
    const { sub } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2015-06-01');
    await sluit(sub, '2015-08-03'); // 13.1 would end in 2020, 13.1.2 in 2025
    expect(await voorgesteld(hoofd, sub)).toEqual([]);
  });

  it('Archiefwet: a bewaarblokkade on the ombudsman klacht keeps the klacht it is linked to as well', async () => {
    const hoofd = await afgedaneKlacht('2015-01-05', '2015-02-02');
    const { sub } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2015-04-01');
    await jaarVerstrijkt(hoofd); // closed February 2016
    await sluit(sub, '2016-03-01'); // 13.1.2 ends on 1 March 2026
    await request(t.http)
      .put(`/api/v1/klachten/${sub}/bewaarblokkade`)
      .set('Authorization', behandelaar)
      .send({ reden: 'Woo-verzoek' })
      .expect(200);
    expect(await voorgesteld(hoofd, sub)).toEqual([]);
  });

  it('Archiefwet: a klacht on a waiting list is not destroyed on approval when an ombudsman request about it arrived since; the request and its link stay', async () => {
    const hoofd = await afgedaneKlacht('2016-02-01', '2016-03-01');
    await jaarVerstrijkt(hoofd); // closed March 2017, 13.1: destroyable from March 2022
    const [regel] = await voorgesteld(hoofd);
    expect(regel).toEqual(expect.objectContaining({ klachtId: hoofd, categorie: 'gemeente', status: 'voorgesteld' }));
    const lijst = (await t.db.query('SELECT lijst_id AS id FROM vernietigingslijst_regel WHERE klacht_id = $1', [hoofd])) as Array<{
      id: string;
    }>;
    const { sub } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2026-05-25');
    const pv = await request(t.http)
      .post(`/api/v1/vernietigingslijsten/${lijst[0].id}/goedkeuring`)
      .set('Authorization', eigenaar)
      .expect(200);
    expect((pv.body.regels as Regel[]).find((r) => r.klachtId === hoofd)).toEqual(
      expect.objectContaining({ status: 'overgeslagen', reden: 'een gekoppelde klacht is niet afgesloten' }),
    );
    await request(t.http).get(`/api/v1/klachten/${hoofd}`).set('Authorization', behandelaar).expect(200);
    await request(t.http).get(`/api/v1/klachten/${sub}`).set('Authorization', behandelaar).expect(200);
    expect(await t.db.query('SELECT hoofd_klacht_id AS hoofd FROM klacht_koppeling WHERE klacht_id = $1', [sub])).toEqual([{ hoofd }]);
  });

  it('Archiefwet 1995: klacht_koppeling refers to klacht by foreign keys: a link to a klacht that does not exist is refused by the database, a hoofdklacht is not removed while a request links to it, and a request removed takes its link along', async () => {
    const hoofd = await afgedaneKlacht('2015-01-06', '2015-02-03');
    const { sub } = await ombudsmanVerzoek(hoofd, 'informatievraag', '2015-04-02');
    const los = await afgedaneKlacht('2015-01-07', '2015-02-04');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    /** The SQLSTATE of the statement, in a transaction that is rolled back: nothing of it stays. */
    const probeer = async (sql: string, params: unknown[]): Promise<string | undefined> => {
      await c.query('BEGIN');
      try {
        await c.query(sql, params);
        return undefined;
      } catch (e) {
        return (e as { code?: string }).code;
      } finally {
        await c.query('ROLLBACK');
      }
    };
    const koppel = `INSERT INTO klacht_koppeling (klacht_id, hoofd_klacht_id, gemeente, soort) VALUES ($1, $2, '${STICHTSE_VECHT}', 'informatievraag')`;
    try {
      // foreign_key_violation: a link names a klacht that does not exist, on either side.
      expect(await probeer(koppel, [los, randomUUID()])).toBe('23503');
      expect(await probeer(koppel, [randomUUID(), hoofd])).toBe('23503');
      expect(await probeer(koppel, [los, hoofd])).toBeUndefined();
      // The hoofdklacht stays while the request links to it (the dossier goes from its requests up) ...
      expect(await probeer('DELETE FROM klacht WHERE id = $1', [hoofd])).toBe('23503');
      // ... and the request, removed, takes its link along.
      await c.query('BEGIN');
      try {
        await c.query('DELETE FROM klacht WHERE id = $1', [sub]);
        expect((await c.query('SELECT klacht_id FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd])).rows).toEqual([]);
      } finally {
        await c.query('ROLLBACK');
      }
    } finally {
      await c.end();
    }
    expect(await t.db.query('SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd])).toEqual([{ sub }]);
  });
});
