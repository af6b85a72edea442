import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type AppConfig, InjectConfig } from '../../config';
import type { ZgwGemeenteConfig } from '../../config/zgw-config';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { gemeentenVan, opvolgerVan, opvolgersVan } from '../../machines/definition/gemeentecodes.data';
import { KlachtEntity } from '../klachten/klacht.entity';
import { wachttijd } from '../../common/wachttijd';
import { ZgwClient, ZgwFout } from './zgw-client';
import { ZgwQueue } from './zgw-queue';
import {
  CatalogusCache,
  ZGW_DOCUMENT_BRONNEN,
  ZgwSynchronisatie,
  type SynchronisatieUitkomst,
  type ZgwDocumentBron,
  type ZgwWijziging,
} from './zgw-synchronisatie';
import { ZgwZaakEntity } from './zgw-zaak.entity';

export type ZgwAfleverUitkomst = 'afgeleverd' | 'mislukt' | 'vastgelopen' | 'bezig' | 'nog-niet' | 'niets-te-doen';

/**
 * Delivers klachten to the gemeente's ZGW registers (docs/zgw.md), on the durable pattern of the
 * webhooks: PostgreSQL (`zgw_zaak`) is the truth, BullMQ only wakes the processor, a sweep re-plans
 * whatever is due. Runs of one klacht are serialised by an advisory lock; a run that fails is retried
 * with capped backoff and after ZGW_MAX_POGINGEN attempts is `vastgelopen` (the dead-letter list), at once when a retry
 * cannot help (ZgwFout.blijvend: no koppeling, an eindstatus without resultaat).
 */
