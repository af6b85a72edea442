import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import type { CompiledRegime, IsoDate } from '../../machines/contract';
import { kalenderdag } from '../../machines/termijnen/kalenderdag';
import { klokVan } from '../../machines/regime';
import { gemeentenVan } from '../../machines/definition/gemeentecodes.data';
import {
  opOudeOmbudsmanRoute,
  proefMigratieVanKlacht,
  proefOmbudsmanRoute,
  ROUTE_GEMIGREERD,
  type HistorieStap,
  type MigratieProef,
  type VergelekenTermijn,
} from '../../machines/migratie';
import { EngineService } from '../engine/engine.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { KlachtEntity } from '../klachten/klacht.entity';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { haalWekkersIn } from '../termijnen/achterstand';
import { nogAchter, nogAchterReden, type NogAchter } from '../termijnen/inhaal-achter';
import { TermijnWakeService } from '../termijnen/termijn-wake.service';
import { isUuid } from '../../common/uuid';
import { VERSIE_GEMIGREERD } from './versie-van-stap';

// The migration's history type and the rows that change a klacht's version live with the one rule that reads them
// (versie-van-stap.ts, pure); exported here too for the callers that know them from this service.
export { VERSIE_GEMIGREERD, VERSIEWISSELINGEN } from './versie-van-stap';

export type KlachtMigratieProef = Omit<MigratieProef, 'resultaat'> & { klachtId: string; migreerbaar: boolean };

/** What to do about a klacht left behind (nogAchterReden), said the same in the dry run and the refusal. */
const OPNIEUW = {
  naImport: 'er is niets gemigreerd, migreer haar opnieuw zodra haar import klaar is',
  anders: 'er is niets gemigreerd, migreer haar zo opnieuw',
};

/** The proef with the bezwaar of a klacht left behind first, if it is (a passed termijn not on record). */
function metAchterstand(p: MigratieProef, achter: NogAchter | undefined): MigratieProef {
  return achter ? { ...p, resultaat: undefined, bezwaren: [nogAchterReden(achter, OPNIEUW), ...p.bezwaren] } : p;
}

/** The refusal of a klacht that is closed (under the lock, or by an expiry the migration fires first): nothing to move. */
function afgesloten(k: Pick<KlachtEntity, 'definitieVersie' | 'state'>, naarVersie: string): MigratieProef {
  return { vanVersie: k.definitieVersie, naarVersie, vanState: k.state, termijnen: [], bezwaren: ['de klacht is afgesloten'] };
}

/**
 * The accepted history of each klacht (migrations themselves left out), for many klachten in one query: what a replay
 * (migratie.ts speelAf) steps, for a version migration and for the start-up repair of the wait after an afdoening. Each
 * step with the state it reached when it was taken (naar_state): a rule corrected since honours that outcome (speelAf).
 */
export async function historieVan(m: EntityManager, klachtIds: string[]): Promise<Map<string, HistorieStap[]>> {
  const uit = new Map<string, HistorieStap[]>(klachtIds.map((id) => [id, []]));
  if (klachtIds.length === 0) return uit;
  const rijen: { klacht_id: string; type: string; at: Date; payload: Record<string, unknown>; naar_state: string }[] = await m.query(
    `select klacht_id, type, "at", payload, naar_state from klacht_gebeurtenis where klacht_id = any($1::uuid[]) and accepted order by klacht_id, id`,
    [klachtIds],
  );
  for (const r of rijen)
    if (r.type !== VERSIE_GEMIGREERD)
      uit.get(r.klacht_id)?.push({ type: r.type, at: r.at.toISOString(), data: r.payload, naarState: r.naar_state });
  return uit;
}

/**
 * Running klachten onto a new version of their definition (a published definition never changes; a running klacht
 * stays on its version unless migrated explicitly). The dry run lists every running klacht of the gemeente on an
 * older version with its old and new state and termijnen; applying is explicit, for named klachten, all or none,
 * re-checked under the row lock, and recorded in each klacht's history.
 */
