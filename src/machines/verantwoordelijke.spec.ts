/**
 * Wet algemene regels herindeling, art. 40 e.v.: from the day of a herindeling the college of the gemeente that takes
 * the dissolved one over answers for its running klachten. Weesp (GM0457) went into Amsterdam (GM0363) on 24 March
 * 2022. One function answers who that college is (verantwoordelijke.ts); the regime's intents, the registry and the
 * second line of the letters give its answer.
 */
import { join } from 'node:path';
import type { IsoDate, StepResult } from './contract';
import type { Definitie, GeladenDefinitie } from './definition/types';
import { loadAndValidate } from './definition/validate';
import { intake } from './intake.spec-hulp';
import type { Regime } from './regime';
import { compileerSamen, maakRegistry } from './registry';
import { gemeenteNaamOp, overgenomenDoor, verantwoordelijkeCode, verantwoordelijkeOp, verantwoordelijkeVersie } from './verantwoordelijke';

const geladen = loadAndValidate([join(__dirname, '..', '..', 'definitions')]);
const definities = geladen.definities.map((g) => g.definitie);
const registry = maakRegistry(compileerSamen(geladen.definities));
const weesp = registry.regimes.find((r) => r.summary.id === 'gm0457-weesp') as Regime;

const WEESP = { cbsCode: 'GM0457', naam: 'Weesp' };
const AMSTERDAM = { cbsCode: 'GM0363', naam: 'Amsterdam' };
/** The day before the herindeling, the day itself, the day after. */
const GRENS: Array<[IsoDate, typeof WEESP]> = [
  ['2022-03-23', WEESP],
  ['2022-03-24', AMSTERDAM],
  ['2022-03-25', AMSTERDAM],
];

/** A Weesp klacht in behandeling since before the herindeling, through JSON as PostgreSQL stores it. */
function inBehandeling(): StepResult {
  let s = weesp.start(
    intake({ gemeente: 'GM0457', ontvangenOp: '2022-03-01T10:00:00+01:00', feiten: { betreftGemeentelijkeFunctionaris: true } }),
  );
  for (const [type, at] of [
    ['FORMELE_BEHANDELING', '2022-03-02T10:00:00+01:00'],
    ['IN_BEHANDELING_NEMEN', '2022-03-03T10:00:00+01:00'],
  ]) {
    s = weesp.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at });
    expect(s.reason).toBeUndefined();
  }
  return s;
}

describe('Wet arhi art. 40: the college that answers for a Weesp klacht on the days around 24 March 2022', () => {
  test('Wet arhi art. 40: Weesp answers itself on 23 March 2022; Amsterdam on 24 March (the day itself) and after', () => {
    expect(geladen.errors).toEqual([]);
    for (const [dag, college] of GRENS) expect([dag, verantwoordelijkeOp(definities, 'GM0457', dag)]).toEqual([dag, college]);
    // A code as another source spells it; Amsterdam answers for itself throughout.
    expect(verantwoordelijkeOp(definities, 'gm0457', '2022-03-24')).toEqual(AMSTERDAM);
    for (const [dag] of GRENS) expect(verantwoordelijkeOp(definities, 'GM0363', dag)).toEqual(AMSTERDAM);
  });

  test('Wet arhi art. 40: a step on each of those days names the college that function gives, in every intent', () => {
    const s = inBehandeling();
    for (const [dag, college] of GRENS) {
      const verdaagd = weesp.step(JSON.parse(JSON.stringify(s.snapshot)), {
        type: 'VERDAGEN',
        at: `${dag}T10:00:00+01:00`,
        data: { termijn: 'afhandeling', duur: 'P2W' },
      });
      expect(verdaagd.intents.length).toBeGreaterThan(0);
      // Weesp's own college is the letter's default (its regime's gemeente): only another one is named.
      const naam = college.cbsCode === WEESP.cbsCode ? undefined : college.naam;
      for (const i of verdaagd.intents) expect([dag, i.type, i.data?.verantwoordelijkeGemeente]).toEqual([dag, i.type, naam]);
      expect([dag, weesp.opvolgerOp(dag)]).toEqual([dag, naam ? college : undefined]);
    }
  });

  test('Wet arhi art. 40: the registry gives that college’s regeling, and the second line is that college’s', () => {
    for (const [dag, college] of GRENS) {
      expect([dag, registry.forGemeente('GM0457', dag)?.summary.gemeente]).toEqual([dag, college]);
      expect([dag, weesp.gecompileerd.ctx.tweedeLijnOp(dag)?.gemeente]).toEqual([dag, college]);
    }
  });
});

