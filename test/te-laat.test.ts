/**
 * Issue 10 "Time and truth": one definition of te laat (src/modules/termijnen/te-laat.ts), seen
 * through every view a process owner uses: the heatmap (procesoverzicht JSON), the diagram (SVG
 * bands), the klachten in a state, `GET /klachten?overdue=true`, the report (JSON) and its CSV.
 *
 * One fixture of real klachten of two gemeenten (Stichtse Vecht and Amsterdam, the compiled seed
 * definitions), driven through the engine and the real termijn wake-up at fixed dates, read at a fixed
 * clock (KLOK), never the wall clock.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { createDataSource, MIGRATIONS_TABLE } from '../src/database/data-source-options';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { parseCsv } from '../src/modules/reports/rapportage-csv';
import { band, teLaat, teLaatOp } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

// The clock every view reads: 15 June 2026, noon in Amsterdam.
const NU = new Date('2026-06-15T10:00:00Z');

const GEMEENTEN = {
  GM1904: { definitie: 'gm1904-stichtse-vecht' },
  GM0363: { definitie: 'gm0363-amsterdam' },
} as const;
type Gemeente = keyof typeof GEMEENTEN;

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('te-laat');
const sleutels = new Map<string, string>();

/** What the fixture made of each klacht, and whether it must be te laat at NU. */
const fixture: Array<{ id: string; gemeente: Gemeente; wat: string; teLaat: boolean }> = [];

function intake(gemeente: Gemeente, ontvangenOp: string, bijAanbieder = false): IntakeInput {
  return {
    gemeente,
    kanaal: 'brief',
    ontvangenOp,
    ingediendBij: bijAanbieder ? 'aanbieder' : 'gemeente',
    soort: 'klacht',
    aanbieders: bijAanbieder ? [{ id: 'zorgbalans', naam: 'Zorgbalans', type: 'wmo' }] : [],
    feiten: {},
  };
}

/** Lets a termijn pass the way production does: the wake-up of its (current) revision, at NU. */
async function laatVerlopen(klachtId: string, naam: string): Promise<void> {
  const [t] = await a.db.query(`select revision from termijn where klacht_id = $1 and naam = $2 and status = 'lopend'`, [klachtId, naam]);
  expect(await a.wake.verval({ klachtId, termijnNaam: naam, revision: t.revision, kind: 'verval' }, NU)).toBe('verwerkt');
}

async function klacht(
  gemeente: Gemeente,
  wat: string,
  teLaat: boolean,
  ontvangenOp: string,
  stappen: Array<[string, string, Record<string, unknown>?] | ['VERLOPEN', string]>,
  bijAanbieder = false,
): Promise<string> {
  const { klacht: k } = await a.engine.create(intake(gemeente, ontvangenOp, bijAanbieder), { actor: 'kcc' });
  for (const s of stappen) {
    if (s[0] === 'VERLOPEN') await laatVerlopen(k.id, s[1]);
    else await a.engine.apply(k.id, { type: s[0], at: s[1], ...(s[2] ? { data: s[2] } : {}) }, { actor: 'behandelaar' });
  }
  fixture.push({ id: k.id, gemeente, wat, teLaat });
  return k.id;
}

// Formal handling at the gemeente, received 2 March 2026: the Awb 9:11 termijn ends 13 April 2026.
const FORMEEL: Array<[string, string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING', '2026-03-03T10:00:00+01:00'],
  ['IN_BEHANDELING_NEMEN', '2026-03-04T10:00:00+01:00'],
];

