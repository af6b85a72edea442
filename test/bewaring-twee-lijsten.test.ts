import { createHash, randomUUID } from 'node:crypto';
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
  vernietigdOp?: string;
}

/**
 * Two vernietigingslijsten that hold klachten of one dossier (a klacht and the ombudsman's request about it,
 * Selectielijst gemeenten 2020, 13.1.2), approved at the same moment (Archiefwet 1995). Each approval locks its own
 * klacht and then the rest of the dossier; taken klacht first, the two took the same two rows in opposite order and
 * PostgreSQL ended one of them (deadlock_detected), which answered 500. The race is made to happen in the same order
 * every run: the test holds both klachten until both approvals wait (pg_stat_activity), with a fixed clock (1 June 2026).
 */
describe('two approvals of different vernietigingslijsten sharing a dossier (Archiefwet 1995)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beheerder: string;
  let eigenaar: string;
  let tweede: string;

  beforeAll(async () => {
    db = await createTestDatabase('bewaring_twee_lijsten');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
    beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
    eigenaar = await bearer(t.app, STICHTSE_VECHT, 'procesEigenaar');
    tweede = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
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

  /** An informatievraag of the ombudsman about `hoofd` (Awb 9:31), answered on `dag`: a closed klacht linked to it. */
  async function beantwoordVerzoek(hoofd: string, ontvangen: string, dag: string): Promise<string> {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: `${ontvangen}T09:00:00+02:00` })
      .expect(201);
    const id = r.body.klachtId as string;
    const s = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type: 'INFORMATIE_VERSTREKT', at: `${dag}T10:00:00+02:00` });
    expect([s.status, s.body.done]).toEqual([200, true]);
    return id;
  }

  const outboxVerwerkt = (...ids: string[]) =>
    waitFor('the outbox rows of the klachten are processed', async () => {
      const [r] = await sqlOp<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM outbox WHERE klacht_id = ANY($1) AND processed_at IS NULL',
        [ids],
      );
      return r.n === 0;
    });

  /** Backends of the test database waiting for a lock. */
  const wachtenden = async (): Promise<number> =>
    (
      await sqlOp<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    )[0].n;

  const kenmerk = (id: string) => createHash('sha256').update(id).digest('hex');
  const bestaat = async (id: string): Promise<boolean> =>
    (await sqlOp<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM klacht WHERE id = $1', [id]))[0].n === 1;

  /**
   * One proposal with both klachten, then the request's row moved to a list of its own: two lists waiting for approval
   * that share the dossier (as when the request became due on a later proposal than the klacht it is about).
   */
  async function tweeLijsten(hoofd: string, sub: string): Promise<{ a: string; b: string }> {
    const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder).expect(201);
    const a = r.body.id as string;
    expect((r.body.regels as Regel[]).filter((g) => [hoofd, sub].includes(g.klachtId!)).map((g) => g.status)).toEqual([
      'voorgesteld',
      'voorgesteld',
    ]);
    const b = randomUUID();
    await sqlOp(
      db.url,
      `INSERT INTO vernietigingslijst (id, gemeente, status, peildatum, opgesteld_op, opgesteld_door, ondertekend_door, ondertekend_op)
       SELECT $2, gemeente, status, peildatum, opgesteld_op, opgesteld_door, ondertekend_door, ondertekend_op FROM vernietigingslijst WHERE id = $1`,
      [a, b],
    );
    await sqlOp(db.url, 'UPDATE vernietigingslijst_regel SET lijst_id = $2 WHERE lijst_id = $1 AND klacht_id = $3', [a, b, sub]);
    return { a, b };
  }

  it('Archiefwet 1995: two approvals of different lists holding one dossier at once both answer 200 (the dossier is locked in one order: no deadlock), each klacht is destroyed once and each proces-verbaal names its own', async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    // H closed in February 2016 (its year for the second line), the request about it answered in August 2015: 13.1.2
    // from the later end, both destroyable since February 2026.
    const hoofd = await afgedaneKlacht('2015-01-05', '2015-02-02');
    const sub = await beantwoordVerzoek(hoofd, '2015-04-01', '2015-08-03');
    await jaarVerstrijkt(hoofd);
    await outboxVerwerkt(hoofd, sub);
    const { a, b } = await tweeLijsten(hoofd, sub);

    // The test holds both klachten; each approval then waits for the first lock it asks, and both are let go at once.
    const slot = new Client({ connectionString: db.url });
    await slot.connect();
    let ra: Promise<request.Response> | undefined;
    let rb: Promise<request.Response> | undefined;
    let open = false;
    const keurGoed = (lijst: string, wie: string) =>
      request(t.http)
        .post(`/api/v1/vernietigingslijsten/${lijst}/goedkeuring`)
        .set('Authorization', wie)
        .then((r) => r);
    try {
      await slot.query('BEGIN');
      open = true;
      await slot.query('SELECT 1 FROM klacht WHERE id = ANY($1) FOR UPDATE', [[hoofd, sub]]);
      ra = keurGoed(a, eigenaar);
      await waitFor('the approval of the list with the klacht waits', async () => (await wachtenden()) >= 1);
      rb = keurGoed(b, tweede);
      await waitFor('the approval of the list with the request waits too', async () => (await wachtenden()) >= 2);
      await slot.query('COMMIT');
      open = false;
      const [pa, pb] = await Promise.all([ra, rb]);
      expect([pa.status, pa.body.detail, pb.status, pb.body.detail]).toEqual([200, undefined, 200, undefined]);
      // The first approval got the dossier first; its klacht still had the request, so it waits for the daily run.
      expect((pa.body.regels as Regel[]).map((g) => [g.klachtId, g.status, g.reden])).toEqual([
        [
          hoofd,
          'uitgesteld',
          'een verzoek van de ombudsman dat bij deze klacht hoort, is nog niet vernietigd (een dossier gaat van de verzoeken naar de klacht); de vernietiging volgt bij de dagelijkse run daarna',
        ],
      ]);
      expect((pb.body.regels as Regel[]).map((g) => [g.kenmerk, g.status, g.klachtId])).toEqual([[kenmerk(sub), 'vernietigd', undefined]]);
    } finally {
      if (open) await slot.query('ROLLBACK').catch(() => undefined);
      await slot.end();
      await ra?.catch(() => undefined);
      await rb?.catch(() => undefined);
    }
    expect(await bestaat(sub)).toBe(false);
    // The klacht goes after its request (a dossier from its requests up): at the daily run, on the same approval.
    expect(await bewaring.vernietigUitgestelde()).toBe(1);
    expect(await bestaat(hoofd)).toBe(false);

    const pv = async (lijst: string) =>
      (await request(t.http).get(`/api/v1/vernietigingslijsten/${lijst}`).set('Authorization', beheerder).expect(200)).body as {
        status: string;
        regels: Regel[];
      };
    const [pva, pvb] = [await pv(a), await pv(b)];
    expect([pva.status, pvb.status]).toEqual(['uitgevoerd', 'uitgevoerd']);
    expect(pva.regels.map((g) => [g.kenmerk, g.status, g.klachtId, g.reden])).toEqual([
      [kenmerk(hoofd), 'vernietigd', undefined, undefined],
    ]);
    expect(pvb.regels.map((g) => [g.kenmerk, g.status, g.klachtId, g.reden])).toEqual([[kenmerk(sub), 'vernietigd', undefined, undefined]]);
    // Destroyed once: no other row of any list says so for these klachten.
    expect(
      await sqlOp<{ kenmerk: string; n: number }>(
        db.url,
        `SELECT kenmerk, count(*)::int AS n FROM vernietigingslijst_regel WHERE kenmerk = ANY($1) AND status = 'vernietigd' GROUP BY kenmerk ORDER BY kenmerk`,
        [[kenmerk(hoofd), kenmerk(sub)]],
      ),
    ).toEqual([kenmerk(hoofd), kenmerk(sub)].sort().map((k) => ({ kenmerk: k, n: 1 })));
  });
});
