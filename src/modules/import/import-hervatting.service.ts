import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EenTegelijk } from '../../common/een-tegelijk';
import { APP_CONFIG, type AppConfig } from '../../config';
import { ImportService, SCOPE_SERVER } from './import.service';

/**
 * Takes up the imports sent through the API (POST /imports works them in the background of the process that took the
 * request) when that process stopped midway (SIGTERM, a crash): before, they stayed `bezig`, and a klacht whose line was
 * cut off stayed import-bezig, none of its termijnen firing, until a beheerder called hervatten. In processes with
 * workers (ROLE all or worker), at boot and every SWEEP_INTERVAL_MS after (an API-only process that stops boots no
 * worker). The import's advisory lock keeps this sound: an import another live process works on is skipped at once
 * (verwerk returns). Imports of `klachtregie import` (scope `*`) are left to that command run again (docs/import.md):
 * a file an operator runs by hand is not taken up behind their back.
 */
@Injectable()
export class ImportHervatting implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Import');
  private readonly eenTegelijk = new EenTegelijk('Import hervatten', this.logger);
  private timer?: NodeJS.Timeout;
  private gestopt = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    void this.hervat();
    this.timer = setInterval(() => void this.hervat(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  /** Before the pool closes; the import itself stops after the lines in flight (ImportService). */
  async beforeApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    if (this.timer) clearInterval(this.timer);
    await this.eenTegelijk.klaar();
  }

  /** Works every API import still `bezig`, oldest first; returns when done (a shared run if one is going). */
  hervat(): Promise<void> {
    return this.eenTegelijk.run(async () => {
      const open = (await this.dataSource.query(
        `SELECT id FROM klacht_import WHERE status = 'bezig' AND scope <> $1 ORDER BY created_at, id`,
        [SCOPE_SERVER],
      )) as Array<{ id: string }>;
      for (const { id } of open) {
        if (this.gestopt) return;
        // One import that cannot go on (its lines keep failing the same way) must not hold up the imports after it.
        try {
          const stand = await this.imports.verwerk(id);
          if (stand.status === 'klaar') this.logger.log(`Import ${id} hervat en afgerond`);
        } catch (e) {
          this.logger.error(`Import ${id} kon niet worden hervat: ${(e as Error).message}; de volgende ronde probeert het opnieuw`);
        }
      }
    });
  }
}
