import { isIP } from 'node:net';
import { z } from 'zod';
import type { ZgwGemeenteConfig } from './zgw-config';

/** Log levels as NestJS names them; each level includes the ones before it. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormatName = (typeof LOG_FORMATS)[number];

export const ROLES = ['all', 'api', 'worker'] as const;
/** all: API and workers in one process (the default); api: HTTP only; worker: jobs only, no HTTP. */
export type Role = (typeof ROLES)[number];

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const positiveMs = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
/** Empty strings in the environment (`DATABASE_URL=`) mean "not set", as in most twelve-factor apps. */
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .refine((v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      })
      .optional(),
  );

/** Names Express (proxy-addr) gives to address ranges in `trust proxy`. */
const PROXY_NAMEN = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of TRUST_PROXY: a name above, an address, or address/prefix length. */
function proxyAdresGeldig(deel: string): boolean {
  if (PROXY_NAMEN.has(deel)) return true;
  const [adres, lengte, ...rest] = deel.split('/');
  const soort = isIP(adres);
  if (soort === 0 || rest.length > 0) return false;
  // A prefix length of 0 is every address: trusting everyone.
  return lengte === undefined || (/^\d{1,3}$/.test(lengte) && Number(lengte) >= 1 && Number(lengte) <= (soort === 4 ? 32 : 128));
}

/**
 * TRUST_PROXY: which reverse proxies may say who the client is (X-Forwarded-For), as Express's `trust proxy`: a hop
 * count (1-10) or proxy addresses and ranges. Unset: none, the client is the TCP peer. Never "trust every address":
 * then any client could name itself in the header and pass the per-address limit of failed logins.
 */
export function parseTrustProxy(waarde: string): number | string[] | undefined {
  const s = waarde.trim();
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const delen = s
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  return delen.length > 0 && delen.every(proxyAdresGeldig) ? delen : undefined;
}

/**
 * The environment variables Klachtregie reads, with their defaults. Everything else in the code gets
 * the typed `AppConfig` below through DI (config validated once at boot).
 */
