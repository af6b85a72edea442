/**
 * Benchmark configuration: read once here (the bench is not part of src/, whose config is the
 * service's). Defaults match the local services the tests use.
 */
export interface BackendSpec {
  backend: 'redis' | 'postgres';
  pool?: number;
}

export interface BenchConfig {
  /** A PostgreSQL server URL; the bench creates and drops its own database on it. */
  databaseServerUrl: string;
  redisUrl: string;
  definitionsDir: string;
  rawUpdates: number;
  /**
   * Lifecycles timed sequentially and in parallel: about four seconds each here, so the rates are averaged over
   * a span like pgbench's (a one-second part came out at 614 or at 910 events/s in consecutive runs of the same code,
   * depending on where the scheduler had put the Node thread and the backend).
   */
  klachtenSequentieel: number;
  klachtenParallel: number;
  /** Lifecycles run before (b) is timed, so the JIT has optimised the engine's code (a service runs warm). */
  klachtenOpwarmen: number;
  parallel: number;
  jobs: number;
  /** Jobs are scheduled from `jobLeadMs` ahead, spread evenly over `jobSpreadMs`. */
  jobLeadMs: number;
  jobSpreadMs: number;
  /** `redis`, `postgres` (the service's pool size) or `postgres:<pool>` (a larger pool per Queue/Worker). */
  backends: BackendSpec[];
  /** Worker concurrency for the lateness run. */
  concurrency: number;
  /** pgbench binary (PostgreSQL's own benchmark; Debian: postgresql-client / postgresql-contrib). */
  pgbench: string;
  /** Seconds per pgbench run (`-T`); 0 skips pgbench. */
  pgbenchSeconden: number;
  /** Pending termijn rows for the wake-up bench (bench/termijnen.ts); 0 skips it. */
  termijnen: number;
  termijnenPerKlacht: number;
  /** Termijnen that fall due during the measurement, from lead ms on over spread ms. */
  termijnenDue: number;
  termijnLeadSpreadMs: [number, number];
  /** The sweep's interval in the wake-up bench (the service's default). */
  termijnSweepMs: number;
  /** Rows to queue with no horizon at all, for comparison (0 skips). */
  volledigeHerbouw: number;
}

const getal = (v: string | undefined, d: number): number => (v && /^\d+$/.test(v) ? Number(v) : d);

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    databaseServerUrl: env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.BENCH_REDIS_URL ?? env.TEST_REDIS_URL ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    definitionsDir: env.DEFINITIONS_DIR ?? 'definitions',
    rawUpdates: getal(env.BENCH_RAW_UPDATES, 5_000),
    klachtenSequentieel: getal(env.BENCH_ENGINE_KLACHTEN, 400),
    klachtenParallel: getal(env.BENCH_ENGINE_KLACHTEN_PARALLEL, 1_000),
    klachtenOpwarmen: getal(env.BENCH_ENGINE_OPWARMEN, 100),
    parallel: getal(env.BENCH_PARALLEL, 8),
    jobs: getal(env.BENCH_JOBS, 10_000),
    jobLeadMs: getal(env.BENCH_JOB_LEAD_MS, 8_000),
    jobSpreadMs: getal(env.BENCH_JOB_SPREAD_MS, 20_000),
    concurrency: getal(env.BENCH_CONCURRENCY, 50),
    pgbench: env.BENCH_PGBENCH ?? 'pgbench',
    pgbenchSeconden: getal(env.BENCH_PGBENCH_SECONDS, 10),
    termijnen: getal(env.BENCH_TERMIJNEN, 1_000_000),
    termijnenPerKlacht: getal(env.BENCH_TERMIJNEN_PER_KLACHT, 10),
    termijnenDue: getal(env.BENCH_TERMIJNEN_DUE, 1_000),
    termijnLeadSpreadMs: [getal(env.BENCH_TERMIJN_LEAD_MS, 10_000), getal(env.BENCH_TERMIJN_SPREAD_MS, 50_000)],
    termijnSweepMs: getal(env.BENCH_TERMIJN_SWEEP_MS, 60_000),
    volledigeHerbouw: getal(env.BENCH_VOLLEDIGE_HERBOUW, 0),
    backends: (env.BENCH_BACKENDS ?? 'redis,postgres,postgres:10').split(',').flatMap((b): BackendSpec[] => {
      const m = /^(redis|postgres)(?::(\d+))?$/.exec(b.trim());
      return m ? [{ backend: m[1] as 'redis' | 'postgres', ...(m[2] ? { pool: Number(m[2]) } : {}) }] : [];
    }),
  };
}
