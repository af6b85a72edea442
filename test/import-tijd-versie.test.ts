/**
 * Awb 9:1 with the rechtszekerheidsbeginsel and docs/definities.md (on every day one regeling; a klacht stays on the
 * version in force on the day it was received): historic klachten imported across a version boundary each get the version
 * of their own day of receipt, the Amsterdam calendar day of `ontvangenOp` (dagVan, as the engine's intake), not the day
 * of the import: their history is checked against that version (a hoorzitting the new version no longer has is refused
 * for a klacht of its days, named by line and field, with nothing written) and their termijnen run by it. Testdam
 * (GM0355) in two versions: 2024-01 (six weeks, hoorzitting) to 31 May 2024, then 2024-06 (five weeks, no hoorzitting).
 */
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../src/machines/definition/test-fixture';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ImportService } from '../src/modules/import/import.service';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { haalWekkersIn } from '../src/modules/termijnen/achterstand';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';

const GEMEENTE = 'GM0355';
/** The day of the import, long after both versions began and every termijn of these klachten passed. */
const NU = new Date('2024-09-02T10:00:00+02:00');
/** 31 May 2024, 23:30 in Amsterdam: the last day of 2024-01. */
const OUDE_DAG = '2024-05-31T21:30:00Z';
/** 1 June 2024, 00:30 in Amsterdam (still 31 May in UTC): the first day of 2024-06. */
const NIEUWE_DAG = '2024-05-31T22:30:00Z';

let db: TestDatabase;
let t: TestApp;
let imports: ImportService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => sqlOp<T>(db.url, q, p);

beforeAll(async () => {
  const root = schrijfBestanden({
    [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-05-31'),
    'definitions/gm0355-zeist/2024-06.yaml': basisVersie(
      '2024-06',
      '2024-06-01',
      undefined,
      ['  horen: true', '  horen: false'],
      ['    duur: P6W', '    duur: P5W'],
    ),
  });
  db = await createTestDatabase('import_tijd_versie');
  t = await createTestApp({
    databaseUrl: db.url,
    postgresQueue: true,
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000', DEFINITIONS_DIR: join(root, 'definitions') },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  imports = t.app.get(ImportService);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
  ruimTijdelijkeMappenOp();
});

const intake = (onderwerp: string, ontvangenOp: string) => ({
  gemeente: GEMEENTE,
  kanaal: 'brief',
  ontvangenOp,
  ingediendBij: 'gemeente',
  soort: 'klacht',
  onderwerp,
  aanbieders: [],
  feiten: { complex: true },
});
const BEHANDELING = [
  { type: 'FORMELE_BEHANDELING', at: '2024-06-03T09:00:00+02:00' },
  { type: 'IN_BEHANDELING_NEMEN', at: '2024-06-04T09:00:00+02:00' },
];
const MET_HOREN = [...BEHANDELING, { type: 'HOREN_UITNODIGEN', at: '2024-06-05T09:00:00+02:00' }];

/** The klacht as it stands: its version, state, termijnen and history (without its ids and subject). */
async function beeld(id: string) {
  const [klacht] = await sql(`select definitie_versie, state, done from klacht where id = $1`, [id]);
  const termijnen = await sql(
    `select naam, status, vervaldatum, vervalt_op, verval_gemeld_op is not null as gevuurd from termijn where klacht_id = $1 order by naam`,
    [id],
  );
  const historie = (
    await sql<{ type: string; at: Date; accepted: boolean }>(
      `select type, at, accepted from klacht_gebeurtenis where klacht_id = $1 order by id`,
      [id],
    )
  ).map((h) => `${h.type} ${new Date(h.at).toISOString()} ${h.accepted}`);
  return { klacht, termijnen, historie };
}

/** The same klacht registered late through the API today, its passed termijnen fired by the engine's catch-up. */
async function live(onderwerp: string, ontvangenOp: string, events: typeof MET_HOREN): Promise<string> {
  const klachten = t.app.get(KlachtenService, { strict: false });
  const k = await klachten.intake(intake(onderwerp, ontvangenOp) as never, 'import-test');
  for (const e of events) await klachten.gebeurtenis(k.id, e as never, 'import-test');
  const wake = t.app.get(TermijnWakeService, { strict: false });
  await t.app.get(DataSource).transaction((m) => haalWekkersIn(wake, m, [k.id], NU));
  return k.id;
}

describe('docs/definities.md: an imported klacht gets the version in force on its day of receipt', () => {
  it('Awb 9:1: each line is checked against and runs by the version of its own day (Amsterdam time), and the counts say what was imported', async () => {
    const regels = [
      JSON.stringify({ extern: 'V-OUD', intake: intake('versie oud met horen', OUDE_DAG), gebeurtenissen: MET_HOREN }),
      JSON.stringify({ extern: 'V-NIEUW-HOREN', intake: intake('versie nieuw met horen', NIEUWE_DAG), gebeurtenissen: MET_HOREN }),
      JSON.stringify({ extern: 'V-NIEUW', intake: intake('versie nieuw', NIEUWE_DAG), gebeurtenissen: BEHANDELING }),
    ];
    const { id } = await imports.maak(regels.join('\n') + '\n', { naam: 'versies.ndjson', actor: 'import-test', scope: GEMEENTE });
    expect(await imports.verwerk(id)).toMatchObject({ status: 'klaar', totaal: 3, verwerkt: 3, geimporteerd: 2, fout: 1 });
    const view = await imports.bekijk(id, GEMEENTE);
    expect(view?.fouten.map((f) => [f.regel, f.veld, f.extern, f.klachtId])).toEqual([
      [2, 'gebeurtenissen[2].type', 'V-NIEUW-HOREN', null],
    ]);
    expect(view?.fouten[0].reden).toContain('HOREN_UITNODIGEN is niet toegestaan');
    // A line with an error writes nothing.
    expect(await sql(`select id from klacht where onderwerp = 'versie nieuw met horen'`)).toEqual([]);

    const klachtVan = async (extern: string) =>
      (await sql<{ klacht_id: string }>(`select klacht_id from klacht_import_regel where import_id = $1 and extern = $2`, [id, extern]))[0]
        .klacht_id;
    const oud = await beeld(await klachtVan('V-OUD'));
    const nieuw = await beeld(await klachtVan('V-NIEUW'));
    expect(oud.klacht).toMatchObject({ definitie_versie: '2024-01' });
    expect(nieuw.klacht).toMatchObject({ definitie_versie: '2024-06' });
    // Its termijnen by its own version (six weeks and five from the same moment), passed and fired as the live klacht's.
    expect(oud.historie).toContain('HOREN_UITNODIGEN 2024-06-05T07:00:00.000Z true');
    const afhandeling = (b: typeof oud) => b.termijnen.find((x) => x.naam === 'afhandeling');
    expect(afhandeling(oud)).toMatchObject({ status: 'verlopen', gevuurd: true });
    expect(afhandeling(nieuw)).toMatchObject({ status: 'verlopen', gevuurd: true });
    expect(new Date(afhandeling(oud)!.vervaldatum as string).getTime()).toBeGreaterThan(
      new Date(afhandeling(nieuw)!.vervaldatum as string).getTime(),
    );
    expect(oud).toEqual(await beeld(await live('live oud', OUDE_DAG, MET_HOREN)));
    expect(nieuw).toEqual(await beeld(await live('live nieuw', NIEUWE_DAG, BEHANDELING)));
  }, 60_000);
});
