/**
 * The gemeente's side for the ZGW tests: a catalogus with the zaaktype "Klacht sociaal domein" and
 * its statustypen, resultaattypen, roltypen and informatieobjecttype, created through the Catalogi API
 * of the validating mock (zgw-mock.ts), the way a functioneel beheerder sets it up in Open Zaak.
 */
import { zgwJwt } from '../../src/modules/zgw/zgw-jwt';
import type { ZgwMock } from './zgw-mock';

export const ZGW_CLIENT_ID = 'klachtregie-test';
export const ZGW_SECRET = 'een-gedeeld-geheim-van-minstens-32-tekens';
/** RSIN of the gemeente Amsterdam (Handelsregister). */
export const RSIN_AMSTERDAM = '002564440';

export const KLACHT_ZAAKTYPE = 'KLACHT-SD';
export const STATUSTYPEN = ['Ontvangen', 'In behandeling', 'Doorgestuurd', 'Afgehandeld', 'Bij de ombudsman', 'Afgesloten'];
export const RESULTAATTYPEN = [
  'Gegrond',
  'Deels gegrond',
  'Ongegrond',
  'Informeel opgelost',
  'Niet behandeld',
  'Doorgestuurd',
  'Afgehandeld',
];

type Json = Record<string, unknown>;

export async function zgwPost(mock: ZgwMock, api: 'zaken' | 'catalogi' | 'documenten', pad: string, body: unknown): Promise<Json> {
  const res = await fetch(`${mock.basisUrl(api)}${pad}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await zgwJwt(ZGW_CLIENT_ID, ZGW_SECRET, new Date())}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  if (res.status < 200 || res.status > 299) throw new Error(`${pad}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface KlachtCatalogus {
  catalogus: string;
  zaaktype: string;
  statustypen: Record<string, string>;
  resultaattypen: Record<string, string>;
  roltypen: { klager: string; behandelaar: string };
  informatieobjecttype: string;
}

const SELECTIELIJST = 'https://selectielijst.openzaak.nl/api/v1/resultaten/8af64c99-a168-40dd-8afd-9fbe0597b6dc';
const RESULTAATTYPEOMSCHRIJVING =
  'https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3';

export async function richtKlachtCatalogusIn(mock: ZgwMock, rsin = RSIN_AMSTERDAM): Promise<KlachtCatalogus> {
  const catalogus = await zgwPost(mock, 'catalogi', '/catalogussen', {
    domein: 'SOCDO',
    rsin,
    contactpersoonBeheerNaam: 'Functioneel beheer zaakgericht werken',
  });
  const iot = await zgwPost(mock, 'catalogi', '/informatieobjecttypen', {
    catalogus: catalogus.url,
    omschrijving: 'Klaagschrift',
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    beginGeldigheid: '2015-01-01',
    informatieobjectcategorie: 'Inkomend document',
    besluittypen: [],
  });
  return zaaktypeVersie(mock, String(catalogus.url), String(iot.url), '2015-01-01');
}

/**
 * A new version of the zaaktype (the same identificatie, a later versiedatum) with its own statustypen, resultaattypen
 * and roltypen, as the gemeente publishes it in Open Zaak (Catalogi API 1.3.1: zaken keep the version they were made with).
 */
export function nieuweZaaktypeVersie(mock: ZgwMock, cat: KlachtCatalogus, versiedatum: string): Promise<KlachtCatalogus> {
  return zaaktypeVersie(mock, cat.catalogus, cat.informatieobjecttype, versiedatum);
}

async function zaaktypeVersie(
  mock: ZgwMock,
  catalogus: string,
  informatieobjecttype: string,
  versiedatum: string,
): Promise<KlachtCatalogus> {
  const zaaktype = await zgwPost(mock, 'catalogi', '/zaaktypen', {
    identificatie: KLACHT_ZAAKTYPE,
    omschrijving: 'Klacht sociaal domein',
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
    beginGeldigheid: versiedatum,
    versiedatum,
    catalogus,
    besluittypen: [],
    gerelateerdeZaaktypen: [],
    deelzaaktypen: [],
    selectielijstProcestype: 'https://selectielijst.openzaak.nl/api/v1/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d',
  });
  const statustypen: Record<string, string> = {};
  for (const [i, omschrijving] of STATUSTYPEN.entries()) {
    const s = await zgwPost(mock, 'catalogi', '/statustypen', {
      omschrijving,
      zaaktype: zaaktype.url,
      volgnummer: i + 1,
    });
    statustypen[omschrijving] = s.url as string;
  }
  const resultaattypen: Record<string, string> = {};
  for (const omschrijving of RESULTAATTYPEN) {
    const r = await zgwPost(mock, 'catalogi', '/resultaattypen', {
      zaaktype: zaaktype.url,
      omschrijving,
      resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING,
      selectielijstklasse: SELECTIELIJST,
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
    resultaattypen[omschrijving] = r.url as string;
  }
  const klager = await zgwPost(mock, 'catalogi', '/roltypen', {
    zaaktype: zaaktype.url,
    omschrijving: 'Klager',
    omschrijvingGeneriek: 'initiator',
  });
  const behandelaar = await zgwPost(mock, 'catalogi', '/roltypen', {
    zaaktype: zaaktype.url,
    omschrijving: 'Klachtbehandelaar',
    omschrijvingGeneriek: 'behandelaar',
  });
  return {
    catalogus,
    zaaktype: zaaktype.url as string,
    statustypen,
    resultaattypen,
    roltypen: { klager: klager.url as string, behandelaar: behandelaar.url as string },
    informatieobjecttype,
  };
}
