import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { processEnv } from '../config/load-config';

/** A running embedded PostgreSQL that this process owns (docs/adr/0002-embedded-postgres-and-postgres-queue-by-default.md: `npm start` needs only Node). */
export interface EmbeddedPostgresHandle {
  /** Connection URL with the password, for the app's own use. */
  url: string;
  /** The same URL with the password masked, for logs. */
  displayUrl: string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** KLACHTREGIE_DATA_DIR; the cluster lives in `<dataDir>/pg` (as root, maybe elsewhere: see clusterHome). */
  dataDir: string;
  /** EMBEDDED_POSTGRES_PORT: this port or fail. Unset: 54329 when free, else any free port. */
  port?: number;
  database?: string;
  log?: (message: string) => void;
  /**
   * Use a server that another process (the running service) already started on this data dir,
   * instead of refusing; stop() then leaves it running. For the CLI (`klachtregie sleutel`).
   */
  deelMetDraaiende?: boolean;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Credentials {
  user: string;
  password: string;
}

/** The port tried first when EMBEDDED_POSTGRES_PORT is unset (stable across starts, easy to psql into). */
export const VOORKEUR_POORT = 54329;

/**
 * As root, where the cluster and a copy of the binaries go when the 'postgres' user cannot reach
 * the project (a checkout under /root, mode 700): a directory every user can traverse.
 */
export const ROOT_UITWIJK = '/var/lib/klachtregie';

const execFileAsync = promisify(execFile);

interface Binaries {
  pg_ctl: string;
  initdb: string;
}

/**
 * Paths of the platform binaries (the optional dependency `embedded-postgres` brings the package of
 * this platform). Loaded only when DATABASE_URL is unset; a production image installed with
 * --omit=optional has none, and says so.
 */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL is not installed (${name} is missing: installed with --omit=optional, as in the production image, ` +
        `or an unsupported platform). Set DATABASE_URL=postgres://... to use a PostgreSQL server.`,
    );
  }
}

type Ids = { uid?: number; gid?: number };

/** uid/gid of the 'postgres' system user when we are root (PostgreSQL refuses to run as root); created when missing. */
async function postgresGebruiker(isRoot: boolean): Promise<Ids> {
  if (!isRoot) return {};
  const lees = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  };
  try {
    return await lees();
  } catch {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']).catch(
      (e: Error) => {
        throw new EmbeddedPostgresError(
          `Running as root, the embedded PostgreSQL needs a 'postgres' user, and creating it failed: ${e.message}`,
        );
      },
    );
    return lees();
  }
}

/** Whether the 'postgres' user can run `file --version` / enter `dir` (every parent must be traversable). */
const kanUitvoeren = (ids: Ids, file: string) =>
  execFileAsync(file, ['--version'], ids).then(
    () => true,
    () => false,
  );
const kanBinnen = (ids: Ids, dir: string) =>
  execFileAsync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], ids).then(
    () => true,
    () => false,
  );

/**
 * A copy of the platform's PostgreSQL (bin, lib, share; ~60 MB) under ROOT_UITWIJK, made once per
 * version: the 'postgres' user cannot execute the binaries inside a checkout it cannot enter.
 * Copied to a temporary name and renamed, so a copy interrupted halfway is never used.
 */