async function bouwFixture(): Promise<void> {
  for (const g of ['GM1904', 'GM0363'] as const) {
    // Awb 9:11: the afhandeltermijn passed (TERMIJN_VERLOPEN recorded), still in behandeling: late.
    await klacht(g, 'afhandeltermijn verlopen, nog in behandeling', true, '2026-03-02T10:00:00+01:00', [
      ...FORMEEL,
      ['VERLOPEN', 'afhandeling'],
    ]);
    // Met late: the afdoening after the termijn; now only the klager's 9:24 year runs.
    await klacht(g, 'te laat afgedaan', false, '2026-03-02T11:00:00+01:00', [
      ...FORMEEL,
      ['VERLOPEN', 'afhandeling'],
      ['HOREN_OVERSLAAN', '2026-04-20T10:00:00+02:00', { reden: 'afgezien' }],
      ['AFDOENEN', '2026-05-01T10:00:00+02:00', { oordeel: 'gegrond' }],
    ]);
    // On time: afgedaan within the six weeks; only the 9:24 window runs (not an obligation).
    await klacht(g, 'op tijd afgedaan, alleen de 9:24-termijn loopt', false, '2026-05-04T10:00:00+02:00', [
      ['FORMELE_BEHANDELING', '2026-05-04T11:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-05-05T10:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-05-06T10:00:00+02:00', { reden: 'afgezien' }],
      ['AFDOENEN', '2026-05-20T10:00:00+02:00', { oordeel: 'ongegrond' }],
    ]);
    // Running, due 13 July 2026: op tijd.
    await klacht(g, 'loopt, op tijd', false, '2026-06-01T10:00:00+02:00', [
      ['FORMELE_BEHANDELING', '2026-06-01T11:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-06-02T10:00:00+02:00'],
    ]);
  }
  // Past its last day, the wake-up has not come yet (the termijn is still running): late as well.
  await klacht('GM1904', 'afhandeltermijn voorbij, nog niet gewekt', true, '2026-03-02T12:00:00+01:00', FORMEEL);
  await klacht('GM1904', 'afhandeltermijn verlopen, in horen', true, '2026-03-02T13:00:00+01:00', [
    ...FORMEEL,
    ['VERLOPEN', 'afhandeling'],
    ['HOREN_UITNODIGEN', '2026-05-01T10:00:00+02:00'],
  ]);
  // Awb 9:8 lid 3: the four weeks to decline passed; the gemeente simply handles it (due 22 June): not late.
  await klacht('GM1904', 'kennisgeving niet-behandelen verstreken', false, '2026-05-11T10:00:00+02:00', [
    ['FORMELE_BEHANDELING', '2026-05-12T10:00:00+02:00'],
    ['VERLOPEN', 'nietBehandelenKennisgeving'],
  ]);
  // The klacht ended (withdrawn) after its termijn passed: nothing of it is late any more.
  await klacht('GM1904', 'ingetrokken na verlopen termijn', false, '2026-03-02T14:00:00+01:00', [
    ...FORMEEL,
    ['VERLOPEN', 'afhandeling'],
    ['KLACHT_INGETROKKEN', '2026-05-02T10:00:00+02:00'],
  ]);
  // Amsterdam, at the aanbieder (Klachtenprotocol Wmo keten §6: contact within 5 werkdagen, by 8 June).
  await klacht('GM0363', 'contacttermijn verlopen, geen contact', true, '2026-06-01T10:00:00+02:00', [['VERLOPEN', 'contact']], true);
  await klacht(
    'GM0363',
    'contacttermijn verlopen, daarna contact opgenomen',
    false,
    '2026-06-01T11:00:00+02:00',
    [
      ['VERLOPEN', 'contact'],
      ['CONTACT_OPGENOMEN', '2026-06-10T10:00:00+02:00'],
    ],
    true,
  );
  // Due 17 June: bijna verlopen, not late.
  await klacht('GM0363', 'bijna verlopen', false, '2026-05-06T10:00:00+02:00', [
    ['FORMELE_BEHANDELING', '2026-05-06T11:00:00+02:00'],
    ['IN_BEHANDELING_NEMEN', '2026-05-07T10:00:00+02:00'],
  ]);
}

