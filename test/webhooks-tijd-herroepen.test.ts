/**
 * Awb 9:11 lid 1 and 2 (the last day of a termijn counts in full): an act of that day registered after the wake-up at
 * midnight undoes the wake-up (regime.ts `inhalen`); docs/api.md tells a subscriber to retract what it announced. A
 * subscriber that chose only `.klacht.afgedaan`, or only `.termijn.verlopen`, was told of the wake-up's closure or
 * expiry, so it must also get the event that undoes it (the status change or termijn event with verlopenHerroepen),
 * whatever its type; nothing else of other types. So must one of only `.termijn.escalatie` or `.termijn.beeindigd` told of
 * that termijn by the wake-up, and one of `opdracht.*` gets one opdracht withdrawing the wake-up's opdrachten. Real PostgreSQL, the seed definitions, the real outbox relay and
 * fan-out (ROLE=api: the deliveries are read from webhook_aflevering, not sent).
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake as svIntake } from '../src/machines/intake.spec-hulp';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('webhooks-tijd-herroepen');

beforeAll(async () => {
  tdb = await createTestDatabase('webhooks_tijd_herroepen');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2027-05-02T10:00:00+02:00'))),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

const abonneer = async (gemeente: string, typen: string[]): Promise<string> =>
  (
    (await a.db.query(
      `insert into webhook_abonnement (gemeente, url, secret, typen) values ($1, 'https://ontvanger.example/events', $2, $3::jsonb) returning id`,
      [gemeente, 'een-geheim-van-minstens-32-tekens-lang', JSON.stringify(typen)],
    )) as { id: string }[]
  )[0].id;

/** What one subscription got for one klacht, in order: the type, the state or termijn, and whether it undoes something. */
const gekregen = async (abonnement: string, klachtId: string) =>
  (
    (await a.db.query(
      `select event_type, cloud_event from webhook_aflevering where abonnement_id = $1 and klacht_id = $2 order by sequence`,
      [abonnement, klachtId],
    )) as { event_type: string; cloud_event: { data: Record<string, unknown> } }[]
  ).map((r) => [r.event_type, r.cloud_event.data.naar ?? r.cloud_event.data.naam, r.cloud_event.data.verlopenHerroepen === true]);

const wek = async (id: string, naam: string, op: string) => {
  const [t] = (await a.db.query(`select revision from termijn where klacht_id = $1 and naam = $2 order by revision`, [id, naam])) as {
    revision: number;
  }[];
  expect(await a.wake.verval({ klachtId: id, termijnNaam: naam, revision: t.revision, kind: 'verval' }, new Date(op))).toBe('verwerkt');
  await a.relay.idle();
};

const amsterdam: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

