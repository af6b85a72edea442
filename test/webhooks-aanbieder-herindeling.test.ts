/**
 * An aanbieder id is chosen per gemeente: after Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022 (Wet
 * algemene regels herindeling, art. 40 e.v.) Amsterdam's 'zorg-x' and Weesp's 'zorg-x' can be different organisations.
 * Amsterdam's subscriptions hear of Weesp's klachten; one for an aanbieder (`aanbiederId`) hears only of the klachten of
 * that organisation: by default Amsterdam's own, with `aanbiederGemeente` GM0457 Weesp's (AVG art. 5 lid 1 sub f).
 * Through the real outbox relay and fan-out (real PostgreSQL and Redis).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { betreftAanbieder } from '../src/modules/webhooks/webhook-uitgifte.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { waitFor } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';
import { weespKlacht } from './support/weesp';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const ZORG_X = { id: 'zorg-x', naam: 'Zorg X', type: 'wmo' };

/** The fan-out's day decides which gemeenten a subscription answers for (KLOK): after the herindeling. */
const NU = new Date('2022-07-15T10:00:00+02:00');
const klok: Klok = { nu: () => new Date(NU.getTime()) };

describe('Wet arhi art. 40: a webhook subscription for an aanbieder hears of the klachten of that organisation only', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let ontvanger: Awaited<ReturnType<typeof startOntvanger>>;
  let beheerder: string;
  const abonnement: Record<'alles' | 'eigen' | 'weesp', string> = { alles: '', eigen: '', weesp: '' };
  let weespKlachtId: string;
  let amsterdamKlachtId: string;

  const abonneer = (body: Record<string, unknown>) =>
    request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: ontvanger.url, ...body });
  const klachtenVan = async (abonnementId: string): Promise<string[]> =>
    (
      (await t.app
        .get(DataSource)
        .query(`select distinct klacht_id from webhook_aflevering where abonnement_id = $1 and klacht_id is not null order by 1`, [
          abonnementId,
        ])) as Array<{ klacht_id: string }>
    ).map((r) => r.klacht_id);

  beforeAll(async () => {
    ontvanger = await startOntvanger();
    tdb = await createTestDatabase('webhooks_aanbieder_herindeling');
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: { SWEEP_INTERVAL_MS: '300', WEBHOOK_MAX_BACKOFF_MS: '400' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    beheerder = await bearer(t.app, AMSTERDAM, 'beheerder');
    for (const [naam, body] of [
      ['alles', {}],
      ['eigen', { aanbiederId: ZORG_X.id }],
      ['weesp', { aanbiederId: ZORG_X.id, aanbiederGemeente: WEESP }],
    ] as const) {
      const res = await abonneer(body);
      expect(res.status).toBe(201);
      abonnement[naam] = res.body.id;
    }
    const behandelaar = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
    // Weesp's zorg-x: received by Weesp before the herindeling, registered by Amsterdam after it.
    const w = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...weespKlacht('Thuiszorg Weesp kwam niet'), aanbieders: [ZORG_X] });
    expect(w.status).toBe(201);
    weespKlachtId = w.body.id;
    const a = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'email',
        ontvangenOp: '2022-07-14T10:00:00+02:00',
        ingediendBij: 'gemeente',
        onderwerp: 'Thuiszorg Amsterdam kwam niet',
        aanbieders: [ZORG_X],
        feiten: {},
      });
    expect(a.status).toBe(201);
    amsterdamKlachtId = a.body.id;
    // The fan-out has handled both klachten once the subscription for everything has deliveries for both.
    await waitFor('fan-out of both klachten', async () => (await klachtenVan(abonnement.alles)).length === 2, 20_000);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await tdb?.drop();
    await ontvanger?.close();
  });

  test("Wet arhi art. 40: Amsterdam's subscription for its own 'zorg-x' hears nothing of Weesp's 'zorg-x' klacht", async () => {
    expect(await klachtenVan(abonnement.eigen)).toEqual([amsterdamKlachtId]);
  });

  test("Wet arhi art. 40: with aanbiederGemeente GM0457 Amsterdam's subscription hears of Weesp's 'zorg-x' klachten only", async () => {
    expect(await klachtenVan(abonnement.weesp)).toEqual([weespKlachtId]);
    const lijst = await request(t.http).get(`/api/v1/webhook-abonnementen/${abonnement.weesp}`).set('Authorization', beheerder);
    expect(lijst.status).toBe(200);
    expect(lijst.body).toEqual(expect.objectContaining({ aanbiederId: ZORG_X.id, aanbiederGemeente: WEESP }));
  });

  test('an aanbiederGemeente Amsterdam did not take in, or without aanbiederId, is a 400 naming it, and nothing is stored', async () => {
    const voor = await request(t.http).get('/api/v1/webhook-abonnementen').set('Authorization', beheerder);
    for (const body of [{ aanbiederId: ZORG_X.id, aanbiederGemeente: 'GM0344' }, { aanbiederGemeente: WEESP }]) {
      const res = await abonneer(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'aanbiederGemeente' })]);
    }
    const na = await request(t.http).get('/api/v1/webhook-abonnementen').set('Authorization', beheerder);
    expect(na.body.length ?? na.body.resultaten?.length).toBe(voor.body.length ?? voor.body.resultaten?.length);
  });

  test("report reminders name the aanbieder's id space: Weesp's last moment reaches the subscription for Weesp's 'zorg-x', not Amsterdam's", () => {
    const herinnering = (payload: Record<string, unknown>) => ({ klacht_id: null, aanbieders: null, gemeente: null, payload });
    const weesps = herinnering({ gemeente: WEESP, aanbiederId: ZORG_X.id, aanbiederGemeente: WEESP });
    expect([betreftAanbieder(weesps, ZORG_X.id, WEESP), betreftAanbieder(weesps, ZORG_X.id, AMSTERDAM)]).toEqual([true, false]);
    // A row written before the payload named it: the moment's own gemeente chose the id.
    const oud = herinnering({ gemeente: AMSTERDAM, aanbiederId: ZORG_X.id });
    expect([betreftAanbieder(oud, ZORG_X.id, AMSTERDAM), betreftAanbieder(oud, ZORG_X.id, WEESP)]).toEqual([true, false]);
  });
});