@Injectable()
export class VersieMigratieService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    @Inject(KLOK) private readonly klok: Klok,
    private readonly wake: TermijnWakeService,
  ) {}

  /**
   * The gemeenten whose klachten `gemeente` migrates: its own and, after a herindeling, the dissolved gemeente's, which
   * keep running on that gemeente's regeling until migrated (Wet arhi art. 40 e.v.).
   */
  private gemeenten(gemeente: string, dag: IsoDate): string[] {
    return gemeentenVan(gemeente, dag);
  }

  /** The target version, only of a gemeente the caller answers for (404 otherwise: it does not exist for them). */
  private doel(gemeente: string, definitieId: string, versie: string, dag: IsoDate): CompiledRegime {
    const regime = this.regimes.byId(definitieId, versie);
    if (!regime || !this.gemeenten(gemeente, dag).includes(regime.summary.gemeente.cbsCode.toUpperCase())) {
      throw ProblemException.notFound(
        `Geen versie ${versie} van definitie ${definitieId} voor gemeente ${gemeente}.`,
        'definitie-niet-gevonden',
      );
    }
    return regime;
  }

  /**
   * The definitions of a gemeente that have this version: the CLI names a gemeente and a version
   * (`klachtregie migratie proef --gemeente GM0363 --versie 2027-01`), the API a definition id.
   */
  definitiesMetVersie(gemeente: string, versie: string): string[] {
    // The application's source (DefinitieRegister) lists its regimes; a purpose-built source in a test may not.
    const alle = (this.regimes as Partial<{ regimes: CompiledRegime[] }>).regimes ?? [];
    return [
      ...new Set(alle.filter((r) => r.summary.gemeente.cbsCode === gemeente && r.summary.versie === versie).map((r) => r.summary.id)),
    ];
  }

  /**
   * Why no klacht can move to this version today, if so: a regeling governs from the day it enters into force
   * (geldigVanaf), so before that day routing and termijnen cannot follow it. Today is the Dutch calendar day.
   */
  private nogNietGeldig(naar: CompiledRegime, vandaag: IsoDate): string | undefined {
    return naar.summary.geldigVanaf > vandaag
      ? `versie ${naar.summary.versie} geldt pas vanaf ${naar.summary.geldigVanaf} (vandaag is ${vandaag}); een klacht gaat alleen naar een versie die al geldt`
      : undefined;
  }

  /** The running termijn rows of a klacht (the truth in PostgreSQL), for the comparison of a route migration. */
  private async lopendeTermijnen(m: EntityManager, klachtId: string): Promise<VergelekenTermijn[]> {
    return m.query(
      `select naam, label, vervaldatum::text as vervaldatum, uitleg from termijn where klacht_id = $1 and status = 'lopend' order by created_at, naam`,
      [klachtId],
    );
  }

  private async proefVoor(
    m: EntityManager,
    row: KlachtEntity,
    naar: CompiledRegime,
    vandaag: IsoDate,
    historie?: HistorieStap[],
    /** Its running termijnen when `row` is the klacht after expiries not on record (the dry run), not the stored rows. */
    lopend?: VergelekenTermijn[],
  ): Promise<MigratieProef> {
    const oud = this.engine.regimeVan(row);
    const stappen = historie ?? (await historieVan(m, [row.id])).get(row.id) ?? [];
    // An ombudsman request still on the klacht route (filed before Awb 9:31 had its own): onto its own route, on this
    // version or a newer one (migratie.ts, proefOmbudsmanRoute). Its history no longer replays to its state on any version.
    const route = opOudeOmbudsmanRoute(row);
    const proef = route
      ? proefOmbudsmanRoute(naar, stappen, {
          vanVersie: oud.summary.versie,
          state: row.state,
          termijnen: lopend ?? (await this.lopendeTermijnen(m, row.id)),
          fase: oud.faseVan?.(row.state),
        })
      : // On the day of the migration (the service's clock, Dutch calendar day): a new obligation already passed is refused.
        proefMigratieVanKlacht(oud, naar, stappen, row.state, vandaag);
    const nogNiet = this.nogNietGeldig(naar, vandaag);
    const bezwaren = [
      // Forward only: a klacht never moves to a version that began before its own (a route migration may stay on its own).
      ...((route ? naar.summary.geldigVanaf < oud.summary.geldigVanaf : naar.summary.geldigVanaf <= oud.summary.geldigVanaf)
        ? [`versie ${naar.summary.versie} is niet nieuwer dan versie ${oud.summary.versie} van de klacht`]
        : []),
      ...(nogNiet ? [nogNiet] : []),
    ];
    return bezwaren.length ? { ...proef, resultaat: undefined, bezwaren: [...bezwaren, ...proef.bezwaren] } : proef;
  }

  /**
   * The dry run of one klacht as the migration will judge it at `nu`: after the expiries that passed by then and whose
   * wake-up has not run, which the migration fires first (haalWekkersIn; Awb 9:11 lid 1, 9:24 lid 1 sub b: a termijn
   * passes on its day). Stepped in memory by the registration's own rule (EngineService.alsRegistratieOp); the
   * expiries it steps (`verlopen`, as it stepped them) join the history the replay reads, as their rows will once fired. An expiry that closes the klacht leaves nothing to migrate.
   */
  private async proefNaWekkers(
    row: KlachtEntity,
    termijnen: TermijnEntity[],
    naar: CompiledRegime,
    nu: Date,
    historie: HistorieStap[],
  ): Promise<MigratieProef> {
    const vandaag = kalenderdag(nu.toISOString());
    const voor = this.engine.alsRegistratieOp(
      row,
      termijnen.filter((t) => t.klachtId === row.id),
      nu.toISOString(),
    );
    const stand = voor.stand;
    if (stand === row) return this.proefVoor(this.dataSource.manager, row, naar, vandaag, historie);
    if ((stand.snapshot as { status?: string } | null)?.status === 'done') return afgesloten(stand, naar.summary.versie);
    const verlopen = (voor.verlopen ?? []).map((w): HistorieStap => ({ type: w.type, at: w.at, ...(w.data ? { data: w.data } : {}) }));
    return this.proefVoor(this.dataSource.manager, stand, naar, vandaag, [...historie, ...verlopen], voor.termijnen);
  }

  private zonderResultaat(klachtId: string, p: MigratieProef): KlachtMigratieProef {
    const { resultaat: _r, ...rest } = p;
    return { klachtId, ...rest, migreerbaar: p.bezwaren.length === 0 };
  }

  /** The dry run: every running klacht of this definition on another version, with what the new version does to it. */
  async proef(gemeente: string, definitieId: string, versie: string): Promise<{ naarVersie: string; klachten: KlachtMigratieProef[] }> {
    // One moment for the whole dry run: every klacht is judged on the same day.
    const nu = this.klok.nu();
    const vandaag = kalenderdag(nu.toISOString());
    const naar = this.doel(gemeente, definitieId, versie, vandaag);
    const rows = await this.dataSource.getRepository(KlachtEntity).find({
      where: { gemeente: In(this.gemeenten(gemeente, vandaag)), definitieId, done: false },
      order: { ontvangenOp: 'ASC', id: 'ASC' },
    });
    const klachten: KlachtMigratieProef[] = [];
    // Also ombudsman requests still on the klacht route of this very version (Awb 9:31: their route came later).
    const teMigreren = rows.filter((r) => r.definitieVersie !== versie || opOudeOmbudsmanRoute(r));
    // Histories a page at a time: one query per 500 klachten, not one per klacht (a gemeente has thousands open).
    for (let i = 0; i < teMigreren.length; i += 500) {
      const pagina = teMigreren.slice(i, i + 500);
      const historie = await historieVan(
        this.dataSource.manager,
        pagina.map((r) => r.id),
      );
      // A klacht being imported whose termijn passed is one the migration will refuse (below): its expiry is the import's
      // to fire. Any other passed termijn the migration fires first (haalWekkersIn), so it is no objection here.
      const achter = await nogAchter(
        this.dataSource.manager,
        pagina.map((r) => r.id),
        nu,
      );
      const lopend = await this.dataSource.getRepository(TermijnEntity).findBy({ klachtId: In(pagina.map((r) => r.id)), status: 'lopend' });
      for (const row of pagina) {
        const a = achter.get(row.id);
        const eigen = historie.get(row.id) ?? [];
        if (a?.importBezig) {
          klachten.push(
            this.zonderResultaat(row.id, metAchterstand(await this.proefVoor(this.dataSource.manager, row, naar, vandaag, eigen), a)),
          );
          continue;
        }
        klachten.push(this.zonderResultaat(row.id, await this.proefNaWekkers(row, lopend, naar, nu, eigen)));
      }
    }
    return { naarVersie: versie, klachten };
  }

  /**
   * Applies the migration to the named klachten in one transaction: each is locked and checked again; one
   * objection and nothing moves (409 naming every klacht that cannot). Each moved klacht gets its new snapshot,
   * termijnen (reconciled like any step) and a history line with who did it and why.
   */
  async migreer(
    gemeente: string,
    definitieId: string,
    versie: string,
    klachtIds: string[],
    reden: string,
    actor: string,
  ): Promise<KlachtMigratieProef[]> {
    // The migration is one moment (Awb 9:11 lid 1, 9:24 lid 1 sub b): the catch-up of passed termijnen, the check on
    // that day and the step itself all read the clock once, so a migration around midnight cannot catch up to one day
    // and judge or step on the next (a termijn falling due between would be neither woken nor passed).
    const nu = this.klok.nu();
    const vandaag = kalenderdag(nu.toISOString());
    const naar = this.doel(gemeente, definitieId, versie, vandaag);
    // The version itself is refused, for every klacht at once: named as the field of the request that is wrong.
    const nogNiet = this.nogNietGeldig(naar, vandaag);
    if (nogNiet)
      throw new ProblemException({
        status: 422,
        code: 'versie-nog-niet-geldig',
        title: 'De versie geldt nog niet',
        detail: `Versie ${versie} van ${definitieId} geldt pas vanaf ${naar.summary.geldigVanaf}: lopende klachten kunnen vanaf die dag naar haar over. Er is niets gemigreerd.`,
        invalidParams: [{ name: 'versie', reason: nogNiet }],
      });
    // Awb 9:11 lid 1, 9:24 lid 1 sub b: a termijn that passed on the klacht's own version stays passed. Its wake-up runs
    // first where the worker has not run it yet (achterstand.ts), so the replay below sees its expiry, exactly as when
    // the worker had been on time, instead of the new version's longer termijn making it run again as if it never passed.
    const ids = [...new Set(klachtIds)].filter((id) => isUuid(id));
    const eigen = ids.length
      ? await this.dataSource.getRepository(KlachtEntity).find({
          select: { id: true },
          where: { id: In(ids), gemeente: In(this.gemeenten(gemeente, vandaag)), definitieId, done: false },
        })
      : [];
    await haalWekkersIn(
      this.wake,
      this.dataSource.manager,
      eigen.map((k) => k.id),
      nu,
    );
    return this.dataSource.transaction(async (m) => {
      const uit: { row: KlachtEntity; proef: MigratieProef }[] = [];
      // Lock order as everywhere: klacht rows in id order.
      for (const id of [...new Set(klachtIds)].sort()) {
        const row = await this.engine.vergrendel(m, id);
        if (!this.gemeenten(gemeente, vandaag).includes(row.gemeente) || row.definitieId !== definitieId)
          throw ProblemException.notFound(`Er is geen klacht met id ${id}.`, 'klacht-niet-gevonden');
        const proef = row.done ? afgesloten(row, versie) : await this.proefVoor(m, row, naar, vandaag);
        uit.push({ row, proef });
      }
      // Awb 9:11 lid 1, 9:24 lid 1 sub b: a klacht the catch-up above left behind (its wake-up is the import's to run, or
      // made no progress) still shows a passed termijn running. Moved now, the version change would lie before that
      // expiry in its history and the expiry would fire on the new version: it is refused with the reason, read under the
      // lock (one another process brought up to date meanwhile goes on), and a later migration picks it up.
      const achter = await nogAchter(
        m,
        uit.filter((u) => !u.row.done).map((u) => u.row.id),
        nu,
      );
      for (const u of uit) u.proef = metAchterstand(u.proef, achter.get(u.row.id));
      const geweigerd = uit.filter((u) => u.proef.bezwaren.length > 0);
      if (geweigerd.length) {
        throw ProblemException.conflict(
          'migratie-geweigerd',
          'Migratie geweigerd',
          `${geweigerd.length} van de ${uit.length} klachten kunnen niet naar versie ${versie}; er is niets gemigreerd.`,
          { klachten: geweigerd.map((g) => ({ klachtId: g.row.id, bezwaren: g.proef.bezwaren })) },
        );
      }
      for (const { row, proef } of uit) {
        // At the migration's moment; an act registered after that moment was read but before the lock (its own `at` a
        // little later) keeps the order of time: the step is never before the klacht's last one.
        const klok = klokVan(row.snapshot);
        const at = klok && Date.parse(klok) > nu.getTime() ? klok : nu.toISOString();
        const resultaat = proef.resultaat!;
        const route = opOudeOmbudsmanRoute(row);
        await m.update(KlachtEntity, { id: row.id }, { definitieVersie: versie });
        const van = row.definitieVersie;
        row.definitieVersie = versie;
        if (route) {
          // Awb 9:31: the klacht route's obligations never applied to this request; one that had passed is closed, so the
          // request is not te laat on it (te-laat.ts). Those still running end with the step below (vervallen).
          await m.query(
            `update termijn set gesloten_op = $2, gesloten_door = $3 where klacht_id = $1 and status = 'verlopen' and gesloten_op is null`,
            [row.id, at, ROUTE_GEMIGREERD],
          );
        }
        await this.engine.schrijfStap(
          m,
          row,
          row.state,
          route
            ? {
                type: ROUTE_GEMIGREERD,
                at,
                actor,
                data: { vanState: row.state, naarState: resultaat.state, vanVersie: van, naarVersie: versie, reden, grondslag: 'Awb 9:31' },
              }
            : { type: VERSIE_GEMIGREERD, at, actor, data: { vanVersie: van, naarVersie: versie, reden } },
          { ...resultaat, intents: [] },
          { actor },
        );
      }
      return uit.map((u) => this.zonderResultaat(u.row.id, u.proef));
    });
  }
}
