import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';

/**
 * klacht.state_sinds and klacht.eerste_vervalt_op are denormalised for the process-owner heatmap;
 * the engine keeps them equal to klacht_gebeurtenis and the open obligations (running, or passed and
 * not yet met: docs/te-laat.md) in the same transaction.
 */
describe('heatmap columns kept by the engine (real PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let a: EngineApp;
  const queuePrefix = uniqueRedisPrefix('heatmap-kolommen');

  beforeAll(async () => {
    db = await createTestDatabase('heatmap_kolommen');
    // No workers (ROLE=api): the klacht is received in April, so its termijnen are long past due and a
    // worker would fire TERMIJN_VERLOPEN at once, racing the events this test applies itself.
    a = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' } });
  });

  afterAll(async () => {
    await a?.close();
    await db?.drop();
    await deleteRedisPrefix(queuePrefix);
  });

  const kolommen = async (id: string) => {
    const [k] = await a.db.query(
      `select state, state_sinds, eerste_vervalt_op,
              (select min(vervalt_op) from termijn t where t.klacht_id = k.id and not k.done and t.verplichting
                 and (t.status = 'lopend' or (t.status = 'verlopen' and t.gesloten_op is null))) as uit_termijnen
       from klacht k where id = $1`,
      [id],
    );
    return k as { state: string; state_sinds: Date; eerste_vervalt_op: Date | null; uit_termijnen: Date | null };
  };

  it('time in state starts at receipt and restarts only when the state changes; the earliest running termijn follows every reconciliation', async () => {
    const ontvangen = '2026-04-02T10:00:00+02:00';
    const { klacht } = await a.engine.create(testIntake(ontvangen), { actor: 'kcc' });
    let k = await kolommen(klacht.id);
    expect(k.state_sinds.toISOString()).toBe(new Date(ontvangen).toISOString());
    expect(k.uit_termijnen).not.toBeNull();
    expect(k.eerste_vervalt_op).toEqual(k.uit_termijnen);

    // Contact ends the contact termijn: same state, the earliest running termijn moves on.
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: '2026-04-03T09:00:00+02:00' }, { actor: 'behandelaar' });
    const naContact = await kolommen(klacht.id);
    expect(naContact.state).toBe(k.state);
    expect(naContact.state_sinds).toEqual(k.state_sinds);
    expect(naContact.eerste_vervalt_op).toEqual(naContact.uit_termijnen);
    expect(naContact.eerste_vervalt_op!.getTime()).toBeGreaterThanOrEqual(k.eerste_vervalt_op!.getTime());

    // Awb 9:11 lid 2: verdaging moves the afhandeltermijn, and with it the band.
    await a.engine.apply(klacht.id, { type: 'VERDAGEN', at: '2026-04-10T09:00:00+02:00', data: { duur: 'P4W' } }, { actor: 'behandelaar' });
    k = await kolommen(klacht.id);
    expect(k.state_sinds).toEqual(naContact.state_sinds);
    expect(k.eerste_vervalt_op).toEqual(k.uit_termijnen);
    expect(k.eerste_vervalt_op!.getTime()).toBeGreaterThan(naContact.eerste_vervalt_op!.getTime());

    // Afdoening: a new state since the event's time, no termijn running any more.
    const afgedaan = '2026-05-01T12:00:00+02:00';
    await a.engine.apply(klacht.id, { type: 'AFDOEN', at: afgedaan, data: { oordeel: 'gegrond' } }, { actor: 'behandelaar' });
    k = await kolommen(klacht.id);
    expect(k.state).toBe('afgedaan');
    expect(k.state_sinds.toISOString()).toBe(new Date(afgedaan).toISOString());
    expect(k.eerste_vervalt_op).toBeNull();
    expect(k.uit_termijnen).toBeNull();
  });
});
