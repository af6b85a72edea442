import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from '../main';
import {
  metAanbiederTermijn,
  metContactTermijn,
  metRegels,
  ruimTijdelijkeMappenOp,
  schrijfBestanden,
  TESTDAM,
} from '../../machines/definition/test-fixture';

const REPO = join(__dirname, '..', '..', '..');

// Remove the temp dirs the fixture writes (they piled up in /tmp).
afterEach(ruimTijdelijkeMappenOp);

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('klachtregie validate', () => {
  it('klachtregie validate definitions: the seed definitions are valid (exit 0, short summary)', async () => {
    const r = await cli(['validate', 'definitions'], REPO);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // The summary names the stages run, the compiler's graph stage included.
    // And the ZGW koppeling next to the Amsterdam definition (docs/zgw.md).
    expect(r.out[0]).toBe(
      'OK: 4 definities van 4 gemeenten zijn geldig (gecontroleerd: schema, referenties, graaf, juridisch, brieven, zgw-koppeling (2)).',
    );
    expect(r.out).toContain('  definitions/gm0363-amsterdam/2015-01.yaml  GM0363 Amsterdam, versie 2015-01, geldig 2015-01-01 t/m (open)');
  });

  it('every error as file:line:column: message plus a hint line, paths relative to cwd (exit 1)', async () => {
    const root = schrijfBestanden({ [TESTDAM]: metAanbiederTermijn(metRegels([27, '    duur: P8W'], [30, '    verdagingMax: P5W'])) });
    const r = await cli(['validate', 'definitions'], root);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      `${TESTDAM}:27:11: Awb 9:11 lid 1: de afhandeltermijn is hooguit 6 weken zonder klachtadviescommissie (hier 8 weken)`,
      '  -> zet de termijn op P6W of voeg stappen.klachtadviescommissie toe (dan mag P10W)',
      `${TESTDAM}:30:19: Awb 9:11 lid 2: verdaging is hooguit 4 weken (hier 5 weken)`,
      '  -> zet verdagingMax op P4W; verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3)',
      '\n2 fouten gevonden.',
    ]);
  });

  it('a warning does not refuse the definition: printed as file:line:column: waarschuwing: with its hint, counted in the summary (exit 0)', async () => {
    // Stichtse Vecht with a contact termijn that only the aanbieder routes start (no geldtVoor).
    const sv = metContactTermijn(readFileSync(join(REPO, 'definitions', 'gm1904-stichtse-vecht', '2015-01.yaml'), 'utf8'));
    const bestand = 'definitions/gm1904-stichtse-vecht/2015-01.yaml';
    const root = schrijfBestanden({ [bestand]: sv.yaml });
    const r = await cli(['validate', 'definitions'], root);
    expect(r.code).toBe(0);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(
      new RegExp(`^${bestand}:${sv.regel}:3: waarschuwing: de termijn 'Contact met de klager' \\(contact\\) loopt alleen op de routes`),
    );
    expect(r.err[1]).toMatch(/^ {2}-> zeg voor wie de termijn geldt: geldtVoor: \[aanbieder\]/);
    expect(r.out[0]).toMatch(/^OK: 1 definitie van 1 gemeente is geldig \(.*\), met 1 waarschuwing \(hierboven\)\.$/);
  });

  it('accepts a single file and reports YAML syntax errors with their position', async () => {
    const root = schrijfBestanden({ [TESTDAM]: metRegels([46, '  horen: [true']) });
    const r = await cli(['validate', TESTDAM], root);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^${TESTDAM}:47:1: YAML-syntaxfout: `));
  });

  it('a YAML alias bomb is a file:line:column error (exit 1), never a stack trace', async () => {
    const bom = [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...'bcdefgh'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ];
    const root = schrijfBestanden({ [TESTDAM]: bom });
    const r = await cli(['validate', 'definitions'], root);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^${TESTDAM}:2:8: YAML-fout: te veel verwijzingen met aliassen`));
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  // The fixture is a regime where the gemeente handles every klacht itself (Awb titel 9.1): valid as it is.
  it('a valid single file passes', async () => {
    const root = schrijfBestanden({ [TESTDAM]: metAanbiederTermijn(metRegels()) });
    const r = await cli(['validate', TESTDAM], root);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("a regime without the aanbieder's handling term is valid but warned: a klager whose aanbieder never decides would be stuck", async () => {
    const root = schrijfBestanden({ [TESTDAM]: metRegels() });
    const r = await cli(['validate', TESTDAM], root);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      `${TESTDAM}:24:1: waarschuwing: termijn 'aanbiederAfhandeling' ontbreekt: een klacht die de klager bij de aanbieder indient, heeft dan geen termijn, en als de aanbieder nooit beslist kan de klager niet verder naar de gemeente of de tweede lijn`,
      expect.stringMatching(/^ {2}-> voeg onder termijnen de termijn uit het contract met de aanbieder toe: aanbiederAfhandeling: \{/),
    ]);
  });

  it('without a path it explains the usage (exit 2)', async () => {
    const r = await cli(['validate'], REPO);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('klachtregie validate definitions');
  });
});
