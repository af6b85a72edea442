import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAndValidate } from './validate';

const DEFINITIONS = join(__dirname, '..', '..', '..', 'definitions');

describe('seed definitions', () => {
  const result = loadAndValidate([DEFINITIONS]);

  it('all four seed gemeenten load and pass every validation stage', () => {
    expect(result.errors).toEqual([]);
    expect(result.definities.map((d) => d.id).sort()).toEqual([
      'gm0363-amsterdam',
      'gm0457-weesp',
      'gm1696-wijdemeren',
      'gm1904-stichtse-vecht',
    ]);
  });

  it('every definition file starts with the yaml-language-server schema line', () => {
    for (const map of readdirSync(DEFINITIONS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const f of readdirSync(join(DEFINITIONS, map.name)).filter((n) => n.endsWith('.yaml'))) {
        const first = readFileSync(join(DEFINITIONS, map.name, f), 'utf8').split('\n')[0];
        expect(`${map.name}/${f}: ${first}`).toBe(`${map.name}/${f}: # yaml-language-server: $schema=../klachtregie-definitie.schema.json`);
      }
    }
  });

  const def = (id: string) => result.definities.find((d) => d.id === id)!.definitie;

  it('Amsterdam forwards to the ketenpartner only for one partner, not complex, and (first time or bejegening) (Klachtenprotocol Wmo keten Amsterdam §5A)', () => {
    expect(def('gm0363-amsterdam').eersteLijn.doorsturenNaarAanbieder).toEqual({
      alle: [
        { feit: 'aantalAanbieders', is: 1 },
        { niet: { feit: 'complex' } },
        { een: [{ niet: { feit: 'eerderBijAanbieder' } }, { feit: 'overBejegening' }] },
      ],
    });
  });

  it('Weesp ends the day before Amsterdam takes it over (24 March 2022, docs/juridisch-kader.md §14)', () => {
    expect(def('gm0457-weesp').geldigTot).toBe('2022-03-23');
    expect(def('gm0363-amsterdam').gemeente.neemtOver).toEqual([{ cbsCode: 'GM0457', naam: 'Weesp', vanaf: '2022-03-24' }]);
  });

  it('Wijdemeren has its ombudscommissie from 1 January 2006, the others an ombudsman', () => {
    expect(def('gm1696-wijdemeren').tweedeLijn).toEqual([expect.objectContaining({ soort: 'ombudscommissie', geldigVanaf: '2006-01-01' })]);
    expect(def('gm1904-stichtse-vecht').tweedeLijn[0]).toMatchObject({ soort: 'nationaleOmbudsman', bevoegdOverAanbieders: false });
    expect(def('gm0363-amsterdam').tweedeLijn[0]).toMatchObject({
      soort: 'gezamenlijkeOmbudsman',
      naam: 'Ombudsman Metropool Amsterdam',
      bevoegdOverAanbieders: true,
    });
  });
});
