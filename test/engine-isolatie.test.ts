/**
 * ADR 0009 (every engine transaction is READ COMMITTED, whatever the server's default): a transaction that takes the
 * klacht's row lock and then reads what to write from the database must see what the lock's previous holder committed.
 * The same holds for a transaction that serialises on an advisory lock and then counts what the previous holder made.
 * Under REPEATABLE READ (or SERIALIZABLE) its snapshot is taken before it waits for the lock, so it reads the klacht as
 * it was, or is refused ('could not serialize access due to concurrent update'). This test's own database has the
 * server default REPEATABLE READ (ALTER DATABASE, this database only). Amsterdam's seed definition, the clock fixed.
 */
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { EersteSleutelService } from '../src/modules/auth/eerste-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { waitFor } from './support/engine-harness';

const NU = new Date('2026-04-08T10:00:00+02:00');

describe('engine transactions under a server default of REPEATABLE READ', () => {
  let db: TestDatabase;
  let t: TestApp;
  let ds: DataSource;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('engine_isolatie');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(`ALTER DATABASE ${c.escapeIdentifier(db.name)} SET default_transaction_isolation = 'repeatable read'`);
    await c.end();
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    ds = t.app.get(DataSource);
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('ADR 0009 with Klachtenprotocol Wmo keten Amsterdam §5A (the registration of a klacht): a registration that waits for the klacht lock is written once the lock is free, on the klacht as the previous holder left it', async () => {
    const [{ standaard }] = (await ds.query(`select current_setting('default_transaction_isolation') as standaard`)) as Array<{
      standaard: string;
    }>;
    expect(standaard).toBe('repeatable read');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: 'GM0363',
        kanaal: 'telefoon',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'gemeente',
        aanbieders: [{ id: 'zorg-iso', naam: 'zorg-iso', type: 'wmo' }],
        feiten: { complex: false, eerderBijAanbieder: false },
      });
    expect(k.status).toBe(201);
    const id = k.body.id as string;
    // Another transaction holds the klacht's lock and changes the row (as an event does), committed while the
    // registration waits for it.
    const ander = new Client({ connectionString: db.url });
    await ander.connect();
    try {
      await ander.query('BEGIN');
      await ander.query(`UPDATE klacht SET version = version + 1 WHERE id = $1`, [id]);
      const engine = t.app.get(EngineService, { strict: false });
      const registratie = engine
        .registreer(id, { tevredenheid: 'niet bereikt' }, '2026-04-08T09:00:00+02:00', { actor: 'behandelaar' })
        .then(
          () => 'geschreven',
          (e: Error) => e.message,
        );
      await waitFor('the registration waits for the klacht lock', async () => {
        const r = (await ander.query(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        )) as { rowCount: number | null };
        return (r.rowCount ?? 0) > 0;
      });
      await ander.query('COMMIT');
      expect(await registratie).toBe('geschreven');
    } finally {
      await ander.end();
    }
    const [rij] = (await ds.query(`select tevredenheid, version from klacht where id = $1`, [id])) as Array<{
      tevredenheid: string;
      version: number;
    }>;
    const [{ n }] = (await ds.query(
      `select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and type = 'REGISTRATIE_GEWIJZIGD'`,
      [id],
    )) as Array<{ n: number }>;
    expect({ tevredenheid: rij.tevredenheid, n }).toEqual({ tevredenheid: 'niet bereikt', n: 1 });
  });
  it("README (the first start prints one beheerder key per gemeente, once): two first starts that wait for each other's lock make one set of keys", async () => {
    // As on an empty database: no key yet.
    await ds.query('DELETE FROM api_sleutel');
    const eerste = t.app.get(EersteSleutelService, { strict: false });
    const slot = new Client({ connectionString: db.url });
    await slot.connect();
    try {
      // Both starts wait for the advisory lock, held here, so both take their snapshot before either makes keys.
      await slot.query('BEGIN');
      await slot.query('SELECT pg_advisory_xact_lock(5000451)');
      const beide = Promise.all([eerste.maakEersteSleutels(), eerste.maakEersteSleutels()]);
      await waitFor('both first starts wait for the lock', async () => {
        const r = (await slot.query(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        )) as { rowCount: number | null };
        return (r.rowCount ?? 0) >= 2;
      });
      await slot.query('COMMIT');
      const [a, b] = await beide;
      const [{ n }] = (await ds.query(`select count(*)::int as n from api_sleutel`)) as Array<{ n: number }>;
      expect({ gemaakt: [a.length > 0, b.length > 0].filter(Boolean).length, sleutels: n }).toEqual({
        gemaakt: 1,
        sleutels: a.length + b.length,
      });
    } finally {
      await slot.end();
    }
  });
});
