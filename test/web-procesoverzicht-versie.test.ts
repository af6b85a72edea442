import request from 'supertest';
import { join } from 'node:path';
import { KLOK, type Klok } from '../src/common/klok';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../src/machines/definition/test-fixture';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createTestApp, type TestApp } from './support/app';

/**
 * One regeling per day (docs/definities.md, Awb 9:1): the process owner's pages (diagram, paden) open the first
 * definition version of GET /procesoverzichten. That is the version the gemeente's klachten run on today, not a version
 * published ahead of its geldigVanaf, which the version string alone would put first.
 */
describe('GET /procesoverzichten: the version in force today first', () => {
  let db: TestDatabase;
  let t: TestApp;
  let eigenaar: string;
  let nu = new Date('2026-06-01T10:00:00+02:00');
  const klok: Klok = { nu: () => new Date(nu.getTime()) };

  beforeAll(async () => {
    const root = schrijfBestanden({
      // Klachtenregeling Testdam 2024-01, and 2027-01 published ahead of its day, 1 January 2027.
      [TESTDAM]: basisVersie('2024-01', '2024-01-01', undefined),
      'definitions/gm0355-zeist/2027-01.yaml': basisVersie('2027-01', '2027-01-01', undefined),
    });
    db = await createTestDatabase('web_procesoverzicht_versie');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', DEFINITIONS_DIR: join(root, 'definitions') },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    eigenaar = await bearer(t.app, 'GM0355', 'procesEigenaar');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    ruimTijdelijkeMappenOp();
  });

  const versies = async () => {
    const r = await request(t.http).get('/api/v1/procesoverzichten').set('Authorization', eigenaar).expect(200);
    return (r.body as Array<{ id: string; versie: string }>).map((d) => `${d.id} ${d.versie}`);
  };

  it('on 1 June 2026 the page opens version 2024-01, in force, not 2027-01, which begins on 1 January 2027', async () => {
    nu = new Date('2026-06-01T10:00:00+02:00');
    expect(await versies()).toEqual(['gm0355-zeist 2024-01', 'gm0355-zeist 2027-01']);
  });

  it('from 1 January 2027 (Amsterdam time) it opens 2027-01', async () => {
    nu = new Date('2026-12-31T23:30:00Z');
    expect(await versies()).toEqual(['gm0355-zeist 2027-01', 'gm0355-zeist 2024-01']);
  });
});
