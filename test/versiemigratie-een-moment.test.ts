import request from 'supertest';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../src/machines/definition/test-fixture';
import { VersieMigratieService } from '../src/modules/versiemigratie/versiemigratie.service';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createTestApp, type TestApp } from './support/app';

/**
 * Awb 9:11 lid 1, 9:24 lid 1 sub b: a version migration is one moment. The catch-up of passed termijnen (achterstand.ts),
 * the check of that day (a version in force, a termijn already passed) and the migration's own step are taken at the
 * same reading of the clock. Read apart, a migration started a few milliseconds before midnight caught up to one day and
 * stepped on the next: a termijn falling due at midnight was then neither woken by the catch-up nor judged passed.
 */
const GEMEENTE = 'GM0355';
const DEFINITIE = 'gm0355-zeist';

describe('versiemigratie at midnight', () => {
  let db: TestDatabase;
  let t: TestApp;
  let klacht: string;
  // A clock that moves on a millisecond at every reading, as a real one does between statements.
  let nu = new Date('2024-05-02T12:00:00Z').getTime();
  let tikken = false;
  const klok: Klok = { nu: () => new Date(tikken ? nu++ : nu) };

  beforeAll(async () => {
    const root = schrijfBestanden({
      // Klachtenregeling Testdam 2024-01 until 28 May 2024; 2024-05, the same rules, from 29 May.
      [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-05-28'),
      'definitions/gm0355-zeist/2024-05.yaml': basisVersie('2024-05', '2024-05-29', undefined),
    });
    db = await createTestDatabase('versiemigratie_een_moment');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', DEFINITIONS_DIR: join(root, 'definitions') },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    const behandelaar = await bearer(t.app, GEMEENTE, 'klachtbehandelaar');
    klacht = (
      await request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', behandelaar)
        .send({
          gemeente: GEMEENTE,
          kanaal: 'brief',
          ontvangenOp: '2024-05-01T10:00:00Z',
          ingediendBij: 'gemeente',
          soort: 'klacht',
          onderwerp: 'migratie vlak voor middernacht',
          aanbieders: [],
          feiten: { complex: true },
        })
        .expect(201)
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    ruimTijdelijkeMappenOp();
  });

  it('Awb 9:11 lid 1: a migration started at 23:59:59.998 on 29 May 2024 is stepped at that moment, on 29 May, not at a later reading of the clock on 30 May', async () => {
    // 23:59:59.998 in Amsterdam (CEST) on Wednesday 29 May 2024; two readings later it is Thursday 30 May.
    nu = Date.parse('2024-05-29T21:59:59.998Z');
    tikken = true;
    try {
      await t.app
        .get(VersieMigratieService)
        .migreer(GEMEENTE, DEFINITIE, '2024-05', [klacht], 'Klachtenregeling Testdam 2024-05', 'beleid');
    } finally {
      tikken = false;
    }
    const stap = (await t.app
      .get(DataSource)
      .query(`select at from klacht_gebeurtenis where klacht_id = $1 and type = 'VERSIE_GEMIGREERD'`, [klacht])) as Array<{ at: Date }>;
    expect(stap.map((s) => s.at.toISOString())).toEqual(['2024-05-29T21:59:59.998Z']);
  });
});
