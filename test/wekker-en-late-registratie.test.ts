/**
 * Awb 9:11 lid 1 and 2: the last day of a termijn counts in full. The wake-up marks a termijn passed at midnight after
 * its last day; an act done on that day is often registered the next morning, with its true time. The engine then
 * steps it where it belongs in time (src/machines/regime.ts, `inhalen`): a termijn it met or moved did not pass, and
 * its row, its klacht's lateness and its outbox messages say so.
 *
 * The seed definitions (Stichtse Vecht), the real wake-up, at fixed dates; no worker runs (ROLE=api).
 */
import { intake } from '../src/machines/intake.spec-hulp';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { KlachtenService } from '../src/modules/klachten/klachten.service';

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('wekker-late-registratie');

beforeAll(async () => {
  tdb = await createTestDatabase('wekker_late_registratie');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** A klacht in oordeelsvorming whose afhandeltermijn ends Monday 18 May 2026, passed by its wake-up at midnight. */
async function naDeWekker(): Promise<string> {
  const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
  for (const [type, at, data] of [
    ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ] as const) {
    await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const [t] = await a.db.query(
    `select revision, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling'`,
    [klacht.id],
  );
  expect(t.vervaldatum).toBe('2026-05-18');
  const nacht = new Date('2026-05-19T00:00:05+02:00');
  expect(await a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision: t.revision, kind: 'verval' }, nacht)).toBe(
    'verwerkt',
  );
  expect(await afhandeling(klacht.id)).toMatchObject([{ status: 'verlopen', gemeld: true }]);
  expect(await eersteVervaltOp(klacht.id)).not.toBeNull();
  return klacht.id;
}

const afhandeling = async (id: string) =>
  (await a.db.query(
    `select status, revision, vervaldatum::text as vervaldatum, verval_gemeld_op is not null as gemeld, gesloten_op is not null as gesloten
       from termijn where klacht_id = $1 and naam = 'afhandeling' order by revision`,
    [id],
  )) as Array<{ status: string; revision: number; vervaldatum: string; gemeld: boolean; gesloten: boolean }>;

const eersteVervaltOp = async (id: string) =>
  ((await a.db.query(`select eerste_vervalt_op from klacht where id = $1`, [id])) as Array<{ eerste_vervalt_op: Date | null }>)[0]
    .eerste_vervalt_op;

const outbox = async (id: string, type: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = $2 order by id`, [id, type])) as Array<{
      payload: Record<string, unknown>;
    }>
  ).map((r) => r.payload);

describe('Awb 9:11 lid 1 and 2: an act of the last day, registered after the wake-up, counts on that day', () => {
  it('the afdoening sent on the last day is accepted, and the afhandeltermijn is met in time (not te laat afgehandeld)', async () => {
    const id = await naDeWekker();
    const na = await a.engine.apply(
      id,
      { type: 'AFDOENEN', at: '2026-05-18T16:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'behandelaar' },
    );
    expect(na.klacht.done).toBe(false);
    // One row, met in time: the reports count it op tijd (rapportage.repository.ts classes by status).
    expect(await afhandeling(id)).toEqual([
      { status: 'nagekomen', revision: 1, vervaldatum: '2026-05-18', gemeld: false, gesloten: false },
    ]);
    expect(await eersteVervaltOp(id)).toBeNull();
    // Webhooks hear that it ended in time, after the wake-up's message that it passed.
    const beeindigd = await outbox(id, 'termijn.beeindigd');
    expect(beeindigd.filter((p) => p.naam === 'afhandeling').map((p) => [p.status, p.teLaat])).toEqual([
      ['verlopen', true],
      ['nagekomen', false],
    ]);
    // The second retracts the first: the expiry the subscriber heard of did not happen.
    expect(beeindigd.filter((p) => p.naam === 'afhandeling').map((p) => p.verlopenHerroepen)).toEqual([undefined, true]);
  });

  it('a verdaging sent on the last day reopens the termijn at its new date, and only the new wake-up fires', async () => {
    const id = await naDeWekker();
    // Offered after the wake-up (the werkvoorraad shows only what the klacht lists): it can still be registered in its place.
    const [{ volgende_events }] = await a.db.query(`select volgende_events from klacht where id = $1`, [id]);
    expect(volgende_events).toEqual(expect.arrayContaining(['VERDAGEN', 'AFDOENEN']));
    // And as the werkvoorraad reads it (GET /klachten/{id}): VERDAGEN with the afhandeltermijn to choose.
    const detail = await a.app.get(KlachtenService, { strict: false }).detail(id);
    const verdagen = detail.volgendeEvents.find((e) => e.type === 'VERDAGEN');
    expect(verdagen?.data.find((v) => v.naam === 'termijn')?.waarden).toEqual(['afhandeling']);
    await a.engine.apply(
      id,
      { type: 'VERDAGEN', at: '2026-05-18T16:00:00+02:00', data: { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' } },
      { actor: 'behandelaar' },
    );
    const [rij] = await afhandeling(id);
    expect(rij).toEqual({ status: 'lopend', revision: 2, vervaldatum: '2026-06-11', gemeld: false, gesloten: false });
    expect(await eersteVervaltOp(id)).toEqual(new Date('2026-06-11T22:00:00Z'));
    expect(
      (await outbox(id, 'termijn.gepland')).filter((p) => p.naam === 'afhandeling').map((p) => [p.revision, p.verlopenHerroepen]),
    ).toEqual([
      [1, undefined],
      [2, true],
    ]);
    const job = { klachtId: id, termijnNaam: 'afhandeling', kind: 'verval' as const };
    expect(await a.wake.verval({ ...job, revision: 1 }, new Date('2026-05-19T09:00:00+02:00'))).toBe('stale');
    expect(await a.wake.verval({ ...job, revision: 2 }, new Date('2026-06-12T00:00:05+02:00'))).toBe('verwerkt');
    expect(await afhandeling(id)).toMatchObject([{ status: 'verlopen', revision: 2, gemeld: true }]);
  });

  it('an act of the next day is still refused before the wake-up, and changes nothing', async () => {
    const id = await naDeWekker();
    await expect(
      a.engine.apply(
        id,
        { type: 'VERDAGEN', at: '2026-05-19T09:00:00+02:00', data: { termijn: 'afhandeling', duur: 'P4W' } },
        { actor: 'behandelaar' },
      ),
    ).rejects.toThrow(/loopt niet/);
    expect(await afhandeling(id)).toMatchObject([{ status: 'verlopen', gemeld: true, gesloten: false }]);
  });

  it("Awb 9:24 lid 1: a request to the ombudsman on the last day of the klager's year, registered after the wake-up closed the klacht, opens it again", async () => {
    const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
      ['AFDOENEN', '2026-05-12T10:00:00+02:00', { oordeel: 'ongegrond' }],
    ] as const) {
      await a.engine.apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    }
    const jaar = async () =>
      (
        (await a.db.query(
          `select status, revision, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'tweedeLijnVerzoek'`,
          [klacht.id],
        )) as Array<{ status: string; revision: number; vervaldatum: string }>
      )[0];
    expect(await jaar()).toMatchObject({ status: 'lopend', vervaldatum: '2027-05-12' });
    const { revision } = await jaar();
    expect(
      await a.wake.verval(
        { klachtId: klacht.id, termijnNaam: 'tweedeLijnVerzoek', revision, kind: 'verval' },
        new Date('2027-05-13T00:00:05+02:00'),
      ),
    ).toBe('verwerkt');
    const klachtRij = async () =>
      ((await a.db.query(`select state, done from klacht where id = $1`, [klacht.id])) as Array<{ state: string; done: boolean }>)[0];
    expect(await klachtRij()).toEqual({ state: 'afgesloten', done: true });

    await a.engine.apply(klacht.id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-05-12T15:00:00+02:00' }, { actor: 'kcc' });
    expect(await klachtRij()).toEqual({ state: 'bijOmbudsman.onderzoek', done: false });
    expect(await jaar()).toMatchObject({ status: 'nagekomen', vervaldatum: '2027-05-12' });
  });
});

describe('Algemene termijnenwet art. 3 lid 3: a termijn row written under an older calendar', () => {
  it('its wake-up at the old day moves it to the day the regime gives now, announces and escalates nothing, and it passes then', async () => {
    const { klacht } = await a.engine.create(intake(), { actor: 'kcc' });
    await a.engine.apply(klacht.id, { type: 'FORMELE_BEHANDELING', at: '2026-04-03T10:00:00+02:00' }, { actor: 'behandelaar' });
    // The termijnen before it pass first (a step of the klacht would put every row right by itself).
    const [kennisgeving] = await a.db.query(`select revision from termijn where klacht_id = $1 and naam = 'nietBehandelenKennisgeving'`, [
      klacht.id,
    ]);
    await a.wake.verval(
      { klachtId: klacht.id, termijnNaam: 'nietBehandelenKennisgeving', revision: kennisgeving.revision, kind: 'verval' },
      new Date('2026-05-01T00:00:05+02:00'),
    );
    // Six weeks from 2 April end on Hemelvaartsdag 14 May; the next day, Friday 15 May 2026, is equated with a holiday by
    // decree, so the regime gives Monday 18 May. A release that did not know that decree wrote Friday 15 May in the row.
    await a.db.query(
      `update termijn set vervaldatum = '2026-05-15', vervalt_op = '2026-05-15T22:00:00Z' where klacht_id = $1 and naam = 'afhandeling'`,
      [klacht.id],
    );
    await a.db.query(`update klacht set eerste_vervalt_op = '2026-05-15T22:00:00Z' where id = $1`, [klacht.id]);
    const [oud] = await afhandeling(klacht.id);
    expect(oud).toMatchObject({ status: 'lopend', vervaldatum: '2026-05-15', gemeld: false });

    const wek = (revision: number, op: string) =>
      a.wake.verval({ klachtId: klacht.id, termijnNaam: 'afhandeling', revision, kind: 'verval' }, new Date(op));
    expect(await wek(oud.revision, '2026-05-16T00:00:05+02:00')).toBe('verwerkt');
    expect(await afhandeling(klacht.id)).toEqual([
      { status: 'lopend', revision: oud.revision + 1, vervaldatum: '2026-05-18', gemeld: false, gesloten: false },
    ]);
    expect(await eersteVervaltOp(klacht.id)).toEqual(new Date('2026-05-18T22:00:00Z'));
    const vanAfhandeling = async (type: string) => (await outbox(klacht.id, type)).filter((p) => p.naam === 'afhandeling');
    expect(await vanAfhandeling('termijn.verlopen')).toEqual([]);
    expect(await vanAfhandeling('termijn.escalatie')).toEqual([]);
    expect(await outbox(klacht.id, 'termijn.gepland')).toContainEqual(
      expect.objectContaining({ naam: 'afhandeling', revision: oud.revision + 1, vervaldatum: '2026-05-18' }),
    );
    // The old revision's wake-up is stale now; the new one passes it after its own last day.
    expect(await wek(oud.revision, '2026-05-16T00:00:06+02:00')).toBe('stale');
    expect(await wek(oud.revision + 1, '2026-05-19T00:00:05+02:00')).toBe('verwerkt');
    expect(await afhandeling(klacht.id)).toMatchObject([{ status: 'verlopen', vervaldatum: '2026-05-18', gemeld: true }]);
    expect(await vanAfhandeling('termijn.verlopen')).toHaveLength(1);
  });
});
