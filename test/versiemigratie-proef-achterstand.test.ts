import type { Klok } from '../src/common/klok';
import { testdamVersies, vierWekenDanZes, type Act, type TestdamVersies } from './support/testdam-versies';

/**
 * Awb 9:11 lid 1 with 9:24 lid 1 sub b: a termijn passes on its day, whoever fires it. A version migration fires the
 * expiries whose wake-up has not run yet (the worker is behind; no worker here: ROLE=api) before it judges a klacht
 * (haalWekkersIn), so its dry run (migratieproef) must judge the klacht as so stepped, or it tells the beheerder what
 * the migration will not do: here, a migration refused for a reason the dry run never named, and a klacht the dry run
 * calls migreerbaar that the migration refuses.
 */
describe('versiemigratie: the dry run judges a klacht behind its wake-ups as the migration will', () => {
  let testdam: TestdamVersies;
  let nu = new Date('2024-05-01T12:00:00Z');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    // Klachtenregeling Testdam 2024-01: afhandeltermijn 4 weken; 2024-06 (from 1 June): 6 weken.
    testdam = await testdamVersies('versiemigratie_proef_achterstand', vierWekenDanZes(), klok);
  }, 60_000);

  afterAll(async () => {
    await testdam?.close();
  });

  /** A klacht received on 1 May 2024 on version 2024-01, with these acts (each at its own moment, the clock there). */
  const klachtMet = async (onderwerp: string, acts: Act[]) => {
    nu = new Date('2024-05-01T12:00:00Z');
    const id = await testdam.klacht(onderwerp);
    for (const act of acts) {
      nu = new Date(act.at);
      await testdam.stap(id, act);
    }
    return id;
  };

  /** The dry run's word on this klacht, then the migration's (409: the bezwaren per klacht; else none), at `op`. */
  const proefEnMigratie = async (klacht: string, op: string) => {
    nu = new Date(op);
    const proef = await testdam.proef('2024-06').expect(200);
    const inProef = (proef.body.klachten as Array<{ klachtId: string; migreerbaar: boolean; bezwaren: string[] }>).find(
      (k) => k.klachtId === klacht,
    );
    const migratie = await testdam.migreer('2024-06', [klacht], 'Klachtenregeling Testdam 2024-06');
    const geweigerd = (migratie.body.klachten as Array<{ klachtId: string; bezwaren: string[] }> | undefined)?.find(
      (k) => k.klachtId === klacht,
    );
    return {
      proef: { migreerbaar: inProef?.migreerbaar, bezwaren: inProef?.bezwaren },
      migratie: { migreerbaar: migratie.status === 200, bezwaren: geweigerd?.bezwaren ?? [] },
    };
  };

  it('Awb 9:11 lid 1, 9:24 lid 1 sub b: the afhandeltermijn that passed on 29 May 2024 (wake-up not run) is the dry run’s bezwaar on 3 June, as it is the migration’s', async () => {
    const klacht = await klachtMet('afhandeltermijn verstreken, wekker nog niet gelopen', [
      { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00Z' },
    ]);
    const { proef, migratie } = await proefEnMigratie(klacht, '2024-06-03T10:00:00Z');
    // Not the 14 days the stored klacht's running termijn would gain: it has passed, and its expiry does not fit 2024-06.
    expect(migratie.bezwaren).toEqual([
      expect.stringMatching(/^gebeurtenis 3 \(TERMIJN_VERLOPEN op 2024-05-29\) past niet in versie 2024-06/),
    ]);
    expect(proef).toEqual(migratie);
  });

  it('Awb 9:24 lid 1 sub a: a klacht whose klager’s year (from the afdoening) passed on 10 May 2025 (wake-up not run) is closed by it, so the dry run says it cannot be migrated, as the migration refuses it', async () => {
    const klacht = await klachtMet('jaar voor de ombudsman verstreken, wekker nog niet gelopen', [
      { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00Z' },
      { type: 'IN_BEHANDELING_NEMEN', at: '2024-05-03T09:00:00Z' },
      { type: 'HOREN_OVERSLAAN', at: '2024-05-04T09:00:00Z', data: { reden: 'afgezien' } },
      { type: 'AFDOENEN', at: '2024-05-10T09:00:00Z', data: { oordeel: 'gegrond' } },
    ]);
    const { proef, migratie } = await proefEnMigratie(klacht, '2025-06-03T10:00:00Z');
    expect(migratie).toEqual({ migreerbaar: false, bezwaren: ['de klacht is afgesloten'] });
    expect(proef).toEqual(migratie);
  });
});
