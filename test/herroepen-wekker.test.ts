/**
 * Awb 9:11 lid 1 and 2: the last day of a termijn counts in full. An act done on that day and registered after the
 * wake-up at midnight is stepped in its place, before the wake-up (src/machines/regime.ts `inhalen`). The wake-up it
 * undoes then never happened: what it registered (the klager's tevredenheid 'niet bereikt', its history row) and the
 * termijnen it started go with it. Real PostgreSQL, the seed definitions, fixed dates; no worker runs (ROLE=api).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake as svIntake } from '../src/machines/intake.spec-hulp';
import { loadAndValidate } from '../src/machines/definition/validate';
import { registratieSql, tevredenheidPerDefinitie } from '../src/modules/reports/rapportage.repository';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('herroepen-wekker');
const definities = loadAndValidate(['definitions']).definities.map((d) => ({ id: d.id, definitie: d.definitie }));

beforeAll(async () => {
  tdb = await createTestDatabase('herroepen_wekker');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    // After every act of these tests: no data check refuses a day as in the future.
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2027-05-02T10:00:00+02:00'))),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

const termijn = async (id: string, naam: string) =>
  (await a.db.query(
    `select status, revision, vervaldatum::text as vervaldatum, beeindigd_door from termijn where klacht_id = $1 and naam = $2 order by revision`,
    [id, naam],
  )) as Array<{ status: string; revision: number; vervaldatum: string; beeindigd_door: string | null }>;

const wek = async (id: string, naam: string, op: string) => {
  const [t] = await termijn(id, naam);
  expect(await a.wake.verval({ klachtId: id, termijnNaam: naam, revision: t.revision, kind: 'verval' }, new Date(op))).toBe('verwerkt');
};

const klachtRij = async (id: string) =>
  (
    (await a.db.query(`select state, done, tevredenheid from klacht where id = $1`, [id])) as Array<{
      state: string;
      done: boolean;
      tevredenheid: string | null;
    }>
  )[0];

/** The wake-up's history rows: accepted or not, and what their payload says of their undoing. */
const wekkerRegels = async (id: string) =>
  (await a.db.query(
    `select payload->>'termijn' as termijn, accepted, payload->'herroepen' as herroepen from klacht_gebeurtenis
      where klacht_id = $1 and type = 'TERMIJN_VERLOPEN' order by id`,
    [id],
  )) as Array<{ termijn: string; accepted: boolean; herroepen: Record<string, unknown> | null }>;

/** The registration as a stored report reads it as at `op` (registratieSql, from the history). */
const registratieOp = async (id: string, op: string) =>
  (
    (await a.db.query(
      `select r.tevredenheid, r.done from klacht k cross join lateral ${registratieSql('k', '$2::timestamptz', '$3::jsonb')} r where k.id = $1`,
      [id, op, JSON.stringify(tevredenheidPerDefinitie(definities))],
    )) as Array<{ tevredenheid: string | null; done: boolean }>
  )[0];

/** The history row of an act: where it came from and went. */
const actRegel = async (id: string, type: string) =>
  (
    (await a.db.query(`select van_state, naar_state from klacht_gebeurtenis where klacht_id = $1 and type = $2 and accepted`, [
      id,
      type,
    ])) as Array<{ van_state: string | null; naar_state: string }>
  )[0];

