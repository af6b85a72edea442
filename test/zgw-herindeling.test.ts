import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLOK, type Klok, vasteKlok } from '../src/common/klok';
import type { ZgwGemeenteConfig } from '../src/config/zgw-config';
import { ZgwAfleveringService } from '../src/modules/zgw/zgw-aflevering.service';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET } from './support/zgw-catalogus';
import { ZgwMock } from './support/zgw-mock';

/**
 * ZGW delivery across a herindeling (Wet arhi art. 40 e.v.): Weesp (GM0457) went into Amsterdam (GM0363) on
 * 24 maart 2022. Here Weesp had a register of its own (a second validating mock, its own base URL) before that day.
 * The clock (KLOK) is the test's, so the run can happen before and after the herindeling.
 */
const RSIN_WEESP = '123456708'; // fictitious, passes the elfproef
let db: TestDatabase;
let amsterdam: ZgwMock;
let weesp: ZgwMock;
let app: EngineApp;
let zgw: ZgwAfleveringService;
let klok: Klok = vasteKlok(new Date('2022-03-10T12:00:00Z'));

const regels = (code: string, rsin: string, mock: ZgwMock) => [
  `  ${code}:`,
  `    rsin: '${rsin}'`,
  `    zakenApi: ${mock.basisUrl('zaken')}`,
  `    catalogiApi: ${mock.basisUrl('catalogi')}`,
  `    documentenApi: ${mock.basisUrl('documenten')}`,
  `    clientId: ${ZGW_CLIENT_ID}`,
  `    secretEnv: ZGW_${code}_SECRET`,
];

beforeAll(async () => {
  db = await createTestDatabase('zgw_herindeling');
  amsterdam = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  weesp = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  await amsterdam.start();
  await weesp.start();
  await richtKlachtCatalogusIn(amsterdam);
  await richtKlachtCatalogusIn(weesp, RSIN_WEESP);
  const bestand = join(mkdtempSync(join(tmpdir(), 'zgw-')), 'zgw.yaml');
  writeFileSync(
    bestand,
    ['gemeenten:', ...regels('GM0363', RSIN_AMSTERDAM, amsterdam), ...regels('GM0457', RSIN_WEESP, weesp), ''].join('\n'),
  );
  app = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api', ZGW_CONFIG: bestand, ZGW_GM0363_SECRET: ZGW_SECRET, ZGW_GM0457_SECRET: ZGW_SECRET },
    override: (b) => b.overrideProvider(KLOK).useValue({ nu: () => klok.nu() } satisfies Klok),
  });
  zgw = app.app.get(ZgwAfleveringService);
});

afterAll(async () => {
  await app?.close();
  await amsterdam?.stop();
  await weesp?.stop();
  await db?.drop();
});

const zakenVan = (mock: ZgwMock, klachtId: string) =>
  mock.lijst('zaken', '/zaken').filter((z) => z.identificatie === zaakIdentificatie(klachtId));
const rij = (klachtId: string) => app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId });

/** A change of the klacht (the outbox marks it), then one delivery run. */
async function opnieuwLeveren(klachtId: string): Promise<string> {
  await app.relay.idle();
  await zgw.markeer([klachtId]);
  return zgw.lever(klachtId);
}

