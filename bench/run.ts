/**
 * `npm run bench`: what durability costs on this machine, measured in one run.
 *  (a) raw PostgreSQL: `pgbench -N` (TPC-B-like without the branch and teller updates) at 1 and 4
 *      clients on the same server, in a throwaway database initialised with `pgbench -i`; and
 *      single-row UPDATEs from Node on one connection, each its own durable commit;
 *  (b) the engine: intake + a full Amsterdam lifecycle per klacht through EngineService (each event
 *      under its klacht's row lock, snapshot, history, termijnen and outbox all-or-nothing; events on
 *      other klachten that arrive together share the transaction: group commit, ADR 0008), sequential
 *      and with N klachten in parallel, the outbox relay included (its claims and marks: the bench registers no handler,
 *      so side effects such as queueing wake-ups or fanning out webhooks are not part of it); printed as events/s, as ratios to pgbench
 *      (sequential / c1, parallel / c4) and with the round trips per event;
 *  (c) delayed-job lateness: 10 000 termijn wake-ups on each queue backend (Redis, PostgreSQL),
 *      scheduled a little ahead; lateness = actual start minus scheduled moment.
 *  (d) termijn wake-ups with 1 M pending termijnen: lateness of a slice falling due, on each queue
 *      backend, and the rebuild after Redis FLUSHALL (bench/termijnen.ts);
 * Everything runs in a throwaway database (and Redis key prefix) that is removed afterwards.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import { preparePostgresQueueSchema, queueSettings } from '../src/jobs/queue-backend';
import { JOB_OPTIONS, termijnJobId, type TermijnJob } from '../src/jobs/queues';
import { loadRegistry } from '../src/machines';
import type { IntakeInput } from '../src/machines/contract';
import { EngineService } from '../src/modules/engine/engine.service';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.service';
import type { CacheTelling } from '../src/modules/engine/klacht-cache';
import { benchConfig, type BackendSpec } from './bench-config';
import { kinderenCpuMs, serverCpuLezer } from './cpu';
import { runReportsBench } from './reports';
import { runSchaalBench } from './schaal';
import { runTermijnenBench } from './termijnen';

const cfg = benchConfig();

function metDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: cfg.databaseServerUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function percentiel(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// (a) ------------------------------------------------------------------------------------------
const sh = promisify(execFile);

/** tps, and CPU per transaction in ms (the server's, and pgbench's own) when the server is on this machine. */
interface PgbenchUitslag {
  tps: number;
  cpu: { server: number; client: number } | null;
}

