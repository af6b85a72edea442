import { importIntake } from './support/import-intake';
import { weespKlacht } from './support/weesp';
import request from 'supertest';
import type { KlachtEvent } from '../src/machines/contract';
import { EngineService, type EngineContext } from '../src/modules/engine/engine.service';
import { ImportService } from '../src/modules/import/import.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase, sqlOp } from './support';

/**
 * The import after a failure (docs/import.md): whatever stops a line midway, a klacht never stays `import-bezig` (its
 * termijnen would never fire again), a line says truthfully what was written, and an extern is counted once.
 */
const LEVENSLOOP: Array<[string, string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING', '2024-03-05T09:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2024-03-06T09:00:00+01:00'],
  ['HOREN_UITNODIGEN', '2024-03-08T09:00:00+01:00'],
];

/** A whole lifecycle, ending in an afdoening with its oordeel (event data). */
const AFGEDAAN: typeof LEVENSLOOP = [
  ...LEVENSLOOP,
  ['HOORZITTING_GEHOUDEN', '2024-03-20T14:00:00+01:00'],
  ['VERSLAG_VASTGESTELD', '2024-03-22T10:00:00+01:00'],
  ['AFDOENEN', '2024-04-05T10:00:00+02:00', { oordeel: 'gegrond' }],
];

function regel(extern: string, onderwerp: string, aantal = LEVENSLOOP.length, levensloop = LEVENSLOOP): string {
  return JSON.stringify({
    extern,
    intake: importIntake(onderwerp),
    gebeurtenissen: levensloop.slice(0, aantal).map(([type, at, data]) => ({ type, at, ...(data ? { data } : {}) })),
  });
}

