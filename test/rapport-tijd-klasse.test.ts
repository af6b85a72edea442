/**
 * A report as at a past peildatum (the deadline job that runs late, rapportage-planning.service.ts) says what was true at
 * that moment as Klachtregie knows it when the report is made (docs/te-laat.md, "Een peildatum in het verleden"): what
 * happened after the peildatum changes nothing in it; an act done before it and registered after it counts at its own
 * moment. Here the termijn class of a klacht whose aanbieder did it af in time and whose klager then went to the gemeente
 * (Uitgangspunten klachtenmanagement Sociaal Domein §5A, §11-III): the gemeente's afhandeltermijn (Awb 9:11) begins with
 * that step, so as at a peildatum before it the klacht was afgedaan op tijd, not still in treatment.
 *
 * Stichtse Vecht's seed definition (half-year report due 1 July, Uitgangspunten klachtenmanagement Sociaal Domein §10,
 * contract art. 11.1), through the engine at fixed dates; no worker runs (ROLE=api).
 */
import { KLOK, vasteKlok } from '../src/common/klok';
import { intake } from '../src/machines/intake.spec-hulp';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-07-06T10:00:00Z');
/** The peildatum of Stichtse Vecht's report over 1 November 2025 - 30 April 2026: 00:00 on its deadline, 1 July 2026. */
const DEADLINE = new Date('2026-07-01T00:00:00+02:00');

let tdb: TestDatabase;
let a: EngineApp;
const queuePrefix = uniqueRedisPrefix('rapport-tijd-klasse');

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_klasse');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** Every day at 12:00 from 1 April to NU: the moments the property reads. */
const MOMENTEN: Date[] = [];
for (let d = Date.parse('2026-04-01T10:00:00Z'); d < NU.getTime(); d += 86_400_000) MOMENTEN.push(new Date(d));

/** The termijn class of the klachten received on `dag`, as at `op` in the past. */
async function klassen(dag: string, op: Date): Promise<Record<string, number>> {
  const r = await a.app
    .get(RapportageService)
    .maak({ gemeente: 'GM1904', gemeenten: ['GM1904'], van: dag, tot: dag, peildatum: op, peildatumVerleden: true });
  return Object.fromEntries(r.cijfers.perTermijn.map((t) => [t.waarde, t.aantal]));
}

/**
 * A klacht filed at the aanbieder on `dag`, afgedaan by it in time on 20 April; its steps one by one, and per step the
 * moments before the step whose class changed by it (must be none: what happens at `at` does not change before `at`).
 */
async function klacht(dag: string, stappen: Array<[string, string, Record<string, unknown>?]>): Promise<string[]> {
  const { klacht: k } = await a.engine.create(
    intake({
      ontvangenOp: `${dag}T10:00:00+02:00`,
      ingediendBij: 'aanbieder',
      aanbieders: [{ id: 'a1', naam: 'Zorg Utrecht', type: 'wmo' }],
    }),
    { actor: 'kcc' },
  );
  const veranderd: string[] = [];
  for (const [type, at, data] of stappen) {
    const voor = await Promise.all(MOMENTEN.map((op) => klassen(dag, op)));
    await a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    const na = await Promise.all(MOMENTEN.map((op) => klassen(dag, op)));
    MOMENTEN.forEach((op, i) => {
      if (op.getTime() < Date.parse(at) && JSON.stringify(voor[i]) !== JSON.stringify(na[i]))
        veranderd.push(`${type}: ${op.toISOString()} ${JSON.stringify(voor[i])} ${JSON.stringify(na[i])}`);
    });
  }
  return veranderd;
}

describe('Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: a report as at its peildatum does not change by what happened after it', () => {
  it('Uitgangspunten §5A with Awb 9:11: the gemeente’s afhandeltermijn, begun when the klager went to the gemeente after the peildatum, was not running at it; begun before it, registered after it, it was', async () => {
    const AFDOENING: [string, string, Record<string, unknown>] = ['AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' }];
    // To the gemeente on 2 July, after the peildatum (the deadline job runs on 4 July).
    expect(await klacht('2026-04-02', [AFDOENING, ['KLACHT_BIJ_GEMEENTE', '2026-07-02T10:00:00+02:00']])).toEqual([]);
    // To the gemeente on 30 June, registered after the peildatum: as known when the report is made, at the gemeente then.
    expect(await klacht('2026-04-03', [AFDOENING, ['KLACHT_BIJ_GEMEENTE', '2026-06-30T10:00:00+02:00']])).toEqual([]);

    expect(await klassen('2026-04-02', DEADLINE)).toEqual({ opTijd: 1 });
    expect(await klassen('2026-04-03', DEADLINE)).toEqual({ lopend: 1 });

    // The deadline job of 1 July runs on Saturday 4 July: the stored gemeente-wide report and the aanbieder's say the same.
    const planning = a.app.get(RapportagePlanningService);
    await planning.synchroniseer(new Date('2026-06-15T10:00:00Z'));
    const job = { gemeente: 'GM1904', soort: 'aanbieders' as const, deadline: '2026-07-01', kind: 'deadline' as const };
    expect(await planning.deadline(job, new Date('2026-07-04T09:00:00+02:00'))).toBe('verwerkt');
    const opgeslagen = (await a.db.query(
      `select aanbieder_id, inhoud->'perTermijn' as p from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' order by aanbieder_id`,
    )) as Array<{ aanbieder_id: string; p: Array<{ waarde: string; aantal: number }> }>;
    expect(opgeslagen.map((r) => [r.aanbieder_id, Object.fromEntries(r.p.map((t) => [t.waarde, t.aantal]))])).toEqual([
      ['*', { opTijd: 1, lopend: 1 }],
      ['a1', { opTijd: 2 }],
    ]);

    // At now both are at the gemeente, their afhandeltermijn running: the report of now and one as at now agree.
    const nu = await a.app
      .get(RapportageService)
      .maak({ gemeente: 'GM1904', gemeenten: ['GM1904'], van: '2026-04-02', tot: '2026-04-03', peildatum: NU });
    expect(Object.fromEntries(nu.cijfers.perTermijn.map((t) => [t.waarde, t.aantal]))).toEqual({ lopend: 2 });
    expect(await klassen('2026-04-02', NU)).toEqual({ lopend: 1 });
    expect(await klassen('2026-04-03', NU)).toEqual({ lopend: 1 });
  });
});
