/**
 * Wet algemene regels herindeling, art. 40 e.v.: from 24 maart 2022 the college of Amsterdam (GM0363) answers for the
 * running klachten of Weesp (GM0457). A letter speaks for the college responsible on the day it is made; a step's
 * intents name the college responsible on the step's day. Both ask one function (src/machines/verantwoordelijke.ts),
 * so a letter made a day after its step and a step of that day name the same college. Real PostgreSQL, the seed
 * definitions, the letters made by the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { KLOK } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
/** The service's clock (KLOK), set by each step of a test; never the wall clock. */
const klok = { moment: new Date('2022-03-23T17:00:00+01:00'), nu: () => new Date(klok.moment.getTime()) };

interface Brief {
  id: string;
  soort: string;
  datum: string;
  status: string;
}

describe('Wet arhi art. 40: the college a Weesp letter speaks for around 24 maart 2022', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('brieven_herindeling');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** The key of the gemeente that answers for Weesp on the clock's day: Weesp's own until 23 maart, Amsterdam's after. */
  const sleutel = () => bearer(t.app, klok.moment < new Date('2022-03-24T00:00:00+01:00') ? WEESP : AMSTERDAM, 'klachtbehandelaar');

  async function verwerk(): Promise<void> {
    await t.relay.idle();
    await t.relay.drain();
  }

  /** A Weesp klacht received on 23 maart 2022 at 16:00, registered at `registratie` (the service's clock). */
  async function klacht(registratie: string, feiten: Record<string, unknown>): Promise<{ id: string; volgende: string[] }> {
    klok.moment = new Date(registratie);
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await sleutel())
      .send({
        gemeente: WEESP,
        kanaal: 'brief',
        ontvangenOp: '2022-03-23T16:00:00+01:00',
        ingediendBij: 'gemeente',
        onderwerp: 'De huishoudelijke hulp kwam niet',
        aanbieders: [{ id: 'zorg-weesp', naam: 'Zorg Weesp', type: 'wmo' }],
        feiten,
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await verwerk();
    return { id: k.body.id as string, volgende: (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type) };
  }

  async function brief(id: string, soort: string): Promise<Brief & { college: string | undefined }> {
    const auth = await sleutel();
    const lijst = (await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Brief[];
    const b = lijst.find((x) => x.soort === soort);
    if (!b) throw new Error(`geen ${soort}-brief: ${JSON.stringify(lijst)}`);
    const html = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    const college = /namens het college van burgemeester en wethouders van ([^<]+)</.exec(html.text)?.[1];
    return { ...b, college };
  }

  /** The college the step's intent of this type names (undefined: the regime's own gemeente, Weesp). */
  const intentCollege = async (id: string, intent: string): Promise<unknown> => {
    const rijen = (await t.db.query(`select payload from outbox where klacht_id = $1 and type = $2`, [id, `intent.${intent}`])) as Array<{
      payload: { intent: { data?: Record<string, unknown> } };
    }>;
    expect(rijen).toHaveLength(1);
    return rijen[0].payload.intent.data?.verantwoordelijkeGemeente;
  };

  it('Wet arhi art. 40: on 23 maart 2022, the day before, the kennisgeving of doorzending is sent on behalf of Weesp', async () => {
    const { id } = await klacht('2022-03-23T17:00:00+01:00', { aantalAanbieders: 1 });
    expect(await intentCollege(id, 'KENNISGEVING_DOORZENDING')).toBeUndefined();
    expect(await brief(id, 'doorzending')).toEqual(expect.objectContaining({ status: 'opgemaakt', datum: '2022-03-23', college: 'Weesp' }));
  });

  it('Wet arhi art. 40: a letter made on 24 maart for a step of 23 maart and a step of 24 maart both speak for Amsterdam, as the step’s intent says', async () => {
    // Received on 23 maart, registered on 24 maart: its doorzending (a step of 23 maart) is made on 24 maart.
    const laat = await klacht('2022-03-24T09:00:00+01:00', { aantalAanbieders: 1 });
    expect(await intentCollege(laat.id, 'KENNISGEVING_DOORZENDING')).toBeUndefined();
    const doorzending = await brief(laat.id, 'doorzending');
    expect(doorzending).toEqual(expect.objectContaining({ status: 'opgemaakt', datum: '2022-03-24' }));

    // A klacht about a gemeentelijke functionaris, registered the same morning, goes into formal handling on 24 maart.
    const formeel = await klacht('2022-03-24T09:30:00+01:00', { betreftGemeentelijkeFunctionaris: true });
    expect(formeel.volgende).toContain('FORMELE_BEHANDELING');
    klok.moment = new Date('2022-03-24T10:05:00+01:00');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${formeel.id}/gebeurtenissen`)
      .set('Authorization', await sleutel())
      .send({ type: 'FORMELE_BEHANDELING', at: '2022-03-24T10:00:00+01:00' });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    await verwerk();
    const vanDeStap = await intentCollege(formeel.id, 'ONTVANGSTBEVESTIGING');
    const ontvangst = await brief(formeel.id, 'ontvangstbevestiging');
    expect(ontvangst).toEqual(expect.objectContaining({ status: 'opgemaakt', datum: '2022-03-24' }));

    // One college, whoever asks: the step's intent, its letter, and the letter made a day after its step.
    expect([vanDeStap, ontvangst.college, doorzending.college]).toEqual(['Amsterdam', 'Amsterdam', 'Amsterdam']);
  });
});
