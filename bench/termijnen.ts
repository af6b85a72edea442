/**
 * Termijn wake-ups at scale (issue 17): 1 M pending termijnen in PostgreSQL, a slice of them falling
 * due during the measurement, and the real wake-up path (TermijnSweep boot rebuild, TermijnScheduler,
 * TermijnProcessor on BullMQ, TermijnWakeService through the engine) on each queue backend.
 *
 *  (a) lateness of the wake-ups that fall due: `verval_gemeld_op - vervalt_op` (the moment the wake-up
 *      fired the termijn, in its transaction, minus its due moment), p50 / p99 / max;
 *  (b) Redis only, on a redis-server of the bench's own (FLUSHALL never touches a shared Redis): the time
 *      to rebuild the wake-ups from PostgreSQL after FLUSHALL (`TermijnScheduler.rebuild`, the boot path),
 *      and how many there are: the queue holds only those within the horizon (ADR 0006).
 *
 * Sizes from the environment (bench-config.ts): BENCH_TERMIJNEN (pending rows, 1 000 000),
 * BENCH_TERMIJNEN_PER_KLACHT (10), BENCH_TERMIJNEN_DUE (the slice falling due, 1 000),
 * BENCH_TERMIJN_LEAD_MS / BENCH_TERMIJN_SPREAD_MS (the slice falls due from 10 s on, over 50 s: 20 due/s, some 1.7 M expiries a day),
 * BENCH_VOLLEDIGE_HERBOUW (rows to queue with an unlimited horizon, for comparison; 0 = skip).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config';
import { createDataSource } from '../src/database/data-source-options';
import { preparePostgresQueueSchema, queueSettings, type QueueSettings } from '../src/jobs/queue-backend';
import { loadRegistry } from '../src/machines';
import { EngineService } from '../src/modules/engine/engine.service';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.service';
import { TermijnScheduler } from '../src/modules/termijnen/termijn-scheduler.service';
import { TermijnSweep } from '../src/modules/termijnen/termijn-sweep.service';
import { TermijnWakeService } from '../src/modules/termijnen/termijn-wake.service';
import { TermijnProcessor } from '../src/modules/termijnen/termijn.processor';
import type { BenchConfig } from './bench-config';

export interface TermijnenUitkomst {
  backend: string;
  bootRebuildMs: number;
  bootJobs: number;
  due: number;
  gevuurd: number;
  p50: number;
  p99: number;
  max: number;
  flushRebuildMs?: number;
  flushJobs?: number;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function vrijePoort(): Promise<number> {
  return new Promise((ok, fout) => {
    const s = createServer();
    s.once('error', fout);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A redis-server of the bench's own, without persistence: FLUSHALL there flushes nobody else's keys. */