describe('Wet arhi art. 40 through two herindelingen: the last successor answers', () => {
  // A fictitious chain: A goes into B on 1 January 2020, B into C on 1 January 2023.
  const amsterdam = geladen.definities.find((g) => g.id === 'gm0363-amsterdam')!;
  const als = (id: string, cbsCode: string, naam: string, wijzig: Partial<Definitie>, neemtOver?: string[]): GeladenDefinitie => ({
    ...amsterdam,
    id,
    definitie: {
      ...amsterdam.definitie,
      ...wijzig,
      gemeente: {
        cbsCode,
        naam,
        ...(neemtOver ? { neemtOver: neemtOver.map((n) => ({ cbsCode: n.split('@')[0], naam: n, vanaf: n.split('@')[1] })) } : {}),
      },
    },
  });
  const keten = [
    als('a', 'GM9001', 'Aadorp', { geldigVanaf: '2015-01-01', geldigTot: '2019-12-31' }),
    als('b', 'GM9002', 'Beedorp', { geldigVanaf: '2015-01-01', geldigTot: '2022-12-31' }, ['GM9001@2020-01-01']),
    als('c', 'GM9003', 'Ceestad', { geldigVanaf: '2015-01-01' }, ['GM9002@2023-01-01']),
  ];
  const ketenRegistry = maakRegistry(compileerSamen(keten));

  test('Wet arhi art. 40: a klacht of A is answered by A, then by B, and after B went into C by C; the registry follows', () => {
    const alle = keten.map((g) => g.definitie);
    for (const [dag, naam] of [
      ['2019-12-31', 'Aadorp'],
      ['2020-01-01', 'Beedorp'],
      ['2022-12-31', 'Beedorp'],
      ['2023-01-01', 'Ceestad'],
    ]) {
      expect([dag, verantwoordelijkeOp(alle, 'GM9001', dag)?.naam]).toEqual([dag, naam]);
      expect([dag, ketenRegistry.forGemeente('GM9001', dag)?.summary.gemeente.naam]).toEqual([dag, naam]);
      const a = ketenRegistry.regimes.find((r) => r.summary.id === 'a') as Regime;
      expect([dag, a.opvolgerOp(dag)?.naam]).toEqual([dag, naam === 'Aadorp' ? undefined : naam]);
    }
  });
});

describe('Wet arhi art. 40 walked back: whose klachten a college answers for, from which day (overgenomenDoor)', () => {
  const amsterdam = definities.find((d) => d.gemeente.cbsCode === 'GM0363')!;
  const met = (cbsCode: string, neemtOver: string[] = []): Definitie => ({
    ...amsterdam,
    gemeente: { cbsCode, naam: cbsCode, neemtOver: neemtOver.map((n) => ({ cbsCode: n.split('@')[0], naam: n, vanaf: n.split('@')[1] })) },
  });
  // A into B on 1 January 2020, B into C on 1 January 2023; D into C on 1 July 2021; E into A on 1 January 2018.
  const keten = [
    met('GM9005'),
    met('GM9001', ['GM9005@2018-01-01']),
    met('GM9002', ['GM9001@2020-01-01']),
    met('GM9003', ['gm9002@2023-01-01', 'GM9004@2021-07-01']),
    met('GM9004'),
  ];
  const codes = ['GM9001', 'GM9002', 'GM9003', 'GM9004', 'GM9005'];
  const dagen: IsoDate[] = [
    '2017-12-31',
    '2018-01-01',
    '2019-12-31',
    '2020-01-01',
    '2021-06-30',
    '2021-07-01',
    '2022-12-31',
    '2023-01-01',
    '2026-12-06',
  ];

  test('Wet arhi art. 40: a gemeente taken over by one taken over later comes to the last successor from the later day', () => {
    expect(overgenomenDoor(keten, 'gm9003')).toEqual([
      { cbsCode: 'GM9002', vanaf: '2023-01-01' },
      { cbsCode: 'GM9004', vanaf: '2021-07-01' },
      { cbsCode: 'GM9001', vanaf: '2023-01-01' },
      { cbsCode: 'GM9005', vanaf: '2023-01-01' },
    ]);
    expect(overgenomenDoor(keten, 'GM9002')).toEqual([
      { cbsCode: 'GM9001', vanaf: '2020-01-01' },
      { cbsCode: 'GM9005', vanaf: '2020-01-01' },
    ]);
    expect(overgenomenDoor(keten, 'GM9004')).toEqual([]);
    // The seeds: Weesp into Amsterdam on 24 March 2022.
    expect(overgenomenDoor(definities, 'GM0363')).toEqual([{ cbsCode: 'GM0457', vanaf: '2022-03-24' }]);
  });

  test('Wet arhi art. 40: the walk back answers as verantwoordelijkeCode forward, for every gemeente and day', () => {
    for (const lijst of [keten, definities])
      for (const code of [...codes, ...lijst.map((d) => d.gemeente.cbsCode)])
        for (const dag of [...dagen, '2022-03-23', '2022-03-24']) {
          const terug = overgenomenDoor(lijst, code);
          const zelf = verantwoordelijkeCode(lijst, code, dag) === code;
          for (const x of new Set([...codes, ...lijst.map((d) => d.gemeente.cbsCode)])) {
            if (x === code) continue;
            const verwacht = zelf && terug.some((o) => o.cbsCode === x && o.vanaf <= dag);
            expect([code, x, dag, verantwoordelijkeCode(lijst, x, dag) === code]).toEqual([code, x, dag, verwacht]);
          }
        }
  });
});

