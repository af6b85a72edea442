/**
 * Awb 9:11 lid 2, 3 (by analogy for a contract termijn: Klachtenprotocol Wmo keten Amsterdam §6) with Uitgangspunten
 * klachtenmanagement Sociaal Domein §10 and contract art. 11.1: the report's class 'op tijd na verdaging of uitstel'
 * (`naVerdaging`, rapportage.repository.ts verlengdSql) says a termijn was met only thanks to its extension. It is judged
 * against the last day the termijn would have had WITHOUT any verdaging or uitstel: its own last day, moved by the days it
 * stood still (opschorting, docs/juridisch-kader.md §6; Algemene termijnenwet art. 1 lid 1 also in the days the Atw added).
 * A termijn verdaagd and then suspended, met after its last day of before the verdaging but before that day moved by the
 * suspension, did not need the verdaging: 'op tijd'. Every order: suspended then verdaagd, verdaagd twice around a
 * suspension, suspended after the original last day (then the extension was needed), ended while suspended, a suspension
 * in the Atw's days. Each mutation records that day (`vervaldatumZonderVerlenging`, GET /klachten/{id}); rows stored before
 * it keep the class of before (docs/te-laat.md).
 *
 * Amsterdam's seed with aanbiederAfhandeling (six weeks, verdaging up to four weeks, notified before it passes) suspendable
 * and with the Atw declared (none of the seeds enables either), through the engine at fixed dates, the service's clock
 * injected; no worker runs (ROLE=api). Received by the aanbieder on Monday 2 March 2026: its last day is Monday 13 April.
 * Received on Thursday 2 April: six weeks end on Hemelvaartsdag 14 May, the Atw gives Monday 18 May.
 */