async function eigenRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await vrijePoort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const r = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      if ((await r.ping()) === 'PONG') break;
    } catch {
      if (i > 200) throw new Error(`redis-server on port ${port} did not start`);
      await new Promise((ok) => setTimeout(ok, 50));
    } finally {
      r.disconnect();
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * 1 M pending termijnen on klachten cloned from `sjabloon`, due from 10 minutes on, spread over a year (so about a
 * hundred fall within the one-hour horizon, none during the measurement).
 */
async function laadAchtergrond(ds: DataSource, cfg: BenchConfig, sjabloon: string): Promise<number> {
  const perKlacht = Math.max(1, cfg.termijnenPerKlacht);
  const klachten = Math.ceil(cfg.termijnen / perKlacht);
  const t0 = performance.now();
  // One statement per 10 000 klachten: the klacht rows (a small snapshot: they never fire here) and their termijnen.
  for (let gedaan = 0; gedaan < klachten; gedaan += 10_000) {
    const n = Math.min(10_000, klachten - gedaan);
    await ds.query(
      `WITH nieuw AS (
         INSERT INTO klacht (id, gemeente, definitie_id, definitie_versie, snapshot, state, done, volgende_events, version, soort,
                             kanaal, ontvangen_op, ingediend_bij, aanbieders, feiten, state_sinds)
         SELECT gen_random_uuid(), k.gemeente, k.definitie_id, k.definitie_versie, '{}'::jsonb, k.state, false, '[]'::jsonb, 1, k.soort,
                k.kanaal, k.ontvangen_op, k.ingediend_bij, k.aanbieders, '{}'::jsonb, k.state_sinds
         FROM klacht k CROSS JOIN generate_series(1, $2::int) g WHERE k.id = $1
         RETURNING id)
       INSERT INTO termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op, status, revision, verplichting)
       SELECT gen_random_uuid(), x.id, 'achtergrond' || x.j, 'Achtergrond ' || x.j, (x.op AT TIME ZONE 'Europe/Amsterdam')::date, x.op,
              'lopend', 1, true
       -- OFFSET 0 keeps the subquery apart, so random() is drawn for every row.
       FROM (SELECT n.id, j, now() + interval '10 minutes' + random() * interval '365 days' AS op
             FROM nieuw n CROSS JOIN generate_series(1, $3::int) j OFFSET 0) x
       LIMIT $4`,
      [sjabloon, n, perKlacht, Math.min(n * perKlacht, cfg.termijnen - gedaan * perKlacht)],
    );
  }
  await ds.query('ANALYZE termijn; ANALYZE klacht');
  return performance.now() - t0;
}

/**
 * The slice that falls due during the measurement: klachten cloned from `sjabloon` with its real
 * snapshot, each with one running termijn (its first obligation) due from `vanaf` on over the spread.
 */
async function laadVervallend(ds: DataSource, cfg: BenchConfig, sjabloon: string, vanaf: number, label: string): Promise<void> {
  await ds.query(
    `WITH t AS (SELECT * FROM termijn WHERE klacht_id = $1 AND status = 'lopend' ORDER BY vervalt_op LIMIT 1),
     nieuw AS (
       INSERT INTO klacht (id, gemeente, definitie_id, definitie_versie, snapshot, state, done, volgende_events, version, soort, kanaal,
                           ontvangen_op, ingediend_bij, onderwerp, aanbieders, feiten, state_sinds)
       SELECT gen_random_uuid(), k.gemeente, k.definitie_id, k.definitie_versie, k.snapshot, k.state, false, k.volgende_events, 1, k.soort,
              k.kanaal, k.ontvangen_op, k.ingediend_bij, $5 || ' ' || g, k.aanbieders, k.feiten, k.state_sinds
       FROM klacht k CROSS JOIN generate_series(1, $2::int) g WHERE k.id = $1
       RETURNING id, onderwerp)
     INSERT INTO termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op, uitleg, status, revision, herinneringen, escalatie_naar,
                          grondslag, mutaties, verplichting)
     SELECT gen_random_uuid(), n.id, t.naam, t.label, t.vervaldatum,
            to_timestamp(($3::bigint + (split_part(n.onderwerp, ' ', 2)::int - 1) * $4::float8) / 1000.0), t.uitleg, 'lopend', 1, '[]',
            t.escalatie_naar, t.grondslag, t.mutaties, t.verplichting
     FROM nieuw n CROSS JOIN t`,
    [sjabloon, cfg.termijnenDue, vanaf, cfg.termijnLeadSpreadMs[1] / Math.max(1, cfg.termijnenDue), label],
  );
}

async function meetBackend(
  url: string,
  cfg: BenchConfig,
  backend: 'redis' | 'postgres',
  sjabloon: string,
  ds: DataSource,
  engine: EngineService,
  relay: OutboxRelay,
): Promise<TermijnenUitkomst> {
  const redis = backend === 'redis' ? await eigenRedis() : undefined;
  if (backend === 'postgres') await preparePostgresQueueSchema(url);
  const settings: QueueSettings = queueSettings({
    databaseUrl: url,
    redisUrl: redis?.url,
    queuePrefix: `kr-bench-t${randomBytes(3).toString('hex')}`,
    role: 'worker',
  });
  const config = { sweepIntervalMs: cfg.termijnSweepMs, termijnHorizonMs: 3_600_000 } as AppConfig;
  const label = `bench-due-${backend}-${randomBytes(3).toString('hex')}`;
  const vanaf = Date.now() + cfg.termijnLeadSpreadMs[0];
  await laadVervallend(ds, cfg, sjabloon, vanaf, label);

  const scheduler = new TermijnScheduler(ds, settings, relay, config);
  scheduler.onModuleInit();
  const wake = new TermijnWakeService(ds, engine, relay);
  const sweep = new TermijnSweep(config, ds, wake, scheduler, relay);
  const processor = new TermijnProcessor(settings, ds, wake);
  try {
    // The boot of a worker: rebuild the wake-ups from the termijn table, then consume.
    let t0 = performance.now();
    await sweep.onApplicationBootstrap();
    const bootRebuildMs = performance.now() - t0;
    const bootJobs = await scheduler.queue.count();
    processor.onApplicationBootstrap();

    const openVraag = `SELECT count(*) FILTER (WHERE t.verval_gemeld_op IS NULL)::int AS open FROM termijn t JOIN klacht k ON k.id = t.klacht_id WHERE k.onderwerp LIKE $1`;
    const deadline = vanaf + cfg.termijnLeadSpreadMs[1] + 60_000;
    for (;;) {
      const [{ open }] = (await ds.query(openVraag, [`${label} %`])) as Array<{ open: number }>;
      if (open === 0 || Date.now() > deadline) break;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    const [r] = (await ds.query(
      `SELECT count(t.verval_gemeld_op)::int AS gevuurd,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.verval_gemeld_op - t.vervalt_op)) * 1000 AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM t.verval_gemeld_op - t.vervalt_op)) * 1000 AS p99,
              max(extract(epoch FROM t.verval_gemeld_op - t.vervalt_op)) * 1000 AS max
       FROM termijn t JOIN klacht k ON k.id = t.klacht_id WHERE k.onderwerp LIKE $1`,
      [`${label} %`],
    )) as Array<{ gevuurd: number; p50: number; p99: number; max: number }>;
    const uit: TermijnenUitkomst = {
      backend: backend === 'redis' ? 'Redis' : 'PostgreSQL',
      bootRebuildMs,
      bootJobs,
      due: cfg.termijnenDue,
      gevuurd: r.gevuurd,
      p50: Number(r.p50),
      p99: Number(r.p99),
      max: Number(r.max),
    };
    if (redis) {
      const c = new IORedis(redis.url);
      await c.flushall();
      c.disconnect();
      t0 = performance.now();
      await scheduler.rebuild();
      uit.flushRebuildMs = performance.now() - t0;
      uit.flushJobs = await scheduler.queue.count();
    }
    return uit;
  } finally {
    await processor.onApplicationShutdown();
    await sweep.onApplicationShutdown();
    await scheduler.onApplicationShutdown();
    await redis?.stop();
  }
}

/** Queues `n` pending wake-ups with an unlimited horizon into a fresh Redis: what ADR 0006 avoids. */
async function volledigeHerbouw(
  ds: DataSource,
  cfg: BenchConfig,
  relay: OutboxRelay,
): Promise<{ n: number; ms: number; geheugen: string }> {
  const redis = await eigenRedis();
  try {
    const settings = queueSettings({ redisUrl: redis.url, queuePrefix: 'kr-bench-volledig' });
    const scheduler = new TermijnScheduler(ds, settings, relay, {
      sweepIntervalMs: 60_000,
      termijnHorizonMs: 10 * 365 * 24 * 3600 * 1000,
    } as AppConfig);
    // The first n rows by due moment, added in bulk as the horizon does, without its limit.
    const t0 = performance.now();
    let n = 0;
    const rijen = (await ds.query(
      `SELECT id, klacht_id, naam, revision, vervalt_op, verval_gemeld_op, herinneringen FROM termijn
       WHERE status = 'lopend' AND verval_gemeld_op IS NULL ORDER BY vervalt_op LIMIT $1`,
      [cfg.volledigeHerbouw],
    )) as Array<Record<string, unknown>>;
    for (let i = 0; i < rijen.length; i += 1000) {
      await scheduler.queue.addBulk(
        rijen.slice(i, i + 1000).map((r) => ({
          name: 'verval',
          data: { klachtId: r.klacht_id as string, termijnNaam: r.naam as string, revision: r.revision as number, kind: 'verval' as const },
          opts: { jobId: `${r.klacht_id as string}.${r.naam as string}.1.verval`, delay: (r.vervalt_op as Date).getTime() - Date.now() },
        })),
      );
      n += Math.min(1000, rijen.length - i);
    }
    const ms = performance.now() - t0;
    const c = new IORedis(redis.url);
    const info = await c.info('memory');
    c.disconnect();
    await scheduler.onApplicationShutdown();
    return { n, ms, geheugen: /used_memory_human:(\S+)/.exec(info)?.[1] ?? '?' };
  } finally {
    await redis.stop();
  }
}

export async function runTermijnenBench(url: string, cfg: BenchConfig): Promise<void> {
  // The wake-ups log each expiry; the bench prints the figures only.
  Logger.overrideLogger(['error', 'warn']);
  const ds = createDataSource({ url, poolSize: 20, applicationName: 'klachtregie-bench-termijnen' });
  await ds.initialize();
  const registry = loadRegistry(resolve(cfg.definitionsDir));
  const relay = new OutboxRelay(ds);
  const engine = new EngineService(ds, registry, relay);
  try {
    // The template: a real Amsterdam klacht with its real snapshot and termijnen, received 90 days ago so
    // that its first termijn has passed in the regime's eyes: the wake-ups below are accepted steps that
    // write snapshot, history, termijnen and outbox, as a real expiry does.
    const { klacht } = await engine.create(
      {
        gemeente: 'GM0363',
        kanaal: 'webformulier',
        ontvangenOp: new Date(Date.now() - 90 * 24 * 3600 * 1000).toISOString(),
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'sjabloon',
        aanbieders: [
          { id: 'a1', type: 'wmo' },
          { id: 'b1', type: 'wmo' },
        ],
        feiten: {},
      },
      { actor: 'bench' },
    );
    await relay.idle();
    // Its own overdue termijnen are not part of the measurement.
    await ds.query(`UPDATE termijn SET verval_gemeld_op = now(), volgende_herinnering_op = NULL WHERE klacht_id = $1`, [klacht.id]);
    const laadMs = await laadAchtergrond(ds, cfg, klacht.id);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM termijn WHERE status = 'lopend'`)) as Array<{ n: number }>;
    console.log(
      `(d) termijn wake-ups with ${fmt(n)} pending termijnen (${fmt(cfg.termijnen)} loaded in ${fmt(laadMs / 1000, 1)} s, ` +
        `${cfg.termijnenPerKlacht} per klacht, due over the coming year); ${fmt(cfg.termijnenDue)} more fall due from ` +
        `${cfg.termijnLeadSpreadMs[0] / 1000} s on over ${cfg.termijnLeadSpreadMs[1] / 1000} s ` +
        `(${fmt(cfg.termijnenDue / (cfg.termijnLeadSpreadMs[1] / 1000))} due/s); processor concurrency 8, horizon 1 h:`,
    );
    const rijen: TermijnenUitkomst[] = [];
    for (const b of cfg.backends.map((x) => x.backend).filter((x, i, a) => a.indexOf(x) === i)) {
      rijen.push(await meetBackend(url, cfg, b, klacht.id, ds, engine, relay));
    }
    console.log('');
    console.log('| queue      | boot rebuild | jobs queued | fired / due   | p50 ms | p99 ms | max ms | FLUSHALL → rebuilt |');
    console.log('|------------|--------------|-------------|---------------|--------|--------|--------|--------------------|');
    for (const r of rijen) {
      const flush = r.flushRebuildMs === undefined ? 'n/a' : `${fmt(r.flushRebuildMs / 1000, 2)} s (${fmt(r.flushJobs ?? 0)} jobs)`;
      console.log(
        `| ${r.backend.padEnd(10)} | ${`${fmt(r.bootRebuildMs / 1000, 2)} s`.padStart(12)} | ${fmt(r.bootJobs).padStart(11)} | ` +
          `${`${fmt(r.gevuurd)} / ${fmt(r.due)}`.padStart(13)} | ${fmt(r.p50).padStart(6)} | ${fmt(r.p99).padStart(6)} | ${fmt(r.max).padStart(6)} | ${flush.padStart(18)} |`,
      );
    }
    if (cfg.volledigeHerbouw > 0) {
      const v = await volledigeHerbouw(ds, cfg, relay);
      console.log(
        `\n    without a horizon: ${fmt(v.n)} wake-ups into an empty Redis in ${fmt(v.ms / 1000, 1)} s ` +
          `(${fmt((v.n / v.ms) * 1000)} jobs/s, Redis used_memory ${v.geheugen})`,
      );
    }
  } finally {
    await relay.onApplicationShutdown();
    await ds.destroy();
  }
}
