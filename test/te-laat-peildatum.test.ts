/**
 * Te laat as at a past peildatum (te-laat.ts `teLaatOp`, the report that is made after its deadline): what is true of
 * that moment as Klachtregie knows it when the report is made (docs/te-laat.md, "Een peildatum in het verleden").
 * An act counts at its own moment (`at`), not at its registration (Awb 9:11 lid 1 and 2: the last day counts in full),
 * so an act of the last day registered after the wake-up makes the termijn not passed, also as at a moment between the
 * wake-up and the registration; and nothing that happened after the peildatum changes what was true at it.
 *
 * Real klachten driven through the engine and the real wake-up at fixed dates (no worker runs, ROLE=api): Stichtse Vecht
 * (Awb 9:11) and Amsterdam with `opschorting` on the aanbieder's afhandeltermijn (Klachtenprotocol Wmo keten §6, as in
 * test/opschorting.test.ts; none of the seeds enables it).
 */
import { join } from 'node:path';
import { KLOK, vasteKlok } from '../src/common/klok';
import { loadRegistry } from '../src/machines';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { maakRegime, type Regime } from '../src/machines/regime';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { teLaat, teLaatOp } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

// The clock of every view: 6 July 2026, after every act below.
const NU = new Date('2026-07-06T10:00:00Z');

const seeds = loadRegistry(join(__dirname, '..', 'definitions'));
const amsterdam = seeds.regimes.find((r) => r.summary.id === 'gm0363-amsterdam') as Regime;
const definitie = structuredClone(amsterdam.definitie);
definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
const amsterdamMetOpschorting = maakRegime(definitie, 'gm0363-amsterdam');
const bron: RegimeBron = {
  forGemeente: (code, at) => (code === 'GM0363' ? amsterdamMetOpschorting : seeds.forGemeente(code, at)),
  byId: (id, versie) =>
    id === amsterdamMetOpschorting.summary.id && versie === amsterdamMetOpschorting.summary.versie
      ? amsterdamMetOpschorting
      : seeds.byId(id, versie),
};

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('te-laat-peildatum');

