/**
 * docs/api.md (terugkoppelingen; Idempotentie: accepted input is never lost, and a failed request changes nothing) with
 * ADR 0004 (one transaction per event): an aanbieder's terugkoppeling that takes an act (an event, or a registratie) is
 * stored in that act's transaction, all or nothing (EngineService Erbij). Written in two transactions, a failure between
 * them (a crash, the database gone, a constraint) left the act without the report or the report without its act. Here
 * the report's row fails after the act's statement ran (a trigger on terugkoppeling in this test's database, as a
 * failure between the two would): neither may be stored. Without an Idempotency-Key, so the event goes through the
 * engine's group commit (ADR 0008). Amsterdam's seed definition (the aanbieder's AFDOENEN), the service's clock fixed,
 * no worker (ROLE=api).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-04-08T10:00:00+02:00');
/** The opmerking that makes the report's row fail in this test's database. */
const FAAL = 'rij faalt';

describe('a terugkoppeling and its act are stored together or not at all (Amsterdam definition)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let behandelaar: string;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('terugkoppeling_atomair');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    ds = t.app.get(DataSource);
    // Only in this test's database: the report's row fails when it is written, after its act's statement.
    await ds.query(`CREATE FUNCTION test_rij_faalt() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.opmerking = '${FAAL}' THEN RAISE EXCEPTION 'terugkoppeling geweigerd (test)'; END IF;
        RETURN NEW;
      END $$`);
    await ds.query(`CREATE TRIGGER test_rij_faalt BEFORE INSERT ON terugkoppeling FOR EACH ROW EXECUTE FUNCTION test_rij_faalt()`);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** A simple klacht about one aanbieder, forwarded to it and taken in behandeling there; its id and that aanbieder's key. */
  async function bijAanbieder(aanbieder: string): Promise<{ id: string; sleutel: string }> {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: 'GM0363',
        kanaal: 'telefoon',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'gemeente',
        aanbieders: [{ id: aanbieder, naam: aanbieder, type: 'wmo' }],
        feiten: { complex: false, eerderBijAanbieder: false },
      });
    expect([k.status, k.body.state]).toEqual([201, 'doorgestuurdNaarAanbieder']);
    const sleutel = await bearer(t.app, 'GM0363', 'aanbieder', aanbieder);
    const b = await request(t.http)
      .post(`/api/v1/klachten/${k.body.id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .send({ soort: 'behandeling' });
    expect(b.body.toegepast).toBe(true);
    return { id: k.body.id, sleutel };
  }

  /** The klacht's reports and acts (history after the intake), and its state. */
  const stand = async (id: string) => ({
    rijen: (await ds.query('select soort, gebeurtenis from terugkoppeling where klacht_id = $1 order by created_at', [id])) as unknown[],
    historie: (
      (await ds.query(`select type from klacht_gebeurtenis where klacht_id = $1 and type <> 'KLACHT_ONTVANGEN' order by id`, [
        id,
      ])) as Array<{
        type: string;
      }>
    ).map((r) => r.type),
    state: ((await ds.query('select state from klacht where id = $1', [id])) as Array<{ state: string }>)[0].state,
  });

  it('Awb 9:12 with docs/api.md: an afdoening reported by the aanbieder is written with its AFDOENEN in one transaction', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-samen');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .send({ soort: 'afdoening', oordeel: 'gegrond' });
    // The same xmin: the row and the history row were written by one transaction.
    const [rij] = (await ds.query(`select xmin::text as x from terugkoppeling where id = $1`, [r.body.id])) as Array<{ x: string }>;
    const [act] = (await ds.query(`select xmin::text as x from klacht_gebeurtenis where klacht_id = $1 and type = 'AFDOENEN'`, [
      id,
    ])) as Array<{ x: string }>;
    expect({ status: r.status, toegepast: r.body.toegepast, gebeurtenis: r.body.gebeurtenis, eenTransactie: rij?.x === act?.x }).toEqual({
      status: 201,
      toegepast: true,
      gebeurtenis: 'AFDOENEN',
      eenTransactie: true,
    });
    expect(await stand(id)).toMatchObject({
      rijen: [
        { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
        { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
      ],
      historie: ['AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN'],
    });
  });

  it('docs/api.md (a failed request changes nothing): when the report fails after its AFDOENEN ran, neither the act nor the report is stored, and the same report afterwards takes it once', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-faalt');
    const voor = await stand(id);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .send({ soort: 'afdoening', oordeel: 'gegrond', opmerking: FAAL });
    expect(r.status).toBeGreaterThanOrEqual(500);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await stand(id)).toEqual(voor);
    // Sent again (the failure gone): taken once, with its report.
    const opnieuw = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .send({ soort: 'afdoening', oordeel: 'gegrond' });
    expect([opnieuw.status, opnieuw.body.toegepast]).toEqual([201, true]);
    expect(await stand(id)).toMatchObject({
      rijen: [
        { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
        { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
      ],
      historie: ['AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN'],
    });
  });

  it('Uitgangspunten klachtenmanagement Sociaal Domein art. 11.1 (the aanbieder registers): when the report of a registratie fails, the registration is not stored either', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-registratie');
    const voor = await stand(id);
    const [{ tevredenheid: tevredenVoor }] = (await ds.query('select tevredenheid from klacht where id = $1', [id])) as Array<{
      tevredenheid: string | null;
    }>;
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .send({ soort: 'registratie', registratie: { tevredenheid: 'niet bereikt' }, opmerking: FAAL });
    expect(r.status).toBeGreaterThanOrEqual(500);
    const [{ tevredenheid }] = (await ds.query('select tevredenheid from klacht where id = $1', [id])) as Array<{
      tevredenheid: string | null;
    }>;
    expect({ na: await stand(id), tevredenheid }).toEqual({ na: voor, tevredenheid: tevredenVoor });
  });

  it('ADR 0008: a report that fails takes only its own act down; events on other klachten sent with it are written', async () => {
    const faalt = await bijAanbieder('zorg-groep-faalt');
    const ander = await bijAanbieder('zorg-groep-ander');
    const [a, b] = await Promise.all([
      request(t.http)
        .post(`/api/v1/klachten/${faalt.id}/terugkoppelingen`)
        .set('Authorization', faalt.sleutel)
        .send({ soort: 'afdoening', oordeel: 'ongegrond', opmerking: FAAL }),
      request(t.http)
        .post(`/api/v1/klachten/${ander.id}/terugkoppelingen`)
        .set('Authorization', ander.sleutel)
        .send({ soort: 'afdoening', oordeel: 'ongegrond' }),
    ]);
    expect({ a: a.status >= 500, b: [b.status, b.body.toegepast] }).toEqual({ a: true, b: [201, true] });
    expect((await stand(faalt.id)).historie).toEqual(['AANBIEDER_NEEMT_IN_BEHANDELING']);
    expect(await stand(ander.id)).toMatchObject({
      rijen: [
        { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
        { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
      ],
      historie: ['AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN'],
    });
  });

  it('docs/api.md Idempotentie: under an Idempotency-Key the report, its AFDOENEN and the key are one transaction; a failing report leaves the key free for the retry', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-sleutel');
    const stuur = (opmerking: string) =>
      request(t.http)
        .post(`/api/v1/klachten/${id}/terugkoppelingen`)
        .set('Authorization', sleutel)
        .set('Idempotency-Key', `atomair-${id}`)
        .send({ soort: 'afdoening', oordeel: 'gegrond', opmerking });
    const voor = await stand(id);
    const mislukt = await stuur(FAAL);
    const naMislukt = await stand(id);
    const [{ n: sleutels }] = (await ds.query(`select count(*)::int as n from idempotentie_sleutel where sleutel = $1`, [
      `atomair-${id}`,
    ])) as Array<{
      n: number;
    }>;
    expect({ status: mislukt.status >= 500, gelijk: naMislukt, sleutels }).toEqual({ status: true, gelijk: voor, sleutels: 0 });
    // Another body is another request: a new key for it.
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .set('Idempotency-Key', `atomair-2-${id}`)
      .send({ soort: 'afdoening', oordeel: 'gegrond' });
    const [k] = (await ds.query(`select resultaat, xmin::text as x from idempotentie_sleutel where sleutel = $1`, [
      `atomair-2-${id}`,
    ])) as Array<{
      resultaat: { klachtId: string; terugkoppelingId?: string };
      x: string;
    }>;
    const [rij] = (await ds.query(`select xmin::text as x from terugkoppeling where id = $1`, [r.body.id])) as Array<{ x: string }>;
    const [act] = (await ds.query(`select xmin::text as x from klacht_gebeurtenis where klacht_id = $1 and type = 'AFDOENEN'`, [
      id,
    ])) as Array<{ x: string }>;
    expect({
      status: r.status,
      resultaat: k.resultaat,
      // The key's row was updated again after the commit (the reply stored), so only the report and the act are compared.
      eenTransactie: rij?.x === act?.x,
    }).toEqual({ status: 201, resultaat: { klachtId: id, terugkoppelingId: r.body.id }, eenTransactie: true });
    // Replayed: the same report, nothing again.
    const herhaald = await request(t.http)
      .post(`/api/v1/klachten/${id}/terugkoppelingen`)
      .set('Authorization', sleutel)
      .set('Idempotency-Key', `atomair-2-${id}`)
      .send({ soort: 'afdoening', oordeel: 'gegrond' });
    expect([herhaald.status, herhaald.headers['idempotent-replayed'], herhaald.body.id]).toEqual([201, 'true', r.body.id]);
    expect((await stand(id)).historie).toEqual(['AANBIEDER_NEEMT_IN_BEHANDELING', 'AFDOENEN']);
  });
});
