/**
 * Awb 9:6 with 9:11 lid 1: the ontvangstbevestiging confirms the receipt of the klaagschrift the gemeente handles, and its
 * afhandeltermijn runs six weeks from that receipt. A klacht filed with the ketenpartner comes to the gemeente only when
 * the klager, not satisfied with the ketenpartner's handling, turns to it (KLACHT_BIJ_GEMEENTE; Uitgangspunten
 * klachtenmanagement Sociaal Domein §5A, §11-III): the gemeente received it that day, and its afhandeltermijn runs from
 * it. The letters said 'Wij hebben uw klacht op <the day the ketenpartner received it> ontvangen' next to an afhandeltermijn
 * of six weeks from the later day. Real PostgreSQL, the seed definitions (Stichtse Vecht, GM1904), the letters made by
 * the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';

const STICHTSE_VECHT = 'GM1904';

describe('Awb 9:6, 9:11 lid 1: a letter names the day the gemeente received the klaagschrift it handles', () => {
  let omgeving: BriefLater;
  let auth: string;

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tijd_ontvangst_gemeente', new Date('2024-05-06T10:00:00+02:00'));
    auth = await bearer(omgeving.t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) => omgeving.stap(auth, id, type, at, data);

  /** A klacht received on Monday 6 May 2024 at 10:00 by `bij`. */
  async function klacht(bij: 'aanbieder' | 'gemeente', feiten: Record<string, unknown>): Promise<string> {
    omgeving.klok.moment = new Date('2024-05-06T10:05:00+02:00');
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: STICHTSE_VECHT,
        kanaal: 'brief',
        ontvangenOp: '2024-05-06T10:00:00+02:00',
        ingediendBij: bij,
        soort: 'klacht',
        onderwerp: 'De hulp kwam niet',
        aanbieders: [{ id: 'zorg-x', naam: 'Zorg X', type: 'wmo' }],
        feiten,
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await omgeving.verwerk();
    return k.body.id as string;
  }

  /** The text of the letter of kind `soort` to the klager, without its markup. */
  async function brief(id: string, soort: string): Promise<string> {
    const lijst = (await request(omgeving.t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Array<{ id: string; soort: string; aan: string; status: string }>;
    const b = lijst.find((x) => x.soort === soort && x.aan === 'klager' && x.status === 'opgemaakt');
    if (!b) throw new Error(`geen opgemaakte brief ${soort}: ${JSON.stringify(lijst)}`);
    const html = await request(omgeving.t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    return html.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  }

  it('Awb 9:6, 9:11 lid 1, Uitgangspunten §5A, §11-III: filed with the ketenpartner on 6 mei, brought to the gemeente on 20 juni: the ontvangstbevestiging and the afdoeningsbrief name 20 juni, the day the afhandeltermijn runs from', async () => {
    const id = await klacht('aanbieder', { aantalAanbieders: 1 });
    for (const [type, at, data] of [
      ['AFDOENEN', '2024-06-03T10:00:00+02:00', { oordeel: 'ongegrond' }],
      ['KLACHT_BIJ_GEMEENTE', '2024-06-20T10:00:00+02:00'],
      ['FORMELE_BEHANDELING', '2024-06-21T10:00:00+02:00'],
    ] as Array<[string, string, Record<string, unknown>?]>)
      await stap(id, type, at, data);
    const ontvangst = await brief(id, 'ontvangstbevestiging');
    expect(ontvangst).toContain('Wij hebben uw klacht op donderdag 20 juni 2024 ontvangen.');
    expect(ontvangst).toContain('Wij handelen uw klacht af uiterlijk op donderdag 1 augustus 2024.');
    expect(ontvangst).toContain('6 weken na donderdag 20 juni 2024');
    expect(ontvangst).not.toContain('6 mei 2024');
    await stap(id, 'IN_BEHANDELING_NEMEN', '2024-06-24T10:00:00+02:00');
    await stap(id, 'HOREN_OVERSLAAN', '2024-06-24T11:00:00+02:00', { reden: 'afgezien' });
    await stap(id, 'AFDOENEN', '2024-07-01T10:00:00+02:00', { oordeel: 'gegrond', bevindingen: 'B.', conclusies: ['C.'] });
    expect(await brief(id, 'afdoening')).toContain('Op donderdag 20 juni 2024 ontvingen wij uw klacht');
  });

  it('Awb 9:6: a klacht filed with the gemeente and handled by it keeps the day it was received', async () => {
    const id = await klacht('gemeente', { betreftGemeentelijkeFunctionaris: true });
    await stap(id, 'FORMELE_BEHANDELING', '2024-05-07T10:00:00+02:00');
    const ontvangst = await brief(id, 'ontvangstbevestiging');
    expect(ontvangst).toContain('Wij hebben uw klacht op maandag 6 mei 2024 ontvangen.');
    expect(ontvangst).toContain('Wij handelen uw klacht af uiterlijk op maandag 17 juni 2024.');
  });

  it('Awb 2:3: the kennisgeving of doorzending to the ketenpartner names the day the gemeente received the klacht', async () => {
    const id = await klacht('gemeente', { aantalAanbieders: 1 });
    expect(await brief(id, 'doorzending')).toContain('Op maandag 6 mei 2024 ontvingen wij uw klacht');
  });
});
