import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLOK, type Klok, vasteKlok } from '../src/common/klok';
import { ZgwAfleveringService } from '../src/modules/zgw/zgw-aflevering.service';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET } from './support/zgw-catalogus';
import { ZgwMock } from './support/zgw-mock';

/**
 * Wet algemene regels herindeling art. 40 with Zaken API 1.5.1: `bronorganisatie` is the organisation that created the
 * zaak, `verantwoordelijkeOrganisatie` the one "eindverantwoordelijk voor de behandeling". Weesp (GM0457) went into
 * Amsterdam (GM0363) on 24 maart 2022; from that day Amsterdam handles Weesp's running klachten. A zaak Weesp made in its
 * own register keeps Weesp as bronorganisatie (and stays there, test/zgw-herindeling.test.ts), but while it is open it
 * names Amsterdam as verantwoordelijkeOrganisatie from the herindeling on; a zaak made after it is Amsterdam's in both.
 * Two validating mocks of the ZGW APIs, one per gemeente; the clock (KLOK) is the test's.
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
  db = await createTestDatabase('zgw_herindeling_verantwoordelijke');
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
}, 120_000);

afterAll(async () => {
  await app?.close();
  await amsterdam?.stop();
  await weesp?.stop();
  await db?.drop();
});

const zaakIn = (mock: ZgwMock, klachtId: string) =>
  mock.lijst('zaken', '/zaken').filter((z) => z.identificatie === zaakIdentificatie(klachtId));

async function weespKlacht(onderwerp: string, ontvangenOp: string): Promise<string> {
  const { klacht } = await app.engine.create(
    {
      gemeente: 'GM0457',
      kanaal: 'email',
      ontvangenOp,
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp,
      aanbieders: [],
      feiten: { betreftGemeentelijkeFunctionaris: true },
    },
    { actor: 'kcc' },
  );
  await app.relay.idle();
  return klacht.id;
}

/** A change of the klacht (the outbox marks it), then one delivery run. */
async function opnieuwLeveren(klachtId: string): Promise<string> {
  await app.relay.idle();
  await zgw.markeer([klachtId]);
  return zgw.lever(klachtId);
}

describe('Wet arhi art. 40, Zaken API 1.5.1 verantwoordelijkeOrganisatie: Weesp into Amsterdam on 24 maart 2022', () => {
  it('a zaak Weesp made in its own register before the herindeling keeps Weesp as bronorganisatie, and from 24 maart 2022 names Amsterdam as verantwoordelijkeOrganisatie', async () => {
    klok = vasteKlok(new Date('2022-03-10T12:00:00Z'));
    const id = await weespKlacht('Voor de herindeling, in het register van Weesp', '2022-03-01T09:00:00Z');
    expect(await zgw.lever(id)).toBe('afgeleverd');
    expect(zaakIn(weesp, id)).toEqual([expect.objectContaining({ bronorganisatie: RSIN_WEESP, verantwoordelijkeOrganisatie: RSIN_WEESP })]);

    // The day before the herindeling: still Weesp's.
    klok = vasteKlok(new Date('2022-03-23T12:00:00Z'));
    expect(await opnieuwLeveren(id)).toBe('afgeleverd');
    expect(zaakIn(weesp, id)[0].verantwoordelijkeOrganisatie).toBe(RSIN_WEESP);

    // From the herindeling on (Europe/Amsterdam's day): Amsterdam handles it; the zaak stays in Weesp's register.
    klok = vasteKlok(new Date('2022-03-23T23:30:00Z'));
    expect(await opnieuwLeveren(id)).toBe('afgeleverd');
    expect(zaakIn(weesp, id)).toEqual([
      expect.objectContaining({ bronorganisatie: RSIN_WEESP, verantwoordelijkeOrganisatie: RSIN_AMSTERDAM }),
    ]);
    expect(zaakIn(amsterdam, id)).toEqual([]);
    expect([...weesp.geweigerd, ...amsterdam.geweigerd]).toEqual([]);
  });

  it("a zaak whose create reached Weesp's register just before the herindeling, its answer lost, is adopted there after it with Amsterdam as verantwoordelijkeOrganisatie", async () => {
    klok = vasteKlok(new Date('2022-03-20T12:00:00Z'));
    const id = await weespKlacht('Antwoord verloren vlak voor de herindeling', '2022-03-18T09:00:00Z');
    weesp.verbreekNa = (v) => v.methode === 'POST' && v.pad === '/zaken';
    expect(await zgw.lever(id)).toBe('mislukt');
    expect(zaakIn(weesp, id)).toEqual([expect.objectContaining({ verantwoordelijkeOrganisatie: RSIN_WEESP })]);

    klok = vasteKlok(new Date('2022-04-01T12:00:00Z'));
    expect(await opnieuwLeveren(id)).toBe('afgeleverd');
    expect(zaakIn(weesp, id)).toEqual([
      expect.objectContaining({ bronorganisatie: RSIN_WEESP, verantwoordelijkeOrganisatie: RSIN_AMSTERDAM }),
    ]);
    expect(zaakIn(amsterdam, id)).toEqual([]);
  });

  it('a Weesp klacht first delivered after the herindeling is a zaak of Amsterdam in its register: bronorganisatie and verantwoordelijkeOrganisatie', async () => {
    klok = vasteKlok(new Date('2022-03-20T12:00:00Z'));
    const id = await weespKlacht('Voor de herindeling ontvangen, erna afgeleverd', '2022-03-21T09:00:00Z');
    klok = vasteKlok(new Date('2022-04-01T12:00:00Z'));
    expect(await opnieuwLeveren(id)).toBe('afgeleverd');
    expect(zaakIn(amsterdam, id)).toEqual([
      expect.objectContaining({ bronorganisatie: RSIN_AMSTERDAM, verantwoordelijkeOrganisatie: RSIN_AMSTERDAM }),
    ]);
    expect(zaakIn(weesp, id)).toEqual([]);
  });
});
