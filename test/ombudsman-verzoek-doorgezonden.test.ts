import request from 'supertest';
import { vasteKlok } from '../src/common/klok';
import type { EngineApp } from './support/engine-harness';
import { stichtseVecht, type StichtseVecht } from './support/stichtse-vecht';

const NU = new Date('2026-06-01T09:00:00Z');

/**
 * Awb 9:20: the ombudsman forwards a klacht that is with him (bijOmbudsman) for internal handling first. Filed as a klacht
 * of its own (POST /klachten/{id}/ombudsman-verzoeken, soort doorgezondenKlacht) it is handled once: by that klacht, with
 * its Awb 9:11 termijn from the forwarded klacht's receipt (Awb 9:20 lid 1, Awb 2:3) and ONTVANGST_DOORGEZONDEN_KLACHT for
 * the loket. The hoofdklacht records the forwarding (data.verzoekKlacht) and leaves the second line: the ombudsman's part
 * ended. Stichtse Vecht's regeling, fixed clock (1 June 2026).
 */
describe('a klacht the ombudsman forwards is handled once (Awb 9:20)', () => {
  let sv: StichtseVecht;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    sv = await stichtseVecht('ombudsman_doorgezonden', vasteKlok(NU));
    ({ t, behandelaar } = sv);
  });

  afterAll(async () => {
    await sv?.close();
  });

  const stap: StichtseVecht['stap'] = (...args) => sv.stap(...args);
  const afgedaneKlacht: StichtseVecht['afgedaneKlacht'] = (...args) => sv.afgedaneKlacht(...args);

  async function klachtBijOmbudsman(ontvangen: string, afdoen: string, verzoek: string): Promise<string> {
    const id = await afgedaneKlacht(ontvangen, afdoen);
    expect((await stap(id, 'VERZOEK_OMBUDSMAN', `${verzoek}T10:00:00+02:00`)).state).toBe('bijOmbudsman.onderzoek');
    return id;
  }

  /** The intents of this type the outbox holds for these klachten (whoever relayed them since). */
  const intents = async (type: string, ids: string[]) =>
    (await t.db.query(
      `SELECT klacht_id AS klacht, payload -> 'intent' ->> 'naar' AS naar FROM outbox WHERE type = $1 AND klacht_id = any($2::uuid[]) ORDER BY id`,
      [`intent.${type}`, ids],
    )) as Array<{ klacht: string; naar: string }>;

  /** Every intent the outbox holds for a klacht, in order. */
  const alleIntents = async (id: string) =>
    (
      (await t.db.query(`SELECT type FROM outbox WHERE klacht_id = $1 AND type LIKE 'intent.%' ORDER BY id`, [id])) as Array<{
        type: string;
      }>
    ).map((r) => r.type);

  /** The afhandeltermijnen (Awb 9:11) still running on these klachten. */
  const afhandeling = async (ids: string[]) =>
    (await t.db.query(
      `SELECT klacht_id AS klacht, to_char(vervaldatum, 'YYYY-MM-DD') AS vervaldatum FROM termijn
        WHERE naam = 'afhandeling' AND status = 'lopend' AND klacht_id = any($1::uuid[])`,
      [ids],
    )) as Array<{ klacht: string; vervaldatum: string }>;

  const klacht = async (id: string) =>
    (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body as {
      state: string;
      done: boolean;
    };

  it('Awb 9:20: a klacht already with the ombudsman that he forwards is handled once, by the request’s own klacht, with its Awb 9:11 termijn from the receipt and one ONTVANGST_DOORGEZONDEN_KLACHT', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-05', '2026-02-02', '2026-02-20');
    const voor = await alleIntents(hoofd);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'doorgezondenKlacht', ontvangenOp: '2026-03-02T09:00:00+01:00' })
      .expect(201);
    expect(r.body.gebeurtenisHoofdKlacht).toBe('OMBUDSMAN_DOORGEZONDEN');
    const sub = r.body.klachtId as string;
    expect(r.body.state).toMatch(/^gemeente\./);
    // One handling: the request's klacht, six weeks from Monday 2 March 2026 (Awb 9:11 lid 1), none on the hoofdklacht.
    expect(await afhandeling([hoofd, sub])).toEqual([{ klacht: sub, vervaldatum: '2026-04-13' }]);
    const ontvangst = await intents('ONTVANGST_DOORGEZONDEN_KLACHT', [hoofd, sub]);
    expect(ontvangst.map((o) => o.klacht)).toEqual([sub]);
    expect(ontvangst[0].naar).toBeTruthy();
    // The hoofdklacht records the forwarding and where it is handled, and leaves the second line without a word to the klager.
    const [vastgelegd] = (await t.db.query(
      `SELECT payload FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'OMBUDSMAN_DOORGEZONDEN'`,
      [hoofd],
    )) as Array<{ payload: Record<string, unknown> }>;
    expect(vastgelegd.payload).toMatchObject({ verzoekKlacht: sub });
    expect(await klacht(hoofd)).toMatchObject({ state: 'afgesloten', done: true });
    expect(await alleIntents(hoofd)).toEqual(voor);
    // The forwarded klacht runs on: the hoofdklacht's dossier is kept while it is open (Archiefwet 1995, bewaring.service.ts).
    expect(await klacht(sub)).toMatchObject({ done: false });
  });

  it('Awb 9:20: OMBUDSMAN_DOORGEZONDEN registered on the hoofdklacht alone (no request klacht) takes it back to the gemeente, with its Awb 9:11 termijn and ONTVANGST_DOORGEZONDEN_KLACHT', async () => {
    const hoofd = await klachtBijOmbudsman('2026-01-06', '2026-02-03', '2026-02-21');
    expect((await stap(hoofd, 'OMBUDSMAN_DOORGEZONDEN', '2026-03-03T09:00:00+01:00')).state).toMatch(/^gemeente\./);
    expect((await intents('ONTVANGST_DOORGEZONDEN_KLACHT', [hoofd])).map((o) => o.klacht)).toEqual([hoofd]);
    expect((await afhandeling([hoofd])).map((a) => a.klacht)).toEqual([hoofd]);
  });
});
