import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { verifieerHandtekening } from '../src/modules/webhooks/webhook-signature';
import { bearer } from './auth-support';
import { genereerKlachten, insertKlachten } from './reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { waitFor } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';

/** The CloudEvent fields these tests read. */
interface RapportageEvent {
  type: string;
  subject?: string;
  gemeente: string;
  source: string;
  data: Record<string, unknown>;
}

/**
 * Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, delivered as webhooks (docs/api.md): the report schedule's outbox rows (no klacht) reach the
 * gemeente's subscribers as CloudEvents, through the real BullMQ deadline job, the outbox relay and
 * the webhook fan-out and delivery; another gemeente's subscriber gets none of them.
 */
describe('report schedule events by webhook (real PostgreSQL and Redis)', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let db: DataSource;
  let svOntvanger: Awaited<ReturnType<typeof startOntvanger<RapportageEvent>>>;
  let amsOntvanger: Awaited<ReturnType<typeof startOntvanger<RapportageEvent>>>;
  let svAbonnement: { id: string; secret: string };

  beforeAll(async () => {
    svOntvanger = await startOntvanger<RapportageEvent>();
    amsOntvanger = await startOntvanger<RapportageEvent>();
    tdb = await createTestDatabase('webhooks_rapportages');
    // ROLE=all (default): the rapportages worker fires the deadline job, the sweep drains the outbox, the webhook worker delivers.
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: {
        SWEEP_INTERVAL_MS: '300',
        WEBHOOK_MAX_BACKOFF_MS: '400',
        CLOUDEVENTS_SOURCE: 'urn:nld:oin:00000001234567890000:systeem:klachtregie',
      },
    });
    db = t.app.get<DataSource>(getDataSourceToken());
    const sv = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', await bearer(t.app, 'GM1904', 'beheerder'))
      .send({ url: svOntvanger.url, typen: ['nl.klachtregie.rapportage.*'], omschrijving: 'contractmanagement Stichtse Vecht' });
    expect(sv.status).toBe(201);
    svAbonnement = sv.body;
    // Amsterdam subscribes to everything: it must still get nothing of Stichtse Vecht's.
    const ams = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', await bearer(t.app, 'GM0363', 'beheerder'))
      .send({ url: amsOntvanger.url, omschrijving: 'Amsterdam, alles' });
    expect(ams.status).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
    await tdb?.drop();
    await svOntvanger?.close();
    await amsOntvanger?.close();
  });

  test('the subscription filter accepts the rapportage types and refuses types outside nl.klachtregie.', async () => {
    const beheerder = await bearer(t.app, 'GM1904', 'beheerder');
    const fout = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: svOntvanger.url, typen: ['rapportage.escalatie'] });
    expect(fout.status).toBe(400);
    const goed = await request(t.http)
      .post('/api/v1/webhook-abonnementen')
      .set('Authorization', beheerder)
      .send({ url: svOntvanger.url, typen: ['nl.klachtregie.rapportage.escalatie'] });
    expect(goed.status).toBe(201);
    // Only the first subscription is needed below.
    await db.query(`delete from webhook_abonnement where id = $1`, [goed.body.id]);
  });

  test('Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht §10, contract art. 11.1: an overdue aanbieder report is escalated to the contractmanager as a CloudEvent', async () => {
    const planning = t.app.get(RapportagePlanningService);
    const klachten = genereerKlachten({
      n: 60,
      seed: 7,
      gemeente: 'GM1904',
      definitieId: 'gm1904-stichtse-vecht',
      van: new Date('2025-12-05T00:00:00Z'),
      tot: new Date('2026-06-20T00:00:00Z'),
      nu: new Date('2026-06-30T00:00:00Z'),
    });
    await insertKlachten(db, klachten);
    // Zorgbalans submitted its report in time; the other aanbieders did not.
    await db.query(
      `insert into aanbieder_rapportage (gemeente, aanbieder_gemeente, aanbieder_id, deadline, ingediend_door, inhoud, ingediend_op) values ('GM1904', 'GM1904', 'zorgbalans', '2026-07-01', 'test', '{}', '2026-06-20T12:00:00+02:00')`,
    );

    // The schedule as built on 1 March 2026: the 1 July deadline job is in the past now, so the worker fires it at once.
    const stichtseVecht = planning.laadDefinities().filter((d) => d.definitie.gemeente.cbsCode === 'GM1904');
    expect(stichtseVecht.length).toBeGreaterThan(0);
    await planning.synchroniseer(new Date('2026-03-01T09:00:00Z'), stichtseVecht);

    const escalaties = () =>
      svOntvanger.ontvangen.filter((o) => o.event.type === 'nl.klachtregie.rapportage.escalatie' && o.event.data.deadline === '2026-07-01');
    await waitFor('three escalations delivered', async () => escalaties().length >= 3, 30_000);
    await waitFor(
      'the gemeente report delivered',
      async () => svOntvanger.ontvangen.some((o) => o.event.type === 'nl.klachtregie.rapportage.gegenereerd'),
      15_000,
    );

    const e = escalaties();
    expect(e.map((o) => o.event.subject).sort()).toEqual(['jeugdformaat', 'thuiszorg-west', 'vervoer-plus']);
    for (const o of e) {
      expect(o.event).toEqual(
        expect.objectContaining({
          specversion: '1.0',
          source: 'urn:nld:oin:00000001234567890000:systeem:klachtregie',
          gemeente: 'GM1904',
          datacontenttype: 'application/json',
        }),
      );
      expect(o.event.data).toEqual(
        expect.objectContaining({
          aanbiederId: o.event.subject,
          naar: 'contractmanager',
          deadline: '2026-07-01',
          // The half year 1 November – 30 April, due vóór 1 juli (definitions/gm1904-stichtse-vecht).
          periodeVan: '2025-11-01',
          periodeTot: '2026-04-30',
          gebeurtenis: 'rapportage.te-laat',
        }),
      );
      expect(o.event.data).not.toHaveProperty('klachtId');
      expect(verifieerHandtekening(svAbonnement.secret, o.raw, o.signature)).toBe(true);
    }
    // Zorgbalans submitted: no escalation about it.
    expect(svOntvanger.ontvangen.some((o) => o.event.subject === 'zorgbalans' && o.event.data?.deadline === '2026-07-01')).toBe(false);
    // Exactly once per event, and nothing outside the subscription's filter.
    const ids = svOntvanger.ontvangen.map((o) => JSON.parse(o.raw).id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(svOntvanger.ontvangen.every((o) => o.event.type.startsWith('nl.klachtregie.rapportage.'))).toBe(true);

    // Another gemeente's subscription (no filter at all) received nothing of this, and has no deliveries waiting either.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(amsOntvanger.ontvangen.filter((o) => o.event.gemeente !== 'GM0363')).toEqual([]);
    expect(amsOntvanger.ontvangen).toEqual([]);
    const [{ n }] = await db.query(`select count(*)::int as n from webhook_aflevering where gemeente <> 'GM1904'`);
    expect(n).toBe(0);
  });
});