beforeAll(async () => {
  tdb = await createTestDatabase('te_laat');
  // ROLE=api: no worker fires the long-past termijnen on its own; the test lets them pass itself.
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  const api = a.app.get(ApiSleutelService);
  for (const g of Object.keys(GEMEENTEN)) {
    sleutels.set(`${g}:procesEigenaar`, (await api.maak({ gemeente: g, rol: 'procesEigenaar', naam: `te laat ${g}` })).sleutel);
  }
  await bouwFixture();
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

const get = (g: Gemeente, pad: string) =>
  request(a.http)
    .get(`/api/v1${pad}`)
    .set('Authorization', `Bearer ${sleutels.get(`${g}:procesEigenaar`)}`);

interface StateOverzicht {
  state: string;
  parent?: string;
  count: number;
  overdue: number;
  nearlyDue: number;
}

/** Leaf states of the heatmap (klacht.state is always a leaf; compound states sum their substates). */
function bladeren(states: StateOverzicht[]): StateOverzicht[] {
  const ouders = new Set(states.map((s) => s.parent).filter(Boolean));
  return states.filter((s) => !ouders.has(s.state));
}

async function heatmap(g: Gemeente): Promise<StateOverzicht[]> {
  const res = await get(g, `/procesoverzichten/${GEMEENTEN[g].definitie}/versies/2015-01`).expect(200);
  return res.body.states as StateOverzicht[];
}

/** Every view's answer to "which / how many klachten of this gemeente are te laat at NU". */
async function zichten(g: Gemeente) {
  const def = GEMEENTEN[g].definitie;
  const states = await heatmap(g);
  const blad = bladeren(states);

  const svg = (
    await get(g, `/procesoverzichten/${def}/versies/2015-01/diagram`)
      .buffer(true)
      .parse((res, klaar) => {
        let tekst = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (tekst += d));
        res.on('end', () => klaar(null, tekst));
      })
      .expect(200)
  ).body as string;
  const diagram = new Map<string, number>();
  for (const m of svg.matchAll(/data-state="([^"]+)"[^>]*?data-overdue="(\d+)"/g)) diagram.set(m[1], Number(m[2]));

  const perState: string[] = [];
  for (const s of blad.filter((x) => x.count > 0)) {
    const res = await get(g, `/procesoverzichten/${def}/versies/2015-01/toestanden/${encodeURIComponent(s.state)}/klachten`).expect(200);
    for (const k of res.body.klachten as Array<{ id: string; band: string | null }>) if (k.band === 'overdue') perState.push(k.id);
  }

  const lijst = (await get(g, `/klachten?overdue=true&pageSize=100`).expect(200)).body as {
    totaal: number;
    resultaten: Array<{ id: string; teLaat: boolean }>;
  };
  const rapport = (await get(g, `/rapportages?van=2026-01-01&tot=2026-06-30`).expect(200)).body as {
    cijfers: { perTermijn: Array<{ waarde: string; aantal: number }>; regels: Array<{ teLaat: number; teLaatAfgehandeld: number }> };
  };
  const csv = parseCsv((await get(g, `/rapportages?van=2026-01-01&tot=2026-06-30&formaat=csv`).expect(200)).text);
  const kol = csv[0].indexOf('Te laat');
  const kolAfgehandeld = csv[0].indexOf('Te laat afgehandeld');
  return {
    heatmap: blad.reduce((n, s) => n + s.overdue, 0),
    diagram: blad.reduce((n, s) => n + (diagram.get(s.state) ?? 0), 0),
    perState: perState.sort(),
    lijst: lijst.resultaten.map((k) => k.id).sort(),
    lijstTotaal: lijst.totaal,
    rapport: rapport.cijfers.perTermijn.find((t) => t.waarde === 'teLaat')?.aantal ?? 0,
    rapportRegels: rapport.cijfers.regels.reduce((n, r) => n + r.teLaat, 0),
    rapportAfgehandeld: rapport.cijfers.perTermijn.find((t) => t.waarde === 'teLaatAfgehandeld')?.aantal ?? 0,
    csv: csv.slice(1).reduce((n, r) => n + Number(r[kol]), 0),
    csvAfgehandeld: csv.slice(1).reduce((n, r) => n + Number(r[kolAfgehandeld]), 0),
  };
}

describe('te laat: one definition in every view (issue 10)', () => {
  test.each(['GM1904', 'GM0363'] as const)(
    'an open obligation past its termijn and not met is late until met or the klacht ends: heatmap, diagram, state lists, overdue=true, report and CSV agree (%s)',
    async (g) => {
      const laat = fixture
        .filter((k) => k.gemeente === g && k.teLaat)
        .map((k) => k.id)
        .sort();
      expect(laat.length).toBeGreaterThanOrEqual(2);
      const z = await zichten(g);
      expect(z).toEqual({
        heatmap: laat.length,
        diagram: laat.length,
        perState: laat,
        lijst: laat,
        lijstTotaal: laat.length,
        rapport: laat.length,
        rapportRegels: laat.length,
        // Awb 9:11 compliance of the period: met after the termijn is counted apart from "late now".
        rapportAfgehandeld: z.rapportAfgehandeld,
        csv: laat.length,
        csvAfgehandeld: z.rapportAfgehandeld,
      });
    },
  );

  test("one rule at two moments: te laat read from the termijn rows' moments (a report as at a past peildatum) is the klacht's te laat at now", async () => {
    const ids = fixture.map((k) => k.id);
    const rijen = (await a.db.query(
      `select k.id, coalesce(${teLaat('k', '$2')}, false) as nu, ${teLaatOp('k', '$2')} as rijen from klacht k where k.id = any($1::uuid[]) order by k.id`,
      [ids, NU],
    )) as Array<{ id: string; nu: boolean; rijen: boolean }>;
    expect(rijen).toHaveLength(ids.length);
    expect(rijen.filter((r) => r.nu !== r.rijen)).toEqual([]);
    expect(
      rijen
        .filter((r) => r.nu)
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      fixture
        .filter((k) => k.teLaat)
        .map((k) => k.id)
        .sort(),
    );
  });

  test('Awb 9:11: a klacht whose afhandeltermijn passed while in behandeling is late in every view, with only the 9:24 window still running', async () => {
    for (const g of ['GM1904', 'GM0363'] as const) {
      const id = fixture.find((k) => k.gemeente === g && k.wat === 'afhandeltermijn verlopen, nog in behandeling')!.id;
      const lopend: Array<{ naam: string }> = await a.db.query(`select naam from termijn where klacht_id = $1 and status = 'lopend'`, [id]);
      // The situation of the issue: the next running termijn is the klager's year for the ombudsman.
      expect(lopend.map((t) => t.naam)).toEqual(['tweedeLijnVerzoek']);
      const z = await zichten(g);
      expect(z.lijst).toContain(id);
      expect(z.perState).toContain(id);
      const detail = (await get(g, `/klachten/${id}`).expect(200)).body as {
        state: string;
        teLaat: boolean;
        termijnen: Array<{ naam: string; status: string; overdue: boolean }>;
      };
      expect(detail.state).toBe('gemeente.inBehandeling');
      expect(detail.teLaat).toBe(true);
      expect(detail.termijnen.find((t) => t.naam === 'afhandeling')).toMatchObject({ status: 'verlopen', overdue: true });
      expect(detail.termijnen.find((t) => t.naam === 'tweedeLijnVerzoek')).toMatchObject({ status: 'lopend', overdue: false });
      const inBehandeling = (await heatmap(g)).find((s) => s.state === 'gemeente.inBehandeling')!;
      expect(inBehandeling.overdue).toBeGreaterThanOrEqual(1);
    }
  });

  test('"currently late" and "was late when met" stay distinct: the late afdoening is no longer late, but the report counts it as te laat afgehandeld', async () => {
    for (const g of ['GM1904', 'GM0363'] as const) {
      const id = fixture.find((k) => k.gemeente === g && k.wat === 'te laat afgedaan')!.id;
      // Was late when it ended: the late afdoening, and (Stichtse Vecht) the klacht withdrawn after its termijn passed.
      const wasLaat = fixture.filter(
        (k) => k.gemeente === g && ['te laat afgedaan', 'ingetrokken na verlopen termijn'].includes(k.wat),
      ).length;
      const z = await zichten(g);
      expect(z.lijst).not.toContain(id);
      expect(z.rapportAfgehandeld).toBe(wasLaat);
      expect(z.csvAfgehandeld).toBe(wasLaat);
      const [t] = await a.db.query(`select status, gesloten_door from termijn where klacht_id = $1 and naam = 'afhandeling'`, [id]);
      expect(t).toEqual({ status: 'verlopen', gesloten_door: 'AFDOENEN' });
    }
  });

  test("not obligations: the klager's 9:24 year and the Awb 9:8 lid 3 notice window never make a klacht late; a late contact is met by the contact", async () => {
    const naam = (wat: string) => fixture.find((k) => k.wat === wat)!.id;
    const sv = await zichten('GM1904');
    const ams = await zichten('GM0363');
    expect(sv.lijst).not.toContain(naam('kennisgeving niet-behandelen verstreken'));
    expect(sv.lijst).not.toContain(naam('ingetrokken na verlopen termijn'));
    expect(ams.lijst).not.toContain(naam('contacttermijn verlopen, daarna contact opgenomen'));
    expect(ams.lijst).toContain(naam('contacttermijn verlopen, geen contact'));
    const verplichting: Array<{ naam: string; verplichting: boolean }> = await a.db.query(
      `select distinct naam, verplichting from termijn order by naam`,
    );
    expect(verplichting).toEqual([
      { naam: 'aanbiederAfhandeling', verplichting: true },
      { naam: 'afhandeling', verplichting: true },
      { naam: 'contact', verplichting: true },
      { naam: 'nietBehandelenKennisgeving', verplichting: false },
      { naam: 'tweedeLijnVerzoek', verplichting: false },
    ]);
    // Bijna verlopen (due 17 June, within 5 days of NU) is a band of its own, not late.
    const bijna = (await heatmap('GM0363')).find((s) => s.state === 'gemeente.inBehandeling')!;
    expect(bijna.nearlyDue).toBe(1);
  });
  test('bijna verlopen counts Dutch calendar days, also across the switch to summer time (29 March 2026) and in a UTC session', async () => {
    // At 00:30 on Friday 27 March in Amsterdam, three days ahead is 00:30 on Monday 30 March (CEST): 22:30 UTC, not 23:30.
    const bandOp = (vervaltOp: string) =>
      a.db.transaction(async (m) => {
        await m.query(`SET LOCAL timezone = 'UTC'`);
        const [r] = (await m.query(
          `select ${band('k', '$1', '$2')} as band from (values (false, $3::timestamptz)) k(done, eerste_vervalt_op)`,
          ['2026-03-26T23:30:00Z', 3, vervaltOp],
        )) as Array<{ band: string }>;
        return r.band;
      });
    expect(await bandOp('2026-03-29T22:30:00Z')).toBe('nearlyDue');
    expect(await bandOp('2026-03-29T23:00:00Z')).toBe('onTime');
  });

  test('"in deze toestand sinds" is the moment the klacht entered its state in every view: a verdaging within the state does not restart it', async () => {
    // Wijdemeren, outside the shared fixture, so no other count here changes.
    const sleutel = (await a.app.get(ApiSleutelService).maak({ gemeente: 'GM1696', rol: 'procesEigenaar', naam: 'sinds' })).sleutel;
    const { klacht: k } = await a.engine.create({ ...intake('GM1904', '2026-05-04T10:00:00+02:00'), gemeente: 'GM1696' }, { actor: 'kcc' });
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-05-05T10:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-05-06T10:00:00+02:00'],
      ['VERDAGEN', '2026-06-10T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W', reden: 'advies van de commissie' }],
    ] as Array<[string, string, Record<string, unknown>?]>) {
      await a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    }
    const [rij] = await a.db.query(`select state, state_sinds, definitie_versie from klacht where id = $1`, [k.id]);
    expect(new Date(rij.state_sinds).toISOString()).toBe('2026-05-06T08:00:00.000Z');
    const lijst = await request(a.http)
      .get(
        `/api/v1/procesoverzichten/gm1696-wijdemeren/versies/${rij.definitie_versie}/toestanden/${encodeURIComponent(rij.state)}/klachten`,
      )
      .set('Authorization', `Bearer ${sleutel}`)
      .expect(200);
    const inLijst = (lijst.body.klachten as Array<{ id: string; sinds: string }>).find((x) => x.id === k.id);
    expect(new Date(inLijst!.sinds).toISOString()).toBe('2026-05-06T08:00:00.000Z');
  });
});

