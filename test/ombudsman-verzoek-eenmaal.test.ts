import request from 'supertest';
import { vasteKlok } from '../src/common/klok';
import type { EngineApp } from './support/engine-harness';
import { stichtseVecht, type StichtseVecht } from './support/stichtse-vecht';

const NU = new Date('2026-06-01T09:00:00Z');

/**
 * Awb 9:31: the ombudsman's informatievraag or interventieverzoek about a klacht that is with him already (bijOmbudsman)
 * is filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken) and recorded on the hoofdklacht in the same
 * transaction. The loket gets the task once: from the request's klacht, which holds its termijn and the step that closes
 * it (INFORMATIE_VERSTREKT / INTERVENTIE_AFGEROND); the hoofdklacht only records that the ombudsman asked. Stichtse
 * Vecht's regeling, fixed clock (1 June 2026).
 */
describe('an ombudsman request gives the loket one task (Awb 9:31)', () => {
  let sv: StichtseVecht;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    sv = await stichtseVecht('ombudsman_eenmaal', vasteKlok(NU));
    ({ t, behandelaar } = sv);
  });

  afterAll(async () => {
    await sv?.close();
  });

  const stap: StichtseVecht['stap'] = (...args) => sv.stap(...args);
  const afgedaneKlacht: StichtseVecht['afgedaneKlacht'] = (...args) => sv.afgedaneKlacht(...args);

  async function klachtBijOmbudsman(ontvangen: string, afdoen: string, verzoek: string): Promise<string> {
    const id = await afgedaneKlacht(ontvangen, afdoen);
    expect((await stap(id, 'VERZOEK_OMBUDSMAN', `${verzoek}T10:00:00+02:00`)).state).toMatch(/^bijOmbudsman/);
    return id;
  }

  /** The tasks the outbox holds for the loket, of this intent type, on these klachten (whoever relayed them since). */
  const taken = async (type: string, ids: string[]) =>
    (await t.db.query(
      `SELECT klacht_id AS klacht, payload -> 'intent' ->> 'naar' AS naar, payload -> 'intent' -> 'data' ->> 'termijn' AS termijn
         FROM outbox WHERE type = $1 AND klacht_id = any($2::uuid[]) ORDER BY id`,
      [`intent.${type}`, ids],
    )) as Array<{ klacht: string; naar: string; termijn: string | null }>;

  it('Awb 9:31: an informatievraag about a klacht already with the ombudsman gives the loket INFORMATIE_AAN_OMBUDSMAN once, from the request’s own klacht', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-05', '2026-02-02', '2026-02-20');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: '2026-03-02T09:00:00+01:00', termijn: '2026-03-23' })
      .expect(201);
    expect([r.body.state, r.body.gebeurtenisHoofdKlacht]).toEqual(['verzoekOmbudsman.informatievraag', 'OMBUDSMAN_INFORMATIEVRAAG']);
    const sub = r.body.klachtId as string;
    const opdrachten = await taken('INFORMATIE_AAN_OMBUDSMAN', [hoofd, sub]);
    expect(opdrachten.map((o) => [o.klacht, o.termijn])).toEqual([[sub, '2026-03-23']]);
    expect(opdrachten[0].naar).toBeTruthy();
    // The hoofdklacht records that the ombudsman asked, and where the request is handled.
    const [vastgelegd] = (await t.db.query(
      `SELECT payload FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'OMBUDSMAN_INFORMATIEVRAAG'`,
      [hoofd],
    )) as Array<{ payload: Record<string, unknown> }>;
    expect(vastgelegd.payload).toMatchObject({ termijn: '2026-03-23', verzoekKlacht: sub });
  });

  it('Awb 9:31: an interventieverzoek about a klacht already with the ombudsman gives the loket INTERVENTIE_OPPAKKEN once, from the request’s own klacht', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-06', '2026-02-03', '2026-02-21');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'interventieverzoek', ontvangenOp: '2026-03-03T09:00:00+01:00', termijn: '2026-03-24' })
      .expect(201);
    expect(r.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_INTERVENTIEVERZOEK');
    const sub = r.body.klachtId as string;
    expect((await taken('INTERVENTIE_OPPAKKEN', [hoofd, sub])).map((o) => o.klacht)).toEqual([sub]);
  });

  it('Awb 9:26, 9:31: an investigation of his own about a klacht already with the ombudsman gives the loket MEDEWERKING_ONDERZOEK once, from the request’s own klacht', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-08', '2026-02-05', '2026-02-23');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'eigenOnderzoek', ontvangenOp: '2026-03-05T09:00:00+01:00' })
      .expect(201);
    expect(r.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_EIGEN_ONDERZOEK');
    const sub = r.body.klachtId as string;
    expect((await taken('MEDEWERKING_ONDERZOEK', [hoofd, sub])).map((o) => o.klacht)).toEqual([sub]);
  });

  it('Awb 9:31: an informatievraag registered on the hoofdklacht alone (no request klacht) still gives the loket its task, once', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-07', '2026-02-04', '2026-02-22');
    await stap(hoofd, 'OMBUDSMAN_INFORMATIEVRAAG', '2026-03-04T09:00:00+01:00', { termijn: '2026-03-25' });
    expect((await taken('INFORMATIE_AAN_OMBUDSMAN', [hoofd])).map((o) => [o.klacht, o.termijn])).toEqual([[hoofd, '2026-03-25']]);
  });
});
