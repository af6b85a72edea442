import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source-options';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.service';
import type { OutboxEntity } from '../src/modules/outbox/outbox.entity';
import type { OutboxHandler } from '../src/modules/outbox/outbox.types';
import { createTestDatabase, type TestDatabase } from './support';

/**
 * The outbox relay hands every committed row to each handler of its type and marks it processed only when all of
 * them accepted it (docs/architecture.md §1). A handler whose work covers every pending row at once (the webhook
 * fan-out reads the outbox itself) may take a drain's rows in one call instead of one call per row.
 */
describe('outbox relay: a row is processed once every handler of its type accepted it', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('outbox_relay');
    ds = createDataSource({ url: db.url, poolSize: 3, applicationName: 'klachtregie-test-outbox-relay' });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await ds.query('truncate outbox');
  });

  /** Commits rows of the given types, in this order, with their position as payload. */
  const schrijf = (types: string[]) =>
    ds.transaction((m) =>
      OutboxRelay.schrijf(
        m,
        types.map((type, n) => ({ klachtId: null, type, payload: { n } })),
      ),
    );

  const stand = async () =>
    (await ds.query(
      `select payload->>'n' as n, processed_at is not null as verwerkt, attempts, last_error from outbox order by id`,
    )) as Array<{
      n: string;
      verwerkt: boolean;
      attempts: number;
      last_error: string | null;
    }>;

  /** A handler of `klacht.*` rows that takes a drain's rows at once; `handle` per row must not be used. */
  const samen = (fouten: string[] = []) => {
    const aanroepen: string[][] = [];
    const h: OutboxHandler = {
      naam: 'samen',
      handles: (type) => type.startsWith('klacht.'),
      handle: () => Promise.reject(new Error('handle per rij aangeroepen')),
      handleAlle: (rows: OutboxEntity[]) => {
        aanroepen.push(rows.map((r) => String(r.payload.n)));
        const fout = fouten.shift();
        return fout ? Promise.reject(new Error(fout)) : Promise.resolve();
      },
    };
    return { h, aanroepen };
  };

  it('a handler that takes a drain at once is called once per drain, with all its rows in id order, beside a handler called per row', async () => {
    const relay = new OutboxRelay(ds);
    const { h, aanroepen } = samen();
    const perRij: string[] = [];
    relay.register(h);
    relay.register({
      naam: 'per-rij',
      handles: (type) => type.startsWith('termijn.'),
      handle: async (row) => void perRij.push(String(row.payload.n)),
    });
    await schrijf(['klacht.a', 'termijn.b', 'klacht.c', 'klacht.d', 'termijn.e', 'overig.f']);

    expect(await relay.drain()).toBe(6);
    expect(aanroepen).toEqual([['0', '2', '3']]);
    expect(perRij).toEqual(['1', '4']);
    expect((await stand()).every((r) => r.verwerkt)).toBe(true);
  });

  it('when that one call fails, each of its rows stays unprocessed with the error, and a drain after its backoff hands them over again', async () => {
    const relay = new OutboxRelay(ds);
    const { h, aanroepen } = samen(['kapot']);
    relay.register(h);
    await schrijf(['klacht.a', 'termijn.b', 'klacht.c']);

    await relay.drain();
    expect(await stand()).toEqual([
      { n: '0', verwerkt: false, attempts: 1, last_error: 'samen: kapot' },
      // No handler of its type failed: processed.
      { n: '1', verwerkt: true, attempts: 1, last_error: null },
      { n: '2', verwerkt: false, attempts: 1, last_error: 'samen: kapot' },
    ]);
    // They wait about two seconds before the next attempt: a drain right away leaves them.
    const [{ wacht }] = await ds.query(
      `select min(volgende_poging_op - now()) > interval '1 second' as wacht from outbox where processed_at is null`,
    );
    expect(wacht).toBe(true);
    expect(await relay.drain()).toBe(0);
    expect(aanroepen).toEqual([['0', '2']]);

    await ds.query(`update outbox set volgende_poging_op = now() - interval '1 millisecond' where processed_at is null`);
    await relay.drain();
    expect(aanroepen).toEqual([
      ['0', '2'],
      ['0', '2'],
    ]);
    expect((await stand()).map((r) => [r.n, r.verwerkt, r.attempts, r.last_error])).toEqual([
      ['0', true, 2, null],
      ['1', true, 1, null],
      ['2', true, 2, null],
    ]);
  });

  it('the database unreachable in a handler stops the drain: no row is marked or put in backoff, and the next drain hands them all over', async () => {
    const relay = new OutboxRelay(ds);
    const gedaan: string[] = [];
    let storing = true;
    relay.register({
      naam: 'webhooks',
      handles: (type) => type.startsWith('klacht.'),
      handle: async (row) => {
        // What pg says when no pool connection came free within DATABASE_POOL_WAIT_MS.
        if (storing) throw new Error('timeout exceeded when trying to connect');
        gedaan.push(String(row.payload.n));
      },
    });
    await schrijf(['klacht.a', 'klacht.b', 'klacht.c']);
    await expect(relay.drain()).rejects.toThrow('timeout exceeded');
    // Rolled back: not one attempt counted, no backoff, no error recorded as the row's own.
    expect(await stand()).toEqual([
      { n: '0', verwerkt: false, attempts: 0, last_error: null },
      { n: '1', verwerkt: false, attempts: 0, last_error: null },
      { n: '2', verwerkt: false, attempts: 0, last_error: null },
    ]);
    storing = false;
    expect(await relay.drain()).toBe(3);
    expect(gedaan).toEqual(['0', '1', '2']);
  });

  it('a full batch of rows that keep failing does not keep the rows behind it from being handled', async () => {
    const relay = new OutboxRelay(ds);
    const gedaan: string[] = [];
    relay.register({
      naam: 'brieven',
      handles: (type) => type === 'intent.kapot' || type === 'intent.goed',
      handle: async (row) => {
        if (row.type === 'intent.kapot') throw new Error('sjabloon stuk');
        gedaan.push(String(row.payload.n));
      },
    });
    await schrijf([...Array.from({ length: 100 }, () => 'intent.kapot'), 'intent.goed']);
    expect(await relay.drain()).toBe(100);
    // The second drain passes the failing rows (they wait for their next attempt) and handles the one behind them.
    expect(await relay.drain()).toBe(1);
    expect(gedaan).toEqual(['100']);
    const [{ n }] = await ds.query(`select count(*)::int as n from outbox where processed_at is null and attempts = 1`);
    expect(n).toBe(100);
  });

  it('the relay marks a row processed on the page the row was written to, so its WAL record holds only what changed', async () => {
    // Rows the size of an engine step's (about 400 bytes of payload), enough for several pages.
    const tekst = 'x'.repeat(400);
    await ds.transaction((m) =>
      OutboxRelay.schrijf(
        m,
        Array.from({ length: 250 }, (_, n) => ({ klachtId: null, type: 'klacht.status-gewijzigd', payload: { n, tekst } })),
      ),
    );
    const pagina = `select payload->>'n' as n, (ctid::text::point)[0] as pagina from outbox order by id`;
    const voor = (await ds.query(pagina)) as Array<{ n: string; pagina: number }>;
    expect(new Set(voor.map((r) => r.pagina)).size).toBeGreaterThan(3);

    const relay = new OutboxRelay(ds);
    while ((await relay.drain()) > 0) {
      /* until every row is processed */
    }

    expect((await stand()).every((r) => r.verwerkt)).toBe(true);
    // A full page would send the new version elsewhere (the whole row in WAL, and a lock record for the old one).
    expect(await ds.query(pagina)).toEqual(voor);
  });
});