describe('ZGW delivery across a herindeling', () => {
  it("Wet arhi art. 40: a zaak made in the dissolved gemeente's register before the herindeling stays there: after 24 maart 2022 the Weesp klacht's zaak is updated in Weesp's register, no second zaak in Amsterdam's; a zaak in no configured register is vastgelopen, naming its URL", async () => {
    klok = vasteKlok(new Date('2022-03-10T12:00:00Z'));
    const { klacht } = await app.engine.create(
      {
        gemeente: 'GM0457',
        kanaal: 'email',
        ontvangenOp: '2022-03-01T09:00:00Z',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Bij Weesp binnengekomen, voor de herindeling',
        aanbieders: [],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      },
      { actor: 'kcc' },
    );
    await app.relay.idle();
    // Before the herindeling: Weesp's own register.
    expect(await zgw.lever(klacht.id)).toBe('afgeleverd');
    const [zaak] = zakenVan(weesp, klacht.id);
    expect(zaak).toMatchObject({ bronorganisatie: RSIN_WEESP, startdatum: '2022-03-01' });
    expect((await rij(klacht.id)).zaakUrl).toBe(zaak.url);

    // After it: the zaak is still updated where it is (a wrong uiterlijkeEinddatumAfdoening there is repaired).
    klok = vasteKlok(new Date('2022-04-01T12:00:00Z'));
    const juist = zaak.uiterlijkeEinddatumAfdoening;
    weesp.verzameling('zaken', '/zaken').get(String(zaak.uuid))!.uiterlijkeEinddatumAfdoening = '2022-12-31';
    const uitkomst = await opnieuwLeveren(klacht.id);
    expect([uitkomst, (await rij(klacht.id)).lastError]).toEqual(['afgeleverd', null]);
    expect(weesp.verzameling('zaken', '/zaken').get(String(zaak.uuid))!.uiterlijkeEinddatumAfdoening).toBe(juist);
    expect(zakenVan(weesp, klacht.id)).toHaveLength(1);
    expect(zakenVan(amsterdam, klacht.id)).toEqual([]);
    expect((await rij(klacht.id)).zaakUrl).toBe(zaak.url);
    expect([...weesp.geweigerd, ...amsterdam.geweigerd]).toEqual([]);

    // Weesp's register switched off: the recorded zaak is in no configured register. Not the client's generic
    // refusal and no second zaak in Amsterdam's register, but vastgelopen at once with the URL and what to do.
    const weespCfg = app.config.zgw.find((g: ZgwGemeenteConfig) => g.gemeente === 'GM0457')!;
    weespCfg.aan = false;
    try {
      expect(await opnieuwLeveren(klacht.id)).toBe('vastgelopen');
    } finally {
      weespCfg.aan = true;
    }
    const vast = await rij(klacht.id);
    expect(vast.status).toBe('vastgelopen');
    expect(vast.lastError).toContain(`De zaak ${String(zaak.url)} staat in geen Zaken API die in ZGW_CONFIG aan staat voor GM0363`);
    expect(vast.lastError).toContain('zgw_zaak.zaak_url');
    expect(zakenVan(amsterdam, klacht.id)).toEqual([]);
  });

  /** A Weesp klacht received before the herindeling, for the lost-answer cases below. */
  async function weespKlacht(onderwerp: string): Promise<string> {
    klok = vasteKlok(new Date('2022-03-20T12:00:00Z'));
    const { klacht } = await app.engine.create(
      {
        gemeente: 'GM0457',
        kanaal: 'email',
        ontvangenOp: '2022-03-18T09:00:00Z',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp,
        aanbieders: [],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      },
      { actor: 'kcc' },
    );
    await app.relay.idle();
    // The create reaches Weesp's register, but its answer is lost (the connection drops after the POST): no URL recorded.
    weesp.verbreekNa = (v) => v.methode === 'POST' && v.pad === '/zaken';
    expect(await zgw.lever(klacht.id)).toBe('mislukt');
    expect(zakenVan(weesp, klacht.id)).toHaveLength(1);
    expect((await rij(klacht.id)).zaakUrl).toBeNull();
    return klacht.id;
  }

  it("Wet arhi art. 40: a zaak made in the dissolved gemeente's register just before the herindeling, whose create answer was lost, is found there after 24 maart 2022 and adopted: one zaak in all registers together, its URL recorded", async () => {
    const klachtId = await weespKlacht('Antwoord verloren vlak voor de herindeling');
    const [zaak] = zakenVan(weesp, klachtId);

    klok = vasteKlok(new Date('2022-04-01T12:00:00Z'));
    const uitkomst = await opnieuwLeveren(klachtId);
    expect([uitkomst, (await rij(klachtId)).lastError]).toEqual(['afgeleverd', null]);
    expect(zakenVan(amsterdam, klachtId)).toEqual([]);
    expect(zakenVan(weesp, klachtId)).toHaveLength(1);
    expect((await rij(klachtId)).zaakUrl).toBe(zaak.url);
    // Adopted as a recorded zaak is: brought up to date in Weesp's register (its rollen added there).
    expect(weesp.lijst('zaken', '/rollen').filter((r) => r.zaak === zaak.url)).toHaveLength(2);
    expect([...weesp.geweigerd, ...amsterdam.geweigerd]).toEqual([]);
  });

  it("Wet arhi art. 40: while the dissolved gemeente's configured register cannot be reached, a klacht without a recorded zaak URL gets no zaak in the successor's register (retried with backoff) until that register answers", async () => {
    const klachtId = await weespKlacht('Antwoord verloren, daarna het oude register onbereikbaar');
    const [zaak] = zakenVan(weesp, klachtId);

    klok = vasteKlok(new Date('2022-04-01T12:00:00Z'));
    await weesp.stop();
    try {
      expect(await opnieuwLeveren(klachtId)).toBe('mislukt');
    } finally {
      await weesp.start();
    }
    const wacht = await rij(klachtId);
    expect([wacht.status, wacht.zaakUrl]).toEqual(['wachtend', null]);
    expect(wacht.lastError).toContain(weesp.basisUrl('zaken'));
    expect(zakenVan(amsterdam, klachtId)).toEqual([]);

    expect(await opnieuwLeveren(klachtId)).toBe('afgeleverd');
    expect(zakenVan(amsterdam, klachtId)).toEqual([]);
    expect(zakenVan(weesp, klachtId)).toHaveLength(1);
    expect((await rij(klachtId)).zaakUrl).toBe(zaak.url);
  });
});
