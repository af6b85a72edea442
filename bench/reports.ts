/**
 * Reports at scale (issue 6): 1 M klachten generated with SQL in a throwaway database, then the
 * state heatmap (the process-owner diagram) and a halfyear report timed, 20 runs each.
 *
 *   npm run build && node dist/bench/reports.js          (or from bench/run.ts)
 *   BENCH_KLACHTEN=200000 node dist/bench/reports.js     (smaller)
 *   BENCH_BEHOUD=1 ...                                   (keep the database, e.g. for EXPLAIN)
 *
 * Uses TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to
 * create and drop its own database. The schema is the real one (every migration); indexes are
 * dropped during the load and rebuilt after, as a bulk import would do.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { eersteVervalSql } from '../src/modules/termijnen/te-laat';
import { createDataSource } from '../src/database/data-source-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import { queryRapportage, queryStateTellingen } from '../src/modules/reports/rapportage.repository';

const RUNS = 20;

function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}

/**
 * Realistic shape: four gemeenten (Amsterdam half of all klachten), 8 years of intake, 40 aanbieders
 * per gemeente with a skewed share, 8 kinds of aard and 6 oorzaken (skewed), 3 % still open (the
 * recent ones), history of 1-2 events (intake, afdoening) and one afhandeltermijn per klacht (soort klacht);
 * klacht.state_sinds / eerste_vervalt_op filled as the engine keeps them.
 */
const GENERATE_KLACHT = `
insert into klacht (id, gemeente, definitie_id, definitie_versie, snapshot, state, done, volgende_events, version, soort, kanaal,
  ontvangen_op, ingediend_bij, aanbieders, categorie, oorzaak, afdoening, oordeel, tevredenheid, maatregelen, feiten,
  state_sinds, eerste_vervalt_op)
select gen_random_uuid(), g.code, g.def, '2015-01',
  '{"status":"active","value":{"gemeente":"inBehandeling"},"context":{"termijnen":{}}}'::jsonb,
  case when open then (array['gemeente.informeleFase','gemeente.inBehandeling','gemeente.horen','bijAanbieder.inBehandeling','doorgestuurdNaarAanbieder','bijOmbudsman.onderzoek','signaal'])[1 + (r3 * 7)::int % 7]
       else (array['afgesloten','afgesloten','afgesloten','afgedaanInformeel'])[1 + (r3 * 4)::int % 4] end,
  not open, '[]'::jsonb, 1,
  case when r4 < 0.88 then 'klacht' when r4 < 0.95 then 'signaal' else 'melding' end,
  (array['telefoon','balie','brief','webformulier','email','email','webformulier'])[1 + (r5 * 7)::int % 7],
  ontvangen, 'gemeente',
  case when r6 < 0.15 then '[]'::jsonb
       when r6 < 0.95 then jsonb_build_array(jsonb_build_object('id', 'a' || lpad((1 + floor(40 * r7 * r7))::int::text, 2, '0'), 'naam', 'Aanbieder ' || (1 + floor(40 * r7 * r7))::int, 'type', 'wmo'))
       else jsonb_build_array(jsonb_build_object('id', 'a' || lpad((1 + floor(40 * r7 * r7))::int::text, 2, '0'), 'naam', 'Aanbieder ' || (1 + floor(40 * r7 * r7))::int, 'type', 'wmo'),
                              jsonb_build_object('id', 'a' || lpad((1 + floor(40 * r8))::int::text, 2, '0'), 'naam', 'Aanbieder ' || (1 + floor(40 * r8))::int, 'type', 'wmo')) end,
  (array['bejegening','kwaliteit zorg','vervoer te laat','communicatie','bereikbaarheid','indicatie','facturatie','privacy'])[1 + floor(8 * r9 * r9)::int],
  (array['personeelstekort','planning','communicatiefout','beleid','systeemfout','onbekend'])[1 + floor(6 * r10 * r10)::int],
  case when open then null else (array['oordeel','oordeel','informeel','nietBehandeld'])[1 + (r11 * 4)::int % 4] end,
  case when open then null else (array['gegrond','deelsGegrond','ongegrond','ongegrond',null])[1 + (r11 * 5)::int % 5] end,
  case when open then null else (array['tevreden','nietTevreden',null])[1 + (r12 * 3)::int % 3] end,
  case when not open and r12 < 0.3 then '["excuses aangeboden"]'::jsonb else '[]'::jsonb end,
  '{}'::jsonb,
  -- As the engine writes them, matching GENERATE_HISTORY and GENERATE_TERMIJN below: in state since the
  -- last event (intake, or afdoening 38 days later); the running afhandeltermijn of an open klacht.
  case when open then ontvangen else ontvangen + interval '38 days' end,
  case when open and r4 < 0.88 then (((ontvangen at time zone 'Europe/Amsterdam')::date + 43)::timestamp at time zone 'Europe/Amsterdam') end
from (
  select i, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10, random() r11, random() r12,
         ontvangen, ontvangen > now() - interval '100 days' and random() < 0.7 as open, gm
  from (
    select i, timestamptz '2019-01-01' + (random() * (now() - interval '1 day' - timestamptz '2019-01-01')) as ontvangen,
           case when i % 20 < 10 then 0 when i % 20 < 15 then 1 when i % 20 < 18 then 2 else 3 end as gm
    from generate_series(1, $1::int) i
  ) x
  -- Rows arrive in the order klachten are received, as in production (heap locality of a period).
  order by ontvangen
) k
join (values (0, 'GM0363', 'gm0363-amsterdam'), (1, 'GM1904', 'gm1904-stichtse-vecht'), (2, 'GM1696', 'gm1696-wijdemeren'), (3, 'GM0457', 'gm0457-weesp')) g(n, code, def) on g.n = k.gm`;

