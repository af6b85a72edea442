import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, MoreThan } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { toInvalidParams } from '../../common/validation';
import type { CompiledRegime, IntakeInput, IsoDate, KlachtEvent, StepResult } from '../../machines/contract';
import { SYSTEEM_GEBEURTENISSEN } from '../../machines/compiler/gebeurtenissen';
import { gemeentenVan, opgehevenOp } from '../../machines/definition/gemeentecodes.data';
import { kalenderdag } from '../../machines/termijnen';
import { EngineError } from '../engine/engine.errors';
import { EngineService, INTAKE_EVENT, REGISTRATIE_EVENT } from '../engine/engine.service';
import { achterstalligeTermijn } from '../termijnen/verstreken-termijnen';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { canoniek } from '../idempotency/idempotency.interceptor';
import { IdempotentHerhaald, IdempotentieContext } from '../idempotency/idempotentie-context';
import { controleerTijdstip } from '../klachten/klachten.service';
import { dagVan } from '../termijnen/termijn-tijd';
import { SessieVerbindingen } from '../../database/sessie-verbindingen';
import { haalWekkersIn } from '../termijnen/achterstand';
import { TermijnWakeService } from '../termijnen/termijn-wake.service';
import { naVerstreken } from '../termijnen/verloop-vooraf';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { ImportRegelDto } from './dto/import-regel.dto';
import type { ImportDto } from './dto/import-view.dto';
import {
  gebeurtenisSleutel,
  gebeurtenisSleutelPrefix,
  IMPORT_BEZIG_ROUTE,
  IMPORT_KLAAR_ROUTE,
  intakeSleutel,
  OUDE_GEBEURTENIS_SCHEIDER,
} from './import-bezig';
import { normaliseerGemeente } from '../auth/rol';
import { KlachtImportRegelEntity, type ImportFout } from './klacht-import-regel.entity';
import { KlachtImportEntity } from './klacht-import.entity';

/** Scope of an import made on the server (CLI): not tied to one gemeente's API key. */
export const SCOPE_SERVER = '*';
/** Lines fetched per round; each round's lines run `parallel` at a time. */
const RONDE = 200;
const MAX_FOUTEN_IN_VIEW = 1000;

export interface ImportStand {
  id: string;
  totaal: number;
  verwerkt: number;
  geimporteerd: number;
  fout: number;
  status: 'bezig' | 'klaar';
}

export interface VerwerkOpties {
  /** Lines in flight at once (different klachten: no lock contention). Default 4. */
  parallel?: number;
  /** Called after every round of lines (the CLI's progress bar). */
  voortgang?: (stand: ImportStand) => void;
}

type Uitkomst =
  | { status: 'geimporteerd'; klachtId: string; extern: string }
  // klachtId: the klacht the line wrote part of before it failed (DeelsGeimporteerd).
  | { status: 'fout'; fouten: ImportFout[]; extern: string | null; klachtId?: string };

/**
 * The line's `extern` names a klacht this line may not write: nothing of the line is written, and the line gets an error
 * on `extern`. Its own code, not an HTTP problem: it never reaches a client.
 */
class ExternGeweigerd extends Error {
  constructor(
    readonly code: 'import-andere-gebeurtenissen' | 'import-extern-in-andere-import',
    readonly reden: string,
  ) {
    super(reden);
  }
}

/**
 * The engine refused a step after the line's intake committed: the klacht exists with its intake and the events before
 * `index`. The import has let go of it (it changes only via the API now); the line says so and names it.
 */
class DeelsGeimporteerd extends Error {
  constructor(
    readonly klachtId: string,
    readonly index: number,
    readonly oorzaak: string,
  ) {
    super(oorzaak);
  }
}

/**
 * An extern names a klacht in one gemeente's source system (the import's keys are per gemeente, `import:<extern>`): two
 * gemeenten in one file (Amsterdam importing Weesp's history) may use the same extern for two klachten.
 */
function externSleutel(gemeente: unknown, extern: string): string {
  return `${normaliseerGemeente(gemeente) ?? ''}|${extern}`;
}

/** The gemeente and extern of a line's text, as externSleutel; null without an extern. */
function externVan(inhoud: string | null): string | null {
  try {
    const ruw = JSON.parse(inhoud ?? '') as unknown;
    if (typeof ruw !== 'object' || ruw === null) return null;
    const extern = (ruw as { extern?: unknown }).extern;
    const gemeente = (ruw as { intake?: { gemeente?: unknown } }).intake?.gemeente;
    return typeof extern === 'string' ? externSleutel(gemeente, extern.slice(0, 200)) : null;
  } catch {
    return null;
  }
}

const alsFout = (prefix: string) => (v: { name: string; reason: string }) => ({ veld: `${prefix}${v.name}`, reden: v.reason });

