import { Client } from 'pg';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';

/**
 * When the server ends the session while a group's steps run (a FATAL error: an administrator's
 * pg_terminate_backend, a restart, a failover), the engine cannot know whether the COMMIT it sent ran. It must
 * answer the event with the error and not run it again: running it again could write it twice (ADR 0008).
 * An ERROR, by contrast, aborts the transaction for certain, and the event may run again on its own.
 */
describe('engine: a session ended by the server during a step', () => {
  let db: TestDatabase;
  let a: EngineApp;
  /** Without the engine's cache (ENGINE_CACHE_KLACHTEN=0): every group reads its klachten under the lock first. */
  let zonderCache: EngineApp;
  const queuePrefix = uniqueRedisPrefix('engine-sessie');
  const op = (dag: string) => `2100-${dag}T10:00:00+01:00`;

  beforeAll(async () => {
    db = await createTestDatabase('engine_sessie');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      // Counts every attempt outside any transaction (a sequence), then ends the session for the marked events.
      await c.query(`create sequence test_pogingen`);
      await c.query(
        `create function test_sessie_einde() returns trigger language plpgsql as $$
         begin
           if new.payload->>'correlationId' = 'sessie-einde' then
             perform nextval('test_pogingen');
             perform pg_terminate_backend(pg_backend_pid());
           end if;
           if new.payload->>'correlationId' = 'fout' then
             perform nextval('test_pogingen');
             raise exception 'geweigerd (test)';
           end if;
           return new;
         end $$`,
      );
      await c.query(`create trigger test_sessie_einde before insert on outbox for each row execute function test_sessie_einde()`);
    } finally {
      await c.end();
    }
    a = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api' } });
    zonderCache = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api', ENGINE_CACHE_KLACHTEN: '0' } });
  });

  afterAll(async () => {
    await a?.close();
    await zonderCache?.close();
    await db?.drop();
    await deleteRedisPrefix(queuePrefix);
  });

  const pogingen = async () =>
    Number((await a.db.query(`select case when is_called then last_value else 0 end as n from test_pogingen`))[0].n);

  it('a FATAL error after the steps were sent: the event gets the error (uitkomst onbekend) and is not run a second time', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    const voor = await pogingen();
    await expect(
      a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar', correlationId: 'sessie-einde' }),
    ).rejects.toMatchObject({
      code: 'uitkomst-onbekend',
      klachtId: klacht.id,
      cause: expect.objectContaining({ message: expect.stringMatching(/terminat/i) }),
    });
    expect(await pogingen()).toBe(voor + 1);
    const history = await a.db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht.id]);
    expect(history).toEqual([{ type: 'KLACHT_ONTVANGEN' }]);
    // The engine goes on: the next event on the klacht is written.
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-04') }, { actor: 'behandelaar' });
  });

  it('a FATAL error while an intake is written: the intake gets the error (uitkomst onbekend) and is not run a second time (no second klacht)', async () => {
    const onderwerp = `intake sessie-einde ${Date.now()}`;
    const voor = await pogingen();
    await expect(
      a.engine.create({ ...testIntake(op('03-02')), onderwerp }, { actor: 'kcc', correlationId: 'sessie-einde' }),
    ).rejects.toMatchObject({ code: 'uitkomst-onbekend', cause: expect.objectContaining({ message: expect.stringMatching(/terminat/i) }) });
    expect(await pogingen()).toBe(voor + 1);
    const [{ n }] = await a.db.query(`select count(*)::int as n from klacht where onderwerp = $1`, [onderwerp]);
    expect(n).toBe(0);
    // The engine goes on: the next intake is written.
    await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
  });

  it('an ERROR (the transaction certainly aborted): the event runs once more on its own, so only its own cause refuses it', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    const voor = await pogingen();
    await expect(
      a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar', correlationId: 'fout' }),
    ).rejects.toThrow(/geweigerd \(test\)/);
    expect(await pogingen()).toBe(voor + 2);
  });

  it('an ERROR while the group waits for its row lock (a cancelled wait, a deadlock, a lock timeout): the event runs once more on its own on a connection that is not left in the aborted transaction, and is written', async () => {
    const { klacht } = await zonderCache.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    const blokker = new Client({ connectionString: db.url });
    await blokker.connect();
    try {
      await blokker.query('begin');
      await blokker.query('select 1 from klacht where id = $1 for update', [klacht.id]);
      const p = zonderCache.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar' }).then(
        () => 'geschreven',
        (e: Error) => `fout: ${e.message}`,
      );
      const pid = await waitFor('the group waits for the row lock', async () => {
        const r = (await a.db.query(
          `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%FOR UPDATE%'`,
        )) as { pid: number }[];
        return r[0]?.pid;
      });
      await a.db.query('select pg_cancel_backend($1)', [pid]);
      // The lock is free again by the time the event runs on its own.
      await new Promise((r) => setTimeout(r, 300));
      await blokker.query('commit');
      expect(await p).toBe('geschreven');
    } finally {
      await blokker.end();
    }
    const history = await a.db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht.id]);
    expect(history).toEqual([{ type: 'KLACHT_ONTVANGEN' }, { type: 'CONTACT_OPGENOMEN' }]);
    const [{ n }] = await a.db.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction (aborted)'`,
    );
    expect(n).toBe(0);
  });
});
