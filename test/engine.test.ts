import { Client } from 'pg';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { testIntake } from './support/test-regime';
import { GebeurtenisNietToegestaanError, KlachtNietGevondenError } from '../src/modules/engine/engine.errors';

/** Engine: one transaction per event, row lock, history, termijnen and outbox together. */
describe('engine (test regime, real PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let a: EngineApp;
  let b: EngineApp;
  // One deployment: both instances share the database and the queue.
  const queuePrefix = uniqueRedisPrefix('engine');

  beforeAll(async () => {
    db = await createTestDatabase('engine');
    // Before any app runs (DDL on outbox would wait for the relays): a trigger that makes PostgreSQL
    // refuse the outbox rows of the klachten listed in test_weiger_outbox, to make a step fail late.
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(`create table test_weiger_outbox (klacht_id uuid primary key)`);
      await c.query(
        `create function test_weiger_outbox() returns trigger language plpgsql as $$
         begin
           if exists (select 1 from test_weiger_outbox w where w.klacht_id = new.klacht_id)
              or new.payload->>'correlationId' = 'outbox-weigeren' then raise exception 'outbox geweigerd (test)'; end if;
           return new;
         end $$`,
      );
      await c.query(`create trigger test_weiger_outbox before insert on outbox for each row execute function test_weiger_outbox()`);
    } finally {
      await c.end();
    }
    // Two app instances on one database: the row lock must serialise across processes too.
    // A horizon beyond the test regime's six-week termijnen: their wake-ups are queued at once (ADR 0006).
    const horizon = String(60 * 24 * 3600 * 1000);
    a = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { SWEEP_INTERVAL_MS: '600000', TERMIJN_HORIZON_MS: horizon } });
    b = await createEngineApp({ databaseUrl: db.url, queuePrefix, env: { ROLE: 'api', TERMIJN_HORIZON_MS: horizon } });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
    await deleteRedisPrefix(queuePrefix);
  });

  /**
   * Until both relays have handed over what the engine committed: a `termijn.gepland` row handed over after a test moved
   * `vervalt_op` into the past schedules the wake-up at once (the scheduler reads the row), and this instance's worker
   * would then fire it before the test does.
   */
  const relaysKlaar = () => Promise.all([a.relay.idle(), b.relay.idle()]);

  const snapshotVan = async (id: string) => ({
    klacht: await a.db.query(`select state, version, snapshot, done from klacht where id = $1`, [id]),
    history: await a.db.query(`select id, type from klacht_gebeurtenis where klacht_id = $1 order by id`, [id]),
    termijnen: await a.db.query(`select naam, status, revision, vervaldatum, updated_at from termijn where klacht_id = $1 order by naam`, [
      id,
    ]),
    outbox: await a.db.query(`select count(*)::int as n from outbox where klacht_id = $1`, [id]),
  });

  it('an intake writes the klacht, its history, its termijnen with due instants and outbox rows in one go', async () => {
    // 2 April of next year: the termijnen must still be running, or this instance's worker fires them while
    // the test reads. Day arithmetic and CEST are the same every year, so the expected instants are too.
    const jaar = new Date().getUTCFullYear() + 1;
    const { klacht } = await a.engine.create(testIntake(`${jaar}-04-02T10:00:00+02:00`), { actor: 'kcc' });
    const s = await snapshotVan(klacht.id);
    expect(s.klacht[0]).toEqual(expect.objectContaining({ state: 'inBehandeling', version: 1, done: false }));
    expect(s.history.map((h: { type: string }) => h.type)).toEqual(['KLACHT_ONTVANGEN']);
    expect(s.termijnen.map((t: { naam: string; status: string }) => [t.naam, t.status])).toEqual([
      ['afhandeling', 'lopend'],
      ['contact', 'lopend'],
    ]);
    const [afh] = await a.db.query(
      `select vervalt_op, volgende_herinnering_op from termijn where klacht_id = $1 and naam = 'afhandeling'`,
      [klacht.id],
    );
    // 42 days after 2 April = 14 May; it passes at the end of that day in Europe/Amsterdam.
    expect(afh.vervalt_op.toISOString()).toBe(`${jaar}-05-14T22:00:00.000Z`);
    expect(afh.volgende_herinnering_op.toISOString()).toBe(`${jaar}-05-06T22:00:00.000Z`);
    const types = (await a.db.query(`select type from outbox where klacht_id = $1 order by id`, [klacht.id])).map(
      (r: { type: string }) => r.type,
    );
    expect(types).toEqual(['klacht.ontvangen', 'termijn.gepland', 'termijn.gepland', 'intent.ONTVANGSTBEVESTIGING_STUREN']);
  });

  it('an event refused by the machine leaves the row, history and termijnen unchanged', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    await a.engine.apply(klacht.id, { type: 'VERDAGEN', at: new Date().toISOString(), data: { duur: 'P4W' } }, { actor: 'behandelaar' });
    const voor = await snapshotVan(klacht.id);
    // Awb 9:11 lid 2: verdaging once; the test regime refuses a second one.
    const fout = await a.engine
      .apply(klacht.id, { type: 'VERDAGEN', at: new Date().toISOString(), data: { duur: 'P4W' } }, { actor: 'behandelaar' })
      .catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(GebeurtenisNietToegestaanError);
    expect((fout as GebeurtenisNietToegestaanError).toegestaneEvents).toEqual(expect.arrayContaining(['AFDOEN']));
    await expect(
      a.engine.apply(klacht.id, { type: 'ONBEKEND_EVENT', at: new Date().toISOString() }, { actor: 'x' }),
    ).rejects.toBeInstanceOf(GebeurtenisNietToegestaanError);
    expect(await snapshotVan(klacht.id)).toEqual(voor);
  });

  it('two concurrent events on one klacht are both applied, none lost', async () => {
    const klachten = await Promise.all(Array.from({ length: 8 }, () => a.engine.create(testIntake(), { actor: 'kcc' })));
    const at = new Date().toISOString();
    await Promise.all(
      klachten.flatMap(({ klacht }) => [
        a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'behandelaar-1' }),
        a.engine.apply(klacht.id, { type: 'VERDAGEN', at, data: { duur: 'P4W' } }, { actor: 'behandelaar-2' }),
      ]),
    );
    for (const { klacht } of klachten) {
      const s = await snapshotVan(klacht.id);
      expect(s.klacht[0].version).toBe(3);
      expect(s.history.map((h: { type: string }) => h.type).sort()).toEqual(['CONTACT_OPGENOMEN', 'KLACHT_ONTVANGEN', 'VERDAGEN']);
      // Both effects are in the snapshot: contact ended, afhandeling verdaagd (a lost update would drop one).
      expect(s.termijnen.map((t: { naam: string; status: string; revision: number }) => [t.naam, t.status, t.revision])).toEqual([
        ['afhandeling', 'lopend', 2],
        ['contact', 'nagekomen', 1],
      ]);
    }
  });

  it('two concurrent events on one klacht are both applied, none lost, across two app instances', async () => {
    const klachten = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).engine.create(testIntake(), { actor: 'kcc' })));
    const at = new Date().toISOString();
    await Promise.all(
      klachten.flatMap(({ klacht }) => [
        a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'app-a' }),
        b.engine.apply(klacht.id, { type: 'VERDAGEN', at, data: { duur: 'P4W' } }, { actor: 'app-b' }),
      ]),
    );
    for (const { klacht } of klachten) {
      const s = await snapshotVan(klacht.id);
      expect(s.klacht[0].version).toBe(3);
      expect(s.history).toHaveLength(3);
      expect(s.termijnen.map((t: { naam: string; status: string }) => [t.naam, t.status])).toEqual([
        ['afhandeling', 'lopend'],
        ['contact', 'nagekomen'],
      ]);
      const snap = s.klacht[0].snapshot as { context: { termijnen: Record<string, unknown> } };
      expect(Object.keys(snap.context.termijnen)).toEqual(['afhandeling']);
    }
  });

  it('Awb 9:11 lid 2: verdaging moves the termijn to a new revision and the old wake-up does nothing', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    await a.engine.apply(klacht.id, { type: 'VERDAGEN', at: new Date().toISOString(), data: { duur: 'P4W' } }, { actor: 'behandelaar' });
    const [t] = await a.db.query(`select revision, vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling'`, [klacht.id]);
    expect(t.revision).toBe(2);
    await relaysKlaar();
    // Even when due, a wake-up for revision 1 is stale.
    await a.db.query(`update termijn set vervalt_op = now() - interval '1 second' where klacht_id = $1 and naam = 'afhandeling'`, [
      klacht.id,
    ]);
    const voor = await snapshotVan(klacht.id);
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: 1, kind: 'verval' })).toBe('stale');
    expect(await snapshotVan(klacht.id)).toEqual(voor);
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: 2, kind: 'verval' })).toBe('verwerkt');
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: 2, kind: 'verval' })).toBe('stale');
    const na = await snapshotVan(klacht.id);
    expect(na.klacht[0].state).toBe('termijnVerstreken');
    expect(na.termijnen.find((x: { naam: string }) => x.naam === 'afhandeling').status).toBe('verlopen');
  });

  it('a wake-up for a termijn that was already met does nothing: no event, no escalation, also not in a later catch-up', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'behandelaar' });
    await relaysKlaar();
    // Both moments lie in the past now: first the met contact termijn, then the running afhandeltermijn.
    await a.db.query(`update termijn set vervalt_op = now() - interval '2 minutes' where klacht_id = $1 and naam = 'contact'`, [klacht.id]);
    await a.db.query(`update termijn set vervalt_op = now() - interval '1 minute' where klacht_id = $1 and naam = 'afhandeling'`, [
      klacht.id,
    ]);
    const voor = await snapshotVan(klacht.id);
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'contact', revision: 1, kind: 'verval' })).toBe('stale');
    expect(await snapshotVan(klacht.id)).toEqual(voor);
    // The afhandeltermijn's own wake-up catches up everything due before it, but not the met termijn.
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: 1, kind: 'verval' })).toBe('verwerkt');
    const verlopen = await a.db.query(
      `select payload->>'termijn' as termijn from klacht_gebeurtenis where klacht_id = $1 and type = 'TERMIJN_VERLOPEN'`,
      [klacht.id],
    );
    expect(verlopen).toEqual([{ termijn: 'afhandeling' }]);
    const meldingen = await a.db.query(
      `select type, payload->>'naam' as naam from outbox where klacht_id = $1 and type in ('termijn.verlopen', 'termijn.escalatie') order by id`,
      [klacht.id],
    );
    expect(meldingen).toEqual([
      { type: 'termijn.verlopen', naam: 'afhandeling' },
      { type: 'termijn.escalatie', naam: 'afhandeling' },
    ]);
    const [contact] = await a.db.query(`select status, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'contact'`, [
      klacht.id,
    ]);
    expect(contact).toEqual({ status: 'nagekomen', verval_gemeld_op: null });
  });

  it('termijnen due at the same moment catch up in a stable order (by name), whichever wake-up arrives', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    await relaysKlaar();
    // Both due at the afhandeltermijn's moment (a row never earlier than the regime's own day: a row behind the regime is
    // moved by its wake-up instead, termijn-wake.service.ts).
    await a.db.query(`update termijn set vervalt_op = (select max(vervalt_op) from termijn where klacht_id = $1) where klacht_id = $1`, [
      klacht.id,
    ]);
    const [{ op }] = await a.db.query(`select max(vervalt_op) + interval '1 minute' as op from termijn where klacht_id = $1`, [klacht.id]);
    // The wake-up of `contact` arrives first; `afhandeling`, due at the same moment, still goes first.
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'contact', revision: 1, kind: 'verval' }, op)).toBe('verwerkt');
    expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: 1, kind: 'verval' }, op)).toBe('stale');
    const verlopen = await a.db.query(
      `select payload->>'naam' as naam from outbox where klacht_id = $1 and type = 'termijn.verlopen' order by id`,
      [klacht.id],
    );
    expect(verlopen.map((v: { naam: string }) => v.naam)).toEqual(['afhandeling', 'contact']);
  });

  it('a step writes its history row in its own transaction: a failure after the history insert leaves no history row', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'behandelaar' });
    // One transaction: the klacht row, its history row and its outbox rows carry the same transaction id.
    const [k] = await a.db.query(`select xmin::text as tx from klacht where id = $1`, [klacht.id]);
    const [h] = await a.db.query(`select xmin::text as tx from klacht_gebeurtenis where klacht_id = $1 and type = 'CONTACT_OPGENOMEN'`, [
      klacht.id,
    ]);
    const o = await a.db.query(
      `select distinct xmin::text as tx from outbox where klacht_id = $1 and payload->>'event' = 'CONTACT_OPGENOMEN'`,
      [klacht.id],
    );
    expect(h.tx).toBe(k.tx);
    expect(o).toEqual([{ tx: k.tx }]);

    // PostgreSQL refuses this klacht's outbox rows, the last write of a step (after the history insert).
    await a.db.query(`insert into test_weiger_outbox (klacht_id) values ($1)`, [klacht.id]);
    const voor = await snapshotVan(klacht.id);
    await expect(a.engine.apply(klacht.id, { type: 'AFDOEN', at: new Date().toISOString() }, { actor: 'behandelaar' })).rejects.toThrow(
      /outbox geweigerd/,
    );
    expect(await snapshotVan(klacht.id)).toEqual(voor);
    expect(voor.history.map((x: { type: string }) => x.type)).toEqual(['KLACHT_ONTVANGEN', 'CONTACT_OPGENOMEN']);
  });

  it('an intake whose last write fails leaves nothing: no klacht, no history, no termijnen, no outbox rows', async () => {
    const onderwerp = `intake die faalt ${Date.now()}`;
    const tel = async () =>
      (
        await a.db.query(
          `select (select count(*)::int from klacht where onderwerp = $1) as klacht,
                  (select count(*)::int from klacht_gebeurtenis g join klacht k on k.id = g.klacht_id where k.onderwerp = $1) as history,
                  (select count(*)::int from termijn t join klacht k on k.id = t.klacht_id where k.onderwerp = $1) as termijnen,
                  (select count(*)::int from outbox where payload->>'correlationId' = 'outbox-weigeren') as outbox`,
          [onderwerp],
        )
      )[0];
    // PostgreSQL refuses the intake's outbox rows (written by the same statement as the klacht row).
    await expect(a.engine.create({ ...testIntake(), onderwerp }, { actor: 'kcc', correlationId: 'outbox-weigeren' })).rejects.toThrow(
      /outbox geweigerd/,
    );
    expect(await tel()).toEqual({ klacht: 0, history: 0, termijnen: 0, outbox: 0 });
    // The same intake without the refusal is written whole.
    await a.engine.create({ ...testIntake(), onderwerp }, { actor: 'kcc' });
    expect(await tel()).toEqual({ klacht: 1, history: 1, termijnen: 2, outbox: 0 });
  });

  it('a step that changes and starts no termijn is written without the termijn parts; one that ends a termijn with them', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    const verzonden: string[] = [];
    const origineel = Client.prototype.query;
    const vang = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      verzonden.push(typeof q === 'string' ? q : (q?.text ?? ''));
      return (origineel as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    const statement = () => verzonden.splice(0).flatMap((t) => [...t.matchAll(/EXECUTE (klachtregie_stap\w*)_sql/g)].map((m) => m[1]));
    try {
      // The test regime's contact termijn ends with the first contact: a termijn change.
      await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'kcc' });
      expect(statement()).toEqual(['klachtregie_stap_v2']);
      // The second contact changes no termijn.
      await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'kcc' });
      expect(statement()).toEqual(['klachtregie_stap_kort_v1']);
    } finally {
      vang.mockRestore();
    }
    const s = await snapshotVan(klacht.id);
    expect(s.history.map((h: { type: string }) => h.type)).toEqual(['KLACHT_ONTVANGEN', 'CONTACT_OPGENOMEN', 'CONTACT_OPGENOMEN']);
    expect(s.klacht[0].version).toBe(3);
  });

  it('many concurrent events on one klacht serialise on its row lock: none lost, and a one-time event is accepted once', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    const at = new Date().toISOString();
    const N = 8;
    // Awb 9:11 lid 2: verdaging once. Every VERDAGEN that ran on a stale snapshot (a lost update) would be accepted too.
    const uitkomsten = await Promise.allSettled(
      Array.from({ length: N }, (_, i) => [
        (i % 2 ? a : b).engine.apply(klacht.id, { type: 'VERDAGEN', at, data: { duur: 'P4W' } }, { actor: `behandelaar-${i}` }),
        (i % 2 ? b : a).engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: `behandelaar-${i}` }),
      ]).flat(),
    );
    const geweigerd = uitkomsten.filter((u) => u.status === 'rejected');
    expect(geweigerd).toHaveLength(N - 1);
    for (const g of geweigerd) expect((g as PromiseRejectedResult).reason).toBeInstanceOf(GebeurtenisNietToegestaanError);
    const s = await snapshotVan(klacht.id);
    // Intake + one verdaging + N contacts: every accepted event has its history row and its version.
    expect(s.klacht[0].version).toBe(1 + 1 + N);
    const types = s.history.map((h: { type: string }) => h.type);
    expect(types.filter((t: string) => t === 'VERDAGEN')).toHaveLength(1);
    expect(types.filter((t: string) => t === 'CONTACT_OPGENOMEN')).toHaveLength(N);
    expect(s.termijnen.map((t: { naam: string; status: string; revision: number }) => [t.naam, t.status, t.revision])).toEqual([
      ['afhandeling', 'lopend', 2],
      ['contact', 'nagekomen', 1],
    ]);
  });

  it('the outbox relay marks rows processed after commit and schedules the termijn wake-ups', async () => {
    const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
    // Either instance may relay a row (SKIP LOCKED); wait until both have drained.
    await waitFor(
      'outbox rows processed',
      async () => {
        await Promise.all([a.relay.drain(), b.relay.drain()]);
        const [open] = await a.db.query(`select count(*)::int as n from outbox where klacht_id = $1 and processed_at is null`, [klacht.id]);
        return open.n === 0;
      },
      10_000,
    );
    const [t] = await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'afhandeling'`, [klacht.id]);
    const job = await a.scheduler.queue.getJob(`${klacht.id}.afhandeling.${t.revision}.verval`);
    expect(job && (await job.getState())).toBe('delayed');
  });

  it('text with quotes, backslashes and SQL is stored exactly as given (the statements carry it as literals)', async () => {
    const onderwerp = `O'Brien \\ "x" \\' ); DROP TABLE klacht; -- é 😀 $1 E'\\x'`;
    const { klacht } = await a.engine.create({ ...testIntake(), onderwerp }, { actor: "kcc'); --" });
    const reden = `it's \\n not a newline; '); DELETE FROM termijn; --`;
    await a.engine.apply(klacht.id, { type: 'VERDAGEN', at: new Date().toISOString(), data: { duur: 'P4W', reden } }, { actor: 'b\\' });
    const [k] = await a.db.query(`select onderwerp from klacht where id = $1`, [klacht.id]);
    expect(k.onderwerp).toBe(onderwerp);
    const h = await a.db.query(`select actor, payload from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht.id]);
    expect(h.map((r: { actor: string }) => r.actor)).toEqual(["kcc'); --", 'b\\']);
    expect(h[1].payload.reden).toBe(reden);
  });

  describe('group commit (events on different klachten that arrive together share one transaction)', () => {
    const nieuw = (n: number) => Promise.all(Array.from({ length: n }, () => a.engine.create(testIntake(), { actor: 'kcc' })));
    const transacties = async (ids: string[]) =>
      (await a.db.query(`select id, xmin::text as tx from klacht where id = any($1)`, [ids])) as Array<{ id: string; tx: string }>;

    it("each event is written whole in the group's one transaction and answered after its commit", async () => {
      const klachten = await nieuw(8);
      const at = new Date().toISOString();
      // Submitted together: the first two start at once (a lone event never waits), the other six wait and go as one group.
      const uit = await Promise.all(
        klachten.map(({ klacht }) => a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'kcc' })),
      );
      expect(uit.map((u) => u.klacht.version)).toEqual(Array(8).fill(2));
      const tx = await transacties(klachten.map((k) => k.klacht.id));
      expect(new Set(tx.map((t) => t.tx)).size).toBeLessThan(8);
      for (const { id, tx: k } of tx) {
        // The event's history and outbox rows are in the same transaction as its klacht row.
        const h = await a.db.query(`select xmin::text as tx from klacht_gebeurtenis where klacht_id = $1 and type = 'CONTACT_OPGENOMEN'`, [
          id,
        ]);
        const o = await a.db.query(
          `select distinct xmin::text as tx from outbox where klacht_id = $1 and payload->>'event' = 'CONTACT_OPGENOMEN'`,
          [id],
        );
        expect(h).toEqual([{ tx: k }]);
        expect(o).toEqual([{ tx: k }]);
      }
    });

    it('a refused event and one on an unknown klacht write nothing and do not hold back the others in their group', async () => {
      const klachten = await nieuw(8);
      const weigeren = klachten[5].klacht.id;
      const voor = await snapshotVan(weigeren);
      const at = new Date().toISOString();
      const onbekend = '00000000-0000-4000-8000-000000000000';
      const uit = await Promise.allSettled([
        ...klachten.map(({ klacht }) =>
          a.engine.apply(klacht.id, { type: klacht.id === weigeren ? 'ONBEKEND_EVENT' : 'CONTACT_OPGENOMEN', at }, { actor: 'kcc' }),
        ),
        a.engine.apply(onbekend, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'kcc' }),
      ]);
      expect(uit.map((u) => u.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
      expect((uit[5] as PromiseRejectedResult).reason).toBeInstanceOf(GebeurtenisNietToegestaanError);
      expect((uit[8] as PromiseRejectedResult).reason).toBeInstanceOf(KlachtNietGevondenError);
      expect(await snapshotVan(weigeren)).toEqual(voor);
      // Seven waited (positions 2..7 and the unknown klacht); with one event being written, the first group took its share
      // of eight: positions 2..5. The accepted ones in it share a transaction with nothing of the refused one.
      const tx = await transacties([2, 3, 4].map((i) => klachten[i].klacht.id));
      expect(new Set(tx.map((t) => t.tx)).size).toBe(1);
    });

    it('an unexpected failure of a group still answers its events, with the error: no caller waits forever', async () => {
      const { klacht } = await a.engine.create(testIntake(), { actor: 'kcc' });
      const spion = jest
        .spyOn(a.engine as unknown as { voerGroepUit: () => Promise<void> }, 'voerGroepUit')
        .mockRejectedValueOnce(new Error('onverwacht'));
      try {
        await expect(
          a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'kcc' }),
        ).rejects.toThrow('onverwacht');
      } finally {
        spion.mockRestore();
      }
      // The klacht is free again: its next event goes through.
      const uit = await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'kcc' });
      expect(uit.klacht.version).toBe(2);
    });

    /** Submitted together: the first two start at once (a lone event never waits), the rest wait and go as one group. */
    /**
     * Events on `klachten` and `intakes`, submitted together, the first two events first: those start at once (a lone
     * event never waits), the rest wait, alternately an intake and an event, and go in groups of their share.
     */
    const samen = async (klachten: Array<{ klacht: { id: string } }>, intakes: Array<{ onderwerp: string; correlationId?: string }>) => {
      // A group's place is freed just after it answered: wait until none runs, so the first two really start at once.
      const groepen = (a.engine as unknown as { groepen: { stand(): { bezig: number } } }).groepen;
      while (groepen.stand().bezig > 0) await new Promise((r) => setImmediate(r));
      const at = new Date().toISOString();
      const stap = ({ klacht }: { klacht: { id: string } }) =>
        a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'kcc' });
      const intake = ({ onderwerp, correlationId }: { onderwerp: string; correlationId?: string }) =>
        a.engine.create({ ...testIntake(), onderwerp }, { actor: 'kcc', ...(correlationId ? { correlationId } : {}) });
      const stappen = klachten.slice(0, 2).map(stap);
      const nieuweKlachten: Array<ReturnType<typeof intake>> = [];
      for (let i = 2; i < Math.max(klachten.length, intakes.length + 2); i++) {
        if (intakes[i - 2]) nieuweKlachten.push(intake(intakes[i - 2]));
        if (klachten[i]) stappen.push(stap(klachten[i]));
      }
      return { stappen: await Promise.allSettled(stappen), intakes: await Promise.allSettled(nieuweKlachten) };
    };
    const historyTx = async (id: string, type: string) =>
      (await a.db.query(`select xmin::text as tx from klacht_gebeurtenis where klacht_id = $1 and type = $2`, [id, type])) as Array<{
        tx: string;
      }>;

    it('an intake that arrives with events on other klachten is written whole in their transaction (one commit, no lock)', async () => {
      const klachten = await nieuw(5);
      // Waiting: intake 1, event 3, intake 2, event 4, intake 3, event 5: seven outstanding, so the first four go together.
      const uit = await samen(klachten, [{ onderwerp: 'samen 1' }, { onderwerp: 'samen 2' }, { onderwerp: 'samen 3' }]);
      expect([...uit.stappen, ...uit.intakes].map((u) => u.status)).toEqual(Array(8).fill('fulfilled'));
      const ingenomen = uit.intakes.map((u) => (u as PromiseFulfilledResult<Awaited<ReturnType<typeof a.engine.create>>>).value);
      const tx = new Set<string>();
      for (const { klacht } of klachten.slice(2, 4)) for (const h of await historyTx(klacht.id, 'CONTACT_OPGENOMEN')) tx.add(h.tx);
      for (const { tx: k } of await transacties(ingenomen.slice(0, 2).map((i) => i.klacht.id))) tx.add(k);
      expect(tx.size).toBe(1);
      for (const { klacht } of ingenomen) {
        const [{ tx: eigen }] = await transacties([klacht.id]);
        // Each intake whole: its history, its termijnen and its outbox rows in its klacht's transaction.
        expect(await historyTx(klacht.id, 'KLACHT_ONTVANGEN')).toEqual([{ tx: eigen }]);
        const t = await a.db.query(`select distinct xmin::text as tx from termijn where klacht_id = $1`, [klacht.id]);
        const o = await a.db.query(`select distinct xmin::text as tx from outbox where klacht_id = $1`, [klacht.id]);
        expect(t).toEqual([{ tx: eigen }]);
        expect(o).toEqual([{ tx: eigen }]);
        expect(klacht.version).toBe(1);
        // Answered as written: the klacht's next event starts from it (the engine's cache) and is written once.
        const volgende = await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: new Date().toISOString() }, { actor: 'kcc' });
        expect(volgende.klacht.version).toBe(2);
      }
    });

    it('when PostgreSQL refuses one intake of a group, the others are written each on its own, once, and only that intake fails', async () => {
      const klachten = await nieuw(5);
      const onderwerp = `geweigerde intake ${Date.now()}`;
      const uit = await samen(klachten, [
        { onderwerp: 'naast 1' },
        { onderwerp, correlationId: 'outbox-weigeren' },
        { onderwerp: 'naast 2' },
      ]);
      expect(uit.stappen.map((u) => u.status)).toEqual(Array(5).fill('fulfilled'));
      expect(uit.intakes.map((u) => u.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((uit.intakes[1] as PromiseRejectedResult).reason)).toMatch(/outbox geweigerd/);
      for (const u of [uit.intakes[0], uit.intakes[2]]) {
        const { klacht } = (u as PromiseFulfilledResult<Awaited<ReturnType<typeof a.engine.create>>>).value;
        expect((await snapshotVan(klacht.id)).history.map((h: { type: string }) => h.type)).toEqual(['KLACHT_ONTVANGEN']);
      }
      for (const { klacht } of klachten) expect(await historyTx(klacht.id, 'CONTACT_OPGENOMEN')).toHaveLength(1);
      // Nothing of the refused intake.
      const [{ n }] = await a.db.query(`select count(*)::int as n from klacht where onderwerp = $1`, [onderwerp]);
      expect(n).toBe(0);
    });

    it('an event whose values cannot be written fails on its own: the others of its group are written, none is lost', async () => {
      const klachten = await nieuw(5);
      // A correlation id that is no text (the HTTP layer never sends one): building the group's statements fails.
      const slecht = { actor: 'kcc', correlationId: { geen: 'tekst' } as unknown as string };
      const groepen = (a.engine as unknown as { groepen: { stand(): { bezig: number } } }).groepen;
      while (groepen.stand().bezig > 0) await new Promise((r) => setImmediate(r));
      const at = new Date().toISOString();
      // Two start at once; the other three wait and go as one group, the bad one among them.
      const uit = await Promise.allSettled(
        klachten.map(({ klacht }, i) => a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, i === 3 ? slecht : { actor: 'kcc' })),
      );
      expect(uit.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((uit[3] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
      for (const [i, { klacht }] of klachten.entries()) {
        expect((await historyTx(klacht.id, 'CONTACT_OPGENOMEN')).length).toBe(i === 3 ? 0 : 1);
      }
    });

    it('when PostgreSQL refuses one event of a group, the others are written each on its own, once, and only that one fails', async () => {
      const klachten = await nieuw(8);
      const geweigerd = klachten[6].klacht.id;
      await a.db.query(`insert into test_weiger_outbox (klacht_id) values ($1)`, [geweigerd]);
      const voor = await snapshotVan(geweigerd);
      const at = new Date().toISOString();
      const uit = await Promise.allSettled(
        klachten.map(({ klacht }) => a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at }, { actor: 'kcc' })),
      );
      expect(uit.map((u) => u.status)).toEqual([...Array(6).fill('fulfilled'), 'rejected', 'fulfilled']);
      expect(String((uit[6] as PromiseRejectedResult).reason)).toMatch(/outbox geweigerd/);
      expect(await snapshotVan(geweigerd)).toEqual(voor);
      for (const { klacht } of klachten.filter((k) => k.klacht.id !== geweigerd)) {
        const s = await snapshotVan(klacht.id);
        expect(s.klacht[0].version).toBe(2);
        expect(s.history.map((h: { type: string }) => h.type)).toEqual(['KLACHT_ONTVANGEN', 'CONTACT_OPGENOMEN']);
      }
    });
  });
});
