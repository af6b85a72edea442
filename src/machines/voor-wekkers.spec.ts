import type { AnyMachineSnapshot } from 'xstate';
import type { KlachtContext } from './compiler/types';
import { voorDeWekkers } from './voor-wekkers';

/** A snapshot whose last step was a wake-up at midnight after the last day (18 May 2026), or none when `voor` is false. */
function na(opties: { status?: 'active' | 'done'; voor?: boolean } = {}): AnyMachineSnapshot {
  const context: Partial<KlachtContext> = {
    nu: '2026-05-19T00:00:00+02:00',
    ...(opties.voor === false
      ? {}
      : {
          voorWekkers: { snapshot: { waar: 'voor de wekker' }, wekkers: [{ type: 'TERMIJN_VERLOPEN', at: '2026-05-19T00:00:00+02:00' }] },
        }),
  };
  return { status: opties.status ?? 'active', context } as unknown as AnyMachineSnapshot;
}
const VOOR = { context: { waar: 'hersteld' } } as unknown as AnyMachineSnapshot;
const herstel = (snapshot: unknown) => {
  expect(snapshot).toEqual({ waar: 'voor de wekker' });
  return VOOR;
};

describe('Awb 9:11 lid 1 and 2: the klacht as it was before the wake-ups since its last act', () => {
  it('Awb 9:11 lid 2: after a wake-up the klacht offers the steps of before it (a verdaging of the last day)', () => {
    expect(voorDeWekkers(na(), herstel)?.klacht).toBe(VOOR);
  });

  it('Awb 9:11 lid 1: an act done on the last day, before the wake-up, is stepped and checked before it', () => {
    const voor = voorDeWekkers(na(), herstel, { at: '2026-05-18T16:00:00+02:00' });
    expect(voor?.klacht).toBe(VOOR);
    // With the wake-ups to step again after it, those that still apply.
    expect(voor?.wekkers).toEqual([{ type: 'TERMIJN_VERLOPEN', at: '2026-05-19T00:00:00+02:00' }]);
  });

  it('an act at or after the wake-up is not: it follows the klacht as it is now', () => {
    expect(voorDeWekkers(na(), herstel, { at: '2026-05-19T00:00:00+02:00' })).toBeUndefined();
    expect(voorDeWekkers(na(), herstel, { at: '2026-05-19T09:00:00+02:00' })).toBeUndefined();
  });

  it('Awb 9:24: a klacht a wake-up closed shows no steps, but an act of before the wake-up (the year’s last day) is still stepped there', () => {
    expect(voorDeWekkers(na({ status: 'done' }), herstel)).toBeUndefined();
    expect(voorDeWekkers(na({ status: 'done' }), herstel, { at: '2026-05-18T16:00:00+02:00' })?.klacht).toBe(VOOR);
  });

  it('no wake-up since the last act: nothing before it', () => {
    expect(voorDeWekkers(na({ voor: false }), herstel)).toBeUndefined();
    expect(voorDeWekkers(na({ voor: false }), herstel, { at: '2026-05-18T16:00:00+02:00' })).toBeUndefined();
  });
});
