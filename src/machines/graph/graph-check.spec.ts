/**
 * The graph stage of validation (docs/definities.md stage 3): every state reachable, a final state reachable
 * from every state, no dead ends; errors point at the definition position that causes them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../cli/main';
import { loadDefinitionFiles } from '../definition/loader';
import { ruimTijdelijkeMappenOp, tijdelijkeMap } from '../definition/test-fixture';
import type { GeladenDefinitie } from '../definition/types';
import { maakRegime } from '../regime';
import { checkGraph, checkRegime } from './graph-check';
import { allePaden } from './paden';

const DEFS = join(__dirname, '..', '..', '..', 'definitions');
const AMSTERDAM = join(DEFS, 'gm0363-amsterdam', '2015-01.yaml');

/** A copy of the Amsterdam definition with the forwarding condition replaced. */
function amsterdamMet(doorsturen: string[]): { file: string; geladen: GeladenDefinitie } {
  const bron = readFileSync(AMSTERDAM, 'utf8');
  const nieuw = bron.replace(
    / {2}doorsturenNaarAanbieder:\n( {4}.*\n)+/,
    `  doorsturenNaarAanbieder:\n${doorsturen.map((r) => `    ${r}\n`).join('')}`,
  );
  expect(nieuw).not.toBe(bron);
  const dir = join(tijdelijkeMap('klachtregie-graaf-'), 'gm0363-amsterdam');
  mkdirSync(dir);
  const file = join(dir, '2015-01.yaml');
  writeFileSync(file, nieuw);
  const { definities, errors } = loadDefinitionFiles([file]);
  expect(errors).toEqual([]);
  return { file, geladen: definities[0] };
}

/**
 * A copy of the Stichtse Vecht seed where the gemeente handles every klacht itself (Awb
 * titel 9.1): first line gemeente, no forwarding condition, no aanbieder termijn.
 */
function alleenGemeente(): { dir: string; file: string } {
  const bron = readFileSync(join(DEFS, 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8');
  // The aanbieder's handling term stays: a klacht filed at the aanbieder is still handled there, under that term.
  const nieuw = bron.replace('  standaard: aanbieder\n', '  standaard: gemeente\n').replace(/ {2}doorsturenNaarAanbieder: .*\n/, '');
  expect(nieuw).not.toMatch(/standaard: aanbieder|doorsturenNaarAanbieder/);
  const dir = join(tijdelijkeMap('klachtregie-graaf-'), 'gm1904-stichtse-vecht');
  mkdirSync(dir);
  const file = join(dir, '2015-01.yaml');
  writeFileSync(file, nieuw);
  return { dir, file };
}

// Remove the temp dirs the fixture writes (they piled up in /tmp).
afterEach(ruimTijdelijkeMappenOp);

function regelVan(file: string, tekst: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(tekst)) + 1
  );
}

describe('graph check', () => {
  test('the seed definitions have every state reachable, no dead ends, and a final state reachable from every state', () => {
    const { definities, errors } = loadDefinitionFiles([DEFS]);
    expect(errors).toEqual([]);
    expect(definities.length).toBeGreaterThanOrEqual(4);
    for (const d of definities) expect(checkGraph(d, definities)).toEqual([]);
  });

  test('a contradictory routing Voorwaarde makes doorgestuurdNaarAanbieder unreachable: error at eersteLijn.doorsturenNaarAanbieder', () => {
    const { file, geladen } = amsterdamMet(['alle:', '  - { feit: complex }', '  - niet: { feit: complex }']);
    const errors = checkGraph(geladen);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, line: regelVan(file, 'doorsturenNaarAanbieder:'), column: 3 });
    expect(errors[0].message).toContain(
      "'Doorgestuurd naar de aanbieder (warme doorverwijzing)' (doorgestuurdNaarAanbieder) is nooit bereikbaar",
    );
    expect(errors[0].hint).toBe(
      'deze voorwaarde kan nooit waar zijn: (complex en niet complex); controleer of de toetsen elkaar niet uitsluiten',
    );
  });

  test('a forwarding Voorwaarde that behandelingDoorGemeente always overrules is reported with that reason', () => {
    // Amsterdam: the gemeente handles klachten about two or more ketenpartners (Klachtenprotocol Wmo keten Amsterdam §5B).
    const { geladen } = amsterdamMet(['{ feit: aantalAanbieders, minimaal: 2 }']);
    const [fout] = checkGraph(geladen);
    expect(fout.message).toContain('doorgestuurdNaarAanbieder');
    expect(fout.hint).toContain('eersteLijn.behandelingDoorGemeente');
  });

  test('klachtregie validate runs the graph stage and prints file:line:column', async () => {
    const { file } = amsterdamMet(['alle:', '  - { feit: complex }', '  - niet: { feit: complex }']);
    const err: string[] = [];
    const code = await runCli(['validate', file], { out: () => undefined, err: (l) => err.push(l), cwd: '/' });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(
      `${file.slice(1)}:${regelVan(file, 'doorsturenNaarAanbieder:')}:3: de stap 'Doorgestuurd naar de aanbieder`,
    );
    expect(err.join('\n')).toContain('-> deze voorwaarde kan nooit waar zijn');
  });

  test('optional steps (klachtadviescommissie, 4-ogen, mediation, tevredenheidscheck) are reachable and can finish', () => {
    const { definities } = loadDefinitionFiles([join(DEFS, 'gm1904-stichtse-vecht')]);
    const g = definities[0];
    const def = structuredClone(g.definitie);
    def.stappen.klachtadviescommissie = { naam: 'Klachtadviescommissie' };
    def.stappen.vierOgen = true;
    def.stappen.tevredenheidscheck = true;
    def.termijnen.afhandeling.duur = 'P10W';
    const regime = maakRegime(def, 'variant');
    expect(checkRegime(regime, { ...g, definitie: def })).toEqual([]);
    const bezocht = new Set(allePaden(regime).paden.flatMap((p) => p.stappen.map((s) => s.naar)));
    for (const s of [
      'gemeente.advies',
      'gemeente.vierOgenToets',
      'gemeente.mediation',
      'gemeente.tevredenheidscheck',
      'bijOmbudsman.reactieOpRapport',
    ]) {
      expect(bezocht).toContain(s);
    }
  });
});

