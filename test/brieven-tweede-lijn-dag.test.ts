/**
 * Awb 9:12 lid 2: the afdoening points the klager to the second line he can go to. A letter bears the day it is made
 * (docs/brieven-en-dossier.md), so one made after midnight for an act of the day before (the dossier storage was away
 * when the act was registered, and the outbox retried it the next morning) names the second line competent on ITS day.
 * Weesp (GM0457) went into Amsterdam on 24 maart 2022 (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40): up to
 * 23 maart its klager goes to the Nationale ombudsman, from 24 maart to the Ombudsman Metropool Amsterdam.
 * Real PostgreSQL, the seed definitions, the letters made by the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';
import type { EngineApp } from './support/engine-harness';

const WEESP = 'GM0457';

describe('Awb 9:12 lid 2: the second line an afdoeningsbrief names is the one of the day the letter is made', () => {
  let omgeving: BriefLater;
  let t: EngineApp;
  let auth: string;
  /** The service's clock (KLOK) and the dossier storage that can be away: test/support/brief-later.ts. */
  let klok: BriefLater['klok'];
  let opslag: BriefLater['opslag'];

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tweede_lijn_dag', new Date('2022-03-21T10:00:00+01:00'));
    ({ t, klok, opslag } = omgeving);
    // Up to 23 maart the key is Weesp's own; the steps below are all registered on or before that day.
    auth = await bearer(t.app, WEESP, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  const verwerk = () => omgeving.verwerk();
  const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) => omgeving.stap(auth, id, type, at, data);

  /** The afdoeningsbrief of klacht `id` as HTML, and its row. */
  async function afdoeningsbrief(id: string, gemeente: string): Promise<{ datum: string; status: string; html: string }> {
    const sleutel = await bearer(t.app, gemeente, 'klachtbehandelaar');
    const lijst = (await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', sleutel).expect(200)).body
      .resultaten as Array<{ id: string; soort: string; aan: string; datum: string; status: string }>;
    const b = lijst.find((x) => x.soort === 'afdoening' && x.aan === 'klager');
    if (!b || b.status !== 'opgemaakt') throw new Error(`geen opgemaakte afdoeningsbrief: ${JSON.stringify(lijst)}`);
    const html = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
      .set('Authorization', sleutel)
      .set('Accept', 'text/html')
      .expect(200);
    return { datum: b.datum, status: b.status, html: html.text };
  }

  /** A Weesp klacht about a gemeentelijke functionaris, afgedaan on 23 maart 2022 at 16:00 and registered then. */
  async function afgedaanOp23Maart(): Promise<string> {
    klok.moment = new Date('2022-03-21T10:05:00+01:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: WEESP,
        kanaal: 'brief',
        ontvangenOp: '2022-03-21T10:00:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De consulent kwam de afspraak niet na',
        aanbieders: [{ id: 'zorg-weesp', naam: 'Zorg Weesp', type: 'wmo' }],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await verwerk();
    const id = k.body.id as string;
    let kan = (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (kan.includes(type)) kan = await stap(id, type, '2022-03-22T10:00:00+01:00');
    if (kan.includes('HOREN_OVERSLAAN')) await stap(id, 'HOREN_OVERSLAAN', '2022-03-23T10:00:00+01:00', { reden: 'afgezien' });
    return id;
  }

  const afdoening = { oordeel: 'gegrond', bevindingen: 'De afspraak van 1 maart is niet nagekomen.', conclusies: ['Excuses.'] };

  it('Awb 9:12 lid 2: made on 23 maart 2022, its own day, the letter names the Nationale ombudsman', async () => {
    const id = await afgedaanOp23Maart();
    await stap(id, 'AFDOENEN', '2022-03-23T16:00:00+01:00', afdoening);
    const brief = await afdoeningsbrief(id, WEESP);
    expect([brief.status, brief.datum]).toEqual(['opgemaakt', '2022-03-23']);
    expect(brief.html).toContain('Nationale ombudsman');
    expect(brief.html).not.toContain('Ombudsman Metropool Amsterdam');
  });

  it('Awb 9:12 lid 2 with Wet arhi art. 40: made on 24 maart 2022 for an afdoening of 23 maart, the letter names the Ombudsman Metropool Amsterdam and speaks for Amsterdam', async () => {
    const id = await afgedaanOp23Maart();
    opslag.weg = true;
    try {
      await stap(id, 'AFDOENEN', '2022-03-23T16:00:00+01:00', afdoening);
    } finally {
      opslag.weg = false;
    }
    // Nothing was made on 23 maart: the storage was away, and the outbox keeps the letter's row for a retry.
    expect((await t.db.query(`select count(*)::int as n from brief where klacht_id = $1 and soort = 'afdoening'`, [id]))[0].n).toBe(0);
    // The next morning the retry comes. The row's moment and its backoff are the database's own clock, which runs in the
    // present here: set to the service's clock of the registration (23 maart, 16:05), and the retry brought forward.
    klok.moment = new Date('2022-03-24T09:00:00+01:00');
    await t.db.query(
      `update outbox set volgende_poging_op = null, created_at = '2022-03-23T16:05:00+01:00' where klacht_id = $1 and processed_at is null`,
      [id],
    );
    await verwerk();
    const brief = await afdoeningsbrief(id, 'GM0363');
    expect([brief.status, brief.datum]).toEqual(['opgemaakt', '2022-03-24']);
    expect(brief.html).toContain('Ombudsman Metropool Amsterdam');
    expect(brief.html).not.toContain('Nationale ombudsman');
    expect(brief.html).toMatch(/namens het college van burgemeester en wethouders van Amsterdam/);
  });
});
