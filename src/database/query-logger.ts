import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/** Where a log line goes (stderr in the service; a collector in the spec). */
export type LogSchrijver = (regel: string) => void;

/**
 * TypeORM's logger without the query parameters: those carry the klager's onderwerp, feiten and
 * registration (AVG art. 5 lid 1 sub c and f: logs are no second copy of the dossier). A failed query
 * is logged with its SQL text and the database's error code and message, which is what an operator needs.
 */
export class ZonderParametersLogger implements TypeOrmLogger {
  constructor(
    private readonly schrijf: LogSchrijver = (r) => process.stderr.write(`${r}\n`),
    private readonly queries = false,
  ) {}

  logQuery(query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    if (this.queries) this.schrijf(`query: ${eenRegel(query)}`);
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    const e = error as Error & { code?: string };
    this.schrijf(`query failed${e.code ? ` (${e.code})` : ''}: ${typeof error === 'string' ? error : error.message} — ${eenRegel(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.schrijf(`query slow (${time} ms): ${eenRegel(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.schrijf(`migration: ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.schrijf(`typeorm: ${String(message)}`);
  }
}

function eenRegel(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 500);
}