describe('Awb 9:11 lid 1, Klachtenprotocol Wmo keten Amsterdam §6: the klager’s request of his last day undoes the closure a subscriber of only afgedaan or verlopen was told of', () => {
  it('the afgedaan-only subscriber gets the reopening, the verlopen-only subscriber the retraction of the expiry; neither gets ordinary events of other types', async () => {
    const afgedaan = await abonneer('GM0363', ['nl.klachtregie.klacht.afgedaan']);
    const verlopen = await abonneer('GM0363', ['nl.klachtregie.termijn.verlopen']);
    const { klacht } = await a.engine.create(amsterdam, { actor: 'aanbieder' });
    await a.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    await wek(klacht.id, 'tweedeLijnVerzoekNaAanbieder', '2027-04-21T00:00:05+02:00');
    await a.engine.apply(klacht.id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await a.relay.idle();
    expect(await gekregen(afgedaan, klacht.id)).toEqual([
      ['nl.klachtregie.klacht.afgedaan', 'afgesloten', false],
      ['nl.klachtregie.klacht.status-gewijzigd', 'bijOmbudsman.onderzoek', true],
    ]);
    expect(await gekregen(verlopen, klacht.id)).toEqual([
      ['nl.klachtregie.termijn.verlopen', 'tweedeLijnVerzoekNaAanbieder', false],
      ['nl.klachtregie.termijn.beeindigd', 'tweedeLijnVerzoekNaAanbieder', true],
    ]);
  });
});

describe('Awb 9:11 lid 2, 9:24 lid 1 sub b: a verdaging of the last day undoes the expiry of the afhandeltermijn', () => {
  it('the verlopen-, escalatie- and beeindigd-only subscribers get the termijn.gestart that retracts it, not the end of the klager’s year they never heard of; the opdracht subscriber one opdracht withdrawing the wake-up’s; the afgedaan-only subscriber nothing', async () => {
    // Stichtse Vecht (src/machines/intake.spec-hulp.ts).
    const afgedaan = await abonneer('GM1904', ['nl.klachtregie.klacht.afgedaan']);
    const verlopen = await abonneer('GM1904', ['nl.klachtregie.termijn.verlopen']);
    const escalatie = await abonneer('GM1904', ['nl.klachtregie.termijn.escalatie']);
    const beeindigd = await abonneer('GM1904', ['nl.klachtregie.termijn.beeindigd']);
    const opdrachten = await abonneer('GM1904', ['nl.klachtregie.opdracht.*']);
    const { klacht } = await a.engine.create(svIntake(), { actor: 'kcc' });
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
    ] as const) {
      await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    }
    await wek(klacht.id, 'afhandeling', '2026-05-19T00:00:05+02:00');
    await a.engine.apply(
      klacht.id,
      { type: 'VERDAGEN', at: '2026-05-18T16:00:00+02:00', data: { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' } },
      { actor: 'behandelaar' },
    );
    await a.relay.idle();
    expect(await gekregen(verlopen, klacht.id)).toEqual([
      ['nl.klachtregie.termijn.verlopen', 'afhandeling', false],
      ['nl.klachtregie.termijn.gestart', 'afhandeling', true],
    ]);
    expect(await gekregen(afgedaan, klacht.id)).toEqual([]);
    // Awb 9:11 lid 2 with 9:24 lid 1 sub b: whoever the undone wake-up told anything hears that it did not happen.
    expect(await gekregen(escalatie, klacht.id)).toEqual([
      ['nl.klachtregie.termijn.escalatie', 'leidinggevende', false],
      ['nl.klachtregie.termijn.gestart', 'afhandeling', true],
    ]);
    const eind = (
      (await a.db.query(
        `select cloud_event->'data' as data from webhook_aflevering where abonnement_id = $1 and klacht_id = $2 order by sequence`,
        [beeindigd, klacht.id],
      )) as { data: Record<string, unknown> }[]
    ).map((r) => [r.data.naam, r.data.status ?? null, r.data.teLaat ?? null, r.data.verlopenHerroepen === true]);
    expect(eind).toEqual([
      ['nietBehandelenKennisgeving', 'nagekomen', false, false],
      ['afhandeling', 'verlopen', true, false],
      ['tweedeLijnVerzoek', 'vervallen', false, true],
      ['afhandeling', null, null, true],
    ]);
    // The letter system: the wake-up's opdrachten, then one opdracht withdrawing exactly those (by CloudEvent id), before the
    // verdaging's own letters; the klager gets no letter about the Nationale ombudsman beside the verdaging's.
    const opdr = (await a.db.query(
      `select event_type, cloud_event from webhook_aflevering where abonnement_id = $1 and klacht_id = $2 order by sequence, event_id`,
      [opdrachten, klacht.id],
    )) as { event_type: string; cloud_event: { id: string; data: Record<string, unknown> } }[];
    const vanafWekker = opdr.slice(opdr.findIndex((o) => o.event_type === 'nl.klachtregie.opdracht.termijn-overschreden'));
    expect(vanafWekker.map((o) => o.event_type)).toEqual([
      'nl.klachtregie.opdracht.termijn-overschreden',
      'nl.klachtregie.opdracht.escalatie',
      'nl.klachtregie.opdracht.klager-informeren-tweede-lijn',
      'nl.klachtregie.opdracht.opdrachten-herroepen',
      'nl.klachtregie.opdracht.kennisgeving-verdaging',
      'nl.klachtregie.opdracht.kennisgeving-verdaging',
    ]);
    const intrekking = vanafWekker[3].cloud_event.data;
    expect(intrekking).toMatchObject({ event: 'VERDAGEN', at: '2026-05-18T16:00:00+02:00', verlopenHerroepen: true });
    expect(intrekking.opdrachten).toEqual(vanafWekker.slice(0, 3).map((o) => ({ id: o.cloud_event.id, type: o.event_type })));
  });
});