@Injectable()
export class ZgwAfleveringService {
  private readonly logger = new Logger('Zgw');
  private readonly catalogi = new CatalogusCache();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: ZgwQueue,
    @Inject(KLOK) private readonly klok: Klok,
    @Optional() @Inject(ZGW_DOCUMENT_BRONNEN) private readonly documentBronnen: ZgwDocumentBron[] = [],
  ) {}

  gemeente(code: string): ZgwGemeenteConfig | undefined {
    return this.config.zgw.find((g) => g.gemeente === code && g.aan);
  }

  /** The klachten of `code` today: its own and, after a herindeling, the dissolved gemeente's (Wet arhi art. 40 e.v.). */
  private klachtGemeenten(code: string): string[] {
    return gemeentenVan(code, vandaagVan(this.klok));
  }

  /**
   * The register a klacht of `code` goes to: after a herindeling the successor's, which took over the dissolved
   * gemeente's matters (Wet arhi art. 40 e.v.) and its zaken; else (or when the successor has none) its gemeente's own.
   * A zaak already made (`zaakUrl` recorded) stays in the register that holds it, as long as that register is configured
   * for the klacht's gemeente or a successor (only those: tenancy), so a zaak of the dissolved gemeente's register from
   * before the herindeling is updated there, not made a second time. A recorded zaak in none of them: a blijvend ZgwFout.
   */
  private configVoorKlacht(code: string, zaakUrl: string | null): ZgwGemeenteConfig | ZgwFout | undefined {
    const dag = vandaagVan(this.klok);
    const standaard = this.gemeente(opvolgerVan(code, dag)) ?? this.gemeente(code);
    if (!zaakUrl || !standaard) return standaard;
    const kandidaten = this.registersVan(code);
    const houder = kandidaten.find((g) => zaakUrl.startsWith(g.zakenApi + '/'));
    if (houder) return houder;
    return new ZgwFout(
      `De zaak ${zaakUrl} staat in geen Zaken API die in ZGW_CONFIG aan staat voor ${kandidaten.map((g) => g.gemeente).join(' of ')} ` +
        `(${kandidaten.map((g) => g.zakenApi).join(', ')}). Zet het register dat de zaak houdt (weer) in ZGW_CONFIG, of breng de zaak ` +
        `over naar het register van ${standaard.gemeente} en leg haar nieuwe URL vast in zgw_zaak.zaak_url; zet de aflevering dan opnieuw in de rij.`,
      null,
      undefined,
      true,
    );
  }

  /**
   * The registers that may hold the zaak of a klacht of `code`: those configured (and on) for its gemeente and its
   * opvolgers, in that order. Only these (tenancy): a recorded zaak stays in the one that holds it (configVoorKlacht),
   * and without a recorded URL each is searched before a create, since after a herindeling a create sent to the
   * dissolved gemeente's register just before it may have arrived there unanswered (run).
   */
  private registersVan(code: string): ZgwGemeenteConfig[] {
    return opvolgersVan(code, vandaagVan(this.klok)).flatMap((g) => this.gemeente(g) ?? []);
  }

  /**
   * `verantwoordelijke`: the RSIN of the gemeente that handles the klacht today (Zaken API 1.5.1 verantwoordelijkeOrganisatie),
   * when it is not the register's own (verantwoordelijkeVan).
   */
  synchronisatie(cfg: ZgwGemeenteConfig, verantwoordelijke?: string): ZgwSynchronisatie {
    return new ZgwSynchronisatie(
      new ZgwClient(cfg, () => this.klok.nu()),
      this.config.definitionsDir,
      this.documentBronnen ?? [],
      this.catalogi,
      verantwoordelijke,
    );
  }

  /**
   * The RSIN of the gemeente that handles a klacht of `code` today: after a herindeling the successor's (Wet arhi art. 40),
   * from its entry in ZGW_CONFIG; undefined when it has none (the register's own gemeente is then named).
   */
  private verantwoordelijkeVan(code: string): string | undefined {
    return this.gemeente(opvolgerVan(code, vandaagVan(this.klok)))?.rsin;
  }

  /** Outbox: a change of these klachten may concern their zaak (one generatie more, due now). */
  async markeer(klachtIds: string[]): Promise<{ klachtId: string; generatie: number }[]> {
    if (this.config.zgw.length === 0 || klachtIds.length === 0) return [];
    const gemeenten = this.config.zgw.filter((g) => g.aan).flatMap((g) => this.klachtGemeenten(g.gemeente));
    return (await this.dataSource.query(
      `INSERT INTO zgw_zaak (klacht_id, gemeente)
         SELECT k.id, k.gemeente FROM klacht k WHERE k.id = ANY($1) AND k.gemeente = ANY($2)
       ON CONFLICT (klacht_id) DO UPDATE
         SET generatie = zgw_zaak.generatie + 1, status = 'wachtend', next_attempt_at = now(), updated_at = now()
       RETURNING klacht_id AS "klachtId", generatie`,
      [klachtIds, gemeenten],
    )) as { klachtId: string; generatie: number }[];
  }

  /** One delivery run for a klacht (the queue's processor, the sweep, tests). */
  async lever(klachtId: string): Promise<ZgwAfleverUitkomst> {
    return (await this.run(klachtId, false)).uitkomst;
  }

  /**
   * `zgw reconcile`: compares every klacht of the gemeente with its zaak in the register and repairs
   * what differs (a missing zaak, status, rol, document or resultaat, a wrong uiterlijkeEinddatumAfdoening
   * or verlenging), whatever the delivery state; vastgelopen ones included.
   */
  async reconcile(
    gemeente: string,
    klachtIds?: string[],
  ): Promise<{ klachtId: string; uitkomst: ZgwAfleverUitkomst; wijzigingen: ZgwWijziging[]; fout?: string }[]> {
    if (!this.gemeente(gemeente)) throw new Error(`ZGW staat niet aan voor ${gemeente} (ZGW_CONFIG)`);
    const ids =
      klachtIds ??
      (
        (await this.dataSource.query(`SELECT id FROM klacht WHERE gemeente = ANY($1::text[]) ORDER BY ontvangen_op, id`, [
          this.klachtGemeenten(gemeente),
        ])) as { id: string }[]
      ).map((r) => r.id);
    const uit: { klachtId: string; uitkomst: ZgwAfleverUitkomst; wijzigingen: ZgwWijziging[]; fout?: string }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const deel = ids.slice(i, i + 500);
      // Rows for klachten from before ZGW was switched on, as pending: the run below records the outcome.
      await this.markeer(deel);
      for (const id of deel) uit.push({ klachtId: id, ...(await this.run(id, true)) });
    }
    return uit;
  }

  private async run(
    klachtId: string,
    altijd: boolean,
  ): Promise<{ uitkomst: ZgwAfleverUitkomst; wijzigingen: ZgwWijziging[]; fout?: string }> {
    let vervolg: { sleutel: string; delay: number } | undefined;
    const uitkomst = await this.dataSource.transaction(
      async (m): Promise<{ uitkomst: ZgwAfleverUitkomst; wijzigingen: ZgwWijziging[]; fout?: string }> => {
        const niets = (u: ZgwAfleverUitkomst) => ({ uitkomst: u, wijzigingen: [] });
        // One run per klacht at a time (across processes); the outbox may bump generatie meanwhile.
        const [{ vrij }] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 16)) AS vrij`, [klachtId])) as {
          vrij: boolean;
        }[];
        if (!vrij) return niets('bezig');
        const rij = await m.findOneBy(ZgwZaakEntity, { klachtId });
        if (!rij || (!altijd && rij.status !== 'wachtend')) return niets('niets-te-doen');
        if (!altijd && new Date(rij.nextAttemptAt).getTime() > Date.now()) return niets('nog-niet');
        const cfg = this.configVoorKlacht(rij.gemeente, rij.zaakUrl);
        const klacht = await m.findOneBy(KlachtEntity, { id: klachtId });
        if (!cfg || !klacht) {
          await this.leg(m, klachtId, rij.generatie, 'afgeleverd', {
            afgeleverdGeneratie: rij.generatie,
            lastError: cfg ? 'klacht bestaat niet meer' : 'ZGW staat uit voor deze gemeente',
          });
          return niets('niets-te-doen');
        }
        let zaakUrl = rij.zaakUrl;
        let r: SynchronisatieUitkomst;
        try {
          // The recorded zaak is in no configured register: vastgelopen at once, with what to do.
          if (cfg instanceof ZgwFout) throw cfg;
          // No zaak recorded: the other registers of the klacht's gemeente and its opvolgers are searched before a create.
          const verantwoordelijke = this.verantwoordelijkeVan(rij.gemeente);
          const anderen = zaakUrl
            ? []
            : this.registersVan(rij.gemeente).flatMap((g) => (g === cfg ? [] : [this.synchronisatie(g, verantwoordelijke)]));
          r = await this.synchronisatie(cfg, verantwoordelijke).synchroniseer(m, klacht, zaakUrl, (url) => (zaakUrl = url), anderen);
        } catch (e) {
          const poging = rij.attempts + 1;
          // A refusal that no retry can cure (ZgwFout.blijvend) goes to the vastgelopen list at once, with its reason.
          const vast = poging >= this.config.zgwMaxPogingen || (e instanceof ZgwFout && e.blijvend);
          const delay = wachttijd(poging, this.config.webhookMaxBackoffMs);
          // The zaak URL, once known, is kept in the same transaction that records the failure.
          const nu = await this.leg(m, klachtId, rij.generatie, vast ? 'vastgelopen' : 'wachtend', {
            zaakUrl,
            attempts: poging,
            lastError: (e as Error).message.slice(0, 4000),
            nextAttemptAt: new Date(Date.now() + delay),
          });
          // A change came in meanwhile: it is due, and its delivery starts again at once (below), not dead-lettered.
          const gewijzigd = nu !== rij.generatie;
          const vastgelopen = vast && !gewijzigd;
          this.logger.warn(`Zaak van klacht ${klachtId}, poging ${poging}${vastgelopen ? ' (vastgelopen)' : ''}: ${(e as Error).message}`);
          if (gewijzigd) vervolg = { sleutel: `${nu}.na.${rij.generatie}`, delay: 0 };
          else if (!vast) vervolg = { sleutel: `${rij.generatie}.${poging}`, delay };
          return { uitkomst: vastgelopen ? 'vastgelopen' : 'mislukt', wijzigingen: [], fout: (e as Error).message };
        }
        if (r.overgeslagen) {
          // No (valid) koppeling for the klacht's definition version: nothing was delivered, so the row is not
          // `afgeleverd` but on the vastgelopen list with the reason, until a koppeling is added and it is put back.
          this.logger.warn(`Zaak van klacht ${klachtId} (vastgelopen): ${r.overgeslagen}`);
          const nu = await this.leg(m, klachtId, rij.generatie, 'vastgelopen', {
            zaakUrl: r.zaakUrl,
            attempts: rij.attempts + 1,
            lastError: r.overgeslagen,
          });
          if (nu !== rij.generatie) vervolg = { sleutel: `${nu}.na.${rij.generatie}`, delay: 0 };
          return { uitkomst: nu !== rij.generatie ? 'mislukt' : 'vastgelopen', wijzigingen: [], fout: r.overgeslagen };
        }
        const nu = await this.leg(m, klachtId, rij.generatie, 'afgeleverd', {
          zaakUrl: r.zaakUrl,
          afgeleverdGeneratie: rij.generatie,
          attempts: 0,
          lastError: null,
          afgeleverdOp: new Date(),
        });
        // A change committed while this run talked to the register (its own generatie): still due, delivered next.
        if (nu !== rij.generatie) vervolg = { sleutel: `${nu}.na.${rij.generatie}`, delay: 0 };
        return { uitkomst: 'afgeleverd', wijzigingen: r.wijzigingen };
      },
    );
    if (vervolg) {
      const v = vervolg;
      await this.queue
        .plan(klachtId, v.sleutel, v.delay)
        .catch((e: Error) => this.logger.warn(`Enqueue ${klachtId}: ${e.message} (the sweep retries)`));
    }
    return uitkomst;
  }

  /**
   * Records a run's outcome for the generatie it delivered. The row is not locked during the run (its calls to the
   * register take seconds), so a change may have come in meanwhile (markeer: generatie + 1, wachtend): then the row
   * stays `wachtend` and due, whatever this run's outcome, so that change reaches the register too. Returns the row's
   * generatie now.
   */
  private async leg(
    m: EntityManager,
    klachtId: string,
    generatie: number,
    status: ZgwZaakEntity['status'],
    velden: Partial<Pick<ZgwZaakEntity, 'zaakUrl' | 'afgeleverdGeneratie' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'afgeleverdOp'>>,
  ): Promise<number> {
    const [rij] = (await m.query(`SELECT generatie FROM zgw_zaak WHERE klacht_id = $1 FOR UPDATE`, [klachtId])) as { generatie: number }[];
    const nu = rij?.generatie ?? generatie;
    const bijgewerkt = nu === generatie ? { ...velden, status } : { ...velden, status: 'wachtend' as const, nextAttemptAt: new Date() };
    await m.update(ZgwZaakEntity, { klachtId }, bijgewerkt);
    return nu;
  }

  /** Due deliveries, straight from PostgreSQL (the sweep). */
  async teDoen(limit = 500): Promise<{ klachtId: string; generatie: number; attempts: number }[]> {
    return (await this.dataSource.query(
      `SELECT klacht_id AS "klachtId", generatie, attempts FROM zgw_zaak WHERE status = 'wachtend' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ${limit}`,
    )) as { klachtId: string; generatie: number; attempts: number }[];
  }

  /** The dead-letter list of a gemeente: deliveries that stopped (after ZGW_MAX_POGINGEN attempts, or at once when blijvend). */
  vastgelopen(gemeente: string): Promise<ZgwZaakEntity[]> {
    return this.dataSource
      .getRepository(ZgwZaakEntity)
      .find({ where: { gemeente: In(this.klachtGemeenten(gemeente)), status: 'vastgelopen' }, order: { updatedAt: 'ASC' } });
  }

  /** Puts vastgelopen deliveries back in line (after the cause was fixed), attempts from zero. */
  async opnieuw(gemeente: string, klachtIds?: string[]): Promise<number> {
    const where = {
      gemeente: In(this.klachtGemeenten(gemeente)),
      status: 'vastgelopen' as const,
      ...(klachtIds ? { klachtId: In(klachtIds) } : {}),
    };
    const rijen = await this.dataSource.getRepository(ZgwZaakEntity).findBy(where);
    if (rijen.length === 0) return 0;
    await this.dataSource.getRepository(ZgwZaakEntity).update(where, { status: 'wachtend', attempts: 0, nextAttemptAt: new Date() });
    for (const r of rijen) await this.queue.plan(r.klachtId, `${r.generatie}.opnieuw.${Date.now()}`).catch(() => undefined);
    return rijen.length;
  }
}
