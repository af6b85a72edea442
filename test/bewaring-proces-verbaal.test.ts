import { createHash } from 'node:crypto';
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import { BewaringService, OUTBOX_OPGEGEVEN_NA } from '../src/modules/bewaring/bewaring.service';
import { bearer } from './auth-support';
import { klachtStappen } from './support/afgedane-klacht';
import { createTestDatabase, sqlOp, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';

const STICHTSE_VECHT = 'GM1904';
const GOEDKEURING = new Date('2026-06-01T09:00:00Z');
const DAGELIJKSE_RUN = new Date('2026-06-02T04:30:00Z');

interface Regel {
  klachtId?: string;
  kenmerk: string;
  status: string;
  reden?: string;
  vernietigdOp?: string;
}

/**
 * The proces-verbaal of a vernietigingslijst (Archiefwet 1995; the verklaring van vernietiging of Archiefbesluit 1995
 * art. 8) and what may keep a klacht from being destroyed on an approval given: its outbox rows. The clock is injected
 * and moved by the test (the approval on 1 June 2026, the daily run the night after); outbox rows are written by the
 * test with their next attempt a day away, so the relay leaves them as they are.
 */
describe('the proces-verbaal and postponed destructions (Archiefwet 1995)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let beheerder: string;
  let eigenaar: string;
  let nu = GOEDKEURING;
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    db = await createTestDatabase('bewaring_proces_verbaal');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
    beheerder = await bearer(t.app, STICHTSE_VECHT, 'beheerder');
    eigenaar = await bearer(t.app, STICHTSE_VECHT, 'procesEigenaar');
  });

  beforeEach(() => {
    nu = GOEDKEURING;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const { afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  /** A klacht afgedaan in `maand` of 2016 whose year for the second line then passed: closed in 2017, 13.1 due in 2022. */
  async function geslotenKlacht(maand: string): Promise<string> {
    const id = await afgedaneKlacht(`2016-${maand}-01`, `2016-${maand}-15`);
    const [termijn] = (await t.db.query(
      `SELECT revision FROM termijn WHERE klacht_id = $1 AND naam = 'tweedeLijnVerzoek' AND status = 'lopend'`,
      [id],
    )) as Array<{ revision: number }>;
    expect(await t.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: termijn.revision, kind: 'verval' }, nu)).toBe(
      'verwerkt',
    );
    await waitFor('the outbox rows of the klacht are processed', async () => {
      const [r] = await sqlOp<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM outbox WHERE klacht_id = $1 AND processed_at IS NULL',
        [id],
      );
      return r.n === 0;
    });
    return id;
  }

  /**
   * An outbox row of the klacht that the relay has not handled: `pogingen` failed attempts so far (0: not tried yet), the
   * next attempt a day away.
   */
  const outboxRij = (klachtId: string, pogingen: number) =>
    sqlOp<{ id: string }>(
      db.url,
      `INSERT INTO outbox (klacht_id, type, payload, attempts, last_error, volgende_poging_op)
       VALUES ($1, 'klacht.registratie-gewijzigd', '{}', $2, $3, now() + interval '1 day') RETURNING id`,
      [klachtId, pogingen, pogingen > 0 ? 'webhooks: abonnee antwoordt 503' : null],
    );

  const kenmerk = (id: string) => createHash('sha256').update(id).digest('hex');
  const bestaat = async (id: string): Promise<boolean> =>
    (await sqlOp<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM klacht WHERE id = $1', [id]))[0].n === 1;

  async function voorstel(...ids: string[]): Promise<string> {
    const r = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder).expect(201);
    expect((r.body.regels as Regel[]).filter((g) => ids.includes(g.klachtId!)).length).toBe(ids.length);
    return r.body.id as string;
  }

  async function goedkeuring(lijst: string): Promise<{ uitgevoerdOp: string; regels: Regel[] }> {
    const r = await request(t.http).post(`/api/v1/vernietigingslijsten/${lijst}/goedkeuring`).set('Authorization', eigenaar);
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    return r.body;
  }

  async function procesVerbaal(lijst: string): Promise<{ uitgevoerdOp: string; regels: Regel[] }> {
    return (await request(t.http).get(`/api/v1/vernietigingslijsten/${lijst}`).set('Authorization', beheerder).expect(200)).body;
  }

  /** The row of klacht `id` in a proces-verbaal: what it says of the klacht (absent fields undefined). */
  const van = (regels: Regel[], id: string) => {
    const g = regels.find((r) => r.kenmerk === kenmerk(id));
    return g && { klachtId: g.klachtId, status: g.status, reden: g.reden, vernietigdOp: g.vernietigdOp };
  };

  it('Archiefwet 1995, proces-verbaal: every destroyed klacht carries the moment it was destroyed (the injected clock); one postponed at the approval carries the daily run that destroyed it, not the approval', async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    const meteen = await geslotenKlacht('02');
    const later = await geslotenKlacht('03');
    const lijst = await voorstel(meteen, later);
    const [rij] = await outboxRij(later, 0);

    const pv = await goedkeuring(lijst);
    expect(pv.uitgevoerdOp).toBe(GOEDKEURING.toISOString());
    expect(van(pv.regels, meteen)).toEqual({ status: 'vernietigd', klachtId: undefined, vernietigdOp: GOEDKEURING.toISOString() });
    expect(van(pv.regels, later)).toEqual({
      status: 'uitgesteld',
      klachtId: later,
      reden: '1 bericht van de klacht in de outbox nog niet verwerkt; de vernietiging volgt bij de dagelijkse run nadat het is verwerkt',
    });

    // Its message is handled; the next night's run destroys it on the same approval.
    await sqlOp(db.url, 'UPDATE outbox SET processed_at = now() WHERE id = $1', [rij.id]);
    nu = DAGELIJKSE_RUN;
    expect(await bewaring.vernietigUitgestelde()).toBe(1);
    expect(await bestaat(later)).toBe(false);
    const na = await procesVerbaal(lijst);
    expect(na.uitgevoerdOp).toBe(GOEDKEURING.toISOString());
    expect([van(na.regels, meteen)?.vernietigdOp, van(na.regels, later)?.vernietigdOp]).toEqual([
      GOEDKEURING.toISOString(),
      DAGELIJKSE_RUN.toISOString(),
    ]);
    expect(van(na.regels, later)).toEqual({
      status: 'vernietigd',
      klachtId: undefined,
      reden: undefined,
      vernietigdOp: DAGELIJKSE_RUN.toISOString(),
    });
  });

  it(`Archiefwet 1995 and AVG art. 5 lid 1 sub e: an outbox row that keeps failing postpones the destruction with a reason that says so, and after ${OUTBOX_OPGEGEVEN_NA} failed attempts no longer: the klacht is destroyed on the approval given, the row with it, and the proces-verbaal names the message type given up`, async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    const k = await geslotenKlacht('04');
    const lijst = await voorstel(k);
    const [rij] = await outboxRij(k, 3);

    const pv = await goedkeuring(lijst);
    expect(van(pv.regels, k)).toEqual({
      status: 'uitgesteld',
      klachtId: k,
      reden: `1 bericht van de klacht in de outbox nog niet verwerkt, waarvan 1 mislukt (klacht.registratie-gewijzigd; 3 pogingen tot nu); de vernietiging volgt bij de dagelijkse run nadat ze verwerkt zijn, en wacht niet meer op een bericht dat ${OUTBOX_OPGEGEVEN_NA} keer mislukte`,
    });

    // One attempt short: still postponed.
    await sqlOp(db.url, 'UPDATE outbox SET attempts = $2 WHERE id = $1', [rij.id, OUTBOX_OPGEGEVEN_NA - 1]);
    nu = DAGELIJKSE_RUN;
    expect(await bewaring.vernietigUitgestelde()).toBe(0);
    expect(await bestaat(k)).toBe(true);
    expect(van((await procesVerbaal(lijst)).regels, k)?.reden).toContain(`${OUTBOX_OPGEGEVEN_NA - 1} pogingen tot nu`);

    // The relay kept failing on it (a week of hourly attempts): the next run destroys the klacht and the row.
    await sqlOp(db.url, 'UPDATE outbox SET attempts = $2 WHERE id = $1', [rij.id, OUTBOX_OPGEGEVEN_NA]);
    nu = new Date('2026-06-03T04:30:00Z');
    expect(await bewaring.vernietigUitgestelde()).toBe(1);
    expect(await bestaat(k)).toBe(false);
    expect(await sqlOp(db.url, 'SELECT id FROM outbox WHERE id = $1', [rij.id])).toEqual([]);
    expect(van((await procesVerbaal(lijst)).regels, k)).toEqual({
      status: 'vernietigd',
      klachtId: undefined,
      vernietigdOp: '2026-06-03T04:30:00.000Z',
      reden: `1 bericht van de klacht in de outbox (klacht.registratie-gewijzigd) mislukte ${OUTBOX_OPGEGEVEN_NA} keer of vaker en is zonder verwerking met de klacht vernietigd`,
    });
  });

  it(`Archiefwet 1995: a row given up on (${OUTBOX_OPGEGEVEN_NA} failed attempts) does not let the destruction pass another row of the klacht that was never tried: postponed until that one is handled`, async () => {
    const k = await geslotenKlacht('05');
    const lijst = await voorstel(k);
    await outboxRij(k, OUTBOX_OPGEGEVEN_NA);
    await outboxRij(k, 0);
    const pv = await goedkeuring(lijst);
    expect(van(pv.regels, k)).toEqual({
      status: 'uitgesteld',
      klachtId: k,
      reden: '1 bericht van de klacht in de outbox nog niet verwerkt; de vernietiging volgt bij de dagelijkse run nadat het is verwerkt',
    });
    expect(await bestaat(k)).toBe(true);
  });
});
