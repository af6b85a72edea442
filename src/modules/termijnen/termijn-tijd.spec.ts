import { beginVanDag, dagVan, eindVanDag } from './termijn-tijd';

describe('termijn instants in Europe/Amsterdam', () => {
  it('a termijn whose last day is 18 May 2026 (CEST) passes at midnight into 19 May, 22:00 UTC', () => {
    expect(eindVanDag('2026-05-18').toISOString()).toBe('2026-05-18T22:00:00.000Z');
  });

  it('in winter time the day ends at 23:00 UTC', () => {
    expect(eindVanDag('2026-01-15').toISOString()).toBe('2026-01-15T23:00:00.000Z');
  });

  it('across the DST switch (last Sunday of March) the end of Saturday is still local midnight', () => {
    expect(eindVanDag('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(eindVanDag('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(eindVanDag('2026-10-24').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(eindVanDag('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('the end of 31 December rolls into the next year', () => {
    expect(eindVanDag('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('beginVanDag and dagVan are inverse', () => {
    for (const d of ['2026-03-29', '2026-10-25', '2026-07-01', '2027-02-28']) {
      expect(dagVan(beginVanDag(d))).toBe(d);
    }
  });
});
