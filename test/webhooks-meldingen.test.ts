import request from 'supertest';
import { WebhookAfleveringService } from '../src/modules/webhooks/webhook-aflevering.service';
import { bearer, GEMEENTE_A } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';
import { testIntake } from './support/test-regime';

interface CloudEventOntvangen {
  id: string;
  type: string;
  subject?: string;
  sequence: string;
  data: Record<string, unknown>;
}

/**
 * What a subscriber hears about a klacht (docs/api.md, webhooks): every termijn that ends, every
 * change of state, each event once. An API-only process: no webhook worker runs, the test wakes the
 * deliveries itself (through the same WebhookAfleveringService the worker calls), so it also decides
 * how often and how concurrently a delivery is woken.
 */
describe('webhook notifications (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger<CloudEventOntvangen>>>;
  let aflevering: WebhookAfleveringService;

  beforeAll(async () => {
    ontvanger = await startOntvanger<CloudEventOntvangen>();
    db = await createTestDatabase('webhooks_meldingen');
    t = await createEngineApp({ databaseUrl: db.url, env: { ROLE: 'api' } });
    aflevering = t.app.get(WebhookAfleveringService, { strict: false });
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    await request(t.http).post('/api/v1/webhook-abonnementen').set('Authorization', beheerder).send({ url: ontvanger.url }).expect(201);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await ontvanger?.close();
  });

  /** Fans out what is committed and delivers every waiting delivery, oldest first, as the worker would. */
  async function leverAlles(): Promise<void> {
    await t.relay.idle();
    for (let ronde = 0; ronde < 20; ronde++) {
      const wachtend = (await t.db.query(`select id from webhook_aflevering where status = 'wachtend' order by sequence`)) as Array<{
        id: string;
      }>;
      if (wachtend.length === 0) return;
      for (const w of wachtend) await aflevering.lever(w.id);
    }
    throw new Error('deliveries stay waiting');
  }

  const meldingenVan = (klachtId: string) => ontvanger.events().filter((e) => e.subject === klachtId);

  async function laatVerlopen(klachtId: string, naam: string): Promise<void> {
    const [[rij]] = await t.db.query(
      `update termijn set vervalt_op = now() - interval '1 second' where klacht_id = $1 and naam = $2 and status = 'lopend' returning revision`,
      [klachtId, naam],
    );
    expect(await t.wake.verval({ klachtId, termijnNaam: naam, revision: rij.revision, kind: 'verval' })).toBe('verwerkt');
  }

  it('termijn.beeindigd: every termijn that stops running is announced with how it ended (nagekomen, verlopen, vervallen)', async () => {
    const { klacht: gehaald } = await t.engine.create(testIntake(), { actor: 'kcc' });
    await t.engine.apply(gehaald.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'behandelaar' });
    await laatVerlopen(gehaald.id, 'afhandeling');
    const { klacht: ingetrokken } = await t.engine.create(testIntake(), { actor: 'kcc' });
    await t.engine.apply(ingetrokken.id, { type: 'INTREKKEN', at: new Date().toISOString() }, { actor: 'kcc' });
    await leverAlles();

    for (const [id, verwacht] of [
      [gehaald.id, { contact: 'nagekomen', afhandeling: 'verlopen' }],
      [ingetrokken.id, { contact: 'vervallen', afhandeling: 'vervallen' }],
    ] as const) {
      const beeindigd = meldingenVan(id).filter((e) => e.type === 'nl.klachtregie.termijn.beeindigd');
      expect(Object.fromEntries(beeindigd.map((e) => [e.data.naam, e.data.status]))).toEqual(verwacht);
      expect(beeindigd).toHaveLength(2);
      // The notice tells what the termijn table says.
      const rijen = (await t.db.query(`select naam, status from termijn where klacht_id = $1`, [id])) as Array<{
        naam: string;
        status: string;
      }>;
      expect(Object.fromEntries(rijen.map((r) => [r.naam, r.status]))).toEqual(verwacht);
    }
  });

  it('a change of state that does not close the klacht is sent as klacht.status-gewijzigd, the closing one as klacht.afgedaan', async () => {
    const { klacht } = await t.engine.create(testIntake(), { actor: 'kcc' });
    // The afhandeltermijn passes: in the test regime the klacht moves on, still open.
    await laatVerlopen(klacht.id, 'afhandeling');
    await t.engine.apply(klacht.id, { type: 'AFDOEN', at: new Date().toISOString() }, { actor: 'behandelaar' });
    await leverAlles();

    const status = meldingenVan(klacht.id).filter(
      (e) => e.type === 'nl.klachtregie.klacht.status-gewijzigd' || e.type === 'nl.klachtregie.klacht.afgedaan',
    );
    expect(status.map((e) => [e.type, e.data.van, e.data.naar, e.data.done])).toEqual([
      ['nl.klachtregie.klacht.status-gewijzigd', 'inBehandeling', 'termijnVerstreken', false],
      ['nl.klachtregie.klacht.afgedaan', 'termijnVerstreken', 'afgedaan', true],
    ]);
  });

  it('one event reaches a subscriber once, however often its outbox row is handed over and its delivery is woken', async () => {
    const { klacht } = await t.engine.create(testIntake(), { actor: 'kcc' });
    await t.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'behandelaar' });
    await t.relay.idle();
    const rijen = (await t.db.query(`select id from webhook_aflevering where klacht_id = $1 order by sequence`, [klacht.id])) as Array<{
      id: string;
    }>;
    expect(rijen.length).toBeGreaterThanOrEqual(5);
    for (const r of rijen) {
      // Two wake-ups at once (the relay's job and the sweep's), then a late third one.
      await Promise.all([aflevering.lever(r.id), aflevering.lever(r.id)]);
      await aflevering.lever(r.id);
    }
    // The relay hands the klacht's outbox rows over again (as after a crash before it marked them processed).
    await t.db.query(`update outbox set processed_at = null where klacht_id = $1`, [klacht.id]);
    await t.relay.drain();
    await leverAlles();
    for (const r of rijen) await aflevering.lever(r.id);

    const ontvangen = meldingenVan(klacht.id);
    const [{ n }] = await t.db.query(`select count(*)::int as n from webhook_aflevering where klacht_id = $1`, [klacht.id]);
    expect(n).toBe(rijen.length);
    expect(ontvangen).toHaveLength(rijen.length);
    expect(new Set(ontvangen.map((e) => e.id)).size).toBe(rijen.length);
    expect(new Set(ontvangen.map((e) => e.sequence)).size).toBe(rijen.length);
    const afgeleverd = (await t.db.query(`select status, attempts from webhook_aflevering where klacht_id = $1`, [klacht.id])) as Array<{
      status: string;
      attempts: number;
    }>;
    expect(afgeleverd.every((d) => d.status === 'afgeleverd' && d.attempts === 1)).toBe(true);
  });
});