describe('import: a line stopped midway', () => {
  let db: TestDatabase;
  let t: TestApp;
  let imports: ImportService;
  let engine: EngineService;

  beforeAll(async () => {
    db = await createTestDatabase('import_herstel');
    t = await createTestApp({ databaseUrl: db.url, postgresQueue: true });
    imports = t.app.get(ImportService);
    engine = t.app.get(EngineService);
    // Listening before any import runs: a server supertest started inside an import's step would carry that step's
    // idempotency context (AsyncLocalStorage) into the API requests it serves.
    await t.app.listen(0, '127.0.0.1');
  }, 120_000);
  afterEach(() => jest.restoreAllMocks());
  // Closing waits for the import runs still in flight (ImportService.beforeApplicationShutdown: a line is finished, not
  // cut); on a loaded CI machine that once took longer than jest's default minute for a hook, with every test passed.
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  }, 180_000);

  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => sqlOp<T>(db.url, q, params);

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
    expect(await sql(`select sleutel from idempotentie_sleutel where starts_with(sleutel, 'import:I1-1#')`)).toEqual([]);
    expect(await achterstallig(klacht)).toEqual([]);
  }, 60_000);

  /** Runs `voor` just before the import applies `type` to the line of `extern`, then the step itself. */
  function vóórStap(extern: string, type: string, voor: (klachtId: string) => Promise<void>) {
    const echt = engine.apply.bind(engine);
    return jest.spyOn(engine, 'apply').mockImplementation(async (klachtId: string, event: KlachtEvent, ctx: EngineContext) => {
      if (ctx.correlationId?.endsWith(`.${extern}`) && event.type === type) await voor(klachtId);
      return echt(klachtId, event, ctx);
    });
  }

  it('a line the engine refuses after its intake committed lets go of its klacht, records it on the line and says it is partly imported', async () => {
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    // A behandelaar takes the klacht in behandeling through the API while the import is between its events, dated
    // 7 March 2024: before any of its termijnen passed, so the API steps it (one dated after a passed termijn is refused
    // while the line runs, test/import-tijd-gelijktijdig.test.ts), and the line's next event (6 March) lies before it.
    vóórStap('I2-1', 'IN_BEHANDELING_NEMEN', async (klachtId) => {
      const r = await request(t.http)
        .post(`/api/v1/klachten/${klachtId}/gebeurtenissen`)
        .set('Authorization', behandelaar)
        .send({ type: 'IN_BEHANDELING_NEMEN', at: '2024-03-07T09:00:00+01:00' });
      expect(r.status).toBe(200);
    });
    const id = await maak('i2.ndjson', [regel('I2-1', 'i2 deels')]);
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 0, fout: 1 });
    const klacht = await klachtVan('i2 deels');
    const [r] = await sql<{ status: string; klacht_id: string; fouten: Array<{ veld: string; reden: string }> }>(
      `select status, klacht_id, fouten from klacht_import_regel where import_id = $1`,
      [id],
    );
    expect(r).toMatchObject({ status: 'fout', klacht_id: klacht });
    expect(r.fouten).toEqual([
      { veld: 'gebeurtenissen[1]', reden: expect.stringContaining(`Gedeeltelijk geïmporteerd: klacht ${klacht}`) },
    ]);
    expect((await imports.bekijk(id, 'GM0363'))?.fouten[0]).toMatchObject({ reden: expect.stringContaining(klacht), klachtId: klacht });
    // Released: the intake key marks the extern imported, no key keeps the klacht import-bezig, its termijnen fire.
    expect(await sql(`select route from idempotentie_sleutel where sleutel = 'import:I2-1'`)).toEqual([{ route: 'import' }]);
    expect(await bezig(klacht)).toEqual([]);
    expect(await achterstallig(klacht)).toEqual([]);
  }, 60_000);

  it('a klacht still being imported by an import that is not done is written by no line of another import; once that import is done, a line that finds it left import-bezig finishes it', async () => {
    // Import A stops midway through its line (a lost connection), leaving the klacht import-bezig with one event.
    const stop = vóórStap('I2-2', 'IN_BEHANDELING_NEMEN', () => Promise.reject(new Error('verbinding weg')));
    const a = await maak('i2-a.ndjson', [regel('I2-2', 'i2 eigenaar')]);
    await expect(imports.verwerk(a)).rejects.toThrow('verbinding weg');
    stop.mockRestore();
    const klacht = await klachtVan('i2 eigenaar');
    const historie = () => sql(`select type, at from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht]);
    const voor = await historie();
    expect(voor.length).toBeGreaterThan(1);

    // Import B has the same intake under the same extern with other events: it waits for A and writes nothing.
    const b = await maak('i2-b.ndjson', [regel('I2-2', 'i2 eigenaar', 1)]);
    const stand = await imports.verwerk(b);
    expect(stand).toMatchObject({ geimporteerd: 0, fout: 1 });
    expect((await imports.bekijk(b, 'GM0363'))?.fouten).toEqual([
      expect.objectContaining({ veld: 'extern', reden: expect.stringContaining(`door import ${a}`) }),
    ]);
    expect(await historie()).toEqual(voor);
    expect((await bezig(klacht)).length).toBeGreaterThan(0);

    // A resumed finishes its line and lets go of the klacht.
    expect(await imports.verwerk(a)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    expect(await bezig(klacht)).toEqual([]);

    // What a failed line left before it let go of its klacht: its import done, the line 'fout', the klacht import-bezig.
    const stop2 = vóórStap('I2-3', 'IN_BEHANDELING_NEMEN', () => Promise.reject(new Error('verbinding weg')));
    const c = await maak('i2-c.ndjson', [regel('I2-3', 'i2 achtergelaten')]);
    await expect(imports.verwerk(c)).rejects.toThrow('verbinding weg');
    stop2.mockRestore();
    await sql(`update klacht_import_regel set status = 'fout' where import_id = $1`, [c]);
    await sql(`update klacht_import set status = 'klaar' where id = $1`, [c]);
    const achtergelaten = await klachtVan('i2 achtergelaten');
    expect((await bezig(achtergelaten)).length).toBeGreaterThan(0);
    // The line in a new file (another file: an empty line first) finishes it and lets go.
    const d = await maak('i2-d.ndjson', ['', regel('I2-3', 'i2 achtergelaten')]);
    expect(await imports.verwerk(d)).toMatchObject({ status: 'klaar', geimporteerd: 1, fout: 0 });
    expect(await bezig(achtergelaten)).toEqual([]);
    expect(await sql(`select count(*)::int as n from klacht where onderwerp = 'i2 achtergelaten'`)).toEqual([{ n: 1 }]);
  }, 60_000);

  it('an extern imported before counts as imported only with exactly the events it was imported with, and once per file: fewer, none or other data is an error on extern, and so is its second line in one file', async () => {
    const volledig = regel('I3-1', 'i3 eens', AFGEDAAN.length, AFGEDAAN);
    expect(await imports.verwerk(await maak('i3-a.ndjson', [volledig]))).toMatchObject({ geimporteerd: 1, fout: 0 });
    const klacht = await klachtVan('i3 eens');
    const historie = () => sql(`select id from klacht_gebeurtenis where klacht_id = $1 order by id`, [klacht]);
    const voor = await historie();

    const anderOordeel = JSON.parse(volledig) as { gebeurtenissen: Array<{ data?: { oordeel: string } }> };
    anderOordeel.gebeurtenissen[AFGEDAAN.length - 1].data!.oordeel = 'ongegrond';
    const varianten = {
      minder: regel('I3-1', 'i3 eens', 2, AFGEDAAN),
      geen: regel('I3-1', 'i3 eens', 0, AFGEDAAN),
      anders: JSON.stringify(anderOordeel),
    };
    for (const [naam, r] of Object.entries(varianten)) {
      const id = await maak(`i3-${naam}.ndjson`, [r]);
      expect(await imports.verwerk(id)).toMatchObject({ geimporteerd: 0, fout: 1 });
      expect((await imports.bekijk(id, 'GM0363'))?.fouten).toEqual([
        expect.objectContaining({ regel: 1, veld: 'extern', reden: expect.stringContaining('met andere gebeurtenissen') }),
      ]);
    }
    // The same line in another file (an empty line first) is the same klacht: imported, nothing written.
    expect(await imports.verwerk(await maak('i3-weer.ndjson', ['', volledig]))).toMatchObject({ geimporteerd: 1, fout: 0 });
    expect(await historie()).toEqual(voor);

    // One file with a line twice (run side by side): one klacht, counted once; the second line is named.
    const dubbel = await maak('i3-dubbel.ndjson', [regel('I3-2', 'i3 dubbel'), regel('I3-2', 'i3 dubbel')]);
    expect(await imports.verwerk(dubbel, { parallel: 2 })).toMatchObject({ geimporteerd: 1, fout: 1 });
    expect((await imports.bekijk(dubbel, 'GM0363'))?.fouten).toEqual([
      expect.objectContaining({ regel: 2, veld: 'extern', reden: expect.stringContaining('staat ook op regel 1') }),
    ]);
    expect(await sql(`select count(*)::int as n from klacht where onderwerp = 'i3 dubbel'`)).toEqual([{ n: 1 }]);

    // An extern names a klacht in one gemeente's source system: Amsterdam importing Weesp's history (Wet arhi art. 40)
    // may meet the same extern for a Weesp klacht. Two klachten, both imported.
    const weesp = JSON.stringify({ extern: 'I3-3', intake: weespKlacht('i3 weesp'), gebeurtenissen: [] });
    const tweeGemeenten = await maak('i3-twee.ndjson', [regel('I3-3', 'i3 amsterdam'), weesp]);
    expect(await imports.verwerk(tweeGemeenten, { parallel: 2 })).toMatchObject({ geimporteerd: 2, fout: 0 });
    expect(await sql(`select gemeente from klacht where onderwerp in ('i3 amsterdam', 'i3 weesp') order by gemeente`)).toEqual([
      { gemeente: 'GM0363' },
      { gemeente: 'GM0457' },
    ]);
  }, 60_000);

  it('a line that fails stops the other workers before the import lets go of its lock: the lines in flight finish, no other is taken, and a resume works the rest once', async () => {
    const regels = Array.from({ length: 8 }, (_, i) => regel(`I4-${i + 1}`, `i4 ${i + 1}`, 1));
    const id = await maak('i4.ndjson', regels);
    type MetRegel = (imp: unknown, r: { regel: number }, ...rest: unknown[]) => Promise<unknown>;
    const dienst = imports as unknown as { verwerkRegel: MetRegel };
    const echt = dienst.verwerkRegel.bind(imports);
    const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let lopend = 0;
    let gefaald = false;
    let genomenNaFalen = 0;
    jest.spyOn(dienst, 'verwerkRegel').mockImplementation(async (imp, r, ...rest) => {
      if (gefaald) genomenNaFalen++;
      lopend++;
      try {
        // Line 1 fails (say, the database went away) while the other workers are midway through theirs.
        if (r.regel === 1) {
          await wacht(50);
          throw new Error('storing');
        }
        await wacht(300);
        return await echt(imp, r, ...rest);
      } finally {
        lopend--;
      }
    });
    await expect(imports.verwerk(id, { parallel: 4 })).rejects.toThrow('storing');
    gefaald = true;
    expect(lopend).toBe(0);
    // The lines in flight when line 1 failed were finished; no worker took another one.
    const open = async () =>
      (
        await sql<{ regel: number }>(`select regel from klacht_import_regel where import_id = $1 and status = 'open' order by regel`, [id])
      ).map((r) => r.regel);
    expect(await open()).toEqual([1, 5, 6, 7, 8]);
    await wacht(700);
    expect(genomenNaFalen).toBe(0);
    expect(await open()).toEqual([1, 5, 6, 7, 8]);
    jest.restoreAllMocks();
    // The lock is free, and a resume imports every line once.
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 8, fout: 0 });
    expect(await sql(`select count(*)::int as n from klacht where onderwerp like 'i4 %'`)).toEqual([{ n: 8 }]);
  }, 60_000);

  it('an API import whose process stopped midway is taken up by a process with workers when it boots; a process that serves only the API leaves it', async () => {
    // The process working the import stops in the middle of line 2: the import bezig, that klacht import-bezig.
    const stop = vóórStap('I5-2', 'IN_BEHANDELING_NEMEN', () => Promise.reject(new Error('SIGTERM')));
    const id = await maak('i5.ndjson', [regel('I5-1', 'i5 1'), regel('I5-2', 'i5 2'), regel('I5-3', 'i5 3'), regel('I5-4', 'i5 4')]);
    await expect(imports.verwerk(id, { parallel: 1 })).rejects.toThrow('SIGTERM');
    stop.mockRestore();
    const afgebroken = await klachtVan('i5 2');
    expect((await bezig(afgebroken)).length).toBeGreaterThan(0);
    const status = async () => (await sql<{ status: string }>(`select status from klacht_import where id = $1`, [id]))[0].status;

    const api = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'api' } });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      expect(await status()).toBe('bezig');
    } finally {
      await api.close();
    }

    const worker = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'worker' } });
    try {
      const tot = Date.now() + 30_000;
      while ((await status()) !== 'klaar') {
        if (Date.now() > tot) throw new Error('the import was not taken up');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await worker.close();
    }
    expect(await imports.stand(id)).toMatchObject({ geimporteerd: 4, fout: 0 });
    expect(await bezig(afgebroken)).toEqual([]);
    expect(await sql(`select count(*)::int as n from klacht where onderwerp like 'i5 %'`)).toEqual([{ n: 4 }]);
  }, 120_000);

  it('at shutdown an import stops after the lines in flight, so it leaves no klacht import-bezig, and stays bezig to be taken up', async () => {
    const id = await maak(
      'i6.ndjson',
      Array.from({ length: 6 }, (_, i) => regel(`I6-${i + 1}`, `i6 ${i + 1}`)),
    );
    const api = await createTestApp({ databaseUrl: db.url, postgresQueue: true, env: { ROLE: 'api' } });
    const zijnEngine = api.app.get(EngineService);
    const echt = zijnEngine.apply.bind(zijnEngine);
    // Slow steps: the shutdown comes while lines are midway.
    jest.spyOn(zijnEngine, 'apply').mockImplementation(async (klachtId: string, event: KlachtEvent, ctx: EngineContext) => {
      await new Promise((r) => setTimeout(r, 100));
      return echt(klachtId, event, ctx);
    });
    const run = api.app.get(ImportService).verwerk(id, { parallel: 2 });
    const klaar = async () =>
      (await sql<{ n: number }>(`select count(*)::int as n from klacht_import_regel where import_id = $1 and status <> 'open'`, [id]))[0].n;
    while ((await klaar()) < 1) await new Promise((r) => setTimeout(r, 50));
    await api.close();
    expect(await run).toMatchObject({ status: 'bezig' });
    expect(await klaar()).toBeLessThan(6);
    expect(
      await sql(
        `select s.sleutel from idempotentie_sleutel s join klacht k on k.id::text = s.resultaat->>'klachtId' where s.route = 'import-bezig' and k.onderwerp like 'i6 %'`,
      ),
    ).toEqual([]);
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', geimporteerd: 6 });
  }, 60_000);
});