export const envSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  // Redis Cluster (scale-out): the seed nodes; BullMQ's keys then get a hash tag (QUEUE_PREFIX in braces).
  REDIS_CLUSTER_NODES: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .refine((v) => parseClusterNodes(v) !== undefined, { message: 'expected host:port,host:port,... or redis://host:port,...' })
      .optional(),
  ),
  KLACHTREGIE_DATA_DIR: z.string().min(1).default('./.klachtregie'),
  DEFINITIONS_DIR: z.string().min(1).default('./definitions'),
  // The gemeenten's scenario suites, run by the /beheer editor on every change; unset: `scenarios` beside DEFINITIONS_DIR.
  SCENARIOS_DIR: z.string().min(1).optional(),
  ROLE: z.enum(ROLES).default('all'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('log'),
  // auto: readable lines on a terminal, one JSON object per line otherwise (files, pipes, collectors).
  LOG_FORMAT: z.enum(LOG_FORMATS).default('auto'),
  // /metrics (Prometheus): open to loopback callers only, unless a bearer token is set for scrapers.
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  SWEEP_INTERVAL_MS: positiveMs(60_000),
  TERMIJN_HORIZON_MS: positiveMs(3_600_000),
  // Klachten the engine keeps in memory after writing them (ADR 0009); 0 switches the cache off.
  ENGINE_CACHE_KLACHTEN: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  // Unset: 54329, or any free port when that one is taken (two checkouts side by side).
  EMBEDDED_POSTGRES_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]*(\{[A-Za-z0-9_:-]+\})?[A-Za-z0-9_:-]*$/)
    .refine((v) => v.length > 0)
    .default('klachtregie'),
  PUBLIC_BASE_URL: optionalUrl(['http:', 'https:']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A wait for a free pool connection longer than this is an error, not a hang (src/database/data-source-options.ts).
  DATABASE_POOL_WAIT_MS: positiveMs(30_000),
  // Unset: 10 when this process runs workers (ROLE all/worker), 3 for ROLE=api (it only adds jobs).
  QUEUE_POOL_SIZE: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(1).max(200).optional(),
  ),
  // Auth (src/modules/auth): OIDC bearer tokens next to API keys; unset = API keys only.
  OIDC_ISSUER: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  OIDC_AUDIENCE: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  OIDC_JWKS_URL: optionalUrl(['http:', 'https:']),
  OIDC_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32).optional()),
  OIDC_CLAIM_GEMEENTE: z.string().min(1).default('gemeente'),
  OIDC_CLAIM_ROL: z.string().min(1).default('rol'),
  OIDC_CLAIM_AANBIEDER: z.string().min(1).default('aanbiederId'),
  OIDC_CLAIM_AANBIEDER_GEMEENTE: z.string().min(1).default('aanbiederGemeente'),
  OIDC_CLAIM_NAAM: z.string().min(1).default('name'),
  // Webhooks (src/modules/webhooks): CloudEvents `source` and the cap on retry backoff.
  CLOUDEVENTS_SOURCE: z
    .string()
    .regex(/^urn:nld:/)
    .default('urn:nld:klachtregie'),
  WEBHOOK_MAX_BACKOFF_MS: positiveMs(3_600_000),
  // SSRF guard: webhooks never reach loopback, private, link-local or metadata addresses, unless a
  // developer switches it off for a subscriber on the own machine (never in production).
  WEBHOOK_INTERNE_ADRESSEN: z.enum(['weigeren', 'toestaan']).default('weigeren'),
  // Deliveries carry the klager's personal data: https only (AVG art. 32, BIO: encryption in transit), unless a developer
  // allows plain http for a subscriber on the own machine (never in production).
  WEBHOOK_HTTP: z.enum(['weigeren', 'toestaan']).default('weigeren'),
  // Rate limits (429 with Retry-After): requests per API key or OIDC subject, failed authentications per address.
  RATE_LIMIT_PER_MINUUT: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_MISLUKT_PER_MINUUT: z.coerce.number().int().min(1).default(60),
  // Behind a reverse proxy: which proxies to believe about the client address (Express `trust proxy`); unset: none.
  TRUST_PROXY: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .refine((v) => parseTrustProxy(v) !== undefined, { message: 'expected a hop count 1-10 or proxy addresses' })
      .optional(),
  ),
  // Zaakgericht werken (src/modules/zgw): the file with the registers per gemeente; unset = no ZGW connector.
  ZGW_CONFIG: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  ZGW_MAX_POGINGEN: z.coerce.number().int().min(1).max(1000).default(15),
  // Dossier documents and rendered letters (src/modules/dossier): in PostgreSQL (bytea) or on disk.
  DOSSIER_OPSLAG: z.enum(['postgres', 'schijf']).default('postgres'),
  DOSSIER_MAP: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
});

export type Env = z.input<typeof envSchema>;

