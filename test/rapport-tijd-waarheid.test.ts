/**
 * A report as at a past moment (the stored report whose deadline job runs late: the klacht's whole history, read as at
 * that moment) says what the report made live at that moment said, as Klachtregie knows it when it is made (docs/te-laat.md,
 * "Een peildatum in het verleden"; Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, Klachtenprotocol
 * Wmo keten Amsterdam §10). For each scenario and each moment a replica klacht gets only the acts done by that moment, in
 * the order of their moments, with every wake-up run when due (achterstand.ts, as the API does before an act); its report
 * of that moment (the klacht's columns and rows of now) must equal the report as at that moment of the klacht whose acts
 * came in the order of the scenario, some registered after the wake-up they undo. Termijn class, oordeel, afdoening,
 * tevredenheid and aard are compared. Amsterdam with `opschorting` on its contractual termijnen (none of the seeds enables
 * it) and Stichtse Vecht, at fixed dates; no worker runs (ROLE=api).
 */
import { join } from 'node:path';
import { KLOK, vasteKlok } from '../src/common/klok';
import { loadRegistry } from '../src/machines';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { maakRegime, type Regime } from '../src/machines/regime';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { tevredenheidPerDefinitie } from '../src/modules/reports/rapportage.repository';
import { haalWekkersIn } from '../src/modules/termijnen/achterstand';
import { eersteVervalSql } from '../src/modules/termijnen/te-laat';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2027-05-02T10:00:00Z');
const seeds = loadRegistry(join(__dirname, '..', 'definitions'));
const amsterdam = seeds.regimes.find((r) => r.summary.id === 'gm0363-amsterdam') as Regime;
const definitie = structuredClone(amsterdam.definitie);
definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
definitie.termijnen.contact.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
const ams = maakRegime(definitie, 'gm0363-amsterdam');
const bron: RegimeBron = {
  forGemeente: (code, at) => (code === 'GM0363' ? ams : seeds.forGemeente(code, at)),
  byId: (id, versie) => (id === ams.summary.id && versie === ams.summary.versie ? ams : seeds.byId(id, versie)),
};
const perDef = tevredenheidPerDefinitie([
  { id: ams.summary.id, definitie },
  ...seeds.regimes.filter((r) => r.summary.id !== ams.summary.id).map((r) => ({ id: r.summary.id, definitie: (r as Regime).definitie })),
]);

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('rapport-tijd-waarheid');

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_waarheid');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

type Stap = [string, string, Record<string, unknown>?];

async function rapport(gemeente: string, dag: string, op: Date, verleden: boolean) {
  const r = await a.app.get(RapportageService).maak({
    gemeente,
    gemeenten: [gemeente],
    van: dag,
    tot: dag,
    peildatum: op,
    peildatumVerleden: verleden,
    tevredenheidPerDefinitie: perDef,
  });
  const c = r.cijfers;
  const o = (t: Array<{ waarde: string; aantal: number }>) => Object.fromEntries(t.map((x) => [x.waarde, x.aantal]));
  return {
    totaal: c.totaal,
    termijn: o(c.perTermijn),
    oordeel: o(c.perOordeel),
    afdoening: o(c.perAfdoening),
    tevredenheid: o(c.perTevredenheid),
    aard: o(c.perAard),
  };
}

const weg = (id: string) => a.db.query(`update klacht set ontvangen_op = ontvangen_op - interval '20 years' where id = $1`, [id]);
const m = () => a.db.manager;

async function scenario(input: IntakeInput, stappen: Stap[]): Promise<string[]> {
  const dag = input.ontvangenOp.slice(0, 10);
  const { klacht: k } = await a.engine.create(input, { actor: 'kcc' });
  for (const [type, at, data] of stappen) {
    if (type === 'WEKKER') await haalWekkersIn(a.wake, m(), [k.id], new Date(at));
    else await a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  }
  const acts = stappen.filter(([t]) => t !== 'WEKKER');
  const momenten = new Set<number>();
  for (let d = Date.parse(input.ontvangenOp) + 3_600_000; d < NU.getTime(); d += 7 * 86_400_000) momenten.add(d);
  for (const [, at] of stappen) for (const dt of [-1000, 1000]) momenten.add(Date.parse(at) + dt);
  const termijnen = (await a.db.query(`select vervalt_op from termijn where klacht_id = $1`, [k.id])) as Array<{ vervalt_op: Date }>;
  for (const t of termijnen) for (const dt of [-1000, 0, 1000]) momenten.add(t.vervalt_op.getTime() + dt);
  const lijst = [...momenten]
    .filter((x) => x > Date.parse(input.ontvangenOp) && x < NU.getTime())
    .sort((x, y) => x - y)
    .map((x) => new Date(x));
  const verleden = [] as Array<Awaited<ReturnType<typeof rapport>>>;
  for (const op of lijst) verleden.push(await rapport(input.gemeente, dag, op, true));
  await weg(k.id);
  const fouten: string[] = [];
  for (let i = 0; i < lijst.length; i++) {
    const op = lijst[i];
    const { klacht: r } = await a.engine.create(input, { actor: 'kcc' });
    for (const [type, at, data] of acts
      .filter(([, at]) => Date.parse(at) <= op.getTime())
      .sort((x, y) => Date.parse(x[1]) - Date.parse(y[1]))) {
      await haalWekkersIn(a.wake, m(), [r.id], new Date(at));
      try {
        await a.engine.apply(r.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
      } catch (e) {
        fouten.push(`${op.toISOString()} live ${type}@${at}: ${(e as Error).message}`);
      }
    }
    await haalWekkersIn(a.wake, m(), [r.id], op);
    const live = await rapport(input.gemeente, dag, op, false);
    if (JSON.stringify(live) !== JSON.stringify(verleden[i]))
      fouten.push(`${op.toISOString()} live ${JSON.stringify(live)} verleden ${JSON.stringify(verleden[i])}`);
    await weg(r.id);
  }
  return fouten;
}

/** Amsterdam, at the aanbieder, received 2 March 2026: contact within 5 werkdagen, afhandeling by 13 April (§6). */
const AMS = (): IntakeInput =>
  intake({
    gemeente: 'GM0363',
    ontvangenOp: '2026-03-02T10:00:00+01:00',
    ingediendBij: 'aanbieder',
    aanbieders: [{ id: 'a1', naam: 'Zorg West', type: 'wmo' }],
    feiten: { aantalAanbieders: 1 },
  });
/** Amsterdam, received at the gemeente on 2 April 2026 and forwarded to the aanbieder (warme doorverwijzing, §5A). */
const AMS_DOOR = (): IntakeInput =>
  intake({
    gemeente: 'GM0363',
    kanaal: 'telefoon',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    aanbieders: [{ id: 'zorg-oost', naam: 'Zorg Oost', type: 'wmo' }],
    feiten: { complex: false, eerderBijAanbieder: false },
  });
/** Stichtse Vecht, received Thursday 2 April 2026 at the gemeente: the Awb 9:11 termijn ends Monday 18 May. */
const SV_BEGIN: Stap[] = [
  ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
  ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
  ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
];
const AFDOENING: Stap = ['AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' }];

