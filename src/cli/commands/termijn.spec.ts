import { runCli, CliIo } from '../main';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() };
  const code = await runCli(['termijn', ...argv], io);
  return { code, out, err };
}

describe('klachtregie termijn', () => {
  it('--json output is exactly the two keys', async () => {
    const r = await cli('--vanaf', '2026-04-02', '--duur', 'P6W', '--atw', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['vervaldatum', 'uitleg']);
    expect(json.vervaldatum).toBe('2026-05-18');
    expect(json.uitleg).toEqual([
      '6 weken na donderdag 2 april 2026 = donderdag 14 mei 2026',
      'donderdag 14 mei 2026 is Hemelvaartsdag (Atw art. 3 lid 1) -> vrijdag 15 mei 2026 (Atw art. 1 lid 1)',
      'vrijdag 15 mei 2026 is een bij besluit gelijkgestelde dag, vrijdag na Hemelvaartsdag (Atw art. 3 lid 3) -> zaterdag 16 mei 2026 (Atw art. 1 lid 1)',
      'zaterdag 16 mei 2026 is een zaterdag -> zondag 17 mei 2026 (Atw art. 1 lid 1)',
      'zondag 17 mei 2026 is een zondag -> maandag 18 mei 2026 (Atw art. 1 lid 1)',
      'Vervaldatum: maandag 18 mei 2026',
    ]);
  });

  it('Atw art. 3 lid 3: in a year whose decree days are not yet known the output warns, right under the vervaldatum (and in --json)', async () => {
    const r = await cli('--vanaf', '2029-04-02', '--duur', 'P6W', '--atw');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Vervaldatum: 2029-05-14');
    expect(r.out[1]).toMatch(
      /^ {2}! Let op: de bij Koninklijk Besluit met een feestdag gelijkgestelde dagen voor 2029 zijn nog niet bekend/,
    );
    const json = JSON.parse((await cli('--vanaf', '2029-04-02', '--duur', 'P6W', '--atw', '--json')).out[0]) as {
      waarschuwingen: string[];
    };
    expect(json.waarschuwingen).toEqual([expect.stringContaining('voor 2029 zijn nog niet bekend')]);
  });

  it('human output names the vervaldatum and every step', async () => {
    const r = await cli('--vanaf', '2026-03-16', '--duur', 'P6W', '--atw');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Vervaldatum: 2026-04-28');
    expect(r.out).toContain('  - maandag 27 april 2026 is Koningsdag (Atw art. 3 lid 1) -> dinsdag 28 april 2026 (Atw art. 1 lid 1)');
    expect(r.out[r.out.length - 1]).toBe('  - Vervaldatum: dinsdag 28 april 2026');
  });

  it('--werkdagen with --sluitingsdag counts werkdagen (Amsterdam: contact within 5 werkdagen)', async () => {
    const r = await cli('--vanaf', '2026-04-02', '--duur', 'P5D', '--werkdagen', '--sluitingsdag', '2026-04-09', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out[0]) as { vervaldatum: string }).vervaldatum).toBe('2026-04-14');
  });

  it('without --atw a statutory-looking term is not extended', async () => {
    const r = await cli('--vanaf', '2026-04-02', '--duur', 'P6W', '--json');
    expect((JSON.parse(r.out[0]) as { vervaldatum: string }).vervaldatum).toBe('2026-05-14');
  });

  it('bad input exits 2 with a Dutch message that says what to write instead', async () => {
    const datum = await cli('--vanaf', '2026-02-30', '--duur', 'P6W');
    expect(datum.code).toBe(2);
    expect(datum.out).toEqual([]);
    expect(datum.err[0]).toMatch(/Ongeldige vanaf-datum '2026-02-30': schrijf een bestaande kalenderdag als JJJJ-MM-DD/);

    const duur = await cli('--vanaf', '2026-04-02', '--duur', 'PT48H', '--json');
    expect(duur.code).toBe(2);
    expect(duur.out).toEqual([]);
    expect(duur.err[0]).toMatch(/Ongeldige duur 'PT48H'.*bijvoorbeeld P5D/);

    const geenVanaf = await cli('--duur', 'P6W');
    expect(geenVanaf.code).toBe(2);
    expect(geenVanaf.err[0]).toMatch(/--vanaf ontbreekt: .*--vanaf 2026-04-02/);

    const geenDuur = await cli('--vanaf', '2026-04-02');
    expect(geenDuur.code).toBe(2);
    expect(geenDuur.err[0]).toMatch(/--duur ontbreekt: .*--duur P6W/);

    const onbekend = await cli('--vanaf', '2026-04-02', '--duur', 'P6W', '--weken');
    expect(onbekend.code).toBe(2);
    expect(onbekend.err[0]).toMatch(/onbekende optie '--weken'/);

    const zonderWaarde = await cli('--vanaf', '--duur', 'P6W');
    expect(zonderWaarde.code).toBe(2);
    expect(zonderWaarde.err[0]).toMatch(/bij --vanaf hoort een waarde/);

    const booleanMetWaarde = await cli('--vanaf', '2026-04-02', '--duur', 'P6W', '--atw=true');
    expect(booleanMetWaarde.code).toBe(2);
    expect(booleanMetWaarde.err[0]).toMatch(/--atw heeft geen waarde/);

    const werkdagenInWeken = await cli('--vanaf', '2026-04-02', '--duur', 'P1W', '--werkdagen');
    expect(werkdagenInWeken.code).toBe(2);
    expect(werkdagenInWeken.err[0]).toMatch(/P5D voor 5 werkdagen/);
  });

  it('--help prints the usage', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Gebruik: klachtregie termijn --vanaf JJJJ-MM-DD --duur/);
  });
});
