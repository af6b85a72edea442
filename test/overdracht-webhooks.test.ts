/**
 * Klachtenprotocol Wmo keten Amsterdam §9 (hand over at contract end, keep no copies) with AVG art. 5 lid 1 sub c and f: a
 * klacht the aanbieder handed over is no longer its own: its key no longer reads it (tenantScope, the access check, the
 * werkvoorraad), and a webhook subscription for that aanbieder (`aanbiederId`) hears nothing more of it either, by the
 * same condition (overgedragenSql); what still waited for that subscription is not sent. The gemeente's own subscription
 * goes on hearing of it. Amsterdam's seed through the engine, the hand-over through the API (test/support/overdracht.ts),
 * the real outbox relay and fan-out (ROLE=api: deliveries read from webhook_aflevering; one sent by hand).
 */
import request from 'supertest';
import type { IntakeInput } from '../src/machines/contract';
import { WebhookAfleveringService } from '../src/modules/webhooks/webhook-aflevering.service';
import { bearer } from './auth-support';
import { overdrachtApp, type OverdrachtApp } from './support/overdracht';

let o: OverdrachtApp;

beforeAll(async () => {
  o = await overdrachtApp('overdracht_webhooks');
}, 120_000);

afterAll(async () => {
  await o?.close();
});

const abonneer = async (aanbiederId: string | null): Promise<string> =>
  (
    (await o.a.db.query(
      `insert into webhook_abonnement (gemeente, url, secret, typen, aanbieder_id) values ('GM0363', 'https://ontvanger.example/events', $1, '[]'::jsonb, $2) returning id`,
      ['een-geheim-van-minstens-32-tekens-lang', aanbiederId],
    )) as { id: string }[]
  )[0].id;

const afleveringen = async (abonnement: string, klachtId: string) =>
  (await o.a.db.query(
    `select id, status, last_error, cloud_event->'data'->>'event' as event from webhook_aflevering
      where abonnement_id = $1 and klacht_id = $2 order by sequence`,
    [abonnement, klachtId],
  )) as { id: string; status: string; last_error: string | null; event: string }[];

/** Received by the aanbieder itself on 2 April 2026 (Klachtenprotocol Wmo keten Amsterdam §6). */
const bijZorgWest: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false },
};

describe('Klachtenprotocol Wmo keten Amsterdam §9, AVG art. 5 lid 1 sub c and f: webhooks of a klacht handed over at contract end', () => {
  it('the subscription for zorg-west hears nothing of the klacht after the hand-over (the klager’s request to the ombudsman goes to the gemeente’s only), and what still waited for it is not sent', async () => {
    const zorgWest = await abonneer('zorg-west');
    const gemeente = await abonneer(null);
    const { klacht } = await o.a.engine.create(bijZorgWest, { actor: 'aanbieder' });
    await o.a.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    await o.a.relay.idle();
    const voor = await afleveringen(zorgWest, klacht.id);
    expect(voor.length).toBeGreaterThan(0);
    expect(voor.every((d) => d.status === 'wachtend')).toBe(true);

    const overdracht = await o.draagOver('zorg-west');
    expect(overdracht.status).toBe(200);
    const aanbieder = await bearer(o.a.app, 'GM0363', 'aanbieder', 'zorg-west');
    expect((await request(o.a.http).get(`/api/v1/klachten/${klacht.id}`).set('Authorization', aanbieder)).status).toBe(404);

    await o.a.engine.apply(klacht.id, { type: 'VERZOEK_OMBUDSMAN', at: '2026-06-01T10:30:00+02:00' }, { actor: 'kcc' });
    await o.a.relay.idle();
    expect((await afleveringen(zorgWest, klacht.id)).map((d) => d.id)).toEqual(voor.map((d) => d.id));
    expect((await afleveringen(gemeente, klacht.id)).map((d) => d.event)).toContain('VERZOEK_OMBUDSMAN');

    // The oldest waiting delivery's turn comes: it is voided, not sent.
    expect(await o.a.app.get(WebhookAfleveringService, { strict: false }).lever(voor[0].id)).toBe('niets-te-doen');
    const [eerste] = await afleveringen(zorgWest, klacht.id);
    expect(eerste).toMatchObject({ status: 'vervallen', last_error: 'klacht overgedragen bij het einde van het contract van zorg-west' });
  });
});
