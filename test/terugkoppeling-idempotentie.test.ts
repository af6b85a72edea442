/**
 * Idempotency-Key on POST /klachten/{id}/terugkoppelingen (docs/api.md, Idempotentie; IETF
 * draft-ietf-httpapi-idempotency-key-header): a retry with the same key runs nothing again and answers the first result,
 * and a request that fails (4xx/5xx) changes nothing, also no terugkoppeling row. The key is claimed in the transaction
 * that takes the event or writes the report. Amsterdam's seed definition (the aanbieder's AFDOENEN), the service's clock
 * fixed, no worker (ROLE=api).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ProblemException } from '../src/common/problem';
import { KlachtenService } from '../src/modules/klachten/klachten.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-04-08T10:00:00+02:00');

describe('terugkoppelingen under an Idempotency-Key (Amsterdam definition)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let behandelaar: string;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('terugkoppeling_idempotentie');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    ds = t.app.get(DataSource);
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

  const stand = async (id: string) => ({
    rijen: (await ds.query('select soort, gebeurtenis from terugkoppeling where klacht_id = $1 order by created_at', [id])) as unknown[],
    afdoeningen: (
      (await ds.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and type = 'AFDOENEN'`, [id])) as Array<{
        n: number;
      }>
    )[0].n,
  });

  it('a failed terugkoppeling (409: the klacht is being imported) leaves no row; the retry with the same key takes it once', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-mislukt');
    const klachten = t.app.get(KlachtenService, { strict: false });
    // What metWekkersBij answers when a termijn passed before the act while the klacht is being imported: nothing registered.
    const fout = jest
      .spyOn(klachten, 'gebeurtenis')
      .mockRejectedValueOnce(ProblemException.conflict('klacht-wordt-geimporteerd', 'De klacht wordt geïmporteerd', 'stuur haar opnieuw'));
    const stuur = () =>
      request(t.http)
        .post(`/api/v1/klachten/${id}/terugkoppelingen`)
        .set('Authorization', sleutel)
        .set('Idempotency-Key', 'mislukt-1')
        .send({ soort: 'afdoening', oordeel: 'gegrond' });
    const eerste = await stuur();
    fout.mockRestore();
    const naFout = await stand(id);
    const retry = await stuur();
    expect({
      eerste: eerste.status,
      naFout,
      retry: [retry.status, retry.body.toegepast, retry.body.gebeurtenis, retry.headers['idempotent-replayed']],
      na: await stand(id),
    }).toEqual({
      eerste: 409,
      naFout: { rijen: [{ soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' }], afdoeningen: 0 },
      retry: [201, true, 'AFDOENEN', undefined],
      na: {
        rijen: [
          { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
          { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
        ],
        afdoeningen: 1,
      },
    });
  });

  it('a retried terugkoppeling with the same key answers the first result and writes nothing again: a registratie, an event applied, and one only kept', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-herhaald');
    const stuur = (key: string, body: Record<string, unknown>) =>
      request(t.http).post(`/api/v1/klachten/${id}/terugkoppelingen`).set('Authorization', sleutel).set('Idempotency-Key', key).send(body);
    // A registratie on its own: registered once (one history row), not again on the retry.
    const registratie = { soort: 'registratie', registratie: { tevredenheid: 'niet bereikt' } };
    const r1 = await stuur('herhaald-registratie', registratie);
    const r2 = await stuur('herhaald-registratie', registratie);
    const afdoening = { soort: 'afdoening', oordeel: 'gegrond' };
    const a1 = await stuur('herhaald-afdoening', afdoening);
    const a2 = await stuur('herhaald-afdoening', afdoening);
    // Only kept (the klacht is afgedaan; the aanbieder takes it in behandeling no more).
    const behandeling = { soort: 'behandeling', opmerking: 'nog eens' };
    const b1 = await stuur('herhaald-behandeling', behandeling);
    const b2 = await stuur('herhaald-behandeling', behandeling);
    const [{ n: registraties }] = await ds.query(
      `select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and type = 'REGISTRATIE_GEWIJZIGD'`,
      [id],
    );
    expect({
      registratie: [r1.status, r1.body.gebeurtenis, r2.status, r2.headers['idempotent-replayed'], r2.body.id === r1.body.id, registraties],
      afdoening: [a1.status, a1.body.toegepast, a2.status, a2.headers['idempotent-replayed'], a2.body.id === a1.body.id],
      behandeling: [b1.status, b1.body.toegepast, b2.status, b2.headers['idempotent-replayed'], b2.body.id === b1.body.id],
      na: await stand(id),
    }).toEqual({
      registratie: [201, 'REGISTRATIE_GEWIJZIGD', 201, 'true', true, 1],
      afdoening: [201, true, 201, 'true', true],
      behandeling: [201, false, 201, 'true', true],
      na: {
        rijen: [
          { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
          { soort: 'registratie', gebeurtenis: 'REGISTRATIE_GEWIJZIGD' },
          { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
          { soort: 'behandeling', gebeurtenis: null },
        ],
        afdoeningen: 1,
      },
    });
  });

  it('a crash after the event committed, before its reply: the retry with the same key applies nothing again and keeps the report once, as applied', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-crash');
    const klachten = t.app.get(KlachtenService, { strict: false });
    // The event commits, then the process stops (the read of the klacht after it fails).
    const crash = jest.spyOn(klachten, 'detail').mockRejectedValueOnce(new Error('proces gestopt na de commit'));
    const stuur = () =>
      request(t.http)
        .post(`/api/v1/klachten/${id}/terugkoppelingen`)
        .set('Authorization', sleutel)
        .set('Idempotency-Key', 'crash-1')
        .send({ soort: 'afdoening', oordeel: 'deelsGegrond' });
    const eerste = await stuur();
    crash.mockRestore();
    const retry = await stuur();
    const opnieuw = await stuur();
    expect({
      eerste: eerste.status,
      retry: [retry.status, retry.headers['idempotent-replayed'], retry.body.toegepast, retry.body.gebeurtenis],
      opnieuw: [opnieuw.status, opnieuw.body.id === retry.body.id],
      na: await stand(id),
    }).toEqual({
      eerste: 500,
      retry: [201, 'true', true, 'AFDOENEN'],
      opnieuw: [201, true],
      na: {
        rijen: [
          { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
          { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
        ],
        afdoeningen: 1,
      },
    });
  });

  it('concurrent duplicates with one Idempotency-Key take the afdoening once and keep one row', async () => {
    const { id, sleutel } = await bijAanbieder('zorg-gelijktijdig');
    const stuur = () =>
      request(t.http)
        .post(`/api/v1/klachten/${id}/terugkoppelingen`)
        .set('Authorization', sleutel)
        .set('Idempotency-Key', 'gelijktijdig-1')
        .send({ soort: 'afdoening', oordeel: 'ongegrond' });
    const antwoorden = await Promise.all([stuur(), stuur(), stuur()]);
    expect({
      statussen: antwoorden.map((a) => a.status),
      ids: new Set(antwoorden.map((a) => a.body.id)).size,
      na: await stand(id),
    }).toEqual({
      statussen: [201, 201, 201],
      ids: 1,
      na: {
        rijen: [
          { soort: 'behandeling', gebeurtenis: 'AANBIEDER_NEEMT_IN_BEHANDELING' },
          { soort: 'afdoening', gebeurtenis: 'AFDOENEN' },
        ],
        afdoeningen: 1,
      },
    });
  });
});