describe('a gemeente’s regeling on a day: the version in force that day (geldigVanaf and geldigTot are days of the regeling)', () => {
  const amsterdam = definities.find((d) => d.gemeente.cbsCode === 'GM0363')!;
  const versie = (v: string, geldigVanaf: IsoDate, geldigTot?: IsoDate): Definitie => {
    const { geldigTot: _weg, ...rest } = amsterdam;
    return { ...rest, versie: v, geldigVanaf, ...(geldigTot ? { geldigTot } : {}), gemeente: { cbsCode: 'GM9010', naam: 'Eendorp' } };
  };

  test('a version counts from its geldigVanaf through its geldigTot, both days included; before and after it none', () => {
    const alleen = [versie('2015-01', '2015-01-01', '2019-12-31')];
    for (const [dag, verwacht] of [
      ['2014-12-31', undefined],
      ['2015-01-01', '2015-01'],
      ['2019-12-31', '2015-01'],
      ['2020-01-01', undefined],
    ] as Array<[IsoDate, string | undefined]>)
      expect([dag, verantwoordelijkeVersie(alleen, 'GM9010', dag)?.versie]).toEqual([dag, verwacht]);
  });

  test('a version without geldigTot ends where the next begins: the newest start day wins, in whatever order the versions come', () => {
    const oud = versie('2015-01', '2015-01-01');
    const nieuw = versie('2020-01', '2020-01-01');
    for (const lijst of [
      [oud, nieuw],
      [nieuw, oud],
    ])
      for (const [dag, verwacht] of [
        ['2019-12-31', '2015-01'],
        ['2020-01-01', '2020-01'],
        ['2026-12-05', '2020-01'],
      ] as Array<[IsoDate, string]>)
        expect([dag, verantwoordelijkeVersie(lijst, 'GM9010', dag)?.versie]).toEqual([dag, verwacht]);
  });

  test('a gemeente’s name on a day is its own regeling’s in force that day (not its successor’s), else its newest; in whatever order', () => {
    const oud = { ...versie('2015-01', '2015-01-01'), gemeente: { cbsCode: 'GM9010', naam: 'Eendorp' } };
    const nieuw = { ...versie('2020-01', '2020-01-01', '2024-12-31'), gemeente: { cbsCode: 'GM9010', naam: 'Eendorp-Nieuw' } };
    for (const lijst of [
      [oud, nieuw],
      [nieuw, oud],
    ])
      for (const [dag, naam] of [
        ['2014-12-31', 'Eendorp-Nieuw'],
        ['2019-12-31', 'Eendorp'],
        ['2020-01-01', 'Eendorp-Nieuw'],
        ['2026-12-06', 'Eendorp-Nieuw'],
      ] as Array<[IsoDate, string]>)
        expect([dag, gemeenteNaamOp(lijst, 'gm9010', dag)]).toEqual([dag, naam]);
    // Weesp keeps its name after it went into Amsterdam (Wet arhi art. 40): a Weesp klacht is still Weesp's.
    expect(gemeenteNaamOp(definities, 'GM0457', '2026-12-06')).toBe('Weesp');
    expect(gemeenteNaamOp(definities, 'GM0363', '2026-12-06')).toBe('Amsterdam');
    expect(gemeenteNaamOp(definities, 'GM9999', '2026-12-06')).toBeUndefined();
  });
});
