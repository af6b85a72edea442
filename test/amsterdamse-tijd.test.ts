/**
 * The beheer forms ask a moment (the receipt of a klacht, "Gedaan op" of a step) as a day and a clock time in Dutch
 * time and send it as ISO 8601 with Amsterdam's offset: the termijnen run from that moment (Awb 9:11 lid 1, Algemene
 * termijnenwet). src/modules/web/assets/amsterdamse-tijd.js is plain browser JavaScript; it runs here as it is, in a
 * context of its own, as the page loads it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

type Tijd = { amsterdamsMoment(dag: string, tijd: string): string };

const BRON = join(__dirname, '../src/modules/web/assets/amsterdamse-tijd.js');

function laad(): Tijd {
  const wereld: { KlachtregieTijd?: Tijd } = {};
  runInNewContext(readFileSync(BRON, 'utf8'), wereld);
  return wereld.KlachtregieTijd as Tijd;
}

const { amsterdamsMoment } = laad();

/** The day and clock time Amsterdam's clock showed at a moment. */
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
function opDeKlok(iso: string): string {
  const p = Object.fromEntries(AMSTERDAM.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe('the moment of a beheer form in Dutch time (Awb 9:11 lid 1: the termijn runs from the moment of receipt)', () => {
  test('an ordinary day: winter time +01:00, summer time +02:00', () => {
    expect([amsterdamsMoment('2026-01-15', '09:00'), amsterdamsMoment('2026-06-01', '10:00')]).toEqual([
      '2026-01-15T09:00:00+01:00',
      '2026-06-01T10:00:00+02:00',
    ]);
  });

  test('29 March 2026 (summer time begins at 02:00): 00:00-01:59 are winter time, the moment the clock showed', () => {
    const uit = ['00:30', '01:30', '01:59', '03:00', '03:30'].map((t) => amsterdamsMoment('2026-03-29', t));
    expect(uit).toEqual([
      '2026-03-29T00:30:00+01:00',
      '2026-03-29T01:30:00+01:00',
      '2026-03-29T01:59:00+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T03:30:00+02:00',
    ]);
    expect(new Date(amsterdamsMoment('2026-03-29', '01:30')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(opDeKlok(amsterdamsMoment('2026-03-29', '01:30'))).toBe('2026-03-29 01:30');
  });

  test('25 October 2026 (winter time begins at 03:00 summer time): 01:00-01:59 are summer time, the moment the clock showed', () => {
    const uit = ['00:30', '01:30', '01:59', '03:00', '03:30'].map((t) => amsterdamsMoment('2026-10-25', t));
    expect(uit).toEqual([
      '2026-10-25T00:30:00+02:00',
      '2026-10-25T01:30:00+02:00',
      '2026-10-25T01:59:00+02:00',
      '2026-10-25T03:00:00+01:00',
      '2026-10-25T03:30:00+01:00',
    ]);
    expect(new Date(amsterdamsMoment('2026-10-25', '01:30')).toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(opDeKlok(amsterdamsMoment('2026-10-25', '01:30'))).toBe('2026-10-25 01:30');
  });

  test('25 October 2026 02:00-02:59 occurred twice: the earlier, in summer time', () => {
    expect(amsterdamsMoment('2026-10-25', '02:30')).toBe('2026-10-25T02:30:00+02:00');
    expect(new Date(amsterdamsMoment('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  test('29 March 2026 02:00-02:59 never showed on the clock: read in winter time, as a clock not yet put forward, so after the change and in order', () => {
    const uit = ['02:00', '02:30', '02:59'].map((t) => amsterdamsMoment('2026-03-29', t));
    expect(uit).toEqual(['2026-03-29T02:00:00+01:00', '2026-03-29T02:30:00+01:00', '2026-03-29T02:59:00+01:00']);
    expect(uit.map(opDeKlok)).toEqual(['2026-03-29 03:00', '2026-03-29 03:30', '2026-03-29 03:59']);
  });

  test('every half hour of 2026 and 2027 that the clock showed comes back as that day and time on the clock', () => {
    const fout: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 30 * 60_000) {
      const dag = new Date(t).toISOString().slice(0, 10);
      const tijd = new Date(t).toISOString().slice(11, 16);
      // The hour skipped when summer time begins (last Sunday of March, 02:00-02:59) is the case above.
      if (/^20\d\d-03-(2[5-9]|3[01])$/.test(dag) && tijd.startsWith('02:') && new Date(`${dag}T12:00:00Z`).getUTCDay() === 0) continue;
      const moment = amsterdamsMoment(dag, tijd);
      if (opDeKlok(moment) !== `${dag} ${tijd}`) fout.push(`${dag} ${tijd} -> ${moment}`);
    }
    expect(fout).toEqual([]);
  });

  test("the browser's own time zone does not matter (run in Node with that zone as its own)", () => {
    // A process of its own per zone: Jest's process.env is not the one Node reads its zone from.
    const script = `const { readFileSync } = require('node:fs'); const w = {};
      require('node:vm').runInNewContext(readFileSync(${JSON.stringify(BRON)}, 'utf8'), w);
      process.stdout.write(JSON.stringify([new Date(2026, 0, 1).getTimezoneOffset(),
        w.KlachtregieTijd.amsterdamsMoment('2026-03-29', '01:30'), w.KlachtregieTijd.amsterdamsMoment('2026-10-25', '01:30')]));`;
    const uit = ['America/New_York', 'Asia/Tokyo', 'UTC'].map((TZ) =>
      JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' })),
    );
    // The zones are in force (their offsets on 1 January), and the moments are Amsterdam's in each.
    expect(uit).toEqual([
      [300, '2026-03-29T01:30:00+01:00', '2026-10-25T01:30:00+02:00'],
      [-540, '2026-03-29T01:30:00+01:00', '2026-10-25T01:30:00+02:00'],
      [0, '2026-03-29T01:30:00+01:00', '2026-10-25T01:30:00+02:00'],
    ]);
  });
});