/** `pgbench -N` at 1 and 4 clients in a database of its own on the same server; per client count. */
async function pgbench(): Promise<{ c1: PgbenchUitslag; c4: PgbenchUitslag } | null> {
  if (cfg.pgbenchSeconden === 0) return null;
  const naam = `klachtregie_pgbench_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${c.escapeIdentifier(naam)}`));
  const url = metDatabase(cfg.databaseServerUrl, naam);
  try {
    await sh(cfg.pgbench, ['-i', '-q', '-s', '1', url]);
    const serverCpu = await serverCpuLezer(url);
    const tps = async (clients: number): Promise<PgbenchUitslag> => {
      const s0 = serverCpu?.();
      const k0 = kinderenCpuMs();
      const { stdout } = await sh(cfg.pgbench, [
        '-N',
        '-n',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        String(cfg.pgbenchSeconden),
        url,
      ]);
      const m = /tps = ([\d.]+)/.exec(stdout);
      const n = /number of transactions actually processed: (\d+)/.exec(stdout);
      if (!m || !n) throw new Error(`pgbench printed no tps:\n${stdout}`);
      const tx = Number(n[1]);
      const cpu = serverCpu && s0 !== undefined ? { server: (serverCpu() - s0) / tx, client: (kinderenCpuMs() - k0) / tx } : null;
      return { tps: Number(m[1]), cpu };
    };
    return { c1: await tps(1), c4: await tps(4) };
  } finally {
    await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(naam)} with (force)`));
  }
}

/** Counts the statements sent to PostgreSQL (each `query` call is one round trip) while `fn` runs. */
async function telRondreizen<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const proto = Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const origineel = proto.query;
  let n = 0;
  proto.query = function (this: Client, ...a: unknown[]) {
    n++;
    return origineel.apply(this, a);
  };
  try {
    return [await fn(), n];
  } finally {
    proto.query = origineel;
  }
}

async function rawUpdates(url: string): Promise<{ perSec: number; n: number; ms: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('create table bench_rij (id int primary key, n int not null)');
    await c.query('insert into bench_rij values (1, 0)');
    for (let i = 0; i < 200; i++) await c.query('update bench_rij set n = n + 1 where id = 1'); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < cfg.rawUpdates; i++) await c.query('update bench_rij set n = n + 1 where id = 1');
    const ms = performance.now() - t0;
    await c.query('drop table bench_rij');
    return { perSec: (cfg.rawUpdates / ms) * 1000, n: cfg.rawUpdates, ms };
  } finally {
    await c.end();
  }
}

// (b) ------------------------------------------------------------------------------------------
const LEVENSLOOP: Array<[string, Record<string, unknown>?]> = [
  ['FORMELE_BEHANDELING'],
  ['IN_BEHANDELING_NEMEN'],
  ['HOREN_UITNODIGEN'],
  ['HOORZITTING_GEHOUDEN'],
  ['VERSLAG_VASTGESTELD'],
  ['AFDOENEN', { oordeel: 'gegrond' }],
  ['KLAGER_TEVREDEN'],
];

function intake(i: number): IntakeInput {
  return {
    gemeente: 'GM0363',
    kanaal: 'webformulier',
    ontvangenOp: new Date().toISOString(),
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp: `bench ${i}`,
    // Amsterdam §5B: two ketenpartners, so the gemeente handles it (the longest path).
    aanbieders: [
      { id: `a${i % 17}`, type: 'wmo' },
      { id: `b${i % 13}`, type: 'wmo' },
    ],
    feiten: {},
  };
}

async function levensloop(engine: EngineService, i: number): Promise<number> {
  const { klacht } = await engine.create(intake(i), { actor: 'bench' });
  let at = Date.now();
  for (const [type, data] of LEVENSLOOP) {
    at += 60_000;
    await engine.apply(klacht.id, { type, at: new Date(at).toISOString(), ...(data ? { data } : {}) }, { actor: 'bench' });
  }
  return 1 + LEVENSLOOP.length;
}

/** `aantal` lifecycles, `cfg.parallel` at a time; returns their events. */
async function inParallel(engine: EngineService, aantal: number): Promise<number> {
  let volgende = 0;
  let events = 0;
  await Promise.all(
    Array.from({ length: cfg.parallel }, async () => {
      while (volgende < aantal) {
        // Not `events += await …`: that reads `events` before the await and loses the other lanes' counts.
        const n = await levensloop(engine, volgende++);
        events += n;
      }
    }),
  );
  return events;
}

/**
 * BENCH_PROFIEL=<file>: a CPU profile (.cpuprofile, for Chrome DevTools) of this process during the timed
 * part of (b), sequential and parallel, to see where the engine's own time goes.
 */
async function metProfiel<T>(fn: () => Promise<T>): Promise<T> {
  const bestand = process.env.BENCH_PROFIEL;
  if (!bestand) return fn();
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const sessie = new Session();
  sessie.connect();
  await sessie.post('Profiler.enable');
  await sessie.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await sessie.post('Profiler.stop');
    await writeFile(bestand, JSON.stringify(profile));
    sessie.disconnect();
  }
}

/** Milliseconds of CPU time: in all, and of it in the kernel (socket I/O). */
interface CpuTijd {
  totaal: number;
  kernel: number;
}

/** This process's CPU time since `van`. */
function cpuMs(van: NodeJS.CpuUsage): CpuTijd {
  const d = process.cpuUsage(van);
  return { totaal: (d.user + d.system) / 1000, kernel: d.system / 1000 };
}

const perEvent = (c: CpuTijd, n: number): CpuTijd => ({ totaal: c.totaal / n, kernel: c.kernel / n });

interface EngineUitslag {
  seq: number;
  par: number;
  seqTx: number;
  parTx: number;
  rondreizen: number;
  /** This process's CPU time per event (the engine and the relay, not PostgreSQL's). */
  seqCpu: CpuTijd;
  parCpu: CpuTijd;
  /** How the timed events found their klacht (klacht-cache.ts): from the engine's cache, changed, refused, not cached. */
  cache: CacheTelling;
  /** The database server's CPU time per event in ms (its backends, the engine's and the relay's, and its own processes); null when it is not on this machine. */
  seqServerCpu: number | null;
  parServerCpu: number | null;
  /** The bytes of WAL the database server wrote per event in the parallel part (the relay's included). */
  parWalBytes: number;
}

/**
 * Where the server's WAL is now, in bytes (pg_current_wal_insert_lsn: what was inserted, also what the relay's asynchronous
 * commits have not yet written): what the events between two readings cost the disk.
 * Not pg_stat_wal's counters: a backend reports those at most once a second and when it has been idle for a while
 * (PostgreSQL docs, "The Cumulative Statistics System"), so over a part of a second they miss some of the writes.
 */
async function walPositie(ds: DataSource): Promise<number> {
  const [r] = (await ds.query(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8 AS bytes`)) as Array<{ bytes: number }>;
  return r.bytes;
}