async function binariesBuitenProject(bin: Binaries): Promise<Binaries> {
  const native = dirname(dirname(bin.pg_ctl));
  const pkg = JSON.parse(await readFile(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const doel = join(ROOT_UITWIJK, `postgres-${pkg.version}-${platform()}-${arch()}`);
  if (!existsSync(join(doel, 'bin', 'pg_ctl'))) {
    await mkdir(ROOT_UITWIJK, { recursive: true, mode: 0o755 });
    await chmod(ROOT_UITWIJK, 0o755);
    const tijdelijk = `${doel}.${process.pid}.tmp`;
    await rm(tijdelijk, { recursive: true, force: true });
    await execFileAsync('cp', ['-a', native, tijdelijk]);
    await execFileAsync('chmod', ['-R', 'a+rX', tijdelijk]);
    await rename(tijdelijk, doel).catch(async (e: NodeJS.ErrnoException) => {
      // Another process made the same copy first: use theirs.
      await rm(tijdelijk, { recursive: true, force: true });
      if (!existsSync(join(doel, 'bin', 'pg_ctl'))) throw e;
    });
  }
  return { pg_ctl: join(doel, 'bin', 'pg_ctl'), initdb: join(doel, 'bin', 'initdb') };
}

/**
 * Where the cluster (`pg/`) and its credentials live: KLACHTREGIE_DATA_DIR, or, as root when the
 * 'postgres' user cannot enter it, a directory under ROOT_UITWIJK named after it (the same one on
 * every start), with a note in KLACHTREGIE_DATA_DIR that says where.
 */
async function clusterHome(dataDir: string, ids: Ids, log: (m: string) => void): Promise<string> {
  if (ids.uid === undefined || (await kanBinnen(ids, dataDir))) return dataDir;
  const home = uitwijkHome(dataDir);
  await mkdir(home, { recursive: true, mode: 0o755 });
  for (const d of [ROOT_UITWIJK, join(ROOT_UITWIJK, 'embedded'), home]) await chmod(d, 0o755);
  const notitie = join(dataDir, 'POSTGRES-ELDERS.txt');
  if (!existsSync(notitie)) {
    await writeFile(
      notitie,
      `Klachtregie draait als root in een map waar de gebruiker 'postgres' niet in kan (bijv. /root, modus 700).\n` +
        `De ingebouwde PostgreSQL bewaart zijn gegevens daarom in:\n  ${home}\n` +
        `Verwijder die map ook als u deze gegevens wilt wissen.\n`,
    );
    log(`Running as root in a directory the 'postgres' user cannot enter: the embedded PostgreSQL keeps its data in ${home}`);
  }
  return home;
}

/** The directory under ROOT_UITWIJK for the cluster of KLACHTREGIE_DATA_DIR `dataDir` (stable per path). */
export function uitwijkHome(dataDir: string): string {
  return join(ROOT_UITWIJK, 'embedded', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
}

/** Whether `port` on `host` can be bound now (the embedded PostgreSQL's, and the HTTP port without PORT). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free now. */
function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster of this cluster when it runs: its pid and port (postmaster.pid lines 1 and 4). */
async function draaiendePostmaster(pgDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const regels = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(regels[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined;
  return { pid, port: Number(regels[3]) };
}

async function credentials(home: string): Promise<Credentials> {
  const file = join(home, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  // A random password per data dir: the cluster listens on 127.0.0.1 only, but other local users exist.
  const created: Credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(created, null, 2) + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return created;
}

/** Runs a PostgreSQL program (as 'postgres' when root); resolves with its output, rejects with it. */
function draai(file: string, args: string[], ids: Ids): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    // pg_ctl detaches the postmaster into its own session, so a Ctrl-C in the terminal (SIGINT to
    // the foreground process group) reaches node only, and node stops PostgreSQL after the app closed.
    const child = spawn(file, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...processEnv(), LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ ok: false, output: `${output}${e.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** initdb (UTF8 whatever the host locale; scram-sha-256 with the password from a file only 'postgres' reads). */
async function initialiseer(bin: Binaries, pgDir: string, creds: Credentials, ids: Ids): Promise<void> {
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await chown(pgDir, ids.uid, ids.gid!);
  const pwFile = join(tmpdir(), `klachtregie-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${creds.password}\n`, { mode: 0o600 });
  try {
    if (ids.uid !== undefined) await chown(pwFile, ids.uid, ids.gid!);
    const r = await draai(
      bin.initdb,
      [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${creds.user}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale'],
      ids,
    );
    if (!r.ok) throw new Error(r.output.trim());
  } finally {
    await unlink(pwFile).catch(() => undefined);
  }
}

/**
 * Starts (and on first use initialises) a real PostgreSQL from the platform package of
 * `embedded-postgres`, with its data in `<dataDir>/pg`, and creates the database if it is missing.
 * Reuses the cluster on later starts. Listens on 127.0.0.1 only; without EMBEDDED_POSTGRES_PORT
 * on 54329, or any free port when that one is taken (another checkout, another PostgreSQL).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir } = options;
  const database = options.database ?? 'klachtregie';
  const log = options.log ?? (() => undefined);
  await mkdir(dataDir, { recursive: true });

  // PostgreSQL refuses to run as root: then initdb and the server run as the 'postgres' user.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let bin = await binaries();
  const ids = await postgresGebruiker(isRoot);
  if (ids.uid !== undefined && !(await kanUitvoeren(ids, bin.pg_ctl))) bin = await binariesBuitenProject(bin);
  const home = await clusterHome(dataDir, ids, log);
  const pgDir = join(home, 'pg');
  const creds = await credentials(home);
  const urlVoor = (port: number) => `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}`;

  const draaiend = await draaiendePostmaster(pgDir);
  if (draaiend && options.deelMetDraaiende) {
    return {
      url: `${urlVoor(draaiend.port)}/${database}`,
      displayUrl: `postgres://${creds.user}:***@127.0.0.1:${draaiend.port}/${database}`,
      dataDir: pgDir,
      port: draaiend.port,
      stop: async () => undefined, // not ours to stop
    };
  }
  if (draaiend) {
    throw new EmbeddedPostgresError(
      `An embedded PostgreSQL is already running on ${pgDir} (pid ${draaiend.pid}): another Klachtregie process, or one that ` +
        `was killed without shutting down. Stop it (kill ${draaiend.pid}) and start again; to run the API and the worker as ` +
        `separate processes, give both the same DATABASE_URL instead of the embedded PostgreSQL.`,
    );
  }
  if (options.port !== undefined && !(await portIsFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} for the embedded PostgreSQL is already in use. Set EMBEDDED_POSTGRES_PORT to a free port ` +
        `(e.g. EMBEDDED_POSTGRES_PORT=${options.port + 1}), leave it unset to let Klachtregie pick one, or set DATABASE_URL=postgres://... to use an existing PostgreSQL.`,
    );
  }

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    if (existsSync(pgDir) && (await readdir(pgDir)).length > 0) {
      throw new EmbeddedPostgresError(
        `${pgDir} exists but is not a PostgreSQL data directory (an interrupted first start?). Remove it and start again.`,
      );
    }
    log(`Initialising the embedded PostgreSQL in ${pgDir} (first start)`);
    try {
      await initialiseer(bin, pgDir, creds, ids);
    } catch (e) {
      await rm(pgDir, { recursive: true, force: true }).catch(() => undefined);
      throw new EmbeddedPostgresError(`Could not initialise the embedded PostgreSQL in ${pgDir}: ${(e as Error).message}`);
    }
  }

  const logFile = join(pgDir, 'postgres.log');
  // Two checkouts starting at the same moment may both find a port free: try another on a bind failure.
  let port = options.port ?? ((await portIsFree(VOORKEUR_POORT)) ? VOORKEUR_POORT : await anyFreePort());
  for (let poging = 1; ; poging++) {
    const started = await draai(
      bin.pg_ctl,
      ['start', '-w', '-t', '60', '-D', pgDir, '-l', logFile, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200`],
      ids,
    );
    if (started.ok) break;
    const tail = existsSync(logFile) ? (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n') : '';
    if (options.port === undefined && poging < 3 && /could not bind|address already in use/i.test(tail)) {
      port = await anyFreePort();
      continue;
    }
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start on port ${port}:\n${started.output.trim()}\n${tail}`);
  }
  const postmasterPid = Number((await readFile(join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  // Safety net: if node exits without the orderly stop (process.exit, a crash), take the server down too.
  const onExit = () => {
    try {
      process.kill(postmasterPid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  const stopServer = async () => {
    process.removeListener('exit', onExit);
    const stopped = await draai(bin.pg_ctl, ['stop', '-w', '-t', '30', '-D', pgDir, '-m', 'fast'], ids);
    if (!stopped.ok && processAlive(postmasterPid)) throw new EmbeddedPostgresError(`pg_ctl stop failed: ${stopped.output.trim()}`);
  };

  const base = urlVoor(port);
  try {
    const client = new Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) {
        await client.query(`create database ${client.escapeIdentifier(database)}`);
        log(`Created database ${database}`);
      }
    } finally {
      await client.end();
    }
  } catch (e) {
    await stopServer().catch(() => undefined);
    throw e;
  }

  let stopped = false;
  return {
    url: `${base}/${database}`,
    displayUrl: `postgres://${creds.user}:***@127.0.0.1:${port}/${database}`,
    dataDir: pgDir,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopServer();
    },
  };
}
