import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

export type QueryLogNiveau = 'error' | 'warn' | 'log' | 'debug';

/** Where a log line goes (the service's logger, one JSON line per event; a collector in the spec). */
export type LogSchrijver = (regel: string, niveau: QueryLogNiveau) => void;

const naarServiceLogger = (): LogSchrijver => {
  const logger = new Logger('Database');
  return (regel, niveau) => logger[niveau](regel);
};

/**
 * TypeORM's logger without the query parameters: those carry the klager's onderwerp, feiten and
 * registration (AVG art. 5 lid 1 sub c and f: logs are no second copy of the dossier). A failed query
 * is logged with its SQL text and the database's error code and message, which is what an operator needs.
 */
export class ZonderParametersLogger implements TypeOrmLogger {
  constructor(
    private readonly schrijf: LogSchrijver = naarServiceLogger(),
    private readonly queries = false,
  ) {}

  logQuery(query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    if (this.queries) this.schrijf(`query: ${eenRegel(query)}`, 'log');
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    const e = error as Error & { code?: string };
    this.schrijf(
      `query failed${e.code ? ` (${e.code})` : ''}: ${typeof error === 'string' ? error : error.message} — ${eenRegel(query)}`,
      'error',
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.schrijf(`query slow (${time} ms): ${eenRegel(query)}`, 'warn');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.schrijf(`migration: ${message}`, 'log');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.schrijf(`typeorm: ${String(message)}`, 'warn');
  }
}

function eenRegel(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 500);
}
