import { zgwJwt } from '../src/modules/zgw/zgw-jwt';
import {
  nieuweZaaktypeVersie,
  richtKlachtCatalogusIn,
  RSIN_AMSTERDAM,
  ZGW_CLIENT_ID,
  ZGW_SECRET,
  type KlachtCatalogus,
} from './support/zgw-catalogus';
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

/** Any request to the mock, by API and path (or a full URL), with the headers a ZGW client sends. */
async function verzoek(
  methode: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  api: 'zaken' | 'catalogi' | 'documenten',
  padOfUrl: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(padOfUrl.startsWith('http') ? padOfUrl : `${mock.basisUrl(api)}${padOfUrl}`, {
    method: methode,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(api === 'zaken' ? { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' } : {}),
      authorization: `Bearer ${await zgwJwt(ZGW_CLIENT_ID, ZGW_SECRET, new Date())}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const tekst = await res.text();
  return { status: res.status, body: (tekst ? JSON.parse(tekst) : {}) as Record<string, unknown> };
}

/** A klaagschrift in the Documenten API (indicatieGebruiksrecht as given: absent is null, "not yet known"). */
async function document(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const r = await verzoek('POST', 'documenten', '/enkelvoudiginformatieobjecten', {
    identificatie: `DOC-${Math.random().toString(36).slice(2)}`,
    bronorganisatie: RSIN_AMSTERDAM,
    creatiedatum: '2026-03-02',
    titel: 'Klaagschrift',
    auteur: 'Klachtregie',
    taal: 'nld',
    informatieobjecttype: cat.informatieobjecttype,
    ...extra,
  });
  expect(r.status).toBe(201);
  return r.body;
}

const code = (r: { body: Record<string, unknown> }) => (r.body.invalidParams as { code: string }[] | undefined)?.[0]?.code;

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

  it('Zaken API 1.5.1 status_create: an eindstatus only on a zaak with a resultaat, and after every document of the zaak has indicatieGebruiksrecht and is unlocked', async () => {
    const z = await post('/zaken', zaak());
    const doc = await document();
    expect((await post('/zaakinformatieobjecten', { zaak: z.body.url, informatieobject: doc.url })).status).toBe(201);
    // Catalogi API 1.3.1: the statustype with the highest volgnummer is the eindstatus.
    expect(
      mock
        .lijst('catalogi', '/statustypen')
        .filter((s) => s.isEindstatus === true)
        .map((s) => s.url),
    ).toEqual([cat.statustypen['Afgesloten']]);
    const status = (omschrijving: string, dag: string) =>
      post('/statussen', { zaak: z.body.url, statustype: cat.statustypen[omschrijving], datumStatusGezet: `${dag}T10:00:00Z` });
    expect((await status('In behandeling', '2026-03-03')).status).toBe(201);
    const zonderResultaat = await status('Afgesloten', '2026-03-20');
    expect([zonderResultaat.status, code(zonderResultaat)]).toEqual([400, 'resultaat-does-not-exist']);
    expect((await post('/resultaten', { zaak: z.body.url, resultaattype: cat.resultaattypen['Gegrond'] })).status).toBe(201);
    const zonder = await status('Afgesloten', '2026-03-20');
    expect([zonder.status, code(zonder)]).toEqual([400, 'indicatiegebruiksrecht-unset']);

    const { lock } = (await verzoek('POST', 'documenten', `${String(doc.url)}/lock`, {})).body;
    expect(
      (await verzoek('PATCH', 'documenten', String(doc.url), { indicatieGebruiksrecht: false, lock })).body.indicatieGebruiksrecht,
    ).toBe(false);
    const gelocked = await status('Afgesloten', '2026-03-20');
    expect([gelocked.status, code(gelocked)]).toEqual([400, 'informatieobject-locked']);
    expect((await verzoek('POST', 'documenten', `${String(doc.url)}/unlock`, { lock })).status).toBe(204);
    expect((await status('Afgesloten', '2026-03-20')).status).toBe(201);
    // The eindstatus closes the zaak.
    expect(mock.verzameling('zaken', '/zaken').get(String(z.body.uuid))!.einddatum).toBe('2026-03-20');
  });

  it('Documenten API 1.5.0 enkelvoudiginformatieobject_partial_update: a document changes only under the lock of its checkout, which the unlock names too', async () => {
    const doc = await document();
    const url = String(doc.url);
    const zonderLock = await verzoek('PATCH', 'documenten', url, { indicatieGebruiksrecht: false });
    expect([zonderLock.status, code(zonderLock)]).toEqual([400, 'unlocked']);
    const lock = await verzoek('POST', 'documenten', `${url}/lock`, {});
    expect(lock.status).toBe(200);
    expect((await verzoek('GET', 'documenten', url)).body.locked).toBe(true);
    expect(code(await verzoek('POST', 'documenten', `${url}/lock`, {}))).toBe('existing-lock');
    expect(code(await verzoek('PATCH', 'documenten', url, { indicatieGebruiksrecht: false, lock: 'een-andere' }))).toBe(
      'incorrect-lock-id',
    );
    const ok = await verzoek('PATCH', 'documenten', url, { indicatieGebruiksrecht: false, lock: lock.body.lock });
    expect([ok.status, ok.body.indicatieGebruiksrecht, ok.body.versie, ok.body.locked]).toEqual([200, false, 2, true]);
    expect(code(await verzoek('POST', 'documenten', `${url}/unlock`, { lock: 'een-andere' }))).toBe('incorrect-lock-id');
    expect((await verzoek('POST', 'documenten', `${url}/unlock`, { lock: lock.body.lock })).status).toBe(204);
    expect((await verzoek('GET', 'documenten', url)).body.locked).toBe(false);
  });

  it('Zaken API 1.5.1 resultaat_partial_update: the resultaattype may not change; a zaak has one resultaat, replaced by resultaat_destroy and resultaat_create', async () => {
    const z = await post('/zaken', zaak());
    const eerste = await post('/resultaten', { zaak: z.body.url, resultaattype: cat.resultaattypen['Doorgestuurd'] });
    expect(eerste.status).toBe(201);
    const url = String(eerste.body.url);
    const wijzig = await verzoek('PATCH', 'zaken', url, { resultaattype: cat.resultaattypen['Gegrond'] });
    expect([wijzig.status, code(wijzig)]).toEqual([400, 'wijzigen-niet-toegelaten']);
    expect((await verzoek('PATCH', 'zaken', url, { toelichting: 'oordeel: gegrond' })).status).toBe(200);
    const tweede = await post('/resultaten', { zaak: z.body.url, resultaattype: cat.resultaattypen['Gegrond'] });
    expect([tweede.status, code(tweede)]).toEqual([400, 'unique']);
    expect((await verzoek('DELETE', 'zaken', url)).status).toBe(204);
    expect(mock.verzameling('zaken', '/zaken').get(String(z.body.uuid))!.resultaat).toBeNull();
    expect((await post('/resultaten', { zaak: z.body.url, resultaattype: cat.resultaattypen['Gegrond'] })).status).toBe(201);
  });

  it('Zaken API 1.5.1 status_create, rol_create, resultaat_create: a type of another version of the zaaktype is refused (zaaktype-mismatch)', async () => {
    const z = await post('/zaken', zaak());
    const nieuw = await nieuweZaaktypeVersie(mock, cat, '2026-06-01');
    const andere = [
      ['/statussen', { statustype: nieuw.statustypen['Ontvangen'], datumStatusGezet: '2026-03-02T09:00:00Z' }],
      ['/rollen', { roltype: nieuw.roltypen.klager, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'Klager' }],
      ['/resultaten', { resultaattype: nieuw.resultaattypen['Gegrond'] }],
    ] as const;
    for (const [pad, body] of andere) {
      const r = await post(pad, { zaak: z.body.url, ...body });
      expect([pad, r.status, code(r)]).toEqual([pad, 400, 'zaaktype-mismatch']);
    }
    const eigen = await post('/statussen', {
      zaak: z.body.url,
      statustype: cat.statustypen['Ontvangen'],
      datumStatusGezet: '2026-03-02T09:00:00Z',
    });
    expect(eigen.status).toBe(201);
  });
});
