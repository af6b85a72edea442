import { leesDatum, naarIso } from './datum';
import { beschrijfDuur, plusDuur, plusMaanden } from './duur';
import { addDays, addMonths, addWeeks, addYears, parseDuur } from './index';

describe('ISO 8601 durations for legal terms', () => {
  it('parses PnD, PnW, PnM and PnY', () => {
    expect(parseDuur('P5D')).toEqual({ aantal: 5, eenheid: 'D', tekst: 'P5D' });
    expect(parseDuur('P6W')).toEqual({ aantal: 6, eenheid: 'W', tekst: 'P6W' });
    expect(parseDuur('P1M')).toEqual({ aantal: 1, eenheid: 'M', tekst: 'P1M' });
    expect(parseDuur('P1Y')).toEqual({ aantal: 1, eenheid: 'Y', tekst: 'P1Y' });
  });

  it('Atw art. 4: rejects terms in hours with a Dutch message that says what to write instead', () => {
    expect(() => parseDuur('PT24H')).toThrow(/uren.*Atw art\. 4.*reken in dagen/);
    expect(() => parseDuur('PT24H')).toThrow(/bijvoorbeeld P5D .*P6W/);
    expect(() => parseDuur('P1DT2H')).toThrow(/Ongeldige duur/);
  });

  it('rejects combined units, lower case, negatives and free text', () => {
    expect(() => parseDuur('P2M2W')).toThrow(/één eenheid/);
    for (const fout of ['p6w', 'P-1W', '6 weken', 'P', 'P1.5W', '']) {
      expect(() => parseDuur(fout)).toThrow(/Ongeldige duur/);
    }
  });

  it('docs/juridisch-kader.md §5.3: weeks end on the same weekday', () => {
    expect(addWeeks('2026-04-02', 6)).toBe('2026-05-14');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // across the DST switch, no shifted day
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('docs/juridisch-kader.md §5.3: months keep the day-number; a missing day becomes the last day of the month (assumption, docs/juridisch-kader.md §5.3)', () => {
    expect(addMonths('2026-03-16', 1)).toBe('2026-04-16');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-05-05', 1)).toBe('2027-05-05');
  });
});

describe('durations at their edges', () => {
  it('a combined duration is told to use one unit; something that merely contains one is not', () => {
    const melding = (tekst: string) => {
      try {
        parseDuur(tekst);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    const eenEenheid = /Gebruik één eenheid/;
    expect(melding('P10M2W')).toMatch(eenEenheid);
    expect(melding('P1Y2M3D')).toMatch(eenEenheid);
    for (const geen of ['xP2M2W', 'P2M2Wx', 'P2MxW', 'PaMbW', 'P6Q', 'P6W2Q'])
      expect([geen, melding(geen)]).toEqual([geen, expect.not.stringMatching(eenEenheid)]);
  });

  it('the Dutch description: singular for one, plural otherwise; werkdagen only when asked', () => {
    expect(beschrijfDuur(parseDuur('P1D'))).toBe('1 dag');
    expect(beschrijfDuur(parseDuur('P2D'))).toBe('2 dagen');
    expect(beschrijfDuur(parseDuur('P1D'), true)).toBe('1 werkdag');
    expect(beschrijfDuur(parseDuur('P5D'), true)).toBe('5 werkdagen');
    expect(beschrijfDuur(parseDuur('P1W'))).toBe('1 week');
    expect(beschrijfDuur(parseDuur('P6W'))).toBe('6 weken');
    expect(beschrijfDuur(parseDuur('P6W'), true)).toBe('6 weken');
    expect(beschrijfDuur(parseDuur('P1M'))).toBe('1 maand');
    expect(beschrijfDuur(parseDuur('P3M'))).toBe('3 maanden');
    expect(beschrijfDuur(parseDuur('P2Y'))).toBe('2 jaar');
  });

  it('the last day of a month is kept when the target month has it, and years count as twelve months both ways', () => {
    expect(plusMaanden(leesDatum('2026-01-30'), 2)).toEqual({ dag: leesDatum('2026-03-30') });
    expect(plusMaanden(leesDatum('2026-03-31'), 1)).toEqual({
      dag: leesDatum('2026-04-30'),
      afgekaptVan: { jaar: 2026, maand: 4, dag: 31 },
    });
    expect(plusMaanden(leesDatum('2026-05-31'), 2)).toEqual({ dag: leesDatum('2026-07-31') });
    expect(naarIso(plusDuur(leesDatum('2026-05-05'), parseDuur('P2Y')).dag)).toBe('2028-05-05');
    expect(naarIso(plusDuur(leesDatum('2026-05-05'), parseDuur('P2Y'), -1).dag)).toBe('2024-05-05');
    expect(naarIso(plusDuur(leesDatum('2026-05-05'), parseDuur('P3D'), -1).dag)).toBe('2026-05-02');
    expect(addYears('2026-05-05', 3)).toBe('2029-05-05');
  });
});
