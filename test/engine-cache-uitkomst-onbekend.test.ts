/**
 * ADR 0009 (the engine writes a step from its cache only while the cached rows are the database's) with ADR 0008 (an
 * engine transaction whose COMMIT was sent may or may not have run when the connection fails): after such a failure in
 * a transaction of its own (an event with an Idempotency-Key, an ombudsman request with its event on the hoofdklacht:
 * EngineService.rauw, where the COMMIT goes alone or in the batch with the last statement) the engine forgets its
 * cache, as after a failed group. The cached klacht may be behind the database (the COMMIT ran), and a database
 * restored or replaced hands out transaction ids again, so a cached xmin is no proof any more. The reply to the
 * COMMIT is lost after the server ran it (pg's Client.query patched for that one statement, as in
 * test/uitkomst-onbekend.test.ts). Test regime, dates far ahead (nothing falls due), no worker.
 */
import { Client } from 'pg';
import { UitkomstOnbekendError } from '../src/modules/engine/engine.errors';
import { IdempotentieContext } from '../src/modules/idempotency/idempotentie-context';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { TEST_GEMEENTE, testIntake } from './support/test-regime';

const op = (dag: string) => `2100-${dag}T10:00:00+01:00`;
const verdagen = (at: string) => ({ type: 'VERDAGEN', at, data: { duur: 'P4W' } });

describe('engine cache after an unknown outcome in a transaction of its own', () => {
  let db: TestDatabase;
  let t: EngineApp;
  const queuePrefix = uniqueRedisPrefix('engine-cache-onbekend');

  beforeAll(async () => {
    db = await createTestDatabase('engine_cache_onbekend');
    t = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api' } });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await deleteRedisPrefix(queuePrefix);
  });

  /** The first COMMIT sent on a connection after (or with) a statement with `merk` in its text runs; its reply is lost. */
  async function antwoordKwijt<T>(merk: string, werk: () => Promise<T>): Promise<T> {
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const echt = proto.query;
    const gemerkt = new WeakSet<object>();
    let kwijt = 0;
    proto.query = function (this: object, ...args: unknown[]) {
      const cfg = args[0] as string | { text?: string };
      const text = typeof cfg === 'string' ? cfg : cfg?.text;
      if (typeof text === 'string' && text.includes(merk)) gemerkt.add(this);
      if (kwijt === 0 && gemerkt.has(this) && typeof text === 'string' && /COMMIT/.test(text) && args.length === 1) {
        kwijt++;
        return (echt.apply(this, args) as Promise<unknown>).then(() => {
          throw new Error('Connection terminated unexpectedly');
        });
      }
      return echt.apply(this, args);
    };
    try {
      return await werk();
    } finally {
      proto.query = echt;
      expect(kwijt).toBe(1);
    }
  }

  const historie = async (id: string) =>
    ((await t.db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [id])) as { type: string }[]).map(
      (r) => r.type,
    );

  it('ADR 0009: an event with an Idempotency-Key whose COMMIT reply was lost leaves no klacht in the cache; the next event reads the klacht', async () => {
    const { klacht } = await t.engine.create(testIntake(op('02-02')), { actor: 'kcc' });
    const { klacht: ander } = await t.engine.create(testIntake(op('02-03')), { actor: 'kcc' });
    expect([!!t.engine.cache.neem(klacht.id), !!t.engine.cache.neem(ander.id)]).toEqual([true, true]);
    const verzoek = { gemeente: TEST_GEMEENTE, sleutel: `onbekend-${klacht.id}`, route: 'test', hash: 'a'.repeat(64) };
    const fout = await antwoordKwijt('VERDAGEN', () =>
      IdempotentieContext.run(verzoek, () => t.engine.apply(klacht.id, verdagen(op('02-10')), { actor: 'behandelaar' })).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(fout).toBeInstanceOf(UitkomstOnbekendError);
    // The COMMIT ran: the database is ahead of what the cache held. Nothing of either klacht is kept.
    expect(await historie(klacht.id)).toEqual(['KLACHT_ONTVANGEN', 'VERDAGEN']);
    expect({ klacht: t.engine.cache.neem(klacht.id), ander: t.engine.cache.neem(ander.id) }).toEqual({
      klacht: undefined,
      ander: undefined,
    });
    const missers = t.engine.cache.telling.missers;
    // Awb 9:11 lid 2: one verdaging only; judged on the klacht as the database holds it.
    await expect(t.engine.apply(klacht.id, verdagen(op('02-11')), { actor: 'behandelaar' })).rejects.toThrow();
    expect(t.engine.cache.telling.missers).toBe(missers + 1);
    expect(await historie(klacht.id)).toEqual(['KLACHT_ONTVANGEN', 'VERDAGEN']);
  });

  it('ADR 0009: an intake about a klacht (createBij) whose batch with the COMMIT lost its reply leaves neither klacht in the cache', async () => {
    const { klacht: hoofd } = await t.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    expect(!!t.engine.cache.neem(hoofd.id)).toBe(true);
    const intake = { ...testIntake(op('03-05')), onderwerp: `verzoek over ${hoofd.id}` };
    const fout = await antwoordKwijt('VERDAGEN', () =>
      t.engine
        .createBij(
          intake,
          { actor: 'ombudsman' },
          { klachtId: hoofd.id, erbij: async () => undefined, event: () => ({ type: 'VERDAGEN', data: { duur: 'P4W' } }) },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        ),
    );
    expect(fout).toBeInstanceOf(UitkomstOnbekendError);
    expect(await historie(hoofd.id)).toEqual(['KLACHT_ONTVANGEN', 'VERDAGEN']);
    const [nieuw] = (await t.db.query(`select id from klacht where onderwerp = $1`, [intake.onderwerp])) as Array<{ id: string }>;
    expect({ hoofd: t.engine.cache.neem(hoofd.id), nieuw: nieuw && t.engine.cache.neem(nieuw.id) }).toEqual({
      hoofd: undefined,
      nieuw: undefined,
    });
  });
});
