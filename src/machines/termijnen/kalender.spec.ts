import {
  atwFeestdag,
  atwFeestdagen,
  GELIJKGESTELDE_DAGEN_BEKEND,
  isWerkdag,
  kalenderdag,
  leesbareDatum,
  pasen,
  STANDAARD_GELIJKGESTELDE_DAGEN,
} from './index';
import { amsterdamseDagVanMoment, jaarVan } from './datum';

const plusDagen = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const kalenderdagNaam = (d: string) =>
  ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'][new Date(`${d}T00:00:00Z`).getUTCDay()];

describe('Atw art. 3: algemeen erkende feestdagen, computed per year', () => {
  it('Easter by the anonymous Gregorian algorithm matches known Easter Sundays', () => {
    expect(pasen(2024)).toBe('2024-03-31');
    expect(pasen(2025)).toBe('2025-04-20');
    expect(pasen(2026)).toBe('2026-04-05');
    expect(pasen(2027)).toBe('2027-03-28');
    expect(pasen(2038)).toBe('2038-04-25'); // latest possible Easter
    expect(pasen(2285)).toBe('2285-03-22'); // earliest possible Easter
  });

  it('Atw art. 3 lid 1: the statutory list for 2026 (Tweede Paasdag, Hemelvaartsdag = Pasen + 39, Tweede Pinksterdag, both Kerstdagen)', () => {
    const namen = Object.fromEntries(atwFeestdagen(2026).map((f) => [f.datum, f.naam]));
    expect(namen).toMatchObject({
      '2026-01-01': 'Nieuwjaarsdag',
      '2026-04-03': 'Goede Vrijdag',
      '2026-04-06': 'Tweede Paasdag',
      '2026-04-27': 'Koningsdag',
      '2026-05-05': 'Bevrijdingsdag (5 mei)',
      '2026-05-14': 'Hemelvaartsdag',
      '2026-05-25': 'Tweede Pinksterdag',
      '2026-12-25': 'Eerste Kerstdag',
      '2026-12-26': 'Tweede Kerstdag',
    });
    // Eerste Paasdag and Eerste Pinksterdag are not in the list (they are Sundays anyway), nor is 1 mei.
    expect(atwFeestdag('2026-04-05')).toBeUndefined();
    expect(atwFeestdag('2026-05-24')).toBeUndefined();
    expect(atwFeestdag('2026-05-01')).toBeUndefined();
  });

  it('Atw art. 3: Goede Vrijdag and 5 mei are holidays every year', () => {
    for (const jaar of [2026, 2027, 2028, 2029, 2031]) {
      expect(atwFeestdag(`${jaar}-05-05`)).toBe('Bevrijdingsdag (5 mei)');
    }
    expect(isWerkdag('2027-05-05')).toBe(false); // a Wednesday, not a lustrum year
    expect(isWerkdag('2029-05-05')).toBe(false); // a Saturday anyway, but still the holiday
    expect(atwFeestdag('2027-03-26')).toBe('Goede Vrijdag');
    expect(atwFeestdag('2029-03-30')).toBe('Goede Vrijdag');
    expect(isWerkdag('2027-03-26')).toBe(false);
  });

  it('Atw art. 3: Koningsdag is 26 april when 27 april is a Sunday', () => {
    expect(atwFeestdag('2025-04-26')).toBe('Koningsdag');
    expect(atwFeestdag('2025-04-27')).toBeUndefined();
    expect(atwFeestdag('2026-04-27')).toBe('Koningsdag');
    expect(atwFeestdag('2026-04-26')).toBeUndefined();
    expect(atwFeestdag('2031-04-26')).toBe('Koningsdag'); // 27 april 2031 is a Sunday
    // Before 2014 the day celebrated was Koninginnedag, 30 april.
    expect(atwFeestdag('2013-04-30')).toBe('Koninginnedag');
    expect(atwFeestdag('2013-04-27')).toBeUndefined();
  });

  it('Atw art. 3 lid 3: every decree day names its Koninklijk Besluit; unconfirmed bridge days (2015–2022) do not count', () => {
    for (const g of STANDAARD_GELIJKGESTELDE_DAGEN) {
      expect(g.bron).toMatch(g.zeker ? /gelijkstelling .* met een algemeen erkende feestdag/ : /^ONBEVESTIGD/);
      // A decree day is a weekday next to a holiday (never a weekend day: those never count anyway).
      expect(['maandag', 'vrijdag']).toContain(kalenderdagNaam(g.datum));
      if (g.toelichting === 'vrijdag na Hemelvaartsdag') expect(g.datum).toBe(plusDagen(pasen(Number(g.datum.slice(0, 4))), 40));
    }
    const onzeker = STANDAARD_GELIJKGESTELDE_DAGEN.filter((g) => !g.zeker).map((g) => g.datum);
    expect(onzeker).not.toContain('2022-05-27');
    expect(onzeker).toContain('2021-04-26');
    expect(onzeker.every((d) => d < '2023-01-01')).toBe(true);
    for (const d of onzeker) {
      expect(atwFeestdag(d)).toBeUndefined();
      expect(isWerkdag(d)).toBe(true);
    }
    expect(GELIJKGESTELDE_DAGEN_BEKEND).toEqual({ van: 2023, tot: 2028 });
  });

  it('Atw art. 3 lid 3: decree days from the configurable table', () => {
    const tabel = STANDAARD_GELIJKGESTELDE_DAGEN.filter((g) => g.zeker).map((g) => g.datum);
    expect(tabel).toEqual([
      '2015-05-15',
      '2016-05-06',
      '2017-05-26',
      '2018-05-11',
      '2019-05-31',
      '2020-05-22',
      '2021-05-14',
      '2022-05-27',
      '2023-04-28',
      '2023-05-19',
      '2024-05-10',
      '2024-12-27',
      '2025-05-30',
      '2026-01-02',
      '2026-05-15',
      '2027-05-07',
      '2028-04-28',
      '2028-05-26',
    ]);
    for (const d of tabel) {
      expect(atwFeestdag(d)).toMatch(/^Bij besluit gelijkgestelde dag/);
      expect(isWerkdag(d)).toBe(false);
    }
    // A gemeente whose contract werkdagen ignore decree days can switch the table off (docs/juridisch-kader.md §13).
    expect(isWerkdag('2026-05-15', { standaardGelijkgesteldeDagen: false })).toBe(true);
  });

  it('Atw art. 3 lid 3: a new decree day can be added via the kalender option', () => {
    expect(isWerkdag('2029-05-11')).toBe(true);
    expect(atwFeestdag('2029-05-11', { gelijkgesteldeDagen: ['2029-05-11'] })).toMatch(/gelijkgestelde dag/);
    expect(isWerkdag('2029-05-11', { gelijkgesteldeDagen: ['2029-05-11'] })).toBe(false);
  });

  it('docs/juridisch-kader.md §5.3: a werkdag is not a Saturday, Sunday, holiday, decree day or closure day of the gemeente', () => {
    expect(isWerkdag('2026-04-09')).toBe(true);
    expect(isWerkdag('2026-04-11')).toBe(false);
    expect(isWerkdag('2026-04-12')).toBe(false);
    expect(isWerkdag('2026-04-09', { sluitingsdagen: ['2026-04-09'] })).toBe(false);
    // A closure day is not an Atw holiday (Algemene termijnenwet art. 3 lid 3).
    expect(atwFeestdag('2026-04-09', { sluitingsdagen: ['2026-04-09'] })).toBeUndefined();
  });

  it('leesbareDatum writes a date as a klachtbehandelaar reads it', () => {
    expect(leesbareDatum('2026-04-02')).toBe('donderdag 2 april 2026');
    expect(leesbareDatum('2026-12-26')).toBe('zaterdag 26 december 2026');
  });

  it('vanaf is the Europe/Amsterdam calendar day, also across DST', () => {
    expect(kalenderdag('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 00:30 CET
    expect(kalenderdag('2026-03-29T22:30:00Z')).toBe('2026-03-30'); // 00:30 CEST, after the switch
    expect(kalenderdag('2026-10-25T21:59:59Z')).toBe('2026-10-25'); // 22:59 CET, after the switch back
    expect(kalenderdag('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    expect(kalenderdag('2026-06-30T23:59:00+02:00')).toBe('2026-06-30');
    expect(kalenderdag('2026-06-30T23:59')).toBe('2026-06-30'); // no offset: Amsterdam wall-clock time
    expect(kalenderdag('2026-06-30')).toBe('2026-06-30');
  });

  it('rejects dates that do not exist, with a Dutch message that says what to write', () => {
    expect(() => isWerkdag('2026-02-30')).toThrow(/schrijf een bestaande kalenderdag als JJJJ-MM-DD/);
    expect(() => kalenderdag('30-03-2026')).toThrow(/JJJJ-MM-DD/);
    expect(() => isWerkdag('2026-04-09', { sluitingsdagen: ['9 april'] })).toThrow(/sluitingsdag in de kalender/);
  });

  it('a kalender is read by its content at every use: a day added to the same object counts from then on, a bad day fails every time', () => {
    const kalender: { sluitingsdagen: string[] } = { sluitingsdagen: [] };
    expect(isWerkdag('2026-04-09', kalender)).toBe(true);
    kalender.sluitingsdagen.push('2026-04-09');
    expect(isWerkdag('2026-04-09', kalender)).toBe(false);
    const fout = { sluitingsdagen: ['9 april'] };
    expect(() => isWerkdag('2026-04-09', fout)).toThrow(/sluitingsdag in de kalender/);
    expect(() => isWerkdag('2026-04-09', fout)).toThrow(/sluitingsdag in de kalender/);
  });

  it('the year of a day is right on both sides of a new year, in whatever order the days are asked', () => {
    // The holiday lookup keeps the last year asked (jaarVan): 1 januari and 31 december of adjacent years, back and forth.
    for (const d of ['2026-12-31', '2027-01-01', '2026-12-31', '2025-01-01', '2027-01-01', '1969-12-31', '1970-01-01']) {
      const nieuwjaar = d.endsWith('01-01');
      expect(atwFeestdag(d)).toBe(nieuwjaar ? 'Nieuwjaarsdag' : undefined);
    }
    expect(atwFeestdag('2026-12-25')).toBe('Eerste Kerstdag');
    expect(atwFeestdag('2027-12-25')).toBe('Eerste Kerstdag');
  });

  it('the Amsterdam day of an instant is right at every minute around midnights and DST changes, in any order asked', () => {
    const referentie = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const momenten: number[] = [];
    // Around the 2026 changes (29 March, 25 October), a midnight in winter and in summer, and before 1980 (asked exactly).
    for (const begin of [
      '2026-03-28T20:00:00Z',
      '2026-10-24T20:00:00Z',
      '2026-01-14T20:00:00Z',
      '2026-07-14T20:00:00Z',
      '1977-04-02T20:00:00Z',
    ]) {
      for (let m = 0; m < 10 * 60; m += 7) momenten.push(Date.parse(begin) + m * 60_000 + (m % 13) * 1_000);
    }
    // Asked back and forth, so an hour kept from one question answers a later one.
    for (const ms of [...momenten, ...momenten.reverse()]) {
      expect(kalenderdag(new Date(ms).toISOString())).toBe(referentie.format(ms));
    }
  });

  it('the year of a day and the Amsterdam day of an instant hold at the ends of what a Date can hold', () => {
    const dagVan = (jaar: number, maand: number, dag: number) => {
      const d = new Date(0);
      d.setUTCFullYear(jaar, maand - 1, dag);
      return Math.round(d.getTime() / 86_400_000);
    };
    // Years before 100 (Date.UTC would read 50 as 1950) and the years after them, in this order.
    for (const [jaar, dag] of [
      [50, dagVan(50, 6, 1)],
      [1950, dagVan(1950, 6, 1)],
      [-1, dagVan(-1, 6, 1)],
      [1850, dagVan(1850, 6, 1)],
      [2026, dagVan(2026, 6, 1)],
    ]) {
      expect(jaarVan(dag)).toBe(jaar);
    }
    // The last instant a Date can hold: its hour is checked up to that instant, not past it.
    expect(amsterdamseDagVanMoment(8.64e15)).toBe(100_000_000);
  });
});