/** `WEKKER` at: the worker runs then every wake-up due by then (a late one, when an act of before it comes after it). */
const SCENARIOS: Array<[string, IntakeInput, Stap[]]> = [
  [
    'afgedaan op de laatste dag, geregistreerd na de wekker',
    intake(),
    [...SV_BEGIN, ['WEKKER', '2026-05-19T00:00:05+02:00'], ['AFDOENEN', '2026-05-18T16:00:00+02:00', { oordeel: 'gegrond' }]],
  ],
  [
    'verdaagd op de laatste dag, geregistreerd na de wekker, daarna afgedaan',
    intake(),
    [
      ...SV_BEGIN,
      ['WEKKER', '2026-05-19T00:00:05+02:00'],
      ['VERDAGEN', '2026-05-18T16:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W', reden: 'advies' }],
      ['AFDOENEN', '2026-06-01T10:00:00+02:00', { oordeel: 'ongegrond' }],
    ],
  ],
  [
    'te laat, daarna ingetrokken',
    intake(),
    [...SV_BEGIN, ['WEKKER', '2026-05-25T00:00:05+02:00'], ['KLACHT_INGETROKKEN', '2026-05-30T10:00:00+02:00']],
  ],
  [
    'door de aanbieder op tijd afgedaan, daarna bij de gemeente',
    intake({ ingediendBij: 'aanbieder', aanbieders: [{ id: 'a1', naam: 'Zorg', type: 'wmo' }] }),
    [AFDOENING, ['KLACHT_BIJ_GEMEENTE', '2026-05-10T10:00:00+02:00']],
  ],
  [
    'opgeschort over de oude laatste dag, hervat, afgedaan, tevreden',
    AMS(),
    [
      ['CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00'],
      ['OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'ziekenhuis' }],
      ['WEKKER', '2026-04-15T00:00:00+02:00'],
      ['HERVATTEN', '2026-04-21T10:00:00+02:00', { termijn: 'aanbiederAfhandeling' }],
      ['AFDOENEN', '2026-04-30T10:00:00+02:00', { oordeel: 'gegrond' }],
      ['KLAGER_TEVREDEN', '2026-05-05T10:00:00+02:00'],
    ],
  ],
  [
    'contract beëindigd na het verlopen van de termijn van de aanbieder',
    AMS(),
    [
      ['CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00'],
      ['WEKKER', '2026-04-20T00:00:00+02:00'],
      ['AANBIEDER_CONTRACT_BEEINDIGD', '2026-04-21T10:00:00+02:00'],
    ],
  ],
  [
    'het jaar na de afdoening verstreken, de klager ontevreden op de laatste dag, geregistreerd na de wekker',
    AMS_DOOR(),
    [
      ['AANBIEDER_NEEMT_IN_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      AFDOENING,
      ['WEKKER', '2027-04-21T00:00:05+02:00'],
      ['KLAGER_ONTEVREDEN', '2027-04-20T16:00:00+02:00'],
    ],
  ],
  [
    'doorgestuurd, opgepakt, te laat afgedaan, tevreden',
    AMS_DOOR(),
    [
      ['AANBIEDER_NEEMT_IN_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      ['WEKKER', '2026-05-20T00:00:00+02:00'],
      ['AFDOENEN', '2026-05-22T10:00:00+02:00', { oordeel: 'deelsGegrond' }],
      ['KLAGER_TEVREDEN', '2026-05-25T10:00:00+02:00'],
    ],
  ],
];

describe('docs/te-laat.md with Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: a report as at a past moment is the report of that moment', () => {
  it.each(SCENARIOS)(
    'Awb 9:11, Klachtenprotocol Wmo keten Amsterdam §6, §9: %s',
    async (_naam, input, stappen) => {
      expect(await scenario(input, stappen)).toEqual([]);
    },
    600_000,
  );

  it("te-laat.ts: every klacht's eerste_vervalt_op (what every view of now reads) is what its termijn rows say", async () => {
    const rijen = await a.db.query(
      `select k.id, k.state, k.eerste_vervalt_op as kolom, ${eersteVervalSql('k')} as rijen from klacht k where k.eerste_vervalt_op is distinct from ${eersteVervalSql('k')}`,
    );
    expect(rijen).toEqual([]);
  });
});
