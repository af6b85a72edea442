import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import type { components, paths } from './support/openapi/klachtregie-api';
import { genereerTypen } from './support/openapi/genereer';

type Klacht = components['schemas']['KlachtDetailDto'];
const AMSTERDAM = 'GM0363';
const TYPEN = join(__dirname, 'support', 'openapi', 'klachtregie-api.d.ts');

/**
 * A client generated from the served OpenAPI document (openapi-typescript + openapi-fetch), as an
 * integrator would use it, runs a whole Amsterdam klacht (Klachtenprotocol Wmo keten Amsterdam, Awb
 * hoofdstuk 9) over real HTTP. Every answer is also checked against the document (test/support/contract.ts).
 */
describe('generated OpenAPI client', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let client: ReturnType<typeof createClient<paths>>;
  let basis: string;
  let kcc: string;
  let zorgWest: string;

  beforeAll(async () => {
    db = await createTestDatabase('klachtregie_client');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    basis = `http://127.0.0.1:${port}/api/v1`;
    client = createClient<paths>({ baseUrl: basis });
    kcc = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
    zorgWest = await bearer(t.app, AMSTERDAM, 'aanbieder', 'zorg-west');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('the committed client types are what openapi-typescript generates from the served document', async () => {
    const document = (await (await fetch(`${basis}/openapi.json`)).json()) as Record<string, unknown>;
    const verwacht = await genereerTypen(document);
    if (process.env.KLANT_BIJWERKEN) writeFileSync(TYPEN, verwacht);
    expect(readFileSync(TYPEN, 'utf8')).toBe(verwacht);
  }, 120_000);

  it('Amsterdam: intake at the gemeente, the aanbieder reporting back, verdaging, afdoening and a request to the ombudsman, typed end to end', async () => {
    const kccKop = { Authorization: kcc };
    /** Sends an event the klacht offers now (volgendeEvents), and returns the klacht after it. */
    const stuur = async (k: Klacht, type: string, data?: Record<string, unknown>): Promise<Klacht> => {
      expect(k.volgendeEvents.map((e) => e.type)).toContain(type);
      const {
        data: na,
        error,
        response,
      } = await client.POST('/klachten/{id}/gebeurtenissen', {
        params: { path: { id: k.id } },
        headers: kccKop,
        body: { type, ...(data ? { data } : {}) },
      });
      if (!na) throw new Error(`${type}: ${response.status} ${JSON.stringify(error)}`);
      return na;
    };

    // Intake by the KCC about two ketenpartners: the gemeente handles it itself (Amsterdam §5B).
    const intake = await client.POST('/klachten', {
      headers: kccKop,
      body: {
        gemeente: AMSTERDAM,
        kanaal: 'telefoon',
        ontvangenOp: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Huishoudelijke hulp en vervoer spreken elkaar tegen',
        aanbieders: [
          { id: 'zorg-west', naam: 'Zorg West', type: 'wmo' },
          { id: 'vervoer-oost', naam: 'Vervoer Oost', type: 'wmo' },
        ],
        feiten: {},
      },
    });
    expect(intake.response.status).toBe(201);
    let k = intake.data!;
    // The generated types say what the document says: a nullable string is `string | null`.
    const onderwerp: string | null = k.onderwerp;
    expect(onderwerp).toBe('Huishoudelijke hulp en vervoer spreken elkaar tegen');
    expect(k.state).toMatch(/^gemeente\./);

    // The aanbieder sees the klacht about itself in its list (the one list envelope) and reports back.
    const lijst = await client.GET('/klachten', { headers: { Authorization: zorgWest } });
    expect(lijst.data!.resultaten.map((r) => r.id)).toEqual([k.id]);
    expect(lijst.data!.links.self.href).toMatch(/page=1/);
    const terug = await client.POST('/klachten/{id}/terugkoppelingen', {
      params: { path: { id: k.id } },
      headers: { Authorization: zorgWest },
      body: { soort: 'registratie', opmerking: 'De planning is aangepast.' },
    });
    expect(terug.response.status).toBe(201);

    // Awb 9:11 lid 2: verdaging of the afhandeltermijn by two weeks, with a reason.
    k = (await client.GET('/klachten/{id}', { params: { path: { id: k.id } }, headers: kccKop })).data!;
    const voor = k.termijnen.find((x) => x.naam === 'afhandeling')!;
    k = await stuur(k, 'VERDAGEN', { termijn: 'afhandeling', duur: 'P2W', reden: 'hoorzitting' });
    const na = k.termijnen.find((x) => x.naam === 'afhandeling')!;
    expect(na.vervaldatum > voor.vervaldatum).toBe(true);

    // Awb 9:12: afdoening with an oordeel, via the steps the definition offers before it.
    const stappenVoorAfdoening: Array<[string, Record<string, unknown> | undefined]> = [
      ['FORMELE_BEHANDELING', undefined],
      ['IN_BEHANDELING_NEMEN', undefined],
      // Awb 9:10 lid 2: the klager waived being heard.
      ['HOREN_OVERSLAAN', { reden: 'afgezien' }],
      ['VIER_OGEN_AKKOORD', undefined],
    ];
    for (let i = 0; i < 6 && !k.volgendeEvents.some((e) => e.type === 'AFDOENEN'); i++) {
      const volgende = stappenVoorAfdoening.find(([type]) => k.volgendeEvents.some((e) => e.type === type));
      if (!volgende) break;
      k = await stuur(k, volgende[0], volgende[1]);
    }
    k = await stuur(k, 'AFDOENEN', { oordeel: 'deelsGegrond' });
    expect(k.oordeel).toBe('deelsGegrond');

    // Awb 9:18: the klager asks the ombudsman; the ombudsman's informatievraag becomes a linked case.
    k = await stuur(k, 'VERZOEK_OMBUDSMAN');
    const verzoek = await client.POST('/klachten/{id}/ombudsman-verzoeken', {
      params: { path: { id: k.id } },
      headers: kccKop,
      body: { soort: 'informatievraag', ontvangenOp: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString() },
    });
    expect(verzoek.response.status).toBe(201);
    expect(verzoek.data!.hoofdKlachtId).toBe(k.id);
    const tijdlijn = await client.GET('/klachten/{id}/tijdlijn', { params: { path: { id: k.id } }, headers: kccKop });
    expect(tijdlijn.data!.gebeurtenissen.map((g) => g.type)).toEqual(
      expect.arrayContaining(['KLACHT_ONTVANGEN', 'VERDAGEN', 'AFDOENEN', 'VERZOEK_OMBUDSMAN']),
    );
  });
});
