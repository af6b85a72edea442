import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KLOK } from '../../src/common/klok';
import { DOSSIER_OPSLAG, PostgresOpslag, type DossierOpslag } from '../../src/modules/dossier/opslag';
import { createTestDatabase, type TestDatabase } from '.';
import { createEngineApp, type EngineApp } from './engine-harness';

/**
 * The setting of the tests of a letter made on a later day than its act (docs/brieven-en-dossier.md: a letter bears the
 * day it is made): the service on the seed definitions, on a clock each step sets (KLOK; never the wall clock), with a
 * dossier storage on PostgreSQL that refuses every write while `opslag.weg` is true, as a storage that is briefly away,
 * so the outbox makes the letter when it retries.
 */
export interface BriefLater {
  db: TestDatabase;
  t: EngineApp;
  /** The service's clock: `moment` is now. */
  klok: { moment: Date; nu(): Date };
  /** While `weg` the dossier storage refuses every write. */
  opslag: { weg: boolean };
  /** Until the outbox has nothing left that it can do now. */
  verwerk(): Promise<void>;
  /** POST .../gebeurtenissen by `auth` at `at`, the clock five minutes later; the next events' types. */
  stap(auth: string, id: string, type: string, at: string, data?: Record<string, unknown>): Promise<string[]>;
  sluit(): Promise<void>;
}

export async function briefLaterApp(databaseNaam: string, begin: Date): Promise<BriefLater> {
  const klok = { moment: begin, nu: () => new Date(klok.moment.getTime()) };
  const opslag = { weg: false };
  const db = await createTestDatabase(databaseNaam);
  const t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api', DOSSIER_OPSLAG: 'postgres' },
    override: (b) =>
      b
        .overrideProvider(KLOK)
        .useValue(klok)
        .overrideProvider(DOSSIER_OPSLAG)
        .useFactory({
          inject: [getDataSourceToken()],
          factory: (ds: DataSource): DossierOpslag => {
            const echt = new PostgresOpslag(ds);
            return Object.assign(Object.create(echt) as DossierOpslag, {
              schrijf: async (sleutel: string, inhoud: Buffer) => {
                if (opslag.weg) throw new Error('dossieropslag niet bereikbaar');
                return echt.schrijf(sleutel, inhoud);
              },
            });
          },
        }),
  });
  const verwerk = async () => {
    await t.relay.idle();
    await t.relay.drain();
  };
  return {
    db,
    t,
    klok,
    opslag,
    verwerk,
    async stap(auth, id, type, at, data) {
      klok.moment = new Date(new Date(at).getTime() + 5 * 60_000);
      const r = await request(t.http)
        .post(`/api/v1/klachten/${id}/gebeurtenissen`)
        .set('Authorization', auth)
        .send({ type, at, ...(data ? { data } : {}) });
      expect([r.status, r.body.detail]).toEqual([200, undefined]);
      await verwerk();
      return (r.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
    },
    async sluit() {
      await t.close();
      await db.drop();
    },
  };
}