const GENERATE_HISTORY = `
insert into klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at)
select k.id, e.type, e.van, e.naar, 'bench', e.at
from klacht k
cross join lateral (values
  (1, 'KLACHT_ONTVANGEN', null::text, case when k.done then 'gemeente.inBehandeling' else k.state end, k.ontvangen_op),
  (2, 'AFGEDAAN', 'gemeente.inBehandeling', k.state, k.ontvangen_op + interval '38 days')
) e(n, type, van, naar, at)
where e.n = 1 or k.done`;

const GENERATE_TERMIJN = `
insert into termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op, uitleg, status, revision, mutaties, beeindigd_op)
select gen_random_uuid(), k.id, 'afhandeling', 'Afhandeltermijn', d.v, (d.v + 1)::timestamp at time zone 'Europe/Amsterdam',
  '["6 weken na ontvangst"]'::jsonb,
  case when not k.done then 'lopend' when random() < 0.12 then 'verlopen' else 'nagekomen' end, 1,
  case when random() < 0.15 then '[{"soort":"verdaging","duur":"P4W"}]'::jsonb else '[]'::jsonb end,
  case when k.done then k.ontvangen_op + interval '38 days' end
from klacht k cross join lateral (select (k.ontvangen_op at time zone 'Europe/Amsterdam')::date + 42 as v) d
where k.soort = 'klacht'`;

export interface ReportsBenchResult {
  klachten: number;
  generationMs: number;
  heatmap: { p50: number; p99: number; rows: number };
  halfjaar: { p50: number; p99: number; totaal: number };
  halfjaarAanbieder: { p50: number; p99: number; totaal: number };
}

