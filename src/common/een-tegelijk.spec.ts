import { EenTegelijk } from './een-tegelijk';

describe('EenTegelijk: a sweep never overlaps itself', () => {
  test('a call while a run is going shares it; the next call after it starts a new run', async () => {
    let runs = 0;
    let los: () => void = () => undefined;
    const e = new EenTegelijk('sweep', { error: () => undefined });
    const werk = () => {
      runs++;
      return new Promise<void>((r) => (los = r));
    };
    const a = e.run(werk);
    const b = e.run(werk);
    await Promise.resolve();
    expect(runs).toBe(1);
    los();
    await Promise.all([a, b]);
    await e.run(async () => {
      runs++;
    });
    expect(runs).toBe(2);
  });

  test('a failing run is logged with its name and does not throw; the next run goes ahead', async () => {
    const fouten: string[] = [];
    const e = new EenTegelijk('Termijn sweep', { error: (m) => fouten.push(m) });
    await expect(e.run(() => Promise.reject(new Error('database weg')))).resolves.toBeUndefined();
    expect(fouten).toEqual(['Termijn sweep failed: database weg']);
    let gedaan = false;
    await e.run(async () => {
      gedaan = true;
    });
    expect(gedaan).toBe(true);
    await e.klaar();
  });
});
