import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

/**
 * A day something happened, given as event data (the jeugdhulpaanbieder's receipt of the klachtencommissie's oordeel,
 * from which its month runs: Jeugdwet 4.2.1 lid 5), is a fact: not before the oordeel itself and not after the day it
 * is registered. A typing error (2062 for 2026) would otherwise put the aanbieder's month decades ahead, and the
 * klacht would never be late on it. The service's clock is pinned: today is Saturday 20 June 2026.
 */
const NU = new Date('2026-06-20T10:00:00+02:00');
const OORDEEL_OP = '2026-06-15T10:00:00+02:00';

const intake = {
  gemeente: 'GM1904',
  kanaal: 'brief',
  ontvangenOp: '2026-05-04T10:00:00+02:00',
  ingediendBij: 'gemeente',
  onderwerp: 'Klacht over de jeugdhulp',
  aanbieders: [{ id: 'j1', naam: 'Jeugdhulp BV', type: 'jeugdhulp' }],
  feiten: { aantalAanbieders: 1 },
};

const oordeel = (ontvangenDoorAanbieder: string) => ({
  type: 'OORDEEL_KLACHTENCOMMISSIE',
  at: OORDEEL_OP,
  data: { oordeel: 'gegrond', ontvangenDoorAanbieder },
});

describe('a day that happened, in event data (Jeugdwet 4.2.1 lid 5: the aanbieder receives the oordeel)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('gebeurde_dag');
    // No worker: no wake-up changes the klacht between the requests this test compares.
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, 'GM1904', 'klachtbehandelaar');
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const stand = async (id: string) =>
    (
      await t.app
        .get(DataSource)
        .query(
          `select k.state, k.version, (select count(*)::int from klacht_gebeurtenis g where g.klacht_id = k.id) as historie from klacht k where k.id = $1`,
          [id],
        )
    )[0] as { state: string; version: number; historie: number };

  it('Jeugdwet 4.2.1 lid 5: a receipt after today or before the oordeel is a 422 naming the field and changes nothing; a real one starts the month', async () => {
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', behandelaar).send(intake);
    expect(k.status).toBe(201);
    expect(k.body.state).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
    const voor = await stand(k.body.id);
    const pad = `/api/v1/klachten/${k.body.id}/gebeurtenissen`;
    for (const [dag, reden] of [
      ['2062-06-18', /ligt na vandaag \(2026-06-20\)/],
      ['2026-06-21', /ligt na vandaag/],
      ['2026-06-14', /vóór de dag van de gebeurtenis zelf \(2026-06-15\)/],
    ] as const) {
      const res = await request(t.http).post(pad).set('Authorization', behandelaar).send(oordeel(dag));
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'data.ontvangenDoorAanbieder', reason: expect.stringMatching(reden) }),
      ]);
    }
    expect(await stand(k.body.id)).toEqual(voor);
    // Received Thursday 18 June: the month ends Saturday 18 July, Monday 20 July by the Algemene termijnenwet (art. 1).
    const goed = await request(t.http).post(pad).set('Authorization', behandelaar).send(oordeel('2026-06-18'));
    expect(goed.status).toBe(200);
    expect(goed.body.state).toBe('jeugdwetKlachtencommissie.reactieAanbieder');
    const [reactie] = (await t.app
      .get(DataSource)
      .query(`select vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'jeugdwetReactie'`, [
        k.body.id,
      ])) as Array<{
      vervaldatum: string;
    }>;
    expect(String(reactie.vervaldatum)).toBe('2026-07-20');
  });

  it('Jeugdwet 4.2.1 lid 5: an import line with a receipt after the day of the import is refused, naming the field', async () => {
    const beheerder = await bearer(t.app, 'GM1904', 'beheerder');
    const regel = JSON.stringify({ extern: 'SV-2026-1', intake, gebeurtenissen: [oordeel('2062-06-18')] });
    const start = await request(t.http)
      .post('/api/v1/imports')
      .set('Authorization', beheerder)
      .attach('bestand', Buffer.from(`${regel}\n`), { filename: 'historie.ndjson', contentType: 'application/x-ndjson' });
    expect(start.status).toBe(202);
    const tot = Date.now() + 60_000;
    let klaar: { status: string; geimporteerd: number; fouten: Array<{ regel: number; veld: string; reden: string }> };
    for (;;) {
      klaar = (await request(t.http).get(`/api/v1/imports/${start.body.id}`).set('Authorization', beheerder)).body;
      if (klaar.status === 'klaar' || Date.now() > tot) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(klaar).toEqual(
      expect.objectContaining({
        status: 'klaar',
        geimporteerd: 0,
        fouten: [
          expect.objectContaining({
            regel: 1,
            veld: 'gebeurtenissen[0].data.ontvangenDoorAanbieder',
            reden: expect.stringMatching(/ligt na vandaag/),
          }),
        ],
      }),
    );
  });
});
