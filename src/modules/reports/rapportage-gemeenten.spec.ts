import { momentAanbiederGemeenten, momentNaOpheffing } from './rapportage-gemeenten';
import type { RapportageMoment } from './rapportage-momenten';

/** A moment with only what momentNaOpheffing reads (soort, period, deadline); the rest is carried along unchanged. */
function moment(soort: RapportageMoment['soort'], periodeVan: string, periodeTot: string, deadline: string): RapportageMoment {
  return { soort, cadans: soort === 'jaarverslag' ? 'jaar' : 'kwartaal', periodeVan, periodeTot, deadline, indientijdDagen: 0, naar: 'contractmanager', inhoud: [], label: 'x' };
}

// Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022; Amsterdam reports per quarter, a month after it ends.
const WEESP = 'GM0457';
const AMSTERDAM_KWARTALEN = [
  moment('aanbieders', '2021-10-01', '2021-12-31', '2022-02-01'),
  moment('aanbieders', '2022-01-01', '2022-03-31', '2022-05-01'),
  moment('aanbieders', '2022-04-01', '2022-06-30', '2022-08-01'),
];

describe('momentNaOpheffing (Wet arhi art. 40: a dissolved gemeente\'s moment keeps only what its successor does not count)', () => {
  test('Wet arhi art. 40: a moment due on or before the opheffing day stays whole (the dissolved gemeente reports it itself)', () => {
    const m = moment('aanbieders', '2021-05-01', '2021-10-31', '2021-12-01');
    expect(momentNaOpheffing(WEESP, m, AMSTERDAM_KWARTALEN)).toBe(m);
    const opDeDag = moment('aanbieders', '2021-05-01', '2021-10-31', '2022-03-24');
    expect(momentNaOpheffing(WEESP, opDeDag, AMSTERDAM_KWARTALEN)).toBe(opDeDag);
  });

  test('Wet arhi art. 40: a moment due after the opheffing keeps the days before the successor\'s first period that ends on or after that day (Weesp vóór 1 juli 2022: 1 november - 31 december 2021)', () => {
    const m = moment('aanbieders', '2021-11-01', '2022-03-23', '2022-07-01');
    expect(momentNaOpheffing(WEESP, m, AMSTERDAM_KWARTALEN)).toEqual({ ...m, periodeTot: '2021-12-31' });
  });

  test('Wet arhi art. 40: when the successor counts the whole period nothing is left and the moment drops (Weesp\'s jaaroverzicht over 2022)', () => {
    const jaar = moment('jaarverslag', '2022-01-01', '2022-03-23', '2023-01-01');
    expect(momentNaOpheffing(WEESP, jaar, [moment('jaarverslag', '2022-01-01', '2022-12-31', '2023-01-01')])).toBeUndefined();
  });

  test('Wet arhi art. 40: only successor moments of the same soort cover it; without them the moment stays whole (no klacht left out)', () => {
    const m = moment('aanbieders', '2021-11-01', '2022-03-23', '2022-07-01');
    expect(momentNaOpheffing(WEESP, m, [])).toBe(m);
    expect(momentNaOpheffing(WEESP, m, [moment('jaarverslag', '2022-01-01', '2022-12-31', '2023-01-01')])).toBe(m);
    // A successor period that ended before the opheffing does not count the dissolved gemeente (its last day decides).
    expect(momentNaOpheffing(WEESP, m, [AMSTERDAM_KWARTALEN[0]])).toBe(m);
  });

  test('a gemeente that still exists keeps every moment whole', () => {
    const m = moment('aanbieders', '2022-01-01', '2022-03-31', '2022-05-01');
    expect(momentNaOpheffing('GM0363', m, [])).toBe(m);
  });
});

describe('momentAanbiederGemeenten (Klachtenprotocol Wmo keten Amsterdam §10; Wet arhi art. 40: whose aanbieders report on a moment)', () => {
  test("Amsterdam's quarter in which Weesp went into it is owed by the aanbieders of both gemeenten, each on its own gemeente's klachten", () => {
    expect(momentAanbiederGemeenten('GM0363', { tot: '2022-03-31' })).toEqual(['GM0363', WEESP]);
    expect(momentAanbiederGemeenten('GM0363', { tot: '2022-06-30' })).toEqual(['GM0363', WEESP]);
  });

  test("a period that ended before the herindeling is owed by Amsterdam's aanbieders only (Weesp's report that period on Weesp's own moment)", () => {
    expect(momentAanbiederGemeenten('GM0363', { tot: '2021-12-31' })).toEqual(['GM0363']);
    expect(momentAanbiederGemeenten('GM0363', { tot: '2022-03-23' })).toEqual(['GM0363']);
    expect(momentAanbiederGemeenten(WEESP, { tot: '2021-12-31' })).toEqual([WEESP]);
  });
});