describe('migration TermijnVerplichting: backfill of te laat from the recorded history', () => {
  let mdb: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    mdb = await createTestDatabase('te_laat_migratie');
    ds = createDataSource({ url: mdb.url, poolSize: 2 });
    await ds.initialize();
    // Back to the schema before this migration (and any later one), then fill it as the old engine did.
    for (;;) {
      const [{ n }] = await ds.query(`select count(*)::int as n from ${MIGRATIONS_TABLE} where name = 'TermijnVerplichting1795447310000'`);
      if (n === 0) break;
      await ds.undoLastMigration();
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await mdb?.drop();
  });

  test("a passed obligation stays late on an open klacht until an event met it or the klacht ended; the klager's 9:24 window is no obligation", async () => {
    const klacht = async (state: string, done: boolean, gebeurtenissen: Array<[string, string | null, string, string]>) => {
      const id = randomUUID();
      await ds.query(
        `insert into klacht (version, id, gemeente, definitie_id, definitie_versie, snapshot, state, state_sinds, done, soort, kanaal, ontvangen_op, ingediend_bij, aanbieders)
         values (1, $1, 'GM1904', 'gm1904-stichtse-vecht', '2015-01', '{}', $2, $3, $4, 'klacht', 'brief', '2026-03-02T09:00:00Z', 'gemeente', '[]')`,
        [id, state, gebeurtenissen.length ? gebeurtenissen[gebeurtenissen.length - 1][3] : '2026-03-02T09:00:00Z', done],
      );
      for (const [type, van, naar, at] of gebeurtenissen) {
        await ds.query(
          `insert into klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at, payload) values ($1, $2, $3, $4, 'test', $5, $6)`,
          [id, type, van, naar, at, type === 'TERMIJN_VERLOPEN' ? { termijn: 'afhandeling' } : {}],
        );
      }
      return id;
    };
    const termijn = (klachtId: string, naam: string, status: string, beeindigdDoor: string | null, beeindigdOp: string | null) =>
      ds.query(
        `insert into termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op, status, beeindigd_op, beeindigd_door)
         values ($1, $2, $3, $3, '2026-04-13', '2026-04-13T22:00:00Z', $4, $5, $6)`,
        [randomUUID(), klachtId, naam, status, beeindigdOp, beeindigdDoor],
      );
    const verlopen: [string, string, string, string] = [
      'TERMIJN_VERLOPEN',
      'gemeente.inBehandeling',
      'gemeente.inBehandeling',
      '2026-04-13T22:00:00Z',
    ];

    const nogLaat = await klacht('gemeente.horen', false, [
      verlopen,
      ['HOREN_UITNODIGEN', 'gemeente.inBehandeling', 'gemeente.horen', '2026-04-20T10:00:00Z'],
    ]);
    await termijn(nogLaat, 'afhandeling', 'verlopen', 'TERMIJN_VERLOPEN', '2026-04-13T22:00:00Z');
    await termijn(nogLaat, 'tweedeLijnVerzoek', 'lopend', null, null);
    const laatAfgedaan = await klacht('tweedeLijnVenster', false, [
      verlopen,
      ['AFDOENEN', 'gemeente.oordeelsvorming', 'gemeente.tevredenheidscheck', '2026-05-01T10:00:00Z'],
    ]);
    await termijn(laatAfgedaan, 'afhandeling', 'verlopen', 'TERMIJN_VERLOPEN', '2026-04-13T22:00:00Z');
    await termijn(laatAfgedaan, 'tweedeLijnVerzoek', 'lopend', null, null);
    const metLaat = await klacht('tweedeLijnVenster', false, [
      ['AFDOENEN', 'gemeente.oordeelsvorming', 'tweedeLijnVenster', '2026-04-20T10:00:00Z'],
    ]);
    await termijn(metLaat, 'afhandeling', 'verlopen', 'AFDOENEN', '2026-04-20T10:00:00Z');
    const geeindigd = await klacht('ingetrokken', true, [
      verlopen,
      ['KLACHT_INGETROKKEN', 'gemeente.inBehandeling', 'ingetrokken', '2026-05-02T10:00:00Z'],
    ]);
    await termijn(geeindigd, 'afhandeling', 'verlopen', 'TERMIJN_VERLOPEN', '2026-04-13T22:00:00Z');

    await ds.runMigrations();

    const rij = async (id: string, naam: string) =>
      (await ds.query(`select verplichting, gesloten_door from termijn where klacht_id = $1 and naam = $2`, [id, naam]))[0];
    const eerste = async (id: string) => (await ds.query(`select eerste_vervalt_op from klacht where id = $1`, [id]))[0].eerste_vervalt_op;
    expect(await rij(nogLaat, 'afhandeling')).toEqual({ verplichting: true, gesloten_door: null });
    expect(await rij(nogLaat, 'tweedeLijnVerzoek')).toEqual({ verplichting: false, gesloten_door: null });
    expect(await eerste(nogLaat)).toEqual(new Date('2026-04-13T22:00:00Z'));
    expect(await rij(laatAfgedaan, 'afhandeling')).toEqual({ verplichting: true, gesloten_door: 'AFDOENEN' });
    expect(await eerste(laatAfgedaan)).toBeNull();
    expect(await rij(metLaat, 'afhandeling')).toEqual({ verplichting: true, gesloten_door: 'AFDOENEN' });
    expect(await rij(geeindigd, 'afhandeling')).toEqual({ verplichting: true, gesloten_door: 'KLACHT_INGETROKKEN' });
    expect(await eerste(geeindigd)).toBeNull();
  });
});
