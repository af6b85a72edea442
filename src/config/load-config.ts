import { dirname, join, resolve } from 'node:path';
import { AppConfig, ENV_HINTS, envSchema, parseClusterNodes, parseTrustProxy } from './config.schema';
import { laadZgwConfig, type ZgwGemeenteConfig } from './zgw-config';

export type EnvSource = Record<string, string | undefined>;

/** One bad key, with what was given and what to write instead. */
export interface ConfigProblem {
  key: string;
  message: string;
  hint: string;
}

/** Thrown at boot when the environment does not validate; `message` lists every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      [
        'Klachtregie cannot start: the configuration is invalid.',
        ...problems.map((p) => `  ${p.key}: ${p.message}. Write ${p.hint}.`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The keys we know, read from the given environment only (never the whole of process.env). */
function pick(env: EnvSource): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) out[key] = env[key];
  return out;
}

/**
 * Validates the environment once and maps it to the typed `AppConfig`. `overrides` replace values
 * after validation (tests use them to point an app at its own database / queue prefix).
 */
export function loadConfig(env: EnvSource, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw = pick(env);
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const byKey = new Map<string, ConfigProblem>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '(root)');
      if (byKey.has(key)) continue;
      const given = raw[key];
      byKey.set(key, {
        key,
        message: `${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`,
        hint: ENV_HINTS[key as keyof typeof ENV_HINTS] ?? 'a valid value',
      });
    }
    throw new ConfigError([...byKey.values()]);
  }
  const e = parsed.data;
  // Without an audience every token of the identity provider, issued for any application, would pass.
  if (e.OIDC_ISSUER && !e.OIDC_AUDIENCE) {
    throw new ConfigError([{ key: 'OIDC_AUDIENCE', message: 'is required when OIDC_ISSUER is set', hint: ENV_HINTS.OIDC_AUDIENCE }]);
  }
  // One queue backend: a single Redis or a Redis Cluster, not both.
  if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) {
    throw new ConfigError([
      {
        key: 'REDIS_CLUSTER_NODES',
        message: 'cannot be combined with REDIS_URL',
        hint: `set either REDIS_URL or ${ENV_HINTS.REDIS_CLUSTER_NODES}`,
      },
    ]);
  }
  let zgw: ZgwGemeenteConfig[] = [];
  if (e.ZGW_CONFIG) {
    try {
      zgw = laadZgwConfig(resolve(e.ZGW_CONFIG), env);
    } catch (err) {
      throw new ConfigError([{ key: 'ZGW_CONFIG', message: (err as Error).message, hint: ENV_HINTS.ZGW_CONFIG }]);
    }
  }
  return {
    port: e.PORT,
    portVast: raw.PORT !== undefined && raw.PORT.trim() !== '',
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    ...(e.REDIS_CLUSTER_NODES ? { redisCluster: parseClusterNodes(e.REDIS_CLUSTER_NODES) } : {}),
    dataDir: resolve(e.KLACHTREGIE_DATA_DIR),
    definitionsDir: resolve(e.DEFINITIONS_DIR),
    scenariosDir: e.SCENARIOS_DIR ? resolve(e.SCENARIOS_DIR) : join(dirname(resolve(e.DEFINITIONS_DIR)), 'scenarios'),
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    termijnHorizonMs: e.TERMIJN_HORIZON_MS,
    engineCacheKlachten: e.ENGINE_CACHE_KLACHTEN,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    queuePrefix: e.QUEUE_PREFIX,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePoolWaitMs: e.DATABASE_POOL_WAIT_MS,
    queuePoolSize: e.QUEUE_POOL_SIZE,
    oidcIssuer: e.OIDC_ISSUER,
    oidcAudience: e.OIDC_AUDIENCE,
    oidcJwksUrl: e.OIDC_JWKS_URL,
    oidcSecret: e.OIDC_SECRET,
    oidcClaimGemeente: e.OIDC_CLAIM_GEMEENTE,
    oidcClaimRol: e.OIDC_CLAIM_ROL,
    oidcClaimAanbieder: e.OIDC_CLAIM_AANBIEDER,
    oidcClaimAanbiederGemeente: e.OIDC_CLAIM_AANBIEDER_GEMEENTE,
    oidcClaimNaam: e.OIDC_CLAIM_NAAM,
    cloudEventsSource: e.CLOUDEVENTS_SOURCE,
    webhookMaxBackoffMs: e.WEBHOOK_MAX_BACKOFF_MS,
    webhookInterneAdressenToegestaan: e.WEBHOOK_INTERNE_ADRESSEN === 'toestaan',
    webhookHttpToegestaan: e.WEBHOOK_HTTP === 'toestaan',
    rateLimitPerMinuut: e.RATE_LIMIT_PER_MINUUT,
    rateLimitMisluktPerMinuut: e.RATE_LIMIT_MISLUKT_PER_MINUUT,
    ...(e.TRUST_PROXY ? { trustProxy: parseTrustProxy(e.TRUST_PROXY) } : {}),
    zgw,
    zgwMaxPogingen: e.ZGW_MAX_POGINGEN,
    dossierOpslag: e.DOSSIER_OPSLAG,
    dossierMap: resolve(e.DOSSIER_MAP ?? join(e.KLACHTREGIE_DATA_DIR, 'dossier')),
    ...overrides,
  };
}

/** The process environment: the one place in src/ that reads it (eslint enforces this). */
export function processEnv(): EnvSource {
  return process.env;
}

/**
 * Boot-time loading for main.ts / worker.ts / the migration CLI: on invalid configuration, print
 * every bad key and what to write, and stop the process with exit code 78 (EX_CONFIG).
 */
export function loadConfigOrExit(env: EnvSource = processEnv()): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
}
