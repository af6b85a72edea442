/**
 * ZGW after a definition version migration (docs/definities.md, "Lopende klachten naar een nieuwe versie"; the HTTP
 * endpoint POST /definities/{id}/versies/{versie}/migraties). A running Amsterdam klacht (Klachtenprotocol Wmo keten
 * Amsterdam §5A: the ketenpartner handles it first) moves from 2015-01 to a version 2026-05 whose koppeling names another
 * zaaktype and maps the ketenpartner's steps to another statustype. The zaaktype of a zaak never changes (Zaken API
 * 1.5.1: a status, rol or resultaat must be of the zaak's own zaaktype); a step is a status by the koppeling of the
 * version the klacht was on when it took that step (the register only adds statuses: a step already delivered is not
 * sent again under another name); and the register ends up the same whether the zaak was delivered before the
 * migration or only after it. Against the validating mock of the ZGW APIs; an API-only process, the test runs the
 * deliveries itself and sets the service's clock (KLOK).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { KLOK } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { bearer } from './auth-support';
import { AMSTERDAM_YAML, amsterdamVersie } from './support/amsterdam-versie';
import type { EngineApp } from './support/engine-harness';
import { verschuifbareKlok } from './support/verschuifbare-klok';
import { zgwAmsterdam, type ZgwAmsterdam } from './support/zgw-amsterdam';
import { RESULTAATTYPEN, STATUSTYPEN, zgwPost, type KlachtCatalogus } from './support/zgw-catalogus';
import type { ZgwMock } from './support/zgw-mock';

const KOPPELING_2015 = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', 'zgw', '2015-01.yaml'), 'utf8');
/** The koppeling of 2026-05: another zaaktype, and the ketenpartner's steps are 'In behandeling' instead of 'Doorgestuurd'. */
const KOPPELING_2026 = KOPPELING_2015.replace(/^zaaktype: KLACHT-SD$/m, 'zaaktype: KLACHT-SD-2026')
  .replace(/^ {2}doorgestuurdNaarAanbieder: Doorgestuurd$/m, '  doorgestuurdNaarAanbieder: In behandeling')
  .replace(/^ {2}bijAanbieder: Doorgestuurd$/m, '  bijAanbieder: In behandeling');

let z: ZgwAmsterdam;
let mock: ZgwMock;
let cat: KlachtCatalogus;
let nieuwZaaktype: string;
let app: EngineApp;
let beleid: string;
const klok = verschuifbareKlok(new Date('2026-04-28T09:00:00+02:00'));

/** A second zaaktype (another identificatie) with the same names, as a gemeente may set up for a new regeling. */
async function anderZaaktype(identificatie: string): Promise<string> {
  const zaaktype = await zgwPost(mock, 'catalogi', '/zaaktypen', {
    identificatie,
    omschrijving: 'Klacht sociaal domein (regeling 2026)',
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    doel: 'Een klacht over een gedraging van de gemeente of een ketenpartner behandelen (Awb titel 9.1).',
    aanleiding: 'Een klaagschrift van een inwoner.',
    indicatieInternOfExtern: 'extern',
    handelingInitiator: 'Indienen',
    onderwerp: 'Klacht',
    handelingBehandelaar: 'Behandelen',
    doorlooptijd: 'P42D',
    opschortingEnAanhoudingMogelijk: false,
    verlengingMogelijk: true,
    verlengingstermijn: 'P28D',
    publicatieIndicatie: false,
    productenOfDiensten: [],
    referentieproces: { naam: 'Klachtbehandeling' },
    verantwoordelijke: 'Klachtenteam Sociaal Domein',
    beginGeldigheid: '2026-05-01',
    versiedatum: '2026-05-01',
    catalogus: cat.catalogus,
    besluittypen: [],
    gerelateerdeZaaktypen: [],
    deelzaaktypen: [],
    selectielijstProcestype: 'https://selectielijst.openzaak.nl/api/v1/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d',
  });
  for (const [i, omschrijving] of STATUSTYPEN.entries())
    await zgwPost(mock, 'catalogi', '/statustypen', { omschrijving, zaaktype: zaaktype.url, volgnummer: i + 1 });
  for (const omschrijving of RESULTAATTYPEN)
    await zgwPost(mock, 'catalogi', '/resultaattypen', {
      zaaktype: zaaktype.url,
      omschrijving,
      resultaattypeomschrijving:
        'https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3',
      selectielijstklasse: 'https://selectielijst.openzaak.nl/api/v1/resultaten/8af64c99-a168-40dd-8afd-9fbe0597b6dc',
      archiefnominatie: 'vernietigen',
      archiefactietermijn: 'P5Y',
      besluittypen: [],
      informatieobjecttypen: [],
      brondatumArchiefprocedure: {
        afleidingswijze: 'afgehandeld',
        procestermijn: null,
        datumkenmerk: '',
        einddatumBekend: false,
        objecttype: '',
        registratie: '',
      },
    });
  await zgwPost(mock, 'catalogi', '/roltypen', { zaaktype: zaaktype.url, omschrijving: 'Klager', omschrijvingGeneriek: 'initiator' });
  await zgwPost(mock, 'catalogi', '/roltypen', {
    zaaktype: zaaktype.url,
    omschrijving: 'Klachtbehandelaar',
    omschrijvingGeneriek: 'behandelaar',
  });
  return String(zaaktype.url);
}

