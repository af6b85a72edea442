import { KLOK, vasteKlok } from '../src/common/klok';
import type { KlachtEvent } from '../src/machines/contract';
import { EngineService, INTAKE_EVENT, type EngineContext } from '../src/modules/engine/engine.service';
import { ImportService } from '../src/modules/import/import.service';
import { importIntake } from './support/import-intake';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase, sqlOp } from './support';

/**
 * The import's idempotency keys (docs/import.md): each step of each line has its own key, derived from the line's
 * `extern` so that the keys of two different externs never meet. `extern` may contain `:` (an AMS:2024:12 zaaknummer),
 * so a source key `A:0` next to `A` must be a klacht of its own with its own events, and a line cut off under the keys
 * of before this rule must still resume without writing a step twice.
 */
const LEVENSLOOP: Array<[string, string]> = [
  ['FORMELE_BEHANDELING', '2024-03-05T09:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2024-03-06T09:00:00+01:00'],
  ['HOREN_UITNODIGEN', '2024-03-08T09:00:00+01:00'],
];
const TYPES = LEVENSLOOP.map(([type]) => type);

/** One line: the klacht (named by its onderwerp) with the first `aantal` events of LEVENSLOOP. */
function regel(extern: string, onderwerp: string, aantal = LEVENSLOOP.length): string {
  return JSON.stringify({
    extern,
    intake: importIntake(onderwerp),
    gebeurtenissen: LEVENSLOOP.slice(0, aantal).map(([type, at]) => ({ type, at })),
  });
}

/** A source key of the longest length the import takes (ImportRegelDto: 100 characters), less the two of `:0`. */
const LANG = `AMS/2024/${'x'.repeat(89)}`;

