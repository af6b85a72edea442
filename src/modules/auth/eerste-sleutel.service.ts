import { readdir } from 'node:fs/promises';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import { InjectConfig } from '../../config';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { kiesLogFormaat } from '../../common/logging/json-logger';
import { opheffing } from '../../machines/definition/gemeentecodes.data';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { ApiSleutelService } from './api-sleutel.service';

/** Advisory lock key so that two processes booting together create the first keys once. */
const EERSTE_SLEUTEL_LOCK = 5_000_451;

/** CBS codes of the gemeenten with a definitions folder (`gm0363-amsterdam` -> `GM0363`). */
export async function gemeentenUitDefinities(dir: string): Promise<string[]> {
  try {
    const namen = await readdir(dir, { withFileTypes: true });
    const codes = namen
      .filter((d) => d.isDirectory())
      .map((d) => /^gm(\d{4})(?:-|$)/i.exec(d.name)?.[1])
      .filter((c): c is string => Boolean(c))
      .map((c) => `GM${c}`);
    return [...new Set(codes)].sort();
  } catch {
    return [];
  }
}

/**
 * On the very first start (no API keys at all) create one beheerder key per gemeente found in the
 * definitions and print each ONCE: the hash is all that is stored, so it can never be shown again.
 */
@Injectable()
export class EersteSleutelService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sleutels: ApiSleutelService,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') return;
    const gemaakt = await this.maakEersteSleutels();
    if (gemaakt.length === 0) return;
    const regels = gemaakt.map((g) => `  ${g.gemeente}  ${g.sleutel}`);
    // Straight to stdout, not through the logger: with LOG_LEVEL=error the keys would otherwise be
    // lost, and they can never be shown again.
    this.logger.warn('Eerste start: beheerder-API-sleutels aangemaakt (zie hieronder, eenmalig getoond).');
    if (kiesLogFormaat(this.config.logFormat, process.stdout.isTTY === true) === 'json') {
      // Log collectors read one JSON object per line: one line per key, still shown once.
      for (const g of gemaakt) {
        const msg = `Eerste beheerder-API-sleutel voor ${g.gemeente} (eenmalig getoond): ${g.sleutel}`;
        process.stdout.write(
          `${JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg, context: 'Auth', gemeente: g.gemeente })}\n`,
        );
      }
      return;
    }
    process.stdout.write(
      [
        '',
        '================================================================================',
        'Eerste start: voor elke gemeente is een beheerder-API-sleutel gemaakt.',
        'Deze sleutels worden NU EENMALIG getoond en zijn daarna niet meer op te vragen.',
        'Bewaar ze veilig. Sleutels voor andere rollen: npx klachtregie sleutel uitgeven (op de server), of OIDC.',
        ...regels,
        '================================================================================',
        '',
      ].join('\n'),
    );
  }

  /** Creates the keys when there are none; returns what was created (empty on every later start). */
  async maakEersteSleutels(): Promise<{ gemeente: string; sleutel: string }[]> {
    const dag = vandaagVan(this.klok);
    // Not for a gemeente opgeheven at a herindeling: its keys are refused (AuthGuard); the gemeente it went into has its own.
    const gemeenten = (await gemeentenUitDefinities(this.config.definitionsDir)).filter((g) => !opheffing(g, dag));
    if (gemeenten.length === 0) return [];
    // READ COMMITTED, whatever the server's default: the count after the lock must see the keys another process's first
    // start committed while this one waited; under REPEATABLE READ the snapshot predates the wait and both make keys.
    return this.dataSource.transaction('READ COMMITTED', async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [EERSTE_SLEUTEL_LOCK]);
      const repo = em.getRepository(ApiSleutelEntity);
      if ((await repo.count()) > 0) return [];
      const out: { gemeente: string; sleutel: string }[] = [];
      for (const gemeente of gemeenten) {
        const { sleutel } = await this.sleutels.maak({ gemeente, rol: 'beheerder', naam: 'Eerste beheerder-sleutel' }, repo);
        out.push({ gemeente, sleutel });
      }
      return out;
    });
  }
}