beforeAll(async () => {
  z = await zgwAmsterdam('zgw_migratie_versie', {
    voorbereiden: async (v) => {
      ({ mock, cat } = v);
      nieuwZaaktype = await anderZaaktype('KLACHT-SD-2026');
      const ams = join(v.dir, 'definitions', 'gm0363-amsterdam');
      mkdirSync(join(ams, 'zgw'), { recursive: true });
      writeFileSync(join(ams, '2015-01.yaml'), AMSTERDAM_YAML);
      writeFileSync(join(ams, '2026-05.yaml'), amsterdamVersie('2026-05', '2026-05-01'));
      writeFileSync(join(ams, 'zgw', '2015-01.yaml'), KOPPELING_2015);
      writeFileSync(join(ams, 'zgw', '2026-05.yaml'), KOPPELING_2026);
      return { DEFINITIONS_DIR: join(v.dir, 'definitions') };
    },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
  ({ mock, cat, app } = z);
  beleid = await bearer(app.app, 'GM0363', 'beleidsmedewerker');
}, 120_000);

afterAll(async () => {
  await z?.close();
});

const intake = (onderwerp: string): IntakeInput => ({
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-28T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  onderwerp,
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
});

/** A delivery run that must succeed, also for a zaak delivered before (its row set waiting again first). */
async function leverOk(id: string): Promise<void> {
  await app.relay.idle();
  await app.db.getRepository(ZgwZaakEntity).update({ klachtId: id }, { status: 'wachtend', nextAttemptAt: new Date(0) });
  await z.leverOk(id);
}

const zaakVan = (id: string) => mock.lijst('zaken', '/zaken').find((z) => z.identificatie === zaakIdentificatie(id))!;
const statussen = (id: string) => {
  const zaak = zaakVan(id);
  const naam = new Map<string, string>();
  for (const s of mock.lijst('catalogi', '/statustypen')) naam.set(String(s.url), String(s.omschrijving));
  return mock
    .lijst('zaken', '/statussen')
    .filter((s) => s.zaak === zaak.url)
    .map((s) => [naam.get(String(s.statustype)), s.datumStatusGezet]);
};
const resultaattype = (id: string) => {
  const r = mock.lijst('zaken', '/resultaten').filter((x) => x.zaak === zaakVan(id).url);
  return r.map((x) => mock.lijst('catalogi', '/resultaattypen').find((t) => t.url === x.resultaattype)?.omschrijving);
};

describe('ZGW after a version migration of the klacht (Zaken API 1.5.1: the zaaktype of a zaak never changes)', () => {
  it('a zaak delivered before the migration keeps its zaaktype and its statuses; one delivered only after it is the same: steps before the migration by the old koppeling, after it by the new one, none sent twice', async () => {
    const vooraf = (await app.engine.create(intake('Afgeleverd voor de migratie'), { actor: 'aanbieder' })).klacht.id;
    const achteraf = (await app.engine.create(intake('Pas na de migratie afgeleverd'), { actor: 'aanbieder' })).klacht.id;
    await leverOk(vooraf);
    expect(statussen(vooraf)).toEqual([['Doorgestuurd', '2026-04-28T08:00:00.000Z']]);

    klok.zet(new Date('2026-05-04T09:00:00+02:00'));
    const migratie = await request(app.http)
      .post('/api/v1/definities/gm0363-amsterdam/versies/2026-05/migraties')
      .set('Authorization', beleid)
      .send({ klachten: [vooraf, achteraf], reden: 'Klachtenprotocol Wmo keten Amsterdam, versie mei 2026' });
    expect(migratie.status).toBe(200);

    klok.zet(new Date('2026-05-06T12:00:00+02:00'));
    for (const id of [vooraf, achteraf])
      await app.engine.apply(
        id,
        { type: 'AFDOENEN', at: '2026-05-06T10:00:00+02:00', data: { oordeel: 'gegrond' } },
        { actor: 'aanbieder' },
      );
    await leverOk(vooraf);
    klok.zet(new Date('2026-05-07T12:00:00+02:00'));
    for (const id of [vooraf, achteraf])
      await app.engine.apply(id, { type: 'KLAGER_TEVREDEN', at: '2026-05-07T10:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(vooraf);
    await leverOk(achteraf);

    // The zaaktype of the klacht's intake version, for both: the one zaak could not change it, the other must not differ.
    expect(zaakVan(vooraf).zaaktype).toBe(cat.zaaktype);
    expect(zaakVan(achteraf).zaaktype).toBe(cat.zaaktype);
    expect(zaakVan(achteraf).zaaktype).not.toBe(nieuwZaaktype);
    const verwacht = [
      // The intake step, by 2015-01's koppeling, once.
      ['Doorgestuurd', '2026-04-28T08:00:00.000Z'],
      // From the migration on, the ketenpartner's step is 'In behandeling' (2026-05's koppeling).
      // (the service's clock runs on from the moment set: a few milliseconds after it)
      ['In behandeling', expect.stringMatching(/^2026-05-04T07:00:0/)],
      ['Afgehandeld', '2026-05-06T08:00:00.000Z'],
      ['Afgesloten', '2026-05-07T08:00:00.000Z'],
    ];
    expect(statussen(vooraf)).toEqual(verwacht);
    expect(statussen(achteraf)).toEqual(verwacht);
    expect(resultaattype(vooraf)).toEqual(['Gegrond']);
    expect(resultaattype(achteraf)).toEqual(['Gegrond']);
    expect(zaakVan(vooraf).einddatum).toBe('2026-05-07');

    // Nothing more on another run.
    await leverOk(vooraf);
    await leverOk(achteraf);
    expect(statussen(vooraf)).toHaveLength(4);
    expect(statussen(achteraf)).toHaveLength(4);
  });
});
