import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from '../main';
import { ruimTijdelijkeMappenOp, tijdelijkeMap } from '../../machines/definition/test-fixture';

const ROOT = join(__dirname, '..', '..', '..');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  return { cli, out, err };
}

async function simuleer(definitie: string, scenario: string) {
  const r = io();
  const code = await runCli(['simulate', definitie, scenario], r.cli);
  return { code, out: r.out.join('\n'), err: r.err.join('\n') };
}

// Remove the temp dirs the fixture writes (they piled up in /tmp).
afterEach(ruimTijdelijkeMappenOp);

describe('klachtregie simulate', () => {
  test('Stichtse Vecht scenario: verdaging moves the afhandeltermijn, reminders listed, afdoening opens the year for the Nationale ombudsman', async () => {
    const r = await simuleer('definitions/gm1904-stichtse-vecht', 'scenarios/gm1904-stichtse-vecht/levensloop.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2026-04-02  KLACHT_ONTVANGEN: nieuw -> gemeente.informeleFase');
    expect(r.out).toContain('intent: COLLEGE_INFORMEREN aan college');
    expect(r.out).toContain('2026-05-11  herinnering P1W-voor aan behandelaar: termijn afhandeling vervalt 2026-05-18');
    expect(r.out).toContain('termijn verschoven: Afhandeltermijn (afhandeling) 2026-05-18 -> 2026-06-11');
    expect(r.out).toContain('intent: KENNISGEVING_VERDAGING aan beklaagde [Awb 9:11 lid 2]');
    expect(r.out).toContain('intent: AFDOENINGSBRIEF aan klager [Awb 9:12]');
    expect(r.out).toContain('Eindstand: tweedeLijnVenster');
  });

  test('Amsterdam scenario: the contact termijn passes on the virtual clock and escalates before the next event', async () => {
    const r = await simuleer('definitions/gm0363-amsterdam', 'scenarios/gm0363-amsterdam/levensloop.yaml');
    expect(r.code).toBe(0);
    const regels = r.out.split('\n');
    const verloop = regels.findIndex((l) => l.startsWith('2026-04-14  TERMIJN_VERLOPEN {"termijn":"contact"} (virtuele klok)'));
    const contact = regels.findIndex((l) => l.startsWith('2026-04-14  CONTACT_OPGENOMEN'));
    expect(verloop).toBeGreaterThan(0);
    expect(contact).toBeGreaterThan(verloop);
    expect(r.out).toContain('escalatie: ESCALATIE aan klachtenfunctionaris');
    expect(r.out).toContain('VERZOEK_TWEEDE_LIJN_REGISTREREN aan Ombudsman Metropool Amsterdam');
    expect(r.out).toContain('Eindstand: afgesloten (Afgesloten), afgesloten');
  });

  test("Weesp scenario (2021): Weesp's own regime, Nationale ombudsman after the overschreden termijn", async () => {
    const r = await simuleer('definitions', 'scenarios/gm0457-weesp/levensloop.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Weesp (GM0457), versie 2015-01');
    expect(r.out).toContain('2021-10-14  TERMIJN_VERLOPEN {"termijn":"afhandeling"} (virtuele klok)');
    expect(r.out).toContain('escalatie: ESCALATIE aan leidinggevende [Awb 9:11]');
    expect(r.out).toContain('"tweedeLijn":"Nationale ombudsman"');
  });

  test('Wijdemeren scenario: niet-behandelen names the ombudscommissie; the year passes and the klacht closes', async () => {
    const r = await simuleer('definitions/gm1696-wijdemeren', 'scenarios/gm1696-wijdemeren/levensloop.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('KENNISGEVING_NIET_BEHANDELEN aan klager [Awb 9:8 lid 3, 9:12 lid 2]');
    expect(r.out).toContain('"tweedeLijn":"Ombudscommissie Wijdemeren"');
    expect(r.out).toContain(
      '2017-03-22  TERMIJN_VERLOPEN {"termijn":"tweedeLijnVerzoek"} (virtuele klok): tweedeLijnVenster -> afgesloten',
    );
  });

  test('a refused event is shown with its Dutch reason and the exit code is 1', async () => {
    const dir = tijdelijkeMap('klachtregie-sim-');
    const file = join(dir, 'scenario.yaml');
    writeFileSync(
      file,
      [
        'intake: { gemeente: GM1904, kanaal: brief, ontvangenOp: 2026-04-02, ingediendBij: gemeente, soort: klacht, aanbieders: [], feiten: {} }',
        'gebeurtenissen:',
        '  - { op: 2026-04-03, event: FORMELE_BEHANDELING }',
        '  - { op: 2026-04-06, event: IN_BEHANDELING_NEMEN }',
        '  - { op: 2026-04-10, event: VERDAGEN, data: { termijn: afhandeling, duur: P6W } }',
      ].join('\n'),
    );
    const r = await simuleer('definitions/gm1904-stichtse-vecht', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('2026-04-10  VERDAGEN {"termijn":"afhandeling","duur":"P6W"}: GEWEIGERD in gemeente.inBehandeling');
    expect(r.out).toMatch(/reden: Verdaging met 6 weken .* \(Awb 9:11 lid 2\)/);
  });

  test('a scenario without intake is a usage error, with file:line:column', async () => {
    const dir = tijdelijkeMap('klachtregie-sim-');
    const file = join(dir, 'leeg.yaml');
    writeFileSync(file, 'gebeurtenissen: []\n');
    const r = await simuleer('definitions/gm1904-stichtse-vecht', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/leeg\.yaml:1:1: verplichte sleutel 'intake' ontbreekt/);
  });

  test('a suite file prints the timeline of every scenario, under its name', async () => {
    const r = await simuleer('definitions', 'scenarios/gm0457-weesp/awb-en-samenvoeging.yaml');
    expect(r.out).toContain(
      'Awb 9:11 lid 1 en Atw art. 1 en 3: eerste en tweede Kerstdag en het weekend schuiven de termijn naar maandag\nWeesp (GM0457), versie 2015-01',
    );
    expect(r.out).toContain('2021-11-13  KLACHT_ONTVANGEN: nieuw -> gemeente.informeleFase');
    expect(r.out).toContain(
      'Samenvoeging 24 maart 2022: een nieuwe Weesper klacht valt onder het Klachtenprotocol Wmo keten Amsterdam\nAmsterdam (GM0363), versie 2015-01',
    );
  });
});
