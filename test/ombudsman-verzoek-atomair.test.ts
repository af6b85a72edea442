import request from 'supertest';
import { Client } from 'pg';
import { KLOK, vasteKlok } from '../src/common/klok';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { bearer } from './auth-support';
import { klachtStappen } from './support/afgedane-klacht';
import { createTestDatabase, sqlOp, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

const STICHTSE_VECHT = 'GM1904';
const NU = new Date('2026-06-01T09:00:00Z');

/** What a request could leave behind: the rows counted before and after it. */
const TELLING = `SELECT (SELECT count(*) FROM klacht)::int AS klachten,
                        (SELECT count(*) FROM klacht_koppeling)::int AS koppelingen,
                        (SELECT count(*) FROM klacht_gebeurtenis)::int AS gebeurtenissen,
                        (SELECT count(*) FROM termijn)::int AS termijnen,
                        (SELECT count(*) FROM outbox)::int AS outbox,
                        (SELECT count(*) FROM idempotentie_sleutel)::int AS sleutels`;

/**
 * An ombudsman request (POST /klachten/{id}/ombudsman-verzoeken) is one act: a klacht of its own (Awb 9.2, Awb 9:26),
 * its link to the hoofdklacht (klacht_koppeling: reports and retention go by it) and the event on the hoofdklacht
 * when that takes it now (its phase and termijnen: Awb 9:20, 9:31). Accepted, it is written whole; refused or failed,
 * nothing of it is written. Stichtse Vecht's regeling, with a fixed clock (1 June 2026).
 */
describe('an ombudsman request is taken in one transaction (Awb 9.2)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beheerder: string;
  let eigenaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('ombudsman_atomair');
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

  const telling = async () =>
    (await sqlOp<Record<'klachten' | 'koppelingen' | 'gebeurtenissen' | 'termijnen' | 'outbox' | 'sleutels', number>>(db.url, TELLING))[0];

  const { stap, afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  /** A klacht the klager took to the ombudsman (Awb 9:18): an informatievraag about it fits it now (Awb 9:31). */
  async function klachtBijOmbudsman(ontvangen: string, afdoen: string, verzoek: string): Promise<string> {
    const id = await afgedaneKlacht(ontvangen, afdoen);
    expect((await stap(id, 'VERZOEK_OMBUDSMAN', `${verzoek}T10:00:00+02:00`)).state).toMatch(/^bijOmbudsman/);
    return id;
  }

  /** The year for the second line passes (its wake-up): the klacht is closed on the day after that year. */
  async function jaarVerstrijkt(id: string): Promise<void> {
    const [termijn] = (await t.db.query(
      `SELECT revision FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
      [id],
    )) as Array<{ revision: number }>;
    expect(await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, NU)).toBe(
      'verwerkt',
    );
  }

  const verzoek = (hoofd: string, body: Record<string, unknown>, sleutel?: string) => {
    const r = request(t.http).post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`).set('Authorization', behandelaar);
    return (sleutel ? r.set('Idempotency-Key', sleutel) : r).send(body);
  };

  /**
   * Waits until the relay has sent the klacht's outbox rows: a destruction deletes them under the klacht's lock, which a
   * relay still sending them (its brief refers to the klacht) would wait for. Retention concerns klachten closed long ago.
   */
  const outboxVerzonden = (klachtId: string) =>
    waitFor('the outbox rows of the klacht are sent', async () => {
      const [r] = await sqlOp<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM outbox WHERE klacht_id = $1 AND processed_at IS NULL',
        [klachtId],
      );
      return r.n === 0;
    });

  /** Backends of the test database waiting for a lock (a row lock or an advisory lock). */
  const wachtenden = async (): Promise<number> =>
    (
      await sqlOp<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    )[0].n;

  it('Awb 9.2: an ombudsman request whose link cannot be written leaves no klacht behind (no history, termijn, outbox row or key), and its retry is taken whole', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-05', '2026-02-02', '2026-02-20');
    // Any failure of the link's write (here a trigger; in life a constraint, a lost connection, a crash).
    await t.db.query(`CREATE FUNCTION test_geen_koppeling() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN RAISE EXCEPTION 'koppeling kan niet worden geschreven'; END $$`);
    await t.db.query(
      `CREATE TRIGGER test_geen_koppeling BEFORE INSERT ON klacht_koppeling FOR EACH ROW EXECUTE FUNCTION test_geen_koppeling()`,
    );
    const voor = await telling();
    const body = { soort: 'informatievraag', ontvangenOp: '2026-03-02T09:00:00+01:00', termijn: '2026-03-23' };
    try {
      const r = await verzoek(hoofd, body, 'ombudsman-2026-0001');
      expect(r.status).toBe(500);
      expect(await telling()).toEqual(voor);
      const historie = (await t.db.query('SELECT type FROM klacht_gebeurtenis WHERE klacht_id = $1 ORDER BY id', [hoofd])) as Array<{
        type: string;
      }>;
      expect(historie.map((h) => h.type)).not.toContain('OMBUDSMAN_INFORMATIEVRAAG');
    } finally {
      await t.db.query('DROP TRIGGER test_geen_koppeling ON klacht_koppeling');
      await t.db.query('DROP FUNCTION test_geen_koppeling()');
    }
    // Nothing was taken, so the key is free: the client's retry is a first request, taken whole.
    const retry = await verzoek(hoofd, body, 'ombudsman-2026-0001');
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([201, undefined]);
    expect(retry.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_INFORMATIEVRAAG');
    expect(await t.db.query('SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd])).toEqual([
      { sub: retry.body.klachtId },
    ]);
    expect((await telling()).klachten).toBe(voor.klachten + 1);
  });

  it('Awb 9:31: an informatievraag is applied to the hoofdklacht in the transaction that takes the request; if that step cannot be written, neither the sub-klacht nor its link remain', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-06', '2026-02-03', '2026-02-21');
    const body = { soort: 'informatievraag', ontvangenOp: '2026-03-03T09:00:00+01:00', termijn: '2026-03-24' };
    await t.db.query(`CREATE FUNCTION test_geen_stap() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN IF NEW.type = 'OMBUDSMAN_INFORMATIEVRAAG' THEN RAISE EXCEPTION 'stap kan niet worden geschreven'; END IF; RETURN NEW; END $$`);
    await t.db.query(`CREATE TRIGGER test_geen_stap BEFORE INSERT ON klacht_gebeurtenis FOR EACH ROW EXECUTE FUNCTION test_geen_stap()`);
    const voor = await telling();
    try {
      expect((await verzoek(hoofd, body)).status).toBe(500);
      expect(await telling()).toEqual(voor);
    } finally {
      await t.db.query('DROP TRIGGER test_geen_stap ON klacht_gebeurtenis');
      await t.db.query('DROP FUNCTION test_geen_stap()');
    }
    const r = await verzoek(hoofd, body);
    expect([r.status, r.body.gebeurtenisHoofdKlacht]).toEqual([201, 'OMBUDSMAN_INFORMATIEVRAAG']);
    // One transaction wrote the sub-klacht's intake, its link and the hoofdklacht's step: the same xmin.
    const rijen = (await t.db.query(
      `SELECT 'intake' AS wat, xmin::text AS xmin, correlation_id AS correlatie FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'KLACHT_ONTVANGEN'
       UNION ALL SELECT 'koppeling', xmin::text, NULL FROM klacht_koppeling WHERE klacht_id = $1
       UNION ALL SELECT 'stap', xmin::text, correlation_id FROM klacht_gebeurtenis WHERE klacht_id = $2 AND type = 'OMBUDSMAN_INFORMATIEVRAAG'`,
      [r.body.klachtId, hoofd],
    )) as Array<{ wat: string; xmin: string; correlatie: string | null }>;
    expect(rijen.map((x) => x.wat).sort()).toEqual(['intake', 'koppeling', 'stap']);
    expect(new Set(rijen.map((x) => x.xmin)).size).toBe(1);
    expect(rijen.find((x) => x.wat === 'stap')!.correlatie).toBe(rijen.find((x) => x.wat === 'intake')!.correlatie);
  });

  it('Idempotency-Key: a retry of a request that was taken makes no second sub-klacht and answers whether the hoofdklacht took the event then', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-07', '2026-02-04', '2026-02-22');
    const body = { soort: 'informatievraag', ontvangenOp: '2026-03-04T09:00:00+01:00', termijn: '2026-03-25' };
    const eerste = await verzoek(hoofd, body, 'ombudsman-2026-0002');
    expect([eerste.status, eerste.body.gebeurtenisHoofdKlacht]).toEqual([201, 'OMBUDSMAN_INFORMATIEVRAAG']);
    const tweede = await verzoek(hoofd, body, 'ombudsman-2026-0002');
    expect([tweede.status, tweede.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(tweede.body).toEqual(eerste.body);
    expect(await t.db.query('SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd])).toEqual([
      { sub: eerste.body.klachtId },
    ]);
    const stappen = (await t.db.query(`SELECT 1 FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'OMBUDSMAN_INFORMATIEVRAAG'`, [
      hoofd,
    ])) as unknown[];
    expect(stappen).toHaveLength(1);

    // A request the hoofdklacht did not take (closed in its second-line window it takes no interventieverzoek): replayed as not taken.
    const venster = await afgedaneKlacht('2026-01-08', '2026-02-05');
    const niet = { soort: 'interventieverzoek', ontvangenOp: '2026-03-05T09:00:00+01:00' };
    const a = await verzoek(venster, niet, 'ombudsman-2026-0003');
    const b = await verzoek(venster, niet, 'ombudsman-2026-0003');
    expect([a.status, a.body.gebeurtenisHoofdKlacht, b.status, b.headers['idempotent-replayed']]).toEqual([201, null, 201, 'true']);
    expect(b.body).toEqual(a.body);
  });

  it('Awb 9.2: a request is taken also when the hoofdklacht cannot take the event (its regeling version is not loaded): the sub-klacht and its link, without the event', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-09', '2026-02-06', '2026-02-23');
    // The state still offers the event, but the step cannot be made (a version this service does not have).
    await t.db.query(`UPDATE klacht SET definitie_versie = 'onbekend' WHERE id = $1`, [hoofd]);
    const voor = await telling();
    const r = await verzoek(hoofd, { soort: 'informatievraag', ontvangenOp: '2026-03-06T09:00:00+01:00' });
    expect([r.status, r.body.gebeurtenisHoofdKlacht]).toEqual([201, null]);
    expect(await t.db.query('SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1', [hoofd])).toEqual([
      { sub: r.body.klachtId },
    ]);
    expect((await telling()).klachten).toBe(voor.klachten + 1);
  });

  it('Archiefwet: a hoofdklacht destroyed while the request waits for it is not written to: 404 klacht-niet-gevonden, and no sub-klacht, link or outbox row remains', async () => {
    const hoofd = await afgedaneKlacht('2016-01-04', '2016-02-01');
    await outboxVerzonden(hoofd);
    const bewaring = t.app.get(BewaringService, { strict: false });
    // The destruction's transaction (BewaringService.keurGoed) holds the klacht's row lock first.
    const qr = t.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    let antwoord: Promise<request.Response> | undefined;
    try {
      await qr.query('SELECT 1 FROM klacht WHERE id = $1 FOR UPDATE', [hoofd]);
      const voor = await telling();
      let klaar = false;
      antwoord = verzoek(hoofd, { soort: 'interventieverzoek', ontvangenOp: '2026-05-20T09:00:00+02:00' }, 'ombudsman-2026-0004').then(
        (r) => {
          klaar = true;
          return r;
        },
      );
      // The request has read the hoofdklacht and now waits for its lock (or, were it not taken, would be done).
      await waitFor('the request waits for the hoofdklacht, or is done', async () => klaar || (await wachtenden()) >= 1);
      await bewaring.vernietig(qr.manager, hoofd);
      await qr.commitTransaction();
      const r = await antwoord;
      expect([r.status, r.body.code]).toEqual([404, 'klacht-niet-gevonden']);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      const na = await telling();
      // Only the destroyed klacht's own rows are gone; nothing of the request was written.
      expect(na.klachten).toBe(voor.klachten - 1);
      expect(na.koppelingen).toBe(voor.koppelingen);
      expect(na.sleutels).toBe(voor.sleutels);
      const outbox = (await sqlOp<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM klacht k WHERE k.id = o.klacht_id)`,
      )) as Array<{ n: number }>;
      expect(outbox[0].n).toBe(0);
      expect(na.gebeurtenissen).toBeLessThan(voor.gebeurtenissen);
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
      await antwoord?.catch(() => undefined);
    }
  });

  it('Archiefwet: a destruction approved while the request is being taken waits for it, then finds the open ombudsman klacht linked and keeps the hoofdklacht', async () => {
    const hoofd = await afgedaneKlacht('2016-02-01', '2016-03-01');
    await jaarVerstrijkt(hoofd); // closed March 2017, 13.1: destroyable from March 2022
    await outboxVerzonden(hoofd);
    const lijst = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder).expect(201);
    expect((lijst.body.regels as Array<{ klachtId: string }>).map((r) => r.klachtId)).toContain(hoofd);
    // The request is held inside its transaction, just before its link is written (a trigger that waits for the test).
    await t.db.query(`CREATE FUNCTION test_wacht() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN PERFORM pg_advisory_xact_lock(7291); RETURN NEW; END $$`);
    await t.db.query(`CREATE TRIGGER test_wacht BEFORE INSERT ON klacht_koppeling FOR EACH ROW EXECUTE FUNCTION test_wacht()`);
    const slot = new Client({ connectionString: db.url });
    await slot.connect();
    let antwoord: Promise<request.Response> | undefined;
    let goedkeuring: Promise<request.Response> | undefined;
    try {
      await slot.query('SELECT pg_advisory_lock(7291)');
      antwoord = verzoek(hoofd, { soort: 'informatievraag', ontvangenOp: '2026-05-25T09:00:00+02:00' }).then((r) => r);
      await waitFor('the request waits inside its transaction', async () => (await wachtenden()) >= 1);
      let klaar = false;
      goedkeuring = request(t.http)
        .post(`/api/v1/vernietigingslijsten/${lijst.body.id}/goedkeuring`)
        .set('Authorization', eigenaar)
        .then((r) => {
          klaar = true;
          return r;
        });
      // The approval waits for the hoofdklacht's lock (or, were it not held, would be done).
      await waitFor('the approval waits for the hoofdklacht, or is done', async () => klaar || (await wachtenden()) >= 2);
      await slot.query('SELECT pg_advisory_unlock(7291)');
      const r = await antwoord;
      expect(r.status).toBe(201);
      const pv = await goedkeuring;
      expect(pv.status).toBe(200);
      expect((pv.body.regels as Array<{ klachtId: string }>).find((g) => g.klachtId === hoofd)).toEqual(
        expect.objectContaining({ status: 'overgeslagen', reden: 'een gekoppelde klacht is niet afgesloten' }),
      );
      await request(t.http).get(`/api/v1/klachten/${hoofd}`).set('Authorization', behandelaar).expect(200);
      expect(await t.db.query('SELECT hoofd_klacht_id AS hoofd FROM klacht_koppeling WHERE klacht_id = $1', [r.body.klachtId])).toEqual([
        { hoofd },
      ]);
    } finally {
      await slot.end();
      await antwoord?.catch(() => undefined);
      await goedkeuring?.catch(() => undefined);
      await t.db.query('DROP TRIGGER IF EXISTS test_wacht ON klacht_koppeling');
      await t.db.query('DROP FUNCTION IF EXISTS test_wacht()');
    }
  });
});
