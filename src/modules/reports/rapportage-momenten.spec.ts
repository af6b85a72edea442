import { join } from 'node:path';
import { loadAndValidate } from '../../machines/definition/validate';
import type { Definitie } from '../../machines/definition/types';
import { addDays } from '../../machines/termijnen';
import { beginVanDag } from '../termijnen/termijn-tijd';
import { eigenVersie } from '../../machines/verantwoordelijke';
import { laatsteDag, rapportageMomenten } from './rapportage-momenten';

function seed(id: string): Definitie {
  // The whole folder: a merged gemeente (Weesp) validates together with its successor.
  const { definities, errors } = loadAndValidate([join(__dirname, '../../../definitions')]);
  expect(errors).toEqual([]);
  return definities.find((d) => d.id === id)!.definitie;
}

describe('rapportageMomenten', () => {
  test('Uitgangspunten klachtenmanagement Stichtse Vecht art. 11.1: reports due before 1 July and before 1 December, each on a half year that ended before, with a reminder two weeks ahead', () => {
    const m = rapportageMomenten(seed('gm1904-stichtse-vecht'), 2026).filter((x) => x.soort === 'aanbieders');
    expect(m.map((x) => [x.deadline, x.periodeVan, x.periodeTot, x.herinnering, x.indientijdDagen])).toEqual([
      ['2026-07-01', '2025-11-01', '2026-04-30', '2026-06-17', 61],
      ['2026-12-01', '2026-05-01', '2026-10-31', '2026-11-17', 30],
    ]);
    expect(m.every((x) => x.naar === 'contractmanager' && x.cadans === 'halfjaar')).toBe(true);
    expect(m[0].inhoud).toEqual(['aard', 'oorzaak', 'afwikkeling', 'maatregelen']);
    expect(m[0].label).toBe('Halfjaarrapportage aanbieders, vóór 1 juli 2026');
  });

  test('Stichtse Vecht: the first report (July 2015, "voor het eerst in juli 2015") covers only the time since the definition took effect', () => {
    const m = rapportageMomenten(seed('gm1904-stichtse-vecht'), 2015).filter((x) => x.soort === 'aanbieders');
    expect(m[0]).toMatchObject({ deadline: '2015-07-01', periodeVan: '2015-01-01', periodeTot: '2015-04-30' });
  });

  test('Klachtenprotocol Wmo keten Amsterdam §10: quarterly per ketenpartner, each calendar quarter due a month after it ends (Q4 in the next year)', () => {
    const m = rapportageMomenten(seed('gm0363-amsterdam'), 2026).filter((x) => x.soort === 'aanbieders');
    expect(m.map((x) => [x.deadline, x.periodeVan, x.periodeTot])).toEqual([
      ['2026-02-01', '2025-10-01', '2025-12-31'],
      ['2026-05-01', '2026-01-01', '2026-03-31'],
      ['2026-08-01', '2026-04-01', '2026-06-30'],
      ['2026-11-01', '2026-07-01', '2026-09-30'],
    ]);
    expect(m.every((x) => x.herinnering === undefined)).toBe(true);
  });

  test('no aanbieder report of any seed is overdue at the moment its period ends (every year since 2015)', () => {
    for (const id of ['gm1904-stichtse-vecht', 'gm0457-weesp', 'gm0363-amsterdam', 'gm1696-wijdemeren']) {
      const def = seed(id);
      for (let jaar = 2015; jaar <= 2030; jaar++) {
        for (const m of rapportageMomenten(def, jaar).filter((x) => x.soort === 'aanbieders')) {
          // The period ends at 24:00 on periodeTot; the deadline job fires at 00:00 on the deadline day.
          expect({ id, deadline: m.deadline, periodeTot: m.periodeTot, overdueAtEnd: beginVanDag(m.deadline) <= beginVanDag(addDays(m.periodeTot, 1)) }).toEqual({ id, deadline: m.deadline, periodeTot: m.periodeTot, overdueAtEnd: false });
          expect(m.indientijdDagen).toBeGreaterThanOrEqual(28);
        }
      }
    }
  });

  test('an older definition with only deadlines keeps its meaning (each period ends the day before its deadline), which the lint refuses', () => {
    const def = seed('gm1904-stichtse-vecht');
    const oud = { ...def, rapportage: { ...def.rapportage, aanbieders: { ...def.rapportage.aanbieders!, perioden: undefined, deadlines: ['07-01', '12-01'] } } };
    expect(rapportageMomenten(oud, 2026).filter((x) => x.soort === 'aanbieders').map((x) => [x.deadline, x.periodeVan, x.periodeTot, x.indientijdDagen])).toEqual([
      ['2026-07-01', '2025-12-01', '2026-06-30', 0],
      ['2026-12-01', '2026-07-01', '2026-11-30', 0],
    ]);
  });

  test('Awb 9:12a: every seed gemeente gets a yearly overview of the previous year; Wijdemeren has no aanbieder reports', () => {
    for (const id of ['gm1904-stichtse-vecht', 'gm1696-wijdemeren', 'gm0363-amsterdam']) {
      const j = rapportageMomenten(seed(id), 2026).filter((x) => x.soort === 'jaarverslag');
      expect(j).toEqual([expect.objectContaining({ deadline: '2026-01-01', periodeVan: '2025-01-01', periodeTot: '2025-12-31' })]);
    }
    expect(rapportageMomenten(seed('gm1696-wijdemeren'), 2026).filter((x) => x.soort === 'aanbieders')).toEqual([]);
  });

  test('Weesp (merged into Amsterdam on 24 March 2022): the last report covers up to 23 March 2022, after that nothing is due', () => {
    const def = seed('gm0457-weesp');
    expect(rapportageMomenten(def, 2022).map((x) => [x.soort, x.deadline, x.periodeVan, x.periodeTot])).toEqual([
      ['jaarverslag', '2022-01-01', '2021-01-01', '2021-12-31'],
      ['aanbieders', '2022-07-01', '2021-11-01', '2022-03-23'],
    ]);
    expect(rapportageMomenten(def, 2023).filter((x) => x.soort === 'aanbieders')).toEqual([]);
    expect(rapportageMomenten(def, 2023).filter((x) => x.soort === 'jaarverslag').map((x) => x.periodeTot)).toEqual(['2022-03-23']);
  });

  test('docs/definities.md: a version without geldigTot is in force up to the day before the next version of its gemeente begins; its reports stop there', () => {
    const oud = seed('gm1904-stichtse-vecht');
    const nieuw = { ...oud, versie: '2026-06', geldigVanaf: '2026-06-01' };
    const later = { ...oud, versie: '2027-01', geldigVanaf: '2027-01-01' };
    const ander = { ...seed('gm0363-amsterdam'), geldigVanaf: '2026-03-01' };
    expect(laatsteDag(oud, [oud, later, nieuw, ander])).toBe('2026-05-31');
    expect(laatsteDag(nieuw, [oud, later, nieuw, ander])).toBe('2026-12-31');
    expect(laatsteDag(later, [oud, later, nieuw, ander])).toBeUndefined();
    // An own geldigTot before the next version begins decides.
    expect(laatsteDag({ ...oud, geldigTot: '2026-04-30' }, [oud, nieuw])).toBe('2026-04-30');
    expect(laatsteDag(seed('gm0457-weesp'), [seed('gm0457-weesp'), seed('gm0363-amsterdam')])).toBe('2022-03-23');
    expect(
      rapportageMomenten(oud, 2026, '2026-05-31').map((x) => [x.soort, x.deadline, x.periodeVan, x.periodeTot]),
    ).toEqual([
      ['jaarverslag', '2026-01-01', '2025-01-01', '2025-12-31'],
      ['aanbieders', '2026-07-01', '2025-11-01', '2026-04-30'],
      ['aanbieders', '2026-12-01', '2026-05-01', '2026-05-31'],
    ]);
    expect(rapportageMomenten(oud, 2027, '2026-05-31').map((x) => [x.soort, x.periodeVan, x.periodeTot])).toEqual([
      ['jaarverslag', '2026-01-01', '2026-05-31'],
    ]);
    // One rule with the engine's lookup of the version in force (verantwoordelijke.ts eigenVersie): a version's days are
    // from its geldigVanaf to laatsteDag, on every day from 2025 to 2027, also with a version that ends with a geldigTot.
    const beperkt = { ...later, versie: '2027-01', geldigTot: '2027-06-30' };
    const alle = [oud, nieuw, beperkt, ander];
    for (let d = Date.parse('2025-12-01T00:00:00Z'); d < Date.parse('2027-12-31T00:00:00Z'); d += 86_400_000) {
      const dag = new Date(d).toISOString().slice(0, 10);
      const inWerking = [oud, nieuw, beperkt].find((v) => v.geldigVanaf <= dag && dag <= (laatsteDag(v, alle) ?? '9999-12-31'));
      expect([dag, inWerking?.versie]).toEqual([dag, eigenVersie(alle, 'GM1904', dag)?.versie]);
    }
  });

  test('a deadline that is not MM-DD is refused with what to write instead', () => {
    const def = seed('gm1904-stichtse-vecht');
    const fout = { ...def, rapportage: { ...def.rapportage, aanbieders: { ...def.rapportage.aanbieders!, perioden: [{ periodeTot: '04-30', deadline: '1 juli' }] } } };
    expect(() => rapportageMomenten(fout, 2026)).toThrow(/schrijf MM-DD, bijvoorbeeld '07-01'/);
  });
});
