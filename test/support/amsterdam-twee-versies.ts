/**
 * Amsterdam's definition in two versions, 2015-01 with the repository's letters and 2026-06 (from 1 June 2026) with its
 * own, signed by another team (ONDERTEKENING_2026), served by a real engine app on PostgreSQL with the service's clock
 * (`klok.moment`) and a dossier storage that refuses every write while `opslag.weg` (so the outbox makes a letter when
 * it retries, after whatever was committed meanwhile). For the tests of which version a letter is worded from
 * (brieven-tijd-versie, brieven-versie-van-stap).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KLOK } from '../../src/common/klok';
import { schrijfBestanden } from '../../src/machines/definition/test-fixture';
import { DOSSIER_OPSLAG, PostgresOpslag, type DossierOpslag } from '../../src/modules/dossier/opslag';
import { bearer } from '../auth-support';
import { AMSTERDAM_YAML, amsterdamVersie } from './amsterdam-versie';
import { createTestDatabase, type TestDatabase } from './database';
import { createEngineApp, type EngineApp } from './engine-harness';

export const ONDERTEKENING_2026 = 'Team Klachten Sociaal Domein (regeling 2026)';

export interface TweeVersies {
  db: TestDatabase;
  t: EngineApp;
  /** Bearer headers of a klachtbehandelaar and a beleidsmedewerker of Amsterdam. */
  auth: string;
  beleid: string;
}

/** The service's clock, set by the test (starts 20 May 2026, 10:05). */
export interface VerstelbareKlok {
  moment: Date;
  nu: () => Date;
}

export function verstelbareKlok(): VerstelbareKlok {
  const klok: VerstelbareKlok = { moment: new Date('2026-05-20T10:05:00+02:00'), nu: () => new Date(klok.moment.getTime()) };
  return klok;
}

export async function amsterdamTweeVersies(naam: string, klok: VerstelbareKlok, opslag: { weg: boolean }): Promise<TweeVersies> {
  const root = schrijfBestanden({
    'definitions/gm0363-amsterdam/2015-01.yaml': AMSTERDAM_YAML,
    'definitions/gm0363-amsterdam/2026-06.yaml': amsterdamVersie('2026-06', '2026-06-01'),
  });
  // 2015-01 keeps the repository's letters; 2026-06 has its own, signed by another team.
  const bron = join(__dirname, '..', '..', 'definitions', 'gm0363-amsterdam', 'brieven', '2015-01');
  const brieven = join(root, 'definitions', 'gm0363-amsterdam', 'brieven');
  cpSync(bron, join(brieven, '2015-01'), { recursive: true });
  mkdirSync(join(brieven, '2026-06'));
  for (const f of readdirSync(bron))
    writeFileSync(
      join(brieven, '2026-06', f),
      readFileSync(join(bron, f), 'utf8').replace('Klachtenteam Sociaal Domein', ONDERTEKENING_2026),
    );
  const db = await createTestDatabase(naam);
  const t = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api', DOSSIER_OPSLAG: 'postgres', DEFINITIONS_DIR: join(root, 'definitions') },
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
  return { db, t, auth: await bearer(t.app, 'GM0363', 'klachtbehandelaar'), beleid: await bearer(t.app, 'GM0363', 'beleidsmedewerker') };
}
