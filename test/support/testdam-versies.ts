/**
 * Testdam's regeling (GM0355, definitions/gm0355-zeist: src/machines/definition/test-fixture.ts) in the versions a test
 * writes, served by a real app on PostgreSQL with the service's clock the test's (KLOK); no worker runs (ROLE=api), so
 * no wake-up runs unless an event, a version migration or its dry run runs it. Klachten go through the API as Testdam's
 * klachtbehandelaar, migrations and their dry runs as its beleidsmedewerker (docs/definities.md, "Lopende klachten naar
 * een nieuwe versie"). For the tests of running klachten moved to a new version (versiemigratie*).
 */
import { join } from 'node:path';
import request from 'supertest';
import { KLOK, type Klok } from '../../src/common/klok';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../../src/machines/definition/test-fixture';
import type { EnvSource } from '../../src/config';
import { bearer } from '../auth-support';
import { createTestApp, type TestApp } from './app';
import { createTestDatabase, type TestDatabase } from './database';

export const TESTDAM_GEMEENTE = 'GM0355';
export const TESTDAM_DEFINITIE = 'gm0355-zeist';

/**
 * Klachtenregeling Testdam 2024-01 (until 31 May 2024) with an afhandeltermijn of four weeks, and 2024-06 (from 1 June
 * 2024) with the base's six weeks: a klacht received on 1 May 2024 has its last day on 29 May on 2024-01, 12 June on 2024-06.
 */
export function vierWekenDanZes(): Record<string, string[]> {
  return {
    [TESTDAM]: basisVersie('2024-01', '2024-01-01', '2024-05-31', ['    duur: P6W', '    duur: P4W']),
    'definitions/gm0355-zeist/2024-06.yaml': basisVersie('2024-06', '2024-06-01', undefined),
  };
}

/** An event as POST …/gebeurtenissen takes it. */
export interface Act {
  type: string;
  at: string;
  data?: Record<string, unknown>;
}

export interface TestdamVersies {
  db: TestDatabase;
  t: TestApp;
  /** The written definitions (DEFINITIONS_DIR), for a command run beside the app. */
  definities: string;
  /** Bearer headers of Testdam's beleidsmedewerker and klachtbehandelaar. */
  beleid: string;
  behandelaar: string;
  /** A klacht received by letter at the gemeente at `ontvangenOp`, for formal handling (complex); its id (201). */
  klacht(onderwerp: string, ontvangenOp?: string): Promise<string>;
  /** An event on a klacht as the klachtbehandelaar; accepted (200). */
  stap(id: string, act: Act): Promise<request.Response>;
  /**
   * Two klachten received on 1 May 2024 for formal handling: `inBeoordeling` (gemeente.beoordelen from 2 May) and
   * `bijHoren` (invited to the hoorzitting on 6 May), for a version without the hoorzitting (one of them cannot move).
   */
  beoordelenEnHoren(): Promise<{ inBeoordeling: string; bijHoren: string }>;
  /** The dry run of a migration to `versie` (GET …/migratieproef), for the test to expect its answer. */
  proef(versie: string): request.Test;
  /** The migration of `klachten` to `versie` with this `reden` (POST …/migraties), for the test to expect its answer. */
  migreer(versie: string, klachten: string[], reden: string): request.Test;
  /** Closes the app, drops its database and removes the written definitions (afterAll). */
  close(): Promise<void>;
}

/** `bestanden` as schrijfBestanden takes them (path under the root: the YAML of each version). */
export async function testdamVersies(
  naam: string,
  bestanden: Record<string, readonly string[] | string>,
  klok: Klok,
  env: EnvSource = {},
): Promise<TestdamVersies> {
  const definities = join(schrijfBestanden(bestanden), 'definitions');
  const db = await createTestDatabase(naam);
  let t: TestApp;
  try {
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api', ...env, DEFINITIONS_DIR: definities },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
  } catch (e) {
    await db.drop();
    ruimTijdelijkeMappenOp();
    throw e;
  }
  const beleid = await bearer(t.app, TESTDAM_GEMEENTE, 'beleidsmedewerker');
  const behandelaar = await bearer(t.app, TESTDAM_GEMEENTE, 'klachtbehandelaar');
  const definitie = `/api/v1/definities/${TESTDAM_DEFINITIE}/versies`;
  const testdam: TestdamVersies = {
    db,
    t,
    definities,
    beleid,
    behandelaar,
    async klacht(onderwerp, ontvangenOp = '2024-05-01T10:00:00Z') {
      const r = await request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', behandelaar)
        .send({
          gemeente: TESTDAM_GEMEENTE,
          kanaal: 'brief',
          ontvangenOp,
          ingediendBij: 'gemeente',
          soort: 'klacht',
          onderwerp,
          aanbieders: [],
          feiten: { complex: true },
        })
        .expect(201);
      return r.body.id as string;
    },
    stap: (id, act) =>
      request(t.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', behandelaar)
        .send(act)
        .expect(200)
        .then((r) => r),
    async beoordelenEnHoren() {
      const stap = (id: string, type: string, at: string) => testdam.stap(id, { type, at });
      const inBeoordeling = await testdam.klacht('in beoordeling');
      await stap(inBeoordeling, 'FORMELE_BEHANDELING', '2024-05-02T09:00:00Z');
      const bijHoren = await testdam.klacht('wordt gehoord');
      await stap(bijHoren, 'FORMELE_BEHANDELING', '2024-05-02T09:00:00Z');
      await stap(bijHoren, 'IN_BEHANDELING_NEMEN', '2024-05-03T09:00:00Z');
      await stap(bijHoren, 'HOREN_UITNODIGEN', '2024-05-06T09:00:00Z');
      return { inBeoordeling, bijHoren };
    },
    proef: (versie) => request(t.http).get(`${definitie}/${versie}/migratieproef`).set('Authorization', beleid),
    migreer: (versie, klachten, reden) =>
      request(t.http).post(`${definitie}/${versie}/migraties`).set('Authorization', beleid).send({ klachten, reden }),
    async close() {
      await t.close();
      await db.drop();
      ruimTijdelijkeMappenOp();
    },
  };
  return testdam;
}
