import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IMPORT_BEZIG_ROUTE, IMPORT_KLAAR_ROUTE } from '../import/import-bezig';

/** How long a key answers retries (the IETF draft leaves it to the server; clients retry within minutes). */
export const SLEUTEL_GELDIG_MS = 24 * 3600_000;
const INTERVAL_MS = 15 * 60_000;

/**
 * Purges Idempotency-Keys after their window: a stored reply may hold personal data of a dossier, and
 * the AVG (art. 5 lid 1 sub e) does not let us keep it longer than its purpose, a client's retries.
 */
@Injectable()
export class IdempotentieOpruiming implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.ruimOp().catch((e: Error) => this.logger.warn(`Opruimen mislukt: ${e.message}`)), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Deletes every key older than its window; returns how many. An import's klacht keys stay (docs/import.md):
   * they hold only a klacht id, and they are what keeps a re-run of an import file from making a second klacht.
   */
  async ruimOp(nu = new Date()): Promise<number> {
    const [, aantal] = (await this.dataSource.query(`DELETE FROM idempotentie_sleutel WHERE created_at < $1 AND route NOT IN ($2, $3)`, [
      new Date(nu.getTime() - SLEUTEL_GELDIG_MS),
      IMPORT_KLAAR_ROUTE,
      IMPORT_BEZIG_ROUTE,
    ])) as [unknown, number];
    return aantal;
  }
}
