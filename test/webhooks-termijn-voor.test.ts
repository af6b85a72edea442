/**
 * Klachtenprotocol Wmo keten Amsterdam §6, §9 and Uitgangspunten klachtenmanagement Sociaal Domein §5A: the aanbieder's
 * `contact` termijn and the gemeente's share a name and a label, so every `.termijn.*` CloudEvent says whose termijn it is
 * (`data.voor`), the value GET /klachten/{id} shows for that termijn (its row's column): an integration tells them apart
 * without a second call. An event written to the outbox before the rows carried it has no `voor` (docs/api.md).
 *
 * Stichtse Vecht's seed definition with a contact termijn for both parties, with a reminder and an escalation
 * (test/support/contact-beide.ts); real PostgreSQL, the real outbox relay and fan-out, delivered over HTTP to a subscriber
 * on 127.0.0.1 by the same WebhookAfleveringService the worker calls (ROLE=api: no worker runs, the test wakes the
 * termijnen and the deliveries itself at moments it chooses).
 */
import request from 'supertest';
import { KLOK } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { REGIME_BRON } from '../src/modules/engine/regime-bron';
import { WebhookAfleveringService } from '../src/modules/webhooks/webhook-aflevering.service';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { contactVoorBeide } from './support/contact-beide';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { startOntvanger } from './support/ontvanger';
import { verschuifbareKlok } from './support/verschuifbare-klok';

interface CloudEventOntvangen {
  specversion: string;
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: string;
  sequence: string;
  gemeente: string;
  data: Record<string, unknown>;
}

const bron = contactVoorBeide({ herinneringen: [{ voor: 'P2D', naar: 'behandelaar' }], escalatieNaar: 'teamleider' });
const klok = verschuifbareKlok(new Date('2026-06-01T10:00:00+02:00'));

let tdb: TestDatabase;
let a: EngineApp;
let aflevering: WebhookAfleveringService;
let ontvanger: Awaited<ReturnType<typeof startOntvanger<CloudEventOntvangen>>>;
const queuePrefix = uniqueRedisPrefix('webhooks-termijn-voor');

beforeAll(async () => {
  ontvanger = await startOntvanger<CloudEventOntvangen>();
  tdb = await createTestDatabase('webhooks_termijn_voor');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(klok),
  });
  aflevering = a.app.get(WebhookAfleveringService, { strict: false });
  const beheerder = await bearer(a.app, 'GM1904', 'beheerder');
  await request(a.app.getHttpServer())
    .post('/api/v1/webhook-abonnementen')
    .set('Authorization', beheerder)
    .send({ url: ontvanger.url, typen: ['nl.klachtregie.termijn.*'] })
    .expect(201);
}, 180_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
  await ontvanger?.close();
});

/** Fans out what is committed and delivers every waiting delivery, oldest first, as the worker would. */
async function leverAlles(): Promise<void> {
  await a.relay.idle();
  for (let ronde = 0; ronde < 20; ronde++) {
    const wachtend = (await a.db.query(`select id from webhook_aflevering where status = 'wachtend' order by sequence`)) as {
      id: string;
    }[];
    if (wachtend.length === 0) return;
    for (const w of wachtend) await aflevering.lever(w.id);
  }
  throw new Error('deliveries stay waiting');
}