export async function runReportsBench(
  n = Number(process.env.BENCH_KLACHTEN ?? 1_000_000),
  log: (s: string) => void = console.log,
): Promise<ReportsBenchResult> {
  const name = `kr_bench_reports_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const ds = createDataSource({ url: withDb(serverUrl(), name), poolSize: 2, applicationName: 'klachtregie-bench' });
  try {
    await ds.initialize();
    await runMigrationsLocked(ds);
    const t0 = Date.now();
    // Bulk load: drop the secondary indexes of the three tables, load, rebuild (as pg_restore does).
    const indexen: Array<{ indexname: string; indexdef: string }> = await ds.query(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('klacht', 'klacht_gebeurtenis', 'termijn')
         and indexname not like 'PK_%'`,
    );
    for (const i of indexen) await ds.query(`drop index "${i.indexname}"`);
    await ds.query(`set maintenance_work_mem = '256MB'`);
    await ds.query(GENERATE_KLACHT, [n]);
    log(`  klacht: ${n} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await ds.query(GENERATE_HISTORY);
    log(`  klacht_gebeurtenis loaded at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await ds.query(GENERATE_TERMIJN);
    log(`  termijn loaded at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const i of indexen) await ds.query(i.indexdef);
    await ds.query('vacuum analyze klacht');
    await ds.query('vacuum analyze klacht_gebeurtenis');
    await ds.query('vacuum analyze termijn');
    const generationMs = Date.now() - t0;
    const counts = await ds.query(
      `select (select count(*) from klacht)::int k, (select count(*) from klacht_gebeurtenis)::int g, (select count(*) from termijn)::int t`,
    );
    log(
      `  generated ${counts[0].k} klachten, ${counts[0].g} gebeurtenissen, ${counts[0].t} termijnen in ${(generationMs / 1000).toFixed(1)} s (indexes and vacuum included)`,
    );

    // The denormalised columns must agree with the tables they summarise (open klachten: what the heatmap reads).
    const [{ afwijkend }] = await ds.query(
      `select count(*)::int as afwijkend from klacht k where not k.done and (
         k.eerste_vervalt_op is distinct from ${eersteVervalSql('k')}
         or k.state_sinds is distinct from (select g.at from klacht_gebeurtenis g where g.klacht_id = k.id order by g.id desc limit 1))`,
    );
    if (afwijkend !== 0)
      throw new Error(`${afwijkend} open klachten whose state_sinds/eerste_vervalt_op disagree with their history/termijnen`);

    const nu = new Date();
    const heat: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const [ms, r] = await time(() => queryStateTellingen(ds, ['GM0363'], 'gm0363-amsterdam', '2015-01', nu));
      heat.push(ms);
      rows = r.length;
    }
    const filter = { gemeenten: ['GM1904'], van: '2025-12-01', tot: '2026-06-30', drempel: 3, peildatum: nu };
    const half: number[] = [];
    let totaal = 0;
    for (let i = 0; i < RUNS; i++) {
      const [ms, r] = await time(() => queryRapportage(ds, filter));
      half.push(ms);
      totaal = r.totaal;
    }
    const halfA: number[] = [];
    let totaalA = 0;
    for (let i = 0; i < RUNS; i++) {
      const [ms, r] = await time(() => queryRapportage(ds, { ...filter, gemeenten: ['GM0363'], aanbieder: 'a01' }));
      halfA.push(ms);
      totaalA = r.totaal;
    }
    const res: ReportsBenchResult = {
      klachten: counts[0].k,
      generationMs,
      heatmap: { p50: pct(heat, 50), p99: pct(heat, 99), rows },
      halfjaar: { p50: pct(half, 50), p99: pct(half, 99), totaal },
      halfjaarAanbieder: { p50: pct(halfA, 50), p99: pct(halfA, 99), totaal: totaalA },
    };
    log(
      `  heatmap Amsterdam (${res.heatmap.rows} states over ${Math.round(n / 2)} klachten): p50 ${res.heatmap.p50.toFixed(1)} ms, p99 ${res.heatmap.p99.toFixed(1)} ms (${RUNS} runs)`,
    );
    log(
      `  halfyear report Stichtse Vecht 2025-12-01..2026-06-30 (${res.halfjaar.totaal} klachten): p50 ${res.halfjaar.p50.toFixed(1)} ms, p99 ${res.halfjaar.p99.toFixed(1)} ms (${RUNS} runs)`,
    );
    log(
      `  halfyear report Amsterdam, one aanbieder (${res.halfjaarAanbieder.totaal} klachten): p50 ${res.halfjaarAanbieder.p50.toFixed(1)} ms, p99 ${res.halfjaarAanbieder.p99.toFixed(1)} ms (${RUNS} runs)`,
    );
    return res;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (process.env.BENCH_BEHOUD) log(`  kept database ${name} (BENCH_BEHOUD)`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (require.main === module) {
  console.log('Reports bench (issue 6)');
  runReportsBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
