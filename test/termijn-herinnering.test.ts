/**
 * A termijn's reminder is there so that the termijn can still be met (Awb 9:11; the Klachtenprotocol Wmo keten's
 * reminders to the aanbieder). When its wake-up comes only after the termijn has passed (the worker was down over both,
 * or a klacht was registered late), it announces a last day already gone: it is skipped, and never sent.
 */
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';

const ONTVANGEN = '2026-03-02T09:00:00.000Z';
const DAG = 86_400_000;

describe('termijn reminders after their termijn', () => {
  let db: TestDatabase;
  let app: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('termijn_herinnering');
    // No worker (ROLE api: no queue processor, no sweep): the wake-ups are called directly, in the order the queue would
    // deliver them, whatever today's date is.
    app = await createEngineApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'api' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function afhandeling(klachtId: string) {
    const [t] = (await app.db.query(
      `SELECT id, revision, vervalt_op, herinneringen, volgende_herinnering_op FROM termijn WHERE klacht_id = $1 AND naam = 'afhandeling'`,
      [klachtId],
    )) as Array<{
      id: string;
      revision: number;
      vervalt_op: Date;
      herinneringen: Array<{ naam: string; op: string; verzondenOp?: string; overgeslagenOp?: string }>;
      volgende_herinnering_op: Date | null;
    }>;
    return t;
  }
  const herinneringen = async (klachtId: string) =>
    (await app.db.query(`SELECT payload FROM outbox WHERE klacht_id = $1 AND type = 'termijn.herinnering'`, [klachtId])) as unknown[];

  it('Awb 9:11: a reminder whose wake-up comes after its termijn passed (the expiry not yet handled) is skipped, not sent, and never fires again', async () => {
    const { klacht } = await app.engine.create(testIntake(ONTVANGEN), { actor: 'kcc' });
    const t = await afhandeling(klacht.id);
    expect(t.herinneringen.length).toBeGreaterThan(0);
    const h = t.herinneringen[0];
    // The queue delivers the overdue reminder first (its moment is earlier than the expiry's); both are due.
    const nu = new Date(t.vervalt_op.getTime() + DAG);
    const job = {
      klachtId: klacht.id,
      termijnNaam: 'afhandeling',
      revision: t.revision,
      kind: 'herinnering' as const,
      herinnering: h.naam,
    };
    expect(await app.wake.herinnering(job, nu)).toBe('stale');
    expect(await herinneringen(klacht.id)).toEqual([]);
    const na = await afhandeling(klacht.id);
    const skipped = na.herinneringen.find((x) => x.naam === h.naam)!;
    expect(skipped.overgeslagenOp).toBe(nu.toISOString());
    expect(skipped.verzondenOp).toBeUndefined();
    // Not planned again (the sweep picks reminders by this column), and a duplicate wake-up does nothing.
    expect(na.volgende_herinnering_op === null || na.volgende_herinnering_op.getTime() > Date.parse(h.op)).toBe(true);
    expect(await app.wake.herinnering(job, new Date(nu.getTime() + DAG))).toBe('stale');
    expect(await herinneringen(klacht.id)).toEqual([]);
    // The expiry itself still fires.
    expect(await app.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' }, nu)).toBe(
      'verwerkt',
    );
  });

  it('Awb 9:11: a reminder due before the last day is sent once, also when its wake-up runs late but before the termijn passed', async () => {
    const { klacht } = await app.engine.create(testIntake(ONTVANGEN), { actor: 'kcc' });
    const t = await afhandeling(klacht.id);
    const h = t.herinneringen[0];
    // Late (the reminder's day is over), but the termijn still runs: the reminder can still serve.
    const nu = new Date(t.vervalt_op.getTime() - 1);
    expect(Date.parse(h.op)).toBeLessThan(nu.getTime());
    const job = {
      klachtId: klacht.id,
      termijnNaam: 'afhandeling',
      revision: t.revision,
      kind: 'herinnering' as const,
      herinnering: h.naam,
    };
    expect(await app.wake.herinnering(job, nu)).toBe('verwerkt');
    expect(await herinneringen(klacht.id)).toHaveLength(1);
    expect(await app.wake.herinnering(job, nu)).toBe('stale');
    expect(await herinneringen(klacht.id)).toHaveLength(1);
    const sent = (await afhandeling(klacht.id)).herinneringen.find((x) => x.naam === h.naam)!;
    expect(sent.verzondenOp).toBe(nu.toISOString());
    expect(sent.overgeslagenOp).toBeUndefined();
  });
});