/** What to write instead, per key: shown next to the error when the configuration is invalid. */
export const ENV_HINTS: Record<keyof z.infer<typeof envSchema>, string> = {
  PORT: 'a TCP port 1-65535, e.g. PORT=3000',
  HOST: 'an interface to listen on, e.g. HOST=0.0.0.0 or HOST=127.0.0.1',
  DATABASE_URL:
    'a PostgreSQL URL, e.g. DATABASE_URL=postgres://user:password@db.example:5432/klachtregie, or leave it unset for the embedded PostgreSQL',
  REDIS_URL: 'a Redis URL, e.g. REDIS_URL=redis://redis:6379, or leave it unset to run the job queue on PostgreSQL',
  REDIS_CLUSTER_NODES:
    'the Redis Cluster seed nodes, e.g. REDIS_CLUSTER_NODES=redis-1:6379,redis-2:6379,redis-3:6379 (or redis://user:password@redis-1:6379,...; rediss:// for TLS), instead of REDIS_URL',
  KLACHTREGIE_DATA_DIR: 'a directory for local data (embedded PostgreSQL), e.g. KLACHTREGIE_DATA_DIR=./.klachtregie',
  DEFINITIONS_DIR: "the directory with the gemeenten's definitions, e.g. DEFINITIONS_DIR=./definitions",
  SCENARIOS_DIR: "the directory with the gemeenten's scenario suites (scenarios/<definitie>/), e.g. SCENARIOS_DIR=./scenarios",
  ROLE: `one of ${ROLES.join(', ')} (all = API and workers in one process)`,
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
  LOG_FORMAT: `one of ${LOG_FORMATS.join(', ')} (auto = pretty on a terminal, JSON lines otherwise)`,
  METRICS_TOKEN:
    'a secret of at least 16 characters that Prometheus sends as Authorization: Bearer <token>, or leave it unset (then /metrics answers loopback callers only)',
  SWEEP_INTERVAL_MS: 'milliseconds between termijn sweeps, a whole number >= 1, e.g. SWEEP_INTERVAL_MS=60000',
  TERMIJN_HORIZON_MS: 'how far ahead termijn wake-ups are queued, in milliseconds, a whole number >= 1, e.g. TERMIJN_HORIZON_MS=3600000',
  ENGINE_CACHE_KLACHTEN:
    'how many klachten the engine keeps in memory after writing them, a whole number 0-1000000 (0 switches the cache off), e.g. ENGINE_CACHE_KLACHTEN=10000',
  EMBEDDED_POSTGRES_PORT:
    'a free TCP port 1-65535 for the embedded PostgreSQL, e.g. EMBEDDED_POSTGRES_PORT=54329, or leave it unset (54329, or any free port when that one is taken)',
  QUEUE_PREFIX:
    'letters, digits, _ : or -, with at most one {hash tag}, e.g. QUEUE_PREFIX=klachtregie (on a Redis Cluster it is used as {klachtregie})',
  PUBLIC_BASE_URL: 'the public http(s) URL of this service without /api/v1, e.g. PUBLIC_BASE_URL=https://klachten.gemeente.nl',
  DATABASE_POOL_SIZE: 'a whole number 1-200, e.g. DATABASE_POOL_SIZE=10',
  DATABASE_POOL_WAIT_MS:
    'milliseconds a query may wait for a free pool connection before it fails, a whole number >= 1, e.g. DATABASE_POOL_WAIT_MS=30000',
  QUEUE_POOL_SIZE:
    'a whole number 1-200 of connections per queue/worker on the PostgreSQL queue backend, e.g. QUEUE_POOL_SIZE=10, or leave it unset (10 with workers, 3 for ROLE=api)',
  OIDC_ISSUER: 'the issuer (iss) of accepted OIDC tokens, e.g. OIDC_ISSUER=https://login.gemeente.nl/realms/klachten',
  OIDC_AUDIENCE: 'the audience (aud) of accepted OIDC tokens, e.g. OIDC_AUDIENCE=klachtregie',
  OIDC_JWKS_URL:
    'the JWKS URL of the identity provider, e.g. OIDC_JWKS_URL=https://login.gemeente.nl/realms/klachten/protocol/openid-connect/certs',
  OIDC_SECRET: 'a shared HS256 secret of at least 32 characters (only when the provider signs with HS256)',
  OIDC_CLAIM_GEMEENTE: 'the token claim with the CBS gemeentecode, e.g. OIDC_CLAIM_GEMEENTE=gemeente',
  OIDC_CLAIM_ROL: 'the token claim with the role, e.g. OIDC_CLAIM_ROL=rol',
  OIDC_CLAIM_AANBIEDER: 'the token claim with the aanbieder id, e.g. OIDC_CLAIM_AANBIEDER=aanbiederId',
  OIDC_CLAIM_AANBIEDER_GEMEENTE:
    'the token claim with the gemeente whose aanbieder id it is (after a herindeling), e.g. OIDC_CLAIM_AANBIEDER_GEMEENTE=aanbiederGemeente',
  OIDC_CLAIM_NAAM: "the token claim with the person's name shown in timelines, e.g. OIDC_CLAIM_NAAM=name",
  CLOUDEVENTS_SOURCE:
    'a urn:nld: URN (NL GOV CloudEvents profile), e.g. CLOUDEVENTS_SOURCE=urn:nld:oin:00000001234567890000:systeem:klachtregie',
  WEBHOOK_MAX_BACKOFF_MS: 'the longest wait between webhook retries in ms, e.g. WEBHOOK_MAX_BACKOFF_MS=3600000',
  WEBHOOK_INTERNE_ADRESSEN:
    "weigeren (default) or toestaan: 'toestaan' lets webhooks reach loopback and private addresses, for development only",
  WEBHOOK_HTTP:
    "weigeren (default: webhook URLs must be https) or toestaan: 'toestaan' lets webhooks go unencrypted to http:// URLs, for development only",
  RATE_LIMIT_PER_MINUUT: 'requests per minute per API key or OIDC subject, e.g. RATE_LIMIT_PER_MINUUT=1200',
  RATE_LIMIT_MISLUKT_PER_MINUUT: 'failed authentications per minute per client address before 429, e.g. RATE_LIMIT_MISLUKT_PER_MINUUT=60',
  TRUST_PROXY:
    'the reverse proxies in front of the service, whose X-Forwarded-For names the client: addresses or ranges (loopback, linklocal, uniquelocal, 10.0.0.0/8, ::1), e.g. TRUST_PROXY=loopback, or the number of proxies, e.g. TRUST_PROXY=1; or leave it unset when clients connect directly',
  ZGW_CONFIG: 'the path of the ZGW registers file per gemeente (docs/zgw.md), e.g. ZGW_CONFIG=/etc/klachtregie/zgw.yaml, or leave it unset',
  ZGW_MAX_POGINGEN: 'attempts before a zaak delivery goes to the dead-letter list (vastgelopen), e.g. ZGW_MAX_POGINGEN=15',
  DOSSIER_OPSLAG: 'postgres (default: documents as bytea in the database) or schijf (files below DOSSIER_MAP)',
  DOSSIER_MAP:
    'the directory for dossier documents when DOSSIER_OPSLAG=schijf, e.g. DOSSIER_MAP=/var/lib/klachtregie/dossier (default: <KLACHTREGIE_DATA_DIR>/dossier)',
};