/** An event registered at its own moment (the clock stands there), as a behandelaar would. */
async function stap(id: string, type: string, at: string, data?: Record<string, unknown>): Promise<void> {
  klok.zet(new Date(at));
  await a.engine.apply(id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
}

/** The running contact termijn's reminder, then its expiry, each woken at its own moment. */
async function herinnerEnLaatVerlopen(id: string): Promise<void> {
  const [t] = (await a.db.query(
    `select revision, herinneringen, vervalt_op from termijn where klacht_id = $1 and naam = 'contact' and status = 'lopend'`,
    [id],
  )) as { revision: number; herinneringen: { naam: string; op: string }[]; vervalt_op: Date }[];
  const job = { klachtId: id, termijnNaam: 'contact', revision: t.revision };
  const h = t.herinneringen[0];
  klok.zet(new Date(Date.parse(h.op) + 60_000));
  expect(await a.wake.herinnering({ ...job, kind: 'herinnering', herinnering: h.naam }, klok.nu())).toBe('verwerkt');
  klok.zet(new Date(t.vervalt_op.getTime() + 60_000));
  expect(await a.wake.verval({ ...job, kind: 'verval' }, klok.nu())).toBe('verwerkt');
}

const bijAanbieder = (aanbieder: string): IntakeInput =>
  intake({
    ontvangenOp: '2026-06-01T10:00:00+02:00',
    ingediendBij: 'aanbieder',
    aanbieders: [{ id: aanbieder, naam: `Zorg ${aanbieder}`, type: 'wmo' }],
  });

describe('Klachtenprotocol Wmo keten Amsterdam §6, §9: every termijn CloudEvent says whose termijn it is', () => {
  it("§5A: the aanbieder's contact termijn and the gemeente's, begun when the klager went on to the gemeente, are told apart in every .termijn.* webhook, as GET /klachten/{id} tells them", async () => {
    klok.zet(new Date('2026-06-01T10:00:00+02:00'));
    const { klacht } = await a.engine.create(bijAanbieder('w1'), { actor: 'kcc' });
    const id = klacht.id;
    // The aanbieder lets its contact termijn pass (reminded, then expired and escalated), handles and decides the klacht;
    // the klager goes on to the gemeente, whose own contact termijn passes too.
    await herinnerEnLaatVerlopen(id);
    await stap(id, 'AFDOENEN', '2026-06-20T10:00:00+02:00', { oordeel: 'gegrond' });
    await stap(id, 'KLACHT_BIJ_GEMEENTE', '2026-06-25T10:00:00+02:00');
    await herinnerEnLaatVerlopen(id);
    await leverAlles();

    const events = ontvanger.events().filter((e) => e.subject === id);
    const contact = events.filter((e) => e.data.naam === 'contact');
    expect(contact.map((e) => [e.type.replace('nl.klachtregie.termijn.', ''), e.data.voor])).toEqual([
      ['gestart', 'aanbieder'],
      ['herinnering', 'aanbieder'],
      ['verlopen', 'aanbieder'],
      ['escalatie', 'aanbieder'],
      ['beeindigd', 'aanbieder'],
      ['gestart', 'gemeente'],
      ['herinnering', 'gemeente'],
      ['verlopen', 'gemeente'],
      ['escalatie', 'gemeente'],
      ['beeindigd', 'gemeente'],
    ]);
    // Two termijnen, one name and one label (.termijn.beeindigd has none): only voor (and the row id) tells them apart.
    expect([...new Set(contact.filter((e) => e.data.label !== undefined).map((e) => e.data.label))]).toEqual(['Contact met de klager']);

    // Each termijn event of the klacht, of every name, carries voor as GET /klachten/{id} shows it for that termijn (the
    // row the event names: its name and revision now), null for the names that say their party themselves.
    const sleutel = await bearer(a.app, 'GM1904', 'klachtbehandelaar');
    const detail = await request(a.app.getHttpServer()).get(`/api/v1/klachten/${id}`).set('Authorization', sleutel).expect(200);
    const getoond = detail.body.termijnen as { naam: string; revision: number; voor: string | null }[];
    const rijen = (await a.db.query(`select id, naam, revision from termijn where klacht_id = $1`, [id])) as {
      id: string;
      naam: string;
      revision: number;
    }[];
    expect(events.length).toBeGreaterThan(contact.length);
    for (const e of events) {
      const rij = rijen.find((r) => r.id === e.data.termijnId)!;
      const zoalsGet = getoond.filter((t) => t.naam === rij.naam && t.revision === rij.revision);
      expect(zoalsGet).toHaveLength(1);
      expect([e.type, e.data.naam, e.data.voor]).toEqual([e.type, rij.naam, zoalsGet[0].voor]);
      expect(Object.keys(e.data)).toContain('voor');
    }
  });

  it('an event written to the outbox before the rows carried voor is delivered as a valid CloudEvent without voor (not null)', async () => {
    klok.zet(new Date('2026-06-01T10:00:00+02:00'));
    const { klacht } = await a.engine.create(bijAanbieder('w2'), { actor: 'kcc' });
    await leverAlles();
    const [t] = (await a.db.query(
      `select id, revision, label, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum from termijn where klacht_id = $1 and naam = 'contact'`,
      [klacht.id],
    )) as { id: string; revision: number; label: string; vervaldatum: string }[];
    // The payload of a reminder exactly as the wake-up wrote it before this change.
    const oud = {
      klachtId: klacht.id,
      termijnId: t.id,
      naam: 'contact',
      label: t.label,
      vervaldatum: t.vervaldatum,
      revision: t.revision,
      herinnering: 'P2D-voor',
      naar: 'behandelaar',
      datum: '2026-06-06',
    };
    await a.db.query(`insert into outbox (klacht_id, type, payload) values ($1, 'termijn.herinnering', $2::jsonb)`, [
      klacht.id,
      JSON.stringify(oud),
    ]);
    a.relay.kick();
    await leverAlles();
    const [e] = ontvanger.events().filter((x) => x.subject === klacht.id && x.type === 'nl.klachtregie.termijn.herinnering');
    expect(e).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      source: a.config.cloudEventsSource,
      type: 'nl.klachtregie.termijn.herinnering',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      subject: klacht.id,
      datacontenttype: 'application/json',
      sequence: expect.stringMatching(/^\d{20}$/),
      gemeente: 'GM1904',
      data: { ...oud, gebeurtenis: 'termijn.herinnering' },
    });
    expect(e.data).not.toHaveProperty('voor');
  });
});
