/**
 * Wet algemene regels herindeling, art. 40 e.v.: the gemeente that remains takes over the dissolved gemeente's running
 * matters. Weesp (GM0457) went into Amsterdam (GM0363) on 24 maart 2022; Weesp's klachten keep their own gemeente. So
 * from that day Amsterdam's webhook subscribers hear of what happens to Weesp's klachten, through the real outbox
 * relay, fan-out and delivery: the delivery is Amsterdam's (its deliveries list and resend), the CloudEvent still names
 * the klacht's own gemeente. Another gemeente (Utrecht) hears nothing of them, and before that day neither did Amsterdam.
 * Weesp's own subscriptions get nothing from that day (a body that no longer exists; AVG art. 5 lid 1 sub f), and
 * Amsterdam, whose keys are the only ones that still work, sees and deletes them (AVG art. 24).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import { WebhookUitgifteService } from '../src/modules/webhooks/webhook-uitgifte.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { weespKlacht } from './support/weesp';
import { waitFor } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457';
const UTRECHT = 'GM0344';

/** The CloudEvent fields these tests read. */
interface KlachtEvent {
  id: string;
  type: string;
  subject?: string;
  gemeente: string;
  data: Record<string, unknown>;
}

/** The fan-out's day decides which gemeenten a subscription answers for (KLOK): pinned, and moved by one test. */
const NA = new Date('2022-07-15T10:00:00+02:00');
let nu = NA;
const klok: Klok = { nu: () => new Date(nu.getTime()) };