describe('import: idempotency keys per line', () => {
  let db: TestDatabase;
  let t: TestApp;
  let imports: ImportService;
  let engine: EngineService;

  beforeAll(async () => {
    db = await createTestDatabase('import_sleutels');
    t = await createTestApp({
      databaseUrl: db.url,
      postgresQueue: true,
      // The end of a line fires what came due up to "now": a fixed now, not today's date.
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2024-09-02T10:00:00+02:00'))),
    });
    imports = t.app.get(ImportService);
    engine = t.app.get(EngineService);
  }, 120_000);
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => sqlOp<T>(db.url, q, params);

  const maak = async (naam: string, regels: string[]) =>
    (await imports.maak(regels.join('\n') + '\n', { naam, actor: 'test', scope: 'GM0363' })).id;

  /** The klachten with this onderwerp, each with the types of the events of the file in its history (in order). */
  async function klachten(onderwerp: string): Promise<Array<{ id: string; extern: string; events: string[] }>> {
    const rijen = await sql<{ id: string; extern: string; events: string[] }>(
      `select k.id, substr(o.correlation_id, 45) as extern,
              coalesce(array_agg(g.type order by g.id) filter (where g.type = any($2::text[])), '{}') as events
         from klacht k
         join klacht_gebeurtenis o on o.klacht_id = k.id and o.type = $3
         left join klacht_gebeurtenis g on g.klacht_id = k.id and g.accepted
        where k.onderwerp = $1 group by k.id, o.correlation_id`,
      [onderwerp, TYPES, INTAKE_EVENT],
    );
    return rijen;
  }
  const bezig = async () => sql(`select sleutel from idempotentie_sleutel where route = 'import-bezig'`);

  /** Runs `voor` just before the import applies `type` to the line of `extern`, then the step itself. */
  function vóórStap(extern: string, type: string, voor: () => Promise<void>) {
    const echt = engine.apply.bind(engine);
    return jest.spyOn(engine, 'apply').mockImplementation(async (klachtId: string, event: KlachtEvent, ctx: EngineContext) => {
      if (ctx.correlationId?.endsWith(`.${extern}`) && event.type === type) await voor();
      return echt(klachtId, event, ctx);
    });
  }

  it('source keys A and A:0 (docs/import.md: extern may hold ":") are two klachten, each written with exactly its own events, in one file and in two, also at the longest extern; the same extern twice in a file is still an error on extern', async () => {
    const id = await maak('s1.ndjson', [
      regel('S1:0', 's1 nul'),
      regel('S1', 's1 basis'),
      regel(`${LANG}:0`, 's1 lang nul', 1),
      regel(LANG, 's1 lang', 2),
      regel('S1', 's1 basis'),
    ]);
    expect(await imports.verwerk(id, { parallel: 1 })).toMatchObject({ status: 'klaar', geimporteerd: 4, fout: 1 });
    expect((await imports.bekijk(id, 'GM0363'))?.fouten).toEqual([
      expect.objectContaining({ regel: 5, veld: 'extern', reden: expect.stringContaining('staat ook op regel 2') }),
    ]);
    expect(await klachten('s1 nul')).toEqual([{ id: expect.any(String), extern: 'S1:0', events: TYPES }]);
    expect(await klachten('s1 basis')).toEqual([{ id: expect.any(String), extern: 'S1', events: TYPES }]);
    expect(await klachten('s1 lang nul')).toEqual([{ id: expect.any(String), extern: `${LANG}:0`, events: TYPES.slice(0, 1) }]);
    expect(await klachten('s1 lang')).toEqual([{ id: expect.any(String), extern: LANG, events: TYPES.slice(0, 2) }]);

    // The other order, in two files: A:0's key stays for good (it blocks a second import of A:0), A then imports.
    expect(await imports.verwerk(await maak('s2-a.ndjson', [regel('S2:1', 's2 een')]))).toMatchObject({ geimporteerd: 1, fout: 0 });
    expect(await imports.verwerk(await maak('s2-b.ndjson', [regel('S2', 's2 basis')]))).toMatchObject({ geimporteerd: 1, fout: 0 });
    expect(await klachten('s2 basis')).toEqual([{ id: expect.any(String), extern: 'S2', events: TYPES }]);
    expect(await bezig()).toEqual([]);
  }, 60_000);

  it('while the line of A is cut off midway, a line of A:0 in another import is a klacht of its own; A resumes with its own events, each once', async () => {
    const stop = vóórStap('S3', 'IN_BEHANDELING_NEMEN', () => Promise.reject(new Error('verbinding weg')));
    const a = await maak('s3-a.ndjson', [regel('S3', 's3 basis')]);
    await expect(imports.verwerk(a)).rejects.toThrow('verbinding weg');
    stop.mockRestore();

    expect(await imports.verwerk(await maak('s3-b.ndjson', [regel('S3:0', 's3 nul')]))).toMatchObject({ geimporteerd: 1, fout: 0 });
    expect(await imports.verwerk(a)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    const [basis] = await klachten('s3 basis');
    const [nul] = await klachten('s3 nul');
    expect(basis).toEqual({ id: expect.any(String), extern: 'S3', events: TYPES });
    expect(nul).toEqual({ id: expect.any(String), extern: 'S3:0', events: TYPES });
    expect(nul.id).not.toBe(basis.id);
    expect(await bezig()).toEqual([]);
  }, 60_000);

  it('a line cut off under the event keys of before (import:<extern>:<n>) resumes after the change without writing a step twice, and lets go of its klacht', async () => {
    const stop = vóórStap('S4:9', 'HOREN_UITNODIGEN', () => Promise.reject(new Error('SIGTERM')));
    const id = await maak('s4.ndjson', [regel('S4:9', 's4 oud')]);
    await expect(imports.verwerk(id)).rejects.toThrow('SIGTERM');
    stop.mockRestore();
    // What the import before this change left: the same event keys, written `import:<extern>:<n>`.
    const gezet = await sql(
      `update idempotentie_sleutel set sleutel = 'import:S4:9:' || substr(sleutel, length('import:S4:9') + 2)
        where route = 'import-bezig' and starts_with(sleutel, 'import:S4:9') and sleutel <> 'import:S4:9' returning sleutel`,
    );
    expect(gezet.map((r) => r.sleutel).sort()).toEqual(['import:S4:9:0', 'import:S4:9:1']);

    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    expect(await klachten('s4 oud')).toEqual([{ id: expect.any(String), extern: 'S4:9', events: TYPES }]);
    // Only the intake's key stays, marking the extern imported.
    expect(await sql(`select sleutel, route from idempotentie_sleutel where starts_with(sleutel, 'import:S4')`)).toEqual([
      { sleutel: 'import:S4:9', route: 'import' },
    ]);
  }, 60_000);

  it('a line found imported releases the event keys of before a crash left import-bezig (the end of a line once took two statements), so nothing keeps its klacht import-bezig', async () => {
    // Every step written, then the removal of the event keys failed (here: refused by a trigger).
    await sql(`create function test_weiger() returns trigger language plpgsql as $$ begin raise exception 'storing'; end $$`);
    await sql(
      `create trigger test_weiger before delete on idempotentie_sleutel for each row when (starts_with(old.sleutel, 'import:S5')) execute function test_weiger()`,
    );
    const id = await maak('s5.ndjson', [regel('S5', 's5 oud')]);
    try {
      await expect(imports.verwerk(id)).rejects.toThrow('storing');
    } finally {
      await sql(`drop trigger test_weiger on idempotentie_sleutel`);
      await sql(`drop function test_weiger()`);
    }
    // What the two statements of before left, with the keys of before: the intake key `import`, the event keys not.
    await sql(`update idempotentie_sleutel set route = 'import' where sleutel = 'import:S5'`);
    await sql(
      `update idempotentie_sleutel set sleutel = replace(sleutel, 'import:S5#', 'import:S5:') where starts_with(sleutel, 'import:S5#')`,
    );
    expect(await bezig()).toHaveLength(TYPES.length);

    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    expect(await klachten('s5 oud')).toEqual([{ id: expect.any(String), extern: 'S5', events: TYPES }]);
    expect(await bezig()).toEqual([]);
  }, 60_000);
});
