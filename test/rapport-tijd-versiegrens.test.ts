/**
 * docs/definities.md (a version without geldigTot ends the day before the next begins: on every day one regeling) with
 * Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1 and Klachtenprotocol Wmo keten Amsterdam §10:
 * when a new version of a gemeente's regeling changes the report cadence mid-period (Stichtse Vecht's half-year reports,
 * "vóór 1 juli en vóór 1 december", replaced from 1 June 2026 by quarterly reports), the old version reports only on its
 * own days and schedules nothing after them; the new one covers the rest. Every day of the klachten is in exactly one
 * aanbieder report, and the aanbieders are not asked (reminded, escalated) for reports of a regeling no longer in force.
 *
 * The report schedule (RapportagePlanningService.synchroniseer) on real PostgreSQL, with the definitions given.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { loadRegistry } from '../src/machines';
import type { Definitie } from '../src/machines/definition/types';
import type { Regime } from '../src/machines/regime';
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-04-15T10:00:00+02:00');
let tdb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase('rapport_tijd_versiegrens');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

const seeds = loadRegistry(join(__dirname, '..', 'definitions'));
const vanGemeente = (code: string) => seeds.regimes.find((r) => r.summary.gemeente.cbsCode.toUpperCase() === code) as Regime;

describe('docs/definities.md, contract art. 11.1: a version replaced mid-period reports only on its own days', () => {
  it('Stichtse Vecht 2015-01 (half-yearly, no geldigTot) replaced on 1 June 2026 by a quarterly version: one moment per day, none of the old version after 31 May', async () => {
    const sv = vanGemeente('GM1904');
    const oud = structuredClone(sv.definitie) as Definitie;
    const nieuw = structuredClone(sv.definitie) as Definitie;
    nieuw.versie = '2026-06';
    nieuw.geldigVanaf = '2026-06-01';
    // Quarterly, each calendar quarter due a month after it (the cadence of Klachtenprotocol Wmo keten Amsterdam §10).
    nieuw.rapportage = { ...structuredClone(vanGemeente('GM0363').definitie.rapportage), jaarverslag: true };
    await t.app.get(RapportagePlanningService).synchroniseer(NU, [
      { id: sv.summary.id, definitie: oud },
      { id: sv.summary.id, definitie: nieuw },
    ]);
    const rijen = (await t.app.get<DataSource>(getDataSourceToken()).query(
      `select definitie_versie as v, periode_van::text as van, periode_tot::text as tot, deadline::text as deadline from rapportage_moment
         where soort = 'aanbieders' order by periode_van`,
    )) as Array<{ v: string; van: string; tot: string; deadline: string }>;
    expect(rijen.map((r) => [r.v, r.van, r.tot, r.deadline])).toEqual([
      ['2015-01', '2025-11-01', '2026-04-30', '2026-07-01'],
      // The old half year of 1 May - 31 October keeps only May, its last month in force; due as it was, before 1 December.
      ['2015-01', '2026-05-01', '2026-05-31', '2026-12-01'],
      ['2026-06', '2026-06-01', '2026-06-30', '2026-08-01'],
      ['2026-06', '2026-07-01', '2026-09-30', '2026-11-01'],
      ['2026-06', '2026-10-01', '2026-12-31', '2027-02-01'],
      ['2026-06', '2027-01-01', '2027-03-31', '2027-05-01'],
      ['2026-06', '2027-04-01', '2027-06-30', '2027-08-01'],
      ['2026-06', '2027-07-01', '2027-09-30', '2027-11-01'],
    ]);
    // No day in two reports, none left out from the first to the last.
    for (let i = 1; i < rijen.length; i++) {
      const dagNa = new Date(Date.parse(`${rijen[i - 1].tot}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect([rijen[i].van, i]).toEqual([dagNa, i]);
    }
    // Awb 9:12a: the overview of 2026 (due 1 January 2027) is one moment, the union of both versions' days.
    const jaar = (await t.app
      .get<DataSource>(getDataSourceToken())
      .query(
        `select periode_van::text as van, periode_tot::text as tot from rapportage_moment where soort = 'jaarverslag' and deadline = '2027-01-01'`,
      )) as Array<{
      van: string;
      tot: string;
    }>;
    expect(jaar).toEqual([{ van: '2026-01-01', tot: '2026-12-31' }]);
  });
});
