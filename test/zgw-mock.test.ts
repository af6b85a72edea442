import { zgwJwt } from '../src/modules/zgw/zgw-jwt';
import { richtKlachtCatalogusIn, RSIN_AMSTERDAM, ZGW_CLIENT_ID, ZGW_SECRET, type KlachtCatalogus } from './support/zgw-catalogus';
import { ZgwMock } from './support/zgw-mock';

/**
 * The validating ZGW mock (test/support/zgw-mock.ts) is what the connector's tests trust: it must refuse
 * what a register conforming to the VNG Zaken API 1.5.1 / Catalogi API 1.3.1 / Documenten API 1.5.0 refuses.
 */
let mock: ZgwMock;
let cat: KlachtCatalogus;

beforeAll(async () => {
  mock = new ZgwMock({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  await mock.start();
  cat = await richtKlachtCatalogusIn(mock);
});

afterAll(async () => {
  await mock?.stop();
});

const zaak = (extra: Record<string, unknown> = {}) => ({
  bronorganisatie: RSIN_AMSTERDAM,
  verantwoordelijkeOrganisatie: RSIN_AMSTERDAM,
  zaaktype: cat.zaaktype,
  startdatum: '2026-03-02',
  registratiedatum: '2026-03-02',
  vertrouwelijkheidaanduiding: 'vertrouwelijk',
  ...extra,
});

async function post(
  pad: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${mock.basisUrl('zaken')}${pad}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-crs': 'EPSG:4326',
      'content-crs': 'EPSG:4326',
      authorization: `Bearer ${await zgwJwt(ZGW_CLIENT_ID, ZGW_SECRET, new Date())}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('validating ZGW mock from the official VNG documents', () => {
  it('Zaken API 1.5.1 zaak_create: a valid zaak is stored and answered with url and uuid', async () => {
    const r = await post('/zaken', zaak());
    expect(r.status).toBe(201);
    expect(r.body.url).toBe(`${mock.basisUrl('zaken')}/zaken/${String(r.body.uuid)}`);
    expect(mock.lijst('zaken', '/zaken')).toHaveLength(1);
  });

  it('Zaken API 1.5.1 zaak_create: a vertrouwelijkheidaanduiding outside the standard list is refused with 400 and nothing is stored', async () => {
    const voor = mock.lijst('zaken', '/zaken').length;
    const r = await post('/zaken', zaak({ vertrouwelijkheidaanduiding: 'geheimzinnig' }));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/vertrouwelijkheidaanduiding/);
    expect(mock.lijst('zaken', '/zaken')).toHaveLength(voor);
  });

  it('Zaken API 1.5.1 zaak_create: a missing required field (bronorganisatie), a wrong date and an unknown field are each refused', async () => {
    const { bronorganisatie: _weg, ...zonder } = zaak();
    expect((await post('/zaken', zonder)).status).toBe(400);
    expect((await post('/zaken', zaak({ startdatum: '2 maart 2026' }))).status).toBe(400);
    expect((await post('/zaken', zaak({ uiterlijkeEinddatumAfdoenig: '2026-04-13' }))).status).toBe(400);
  });

  it('Zaken API 1.5.1: Accept-Crs and Content-Crs are required on zaak_create', async () => {
    const r = await post('/zaken', zaak(), { 'accept-crs': '' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/Accept-Crs/);
  });

  it('ZGW autorisatie: a request without a JWT signed with the shared secret is refused', async () => {
    const vals = await zgwJwt(ZGW_CLIENT_ID, 'een-ander-geheim-van-minstens-32-tekens!', new Date());
    expect((await post('/zaken', zaak(), { authorization: `Bearer ${vals}` })).status).toBe(403);
    expect((await post('/zaken', zaak(), { authorization: '' })).status).toBe(401);
  });

  it('Zaken API 1.5.1 rol_create: a rol is checked against the variant its betrokkeneType names', async () => {
    const z = await post('/zaken', zaak());
    const rol = {
      zaak: z.body.url,
      betrokkeneType: 'medewerker',
      roltype: cat.roltypen.behandelaar,
      roltoelichting: 'Klachtbehandelaar',
      betrokkeneIdentificatie: { identificatie: 'behandelaar-1', achternaam: 'Jansen' },
    };
    const ok = await post('/rollen', rol);
    expect([ok.status, ok.body]).toEqual([201, expect.objectContaining({ betrokkeneType: 'medewerker' })]);
    // `geslachtsaanduiding` belongs to a natuurlijk persoon, not to a medewerker.
    expect((await post('/rollen', { ...rol, betrokkeneIdentificatie: { identificatie: 'x', geslachtsaanduiding: 'v' } })).status).toBe(400);
  });
});
