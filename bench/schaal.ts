/**
 * `npx ts-node bench/schaal.ts` (or `node -r ./test/support/ts-register.js bench/schaal.ts`): termijn
 * wake-ups processed per second with 1, 2 and 4 worker processes (src/worker.ts, each its own node process)
 * on a 3-master Redis Cluster started on loopback, against one PostgreSQL.
 *
 * Per round: a throwaway database gets BENCH_SCHAAL_KLACHTEN Amsterdam klachten received 60 days ago (through
 * the real EngineService, from a Nest context with the cluster queue), so their afhandeltermijn is due; then
 * W workers start with the sweep timer off while the `termijnen` queue is paused (they rebuild the wake-ups from
 * the termijn table at boot); once all W are up the queue resumes and they fire the wake-ups. Rate =
 * TERMIJN_VERLOPEN steps / (last recorded_at - resume): the workers' boot is not counted. Sizes: BENCH_SCHAAL_KLACHTEN (default 2000), BENCH_SCHAAL_WORKERS (default 1,2,4).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ConnectionOptions, Queue } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { ImportCliModule } from '../src/modules/import/import-cli.module';
import { queueSettings } from '../src/jobs/queue-backend';
import { EngineService } from '../src/modules/engine/engine.service';
import { startDienst, type DienstProces } from '../test/support/dienst-proces';
import { startRedisCluster } from '../test/support/redis-cluster';

const env = process.env;
const serverUrl =
  env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const klachten = Number(env.BENCH_SCHAAL_KLACHTEN ?? 2000);
const workerAantallen = (env.BENCH_SCHAAL_WORKERS ?? '1,2,4').split(',').map(Number);
const definitionsDir = resolve(env.DEFINITIONS_DIR ?? 'definitions');

function metDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function query<T>(url: string, q: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(q, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export interface Ronde {
  workers: number;
  wakeups: number;
  seconden: number;
  perSec: number;
}

async function ronde(workers: number, clusterNodes: string): Promise<Ronde> {
  const naam = `kr_bench_schaal_${process.pid}_${workers}_${randomBytes(3).toString('hex')}`;
  await query(serverUrl, `create database ${naam}`);
  const url = metDatabase(serverUrl, naam);
  const gestart: DienstProces[] = [];
  try {
    const basisEnv = {
      DATABASE_URL: url,
      REDIS_CLUSTER_NODES: clusterNodes,
      QUEUE_PREFIX: `bench-schaal-${randomBytes(3).toString('hex')}`,
      DEFINITIONS_DIR: definitionsDir,
      SWEEP_INTERVAL_MS: '3600000',
      DATABASE_POOL_SIZE: '10',
    };
    // Seed through the real engine (migrations run when the context starts).
    const config = loadConfig({ ...basisEnv, ROLE: 'api', LOG_LEVEL: 'error' });
    const ctx = await NestFactory.createApplicationContext(ImportCliModule.forRoot(config), { logger: ['error'] });
    try {
      const engine = ctx.get(EngineService);
      const ontvangen = new Date(Date.now() - 60 * 86_400_000).toISOString();
      let volgende = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (volgende < klachten) {
            const i = volgende++;
            await engine.create(
              {
                gemeente: 'GM0363',
                kanaal: 'webformulier',
                ontvangenOp: ontvangen,
                ingediendBij: 'gemeente',
                soort: 'klacht',
                onderwerp: `bench schaal ${i}`,
                // Amsterdam §5B: two ketenpartners, so the gemeente's afhandeltermijn runs.
                aanbieders: [
                  { id: `a${i % 17}`, type: 'wmo' },
                  { id: `b${i % 13}`, type: 'wmo' },
                ],
                feiten: {},
              },
              { actor: 'bench' },
            );
          }
        }),
      );
    } finally {
      await ctx.close();
    }
    const [{ due }] = await query<{ due: number }>(
      url,
      `select count(*)::int as due from termijn where status = 'lopend' and verval_gemeld_op is null and vervalt_op <= now()`,
    );
    // The queue is paused while the workers boot (and rebuild the wake-ups), so the clock starts when all W consume.
    const settings = queueSettings(config);
    const termijnen = new Queue('termijnen', { connection: settings.connection as ConnectionOptions, prefix: settings.prefix });
    await termijnen.pause();
    gestart.push(
      ...(await Promise.all(
        Array.from({ length: workers }, () => startDienst('src/worker.ts', { ...basisEnv, ROLE: 'worker', LOG_LEVEL: 'log' })),
      )),
    );
    const start = Date.now();
    await termijnen.resume();
    await termijnen.close();
    const tot = Date.now() + 30 * 60_000;
    for (;;) {
      const [{ open }] = await query<{ open: number }>(
        url,
        `select count(*)::int as open from termijn where status = 'lopend' and verval_gemeld_op is null and vervalt_op <= now()`,
      );
      if (open === 0) break;
      if (Date.now() > tot) throw new Error(`${open} of ${due} wake-ups not done after 30 minutes`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [r] = await query<{ n: number; tot: Date }>(
      url,
      `select count(*)::int as n, max(recorded_at) as tot from klacht_gebeurtenis where type = 'TERMIJN_VERLOPEN'`,
    );
    const seconden = (r.tot.getTime() - start) / 1000;
    return { workers, wakeups: r.n, seconden, perSec: r.n / Math.max(seconden, 0.001) };
  } finally {
    await Promise.all(gestart.map((d) => d.stop()));
    await query(serverUrl, `drop database if exists ${naam} with (force)`);
  }
}

/** The whole measurement (also callable from bench/run.ts): starts and stops its own Redis Cluster. */
export async function runSchaalBench(): Promise<Ronde[]> {
  const cluster = await startRedisCluster(3);
  const rondes: Ronde[] = [];
  try {
    for (const w of workerAantallen) {
      process.stdout.write(`... ${w} worker(s), ${klachten} klachten\n`);
      rondes.push(await ronde(w, cluster.nodes));
    }
  } finally {
    await cluster.stop();
  }
  const basis = rondes[0]?.perSec ?? 1;
  const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log('\nTermijn wake-ups on a 3-master Redis Cluster (one PostgreSQL), worker processes of src/worker.ts:');
  console.log('| workers | wake-ups | seconds | wake-ups/s | vs 1 worker |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of rondes) {
    console.log(`| ${r.workers} | ${fmt(r.wakeups)} | ${fmt(r.seconden, 1)} | ${fmt(r.perSec, 0)} | ${fmt(r.perSec / basis, 2)} |`);
  }
  return rondes;
}

if (require.main === module) {
  runSchaalBench().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
