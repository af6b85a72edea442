/**
 * Klachten already waiting in wkkgz.uitkomstMeegedeeld when the klager's window after the zorgaanbieder's written outcome
 * came (Wkkgz 17 lid 1, 21 lid 1 sub b; compiler/termijnen.ts GESCHIL_VOORLEGGEN): the one repair of such waits
 * (AfgedaanWachtHerstel) gives each the window it would have had, from the written outcome, by replaying its history on its
 * own version, under its row lock, with a history line. Real PostgreSQL, the seed definitions, an injected clock.
 */
import type { IntakeInput } from '../src/machines/contract';
import { KLOK } from '../src/common/klok';
import { AfgedaanWachtHerstel } from '../src/modules/termijnen/afgedaan-wacht-herstel.service';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';
import { verschuifbareKlok } from './support/verschuifbare-klok';

const NU = new Date('2026-06-01T10:00:00+02:00');
const klok = verschuifbareKlok(NU);

/** Filed at the gemeente Amsterdam about the care of one zorgaanbieder: the Wkkgz route. */
const overZorg: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'brief',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-oost', naam: 'Zorg Oost', type: 'zorg' }],
  feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
};

describe('Klachten already waiting in wkkgz.uitkomstMeegedeeld get the klager’s window (integration, PostgreSQL)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let herstel: AfgedaanWachtHerstel;

  beforeAll(async () => {
    db = await createTestDatabase('wkkgz_uitkomst_bestaand');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      // Only the explicit runs below; nothing falls due on its own.
      env: { SWEEP_INTERVAL_MS: '600000' },
      override: (b) => b.overrideProvider(KLOK).useValue(klok),
    });
    herstel = t.app.get(AfgedaanWachtHerstel, { strict: false });
  });

  beforeEach(() => klok.zet(NU));

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** A Wkkgz klacht with the written outcome of Monday 4 May 2026, then stripped to what the rule before 5b03f50 left. */
  async function oudeUitkomst(): Promise<string> {
    const { klacht } = await t.engine.create(overZorg, { actor: 'klachtbehandelaar' });
    const r = await t.engine.apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-05-04T10:00:00+02:00', data: { oordeel: 'ongegrond', maatregelen: 'geen' } },
      { actor: 'klachtbehandelaar' },
    );
    expect([r.result.state, r.result.reason]).toEqual(['wkkgz.uitkomstMeegedeeld', undefined]);
    await t.relay.idle();
    // Before the rule: no window in the snapshot nor in the termijn table.
    await t.db.query(`update klacht set snapshot = snapshot #- '{context,termijnen,wkkgzGeschilVoorleggen}' where id = $1`, [klacht.id]);
    await t.db.query(`delete from termijn where klacht_id = $1 and naam = 'wkkgzGeschilVoorleggen'`, [klacht.id]);
    return klacht.id;
  }

  const lopend = async (id: string) =>
    (await t.db.query(
      `select naam, vervaldatum::text as vervaldatum, verplichting from termijn where klacht_id = $1 and status = 'lopend' order by naam`,
      [id],
    )) as Array<{ naam: string; vervaldatum: string; verplichting: boolean }>;

  const eigen = (uit: Array<{ klachtId: string }>, ...ids: string[]) => uit.filter((u) => ids.includes(u.klachtId));

  test('Wkkgz 21 lid 1 sub b: a klacht already waiting after the written outcome gets the klager’s window, a year from the outcome, once; when it passes the klacht closes', async () => {
    const id = await oudeUitkomst();
    expect(await lopend(id)).toEqual([]);

    expect(eigen(await herstel.voerUit(), id)).toEqual([{ klachtId: id, termijn: 'wkkgzGeschilVoorleggen', vervaldatum: '2027-05-04' }]);
    await t.relay.idle();
    // The termijn table holds it (werkvoorraad, the wake-up): the klager's window, nobody's obligation.
    expect(await lopend(id)).toEqual([{ naam: 'wkkgzGeschilVoorleggen', vervaldatum: '2027-05-04', verplichting: false }]);
    const [k] = await t.db.query(`select state, done from klacht where id = $1`, [id]);
    expect(k).toEqual({ state: 'wkkgz.uitkomstMeegedeeld', done: false });
    const [regel] = await t.db.query(
      `select type, actor, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id desc limit 1`,
      [id],
    );
    expect(regel).toEqual(
      expect.objectContaining({
        type: 'VERSIE_GEMIGREERD',
        actor: 'systeem',
        payload: expect.objectContaining({
          reden: expect.stringContaining('vanaf de schriftelijke uitkomst (Wkkgz 17 lid 1): Wkkgz 21 lid 1 sub b'),
        }),
      }),
    );
    expect(regel.payload.vanVersie).toBe(regel.payload.naarVersie);

    // A second run (another worker, the next start) changes nothing.
    expect(eigen(await herstel.voerUit(), id)).toEqual([]);

    // The sweep the morning after the last day (that day itself counts) closes the klacht.
    await t.sweep!.sweepOnce(new Date('2027-05-05T00:30:00+02:00'));
    const [dicht] = await t.db.query(`select state, done, tevredenheid from klacht where id = $1`, [id]);
    expect(dicht).toEqual({ state: 'afgesloten', done: true, tevredenheid: 'niet bereikt' });
  });

  test('Wkkgz 21 lid 1 sub b: a window whose last day passed before the repair is adopted all the same and expires at the next sweep: closed, tevredenheid niet bereikt, the dossier told', async () => {
    const id = await oudeUitkomst();
    // The repair runs a month after the window's last day (Tuesday 4 May 2027).
    klok.zet(new Date('2027-06-01T10:00:00+02:00'));
    expect(eigen(await herstel.voerUit(), id)).toEqual([{ klachtId: id, termijn: 'wkkgzGeschilVoorleggen', vervaldatum: '2027-05-04' }]);
    await t.relay.idle();
    await t.sweep!.sweepOnce();
    const [k] = await t.db.query(`select state, done, tevredenheid from klacht where id = $1`, [id]);
    expect(k).toEqual({ state: 'afgesloten', done: true, tevredenheid: 'niet bereikt' });
    const [intent] = await t.db.query(`select payload -> 'intent' as intent from outbox where klacht_id = $1 and type = $2`, [
      id,
      'intent.AFGESLOTEN_ZONDER_GESCHIL',
    ]);
    expect(intent?.intent).toEqual(
      expect.objectContaining({ naar: 'dossier', data: { termijn: 'wkkgzGeschilVoorleggen', tevredenheid: 'niet bereikt' } }),
    );
  });

  test('Wkkgz 21 lid 1 sub b: a klacht whose own history does not bring it to the written outcome is left alone, the reason named', async () => {
    // Still with the klachtenfunctionaris (its six weeks running), stored as if it were waiting after the outcome.
    const { klacht } = await t.engine.create({ ...overZorg, ontvangenOp: '2026-05-25T10:00:00+02:00' }, { actor: 'klachtbehandelaar' });
    await t.relay.idle();
    await t.db.query(
      `update klacht set state = 'wkkgz.uitkomstMeegedeeld', snapshot = snapshot #- '{context,termijnen,wkkgzGeschilVoorleggen}' where id = $1`,
      [klacht.id],
    );
    const voor = await lopend(klacht.id);
    expect(eigen(await herstel.voerUit(), klacht.id)).toEqual([
      {
        klachtId: klacht.id,
        overgeslagen: 'opnieuw afgespeeld staat de klacht in wkkgz.bijKlachtenfunctionaris, niet in wkkgz.uitkomstMeegedeeld',
      },
    ]);
    expect(await lopend(klacht.id)).toEqual(voor);
    const [regel] = await t.db.query(`select type from klacht_gebeurtenis where klacht_id = $1 order by id desc limit 1`, [klacht.id]);
    expect(regel.type).toBe('KLACHT_ONTVANGEN');
  });
});
