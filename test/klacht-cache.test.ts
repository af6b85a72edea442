import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';
import { GebeurtenisNietToegestaanError, KlachtNietGevondenError } from '../src/modules/engine/engine.errors';
import { termijnVingerafdruk } from '../src/modules/engine/klacht-cache';

/**
 * The engine keeps the klachten it wrote in memory and steps the next event on one without reading it
 * (klacht-cache.ts, issue 17). Two engine processes on one database (two apps here, as two API
 * instances): what one writes, the other's cache does not know. The step's guard must make the other
 * read the klacht before it writes, or an event is judged on a klacht as it was (a lost update).
 */
describe('engine cache: a cached klacht is used only while it is what the database holds', () => {
  let db: TestDatabase;
  let a: EngineApp;
  let b: EngineApp;
  const queuePrefix = uniqueRedisPrefix('engine-cache');
  // Fixed days in the future (no termijn falls due while the test runs; no worker runs either).
  const jaar = 2100;
  const op = (dag: string) => `${jaar}-${dag}T10:00:00+01:00`;

  beforeAll(async () => {
    db = await createTestDatabase('engine_cache');
    a = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api' } });
    b = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api' } });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
    await deleteRedisPrefix(queuePrefix);
  });

  const verdagen = (at: string) => ({ type: 'VERDAGEN', at, data: { duur: 'P4W' } });
  const telling = (app: EngineApp) => ({ ...app.engine.cache.telling });

  it('Awb 9:11 lid 2: a verdaging made by another process is seen, so a second one is refused, not written over the first', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    // a has the klacht in its cache (not yet verdaagd); b verdaagt it.
    await b.engine.apply(klacht.id, verdagen(op('03-03')), { actor: 'behandelaar-b' });
    const voor = telling(a);
    // From its cache a would accept a verdaging (the regime allows one); the database says it was made.
    await expect(a.engine.apply(klacht.id, verdagen(op('03-04')), { actor: 'behandelaar-a' })).rejects.toBeInstanceOf(
      GebeurtenisNietToegestaanError,
    );
    expect(telling(a).verouderd).toBe(voor.verouderd + 1);
    const history = await a.db.query(`select type, actor from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht.id]);
    expect(history).toEqual([
      { type: 'KLACHT_ONTVANGEN', actor: 'kcc' },
      { type: 'VERDAGEN', actor: 'behandelaar-b' },
    ]);
    // Moved once by four weeks: 2 March + 6 weeks = 13 April, + 4 weeks = 11 May.
    const [afh] = await a.db.query(
      `select vervaldatum::text, revision from termijn where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend'`,
      [klacht.id],
    );
    expect(afh).toEqual({ vervaldatum: `${jaar}-05-11`, revision: 2 });
  });

  it('an event on a klacht its engine wrote last costs one round trip from the cache, and the next one too', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    const voor = telling(a);
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar' });
    const { klacht: na } = await a.engine.apply(klacht.id, verdagen(op('03-04')), { actor: 'behandelaar' });
    expect(telling(a)).toEqual({ ...voor, treffers: voor.treffers + 2 });
    // The klacht it answers with is the row as written (its version and the moment of the write, as the API shows them).
    const [rij] = await a.db.query(`select version, updated_at from klacht where id = $1`, [klacht.id]);
    expect({ version: na.version, updatedAt: na.updatedAt.toISOString() }).toEqual({
      version: rij.version,
      updatedAt: rij.updated_at.toISOString(),
    });
    // What the cached steps wrote is what reading the klacht gives: b (which never cached it) takes it from there.
    await b.engine.apply(klacht.id, { type: 'AFDOEN', at: op('03-05') }, { actor: 'behandelaar' });
    const [k] = await a.db.query(`select state, version, done from klacht where id = $1`, [klacht.id]);
    expect(k).toEqual({ state: 'afgedaan', version: 4, done: true });
    const termijnen = await a.db.query(`select naam, status, revision from termijn where klacht_id = $1 order by naam`, [klacht.id]);
    expect(termijnen).toEqual([
      { naam: 'afhandeling', status: 'nagekomen', revision: 2 },
      { naam: 'contact', status: 'nagekomen', revision: 1 },
    ]);
  });

  it('a termijn changed without its klacht (as a reminder is marked sent) makes the engine read the klacht before it steps', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    // Another process's change to one termijn row only: the klacht row keeps its version.
    await b.db.query(
      `update termijn set herinneringen = jsonb_set(herinneringen, '{0,verzondenOp}', to_jsonb(now()::text)), volgende_herinnering_op = null
        where klacht_id = $1 and naam = 'afhandeling'`,
      [klacht.id],
    );
    const voor = telling(a);
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar' });
    expect(telling(a)).toEqual({ ...voor, verouderd: voor.verouderd + 1 });
    // Stepped from the rows as they are: the reminder stays marked sent (it must fire once).
    const [afh] = await a.db.query(
      `select herinneringen->0->>'verzondenOp' as verzonden from termijn where klacht_id = $1 and naam = 'afhandeling'`,
      [klacht.id],
    );
    expect(afh.verzonden).not.toBeNull();
  });

  it('an event the cached klacht refuses is judged again on the klacht as it is: a refusal never comes from the cache', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    const [{ snapshot: onverdaagd }] = await a.db.query(`select snapshot from klacht where id = $1`, [klacht.id]);
    await a.engine.apply(klacht.id, verdagen(op('03-03')), { actor: 'behandelaar' });
    // Elsewhere the klacht's state is set back to one without verdaging (as a repair or a version migration may
    // rewrite a snapshot): the cached klacht, verdaagd, would refuse a verdaging that the klacht as it is allows.
    await b.db.query(`update klacht set snapshot = $2 where id = $1`, [klacht.id, onverdaagd]);
    const voor = telling(a);
    await expect(a.engine.apply(klacht.id, verdagen(op('03-04')), { actor: 'behandelaar' })).resolves.toBeDefined();
    expect(telling(a)).toEqual({ ...voor, geweigerd: voor.geweigerd + 1 });
  });

  it('with ENGINE_CACHE_KLACHTEN=0 every event reads its klacht under the lock first', async () => {
    const c = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api', ENGINE_CACHE_KLACHTEN: '0' } });
    try {
      const { klacht } = await c.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
      await c.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar' });
      expect(telling(c)).toEqual({ treffers: 0, verouderd: 0, geweigerd: 0, missers: 1 });
      expect(c.engine.cache.grootte).toBe(0);
    } finally {
      await c.close();
    }
  });

  it("the guard's list of termijnen is ordered the same in PostgreSQL (ORDER BY id, a uuid) as in the engine", async () => {
    const ids = [
      'f0000000-0000-4000-8000-000000000000',
      '00000000-0000-4000-8000-00000000000a',
      '0a000000-0000-4000-8000-000000000000',
      'a0000000-0000-4000-8000-000000000000',
      '00000000-0000-4000-8000-000000000009',
    ];
    const [{ lijst }] = await a.db.query(
      `select string_agg(id::text || ':' || x, ',' order by id) as lijst from unnest($1::uuid[], $2::text[]) v(id, x)`,
      [ids, ids.map((_id, i) => String(i))],
    );
    expect(lijst).toBe(termijnVingerafdruk({ termijnXmin: new Map(ids.map((id, i) => [id, String(i)])) }));
  });

  it('a klacht removed by another process (AVG vernietiging) is not found, though the engine still had it in its cache', async () => {
    const { klacht } = await a.engine.create(testIntake(op('03-02')), { actor: 'kcc' });
    await b.db.transaction(async (m) => {
      for (const t of ['outbox', 'klacht_gebeurtenis', 'termijn']) await m.query(`delete from ${t} where klacht_id = $1`, [klacht.id]);
      await m.query(`delete from klacht where id = $1`, [klacht.id]);
    });
    await expect(
      a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: op('03-03') }, { actor: 'behandelaar' }),
    ).rejects.toBeInstanceOf(KlachtNietGevondenError);
  });
});