/**
 * Bulk import of historic klachten (docs/import.md). Every line goes through the same checks as the API
 * (the intake and event DTOs, the time bounds, the regeling's feiten, registratie and event data) and a
 * dry run of the pure regime with the termijnen firing at their historic moments; a line with an error is
 * reported (line and field) and nothing of it is written. A good line is written by the engine itself
 * (EngineService.create / apply, each its own transaction with the row lock), each step under an
 * idempotency key derived from the line's stable key `extern`, claimed in the step's own transaction:
 * a crash anywhere leaves every step either done with its key or not done at all, so a re-run replays
 * what was done and continues, and never makes a second klacht.
 */
@Injectable()
export class ImportService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Import');
  /** Set at shutdown: runs stop after the lines in flight, so a line is seldom cut off midway (and is resumed if it is). */
  private stoppen = false;
  private readonly runs = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    private readonly wake: TermijnWakeService,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    @Inject(KLOK) private readonly klok: Klok,
    private readonly sessies: SessieVerbindingen,
  ) {}

  /**
   * Stores a file's lines as an import; the same file (same SHA-256) in the same scope is the same
   * import, returned as it is (`nieuw: false`), so sending it again resumes it.
   */
  async maak(inhoud: string, o: { naam: string; actor: string; scope: string }): Promise<{ id: string; nieuw: boolean }> {
    const bronHash = createHash('sha256').update(inhoud).digest('hex');
    const bestaand = await this.dataSource.getRepository(KlachtImportEntity).findOneBy({ scope: o.scope, bronHash });
    if (bestaand) return { id: bestaand.id, nieuw: false };
    const regels = inhoud
      .split('\n')
      // A byte-order mark before the first line (a file saved by a Windows tool) is not part of it, as the API's JSON
      // parser ignores one: else line 1 was 'geen JSON'. The hash is of the file as sent.
      .map((tekst, i) => ({ regel: i + 1, tekst: (i === 0 ? tekst.replace(/^\uFEFF/, '') : tekst).replace(/\r$/, '') }))
      .filter((r) => r.tekst.trim() !== '');
    const id = randomUUID();
    const nieuw = await this.dataSource.transaction(async (m) => {
      const [rij] = (await m.query(
        `INSERT INTO klacht_import (id, scope, naam, bron_hash, status, totaal, actor) VALUES ($1, $2, $3, $4, 'bezig', $5, $6)
         ON CONFLICT (scope, bron_hash) DO NOTHING RETURNING id`,
        [id, o.scope, o.naam.slice(0, 200), bronHash, regels.length, o.actor.slice(0, 200)],
      )) as Array<{ id: string }>;
      if (!rij) return false;
      // Multi-row inserts: one round trip per 1000 lines.
      for (let i = 0; i < regels.length; i += 1000) {
        const deel = regels.slice(i, i + 1000);
        await m.query(
          `INSERT INTO klacht_import_regel (import_id, regel, inhoud, status)
           SELECT $1, r, t, 'open' FROM unnest($2::int[], $3::text[]) AS u(r, t)`,
          [id, deel.map((r) => r.regel), deel.map((r) => r.tekst)],
        );
      }
      return true;
    });
    if (nieuw) return { id, nieuw: true };
    // A concurrent request with the same file won the insert.
    const gewonnen = await this.dataSource.getRepository(KlachtImportEntity).findOneByOrFail({ scope: o.scope, bronHash });
    return { id: gewonnen.id, nieuw: false };
  }

  /** The import as the API shows it; undefined when unknown in this scope. */
  async bekijk(id: string, scope: string): Promise<ImportDto | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const imp = await this.dataSource.getRepository(KlachtImportEntity).findOneBy({ id, scope });
    if (!imp) return undefined;
    const stand = await this.stand(id);
    const fouten = await this.dataSource.getRepository(KlachtImportRegelEntity).find({
      where: { importId: id, status: 'fout' },
      order: { regel: 'ASC' },
      take: MAX_FOUTEN_IN_VIEW,
    });
    return {
      id: imp.id,
      naam: imp.naam,
      status: stand.status,
      totaal: stand.totaal,
      verwerkt: stand.verwerkt,
      geimporteerd: stand.geimporteerd,
      fout: stand.fout,
      bronHash: imp.bronHash,
      fouten: fouten
        .flatMap((r) =>
          r.fouten.map((f) => ({ regel: r.regel, veld: f.veld, reden: f.reden, extern: r.extern, klachtId: r.klachtId ?? null })),
        )
        .slice(0, MAX_FOUTEN_IN_VIEW),
      createdAt: imp.createdAt.toISOString(),
      voltooidOp: imp.voltooidOp ? imp.voltooidOp.toISOString() : null,
    };
  }

  /**
   * Every error of the import's lines, in line order, read a page of lines at a time: the command on the server names every
   * bad line (docs/import.md), also beyond the first 1000 errors the API's view lists (a line may have several).
   */
  async *alleFouten(id: string): AsyncGenerator<{ regel: number; veld: string; reden: string }> {
    for (let na = 0; ;) {
      const regels = await this.dataSource.getRepository(KlachtImportRegelEntity).find({
        where: { importId: id, status: 'fout', regel: MoreThan(na) },
        order: { regel: 'ASC' },
        take: MAX_FOUTEN_IN_VIEW,
      });
      if (regels.length === 0) return;
      for (const r of regels) for (const f of r.fouten) yield { regel: r.regel, veld: f.veld, reden: f.reden };
      na = regels[regels.length - 1].regel;
    }
  }

  async stand(id: string): Promise<ImportStand> {
    const [r] = (await this.dataSource.query(
      `SELECT i.totaal, i.status,
              count(*) FILTER (WHERE g.status = 'geimporteerd')::int AS geimporteerd,
              count(*) FILTER (WHERE g.status = 'fout')::int AS fout
         FROM klacht_import i LEFT JOIN klacht_import_regel g ON g.import_id = i.id
        WHERE i.id = $1 GROUP BY i.id`,
      [id],
    )) as Array<{ totaal: number; status: 'bezig' | 'klaar'; geimporteerd: number; fout: number }>;
    if (!r) throw new Error(`Import ${id} bestaat niet`);
    return { id, totaal: r.totaal, status: r.status, geimporteerd: r.geimporteerd, fout: r.fout, verwerkt: r.geimporteerd + r.fout };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    await Promise.allSettled([...this.runs]);
  }

  /**
   * Works through the import's open lines until none is left. One process at a time per import (a
   * session advisory lock: another process's call returns at once; a crashed process's lock goes with
   * its connection). Returns the final state; at shutdown it returns after the lines in flight, still `bezig`
   * (ImportHervatting, or hervatten, takes it up again).
   */
  verwerk(id: string, o: VerwerkOpties = {}): Promise<ImportStand> {
    const run = this.verwerkAlles(id, o);
    this.runs.add(run);
    void run.finally(() => this.runs.delete(run)).catch(() => undefined);
    return run;
  }

  private async verwerkAlles(id: string, o: VerwerkOpties): Promise<ImportStand> {
    const parallel = Math.max(1, o.parallel ?? 4);
    // The lock's session is not one of the pool the workers step klachten through (SessieVerbindingen: holding it there
    // while they wait for a connection could leave them all waiting).
    const slot = await this.sessies.neem('import');
    // A session that may still hold the lock is closed, not given back to be reused with it.
    let vast = false;
    try {
      const {
        rows: [{ ok }],
      } = await slot.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 7)) AS ok`, [id]);
      if (!ok) return this.stand(id);
      vast = true;
      try {
        const imp = await this.dataSource.getRepository(KlachtImportEntity).findOneByOrFail({ id });
        const externen = await this.externen(id);
        o.voortgang?.(await this.stand(id));
        for (;;) {
          if (this.stoppen) return this.stand(id);
          const regels = await this.dataSource.getRepository(KlachtImportRegelEntity).find({
            where: { importId: id, status: 'open' },
            order: { regel: 'ASC' },
            take: RONDE,
          });
          if (regels.length === 0) break;
          // Each extern belongs to one line of the file, decided before the round's lines run side by side.
          const eigenaar = externen.ronde(regels);
          let volgende = 0;
          // After a failure no worker takes another line, and the run (and the lock, in `finally`) ends only once every
          // worker has stopped: with the first error thrown at once, the others kept taking lines after the lock was
          // released, beside a resume that took the same open lines.
          let storing: { fout: unknown } | undefined;
          const werkers = Array.from({ length: Math.min(parallel, regels.length) }, async () => {
            while (!storing && !this.stoppen && volgende < regels.length) {
              const r = regels[volgende++];
              try {
                const u = await this.verwerkRegel(imp, r, eigenaar);
                await this.legVast(r, u);
                externen.verwerkt(r, u);
              } catch (e) {
                storing ??= { fout: e };
              }
            }
          });
          await Promise.all(werkers);
          if (storing) throw storing.fout;
          o.voortgang?.(await this.stand(id));
        }
        await this.dataSource.query(
          `UPDATE klacht_import SET status = 'klaar', voltooid_op = coalesce(voltooid_op, now()), updated_at = now() WHERE id = $1`,
          [id],
        );
        const stand = await this.stand(id);
        o.voortgang?.(stand);
        this.logger.log(`Import ${id}: ${stand.geimporteerd} geïmporteerd, ${stand.fout} met fouten`);
        return stand;
      } finally {
        await slot.query(`SELECT pg_advisory_unlock(hashtextextended($1, 7))`, [id]);
        vast = false;
      }
    } finally {
      slot.release(vast ? new Error('import lock not released') : undefined);
    }
  }

  private async legVast(r: KlachtImportRegelEntity, u: Uitkomst): Promise<void> {
    await this.dataSource.query(
      `UPDATE klacht_import_regel SET status = $3::varchar, extern = $4, klacht_id = $5::uuid, fouten = $6::jsonb,
              inhoud = CASE WHEN $3::varchar = 'geimporteerd' THEN NULL ELSE inhoud END
        WHERE import_id = $1 AND regel = $2 AND status = 'open'`,
      [r.importId, r.regel, u.status, u.extern, u.klachtId ?? null, JSON.stringify(u.status === 'fout' ? u.fouten : [])],
    );
  }

  /**
   * Which line of the import each extern belongs to: a line imported under it, else the first line that carries it. A
   * later line with the same extern would count the klacht twice (or, with other events, write into it): an error on
   * `extern`. Read once per run from the lines done (one scan), then kept up to date in memory; the open lines of a
   * round are all the open lines before any of them (rounds take the lowest), so their externs come from the round.
   */
  private async externen(id: string) {
    // A line imported keeps no text (its klacht says the gemeente); a line with an error keeps its text.
    const rijen = (await this.dataSource.query(
      `SELECT r.extern, r.regel, r.status, k.gemeente, CASE WHEN k.gemeente IS NULL THEN r.inhoud END AS inhoud
         FROM klacht_import_regel r LEFT JOIN klacht k ON k.id = r.klacht_id
        WHERE r.import_id = $1 AND r.status <> 'open' AND r.extern IS NOT NULL`,
      [id],
    )) as { extern: string; regel: number; status: string; gemeente: string | null; inhoud: string | null }[];
    const gedaan = new Map<string, { eerste: number; geimporteerd: number | null }>();
    const noteer = (sleutel: string, regel: number, geimporteerd: boolean) => {
      const g = gedaan.get(sleutel) ?? { eerste: regel, geimporteerd: null };
      g.eerste = Math.min(g.eerste, regel);
      if (geimporteerd) g.geimporteerd = Math.min(g.geimporteerd ?? regel, regel);
      gedaan.set(sleutel, g);
    };
    for (const r of rijen) {
      const sleutel = r.gemeente !== null ? externSleutel(r.gemeente, r.extern) : (externVan(r.inhoud) ?? externSleutel(null, r.extern));
      noteer(sleutel, r.regel, r.status === 'geimporteerd');
    }
    return {
      ronde(regels: KlachtImportRegelEntity[]): (extern: string) => number | undefined {
        const inRonde = new Map<string, number>();
        for (const r of regels) {
          const x = externVan(r.inhoud);
          if (x !== null && !inRonde.has(x)) inRonde.set(x, r.regel);
        }
        return (extern) => {
          const g = gedaan.get(extern);
          if (g?.geimporteerd != null) return g.geimporteerd;
          const eerste = Math.min(g?.eerste ?? Infinity, inRonde.get(extern) ?? Infinity);
          return Number.isFinite(eerste) ? eerste : undefined;
        };
      },
      verwerkt(r: KlachtImportRegelEntity, u: Uitkomst): void {
        const sleutel = u.extern === null ? null : externVan(r.inhoud);
        if (sleutel !== null) noteer(sleutel, r.regel, u.status === 'geimporteerd');
      },
    };
  }

  /** Checks one line completely, then writes it through the engine (see the class comment). */
  private async verwerkRegel(
    imp: KlachtImportEntity,
    r: KlachtImportRegelEntity,
    eigenaar: (extern: string) => number | undefined,
  ): Promise<Uitkomst> {
    let ruw: unknown;
    try {
      ruw = JSON.parse(r.inhoud ?? '');
    } catch (e) {
      return { status: 'fout', extern: null, fouten: [{ veld: '(regel)', reden: `geen JSON: ${(e as Error).message}` }] };
    }
    if (typeof ruw !== 'object' || ruw === null || Array.isArray(ruw)) {
      return {
        status: 'fout',
        extern: null,
        fouten: [{ veld: '(regel)', reden: 'een regel is één JSON-object { extern, intake, gebeurtenissen }' }],
      };
    }
    const externRuw = (ruw as { extern?: unknown }).extern;
    const extern = typeof externRuw === 'string' ? externRuw.slice(0, 200) : null;
    const fout = (fouten: ImportFout[]): Uitkomst => ({ status: 'fout', extern, fouten });
    // The API's global validation: the same DTOs, unknown fields refused.
    const dto = plainToInstance(ImportRegelDto, ruw);
    const dtoFouten = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    if (dtoFouten.length) return fout(toInvalidParams(dtoFouten).map(alsFout('')));
    const nu = this.klok.nu();
    const vandaag = kalenderdag(nu.toISOString());
    const fouten: ImportFout[] = [];
    const tijd = (waarde: string | undefined, veld: string): string | undefined => {
      try {
        return controleerTijdstip(waarde, veld, nu);
      } catch (e) {
        if (e instanceof ProblemException) {
          fouten.push(...(e.invalidParams ?? [{ name: veld, reason: e.message }]).map(alsFout('')));
          return undefined;
        }
        throw e;
      }
    };
    // After a herindeling the successor imports the dissolved gemeente's history too (Wet arhi art. 40 e.v.).
    if (imp.scope !== SCOPE_SERVER && !gemeentenVan(imp.scope, vandaag).includes(dto.intake.gemeente)) {
      fouten.push({
        veld: 'intake.gemeente',
        reden: `de import is van ${imp.scope}; een klacht van ${dto.intake.gemeente} hoort in een import van die gemeente`,
      });
    }
    if (!dto.intake.ontvangenOp) fouten.push({ veld: 'intake.ontvangenOp', reden: 'verplicht bij een import: het moment van ontvangst' });
    const ontvangenOp = tijd(dto.intake.ontvangenOp, 'intake.ontvangenOp');
    // As at the API's intake: after its herindeling a gemeente received nothing more (Wet arhi art. 40 e.v.).
    const opgeheven = ontvangenOp ? opgehevenOp(dto.intake.gemeente, kalenderdag(ontvangenOp)) : undefined;
    if (opgeheven) fouten.push({ veld: 'intake.gemeente', reden: opgeheven });
    const events: KlachtEvent[] = [];
    let vorige = ontvangenOp;
    for (const [i, g] of (dto.gebeurtenissen ?? []).entries()) {
      const pad = `gebeurtenissen[${i}]`;
      if (SYSTEEM_GEBEURTENISSEN.has(g.type)) {
        fouten.push({ veld: `${pad}.type`, reden: `${g.type} wordt door Klachtregie zelf vastgelegd (uit de intake en de termijnen)` });
      }
      if (!g.at) {
        fouten.push({ veld: `${pad}.at`, reden: 'verplicht bij een import: het moment waarop het gebeurde' });
        continue;
      }
      const at = tijd(g.at, `${pad}.at`);
      if (at && vorige && Date.parse(at) < Date.parse(vorige)) {
        fouten.push({
          veld: `${pad}.at`,
          reden: `ligt vóór de vorige gebeurtenis (${vorige}); geef de gebeurtenissen in historische volgorde`,
        });
      }
      if (at) {
        vorige = at;
        events.push({ type: g.type, at, ...(g.data ? { data: g.data } : {}) });
      }
    }
    if (fouten.length || !ontvangenOp) return fout(fouten);
    const intake: IntakeInput = {
      gemeente: dto.intake.gemeente,
      kanaal: dto.intake.kanaal,
      ontvangenOp,
      ingediendBij: dto.intake.ingediendBij,
      soort: dto.intake.soort,
      onderwerp: dto.intake.onderwerp,
      aanbieders: dto.intake.aanbieders.map((a) => ({
        id: a.id,
        ...(a.naam ? { naam: a.naam } : {}),
        ...(a.type ? { type: a.type } : {}),
      })),
      feiten: dto.intake.feiten,
    };
    const regime = this.regimes.forGemeente(intake.gemeente, dagVan(new Date(ontvangenOp)));
    if (!regime)
      return fout([{ veld: 'intake.gemeente', reden: `geen klachtregeling voor ${intake.gemeente} op ${dagVan(new Date(ontvangenOp))}` }]);
    const proef = proefImport(regime, intake, dto.intake.registratie, events, vandaag);
    if (proef.length) return fout(proef);
    const regelVanExtern = eigenaar(externSleutel(dto.intake.gemeente, dto.extern));
    if (regelVanExtern !== undefined && regelVanExtern !== r.regel) {
      return fout([
        { veld: 'extern', reden: `${dto.extern} staat ook op regel ${regelVanExtern}; een klacht staat één keer in een import` },
      ]);
    }
    try {
      return {
        status: 'geimporteerd',
        extern: dto.extern,
        klachtId: await this.schrijf(imp, dto.extern, ruw as Record<string, unknown>, intake, events, dto),
      };
    } catch (e) {
      if (e instanceof DeelsGeimporteerd) {
        return {
          status: 'fout',
          extern: dto.extern,
          klachtId: e.klachtId,
          fouten: [
            {
              veld: `gebeurtenissen[${e.index}]`,
              reden:
                `niet geschreven: ${e.oorzaak}. Gedeeltelijk geïmporteerd: klacht ${e.klachtId} staat er met de ontvangst` +
                ` en de gebeurtenissen vóór deze; zij verandert verder alleen via de API`,
            },
          ],
        };
      }
      if (e instanceof ExternGeweigerd) return fout([{ veld: 'extern', reden: e.reden }]);
      // The same `extern` imported before with other content: the key's hash differs (idempotentie-context.ts).
      if (e instanceof ProblemException && e.code === 'idempotency-key-hergebruikt') {
        return fout([
          {
            veld: 'extern',
            reden: `${dto.extern} is al geïmporteerd met een andere inhoud; een geïmporteerde klacht verandert alleen via de API`,
          },
        ]);
      }
      // The engine refused the intake the dry run accepted: nothing was written. Reported, not retried.
      if (e instanceof EngineError) return fout([{ veld: '(regel)', reden: `afgebroken tijdens het schrijven: ${e.message}` }]);
      throw e;
    }
  }

  /** Writes a checked line through the engine, each step once (idempotency keys from `extern`). */
  private async schrijf(
    imp: KlachtImportEntity,
    extern: string,
    ruw: Record<string, unknown>,
    intake: IntakeInput,
    events: KlachtEvent[],
    dto: ImportRegelDto,
  ): Promise<string> {
    const gemeente = intake.gemeente;
    const basis = intakeSleutel(extern);
    const hash = (v: unknown) => createHash('sha256').update(canoniek(v)).digest('hex');
    // Who imported, in the history; the correlation id names the import and the source key.
    const ctx = { actor: imp.actor, correlationId: `import.${imp.id}.${extern}`.slice(0, 200) };
    const stap = <T>(sleutel: string, inhoud: unknown, route: string, werk: () => Promise<T>) =>
      IdempotentieContext.run({ gemeente, sleutel, route, hash: hash(inhoud) }, werk);
    let klachtId: string;
    try {
      klachtId = (await stap(basis, ruw.intake, IMPORT_BEZIG_ROUTE, () => this.engine.create(intake, ctx, dto.intake.registratie))).klacht
        .id;
    } catch (e) {
      if (!(e instanceof IdempotentHerhaald)) throw e;
      klachtId = e.klachtId;
      // Imported whole before (another file with the same line): its events are in the history already, and their keys,
      // which served only a resume, are gone. Applying them again would refuse the first (it lies before the klacht's
      // clock) or write an event twice. The same line is imported; another is refused (it changes only via the API).
      const [k] = (await this.dataSource.query(`SELECT route FROM idempotentie_sleutel WHERE gemeente = $1 AND sleutel = $2`, [
        gemeente,
        basis,
      ])) as { route: string }[];
      if (k?.route === IMPORT_KLAAR_ROUTE) {
        // Its line ended before. Event keys a crash left behind (before the end of a line was one statement) would keep
        // the klacht import-bezig, so no termijn of it fired again: released here, and what came due meanwhile fires.
        await this.laatLos(gemeente, basis, klachtId);
        await this.alGeimporteerd(klachtId, extern, events);
        return klachtId;
      }
      // Still import-bezig: this import's own line, stopped midway, continues. A line of another import that is not done
      // waits for it (that one may be running: two lines writing one klacht would interleave their events); once it is
      // done, its line ended without letting go (before the end of a failed line released it), and this line continues.
      const [eigenaar] = (await this.dataSource.query(
        `SELECT i.id, i.status FROM klacht_gebeurtenis g JOIN klacht_import i ON i.id::text = substr(g.correlation_id, 8, 36)
          WHERE g.klacht_id = $1 AND g.type = $2 AND left(g.correlation_id, 7) = 'import.'`,
        [klachtId, INTAKE_EVENT],
      )) as { id: string; status: string }[];
      if (eigenaar && eigenaar.id !== imp.id && eigenaar.status === 'bezig') {
        throw new ExternGeweigerd(
          'import-extern-in-andere-import',
          `${extern} wordt nog geïmporteerd door import ${eigenaar.id}, die niet klaar is; hervat die import eerst`,
        );
      }
      await this.oudeSleutelsOm(gemeente, extern, klachtId);
    }
    for (const [i, event] of events.entries()) {
      const sleutel = gebeurtenisSleutel(extern, i);
      try {
        // Termijnen due before this event fire first, at their own historic moment (TermijnWakeService.verval).
        await this.haalIn(klachtId, new Date(event.at));
        await stap(sleutel, (ruw.gebeurtenissen as unknown[])[i], IMPORT_BEZIG_ROUTE, () => this.engine.apply(klachtId, event, ctx));
      } catch (e) {
        if (e instanceof IdempotentHerhaald) continue;
        // Refused after the intake committed (a behandelaar changed the klacht through the API meanwhile, or the step's
        // key holds another event): the klacht stays with part of its history. Left import-bezig, none of its termijnen
        // would fire again; so it is released as at the end of a line, and the line names it (DeelsGeimporteerd).
        if (
          e instanceof EngineError ||
          e instanceof InhaalGestopt ||
          (e instanceof ProblemException && e.code === 'idempotency-key-hergebruikt')
        ) {
          await this.laatLos(gemeente, basis, klachtId);
          throw new DeelsGeimporteerd(klachtId, i, e.message);
        }
        throw e;
      }
    }
    await this.laatLos(gemeente, basis, klachtId);
    return klachtId;
  }

  /**
   * The import lets go of the klacht (geefVrij), and what passed since its last historic event up to now fires now, as
   * after any backdated intake: at the end of a line, for a line found imported before, and after a refused step.
   */
  private async laatLos(gemeente: string, basis: string, klachtId: string): Promise<void> {
    await this.geefVrij(gemeente, basis, klachtId);
    try {
      await this.haalIn(klachtId, this.klok.nu());
    } catch (e) {
      // Let go already: the service's wake-ups (the sweep) fire what is left, as for any klacht.
      if (!(e instanceof InhaalGestopt)) throw e;
      this.logger.warn(`${e.message}; de wekkers van de dienst laten haar verlopen`);
    }
  }

  /**
   * The end of a line, in one statement: the intake key becomes `import` (it stays: it blocks a second import of the
   * extern) and the events' keys, which served only a resume, go. As two statements a crash between them left the event
   * keys `import-bezig`, and importBezig() true for good. Removes the klacht's other `import-bezig` keys, whatever their
   * form: its event keys, also those a line cut off before the key change left (`import:<extern>:<n>`), so nothing keeps
   * it import-bezig. (The DELETE sees the rows as before the UPDATE: hence `sleutel <> $2`.)
   */
  private async geefVrij(gemeente: string, basis: string, klachtId: string): Promise<void> {
    await this.dataSource.query(
      `WITH klaar AS (UPDATE idempotentie_sleutel SET route = $3 WHERE gemeente = $1 AND sleutel = $2)
       DELETE FROM idempotentie_sleutel
        WHERE route = $4 AND resultaat->>'klachtId' = $5 AND gemeente = $1 AND sleutel <> $2`,
      [gemeente, basis, IMPORT_KLAAR_ROUTE, IMPORT_BEZIG_ROUTE, klachtId],
    );
  }

  /**
   * A line cut off before the key change (an import stopped before a deploy, resumed after it) has its done events under
   * `import:<extern>:<n>`; renamed to their key of now (`import:<extern>#<n>`) with their hash, the steps they record are
   * replayed, not written a second time. Only this klacht's `import-bezig` keys: the intake key of another extern
   * (`<extern>:<n>`) names another klacht. A no-op for every line cut off after the change.
   */
  private async oudeSleutelsOm(gemeente: string, extern: string, klachtId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotentie_sleutel o SET sleutel = $4 || substr(o.sleutel, length($3) + 1)
        WHERE o.gemeente = $1 AND o.route = $5 AND o.resultaat->>'klachtId' = $2
          AND starts_with(o.sleutel, $3) AND substr(o.sleutel, length($3) + 1) ~ '^[0-9]+$'
          AND NOT EXISTS (SELECT 1 FROM idempotentie_sleutel n WHERE n.gemeente = $1 AND n.sleutel = $4 || substr(o.sleutel, length($3) + 1))`,
      [gemeente, klachtId, intakeSleutel(extern) + OUDE_GEBEURTENIS_SCHEIDER, gebeurtenisSleutelPrefix(extern), IMPORT_BEZIG_ROUTE],
    );
  }

  /**
   * A line whose klacht was imported before counts as imported only when its events are exactly the events the import
   * wrote under this extern (correlation id `import.<import id>.<extern>`: the extern from character 45), by type, moment
   * and data: fewer, more or other ones are an error on `extern`. The intake, the termijnen that fired, registration
   * changes and whatever the API added are not the import's events.
   */
  private async alGeimporteerd(klachtId: string, extern: string, events: KlachtEvent[]): Promise<void> {
    const historie = (await this.dataSource.query(
      `SELECT type, at, payload FROM klacht_gebeurtenis
        WHERE klacht_id = $1 AND accepted AND type <> ALL($2::text[]) AND left(correlation_id, 7) = 'import.' AND substr(correlation_id, 45) = $3
        ORDER BY id`,
      [klachtId, [...SYSTEEM_GEBEURTENISSEN, REGISTRATIE_EVENT], extern],
    )) as { type: string; at: Date; payload: unknown }[];
    const zelfde =
      historie.length === events.length &&
      events.every(
        (e, i) =>
          historie[i].type === e.type &&
          new Date(historie[i].at).getTime() === Date.parse(e.at) &&
          canoniek(historie[i].payload ?? {}) === canoniek(e.data ?? {}),
      );
    if (!zelfde) {
      throw new ExternGeweigerd(
        'import-andere-gebeurtenissen',
        `${extern} is al geïmporteerd (klacht ${klachtId}) met andere gebeurtenissen; een geïmporteerde klacht verandert alleen via de API`,
      );
    }
  }

  /**
   * Fires every termijn of the klacht that passed at or before `tot` and has not fired, by the engine's own catch-up
   * (termijnen/achterstand.ts haalWekkersIn: the rule the engine holds an event at `tot` to, achterstalligeTermijn, and
   * the wake-up's ordered catch-up, TermijnWakeService.verval, with TERMIJN_VERLOPEN, the escalation and the webhooks),
   * as the API does before an event and the worker would have done on time (Klachtenprotocol Wmo keten Amsterdam §6,
   * §9; Awb 9:11, 9:24 lid 1 sub b). Its wake-ups run although the klacht is import-bezig: this import holds it, and
   * fires them at their historic moments itself (opties.import).
   *
   * Until none is left (Awb 9:11 lid 1: a termijn passes on its day, whoever fires it): an expiry may start a termijn that
   * passed too (a klacht of years ago), and haalWekkersIn fires those as well, round after round. One whose wake-up fires
   * nothing (not ours to fire: another process) stops it; stepping on would put the event before that expiry:
   * InhaalGestopt.
   */
  private async haalIn(klachtId: string, tot: Date): Promise<void> {
    const wake = this.wake;
    const alsImport = Object.create(wake) as TermijnWakeService;
    alsImport.verval = (job, nu) => wake.verval(job, nu, { import: true });
    await haalWekkersIn(alsImport, this.dataSource.manager, [klachtId], tot);
    const t = achterstalligeTermijn(
      await this.dataSource.getRepository(TermijnEntity).findBy({ klachtId, status: 'lopend' }),
      tot.toISOString(),
    );
    if (t) throw new InhaalGestopt(klachtId, t.naam, t.vervaldatum);
  }
}

/**
 * The catch-up before an event (or up to now) did not get the klacht past a termijn that has passed (ImportService.haalIn):
 * its wake-up fires nothing. Stepping on would put the event before that expiry; the line stops here, the klacht is let go
 * (the service's wake-ups fire the termijn) and the line names the klacht and the termijn (DeelsGeimporteerd).
 */
class InhaalGestopt extends Error {
  constructor(klachtId: string, termijn: string, vervaldatum: string) {
    super(`de termijn ${termijn} van klacht ${klachtId} verstreek na ${vervaldatum}, maar de import kon haar niet laten verlopen`);
  }
}

/**
 * The line's whole history on the pure regime, before anything is written: the intake's registratie and
 * feiten, then each event after the termijnen due before it have fired (in due order, ties by name, at
 * their due moment or the klacht's clock when that is later: TermijnWakeService.verval), with the event
 * data checked as the API checks it (`vandaag`: the day of the import). Returns the first error, naming the field.
 */
export function proefImport(
  regime: CompiledRegime,
  intake: IntakeInput,
  registratie: unknown,
  events: KlachtEvent[],
  vandaag: IsoDate,
): ImportFout[] {
  const controles = regime.controles;
  if (controles) {
    const reg = controles.controleerRegistratie(registratie, 'intake.registratie');
    const feiten = controles.controleerFeiten(intake.feiten, 'intake.feiten');
    if (reg.fouten.length || feiten.length) return [...reg.fouten, ...feiten].map(alsFout(''));
  } else if (registratie !== undefined) {
    return [{ veld: 'intake.registratie', reden: `de klachtregeling ${regime.summary.id} kent geen registratie` }];
  }
  let huidig: StepResult = regime.start(intake);
  if (!huidig.accepted) return [{ veld: 'intake', reden: huidig.reason ?? 'de klachtregeling weigert deze intake' }];
  const gevuurd = new Set<string>();
  for (const [i, event] of events.entries()) {
    // The expiries the write fires first (haalIn), however many follow one another: each is a (termijn, last day) not fired
    // before, of which there are finitely many up to the event's day (a fixed bound let a longer chain pass unchecked).
    const voor = naVerstreken(regime, huidig, event.at, gevuurd);
    if (voor !== huidig) huidig = voor as StepResult;
    const pad = `gebeurtenissen[${i}]`;
    const dataFouten = controles?.controleerGebeurtenis(huidig.snapshot, event, { vandaag }) ?? [];
    if (dataFouten.length) return dataFouten.map(alsFout(`${pad}.`));
    const r = regime.step(huidig.snapshot, { ...event, actor: event.actor ?? 'import' });
    if (!r.accepted) {
      return [
        {
          veld: `${pad}.type`,
          reden: `${event.type} is niet toegestaan in ${huidig.state}: ${r.reason ?? 'geweigerd door de klachtregeling'}`,
        },
      ];
    }
    huidig = r;
  }
  return [];
}