async function engineBench(url: string): Promise<EngineUitslag> {
  const ds = createDataSource({ url, poolSize: cfg.parallel + 4, applicationName: 'klachtregie-bench' });
  await ds.initialize();
  const registry = loadRegistry(resolve(cfg.definitionsDir));
  if (!registry.forGemeente('GM0363', new Date().toISOString().slice(0, 10)))
    throw new Error(`No Amsterdam definition in ${cfg.definitionsDir}`);
  const relay = new OutboxRelay(ds);
  const engine = new EngineService(ds, registry, relay);
  const serverCpu = await serverCpuLezer(url);
  const serverMs = () => serverCpu?.() ?? NaN;
  try {
    // Warm-up: until V8 has optimised the hot code (with 5 lifecycles the timed sequential part was still being
    // compiled: 2.0 ms of CPU per event after 5, 1.2 ms after 100), in parallel too, so the group path warms up.
    for (let i = 0; i < cfg.klachtenOpwarmen / 2; i++) await levensloop(engine, i);
    await inParallel(engine, cfg.klachtenOpwarmen / 2);
    await relay.idle();
    // As `pgbench -i` does for its own tables (and autovacuum would after the first fifty rows): statistics. Without them
    // (autovacuum off, as on the machines these figures come from) a connection keeps the plans it made while the tables
    // were nearly empty, such as PostgreSQL's foreign key checks scanning all of klacht, and an event costs more the more
    // klachten the run has made: measured, 400,000 klacht rows read by sequential scans in 1,200 scans of one run.
    await ds.query('VACUUM ANALYZE');
    // Round trips per event, the relay's included: one klacht's lifecycle, counted.
    const [n, rt] = await telRondreizen(async () => {
      const n = await levensloop(engine, 0);
      await relay.idle();
      return n;
    });
    return await metProfiel(async () => {
      const telVooraf = { ...engine.cache.telling };
      let t0 = performance.now();
      let c0 = process.cpuUsage();
      let s0 = serverMs();
      let seqTx = 0;
      for (let i = 0; i < cfg.klachtenSequentieel; i++) seqTx += await levensloop(engine, i);
      await relay.idle();
      const seqMs = performance.now() - t0;
      const seqCpu = perEvent(cpuMs(c0), seqTx);
      const seqServerCpu = (serverMs() - s0) / seqTx;

      const w0 = await walPositie(ds);
      t0 = performance.now();
      c0 = process.cpuUsage();
      s0 = serverMs();
      const parTx = await inParallel(engine, cfg.klachtenParallel);
      await relay.idle();
      const parMs = performance.now() - t0;
      const parCpu = perEvent(cpuMs(c0), parTx);
      const parServerCpu = (serverMs() - s0) / parTx;
      const w1 = await walPositie(ds);
      // The timed parts only (not the warm-up).
      const t = engine.cache.telling;
      const cache: CacheTelling = {
        treffers: t.treffers - telVooraf.treffers,
        verouderd: t.verouderd - telVooraf.verouderd,
        geweigerd: t.geweigerd - telVooraf.geweigerd,
        missers: t.missers - telVooraf.missers,
      };
      const ofNull = (x: number) => (Number.isFinite(x) ? x : null);
      return {
        seq: (seqTx / seqMs) * 1000,
        par: (parTx / parMs) * 1000,
        seqTx,
        parTx,
        rondreizen: rt / n,
        seqCpu,
        parCpu,
        cache,
        seqServerCpu: ofNull(seqServerCpu),
        parServerCpu: ofNull(parServerCpu),
        parWalBytes: (w1 - w0) / parTx,
      };
    });
  } finally {
    await relay.onApplicationShutdown();
    await ds.destroy();
  }
}

