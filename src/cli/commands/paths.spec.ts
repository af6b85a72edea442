import { join } from 'node:path';
import { runCli, type CliIo } from '../main';

const ROOT = join(__dirname, '..', '..', '..');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  return { cli, out, err };
}

describe('klachtregie paths', () => {
  test('lists every route from intake to a final state in Dutch, with termijnen and their legal ground', async () => {
    const { cli, out, err } = io();
    const code = await runCli(['paths', 'definitions/gm1904-stichtse-vecht'], cli);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const tekst = out.join('\n');
    expect(out[0]).toMatch(/^Stichtse Vecht \(GM1904\), versie 2015-01, geldig vanaf 2015-01-01: \d+ routes van ontvangst tot afronding$/);
    // Awb 9:5 route: straight from the informal phase to the end.
    expect(tekst).toContain("eindigt in 'Naar tevredenheid van de klager afgehandeld (geen afdoeningsbrief nodig)'");
    expect(tekst).toContain('termijn gaat lopen: Afhandeltermijn (6 weken) [Awb 9:11]');
    expect(tekst).toContain('termijn gaat lopen: Termijn verzoek Nationale ombudsman (1 jaar) [Awb 9:24 lid 1]');
    expect(tekst).toContain('niet horen: de klacht is kennelijk ongegrond [Awb 9:10 lid 2 sub a]');
    expect(tekst).toContain('TERMIJN_VERLOPEN — termijn verstreken');
  });

  test('a definition with errors is not listed: the errors are, as file:line:column', async () => {
    const { cli, err } = io();
    expect(await runCli(['paths', 'definitions/bestaat-niet'], cli)).toBe(1);
    expect(err.join('\n')).toContain('bestaat niet');
  });

  test('without a definition it says what to give', async () => {
    const { cli, err } = io();
    expect(await runCli(['paths'], cli)).toBe(2);
    expect(err[0]).toContain('geef één definitiebestand of gemeentemap op');
  });
});