describe('Wet arhi art. 40: webhooks on the dissolved gemeente’s klachten (real PostgreSQL and Redis)', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let ontvanger: Record<string, Awaited<ReturnType<typeof startOntvanger<KlachtEvent>>>>;
  let abonnement: Record<string, string>;
  let beheerder: Record<string, string>;
  let weesp: string;
  /** A Weesp klacht registered after the herindeling (on the pinned day). */
  let klachtId: string;

  const afleveringen = async (klacht: string): Promise<Array<{ abonnement_id: string; gemeente: string }>> =>
    t.app
      .get<DataSource>(getDataSourceToken())
      .query(`select abonnement_id, gemeente from webhook_aflevering where klacht_id = $1 order by sequence`, [klacht]);

  beforeAll(async () => {
    ontvanger = {};
    for (const g of [AMSTERDAM, WEESP, UTRECHT]) ontvanger[g] = await startOntvanger<KlachtEvent>();
    tdb = await createTestDatabase('webhooks_herindeling');
    // ROLE=all (default): the relay drains the outbox, the fan-out runs from it, the webhook worker delivers.
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: {
        SWEEP_INTERVAL_MS: '300',
        WEBHOOK_MAX_BACKOFF_MS: '400',
        CLOUDEVENTS_SOURCE: 'urn:nld:oin:00000001234567890000:systeem:klachtregie',
      },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    abonnement = {};
    beheerder = {};
    // Each gemeente subscribes to everything: only the gemeenten it answers for may reach it. Weesp's subscription dates
    // from before the herindeling: from 24 maart 2022 its keys are refused (AuthGuard).
    nu = new Date('2022-03-10T10:00:00+01:00');
    for (const g of [AMSTERDAM, WEESP, UTRECHT]) {
      beheerder[g] = await bearer(t.app, g, 'beheerder');
      const res = await request(t.http)
        .post('/api/v1/webhook-abonnementen')
        .set('Authorization', beheerder[g])
        .send({ url: ontvanger[g].url, omschrijving: `alles van ${g}` });
      expect(res.status).toBe(201);
      abonnement[g] = res.body.id;
    }
    weesp = await bearer(t.app, WEESP, 'klachtbehandelaar');
    nu = NA;
    // Received by Weesp before the herindeling, registered by Amsterdam after it.
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'klachtbehandelaar'))
      .send(weespKlacht('Bejegening aan de balie'));
    expect(k.status).toBe(201);
    klachtId = k.body.id;
  }, 120000);

  afterAll(async () => {
    await t?.close();
    await tdb?.drop();
    for (const o of Object.values(ontvanger ?? {})) await o.close();
  });

  beforeEach(() => {
    nu = NA;
  });

  const ontvangen = (g: string, klacht: string) => ontvanger[g].events().filter((e) => e.subject === klacht);

  test("Wet arhi art. 40: an Amsterdam webhook subscription receives events on a Weesp klacht, which name Weesp's gemeente", async () => {
    const [event] = await waitFor(
      'klacht.ontvangen of the Weesp klacht delivered to Amsterdam',
      async () => {
        const e = ontvangen(AMSTERDAM, klachtId).filter((x) => x.type === 'nl.klachtregie.klacht.ontvangen');
        return e.length > 0 && e;
      },
      20_000,
    );
    // The CloudEvent is the klacht's: its tenant extension names Weesp, as the one Weesp's own subscriber gets.
    expect(event).toEqual(expect.objectContaining({ gemeente: WEESP, subject: klachtId }));
    expect(event.data.klachtId).toBe(klachtId);
  });

  test('Wet arhi art. 40, AVG art. 5 lid 1 sub f: from the herindeling Weesp’s own subscription gets nothing of its klachten (Weesp no longer exists)', async () => {
    await waitFor('the Weesp klacht delivered to Amsterdam', async () => ontvangen(AMSTERDAM, klachtId).length > 0, 20_000);
    await t.app.get(WebhookUitgifteService).verwerk();
    expect((await afleveringen(klachtId)).filter((d) => d.abonnement_id === abonnement[WEESP])).toEqual([]);
    expect(ontvangen(WEESP, klachtId)).toEqual([]);
  });

  test('Wet arhi art. 40, AVG art. 24: Amsterdam sees Weesp’s subscription and its deliveries, what still waited for it is not sent, and Amsterdam deletes it; Utrecht sees none of it', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    // A subscription of Weesp's from before the herindeling, with a delivery of 23 maart 2022 that was still waiting.
    nu = new Date('2022-03-10T10:00:00+01:00');
    const res = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', await bearer(t.app, WEESP, 'beheerder'))
      .send({ url: ontvanger[WEESP].url, typen: ['nl.klachtregie.klacht.afgedaan'], omschrijving: 'zaaksysteem Weesp' });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    nu = NA;
    const eigen = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, AMSTERDAM, 'klachtbehandelaar'))
      .send(weespKlacht('Wachttijd loket'));
    expect(eigen.status).toBe(201);
    const [wacht] = (await db.query(
      `insert into webhook_aflevering (abonnement_id, gemeente, event_id, event_type, klacht_id, sequence, cloud_event)
       values ($1, $2, gen_random_uuid(), 'nl.klachtregie.klacht.afgedaan', $3, 1, $4) returning id`,
      [id, WEESP, eigen.body.id, JSON.stringify({ specversion: '1.0', type: 'nl.klachtregie.klacht.afgedaan', subject: eigen.body.id })],
    )) as { id: string }[];
    // The worker's sweep takes it up and does not send it: the gemeente of the subscription was opgeheven.
    const vervallen = await waitFor('the waiting delivery voided', async () => {
      const [d] = (await db.query(`select status, last_error from webhook_aflevering where id = $1`, [wacht.id])) as {
        status: string;
        last_error: string | null;
      }[];
      return d.status !== 'wachtend' && d;
    });
    expect(vervallen).toEqual({ status: 'vervallen', last_error: 'gemeente GM0457 opgeheven per 2022-03-24' });
    expect(ontvanger[WEESP].events().filter((e) => e.subject === eigen.body.id)).toEqual([]);

    const lijst = await request(t.http).get('/api/v1/webhook-abonnementen').set('Authorization', beheerder[AMSTERDAM]);
    expect(lijst.body.map((a: { id: string; gemeente: string }) => [a.id, a.gemeente])).toEqual(
      expect.arrayContaining([
        [abonnement[AMSTERDAM], AMSTERDAM],
        [id, WEESP],
      ]),
    );
    expect((await request(t.http).get(`/api/v1/webhook-abonnementen/${id}`).set('Authorization', beheerder[AMSTERDAM])).status).toBe(200);
    const afl = await request(t.http).get(`/api/v1/webhook-afleveringen?abonnementId=${id}`).set('Authorization', beheerder[AMSTERDAM]);
    expect(afl.body.resultaten.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([[wacht.id, 'vervallen']]);
    // Nor can Amsterdam send it again: the subscription is of a body that no longer exists (409, nothing changes).
    const opnieuw = await request(t.http)
      .post(`/api/v1/webhook-afleveringen/${wacht.id}/opnieuw`)
      .set('Authorization', beheerder[AMSTERDAM]);
    expect([opnieuw.status, opnieuw.body.code]).toEqual([409, 'aflevering-niet-meer']);
    expect(((await db.query(`select status from webhook_aflevering where id = $1`, [wacht.id])) as { status: string }[])[0].status).toBe(
      'vervallen',
    );
    // Utrecht: none of it.
    expect((await request(t.http).get(`/api/v1/webhook-abonnementen/${id}`).set('Authorization', beheerder[UTRECHT])).status).toBe(404);
    const utrecht = await request(t.http).get(`/api/v1/webhook-afleveringen?abonnementId=${id}`).set('Authorization', beheerder[UTRECHT]);
    expect(utrecht.body.resultaten).toEqual([]);
    expect((await request(t.http).delete(`/api/v1/webhook-abonnementen/${id}`).set('Authorization', beheerder[UTRECHT])).status).toBe(404);

    expect((await request(t.http).delete(`/api/v1/webhook-abonnementen/${id}`).set('Authorization', beheerder[AMSTERDAM])).status).toBe(
      204,
    );
    expect((await db.query(`select 1 from webhook_abonnement where id = $1`, [id])).length).toBe(0);
  });

  test("Wet arhi art. 40: the delivery to Amsterdam's subscriber is Amsterdam's: in its deliveries list, and it can resend it", async () => {
    await waitFor('deliveries to Amsterdam', async () =>
      (await afleveringen(klachtId)).some((d) => d.abonnement_id === abonnement[AMSTERDAM]),
    );
    for (const d of await afleveringen(klachtId)) {
      const van = Object.entries(abonnement).find(([, id]) => id === d.abonnement_id)?.[0];
      expect({ abonnement: van, gemeente: d.gemeente }).toEqual({ abonnement: van, gemeente: van });
    }
    const lijst = await request(t.http).get(`/api/v1/webhook-afleveringen?klachtId=${klachtId}`).set('Authorization', beheerder[AMSTERDAM]);
    expect(lijst.status).toBe(200);
    expect(lijst.body.resultaten.length).toBeGreaterThan(0);
    expect(lijst.body.resultaten.every((d: { abonnementId: string }) => d.abonnementId === abonnement[AMSTERDAM])).toBe(true);
    const opnieuw = await request(t.http)
      .post(`/api/v1/webhook-afleveringen/${lijst.body.resultaten[0].id}/opnieuw`)
      .set('Authorization', beheerder[AMSTERDAM]);
    expect(opnieuw.status).toBe(202);
  });

  test("another gemeente (Utrecht)'s subscription receives no events on a Weesp klacht", async () => {
    await waitFor('the Weesp klacht delivered to Amsterdam', async () => ontvangen(AMSTERDAM, klachtId).length > 0, 20_000);
    // Everything committed so far is fanned out.
    await t.app.get(WebhookUitgifteService).verwerk();
    expect((await afleveringen(klachtId)).filter((d) => d.abonnement_id === abonnement[UTRECHT])).toEqual([]);
    expect(ontvangen(UTRECHT, klachtId)).toEqual([]);
    const lijst = await request(t.http).get(`/api/v1/webhook-afleveringen?klachtId=${klachtId}`).set('Authorization', beheerder[UTRECHT]);
    expect(lijst.body.resultaten).toEqual([]);
  });

  test('Wet arhi art. 40: on 23 maart 2022, the day before the herindeling, an event on a Weesp klacht does not reach Amsterdam', async () => {
    nu = new Date('2022-03-23T12:00:00+01:00');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', weesp).send(weespKlacht('Brief kwam niet aan'));
    expect(k.status).toBe(201);
    // Fans out what the intake committed, on that day (the relay may have done part of it already, on the same day).
    await t.app.get(WebhookUitgifteService).verwerk();
    const d = await afleveringen(k.body.id);
    expect(d.filter((x) => x.abonnement_id === abonnement[WEESP]).length).toBeGreaterThan(0);
    expect(d.filter((x) => x.abonnement_id === abonnement[AMSTERDAM])).toEqual([]);
  });
});