const outbox = async (id: string, type: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = $2 order by id`, [id, type])) as Array<{
      payload: Record<string, unknown>;
    }>
  ).map((r) => r.payload);

describe("Klachtenprotocol Wmo keten Amsterdam §5A, §6; Awb 9:24 lid 1 sub a: the klager's answer on the last day of his wait, registered after the wake-up closed the klacht", () => {
  const amsterdam: IntakeInput = {
    gemeente: 'GM0363',
    kanaal: 'telefoon',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'aanbieder',
    soort: 'klacht',
    aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
    feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
  };

  /** Afgedaan by the aanbieder on 20 April 2026; the klager's wait passed at midnight after 20 April 2027: closed, 'niet bereikt'. */
  /** The state the klager's passed wait leaves: closed. */
  const gesloten = 'afgesloten';

  async function geslotenNaWachten(): Promise<string> {
    const { klacht } = await a.engine.create(amsterdam, { actor: 'aanbieder' });
    const af = await a.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    expect(af.result.state).toBe('bijAanbieder.afgedaan');
    expect(await termijn(klacht.id, 'tweedeLijnVerzoekNaAanbieder')).toMatchObject([{ status: 'lopend', vervaldatum: '2027-04-20' }]);
    await wek(klacht.id, 'tweedeLijnVerzoekNaAanbieder', '2027-04-21T00:00:05+02:00');
    expect(await klachtRij(klacht.id)).toMatchObject({ state: gesloten, done: true, tevredenheid: 'niet bereikt' });
    expect(await registratieOp(klacht.id, '2027-05-01T12:00:00+02:00')).toEqual({ tevredenheid: 'niet bereikt', done: true });
    return klacht.id;
  }

  it("VERZOEK_OMBUDSMAN of the last day reopens the klacht and takes the wake-up's 'niet bereikt' with it: column, history and stored report", async () => {
    const id = await geslotenNaWachten();
    await a.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    expect(await klachtRij(id)).toEqual({ state: 'bijOmbudsman.onderzoek', done: false, tevredenheid: null });
    // The wake-up's row stays, shown as undone, and no longer counts as an accepted step of the klacht.
    expect(await wekkerRegels(id)).toEqual([
      {
        termijn: 'tweedeLijnVerzoekNaAanbieder',
        accepted: false,
        herroepen: { door: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T14:00:00.000Z' },
      },
    ]);
    expect(await registratieOp(id, '2027-05-01T12:00:00+02:00')).toEqual({ tevredenheid: null, done: false });
    // The act came from where the klacht was on 20 April 2027 at 16:00, not from the state the undone wake-up left.
    expect(await actRegel(id, 'VERZOEK_OMBUDSMAN')).toEqual({ van_state: 'bijAanbieder.afgedaan', naar_state: 'bijOmbudsman.onderzoek' });
    // Subscribers were told the wake-up closed it: the status change says both, and that the expiry is undone.
    const [gewijzigd] = (await outbox(id, 'klacht.status-gewijzigd')).filter((p) => p.event === 'VERZOEK_OMBUDSMAN');
    expect(gewijzigd).toMatchObject({
      van: 'bijAanbieder.afgedaan',
      naar: 'bijOmbudsman.onderzoek',
      vanGemeld: gesloten,
      verlopenHerroepen: true,
    });
    // The timeline of /beheer shows the klacht's path without it; the klacht's own history (GET /klachten/{id}) keeps the
    // row and says it was undone.
    const auth = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
    const tijdlijn = await request(a.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', auth).expect(200);
    expect(tijdlijn.body.gebeurtenissen.map((g: { type: string }) => g.type)).toEqual([
      'KLACHT_ONTVANGEN',
      'AFDOENEN',
      'VERZOEK_OMBUDSMAN',
    ]);
    const detail = await request(a.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth).expect(200);
    expect(
      detail.body.gebeurtenissen.filter((g: { type: string }) => g.type === 'TERMIJN_VERLOPEN').map((g: { payload: object }) => g.payload),
    ).toEqual([{ termijn: 'tweedeLijnVerzoekNaAanbieder', herroepen: { door: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T14:00:00.000Z' } }]);
  });

  it('KLAGER_TEVREDEN of the last day closed the klacht that day, not at the undone wake-up: state_sinds and the history say 20 April', async () => {
    const id = await geslotenNaWachten();
    await a.engine.apply(id, { type: 'KLAGER_TEVREDEN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    expect(await klachtRij(id)).toEqual({ state: gesloten, done: true, tevredenheid: 'tevreden' });
    expect(await actRegel(id, 'KLAGER_TEVREDEN')).toEqual({ van_state: 'bijAanbieder.afgedaan', naar_state: gesloten });
    const [{ state_sinds }] = (await a.db.query(`select state_sinds from klacht where id = $1`, [id])) as Array<{ state_sinds: Date }>;
    expect(state_sinds.toISOString()).toBe('2027-04-20T14:00:00.000Z');
    // Subscribers were told 'afgesloten' by the wake-up; they hear that the klager's answer closed it, and the expiry is undone.
    expect((await outbox(id, 'klacht.status-gewijzigd')).filter((p) => p.event === 'KLAGER_TEVREDEN')).toMatchObject([
      { van: 'bijAanbieder.afgedaan', naar: gesloten, vanGemeld: gesloten, verlopenHerroepen: true, done: true },
    ]);
    expect(await registratieOp(id, '2027-04-20T22:00:00+02:00')).toEqual({ tevredenheid: 'tevreden', done: true });
  });

  it("KLAGER_ONTEVREDEN of the last day: the column and the stored report as at a later day both say 'ontevreden'", async () => {
    const id = await geslotenNaWachten();
    await a.engine.apply(id, { type: 'KLAGER_ONTEVREDEN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    expect(await klachtRij(id)).toMatchObject({ done: false, tevredenheid: 'ontevreden' });
    expect(await registratieOp(id, '2027-05-01T12:00:00+02:00')).toEqual({ tevredenheid: 'ontevreden', done: false });
    expect((await wekkerRegels(id)).map((r) => r.accepted)).toEqual([false]);
    const { state } = await klachtRij(id);
    expect(await actRegel(id, 'KLAGER_ONTEVREDEN')).toEqual({ van_state: 'bijAanbieder.afgedaan', naar_state: state });
    const gewijzigd = (await outbox(id, 'klacht.status-gewijzigd')).filter((p) => p.event === 'KLAGER_ONTEVREDEN');
    expect(gewijzigd).toMatchObject([{ van: 'bijAanbieder.afgedaan', naar: state, vanGemeld: gesloten, verlopenHerroepen: true }]);
  });
});

describe('Awb 9:11 lid 2; Awb 9:24 lid 1 sub b: a verdaging of the last day undoes the expiry, and the termijn that expiry started never ran', () => {
  it("the klager's year the wake-up started ends 'vervallen', announced as verlopenHerroepen, not as met ('nagekomen')", async () => {
    const { klacht } = await a.engine.create(svIntake(), { actor: 'kcc' });
    const id = klacht.id;
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
    ] as const) {
      await a.engine.apply(id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    }
    expect(await termijn(id, 'tweedeLijnVerzoek')).toEqual([]);
    await wek(id, 'afhandeling', '2026-05-19T00:00:05+02:00');
    // The expiry opened the second line to the klager (Awb 9:22 sub b, 9:24 lid 1 sub b): his year runs.
    expect(await termijn(id, 'tweedeLijnVerzoek')).toMatchObject([{ status: 'lopend', vervaldatum: '2027-05-18' }]);

    await a.engine.apply(
      id,
      { type: 'VERDAGEN', at: '2026-05-18T16:00:00+02:00', data: { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' } },
      { actor: 'behandelaar' },
    );
    expect(await termijn(id, 'afhandeling')).toMatchObject([{ status: 'lopend', vervaldatum: '2026-06-11' }]);
    expect(await termijn(id, 'tweedeLijnVerzoek')).toMatchObject([{ status: 'vervallen', beeindigd_door: 'VERDAGEN' }]);
    const beeindigd = (await outbox(id, 'termijn.beeindigd')).filter((p) => p.naam === 'tweedeLijnVerzoek');
    expect(beeindigd.map((p) => [p.status, p.verlopenHerroepen])).toEqual([['vervallen', true]]);
    // The afhandeltermijn's wake-up is undone in the history too.
    expect(await wekkerRegels(id)).toEqual([
      { termijn: 'afhandeling', accepted: false, herroepen: { door: 'VERDAGEN', at: '2026-05-18T14:00:00.000Z' } },
    ]);
  });
});
