import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueBackendInfo } from '../../jobs/queue-backend';
import type { HealthDto } from './health.controller';

const TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueBackendInfo,
  ) {}

  async check(): Promise<HealthDto> {
    const [database, queue] = await Promise.all([
      within(this.dataSource.query('select 1'), TIMEOUT_MS).then(
        () => 'ok' as const,
        (e: Error) => {
          this.logger.warn(`database: ${e.message}`);
          return 'down' as const;
        },
      ),
      this.queue.ping(TIMEOUT_MS).then(
        () => 'ok' as const,
        (e: Error) => {
          this.logger.warn(`queue (${this.queue.backend}): ${e.message}`);
          return 'down' as const;
        },
      ),
    ]);
    return {
      status: database === 'ok' && queue === 'ok' ? 'ok' : 'down',
      database,
      queue: { backend: this.queue.backend, status: queue },
    };
  }
}
