import { createHash } from 'node:crypto';
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

interface Regel {
  klachtId: string | null;
  kenmerk: string;
  status: string;
  reden?: string;
}

/**
 * Destruction (Archiefwet 1995; Selectielijst gemeenten 2020, 13.1 / 13.1.2) while other work runs on the same klachten:
 * an ombudsman request that links a new klacht to the dossier, the outbox relay still handling a klacht's rows. Each
 * race is made to happen in the same order every run (a trigger or a transaction that holds the test's lock, and
 * pg_stat_activity to see who waits), with a fixed clock (1 June 2026).
 */
describe('destruction is safe against concurrent work on the dossier (Archiefwet 1995)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beheerder: string;
  let eigenaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('bewaring_gelijktijdig');
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
  }

  const verzoek = (hoofd: string, soort: string, ontvangenOp: string) =>
    request(t.http).post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`).set('Authorization', behandelaar).send({ soort, ontvangenOp });

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

  /** Waits until the relay has handled every outbox row of the klachten (their steps were just made). */
  const outboxVerwerkt = (...ids: string[]) =>
    waitFor('the outbox rows of the klachten are processed', async () => {
      const [r] = await sqlOp<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM outbox WHERE klacht_id = ANY($1) AND processed_at IS NULL',
        [ids],
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

  /** A fresh proposal for Stichtse Vecht: its id and its rows for these klachten. */
  async function voorstel(...ids: string[]): Promise<{ id: string; regels: Regel[] }> {
    const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder);
    expect(r.status).toBe(201);
    return { id: r.body.id as string, regels: (r.body.regels as Regel[]).filter((g) => ids.includes(g.klachtId!)) };
  }

  /** The proces-verbaal names a klacht by the SHA-256 of its id, also once it is destroyed. */
  const kenmerk = (id: string) => createHash('sha256').update(id).digest('hex');

  const bestaat = async (id: string): Promise<boolean> =>
    (await sqlOp<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM klacht WHERE id = $1', [id]))[0].n === 1;

  it('Archiefwet 1995: an ombudsman request on the hoofdklacht committed while the destruction of an older klacht of its dossier waits for the dossier keeps that klacht (the dossier judged is the one under the locks)', async () => {
    // X: an informatievraag about H, closed in 2015; H closed when its year for the second line ran out (February 2016).
    const hoofd = await afgedaneKlacht('2015-01-05', '2015-02-02');
    const x = (await verzoek(hoofd, 'informatievraag', '2015-04-01T09:00:00+02:00').expect(201)).body.klachtId as string;
    await sluit(x, '2015-08-03');
    await jaarVerstrijkt(hoofd);
    await outboxVerwerkt(hoofd, x);
    // 13.1.2 from the later end (February 2016): both due since February 2026, X first on the list (closed first).
    const lijst = await voorstel(hoofd, x);
    expect(lijst.regels.map((r) => [r.klachtId, r.status])).toEqual([
      [x, 'voorgesteld'],
      [hoofd, 'voorgesteld'],
    ]);

    // A new request about H is held inside its transaction (H locked FOR UPDATE, as for any step), before its link is written.
    await t.db.query(`CREATE FUNCTION test_wacht() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN PERFORM pg_advisory_xact_lock(7301); RETURN NEW; END $$`);
    await t.db.query(`CREATE TRIGGER test_wacht BEFORE INSERT ON klacht_koppeling FOR EACH ROW EXECUTE FUNCTION test_wacht()`);
    const slot = new Client({ connectionString: db.url });
    await slot.connect();
    let antwoord: Promise<request.Response> | undefined;
    let goedkeuring: Promise<request.Response> | undefined;
    try {
      await slot.query('SELECT pg_advisory_lock(7301)');
      antwoord = verzoek(hoofd, 'interventieverzoek', '2026-05-25T09:00:00+02:00').then((r) => r);
      await waitFor('the request waits inside its transaction', async () => (await wachtenden()) >= 1);
      let klaar = false;
      goedkeuring = request(t.http)
        .post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`)
        .set('Authorization', eigenaar)
        .then((r) => {
          klaar = true;
          return r;
        });
      // The destruction of X has read X's dossier ({X, H}: the new link is not committed) and waits for H's lock.
      await waitFor('the approval waits for the hoofdklacht, or is done', async () => klaar || (await wachtenden()) >= 2);
      await slot.query('SELECT pg_advisory_unlock(7301)');
      const r = await antwoord;
      expect(r.status).toBe(201);
      const pv = await goedkeuring;
      expect(pv.status).toBe(200);
      const regels = (pv.body.regels as Regel[]).filter((g) => [kenmerk(x), kenmerk(hoofd)].includes(g.kenmerk));
      expect(regels.map((g) => [g.status, g.reden])).toEqual([
        ['overgeslagen', 'een gekoppelde klacht is niet afgesloten'],
        ['overgeslagen', 'een gekoppelde klacht is niet afgesloten'],
      ]);
      // The whole dossier stands: X, H, the new request and both links.
      for (const id of [x, hoofd, r.body.klachtId as string]) expect(await bestaat(id)).toBe(true);
      expect(
        await t.db.query('SELECT klacht_id AS sub FROM klacht_koppeling WHERE hoofd_klacht_id = $1 ORDER BY created_at', [hoofd]),
      ).toEqual([{ sub: x }, { sub: r.body.klachtId }]);
    } finally {
      await slot.end();
      await antwoord?.catch(() => undefined);
      await goedkeuring?.catch(() => undefined);
      await t.db.query('DROP TRIGGER IF EXISTS test_wacht ON klacht_koppeling');
      await t.db.query('DROP FUNCTION IF EXISTS test_wacht()');
    }
  });

  it("Archiefwet, nothing lost: a destruction while the outbox relay handles the klacht's rows does not wait for them: postponed at once with the reason (no letter or webhook half made), and destroyed by the next daily run on the same approval", async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    const k = await afgedaneKlacht('2016-03-07', '2016-04-04');
    await jaarVerstrijkt(k); // closed April 2017, 13.1: destroyable from April 2022
    await outboxVerwerkt(k);
    const lijst = await voorstel(k);
    expect(lijst.regels.map((r) => r.status)).toEqual(['voorgesteld']);

    // A handler of the relay that makes a letter for the klacht: inside the relay's transaction (the row claimed FOR
    // UPDATE SKIP LOCKED) it inserts on a connection of its own a row whose foreign key needs the klacht's row.
    let binnen!: () => void;
    const handelt = new Promise<void>((r) => (binnen = r));
    let los!: () => void;
    const poort = new Promise<void>((r) => (los = r));
    t.relay.register({
      naam: 'test-brief',
      handles: (type) => type === 'test.brief-maken',
      handle: async (row) => {
        binnen();
        await poort;
        const c = new Client({ connectionString: db.url });
        await c.connect();
        try {
          // As the brief's foreign key does. (Only when the destruction wrongly waits for this row does the timeout end the cycle.)
          await c.query(`SET lock_timeout = '5s'`);
          await c.query('SELECT 1 FROM klacht WHERE id = $1 FOR KEY SHARE', [row.klachtId]);
        } finally {
          await c.end();
        }
      },
    });
    await sqlOp(db.url, `INSERT INTO outbox (klacht_id, type, payload) VALUES ($1, 'test.brief-maken', '{}')`, [k]);
    t.relay.kick();
    await handelt;

    let klaar = false;
    const goedkeuring = request(t.http)
      .post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`)
      .set('Authorization', eigenaar)
      .then((r) => {
        klaar = true;
        return r;
      });
    try {
      await waitFor('the approval is done, or waits for a lock', async () => klaar || (await wachtenden()) >= 1);
      expect({ klaar, wachtenden: await wachtenden() }).toEqual({ klaar: true, wachtenden: 0 });
      const pv = await goedkeuring;
      expect(pv.status).toBe(200);
      expect((pv.body.regels as Regel[]).filter((g) => g.kenmerk === kenmerk(k))).toEqual([
        expect.objectContaining({
          klachtId: k,
          status: 'uitgesteld',
          reden:
            'de outbox verwerkt nu berichten van de klacht (brief, webhook of termijn); de vernietiging volgt bij de volgende dagelijkse run',
        }),
      ]);
      expect(await bestaat(k)).toBe(true);
    } finally {
      los();
      await goedkeuring.catch(() => undefined);
    }
    // The letter is made, on the klacht that still exists; the relay marks the row handled.
    await t.relay.idle();
    await outboxVerwerkt(k);
    // Not proposed again meanwhile: its destruction is approved already.
    for (const l of await bewaring.stelOpVoorAlleGemeenten())
      expect((await bewaring.lijst(STICHTSE_VECHT, l.id)).regels.map((r) => r.klachtId)).not.toContain(k);

    // The next daily run destroys it on the approval given, and the proces-verbaal says so.
    expect(await bewaring.vernietigUitgestelde()).toBe(1);
    expect(await bestaat(k)).toBe(false);
    expect(await sqlOp(db.url, 'SELECT id FROM outbox WHERE klacht_id = $1', [k])).toEqual([]);
    const pv = await request(t.http).get(`/api/v1/vernietigingslijsten/${lijst.id}`).set('Authorization', beheerder).expect(200);
    expect((pv.body.regels as Regel[]).filter((g) => g.kenmerk === kenmerk(k)).map((g) => [g.status, g.klachtId, g.reden])).toEqual([
      ['vernietigd', undefined, undefined],
    ]);
  });

  it('Archiefwet: two approvals of one list at the same moment destroy the klacht once, and the proces-verbaal keeps saying it was destroyed (the second does not overwrite it with "no longer exists")', async () => {
    const k = await afgedaneKlacht('2016-05-02', '2016-06-06');
    await jaarVerstrijkt(k); // closed June 2017, 13.1: destroyable from June 2022
    await outboxVerwerkt(k);
    const lijst = await voorstel(k);
    const tweede = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
    // Both approvals pass the list's own checks before either has changed a row: the klacht is held meanwhile.
    const slot = new Client({ connectionString: db.url });
    await slot.connect();
    let a: Promise<request.Response> | undefined;
    let b: Promise<request.Response> | undefined;
    let open = false;
    try {
      await slot.query('BEGIN');
      open = true;
      await slot.query('SELECT 1 FROM klacht WHERE id = $1 FOR UPDATE', [k]);
      const keurGoed = (wie: string) =>
        request(t.http)
          .post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`)
          .set('Authorization', wie)
          .then((r) => r);
      a = keurGoed(eigenaar);
      await waitFor('the first approval waits for the klacht', async () => (await wachtenden()) >= 1);
      b = keurGoed(tweede);
      await waitFor('the second approval waits too', async () => (await wachtenden()) >= 2);
      await slot.query('COMMIT');
      open = false;
      const [ra, rb] = await Promise.all([a, b]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
    } finally {
      if (open) await slot.query('ROLLBACK').catch(() => undefined);
      await slot.end();
      await a?.catch(() => undefined);
      await b?.catch(() => undefined);
    }
    expect(await bestaat(k)).toBe(false);
    const pv = await request(t.http).get(`/api/v1/vernietigingslijsten/${lijst.id}`).set('Authorization', beheerder).expect(200);
    expect((pv.body.regels as Regel[]).filter((g) => g.kenmerk === kenmerk(k)).map((g) => [g.status, g.reden])).toEqual([
      ['vernietigd', undefined],
    ]);
  });
});
