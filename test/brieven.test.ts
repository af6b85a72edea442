import { createHash } from 'node:crypto';
import request from 'supertest';
import { KLOK } from '../src/common/klok';
import { BrievenService } from '../src/modules/brieven/brieven.service';
import { OutboxEntity } from '../src/modules/outbox/outbox.entity';
import { bearer, GEMEENTE_B } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = 'GM0363';
const NU = new Date('2026-06-01T09:00:00Z');
/**
 * The service's clock, pinned and moved by the test: each step is registered one minute after it happened, as a
 * behandelaar does who records what she does, so its letter is made that day (docs/brieven-en-dossier.md).
 */
const klok = { moment: NU, nu: () => new Date(klok.moment.getTime()) };
const registreerOp = (at: string) => (klok.moment = new Date(Date.parse(at) + 60_000));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Keeps the raw bytes of a reply (PDF) for hashing. */
const binair = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const delen: Buffer[] = [];
  res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
  res.on('end', () => cb(null, Buffer.concat(delen)));
};

/**
 * The Awb letters rendered from Amsterdam's templates when the outbox asks for them: stored in the dossier
 * with their SHA-256, in the timeline, returned as HTML and PDF; never lost, never twice.
 */
describe('letters in the dossier (Awb 9:6, 9:11 lid 2, 9:12)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;

  beforeAll(async () => {
    db = await createTestDatabase('brieven');
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

  const intake = {
    gemeente: AMSTERDAM,
    kanaal: 'brief',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: 'De wethouder reageerde niet op mijn brief',
    aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
    // Klachtenprotocol Wmo keten Amsterdam §5B: a klacht to the wethouder is the gemeente's own.
    feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
  };

  const kan = (body: { volgendeEvents: Array<{ type: string }> }) => ({ volgendeEvents: body.volgendeEvents.map((v) => v.type) });

  async function stap(id: string, type: string, at: string, data?: Record<string, unknown>) {
    registreerOp(at);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    await t.relay.idle();
    await t.relay.drain();
    return kan(r.body);
  }

  /** From intake to the afdoening, postponed once, through whatever formal steps the regime asks for. */
  async function totAfdoening(): Promise<string> {
    registreerOp(intake.ontvangenOp);
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', auth).send(intake).expect(201);
    let r = kan(k.body);
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (r.volgendeEvents.includes(type)) r = await stap(k.body.id, type, '2026-04-03T10:00:00+02:00');
    r = await stap(k.body.id, 'VERDAGEN', '2026-05-08T10:00:00+02:00', {
      termijn: 'afhandeling',
      duur: 'P4W',
      reden: 'wij wachten op informatie van de ketenpartner',
    });
    if (r.volgendeEvents.includes('HOREN_OVERSLAAN'))
      await stap(k.body.id, 'HOREN_OVERSLAAN', '2026-05-20T10:00:00+02:00', { reden: 'afgezien' });
    await stap(k.body.id, 'AFDOENEN', '2026-05-28T10:00:00+02:00', {
      oordeel: 'gegrond',
      bevindingen: 'Uw brief van 1 maart is niet beantwoord.',
      conclusies: ['De wethouder biedt excuses aan.', 'Brieven krijgen binnen twee weken antwoord.'],
    });
    await t.relay.idle();
    await t.relay.drain();
    return k.body.id as string;
  }

  it('Awb 9:12 lid 2: the afdoeningsbrief is stored with its SHA-256, names the Ombudsman Metropool Amsterdam and the one-year term, and comes back as HTML and PDF', async () => {
    const id = await totAfdoening();
    const lijst = await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200);
    expect(lijst.body).toEqual(expect.objectContaining({ page: 1, totaal: lijst.body.resultaten.length }));
    const soorten = lijst.body.resultaten.map((b: { soort: string; aan: string }) => `${b.soort}:${b.aan}`);
    // Awb 9:6 at intake; Awb 9:11 lid 2 to klager and beklaagde; Awb 9:12.
    expect(soorten).toEqual(['ontvangstbevestiging:klager', 'verdaging:klager', 'verdaging:beklaagde', 'afdoening:klager']);
    const afdoening = lijst.body.resultaten[3];
    expect(afdoening).toEqual(
      expect.objectContaining({
        status: 'opgemaakt',
        grondslag: 'Awb 9:12',
        datum: '2026-05-28',
        ontbrekend: [],
        sjabloon: 'gm0363-amsterdam/brieven/2015-01/afdoening.hbs',
        gemaaktOp: '2026-05-28T08:01:00.000Z',
      }),
    );

    const html = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${afdoening.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('een verzoekschrift indienen bij de Ombudsman Metropool Amsterdam');
    expect(html.text).toContain('binnen één jaar na deze mededeling (Awb 9:24 lid 1)');
    expect(html.text).toContain('Uw brief van 1 maart is niet beantwoord.');
    expect(html.text).toContain('<li>Brieven krijgen binnen twee weken antwoord.</li>');
    expect(sha(Buffer.from(html.text, 'utf8'))).toBe(afdoening.html.sha256);

    const pdf = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${afdoening.id}/pdf`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(pdf.body as Buffer)).toBe(afdoening.pdf.sha256);
    expect(pdf.headers.etag).toBe(`"${afdoening.pdf.sha256}"`);
    const viaAccept = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${afdoening.id}`)
      .set('Authorization', auth)
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    expect(sha(viaAccept.body as Buffer)).toBe(afdoening.pdf.sha256);

    // Awb 9:11 lid 2: the verdaging letter names the new date (6 weeks after 2 April plus 4 weeks: 11 June 2026).
    const verdaging = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${lijst.body.resultaten[2].id}/html`)
      .set('Authorization', auth)
      .expect(200);
    expect(verdaging.text).toContain('U krijgt deze brief als beklaagde.');
    expect(verdaging.text).toMatch(/uiterlijk op donderdag 11 juni 2026 afgehandeld/);

    // The timeline shows the letters between the events.
    const tijdlijn = await request(t.http).get(`/api/v1/klachten/${id}/dossier?pageSize=100`).set('Authorization', auth).expect(200);
    const regels = tijdlijn.body.resultaten.map(
      (r: { soort: string; gebeurtenis?: string; omschrijving: string }) => r.gebeurtenis ?? r.omschrijving,
    );
    expect(regels.slice(-2)).toEqual(['AFDOENEN', 'Brief: Afhandeling van uw klacht (Awb 9:12) aan klager']);
    expect(tijdlijn.body.resultaten.at(-1).sha256).toBe(afdoening.pdf.sha256);
  });

  it('AVG art. 30, 32: every read of a letter is logged in dossier_inzage, and another gemeente gets 404', async () => {
    const id = await totAfdoening();
    const teller = async () =>
      Number(((await t.db.query('select count(*)::int as n from dossier_inzage where klacht_id = $1', [id])) as Array<{ n: number }>)[0].n);
    const voor = await teller();
    const lijst = await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200);
    await request(t.http).get(`/api/v1/klachten/${id}/brieven/${lijst.body.resultaten[0].id}/pdf`).set('Authorization', auth).expect(200);
    expect(await teller()).toBe(voor + 2);
    await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven`)
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'klachtbehandelaar'))
      .expect(404);
  });

  it('a letter intent is never lost: a failed rendering stays in the outbox and is made on the next drain, once', async () => {
    // A real failure: the store is gone while the afdoening is recorded.
    await t.db.query('ALTER TABLE dossier_inhoud RENAME TO dossier_inhoud_weg');
    let id: string;
    try {
      id = await totAfdoening();
      const open = (await t.db.query(
        `select id, last_error from outbox where klacht_id = $1 and type like 'intent.%' and processed_at is null`,
        [id],
      )) as Array<{ last_error: string }>;
      expect(open.length).toBeGreaterThan(0);
      expect(open[0].last_error).toMatch(/brieven: .*dossier_inhoud/);
      expect(((await t.db.query('select count(*)::int as n from brief where klacht_id = $1', [id])) as Array<{ n: number }>)[0].n).toBe(0);
    } finally {
      await t.db.query('ALTER TABLE dossier_inhoud_weg RENAME TO dossier_inhoud');
    }
    // The failed rows wait for their next attempt (backoff); that moment has come. PostgreSQL stamped them with the wall
    // clock, long after this test's pinned days: the stamps are set to the minute each step was registered on that clock.
    await t.db.query(
      `update outbox set volgende_poging_op = now(), created_at = (payload->>'at')::timestamptz + interval '1 minute'
        where klacht_id = $1 and processed_at is null`,
      [id],
    );
    await t.relay.drain();
    const brieven = (await t.db.query('select soort from brief where klacht_id = $1 order by at, aan', [id])) as Array<{ soort: string }>;
    expect(brieven.map((b) => b.soort)).toEqual(['ontvangstbevestiging', 'verdaging', 'verdaging', 'afdoening']);
    // Made after the afdoening, each letter still states the termijn as its own step left it (Awb 9:6, 9:11): the
    // ontvangstbevestiging the afhandeltermijn of the intake, in May; the verdaging its new date, in June.
    const lijst = await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200);
    const tekstVan = async (soort: string) =>
      (
        await request(t.http)
          .get(`/api/v1/klachten/${id}/brieven/${lijst.body.resultaten.find((b: { soort: string }) => b.soort === soort).id}`)
          .set('Authorization', auth)
          .set('Accept', 'text/html')
          .expect(200)
      ).text;
    const bevestiging = await tekstVan('ontvangstbevestiging');
    expect(bevestiging).toContain('Wanneer hoort u van ons?');
    expect(bevestiging).toMatch(/Wij handelen uw klacht af uiterlijk op [^<]*mei 2026/);
    expect(await tekstVan('verdaging')).toMatch(/juni 2026/);

    // Handed over again (a relay that crashed before marking the row): nothing new.
    const rij = await t.db.getRepository(OutboxEntity).findOneByOrFail({ klachtId: id, type: 'intent.AFDOENINGSBRIEF' });
    await t.app.get(BrievenService, { strict: false }).handle(rij);
    expect(((await t.db.query('select count(*)::int as n from brief where klacht_id = $1', [id])) as Array<{ n: number }>)[0].n).toBe(4);
    expect(
      (
        (await t.db.query(`select count(*)::int as n from dossier_document where klacht_id = $1 and soort = 'brief'`, [id])) as Array<{
          n: number;
        }>
      )[0].n,
    ).toBe(8);
  });

  it('a letter made again after a crash between its documents and its brief row keeps its stored PDF, which stays readable', async () => {
    const id = await totAfdoening();
    await t.relay.drain();
    const [brief] = (await t.db.query(`select id from brief where klacht_id = $1 and soort = 'afdoening'`, [id])) as Array<{ id: string }>;
    const pdfVan = () =>
      request(t.http)
        .get(`/api/v1/klachten/${id}/brieven/${brief.id}/pdf`)
        .set('Authorization', auth)
        .buffer(true)
        .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb));
    const voor = await pdfVan().expect(200);
    // The crash: the HTML and PDF are stored, the brief row is not; the relay hands the row over again, later.
    await t.db.query(`delete from brief where id = $1`, [brief.id]);
    const voorheen = klok.moment;
    klok.moment = new Date(voorheen.getTime() + 3_600_000);
    try {
      const rij = await t.db.getRepository(OutboxEntity).findOneByOrFail({ klachtId: id, type: 'intent.AFDOENINGSBRIEF' });
      await t.app.get(BrievenService, { strict: false }).handle(rij);
    } finally {
      klok.moment = voorheen;
    }
    const na = await pdfVan().expect(200);
    expect(sha(na.body as Buffer)).toBe(sha(voor.body as Buffer));
  });
});
