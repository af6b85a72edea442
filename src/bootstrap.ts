import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttpApp } from './common/http-app';
import { KlachtregieLogger, kiesLogFormaat } from './common/logging/json-logger';
import { AppConfig, loadConfigOrExit, processEnv } from './config';
import { resolveDatabase, ResolvedDatabase } from './database/database-runtime';
import { portIsFree } from './database/embedded-postgres';

const SHUTDOWN_TIMEOUT_MS = 20_000;

/** Without PORT: 3000, or the next free one up to this many further (a second checkout side by side). */
const VRIJE_POORTEN = 19;

/** Listens on PORT; without PORT on the first free port from 3000 on. Returns the port. */
async function listenOnFreePort(app: NestExpressApplication, config: AppConfig): Promise<number> {
  for (let port = config.port; ; port++) {
    // Ask first, so a taken port is skipped without Nest logging a listen error for it.
    const laatste = config.portVast || port >= config.port + VRIJE_POORTEN;
    if (!laatste && !(await portIsFree(port, config.host))) continue;
    try {
      await app.listen(port, config.host);
      return port;
    } catch (e) {
      const bezet = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!bezet || config.portVast || port >= config.port + VRIJE_POORTEN || port >= 65535) throw e;
    }
  }
}

/** What a process has started so far, so a signal at any moment stops exactly that, in order. */
interface Running {
  app?: INestApplicationContext;
  /** Resolving (maybe initialising and starting the embedded PostgreSQL) or resolved. */
  database?: Promise<ResolvedDatabase>;
  /** A signal came: the stop handler owns the exit from here on. */
  stopping?: boolean;
}

/**
 * Orderly stop on SIGINT/SIGTERM/SIGHUP, installed before anything starts: Nest closes HTTP,
 * workers, queues and the TypeORM pool first (app.close runs every shutdown hook), and only then
 * the embedded PostgreSQL goes down. A signal during boot (initdb, migrations) stops what has
 * started so far; without a handler node would die at once and leave the database running.
 */
function stopOnSignals(running: Running, logger: Logger): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (running.stopping) return;
    running.stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => {
      logger.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting.`);
      void (running.database ?? Promise.resolve(undefined))
        .then((database) => database?.stop())
        .catch(() => undefined)
        .finally(() => process.exit(1));
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    let code = 0;
    try {
      await running.app?.close();
    } catch (e) {
      code = 1;
      logger.error(`Closing the application failed: ${(e as Error).stack ?? e}`);
    }
    try {
      // A signal while the embedded PostgreSQL is still starting waits for it, then stops it.
      const database = await running.database?.catch(() => undefined);
      await database?.stop();
      if (database?.embedded) logger.log('Embedded PostgreSQL stopped');
    } catch (e) {
      code = 1;
      logger.error(`Stopping the embedded PostgreSQL failed: ${(e as Error).message}`);
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (s) => void stop(s));
}

/**
 * Starts the service for a role: 'all' (API and workers, the default) and 'api' listen on HTTP,
 * 'worker' runs jobs without HTTP. Used by main.ts and worker.ts.
 */
export async function run(roleOverride?: AppConfig['role']): Promise<void> {
  const loaded = loadConfigOrExit();
  const config: AppConfig = roleOverride ? { ...loaded, role: roleOverride } : loaded;
  // One logger for Nest, TypeORM (query-logger.ts) and our own classes: JSON lines unless a terminal.
  const format = kiesLogFormaat(config.logFormat, process.stdout.isTTY === true);
  const service = new KlachtregieLogger({
    level: config.logLevel,
    format,
    kleur: format === 'pretty' && process.stdout.isTTY === true && !processEnv().NO_COLOR,
  });
  Logger.overrideLogger(service);
  const logger = new Logger('Klachtregie');
  const running: Running = {};
  stopOnSignals(running, logger);

  let database: ResolvedDatabase;
  try {
    running.database = resolveDatabase(config, (m) => logger.log(m));
    database = await running.database;
  } catch (e) {
    if (running.stopping) return;
    logger.fatal((e as Error).message);
    process.exit(1);
  }
  logger.log(`Database: ${database.displayUrl}${database.embedded ? ' (embedded PostgreSQL)' : ''}`);
  const resolved: AppConfig = { ...config, databaseUrl: database.url };

  try {
    if (config.role === 'worker') {
      const context = await NestFactory.createApplicationContext(AppModule.forRoot(resolved), {
        logger: service,
        // Let the catch below stop the embedded PostgreSQL in order instead of Nest's process.exit(1).
        abortOnError: false,
      });
      running.app = context;
      await context.init();
      logger.log('Worker running (no HTTP)');
    } else {
      const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(resolved), {
        logger: service,
        abortOnError: false,
      });
      running.app = app;
      configureHttpApp(app);
      const port = await listenOnFreePort(app, config);
      const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
      logger.log(
        `Listening on ${base} (API ${base}/api/v1, reference ${base}/api/v1/docs; role ${config.role})` +
          (port !== config.port ? ` — port ${config.port} was in use, set PORT to fix one` : ''),
      );
    }
  } catch (e) {
    if (running.stopping) return; // boot interrupted by a signal: not a failure
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      logger.fatal(`PORT ${config.port} is already in use (another Klachtregie?). Set PORT to a free port, e.g. PORT=${config.port + 1}.`);
    } else {
      // Nest has logged the error with its stack already.
      logger.fatal(`Start failed: ${(e as Error).message ?? e}`);
    }
    await running.app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(1);
  }
}