// (c) ------------------------------------------------------------------------------------------
interface Lateness {
  backend: string;
  jobs: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  addPerSec: number;
  missed: number;
}

async function latenessBench({ backend, pool }: BackendSpec, dbUrl: string): Promise<Lateness> {
  const prefix = `kr-bench-${randomBytes(4).toString('hex')}`;
  if (backend === 'postgres') await preparePostgresQueueSchema(dbUrl);
  const settings = queueSettings(
    backend === 'redis' ? { redisUrl: cfg.redisUrl, queuePrefix: prefix } : { databaseUrl: dbUrl, queuePrefix: prefix },
  );
  // `postgres:<pool>`: a larger pool per Queue/Worker than the service's default (queue-backend.ts).
  const connection = backend === 'postgres' && pool ? { ...settings.connection, max: pool } : settings.connection;
  const opts = { connection: connection as ConnectionOptions, prefix: settings.prefix };
  const naam = 'termijnen';
  const queue = new Queue<TermijnJob & { due: number }>(naam, opts);
  const laat: number[] = [];
  let klaar: () => void = () => undefined;
  const alles = new Promise<void>((r) => (klaar = r));
  const worker = new Worker<TermijnJob & { due: number }>(
    naam,
    async (job) => {
      laat.push(Date.now() - job.data.due);
      if (laat.length === cfg.jobs) klaar();
    },
    { ...opts, concurrency: cfg.concurrency },
  );
  worker.on('error', () => undefined);
  queue.on('error', () => undefined);
  try {
    await queue.waitUntilReady();
    await worker.waitUntilReady();
    const basis = Date.now() + cfg.jobLeadMs;
    const stap = cfg.jobSpreadMs / cfg.jobs;
    const t0 = performance.now();
    const BULK = 500;
    for (let i = 0; i < cfg.jobs; i += BULK) {
      const now = Date.now();
      await queue.addBulk(
        Array.from({ length: Math.min(BULK, cfg.jobs - i) }, (_, k) => {
          const n = i + k;
          const due = Math.round(basis + n * stap);
          const data: TermijnJob & { due: number } = {
            klachtId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
            termijnNaam: 'afhandeling',
            revision: 1,
            kind: 'verval',
            due,
          };
          return { name: 'verval', data, opts: { ...JOB_OPTIONS.termijnen, jobId: termijnJobId(data), delay: Math.max(0, due - now) } };
        }),
      );
    }
    const addMs = performance.now() - t0;
    const timeout = setTimeout(klaar, cfg.jobLeadMs + cfg.jobSpreadMs + 60_000);
    await alles;
    clearTimeout(timeout);
    const s = [...laat].sort((a, b) => a - b);
    return {
      backend: backend === 'redis' ? 'Redis' : `PostgreSQL, pool ${pool ?? (settings.connection as { max?: number }).max ?? '?'}`,
      jobs: s.length,
      p50: percentiel(s, 50),
      p90: percentiel(s, 90),
      p99: percentiel(s, 99),
      max: s[s.length - 1],
      addPerSec: (cfg.jobs / addMs) * 1000,
      missed: cfg.jobs - s.length,
    };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    if (backend === 'redis') {
      const r = new IORedis(cfg.redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await r.unlink(...keys);
      } while (cursor !== '0');
      r.disconnect();
    }
  }
}

