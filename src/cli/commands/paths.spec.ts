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

  test('--samenvatting for Amsterdam fits on one screen (≤ 50 lines of ≤ 120 characters), grouped by intake route, line and outcome', async () => {
    const { cli, out, err } = io();
    expect(await runCli(['paths', 'definitions/gm0363-amsterdam', '--samenvatting'], cli)).toBe(0);
    expect(err).toEqual([]);
    expect(out.length).toBeLessThanOrEqual(50);
    for (const regel of out) expect(regel.length).toBeLessThanOrEqual(120);
    const tekst = out.join('\n');
    const totaal = Number(/: (\d+) routes van ontvangst tot afronding$/.exec(out[0])![1]);
    // Every route is counted once: the intake routes' counts add up to the total.
    const perRoute = [...tekst.matchAll(/^\S.*: (\d+) routes?$/gm)].map((m) => Number(m[1]));
    expect(perRoute.reduce((a, b) => a + b, 0)).toBe(totaal);
    expect(tekst).toMatch(/^Behandeling door de gemeente \(Awb titel 9\.1\): \d+ routes$/m);
    expect(tekst).toMatch(/^Jeugdwet: klachtencommissie van de jeugdhulpaanbieder: \d+ routes$/m);
    expect(tekst).toMatch(/^ {2}eerste lijn: \d+ — .*Afgesloten \d+/m);
    expect(tekst).toMatch(/^ {2}tweede lijn \(ombudsman\): \d+ — /m);
    expect(tekst).toMatch(/^ {2}bijzondere wettelijke route: \d+ — /m);
    expect(tekst).not.toContain('Route 1:');
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
