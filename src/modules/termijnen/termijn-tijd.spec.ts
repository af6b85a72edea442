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

describe('a last day is a calendar day', () => {
  it('a vervaldatum that is no calendar day (an instant, or a day with text around it) is refused, not cut to a day', () => {
    for (const geen of ['2026-05-18T10:00:00Z', 'x2026-05-18', '2026-05-18 ', '18-05-2026', 'morgen']) {
      expect(() => eindVanDag(geen)).toThrow(`Not a calendar day (YYYY-MM-DD): ${geen}`);
      expect(() => beginVanDag(geen)).toThrow(`Not a calendar day (YYYY-MM-DD): ${geen}`);
    }
  });
});

describe('the day starts kept (issue 17: the time zone arithmetic is the costliest part of a step)', () => {
  /** A fresh module, so the kept day starts are known, and how often it does the time zone arithmetic. */
  function vers(): { beginVanDag: (d: string) => Date; rekent: () => number; herstel: () => void } {
    let mod!: typeof import('./termijn-tijd');
    jest.isolateModules(() => {
      // isolateModules takes a synchronous require: a fresh copy of the module and its store.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('./termijn-tijd') as typeof import('./termijn-tijd');
    });
    const spion = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    return { beginVanDag: mod.beginVanDag, rekent: () => spion.mock.calls.length, herstel: () => spion.mockRestore() };
  }
  const dag = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);

  it('a day asked again is not computed again, also after other days were asked; each answer is a Date of its own', () => {
    const t = vers();
    try {
      const a = t.beginVanDag('2026-03-29');
      t.beginVanDag('2026-10-25');
      const n = t.rekent();
      expect(n).toBeGreaterThan(0);
      a.setTime(0);
      expect(t.beginVanDag('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
      expect(t.beginVanDag('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
      expect(t.rekent()).toBe(n);
    } finally {
      t.herstel();
    }
  });

  it('a worker that runs for years keeps at most 10,000 day starts: the 10,001st new day starts the store afresh', () => {
    const t = vers();
    try {
      for (let i = 0; i < 10_000; i++) t.beginVanDag(dag(i));
      const n = t.rekent();
      t.beginVanDag(dag(0));
      expect(t.rekent()).toBe(n);
      t.beginVanDag(dag(10_000));
      const m = t.rekent();
      expect(m).toBeGreaterThan(n);
      // The store was emptied for the new day, so the first day is computed again.
      expect(t.beginVanDag(dag(0)).toISOString()).toBe('1999-12-31T23:00:00.000Z');
      expect(t.rekent()).toBeGreaterThan(m);
    } finally {
      t.herstel();
    }
  });
});