async function main(): Promise<void> {
  const naam = `klachtregie_bench_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${c.escapeIdentifier(naam)}`));
  const url = metDatabase(cfg.databaseServerUrl, naam);
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await runMigrationsLocked(ds);
    const [{ sc }] = await ds.query(`select current_setting('synchronous_commit') as sc`);
    await ds.destroy();
    // The runtime is part of the figure: the engine's CPU per event differs between Node versions (package.json engines).
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    const nodeOpmerking = nodeMajor >= 22 ? '' : " — not a supported Node (engines: >=22.12); figures are not the service's";
    console.log(
      `Klachtregie benchmark — Node ${process.version}${nodeOpmerking}, database ${naam} (synchronous_commit=${sc}), Redis ${cfg.redisUrl}\n`,
    );

    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (${cpus().length} cores)`,
    );
    const pgb = await pgbench();
    if (pgb) {
      console.log(`(a) pgbench -N -T ${cfg.pgbenchSeconden} (scale 1): 1 client ${fmt(pgb.c1.tps)} tps, 4 clients ${fmt(pgb.c4.tps)} tps`);
      const cpu = (u: PgbenchUitslag) =>
        u.cpu ? `${fmt(u.cpu.server + u.cpu.client, 2)} ms (server ${fmt(u.cpu.server, 2)}, pgbench ${fmt(u.cpu.client, 2)})` : 'n/a';
      if (pgb.c1.cpu) console.log(`    CPU per transaction: 1 client ${cpu(pgb.c1)}, 4 clients ${cpu(pgb.c4)}`);
    } else console.log('(a) pgbench skipped (BENCH_PGBENCH_SECONDS=0)');
    const raw = await rawUpdates(url);
    console.log(`    Node, ${fmt(raw.n)} single-row UPDATEs, one connection, autocommit: ${fmt(raw.perSec)} commits/s`);

    const eng = await engineBench(url);
    const ratio = (x: number, y: number | undefined) => (y ? fmt(x / y, 2) : 'n/a');
    console.log(
      `(b) engine, intake + ${LEVENSLOOP.length} events per klacht (Amsterdam, gemeente route), each in a transaction with only events on other klachten (group commit), relay included:`,
    );
    console.log(
      `    round trips per event (relay included): ${fmt(eng.rondreizen, 1)}; this process's CPU per event: ${fmt(eng.seqCpu.totaal, 2)} ms sequential (kernel ${fmt(eng.seqCpu.kernel, 2)}), ${fmt(eng.parCpu.totaal, 2)} ms in parallel (kernel ${fmt(eng.parCpu.kernel, 2)})`,
    );
    console.log(
      `    events on a klacht in the engine's cache (one round trip): ${fmt(eng.cache.treffers)}; changed elsewhere, stepped again after a read: ${fmt(eng.cache.verouderd)}; refused from the cache, judged again: ${fmt(eng.cache.geweigerd)}; not cached: ${fmt(eng.cache.missers)}`,
    );
    console.log(
      `    sequential: ${fmt(eng.seqTx)} events, ${fmt(eng.seq)} events/s = ${ratio(eng.seq, pgb?.c1.tps)} x pgbench c1 (target 0.3)`,
    );
    console.log(
      `    ${cfg.parallel} klachten in parallel: ${fmt(eng.parTx)} events, ${fmt(eng.par)} events/s = ${ratio(eng.par, pgb?.c4.tps)} x pgbench c4 (target 0.5)`,
    );
    if (eng.seqServerCpu !== null && eng.parServerCpu !== null) {
      // What the CPU allows (docs/architecture.md §9): Node and PostgreSQL share this machine's cores.
      const kernen = cpus().length;
      const perEvent = eng.parCpu.totaal + eng.parServerCpu;
      const max = (kernen / perEvent) * 1000;
      console.log(
        `    CPU per event: sequential ${fmt(eng.seqCpu.totaal, 2)} ms in this process + ${fmt(eng.seqServerCpu, 2)} ms in the database server; in parallel ${fmt(eng.parCpu.totaal, 2)} + ${fmt(eng.parServerCpu, 2)} = ${fmt(perEvent, 2)} ms, ${fmt((eng.par * perEvent) / 1000, 1)} of ${kernen} cores busy`,
      );
      const c4 = pgb?.c4.cpu ? pgb.c4.cpu.server + pgb.c4.cpu.client : null;
      console.log(
        `    with all ${kernen} cores busy the parallel engine would reach ${fmt(max)} events/s = ${ratio(max, pgb?.c4.tps)} x pgbench c4` +
          (c4 && pgb ? ` (pgbench c4: ${fmt(c4, 2)} ms per transaction, ${fmt((pgb.c4.tps * c4) / 1000, 1)} cores busy)` : ''),
      );
    }
    // What every event costs the disk (docs/architecture.md §9): the engine's parallel part, the relay's marks included.
    console.log(`    WAL per event in parallel (the relay's included): ${fmt(eng.parWalBytes)} bytes`);
    console.log(
      `    load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );

    const rows: Lateness[] = [];
    for (const b of cfg.backends) rows.push(await latenessBench(b, url));
    console.log(
      `(c) delayed-job lateness, ${fmt(cfg.jobs)} termijn jobs scheduled ${cfg.jobLeadMs / 1000} s ahead over ${cfg.jobSpreadMs / 1000} s (${fmt(cfg.jobs / (cfg.jobSpreadMs / 1000))} due/s), worker concurrency ${cfg.concurrency}:`,
    );
    console.log('');
    console.log('| backend              | jobs   | p50 ms | p90 ms | p99 ms | max ms | add jobs/s | missed |');
    console.log('|----------------------|--------|--------|--------|--------|--------|------------|--------|');
    for (const r of rows) {
      console.log(
        `| ${r.backend.padEnd(20)} | ${fmt(r.jobs).padStart(6)} | ${fmt(r.p50).padStart(6)} | ${fmt(r.p90).padStart(6)} | ${fmt(r.p99).padStart(6)} | ${fmt(r.max).padStart(6)} | ${fmt(r.addPerSec).padStart(10)} | ${fmt(r.missed).padStart(6)} |`,
      );
    }
    if (cfg.termijnen > 0) {
      console.log('');
      await runTermijnenBench(url, cfg);
    } else console.log('\n(d) termijn wake-ups skipped (BENCH_TERMIJNEN=0)');
    console.log('\n(e) reports: heatmap and halfyear report at 1 M klachten (bench/reports.ts; BENCH_KLACHTEN=0 skips)');
    if (Number(process.env.BENCH_KLACHTEN ?? 1) > 0) await runReportsBench();
    console.log(
      '\n(f) scale-out: termijn wake-ups/s with 1, 2 and 4 workers on a 3-master Redis Cluster (bench/schaal.ts; BENCH_SCHAAL_KLACHTEN=0 skips)',
    );
    if (Number(process.env.BENCH_SCHAAL_KLACHTEN ?? 1) > 0) await runSchaalBench();
  } finally {
    await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(naam)} with (force)`));
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
