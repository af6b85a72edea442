/**
 * Amsterdam (GM0363) wired to the validating mock of the ZGW APIs (Zaken 1.5.1, Catalogi 1.3.1, Documenten 1.5.0:
 * test/support/zgw-mock.ts) with the klacht catalogus of zgw-catalogus.ts: the connector's configuration file, its
 * secret and three attempts, on a real engine app on PostgreSQL. An API-only process (ROLE=api: no termijn worker, no
 * `zgw` queue processor), so the test runs each delivery itself (`leverOk`), as that processor does. For the ZGW tests
 * on Amsterdam (zgw-connector, zgw-heropenen-resultaat, zgw-tijd-herroepen, zgw-migratie-versie).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvSource } from '../../src/config';
import type { IntakeInput } from '../../src/machines/contract';
import { ZgwAfleveringService } from '../../src/modules/zgw/zgw-aflevering.service';
import { ZgwZaakEntity } from '../../src/modules/zgw/zgw-zaak.entity';
import { zaakIdentificatie } from '../../src/zgw-mapping';
import type { TestAppOptions } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { createEngineApp, type EngineApp } from './engine-harness';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET, type KlachtCatalogus } from './zgw-catalogus';
import { ZgwMock } from './zgw-mock';

type Json = Record<string, unknown>;

/**
 * A klacht received by Amsterdam's aanbieder Zorg West on Thursday 2 April 2026 (the aanbieder route, Klachtenprotocol
 * Wmo keten Amsterdam §5A, §6), for the tests of an act on the klager's last day.
 */
export const LAATSTE_DAG: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  onderwerp: 'Laatste dag',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

export interface ZgwAmsterdam {
  db: TestDatabase;
  mock: ZgwMock;
  cat: KlachtCatalogus;
  app: EngineApp;
  zgw: ZgwAfleveringService;
  /** The delivery of this klacht's zaak, once the outbox is drained; what it came to. */
  lever(id: string): Promise<string>;
  /** The same, which must succeed; otherwise it throws with the failure as the dead-letter view shows it. */
  leverOk(id: string): Promise<void>;
  /** The zaak of a klacht in the register. */
  zaakVan(id: string): Json;
  /** Its statuses as [statustype by its omschrijving in the catalogus, datumStatusGezet], in the register's order. */
  statussen(id: string): unknown[][];
  /** Its resultaten. */
  resultaten(id: string): Json[];
  /** Closes the app, stops the mock and drops the database (afterAll). */
  close(): Promise<void>;
}

export interface ZgwAmsterdamOpties {
  /**
   * Runs once the mock and its catalogus are up and before the app starts, with the folder the configuration file is
   * written in (e.g. to write or copy definitions there); returns more environment for the app.
   */
  voorbereiden?: (z: { mock: ZgwMock; cat: KlachtCatalogus; dir: string }) => Promise<EnvSource | void> | EnvSource | void;
  override?: TestAppOptions['override'];
}

export async function zgwAmsterdam(naam: string, opties: ZgwAmsterdamOpties = {}): Promise<ZgwAmsterdam> {
  const db = await createTestDatabase(naam);
  const mock = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  let app: EngineApp | undefined;
  const close = async () => {
    await app?.close();
    await mock.stop();
    await db.drop();
  };
  try {
    await mock.start();
    const cat = await richtKlachtCatalogusIn(mock);
    const dir = mkdtempSync(join(tmpdir(), 'zgw-'));
    const bestand = join(dir, 'zgw.yaml');
    writeFileSync(
      bestand,
      [
        'gemeenten:',
        '  GM0363:',
        `    rsin: '${RSIN_AMSTERDAM}'`,
        `    zakenApi: ${mock.basisUrl('zaken')}`,
        `    catalogiApi: ${mock.basisUrl('catalogi')}`,
        `    documentenApi: ${mock.basisUrl('documenten')}`,
        `    clientId: ${ZGW_CLIENT_ID}`,
        '    secretEnv: ZGW_GM0363_SECRET',
        '',
      ].join('\n'),
    );
    const meer = (await opties.voorbereiden?.({ mock, cat, dir })) ?? {};
    const gestart = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api', ZGW_CONFIG: bestand, ZGW_GM0363_SECRET: ZGW_SECRET, ZGW_MAX_POGINGEN: '3', ...meer },
      override: opties.override,
    });
    app = gestart;
    const zgw = gestart.app.get(ZgwAfleveringService);
    const lever = async (id: string) => {
      await gestart.relay.idle();
      return zgw.lever(id);
    };
    const zaakVan = (id: string) => mock.lijst('zaken', '/zaken').find((z) => z.identificatie === zaakIdentificatie(id))!;
    return {
      db,
      mock,
      cat,
      app: gestart,
      zgw,
      lever,
      zaakVan,
      statussen(id) {
        const zaak = zaakVan(id);
        const naam = Object.fromEntries(Object.entries(cat.statustypen).map(([k, v]) => [v, k]));
        return mock
          .lijst('zaken', '/statussen')
          .filter((s) => s.zaak === zaak.url)
          .map((s) => [naam[String(s.statustype)], s.datumStatusGezet]);
      },
      resultaten: (id) => mock.lijst('zaken', '/resultaten').filter((r) => r.zaak === zaakVan(id).url),
      async leverOk(id) {
        const uitkomst = await lever(id);
        if (uitkomst !== 'afgeleverd') {
          const rij = await gestart.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: id });
          throw new Error(`${uitkomst}: ${rij.lastError ?? ''} (geweigerd: ${JSON.stringify(mock.geweigerd.slice(-3))})`);
        }
      },
      close,
    };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
