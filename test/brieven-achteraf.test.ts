import request from 'supertest';
import { KLOK } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { importIntake } from './support/import-intake';

const AMSTERDAM = 'GM0363';
const NU = new Date('2026-06-01T09:00:00Z');
/** The service's clock (KLOK), pinned and moved by each test; never the wall clock. */
const klok = { moment: NU, nu: () => new Date(klok.moment.getTime()) };

interface Brief {
  id: string;
  soort: string;
  aan: string;
  datum: string;
  status: string;
  reden?: string;
  pdf?: { sha256: string };
}

/**
 * Letters for acts Klachtregie learns of after the fact (docs/brieven-en-dossier.md, "Welke datum"): a letter bears the
 * day it is made; an act registered on a later day than it was done, and history brought in by the bulk import, get no
 * letter, and the dossier says why.
 */
describe('letters for acts registered late or imported (Awb 9:12, 9:24 lid 1; Archiefwet 1995 art. 3)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;

  beforeAll(async () => {
    db = await createTestDatabase('brieven_achteraf');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    auth = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const volgende = (body: { volgendeEvents: Array<{ type: string }> }) => body.volgendeEvents.map((v) => v.type);

  /** Handles the outbox now, on the service's clock. */
  async function verwerk(): Promise<void> {
    await t.relay.idle();
    await t.relay.drain();
  }

  /** Registers a step at `registratie` (the service's clock) that happened at `at`. */
  async function stap(id: string, type: string, at: string, registratie: string, data?: Record<string, unknown>) {
    klok.moment = new Date(registratie);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    await verwerk();
    return volgende(r.body);
  }

  /** An Amsterdam klacht to the wethouder (the gemeente's own, Klachtenprotocol Wmo keten §5B), in behandeling, each step registered as it happened. */
  async function inBehandeling(): Promise<string> {
    klok.moment = new Date('2026-04-02T10:01:00+02:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'brief',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De wethouder reageerde niet op mijn brief',
        aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
        feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
      })
      .expect(201);
    await verwerk();
    let kan = volgende(k.body);
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (kan.includes(type)) kan = await stap(k.body.id, type, '2026-04-03T10:00:00+02:00', '2026-04-03T10:05:00+02:00');
    return k.body.id as string;
  }

  const brieven = async (id: string): Promise<Brief[]> =>
    (await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body.resultaten;

  const briefDocumenten = async (id: string, briefId: string) =>
    (
      (await t.db.query(`select count(*)::int as n from dossier_document where klacht_id = $1 and brief_id = $2`, [id, briefId])) as Array<{
        n: number;
      }>
    )[0].n;

  it('Awb 9:12 with 9:24 lid 1: an AFDOENEN registered three weeks after it was done gets no afdoeningsbrief dated then, nor one dated now; the dossier says why', async () => {
    const id = await inBehandeling();
    const kan = volgende(
      (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth).expect(200)).body as {
        volgendeEvents: Array<{ type: string }>;
      },
    );
    if (kan.includes('HOREN_OVERSLAAN'))
      await stap(id, 'HOREN_OVERSLAAN', '2026-05-20T10:00:00+02:00', '2026-05-20T10:05:00+02:00', { reden: 'afgezien' });
    // Decided and sent on 28 May by other means; recorded in Klachtregie on 18 June.
    await stap(id, 'AFDOENEN', '2026-05-28T10:00:00+02:00', '2026-06-18T09:00:00+02:00', {
      oordeel: 'gegrond',
      bevindingen: 'Uw brief van 1 maart is niet beantwoord.',
      conclusies: ['De wethouder biedt excuses aan.'],
    });
    const lijst = await brieven(id);
    // The ontvangstbevestiging of a step registered on its own day is made, with that day's date (Awb 9:6).
    expect(lijst.find((b) => b.soort === 'ontvangstbevestiging')).toEqual(
      expect.objectContaining({ status: 'opgemaakt', datum: '2026-04-03' }),
    );
    const afdoening = lijst.find((b) => b.soort === 'afdoening')!;
    expect(afdoening).toEqual(expect.objectContaining({ status: 'niet-opgemaakt', aan: 'klager' }));
    expect(afdoening.reden).toMatch(
      /^achteraf geregistreerd: AFDOENEN is gedaan op donderdag 28 mei 2026 en pas op donderdag 18 juni 2026/,
    );
    expect(afdoening.reden).toContain('Awb 9:24 lid 1');
    expect(afdoening.pdf).toBeUndefined();
    expect(await briefDocumenten(id, afdoening.id)).toBe(0);
    // The timeline shows that no letter was made, after the act itself.
    const tijdlijn = await request(t.http).get(`/api/v1/klachten/${id}/dossier?pageSize=100`).set('Authorization', auth).expect(200);
    const regels = tijdlijn.body.resultaten.map((r: { gebeurtenis?: string; omschrijving: string }) => r.gebeurtenis ?? r.omschrijving);
    expect(regels.slice(regels.indexOf('AFDOENEN'))).toEqual([
      'AFDOENEN',
      expect.stringMatching(/^Brief: Afhandeling van uw klacht \(Awb 9:12\) aan klager — niet opgemaakt: achteraf geregistreerd/),
    ]);
    // The engine counts the ombudsman's year from the act itself (Awb 9:24 lid 1), as the absent letter would have.
    const [jaar] = (await t.db.query(
      `select vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'tweedeLijnVerzoek'`,
      [id],
    )) as Array<{
      vervaldatum: string;
    }>;
    expect(jaar?.vervaldatum).toBe('2027-05-28');
  });

  it('a letter bears the day it is made: a verdaging registered on its day whose letter could only be made the next morning is dated that morning (Awb 9:11 lid 2)', async () => {
    const id = await inBehandeling();
    await t.db.query('ALTER TABLE dossier_inhoud RENAME TO dossier_inhoud_weg');
    try {
      await stap(id, 'VERDAGEN', '2026-05-08T16:00:00+02:00', '2026-05-08T16:05:00+02:00', {
        termijn: 'afhandeling',
        duur: 'P4W',
        reden: 'wij wachten op informatie van de ketenpartner',
      });
      expect((await brieven(id)).filter((b) => b.soort === 'verdaging')).toEqual([]);
    } finally {
      await t.db.query('ALTER TABLE dossier_inhoud_weg RENAME TO dossier_inhoud');
    }
    // The store is back the next morning; PostgreSQL stamped the rows with the wall clock, here set to the registration.
    klok.moment = new Date('2026-05-09T08:30:00+02:00');
    await t.db.query(
      `update outbox set volgende_poging_op = now(), created_at = '2026-05-08T16:05:00+02:00' where klacht_id = $1 and processed_at is null`,
      [id],
    );
    await verwerk();
    const verdaging = (await brieven(id)).filter((b) => b.soort === 'verdaging');
    expect(verdaging.map((b) => [b.aan, b.status, b.datum])).toEqual([
      ['klager', 'opgemaakt', '2026-05-09'],
      ['beklaagde', 'opgemaakt', '2026-05-09'],
    ]);
    const html = await request(t.http).get(`/api/v1/klachten/${id}/brieven/${verdaging[0].id}/html`).set('Authorization', auth).expect(200);
    expect(html.text).toContain('<p>zaterdag 9 mei 2026<br>');
    expect(html.text).not.toContain('<p>vrijdag 8 mei 2026<br>');
    // Awb 9:11 lid 2: the day of the decision itself, so the klager sees it was decided before the termijn ended.
    expect(html.text).toContain('Dat hebben wij besloten op vrijdag 8 mei 2026.');
  });

  it('docs/import.md: a klacht imported with its history of 2024 gets no letters for that history (the previous system sent them); its afdoening through the API after the import does', async () => {
    klok.moment = NU;
    const beheerder = await bearer(t.app, AMSTERDAM, 'beheerder');
    const regel = {
      extern: 'AMS-2024-BRIEF',
      intake: importIntake('historische klacht met brieven'),
      gebeurtenissen: [
        { type: 'FORMELE_BEHANDELING', at: '2024-03-05T09:00:00+01:00' },
        { type: 'IN_BEHANDELING_NEMEN', at: '2024-03-06T09:00:00+01:00' },
        {
          type: 'VERDAGEN',
          at: '2024-04-10T09:00:00+02:00',
          data: { termijn: 'afhandeling', duur: 'P4W', reden: 'wachten op de ketenpartner' },
        },
      ],
    };
    const start = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', Buffer.from(JSON.stringify(regel) + '\n'), { filename: 'historie.ndjson', contentType: 'application/x-ndjson' })
      .expect(202);
    let klaar: { status: string; geimporteerd: number; fouten: unknown[] } | undefined;
    for (let i = 0; i < 300 && klaar?.status !== 'klaar'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      klaar = (await request(t.http).get(`/api/v1/imports/${start.body.id}`).set('Authorization', beheerder).expect(200)).body;
    }
    expect(klaar).toEqual(expect.objectContaining({ status: 'klaar', geimporteerd: 1, fouten: [] }));
    const [{ id }] = (await t.db.query(`select id from klacht where onderwerp = 'historische klacht met brieven'`)) as Array<{
      id: string;
    }>;
    await verwerk();

    const historisch = await brieven(id);
    expect(historisch.map((b) => `${b.soort}:${b.aan}:${b.status}`)).toEqual([
      'ontvangstbevestiging:klager:niet-opgemaakt',
      'verdaging:klager:niet-opgemaakt',
      'verdaging:beklaagde:niet-opgemaakt',
    ]);
    for (const b of historisch) {
      expect(b.reden).toMatch(
        new RegExp(`^geïmporteerd: de stap van .* 2024 komt uit het vorige systeem \\(import ${start.body.id}, AMS-2024-BRIEF\\)`),
      );
      expect(await briefDocumenten(id, b.id)).toBe(0);
    }

    // Handled in Klachtregie from now on: its afdoening, registered as it is done, gets its letter.
    const kan = volgende((await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth).expect(200)).body);
    if (kan.includes('HOREN_OVERSLAAN')) await stap(id, 'HOREN_OVERSLAAN', NU.toISOString(), NU.toISOString(), { reden: 'afgezien' });
    await stap(id, 'AFDOENEN', NU.toISOString(), NU.toISOString(), {
      oordeel: 'gegrond',
      bevindingen: 'De ketenpartner antwoordde niet.',
      conclusies: ['Excuses.'],
    });
    const afdoening = (await brieven(id)).find((b) => b.soort === 'afdoening')!;
    expect(afdoening).toEqual(expect.objectContaining({ status: 'opgemaakt', datum: '2026-06-01' }));
    expect(await briefDocumenten(id, afdoening.id)).toBe(2);
  });

  it('docs/import.md: an X-Correlation-ID in the import’s form is refused (400 naming the header, nothing written), so no client can make its act look imported and stop a letter (only the import claims its key)', async () => {
    klok.moment = NU;
    const intake = {
      gemeente: AMSTERDAM,
      kanaal: 'brief',
      ontvangenOp: new Date(NU.getTime() - 7_200_000).toISOString(),
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'lijkt geïmporteerd',
      aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
      feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
    };
    const geweigerd = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .set('X-Correlation-ID', 'import.00000000-0000-4000-8000-000000000000.AMS-X')
      .send(intake);
    expect([geweigerd.status, geweigerd.body.invalidParams?.map((p: { name: string }) => p.name)]).toEqual([400, ['X-Correlation-ID']]);
    const [{ n }] = await t.db.query(`select count(*)::int as n from klacht where onderwerp = 'lijkt geïmporteerd'`);
    expect(n).toBe(0);
    // The same klacht under the client's own correlation id gets its letter.
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .set('X-Correlation-ID', 'kcc-4711')
      .send(intake)
      .expect(201);
    await verwerk();
    // Done an hour before it is registered, the same day.
    const eerder = new Date(NU.getTime() - 3_600_000).toISOString();
    if (volgende(k.body).includes('FORMELE_BEHANDELING')) await stap(k.body.id, 'FORMELE_BEHANDELING', eerder, NU.toISOString());
    expect((await brieven(k.body.id)).map((b) => `${b.soort}:${b.status}`)).toEqual(['ontvangstbevestiging:opgemaakt']);
  });
});
