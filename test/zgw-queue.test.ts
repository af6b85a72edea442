import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, waitFor, type EngineApp } from './support/engine-harness';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET, type KlachtCatalogus } from './support/zgw-catalogus';
import { ZgwMock } from './support/zgw-mock';

/**
 * The durable delivery path of the ZGW connector with its workers running (ROLE=all): outbox ->
 * zgw_zaak -> `zgw` queue -> processor, and the sweep re-planning from PostgreSQL while the register
 * is unreachable. Nothing here calls the delivery by hand.
 */
let db: TestDatabase;
let mock: ZgwMock;
let cat: KlachtCatalogus;
let app: EngineApp;

beforeAll(async () => {
  db = await createTestDatabase('zgw_queue');
  mock = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  await mock.start();
  cat = await richtKlachtCatalogusIn(mock);
  const bestand = join(mkdtempSync(join(tmpdir(), 'zgw-')), 'zgw.yaml');
  writeFileSync(
    bestand,
    `gemeenten:\n  GM0363:\n    rsin: '${RSIN_AMSTERDAM}'\n    zakenApi: ${mock.basisUrl('zaken')}\n    catalogiApi: ${mock.basisUrl('catalogi')}\n    documentenApi: ${mock.basisUrl('documenten')}\n    clientId: ${ZGW_CLIENT_ID}\n    secretEnv: ZGW_GM0363_SECRET\n`,
  );
  app = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ZGW_CONFIG: bestand, ZGW_GM0363_SECRET: ZGW_SECRET, WEBHOOK_MAX_BACKOFF_MS: '200', SWEEP_INTERVAL_MS: '200' },
  });
});

afterAll(async () => {
  await app?.close();
  await mock?.stop();
  await db?.drop();
});

it('the register unreachable at intake: the queue retries with backoff, the sweep re-plans, and once it is back the zaak arrives exactly once with its status, rollen and klaagschrift', async () => {
  await mock.stop();
  // Received an hour ago: no termijn of it is due while the test runs.
  const ontvangenOp = new Date(Date.now() - 3600_000).toISOString();
  const { klacht } = await app.engine.create(
    {
      gemeente: 'GM0363',
      kanaal: 'email',
      ontvangenOp,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'Register plat',
      aanbieders: [],
      feiten: { gerichtAan: 'gemeente' },
    },
    { actor: 'kcc' },
  );
  const rij = () => app.db.getRepository(ZgwZaakEntity).findOneBy({ klachtId: klacht.id });
  await waitFor('two failed attempts while the register is down', async () => ((await rij())?.attempts ?? 0) >= 2);
  expect((await rij())!.status).toBe('wachtend');

  await mock.start();
  await waitFor('the zaak delivered', async () => (await rij())?.status === 'afgeleverd');
  const zaken = mock.lijst('zaken', '/zaken').filter((z) => z.identificatie === zaakIdentificatie(klacht.id));
  expect(zaken).toHaveLength(1);
  expect((await rij())!.zaakUrl).toBe(zaken[0].url);
  const vanZaak = (pad: string) => mock.lijst('zaken', pad).filter((x) => x.zaak === zaken[0].url);
  expect(vanZaak('/statussen').map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen']]);
  expect(vanZaak('/rollen')).toHaveLength(2);
  expect(vanZaak('/zaakinformatieobjecten')).toHaveLength(1);
  expect(mock.geweigerd).toEqual([]);
});
