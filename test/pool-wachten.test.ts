import { importIntake } from './support/import-intake';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.service';
import { ImportService } from '../src/modules/import/import.service';
import { SessieVerbindingen } from '../src/database/sessie-verbindingen';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';

/**
 * Holders of a connection whose work needs another (docs/architecture.md, DATABASE_POOL_SIZE): the outbox relay keeps
 * its claimed rows locked while its handlers write through the pool, an import keeps its advisory lock while its workers
 * step klachten through the pool, the migrations at boot run under an advisory lock. When both held a connection of the
 * pool, a pool of two was full of holders waiting for a connection: the import and the relay never finished, and neither did the shutdown waiting for them (seen as a
 * test's afterAll hanging for minutes in CI). Their connections now come from a pool of their own (SessieVerbindingen).
 */
const LEVENSLOOP: Array<[string, string]> = [
  ['FORMELE_BEHANDELING', '2024-03-05T09:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2024-03-06T09:00:00+01:00'],
  ['HOREN_UITNODIGEN', '2024-03-08T09:00:00+01:00'],
];

/** Rejects when `p` takes longer than `ms`: a hang is a failure with a name, not a test timeout. */
function binnen<T>(p: Promise<T>, ms: number, wat: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${wat} duurde langer dan ${ms} ms`)), ms);
    }),
  ]);
}

describe('database connections held while their work waits for the pool', () => {
  let db: TestDatabase;
  let t: TestApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('pool_wachten');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  }, 120_000);

  it('an import and the outbox relay working side by side finish on a pool of one connection, and so do the migrations at boot and the shutdown', async () => {
    // One connection: any holder on the pool whose work needs a second one (the migrations' lock at boot, the relay's
    // claim, the import's lock) fails here, after 10 s of waiting instead of never.
    t = await createTestApp({
      databaseUrl: db.url,
      postgresQueue: true,
      env: { DATABASE_POOL_SIZE: '1', DATABASE_POOL_WAIT_MS: '10000' },
    });
    const app = t;
    const imports = app.app.get(ImportService);
    const regels = Array.from({ length: 8 }, (_, i) =>
      JSON.stringify({
        extern: `PW-${i + 1}`,
        intake: importIntake(`pool ${i + 1}`),
        gebeurtenissen: LEVENSLOOP.map(([type, at]) => ({ type, at })),
      }),
    );
    const { id } = await imports.maak(regels.join('\n') + '\n', { naam: 'pool.ndjson', actor: 'test', scope: 'GM0363' });

    // Four workers, each step writing outbox rows that the relay drains meanwhile (webhooks, letters, wake-ups).
    expect(await binnen(imports.verwerk(id, { parallel: 4 }), 60_000, 'de import')).toMatchObject({
      status: 'klaar',
      geimporteerd: 8,
      fout: 0,
    });
    await binnen(app.app.get(OutboxRelay).idle(), 30_000, 'de outbox-relay');
    // Every row handed over: each drain claimed (a held connection) while its handlers wrote through the pool.
    const [{ open, totaal }] = await sqlOp<{ open: number; totaal: number }>(
      db.url,
      `select count(*) filter (where processed_at is null)::int as open, count(*)::int as totaal from outbox`,
    );
    expect(totaal).toBeGreaterThan(8);
    expect(open).toBe(0);

    t = undefined;
    await binnen(app.close(), 30_000, 'het afsluiten');
  }, 150_000);

  it('imports holding every slot do not hold up the relay, and a further import waits for a slot, however long, instead of failing', async () => {
    const app = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { DATABASE_POOL_WAIT_MS: '2000' } });
    try {
      const sessies = app.app.get(SessieVerbindingen);
      const sloten = await Promise.all(Array.from({ length: SessieVerbindingen.IMPORTS }, () => sessies.neem('import')));
      // The relay's drain: its own connection at once, whatever the imports hold (webhooks, letters, wake-ups go on).
      const relay = await binnen(sessies.neem('relay'), 1000, 'de relay-verbinding');
      relay.release();
      // One import more: waits past DATABASE_POOL_WAIT_MS (it holds nothing while it waits), and starts once a slot frees.
      let genomen = false;
      const volgende = sessies.neem('import').then((c) => {
        genomen = true;
        return c;
      });
      await new Promise((r) => setTimeout(r, 3000));
      expect(genomen).toBe(false);
      sloten[0].release();
      const c = await binnen(volgende, 2000, 'het wachtende import-slot');
      c.release();
      for (const s of sloten.slice(1)) s.release();
    } finally {
      await binnen(app.close(), 30_000, 'het afsluiten');
    }
  }, 60_000);
});
