import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Klok } from '../src/common/klok';
import type { TestApp } from './support/app';
import { testdamVersies, vierWekenDanZes, type TestdamVersies } from './support/testdam-versies';

/**
 * Awb 9:11 lid 1 with 9:24 lid 1 sub b: an afhandeltermijn that passed on the klacht's own version (the klager was told
 * its date in the ontvangstbevestiging, Awb 9:6) stays passed when the klacht is migrated to a newer version later, also
 * when the worker had not yet fired its wake-up at the moment of the migration (no worker here: ROLE=api). The migration
 * runs that wake-up first (termijnen/achterstand.ts haalWekkersIn), as every event and the hand-over do, so it decides
 * exactly as when the worker had been on time: the replay of the expiry does not fit the version with the longer
 * termijn, and the migration is refused.
 */
describe('versiemigratie after a passed termijn whose wake-up had not run', () => {
  let testdam: TestdamVersies;
  let t: TestApp;
  let behandelaar: string;
  let klacht: string;
  let nu = new Date('2024-05-02T12:00:00Z');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    // Klachtenregeling Testdam 2024-01: afhandeltermijn 4 weken; 2024-06 (from 1 June): 6 weken.
    testdam = await testdamVersies('versiemigratie_achterstand', vierWekenDanZes(), klok);
    ({ t, behandelaar } = testdam);
    klacht = await testdam.klacht('afhandeltermijn verstreken, wekker nog niet gelopen');
    await testdam.stap(klacht, { type: 'FORMELE_BEHANDELING', at: '2024-05-02T09:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await testdam?.close();
  });

  const afhandeling = async () =>
    (await t.app
      .get(DataSource)
      .query(
        `select status, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling' order by created_at`,
        [klacht],
      )) as Array<{ status: string; vervaldatum: string }>;

  it('Awb 9:11 lid 1, 9:24 lid 1 sub b: the afhandeltermijn that passed on 29 May 2024 is still passed (te laat) after a migration on 3 June to a version with a longer termijn', async () => {
    // The afhandeltermijn of version 2024-01 ended on Wednesday 29 May 2024; on Monday 3 June the gemeente is late.
    nu = new Date('2024-06-03T10:00:00Z');
    const voor = await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', behandelaar).expect(200);
    expect(voor.body.teLaat).toBe(true);
    expect(await afhandeling()).toEqual([{ status: 'lopend', vervaldatum: '2024-05-29' }]);

    const res = await testdam.migreer('2024-06', [klacht], 'Klachtenregeling Testdam 2024-06');

    const na = await request(t.http).get(`/api/v1/klachten/${klacht}`).set('Authorization', behandelaar).expect(200);
    // The passed termijn is not turned back into a running one with a later date; the klacht stays late on it, on its
    // own version, and the expiry is on record.
    expect({ teLaat: na.body.teLaat, versie: na.body.definitieVersie, afhandeling: await afhandeling() }).toEqual({
      teLaat: true,
      versie: '2024-01',
      afhandeling: [{ status: 'verlopen', vervaldatum: '2024-05-29' }],
    });
    // Refused, as when the worker had been on time: the expiry of 29 May does not fit a version whose termijn ends 12 June.
    expect([res.status, res.body.code]).toEqual([409, 'migratie-geweigerd']);
    expect(res.body.klachten).toEqual([
      {
        klachtId: klacht,
        bezwaren: [expect.stringMatching(/^gebeurtenis 3 \(TERMIJN_VERLOPEN op 2024-05-29\) past niet in versie 2024-06/)],
      },
    ]);
  });
});