import { join } from 'node:path';
import request from 'supertest';
import type { EntityManager } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { loadRegistry } from '../src/machines';
import { intake } from '../src/machines/intake.spec-hulp';
import { maakRegime, type Regime } from '../src/machines/regime';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { queryRapportage } from '../src/modules/reports/rapportage.repository';
import { bearer } from './auth-support';
import { createTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const seeds = loadRegistry(join(__dirname, '..', 'definitions'));
const amsterdam = seeds.regimes.find((r) => r.summary.id === 'gm0363-amsterdam') as Regime;
const definitie = structuredClone(amsterdam.definitie);
definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
definitie.termijnen.aanbiederAfhandeling.atw = true;
const regime = maakRegime(definitie, 'gm0363-amsterdam');
const bron: RegimeBron = {
  forGemeente: (code) => (code === 'GM0363' ? regime : undefined),
  byId: (id, versie) => (id === regime.summary.id && versie === regime.summary.versie ? regime : undefined),
};

const NU = new Date('2026-07-06T10:00:00Z');
/** 00:00 on the deadline of a stored report over the period, made later (`peildatumVerleden`). */
const DEADLINE = new Date('2026-07-01T00:00:00+02:00');
const MAART = '2026-03-02T10:00:00+01:00';
const APRIL = '2026-04-02T10:00:00+02:00';
const T = { termijn: 'aanbiederAfhandeling' };

let tdb: TestDatabase;
let a: EngineApp;
let sleutel: string;
const queuePrefix = uniqueRedisPrefix('rapport-klasse-opschorting');
/** Each klacht has an aanbieder of its own (its id is the klacht's name here), so the report per aanbieder classes it alone. */
const ids: Record<string, string> = {};

type Stap = [string, string, Record<string, unknown>?];
const verdagen = (at: string, duur = 'P4W'): Stap => ['VERDAGEN', at, { ...T, duur, reden: 'advies nodig' }];
const opschorten = (at: string): Stap => ['OPSCHORTEN', at, { ...T, reden: 'klager in het ziekenhuis' }];
const hervatten = (at: string): Stap => ['HERVATTEN', at, T];
const afdoen = (at: string): Stap => ['AFDOENEN', at, { oordeel: 'gegrond' }];

async function klacht(naam: string, ontvangen: string, stappen: Stap[]): Promise<void> {
  const { klacht: k } = await a.engine.create(
    intake({
      gemeente: 'GM0363',
      ontvangenOp: ontvangen,
      ingediendBij: 'aanbieder',
      aanbieders: [{ id: naam, naam: `Zorg ${naam}`, type: 'wmo' }],
      feiten: { aantalAanbieders: 1 },
    }),
    { actor: 'kcc' },
  );
  // Klachtenprotocol Wmo keten §6: contact with the klager the next day, in time.
  const contact = new Date(Date.parse(ontvangen) + 86_400_000).toISOString();
  for (const [type, at, data] of [['CONTACT_OPGENOMEN', contact] as Stap, ...stappen]) {
    const r = await a.engine.apply(k.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    if (!r.result.accepted) throw new Error(`${naam}: ${type} geweigerd: ${r.result.reason}`);
  }
  ids[naam] = k.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_klasse_opschorting');
  a = await createEngineApp({
    databaseUrl: tdb.url,
    queuePrefix,
    regimes: 'definities',
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(REGIME_BRON).useValue(bron).overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  sleutel = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
  // Verdaagd on 1 April (13 April -> 11 May), suspended 2 to 9 April (7 days: 18 May). Without the verdaging its last day
  // would be 13 April + 7 = 20 April. Afgedaan at 16:00 on 20 April (the last day counts in full): the verdaging was not needed.
  await klacht('verdaagdDanOpgeschort', MAART, [
    verdagen('2026-04-01T10:00:00+02:00'),
    opschorten('2026-04-02T10:00:00+02:00'),
    hervatten('2026-04-09T10:00:00+02:00'),
    afdoen('2026-04-20T16:00:00+02:00'),
  ]);
  // The same, afgedaan on 21 April: after the day it would have had, within the verdaging.
  await klacht('verdaagdDanOpgeschortNa', MAART, [
    verdagen('2026-04-01T10:00:00+02:00'),
    opschorten('2026-04-02T10:00:00+02:00'),
    hervatten('2026-04-09T10:00:00+02:00'),
    afdoen('2026-04-21T10:00:00+02:00'),
  ]);
  // Suspended 2 to 9 April (20 April), then verdaagd on 15 April (18 May); afgedaan on 20 April.
  await klacht('opgeschortDanVerdaagd', MAART, [
    opschorten('2026-04-02T10:00:00+02:00'),
    hervatten('2026-04-09T10:00:00+02:00'),
    verdagen('2026-04-15T10:00:00+02:00'),
    afdoen('2026-04-20T16:00:00+02:00'),
  ]);
  // Verdaagd by a week on 1 April, suspended 2 to 9 April, verdaagd by another week on 15 April (4 May); without either
  // verdaging 20 April. Afgedaan on 17 April.
  await klacht('tweemaalVerdaagd', MAART, [
    verdagen('2026-04-01T10:00:00+02:00', 'P1W'),
    opschorten('2026-04-02T10:00:00+02:00'),
    hervatten('2026-04-09T10:00:00+02:00'),
    verdagen('2026-04-15T10:00:00+02:00', 'P1W'),
    afdoen('2026-04-17T10:00:00+02:00'),
  ]);
  // Verdaagd on 1 April, suspended 15 to 22 April: after 13 April, so without the verdaging it would have passed before the
  // suspension. Afgedaan on 24 April: met thanks to the verdaging.
  await klacht('opgeschortNaLaatsteDag', MAART, [
    verdagen('2026-04-01T10:00:00+02:00'),
    opschorten('2026-04-15T10:00:00+02:00'),
    hervatten('2026-04-22T10:00:00+02:00'),
    afdoen('2026-04-24T10:00:00+02:00'),
  ]);
  // Verdaagd on 1 April, suspended on 2 April and withdrawn on 1 May while still suspended: without the verdaging it would
  // have stood still too and never passed (it ends 'vervallen').
  await klacht('ingetrokkenTijdensOpschorting', MAART, [
    verdagen('2026-04-01T10:00:00+02:00'),
    opschorten('2026-04-02T10:00:00+02:00'),
    ['KLACHT_INGETROKKEN', '2026-05-01T10:00:00+02:00', { reden: 'opgelost' }],
  ]);
  // Received 2 April (last day 18 May by the Atw), verdaagd on 12 May (11 June), suspended Saturday 16 May, in the days the
  // Atw added, to Wednesday 20 May (real: 15 June). Without the verdaging: 18 May + 4 = Friday 22 May (Atw art. 1 lid 1).
  await klacht('atwDagen', APRIL, [
    verdagen('2026-05-12T10:00:00+02:00'),
    opschorten('2026-05-16T10:00:00+02:00'),
    hervatten('2026-05-20T10:00:00+02:00'),
    afdoen('2026-05-22T16:00:00+02:00'),
  ]);
  await klacht('atwDagenNa', APRIL, [
    verdagen('2026-05-12T10:00:00+02:00'),
    opschorten('2026-05-16T10:00:00+02:00'),
    hervatten('2026-05-20T10:00:00+02:00'),
    afdoen('2026-05-26T10:00:00+02:00'),
  ]);
}, 240_000);

afterAll(async () => {
  await a?.close();
  await tdb?.drop();
  await deleteRedisPrefix(queuePrefix);
});

/** The class of each klacht: the gemeente's report over March and April per aanbieder (one klacht each), its own query. */
async function klassen(op: Date, verleden: boolean, db: EntityManager = a.db.manager): Promise<Record<string, string>> {
  const uit: Record<string, string> = {};
  for (const naam of Object.keys(ids)) {
    const r = await queryRapportage(db, {
      gemeenten: ['GM0363'],
      van: '2026-03-01',
      tot: '2026-04-30',
      aanbieder: naam,
      aanbiederGemeente: 'GM0363',
      drempel: 3,
      peildatum: op,
      peildatumVerleden: verleden,
    });
    uit[naam] = r.perTermijn.map((t) => `${t.waarde}:${t.aantal}`).join(',');
  }
  return uit;
}

const VERWACHT = {
  verdaagdDanOpgeschort: 'opTijd:1',
  verdaagdDanOpgeschortNa: 'naVerdaging:1',
  opgeschortDanVerdaagd: 'opTijd:1',
  tweemaalVerdaagd: 'opTijd:1',
  opgeschortNaLaatsteDag: 'naVerdaging:1',
  ingetrokkenTijdensOpschorting: 'opTijd:1',
  atwDagen: 'opTijd:1',
  atwDagenNa: 'naVerdaging:1',
};

type MutatieRij = { soort: string; vervaldatumVoor?: string; vervaldatumNa: string; vervaldatumZonderVerlenging?: string };
const mutaties = async (naam: string): Promise<MutatieRij[]> =>
  (
    (await a.db.query(`select mutaties from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling'`, [ids[naam]])) as Array<{
      mutaties: MutatieRij[];
    }>
  )[0].mutaties;

describe('Awb 9:11 lid 2, 3 with Uitgangspunten klachtenmanagement Sociaal Domein §10: an extended termijn that was also suspended', () => {
  it("Awb 9:11 lid 2: a termijn verdaagd and then suspended, met by its last day moved by the suspension, is 'op tijd'; met after it, 'op tijd na verdaging of uitstel'", async () => {
    const nu = await klassen(NU, false);
    expect([nu.verdaagdDanOpgeschort, nu.verdaagdDanOpgeschortNa]).toEqual([
      VERWACHT.verdaagdDanOpgeschort,
      VERWACHT.verdaagdDanOpgeschortNa,
    ]);
  });

  it('Awb 9:11 lid 2: every order of verdaging and opschorting is judged against the last day without any verdaging', async () => {
    const nu = await klassen(NU, false);
    expect({
      opgeschortDanVerdaagd: nu.opgeschortDanVerdaagd,
      tweemaalVerdaagd: nu.tweemaalVerdaagd,
      opgeschortNaLaatsteDag: nu.opgeschortNaLaatsteDag,
    }).toEqual({
      opgeschortDanVerdaagd: VERWACHT.opgeschortDanVerdaagd,
      tweemaalVerdaagd: VERWACHT.tweemaalVerdaagd,
      opgeschortNaLaatsteDag: VERWACHT.opgeschortNaLaatsteDag,
    });
  });

  it("docs/juridisch-kader.md §6: a verdaagd termijn that ended while suspended since before its original last day is 'op tijd'", async () => {
    expect((await klassen(NU, false)).ingetrokkenTijdensOpschorting).toBe(VERWACHT.ingetrokkenTijdensOpschorting);
  });

  it('Algemene termijnenwet art. 1 lid 1: suspended in the days the Atw added, the last day without verdaging gets the days that were left', async () => {
    const nu = await klassen(NU, false);
    expect([nu.atwDagen, nu.atwDagenNa]).toEqual([VERWACHT.atwDagen, VERWACHT.atwDagenNa]);
  });

  it('docs/te-laat.md: the stored report as at a past peildatum says the same', async () => {
    expect(await klassen(DEADLINE, true)).toEqual(VERWACHT);
  });

  it('Awb 9:11 lid 2: each mutation records the last day the termijn would have without any verdaging (GET /klachten/{id}), next to the day just before it', async () => {
    const rij = (m: MutatieRij) => [m.soort, m.vervaldatumVoor, m.vervaldatumNa, m.vervaldatumZonderVerlenging];
    expect((await mutaties('verdaagdDanOpgeschort')).map(rij)).toEqual([
      ['verdaging', '2026-04-13', '2026-05-11', '2026-04-13'],
      ['opschorting', '2026-05-11', '2026-05-11', '2026-04-13'],
      ['hervatting', '2026-05-11', '2026-05-18', '2026-04-20'],
    ]);
    expect((await mutaties('opgeschortDanVerdaagd')).map(rij)).toEqual([
      ['opschorting', '2026-04-13', '2026-04-13', '2026-04-13'],
      ['hervatting', '2026-04-13', '2026-04-20', '2026-04-20'],
      ['verdaging', '2026-04-20', '2026-05-18', '2026-04-20'],
    ]);
    expect((await mutaties('tweemaalVerdaagd')).map(rij)).toEqual([
      ['verdaging', '2026-04-13', '2026-04-20', '2026-04-13'],
      ['opschorting', '2026-04-20', '2026-04-20', '2026-04-13'],
      ['hervatting', '2026-04-20', '2026-04-28', '2026-04-20'],
      ['verdaging', '2026-04-28', '2026-05-04', '2026-04-20'],
    ]);
    // Suspended after 13 April: without the verdaging it had passed by then, so the suspension does not move that day.
    expect((await mutaties('opgeschortNaLaatsteDag')).map(rij)).toEqual([
      ['verdaging', '2026-04-13', '2026-05-11', '2026-04-13'],
      ['opschorting', '2026-05-11', '2026-05-11', '2026-04-13'],
      ['hervatting', '2026-05-11', '2026-05-18', '2026-04-13'],
    ]);
    expect((await mutaties('atwDagen')).map(rij)).toEqual([
      ['verdaging', '2026-05-18', '2026-06-11', '2026-05-18'],
      ['opschorting', '2026-06-11', '2026-06-11', '2026-05-18'],
      ['hervatting', '2026-06-11', '2026-06-15', '2026-05-22'],
    ]);
    // The klacht view shows what the row holds.
    const r = await request(a.http).get(`/api/v1/klachten/${ids.verdaagdDanOpgeschort}`).set('Authorization', sleutel);
    expect(r.status).toBe(200);
    const t = (r.body.termijnen as Array<{ naam: string; mutaties: MutatieRij[] }>).find((x) => x.naam === 'aanbiederAfhandeling')!;
    expect(t.mutaties.map((m) => m.vervaldatumZonderVerlenging)).toEqual(['2026-04-13', '2026-04-13', '2026-04-20']);
  });

  it('docs/te-laat.md: a row stored before the last day without verdaging was recorded keeps the class of the day before its first extension; one stored before that, of any extension', async () => {
    const qr = a.db.createQueryRunner();
    await qr.startTransaction();
    try {
      const zonder = `(select coalesce(jsonb_agg(m - 'vervaldatumZonderVerlenging' order by n), '[]') from jsonb_array_elements(mutaties) with ordinality e(m, n))`;
      await qr.query(`update termijn set mutaties = ${zonder} where klacht_id = any($1::uuid[])`, [Object.values(ids)]);
      // Judged against 13 April (the verdaging's vervaldatumVoor): afgedaan on 20 April reads naVerdaging, as before.
      const oud = await klassen(NU, false, qr.manager);
      expect([oud.verdaagdDanOpgeschort, oud.opgeschortDanVerdaagd, oud.tweemaalVerdaagd]).toEqual([
        'naVerdaging:1',
        'opTijd:1',
        'naVerdaging:1',
      ]);
      await qr.query(
        `update termijn set mutaties = (select coalesce(jsonb_agg(m - 'vervaldatumVoor' order by n), '[]') from jsonb_array_elements(mutaties) with ordinality e(m, n))
          where klacht_id = any($1::uuid[])`,
        [Object.values(ids)],
      );
      expect((await klassen(NU, false, qr.manager)).opgeschortDanVerdaagd).toBe('naVerdaging:1');
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });
});
