import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { klachtStappen, STICHTSE_VECHT } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');

/**
 * Awb 9:31 lid 1: the bestuursorgaan answers the ombudsman "binnen een door hem te bepalen termijn". The date he sets when
 * he sends his request lies after the day it comes in; an earlier one (a slip of the pen: 2025 for 2026) would make the
 * request late, and escalate it, the moment it is filed. It is refused naming `termijn`, and nothing is written: no
 * sub-klacht, no link, no event on the hoofdklacht. Stichtse Vecht, fixed clock (1 June 2026).
 */
describe("the ombudsman's date in his request (Awb 9:31 lid 1)", () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('ombudsman_datum');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const { afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  const verzoek = (hoofd: string, termijn: string) =>
    request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2026-05-25T09:00:00+02:00', termijn });

  const stand = async (hoofd: string) => ({
    klachten: Number((await t.db.query(`SELECT count(*)::int AS n FROM klacht`))[0].n),
    koppelingen: Number((await t.db.query(`SELECT count(*)::int AS n FROM klacht_koppeling`))[0].n),
    gebeurtenissen: Number((await t.db.query(`SELECT count(*)::int AS n FROM klacht_gebeurtenis WHERE klacht_id = $1`, [hoofd]))[0].n),
  });

  it.each([
    ['before the receipt (2025 for 2026)', '2025-06-05'],
    ['on the day of the receipt', '2026-05-25'],
  ])('Awb 9:31 lid 1: a date the ombudsman set %s is refused with 422 naming termijn, and nothing is written', async (_, termijn) => {
    const hoofd = await afgedaneKlacht('2026-01-05', '2026-02-02');
    const voor = await stand(hoofd);
    const r = await verzoek(hoofd, termijn).expect(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe('termijn-ongeldig');
    expect(r.body.invalidParams).toEqual([
      {
        name: 'termijn',
        reason: expect.stringContaining(
          `de termijn ${termijn} die de ombudsman stelde ligt niet na de ontvangst van het verzoek (2026-05-25)`,
        ),
      },
    ]);
    expect(await stand(hoofd)).toEqual(voor);
  });

  it('Awb 9:31 lid 1: the day after the receipt is a date the ombudsman may set', async () => {
    const hoofd = await afgedaneKlacht('2026-01-05', '2026-02-02');
    const r = await verzoek(hoofd, '2026-05-26').expect(201);
    expect(r.body.state).toBe('verzoekOmbudsman.informatievraag');
    const [rij] = await t.db.query(`SELECT vervaldatum::text AS v FROM termijn WHERE klacht_id = $1 AND naam = 'ombudsmanTermijn'`, [
      r.body.klachtId,
    ]);
    expect(rij.v).toBe('2026-05-26');
  });
});