beforeAll(async () => {
  tdb = await createTestDatabase('te_laat_peildatum');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  await bouwFixture();
}, 180_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** The moments the property reads: 08:00 and 20:00 in Amsterdam, every day from 1 March to NU. */
const MOMENTEN: Date[] = [];
for (let d = Date.parse('2026-03-01T00:00:00Z'); d < NU.getTime(); d += 86_400_000) {
  const dag = new Date(d).toISOString().slice(0, 10);
  const offset = dag < '2026-03-29' ? '+01:00' : '+02:00';
  MOMENTEN.push(new Date(`${dag}T08:00:00${offset}`), new Date(`${dag}T20:00:00${offset}`));
}

/** teLaatOp of klacht `id` at every moment of MOMENTEN. */
async function verloop(id: string): Promise<Array<{ op: Date; laat: boolean }>> {
  return (await a.db.query(
    `select m.op, ${teLaatOp('k', 'm.op')} as laat from klacht k cross join unnest($2::timestamptz[]) m(op) where k.id = $1 order by m.op`,
    [id, MOMENTEN],
  )) as Array<{ op: Date; laat: boolean }>;
}

/** What each fixture klacht is, and the moments between a termijn's wake-up and a late registration the tests read. */
const fixture = new Map<string, string>();
/** Per klacht, the moments whose answer changed after they had passed (the property below: there must be none). */
const veranderdAchteraf = new Map<string, Array<{ op: string; door: string }>>();

/**
 * One step of a fixture klacht (an act or a wake-up at `at`), checking that te laat as at every moment before `at` is
 * what it was: what happens at `at` or later cannot change what was true before it. (A late registration changes
 * moments from its own `at` on: that is what it tells.)
 */
async function stap(id: string, at: string, door: string, doe: () => Promise<unknown>): Promise<void> {
  const voor = await verloop(id);
  await doe();
  const na = await verloop(id);
  const grens = Date.parse(at);
  for (let i = 0; i < voor.length; i++) {
    if (voor[i].op.getTime() < grens && voor[i].laat !== na[i].laat) {
      veranderdAchteraf.get(id)!.push({ op: voor[i].op.toISOString(), door });
    }
  }
}

async function klacht(wat: string, input: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?]>): Promise<string> {
  const { klacht: k } = await a.engine.create(input, { actor: 'kcc' });
  fixture.set(wat, k.id);
  veranderdAchteraf.set(k.id, []);
  for (const [type, at, data] of stappen) {
    if (type === 'WEKKER') {
      // The wake-up of the termijn's current revision, run at `at` (the engine steps TERMIJN_VERLOPEN at its due moment).
      const naam = String(data!.termijn);
      const [t] = await a.db.query(`select revision, vervalt_op from termijn where klacht_id = $1 and naam = $2 and status = 'lopend'`, [
        k.id,
        naam,
      ]);
      await stap(k.id, (t.vervalt_op as Date).toISOString(), `wekker ${naam}`, async () =>
        expect(await a.wake.verval({ klachtId: k.id, termijnNaam: naam, revision: t.revision, kind: 'verval' }, new Date(at))).toBe(
          'verwerkt',
        ),
      );
    } else {
      await stap(k.id, at, `${type} ${at}`, () => a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' }));
    }
  }
  return k.id;
}

// Stichtse Vecht, received Thursday 2 April 2026: the Awb 9:11 afhandeltermijn ends Monday 18 May; its wake-up runs
// at midnight. TUSSEN_SV lies between that wake-up and the registration, the next morning, of acts of the 18th.
const SV: Array<[string, string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
  ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
  ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
  ['WEKKER', '2026-05-19T00:00:05+02:00', { termijn: 'afhandeling' }],
];
const TUSSEN_SV = new Date('2026-05-19T08:00:00+02:00');
const VERDAGING = { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' };

// Amsterdam, at the aanbieder, received 2 March 2026: contact in time; the aanbieder's afhandeltermijn ends Monday
// 13 April. TUSSEN_AMS lies between its wake-up at midnight and the registration of acts of the 13th.
const AMS_INTAKE = intake({
  gemeente: 'GM0363',
  ontvangenOp: '2026-03-02T10:00:00+01:00',
  ingediendBij: 'aanbieder',
  aanbieders: [{ id: 'a1', naam: 'Zorg West', type: 'wmo' }],
  feiten: { aantalAanbieders: 1 },
});
const CONTACT: [string, string] = ['CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00'];
const WEKKER_AMS: [string, string, Record<string, unknown>] = ['WEKKER', '2026-04-14T00:00:05+02:00', { termijn: 'aanbiederAfhandeling' }];
const TUSSEN_AMS = new Date('2026-04-14T08:00:00+02:00');
/** The peildatum of Stichtse Vecht's half-year report due 1 July 2026 (00:00 that day, rapportage-planning.service.ts). */
const DEADLINE = new Date('2026-07-01T00:00:00+02:00');
const OPSCHORTEN = { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' };

async function bouwFixture(): Promise<void> {
  // Awb 9:11 lid 1: the afdoening sent on the last day, registered after the wake-up: met in time.
  await klacht('afgedaan op de laatste dag, later geregistreerd', intake(), [
    ...SV,
    ['AFDOENEN', '2026-05-18T16:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
  // Awb 9:11 lid 2: the verdaging sent on the last day, registered after the wake-up: running to 11 June, afgedaan on 1 June.
  await klacht('verdaagd op de laatste dag, later geregistreerd, daarna afgedaan', intake(), [
    ...SV,
    ['VERDAGEN', '2026-05-18T16:00:00+02:00', VERDAGING],
    ['AFDOENEN', '2026-06-01T10:00:00+02:00', { oordeel: 'ongegrond' }],
  ]);
  // The same, nothing after it: its row runs again (and at NU, past 11 June without its wake-up, it is late now).
  await klacht('verdaagd op de laatste dag, later geregistreerd, loopt nog', intake(), [
    ...SV,
    ['VERDAGEN', '2026-05-18T16:00:00+02:00', VERDAGING],
  ]);
  // Truly late: the afdoening came the day after the last day.
  await klacht('te laat afgedaan', intake(), [...SV, ['AFDOENEN', '2026-05-20T10:00:00+02:00', { oordeel: 'gegrond' }]]);
  await klacht('verlopen, nog in behandeling', intake(), SV);

  // Received on the last day of Stichtse Vecht's first report period (1 November - 30 April; the report is due 1 July,
  // contract art. 11.1); with the klager's written consent the afhandeltermijn runs to Tuesday 30 June (Awb 9:11 lid 3),
  // so it passes at 00:00 on 1 July, the moment the report is made as at. One klacht is afgedaan that afternoon and
  // registered the next morning, after the wake-up; the other is not.
  const HALFJAAR: Array<[string, string, Record<string, unknown>?]> = [
    ['FORMELE_BEHANDELING', '2026-05-01T10:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-05-04T10:00:00+02:00'],
    ['HOREN_OVERSLAAN', '2026-05-05T10:00:00+02:00', { reden: 'afgezien' }],
    ['UITSTEL_MET_INSTEMMING', '2026-05-20T10:00:00+02:00', { termijn: 'afhandeling', tot: '2026-06-30', reden: 'klager op vakantie' }],
    ['WEKKER', '2026-07-01T00:00:05+02:00', { termijn: 'afhandeling' }],
  ];
  const opDeDeadline = intake({ ontvangenOp: '2026-04-30T10:00:00+02:00' });
  await klacht('uitgesteld tot 30 juni, die dag afgedaan, na de wekker geregistreerd', opDeDeadline, [
    ...HALFJAAR,
    ['AFDOENEN', '2026-06-30T16:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
  await klacht('uitgesteld tot 30 juni, verlopen', opDeDeadline, HALFJAAR);

  // Klachtenprotocol Wmo keten §6: suspended on its last day (registered after the wake-up), then withdrawn on 20 April.
  await klacht('opgeschort op de laatste dag, later geregistreerd, daarna ingetrokken', AMS_INTAKE, [
    CONTACT,
    WEKKER_AMS,
    ['OPSCHORTEN', '2026-04-13T16:00:00+02:00', OPSCHORTEN],
    ['KLACHT_INGETROKKEN', '2026-04-20T10:00:00+02:00'],
  ]);
  // Suspended on 1 April, still suspended when the aanbieder afdoet on 20 April.
  await klacht('opgeschort, afgedaan tijdens de opschorting', AMS_INTAKE, [
    CONTACT,
    ['OPSCHORTEN', '2026-04-01T10:00:00+02:00', OPSCHORTEN],
    WEKKER_AMS,
    ['AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
  // Suspended on 1 April, resumed on 21 April: runs to 3 May (20 days later), afgedaan on 30 April.
  await klacht('opgeschort, hervat, op tijd afgedaan', AMS_INTAKE, [
    CONTACT,
    ['OPSCHORTEN', '2026-04-01T10:00:00+02:00', OPSCHORTEN],
    WEKKER_AMS,
    ['HERVATTEN', '2026-04-21T10:00:00+02:00', { termijn: 'aanbiederAfhandeling' }],
    ['AFDOENEN', '2026-04-30T10:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
  // Truly late: not suspended, passed at midnight, afgedaan a week later.
  await klacht('aanbieder te laat afgedaan', AMS_INTAKE, [
    CONTACT,
    WEKKER_AMS,
    ['AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
}

async function laatOp(wat: string, op: Date): Promise<boolean> {
  const [r] = await a.db.query(`select ${teLaatOp('k', '$2')} as laat from klacht k where k.id = $1`, [fixture.get(wat), op]);
  return r.laat as boolean;
}

/** The report of one gemeente over the days of receipt `van` to `tot`, as at `op` in the past (the deadline job that runs late). */
async function perTermijn(gemeente: string, van: string, tot: string, op: Date): Promise<Record<string, number>> {
  const r = await a.app.get(RapportageService).maak({ gemeente, gemeenten: [gemeente], van, tot, peildatum: op, peildatumVerleden: true });
  return Object.fromEntries(r.cijfers.perTermijn.map((t) => [t.waarde, t.aantal]));
}

describe('te laat as at a past peildatum: true of that moment as known when the report is made', () => {
  test('Awb 9:11 lid 1 and 2: an afdoening or verdaging of the last day, registered after the wake-up, is not te laat as at a moment between', async () => {
    expect(await laatOp('afgedaan op de laatste dag, later geregistreerd', TUSSEN_SV)).toBe(false);
    expect(await laatOp('verdaagd op de laatste dag, later geregistreerd, daarna afgedaan', TUSSEN_SV)).toBe(false);
    expect(await laatOp('verdaagd op de laatste dag, later geregistreerd, loopt nog', TUSSEN_SV)).toBe(false);
    // The controls: no act before the wake-up, so late at that moment.
    expect(await laatOp('te laat afgedaan', TUSSEN_SV)).toBe(true);
    expect(await laatOp('verlopen, nog in behandeling', TUSSEN_SV)).toBe(true);
    // The report of the klachten received on 2 April, made as at that moment: the two controls late, the rest as the law has it.
    expect(await perTermijn('GM1904', '2026-04-02', '2026-04-02', TUSSEN_SV)).toEqual({ teLaat: 2, opTijd: 1, lopend: 2 });
  });

  test('Klachtenprotocol Wmo keten §6: a termijn suspended at the peildatum is not te laat as at it, also when it ended later while suspended', async () => {
    expect(await laatOp('opgeschort op de laatste dag, later geregistreerd, daarna ingetrokken', TUSSEN_AMS)).toBe(false);
    expect(await laatOp('opgeschort, afgedaan tijdens de opschorting', TUSSEN_AMS)).toBe(false);
    expect(await laatOp('opgeschort, hervat, op tijd afgedaan', TUSSEN_AMS)).toBe(false);
    expect(await laatOp('aanbieder te laat afgedaan', TUSSEN_AMS)).toBe(true);
    const rapport = await perTermijn('GM0363', '2026-03-01', '2026-03-31', TUSSEN_AMS);
    expect(rapport.teLaat).toBe(1);
    expect(rapport.lopend).toBe(3);
  });

  test('Awb 9:11 lid 3 and contract art. 11.1: the half-year report made late counts the afdoening of the last day, registered after the wake-up at the deadline, op tijd', async () => {
    expect(await laatOp('uitgesteld tot 30 juni, die dag afgedaan, na de wekker geregistreerd', DEADLINE)).toBe(false);
    expect(await laatOp('uitgesteld tot 30 juni, verlopen', DEADLINE)).toBe(true);
    const planning = a.app.get(RapportagePlanningService);
    await planning.synchroniseer(new Date('2026-06-15T10:00:00Z'));
    // The worker lay still: the deadline job of 1 July runs on Saturday 4 July.
    const job = { gemeente: 'GM1904', soort: 'aanbieders' as const, deadline: '2026-07-01', kind: 'deadline' as const };
    expect(await planning.deadline(job, new Date('2026-07-04T09:00:00+02:00'))).toBe('verwerkt');
    const [r] = (await a.db.query(
      `select inhoud->'perTermijn' as p from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' and aanbieder_id = '*'`,
    )) as Array<{ p: Array<{ waarde: string; aantal: number }> }>;
    // Of the period's klachten: op tijd the one afgedaan on its last day; op tijd na verdaging of uitstel the one verdaagd
    // and the one consented to 30 June (Awb 9:11 lid 3), each afgedaan within its extension; te laat the one consented to
    // 30 June and not afgedaan, the one passed on 18 May and not afgedaan, and the one verdaagd to 11 June that has not
    // been afgedaan (its wake-up has not run: it passed all the same); te laat afgehandeld the one afgedaan two days after
    // its last day.
    expect(Object.fromEntries(r.p.map((t) => [t.waarde, t.aantal]))).toEqual({
      opTijd: 1,
      naVerdaging: 2,
      teLaat: 3,
      teLaatAfgehandeld: 1,
    });
  });

  test('what happens after a moment never changes te laat as at that moment: only an act done by then, however late registered', async () => {
    expect(Object.fromEntries([...fixture].map(([wat, id]) => [wat, veranderdAchteraf.get(id)]))).toEqual(
      Object.fromEntries([...fixture].map(([wat]) => [wat, []])),
    );
  });

  test("one rule at two moments: te laat read from the termijn rows' moments at now is the klacht's te laat at now", async () => {
    const rijen = (await a.db.query(
      `select k.id, coalesce(${teLaat('k', '$2')}, false) as nu, ${teLaatOp('k', '$2')} as rijen from klacht k where k.id = any($1::uuid[])`,
      [[...fixture.values()], NU],
    )) as Array<{ id: string; nu: boolean; rijen: boolean }>;
    expect(rijen).toHaveLength(fixture.size);
    expect(rijen.filter((r) => r.nu !== r.rijen)).toEqual([]);
  });
});
