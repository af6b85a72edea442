/**
 * Klachten already waiting in bijAanbieder.afgedaan when the wait there got its termijn (compiler/wacht-op-klager.ts):
 * AfgedaanWachtHerstel gives each the termijn it would have had, from the day of the aanbieder's afdoening (Awb 9:24 lid
 * 1 sub a by analogy), by replaying its history on its own version, under its row lock, with a history line. Real
 * PostgreSQL, the seed definitions, a fixed clock.
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { AfgedaanWachtHerstel } from '../src/modules/termijnen/afgedaan-wacht-herstel.service';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T10:00:00+02:00');

const intake = (gemeente: string): IntakeInput => ({
  gemeente,
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  // Only the facts each regeling asks about (AVG art. 5 lid 1 sub c).
  feiten: gemeente === 'GM0363' ? { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 } : { aantalAanbieders: 1 },
});

describe('Klachten already waiting in bijAanbieder.afgedaan get the wait’s termijn (integration, PostgreSQL)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let herstel: AfgedaanWachtHerstel;

  beforeAll(async () => {
    db = await createTestDatabase('aanbieder_afgedaan_bestaand');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      // Only the explicit runs below; nothing falls due on its own.
      env: { SWEEP_INTERVAL_MS: '600000' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    herstel = t.app.get(AfgedaanWachtHerstel, { strict: false });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** A klacht afgedaan by the aanbieder on 20 April 2026, then stripped to what the rule before this one left. */
  async function oudeAfgedaneKlacht(gemeente: string): Promise<string> {
    const { klacht } = await t.engine.create(intake(gemeente), { actor: 'aanbieder' });
    const af = await t.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    expect([af.result.state, af.result.reason]).toEqual(['bijAanbieder.afgedaan', undefined]);
    await t.relay.idle();
    // Before the rule: no wait termijn in the snapshot nor in the termijn table, no afdoening moment.
    await t.db.query(
      `update klacht set snapshot = snapshot #- '{context,termijnen,tweedeLijnVerzoekNaAanbieder}' #- '{context,termijnen,reactieKlager}'
         #- '{context,afgedaanDoorAanbiederOp}' where id = $1`,
      [klacht.id],
    );
    await t.db.query(`delete from termijn where klacht_id = $1 and naam in ('tweedeLijnVerzoekNaAanbieder', 'reactieKlager')`, [klacht.id]);
    return klacht.id;
  }

  const lopend = async (id: string) =>
    (await t.db.query(
      `select naam, vervaldatum::text as vervaldatum, verplichting from termijn where klacht_id = $1 and status = 'lopend' order by naam`,
      [id],
    )) as Array<{ naam: string; vervaldatum: string; verplichting: boolean }>;

  test('Awb 9:24 lid 1 sub a: a klacht already waiting in afgedaan before the change gets its termijn, a year from the afdoening; once', async () => {
    const amsterdam = await oudeAfgedaneKlacht('GM0363');
    const stichtseVecht = await oudeAfgedaneKlacht('GM1904');
    expect(await lopend(amsterdam)).toEqual([]);

    const uit = await herstel.voerUit();
    expect(uit).toEqual(
      expect.arrayContaining([
        { klachtId: amsterdam, termijn: 'tweedeLijnVerzoekNaAanbieder', vervaldatum: '2027-04-20' },
        // No second line over aanbieders and no reactieKlager in the regeling: the afdoening is recorded, nothing runs.
        { klachtId: stichtseVecht },
      ]),
    );
    await t.relay.idle();
    // The termijn table holds it (werkvoorraad, reminders, the wake-up): the klager's window, nobody's obligation.
    expect(await lopend(amsterdam)).toEqual([{ naam: 'tweedeLijnVerzoekNaAanbieder', vervaldatum: '2027-04-20', verplichting: false }]);
    expect(await lopend(stichtseVecht)).toEqual([]);
    const [k] = await t.db.query(
      `select state, done, snapshot -> 'context' ->> 'afgedaanDoorAanbiederOp' as af from klacht where id = $1`,
      [amsterdam],
    );
    expect([k.state, k.done, new Date(k.af).toISOString()]).toEqual(['bijAanbieder.afgedaan', false, '2026-04-20T08:00:00.000Z']);
    const [regel] = await t.db.query(
      `select type, actor, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id desc limit 1`,
      [amsterdam],
    );
    expect(regel).toEqual(
      expect.objectContaining({
        type: 'VERSIE_GEMIGREERD',
        actor: 'systeem',
        payload: expect.objectContaining({
          vanVersie: '2015-01',
          naarVersie: '2015-01',
          reden: expect.stringContaining('Awb 9:24 lid 1 sub a'),
        }),
      }),
    );

    // A second run (another worker, the next start) changes nothing.
    expect(await herstel.voerUit()).toEqual([]);

    // The klager's later ontevredenheid keeps the year from the afdoening.
    const ontevreden = await t.engine.apply(amsterdam, { type: 'KLAGER_ONTEVREDEN', at: '2026-09-15T10:00:00+02:00' }, { actor: 'kcc' });
    expect(ontevreden.result.state).toBe('tweedeLijnVenster');
    await t.relay.idle();
    expect(await lopend(amsterdam)).toEqual([{ naam: 'tweedeLijnVerzoek', vervaldatum: '2027-04-20', verplichting: false }]);
  });

  test('Awb 9:24 lid 1 sub a: after the year without an answer the wake-up closes the klacht: tevredenheid niet bereikt registered, the loket informed, a late answer refused', async () => {
    const { klacht } = await t.engine.create(intake('GM0363'), { actor: 'aanbieder' });
    await t.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    await t.relay.idle();
    expect(await lopend(klacht.id)).toEqual([{ naam: 'tweedeLijnVerzoekNaAanbieder', vervaldatum: '2027-04-20', verplichting: false }]);
    // The sweep the morning after the year's last day (that day itself counts).
    await t.sweep!.sweepOnce(new Date('2027-04-21T00:30:00+02:00'));
    const [k] = await t.db.query(`select state, done, tevredenheid from klacht where id = $1`, [klacht.id]);
    expect(k).toEqual({ state: 'afgesloten', done: true, tevredenheid: 'niet bereikt' });
    const [intent] = await t.db.query(`select payload -> 'intent' as intent from outbox where klacht_id = $1 and type = $2`, [
      klacht.id,
      'intent.AFGESLOTEN_ZONDER_REACTIE_KLAGER',
    ]);
    expect(intent.intent).toEqual(
      expect.objectContaining({
        naar: 'Klachtenteam Sociaal Domein',
        data: { termijn: 'tweedeLijnVerzoekNaAanbieder', tevredenheid: 'niet bereikt' },
      }),
    );
    await expect(
      t.engine.apply(klacht.id, { type: 'KLAGER_ONTEVREDEN', at: '2027-05-01T10:00:00+02:00' }, { actor: 'kcc' }),
    ).rejects.toThrow(/afgesloten .*op dinsdag 20 april 2027 verstreek/);
  });
});
