/**
 * Zaken API 1.5.1 on reopening a zaak: "indien een zaak heropend moet worden, doe dit dan door een nieuwe status toe te
 * voegen die NIET de eindstatus is" (zaak_update, zaak_partial_update); the register sets and clears `einddatum` itself
 * (readOnly; status_create: "Indien het statustype de eindstatus is ... wordt de zaak afgesloten door de einddatum te
 * zetten"). The standard asks nothing of the resultaat on reopening, so Klachtregie keeps it (docs/zgw.md §1): it is the
 * klacht's outcome as it stands, and at the next closing it is replaced (resultaat_destroy, resultaat_create) only if the
 * klacht then ends otherwise, as its resultaattype may not change (resultaat_partial_update). Amsterdam, the aanbieder
 * route (Klachtenprotocol Wmo keten Amsterdam §5A, §6): the klager's year for the ombudsman (Awb 9:24 lid 1) closes the
 * klacht at midnight, and a request of its last day, registered after, reopens it (Awb 9:11 lid 1: the last day counts in
 * full). Against the validating mock of the ZGW APIs; an API-only process, the test runs the deliveries itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeInput } from '../src/machines/contract';
import { ZgwAfleveringService } from '../src/modules/zgw/zgw-aflevering.service';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET, type KlachtCatalogus } from './support/zgw-catalogus';
import { ZgwMock } from './support/zgw-mock';

let db: TestDatabase;
let mock: ZgwMock;
let cat: KlachtCatalogus;
let app: EngineApp;
let zgw: ZgwAfleveringService;

beforeAll(async () => {
  db = await createTestDatabase('zgw_heropenen_resultaat');
  mock = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  await mock.start();
  cat = await richtKlachtCatalogusIn(mock);
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
  app = await createEngineApp({
    databaseUrl: db.url,
    regimes: 'definities',
    env: { ROLE: 'api', ZGW_CONFIG: bestand, ZGW_GM0363_SECRET: ZGW_SECRET, ZGW_MAX_POGINGEN: '3' },
  });
  zgw = app.app.get(ZgwAfleveringService);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await mock?.stop();
  await db?.drop();
});

const amsterdam: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  onderwerp: 'Laatste dag',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

async function leverOk(id: string): Promise<void> {
  await app.relay.idle();
  const u = await zgw.lever(id);
  if (u !== 'afgeleverd') {
    const rij = await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: id });
    throw new Error(`${u}: ${rij.lastError ?? ''} ${JSON.stringify(mock.geweigerd.slice(-3))}`);
  }
}

const zaakVan = (id: string) => mock.lijst('zaken', '/zaken').find((z) => z.identificatie === zaakIdentificatie(id))!;
const statussen = (id: string) => {
  const zaak = zaakVan(id);
  const naam = Object.fromEntries(Object.entries(cat.statustypen).map(([k, v]) => [v, k]));
  return mock
    .lijst('zaken', '/statussen')
    .filter((s) => s.zaak === zaak.url)
    .map((s) => [naam[String(s.statustype)], s.datumStatusGezet]);
};
const resultaten = (id: string) => mock.lijst('zaken', '/resultaten').filter((r) => r.zaak === zaakVan(id).url);

const resultaattypen = (id: string) => {
  const naam = Object.fromEntries(Object.entries(cat.resultaattypen).map(([k, v]) => [v, k]));
  return resultaten(id).map((r) => naam[String(r.resultaattype)]);
};

describe('Zaken API 1.5.1: a zaak reopened after its eindstatus keeps its resultaat; the next closing leaves it when the klacht ends the same way', () => {
  it("the klager's year closed the klacht (resultaat Gegrond, by the aanbieder's oordeel, Awb 9:12 lid 1); the request to the ombudsman of its last day reopens the zaak, einddatum cleared, the resultaat kept; after the ombudsman's report the zaak closes again with that one resultaat, not deleted and made again", async () => {
    const { klacht } = await app.engine.create(amsterdam, { actor: 'aanbieder' });
    const id = klacht.id;
    await app.engine.apply(id, { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } }, { actor: 'aanbieder' });
    const t = await app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: id, naam: 'tweedeLijnVerzoekNaAanbieder' });
    expect(
      await app.wake.verval(
        { klachtId: id, termijnNaam: 'tweedeLijnVerzoekNaAanbieder', revision: t.revision, kind: 'verval' },
        new Date('2027-04-21T00:00:05+02:00'),
      ),
    ).toBe('verwerkt');
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten']);
    const eerste = resultaten(id);
    expect(resultaattypen(id)).toEqual(['Gegrond']);
    expect(zaakVan(id).einddatum).toBe('2027-04-20');

    // Reopened: a status that is not the eindstatus; the register clears einddatum, the resultaat stays.
    await app.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten', 'Bij de ombudsman']);
    expect(zaakVan(id).einddatum ?? null).toBeNull();
    expect(resultaten(id)).toEqual(eerste);

    // The ombudsman reports without recommendations: the klacht closes again, the same resultaat, the same object.
    await app.engine.apply(
      id,
      { type: 'RAPPORT_OMBUDSMAN', at: '2027-06-02T10:00:00+02:00', data: { aanbevelingen: false } },
      { actor: 'kcc' },
    );
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten', 'Bij de ombudsman', 'Afgesloten']);
    expect(resultaten(id)).toEqual(eerste);
    expect(zaakVan(id).einddatum).toBe('2027-06-02');
    expect(mock.verzoeken.filter((v) => v.methode === 'DELETE')).toEqual([]);
    expect(mock.geweigerd).toEqual([]);
  });
});
