import { Client } from 'pg';
import { ImportService } from '../src/modules/import/import.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

/**
 * The import after a failure (docs/import.md): whatever stops a line midway, a klacht never stays `import-bezig` (its
 * termijnen would never fire again), a line says truthfully what was written, and an extern is counted once.
 */
const LEVENSLOOP: Array<[string, string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING', '2024-03-05T09:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2024-03-06T09:00:00+01:00'],
  ['HOREN_UITNODIGEN', '2024-03-08T09:00:00+01:00'],
];

function regel(extern: string, onderwerp: string, aantal = LEVENSLOOP.length): string {
  return JSON.stringify({
    extern,
    intake: {
      gemeente: 'GM0363',
      kanaal: 'webformulier',
      ontvangenOp: '2024-03-04T10:00:00+01:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp,
      // Amsterdam §5B: two ketenpartners, so the gemeente handles it itself.
      aanbieders: [
        { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
        { id: 'zorg-zuid', naam: 'Zorg Zuid', type: 'wmo' },
      ],
      feiten: {},
    },
    gebeurtenissen: LEVENSLOOP.slice(0, aantal).map(([type, at, data]) => ({ type, at, ...(data ? { data } : {}) })),
  });
}

describe('import: a line stopped midway', () => {
  let db: TestDatabase;
  let t: TestApp;
  let imports: ImportService;

  beforeAll(async () => {
    db = await createTestDatabase('import_herstel');
    t = await createTestApp({ databaseUrl: db.url, postgresQueue: true });
    imports = t.app.get(ImportService);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  async function sql<T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(q, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  const maak = async (naam: string, regels: string[]) =>
    (await imports.maak(regels.join('\n') + '\n', { naam, actor: 'test', scope: 'GM0363' })).id;

  /** The klacht's idempotency keys that keep it `import-bezig` (import-bezig.ts: importBezig). */
  const bezig = async (klachtId: string) =>
    sql<{ sleutel: string }>(`select sleutel from idempotentie_sleutel where route = 'import-bezig' and resultaat->>'klachtId' = $1`, [
      klachtId,
    ]);
  /** Termijnen due before now that have not fired. */
  const achterstallig = async (klachtId: string) =>
    sql(`select naam from termijn where klacht_id = $1 and status = 'lopend' and verval_gemeld_op is null and vervalt_op <= now()`, [
      klachtId,
    ]);
  const klachtVan = async (onderwerp: string) =>
    (await sql<{ id: string }>(`select id from klacht where onderwerp = $1`, [onderwerp]))[0]?.id;

  it('the end of a line is one statement, and a line found imported releases what a crash left import-bezig and fires the termijnen due meanwhile', async () => {
    // A failure between marking the intake key imported and removing the event keys (here: the removal refused).
    await sql(`create function test_weiger() returns trigger language plpgsql as $$ begin raise exception 'storing'; end $$`);
    await sql(
      `create trigger test_weiger before delete on idempotentie_sleutel for each row when (old.sleutel like 'import:I1-%') execute function test_weiger()`,
    );
    const id = await maak('i1.ndjson', [regel('I1-1', 'i1 einde regel')]);
    await expect(imports.verwerk(id)).rejects.toThrow('storing');
    const klacht = await klachtVan('i1 einde regel');
    // All or nothing: the intake key is still import-bezig, with the events' keys.
    expect(await sql(`select route from idempotentie_sleutel where sleutel = 'import:I1-1'`)).toEqual([{ route: 'import-bezig' }]);
    await sql(`drop trigger test_weiger on idempotentie_sleutel`);

    // What two statements left after a crash between them: the intake key `import`, the event keys import-bezig.
    await sql(`update idempotentie_sleutel set route = 'import' where sleutel = 'import:I1-1'`);
    expect(await bezig(klacht)).toHaveLength(LEVENSLOOP.length);
    expect((await achterstallig(klacht)).length).toBeGreaterThan(0);
    // The re-run finds the line imported: it releases the klacht and fires what came due since its last event.
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    expect(await bezig(klacht)).toEqual([]);
    expect(await sql(`select sleutel from idempotentie_sleutel where sleutel like 'import:I1-1:%'`)).toEqual([]);
    expect(await achterstallig(klacht)).toEqual([]);
  }, 60_000);
});