export interface RedisClusterConfig {
  nodes: Array<{ host: string; port: number }>;
  username?: string;
  password?: string;
  tls?: boolean;
}

/**
 * REDIS_CLUSTER_NODES: comma-separated `host:port` or `redis[s]://[user:password@]host:port` seed nodes;
 * credentials and TLS from the first node apply to all (a cluster has one ACL). Undefined when malformed.
 */
export function parseClusterNodes(waarde: string): RedisClusterConfig | undefined {
  const delen = waarde
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  if (delen.length === 0) return undefined;
  const out: RedisClusterConfig = { nodes: [] };
  for (const [i, deel] of delen.entries()) {
    let u: URL;
    try {
      u = new URL(/^[a-z]+:\/\//.test(deel) ? deel : `redis://${deel}`);
    } catch {
      return undefined;
    }
    const port = Number(u.port || 6379);
    if (!['redis:', 'rediss:'].includes(u.protocol) || !u.hostname || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
    if (u.pathname !== '' && u.pathname !== '/') return undefined; // a cluster has only database 0
    out.nodes.push({ host: u.hostname, port });
    if (i === 0) {
      if (u.username) out.username = decodeURIComponent(u.username);
      if (u.password) out.password = decodeURIComponent(u.password);
      if (u.protocol === 'rediss:') out.tls = true;
    }
  }
  return out;
}

/** The validated configuration every module receives (inject with `@Inject(APP_CONFIG)`). */
export interface AppConfig {
  port: number;
  /** PORT was set: listen there or fail. Unset: 3000, or the next free port up to 3019 (two checkouts side by side). */
  portVast: boolean;
  host: string;
  /** Absent: `npm start` runs an embedded PostgreSQL (resolved to a URL before the app module is built). */
  databaseUrl?: string;
  /** Absent (and no redisCluster): BullMQ runs on PostgreSQL (`createPostgresBackend`) in the same database. */
  redisUrl?: string;
  /** REDIS_CLUSTER_NODES: BullMQ on a Redis Cluster (src/jobs/queue-backend.ts); exclusive with redisUrl. */
  redisCluster?: RedisClusterConfig;
  dataDir: string;
  definitionsDir: string;
  /** SCENARIOS_DIR, or `scenarios` beside definitionsDir: the suites the /beheer editor runs (scenarios/<definitie>/). */
  scenariosDir: string;
  role: Role;
  logLevel: LogLevelName;
  /** 'auto': pretty on a terminal, JSON lines otherwise (src/common/logging). */
  logFormat: LogFormatName;
  /** Bearer token for GET /metrics; absent = loopback callers only (src/modules/metrics). */
  metricsToken?: string;
  sweepIntervalMs: number;
  /** Termijn wake-ups due within this many ms are queued; later ones wait in PostgreSQL (ADR 0006). */
  termijnHorizonMs: number;
  /** Klachten the engine keeps in memory after writing them (ADR 0009); 0: none. */
  engineCacheKlachten: number;
  /** Absent: 54329, or any free port when that one is taken (src/database/embedded-postgres.ts). */
  embeddedPostgresPort?: number;
  /** Redis key prefix for BullMQ (the PostgreSQL backend uses its own `bullmq` schema instead). */
  queuePrefix: string;
  publicBaseUrl?: string;
  databasePoolSize: number;
  /** How long a query waits for a free connection of the pool before it fails (pg's connectionTimeoutMillis). */
  databasePoolWaitMs: number;
  /**
   * Connections per BullMQ Queue/Worker pool on the PostgreSQL queue backend; absent = by role
   * (`postgresQueuePoolSize` in src/jobs/queue-backend.ts). Unused with Redis.
   */
  queuePoolSize?: number;
  /** OIDC validation (src/modules/auth); without issuer + (jwksUrl or secret) only API keys are accepted. */
  oidcIssuer?: string;
  oidcAudience?: string;
  oidcJwksUrl?: string;
  oidcSecret?: string;
  oidcClaimGemeente: string;
  oidcClaimRol: string;
  oidcClaimAanbieder: string;
  /** Claim naming the gemeente whose id space the aanbieder id belongs to (optional in a token; default the gemeente claim). */
  oidcClaimAanbiederGemeente: string;
  /** Claim with the person's display name (OIDC standard claim `name`). */
  oidcClaimNaam: string;
  /** CloudEvents `source` of webhook notifications (NL GOV profile: a urn:nld: URN). */
  cloudEventsSource: string;
  webhookMaxBackoffMs: number;
  /** Development only: webhooks may go to loopback/private addresses (WEBHOOK_INTERNE_ADRESSEN=toestaan). */
  webhookInterneAdressenToegestaan: boolean;
  /** Development only: webhooks may go to plain http:// URLs (WEBHOOK_HTTP=toestaan); otherwise https only. */
  webhookHttpToegestaan: boolean;
  /** Requests per minute per API key or OIDC subject (429 beyond). */
  rateLimitPerMinuut: number;
  /** Failed authentications per minute per client address (429 beyond: key guessing). */
  rateLimitMisluktPerMinuut: number;
  /**
   * TRUST_PROXY: Express's `trust proxy` (hops or proxy addresses), so `req.ip` is the client behind the reverse proxy;
   * absent: the TCP peer. Set, /metrics needs METRICS_TOKEN (src/modules/metrics/metrics.route.ts).
   */
  trustProxy?: number | string[];
  /** ZGW registers per gemeente (ZGW_CONFIG, validated at boot); empty = no zaken are made. */
  zgw: ZgwGemeenteConfig[];
  /** Attempts of one zaak delivery before it is vastgelopen (dead letter). */
  zgwMaxPogingen: number;
  /** Where dossier documents and letters are kept (DossierOpslag). */
  dossierOpslag: 'postgres' | 'schijf';
  dossierMap: string;
}