describe('graph check on a regime without forwarding', () => {
  test('Awb titel 9.1: a regime where the gemeente handles every klacht itself is valid', async () => {
    const { dir, file } = alleenGemeente();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['validate', dir], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: '/' });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toContain('graaf');

    // No forwarding step is generated; a klacht about an aanbieder filed at the gemeente stays there,
    // one filed at the aanbieder is still handled there ("klaag daar waar het is misgegaan").
    const { definities } = loadDefinitionFiles([file]);
    const regime = maakRegime(definities[0].definitie, definities[0].id);
    expect(Object.keys(regime.gecompileerd.config.states)).not.toContain('doorgestuurdNaarAanbieder');
    expect(Object.keys(regime.gecompileerd.config.states)).toContain('bijAanbieder');
    const intake = (ingediendBij: 'gemeente' | 'aanbieder') => ({
      gemeente: 'GM1904',
      kanaal: 'brief' as const,
      ontvangenOp: '2016-03-01T10:00:00Z',
      ingediendBij,
      soort: 'klacht' as const,
      aanbieders: [{ id: 'a1', naam: 'Thuiszorg A', type: 'wmo' as const }],
      feiten: {},
    });
    expect(regime.start(intake('gemeente')).state).toMatch(/^gemeente/);
    expect(regime.start(intake('aanbieder')).state).toMatch(/^bijAanbieder/);
  });

  test('an aanbieder-first regime without a forwarding condition keeps the forwarding step and passes the graph check', () => {
    const { definities } = loadDefinitionFiles([AMSTERDAM]);
    const def = structuredClone(definities[0].definitie);
    delete def.eersteLijn.doorsturenNaarAanbieder;
    expect(def.eersteLijn.standaard).toBe('aanbieder');
    const regime = maakRegime(def, 'variant');
    expect(Object.keys(regime.gecompileerd.config.states)).toEqual(expect.arrayContaining(['doorgestuurdNaarAanbieder', 'bijAanbieder']));
    expect(checkRegime(regime, { ...definities[0], definitie: def })).toEqual([]);
  });
});

describe('graph check on a machine with a dead end', () => {
  test('a state no event can leave is reported as doodlopend at its definition position', () => {
    const { definities } = loadDefinitionFiles([AMSTERDAM]);
    const g = definities[0];
    const regime = maakRegime(g.definitie, g.id);
    // Refuse every decision on "stoppen met leveren": the state can no longer be left.
    const kapot = {
      ...regime,
      machine: (regime.machine as import('xstate').AnyStateMachine).provide({ guards: { besluitGeldig: () => false } }),
    };
    const errors = checkRegime(kapot, g);
    expect(errors).toEqual([
      expect.objectContaining({
        file: AMSTERDAM,
        line: regelVan(AMSTERDAM, 'stoppenMetLeveren:'),
        message:
          "de stap 'Verzoek stoppen met leveren: besluit door contractmanager' (stoppenMetLeveren) loopt dood: geen gebeurtenis leidt eruit",
      }),
    ]);
  });
});
