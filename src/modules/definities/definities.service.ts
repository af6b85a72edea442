import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { parse } from 'yaml';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { type AppConfig, InjectConfig } from '../../config';
import { graafStap } from '../../machines';
import type { CompiledRegime, DefinitionError, IsoDate } from '../../machines/contract';
import { dagNa, dagVoor, leesbareDatum } from '../../machines/definition/lint-hulp';
import { GEMEENTE_MAP_PATROON } from '../../machines/definition/loader';
import { loadAndValidate } from '../../machines/definition/validate';
import { type MetGeldigheid, type MetOvernames, overgenomenDoor, verantwoordelijkeVersie } from '../../machines/verantwoordelijke';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { beginVanDag } from '../termijnen/termijn-tijd';
import { DefinitieRegister, type GepubliceerdeVersie } from './definitie-register';
import { DefinitieVersieEntity } from './definitie-versie.entity';

export interface ValidatieUitkomst {
  definitieId: string;
  versie?: string;
  gemeente?: string;
  fouten: DefinitionError[];
  /** Findings that do not refuse the definition (`ernst: 'waarschuwing'`). */
  waarschuwingen: DefinitionError[];
}

interface Kop {
  gemeente?: { cbsCode?: unknown; naam?: unknown; neemtOver?: unknown };
  versie?: unknown;
  geldigVanaf?: unknown;
  geldigTot?: unknown;
}

/**
 * A version whose geldigVanaf lies before the day it is approved: it works with terugwerkende kracht. Klachten of the
 * gemeente received in those past days were pinned, when registered, to the version then in force and stay on it;
 * one of those days registered after the approval follows the new version; and whatever reads the regime of such a
 * day (the second line a letter names, the responsible college, termijn rules) answers differently from then on. The
 * rechtszekerheidsbeginsel allows that only where it does not disadvantage the klager, so the approver must confirm it.
 */
export interface TerugwerkendeKracht {
  /** The approval day: the service clock's Dutch calendar day. */
  vandaag: IsoDate;
  /**
   * The past days the version covers: from its geldigVanaf to yesterday, or to its geldigTot when that is earlier, or
   * to the day before the next served version of the gemeente begins when that is earlier still (a version without
   * geldigTot ends there: docs/definities.md), so a version put before one already in force reaches only the days up to it.
   */
  van: IsoDate;
  tot: IsoDate;
  dagen: number;
  /** Klachten of the gemeente (and of those it took over by then) received in those days: they stay on their version. */
  klachten: number;
  perVersie: Array<{ definitieId: string; versie: string; klachten: number }>;
  /** The same in words, for the approver. */
  melding: string;
}

/**
 * A version in force on the day it is approved (its geldigVanaf is that day, or an earlier one with terugwerkende
 * kracht), approved after klachten received that day were registered: they were pinned to the version then in force
 * and stay on it, while a klacht of the same day registered after the approval follows the new version. The day's
 * klachten then run on two versions. Allowed (no refusal), but the approver is told (4-ogen).
 */
export interface GesplitsteDag {
  /** The approval day: the service clock's Dutch calendar day, on which the new version is in force. */
  dag: IsoDate;
  /** Klachten of the gemeente (and of those it took over by then) received that day and registered before the approval. */
  klachten: number;
  perVersie: Array<{ definitieId: string; versie: string; klachten: number }>;
  /** The same in words, for the approver. */
  melding: string;
}

const ISO_DAG = /^\d{4}-\d{2}-\d{2}$/;

function aantalDagen(van: IsoDate, tot: IsoDate): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `versie 2026-08 geldt vanaf 1 september 2026, vóór vandaag (...): zij werkt terug over 14 dagen (...). 2 klachten ...` */
function terugwerkendeKrachtMelding(
  versie: string | undefined,
  vanaf: IsoDate,
  t: Omit<TerugwerkendeKracht, 'melding'>,
  volgende?: { versie: string; geldigVanaf: IsoDate },
): string {
  const klachten =
    t.klachten === 0
      ? 'Er zijn in die dagen geen klachten van de gemeente ontvangen'
      : `${t.klachten === 1 ? '1 klacht' : `${t.klachten} klachten`} van de gemeente, ontvangen in die dagen, ${t.klachten === 1 ? 'blijft' : 'blijven'} op ${
          t.perVersie.length === 1
            ? `versie ${t.perVersie[0].versie}`
            : `hun versie (${t.perVersie.map((p) => `${p.klachten} op ${p.versie}`).join(', ')})`
        }`;
  return (
    `versie ${versie ?? '(zonder versie)'} geldt vanaf ${leesbareDatum(vanaf)}, vóór vandaag (${leesbareDatum(t.vandaag)}): ` +
    `zij werkt terug over ${t.dagen === 1 ? '1 dag' : `${t.dagen} dagen`}, ${leesbareDatum(t.van)}${t.tot === t.van ? '' : ` t/m ${leesbareDatum(t.tot)}`}` +
    `${volgende ? ` (vanaf ${leesbareDatum(volgende.geldigVanaf)} geldt versie ${volgende.versie})` : ''}. ` +
    `${klachten}; een klacht uit die dagen die na de goedkeuring wordt geregistreerd, volgt deze versie, en wat voor een dag in die periode geldt ` +
    `(de tweede lijn die een brief noemt, het verantwoordelijke college, de termijnregels) verandert achteraf`
  );
}

/** `versie 2026-09 geldt op de dag van goedkeuring (15 september 2026); 2 klachten van de gemeente, ontvangen op die dag, ...` */
function gesplitsteDagMelding(versie: string | undefined, t: Omit<GesplitsteDag, 'melding'>): string {
  const een = t.klachten === 1;
  return (
    `versie ${versie ?? '(zonder versie)'} geldt op de dag van goedkeuring (${leesbareDatum(t.dag)}), maar ` +
    `${een ? '1 klacht' : `${t.klachten} klachten`} van de gemeente, ontvangen op die dag, ${een ? 'is' : 'zijn'} al geregistreerd op ${
      t.perVersie.length === 1
        ? `versie ${t.perVersie[0].versie}`
        : `hun versie (${t.perVersie.map((p) => `${p.klachten} op ${p.versie}`).join(', ')})`
    } en ${een ? 'blijft' : 'blijven'} daarop; een klacht van die dag die na de goedkeuring wordt geregistreerd, volgt deze versie. ` +
    `De klachten van ${leesbareDatum(t.dag)} lopen dan op twee versies (alleen een versiemigratie zet de eerdere over)`
  );
}

/** The top-level keys of a YAML text, as far as it parses (the loader reports YAML syntax errors with their position). */
function kopVan(yaml: string): Kop {
  try {
    const v = parse(yaml) as unknown;
    return v && typeof v === 'object' ? (v as Kop) : {};
  } catch {
    return {};
  }
}

/** A date as the loader reads it (YYYY-MM-DD), or undefined. */
function datumVan(v: unknown): string | undefined {
  return v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : undefined;
}

/** A regime as the engine holds it (the compiler's Regime carries its definition). */
type MetDefinitie = CompiledRegime & {
  definitie?: { gemeente?: { cbsCode?: string; neemtOver?: Array<{ cbsCode: string; vanaf: string }> } };
};

function kebab(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Definitions as an API (docs/definities.md): validate an uploaded YAML with the same stages as the CLI,
 * serve the immutable versions in `definitie_versie` (written only by an approved proposal, definitie-voorstellen.service.ts),
 * and list what is in force.
 */
@Injectable()
export class DefinitiesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Definities');
  private timer?: NodeJS.Timeout;
  private bekend = -1;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REGIME_BRON) private readonly bron: RegimeBron,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /** The registry, when the engine serves it through DefinitieRegister (it does in the app). */
  get register(): DefinitieRegister | undefined {
    return this.bron instanceof DefinitieRegister ? this.bron : undefined;
  }

  regimes(): CompiledRegime[] {
    return (this.bron as RegimeBron & { regimes?: CompiledRegime[] }).regimes ?? [];
  }

  /** The version the engine pins a klacht of `gemeente` received on `dag` to (REGIME_BRON forGemeente). */
  inWerking(gemeente: string, dag: IsoDate): CompiledRegime | undefined {
    return this.bron.forGemeente(gemeente, dag);
  }

  /**
   * The version of definition `definitieId` (of the caller's `gemeente`) a view shows when none is asked for: the one in
   * force today by the service clock, by the engine's one lookup (inWerking); else (none of its versions is: not yet,
   * its regeling ended, or the gemeente was taken over) its newest version. The editor starts from its text (GET
   * /definities/{id}/tekst), its diagram is the default (/diagram) and the werkbank diffs against it.
   */
  vandaagOfNieuwste(gemeente: string, definitieId: string): CompiledRegime | undefined {
    const versies = this.regimesVan(gemeente).filter((r) => r.summary.id === definitieId);
    const geldend = this.inWerking(gemeente, vandaagVan(this.klok));
    return versies.find((r) => r.summary.id === geldend?.summary.id && r.summary.versie === geldend.summary.versie) ?? versies[0];
  }

  /** Regimes of a gemeente (its own CBS code), newest version first. */
  regimesVan(gemeente: string): CompiledRegime[] {
    return this.regimes()
      .filter((r) => r.summary.gemeente.cbsCode.toUpperCase() === gemeente || (r as MetDefinitie).definitie?.gemeente?.cbsCode === gemeente)
      .sort((a, b) => a.summary.id.localeCompare(b.summary.id) || b.summary.geldigVanaf.localeCompare(a.summary.geldigVanaf));
  }

  /** Other processes pick up versions published elsewhere within SWEEP_INTERVAL_MS. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.verversAlsNodig().catch((e: Error) => this.logger.warn(e.message)),
      this.config.sweepIntervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async gepubliceerd(): Promise<GepubliceerdeVersie[]> {
    return this.dataSource.getRepository(DefinitieVersieEntity).find({ order: { id: 'ASC' } });
  }

  /** Reloads the registry when definitie_versie changed (after an approval here, or in another process). */
  async verversAlsNodig(): Promise<void> {
    const [{ n }] = (await this.dataSource.query('SELECT count(*)::int AS n FROM definitie_versie')) as { n: number }[];
    if (n !== this.bekend) {
      this.bekend = n;
      this.register?.herlaad(await this.gepubliceerd());
    }
  }

  /** The folder for a gemeente: the existing one in definitions/, else `gm<code>-<naam>`. */
  private mapVoor(gemeente: string, naam?: string): string {
    const prefix = `${gemeente.toLowerCase()}-`;
    const bestaand = existsSync(this.config.definitionsDir)
      ? readdirSync(this.config.definitionsDir).find((d) => d.startsWith(prefix))
      : undefined;
    const uitRegister = this.regimes().find((r) => r.summary.id.startsWith(prefix))?.summary.id;
    return bestaand ?? uitRegister ?? `${prefix}${kebab(naam ?? 'gemeente') || 'gemeente'}`;
  }

  /**
   * Validates an uploaded YAML exactly like `klachtregie validate` (schema, references, graph, legal
   * lint), next to the gemeente's other versions (so overlapping validity is caught). Errors are
   * `file:line:column` with the file as it would be published, e.g. `gm0363-amsterdam/2026-01.yaml`.
   */
  async valideer(yaml: string, gemeente: string): Promise<ValidatieUitkomst> {
    const kop = kopVan(yaml);
    const cbs = typeof kop.gemeente?.cbsCode === 'string' ? kop.gemeente.cbsCode.toUpperCase() : undefined;
    const versie = typeof kop.versie === 'string' || typeof kop.versie === 'number' ? String(kop.versie) : undefined;
    const definitieId = this.mapVoor(gemeente, typeof kop.gemeente?.naam === 'string' ? kop.gemeente.naam : undefined);
    const bestand = `${versie && /^[A-Za-z0-9._-]+$/.test(versie) ? versie : 'upload'}.yaml`;
    const weergave = `${definitieId}/${bestand}`;
    const fouten: DefinitionError[] = [];
    const waarschuwingen: DefinitionError[] = [];
    if (cbs && cbs !== gemeente) {
      fouten.push({
        file: weergave,
        line: 1,
        column: 1,
        message: `de definitie is van ${cbs}, u werkt voor ${gemeente}`,
        hint: `zet gemeente.cbsCode op ${gemeente}`,
      });
    }
    // The 1-based line of a top-level key in the text (0 when absent): errors are marked where the author acts.
    const regels = yaml.split('\n');
    const regelVan = (sleutel: string) => regels.findIndex((r) => new RegExp(`^${sleutel}\\s*:`).test(r)) + 1;
    const nieuw = await this.naastGepubliceerd(definitieId, bestand, yaml, ({ werk, map, pad, bestondAl }) => {
      if (bestondAl) {
        // At the `versie:` line, so an editor marks the line to change.
        fouten.push({
          file: weergave,
          line: regelVan('versie') || 1,
          column: 1,
          message: `versie ${versie} van ${definitieId} bestaat al en verandert niet meer`,
          hint: 'geef de wijziging een nieuwe versie (bijv. 2026-01) en een nieuwe geldigVanaf',
        });
      }
      const { errors, waarschuwingen: w } = loadAndValidate([map], [graafStap]);
      // Messages may name sibling files by their working path: show them as the author knows them.
      const zonderWerk = (t: string) => t.split(`${werk}/`).join('');
      const alsGepubliceerd = (e: DefinitionError): DefinitionError => ({
        ...e,
        file: weergave,
        message: zonderWerk(e.message),
        ...(e.hint ? { hint: zonderWerk(e.hint) } : {}),
      });
      // The served versions are valid on their own (each was checked when published), so an error the loader
      // places in one of them is caused by this text: e.g. its geldigTot runs into the next version's start. It is
      // shown at this text's validity lines, where the author can act; its message names the other version.
      const geldigRegel = regelVan('geldigTot') || regelVan('geldigVanaf') || 1;
      // Unless that version begins on this text's start day (one regeling per day, docs/definities.md): then the lint
      // marked whichever of the two sorts last, and the start day is what the author changes.
      const vanafRegel = regelVan('geldigVanaf') || geldigRegel;
      const eigenVanaf = datumVan(kop.geldigVanaf);
      const zelfdeBegindag = (bestand: string) => {
        if (eigenVanaf === undefined || !bestand.endsWith('.yaml')) return false;
        try {
          return datumVan(kopVan(readFileSync(bestand, 'utf8')).geldigVanaf) === eigenVanaf;
        } catch {
          return false;
        }
      };
      for (const e of errors) {
        if (e.file === pad) fouten.push(alsGepubliceerd(e));
        else if (e.file.startsWith(`${map}/`))
          fouten.push({ ...alsGepubliceerd(e), line: zelfdeBegindag(e.file) ? vanafRegel : geldigRegel, column: 1 });
      }
      for (const e of w) if (e.file === pad) waarschuwingen.push(alsGepubliceerd(e));
      return !bestondAl;
    });
    // Terugwerkende kracht is no error, but the author sees it before proposing and the approver must confirm it
    // (rechtszekerheid). Not for a served version pasted as it is: that is refused at its versie line already.
    const terug = nieuw ? await this.terugwerkendeKracht(yaml, gemeente) : undefined;
    if (terug) {
      const regel = regelVan('geldigVanaf') || 1;
      const waarde = /^geldigVanaf\s*:\s*/.exec(regels[regel - 1] ?? '');
      waarschuwingen.push({
        file: weergave,
        line: regel,
        column: waarde ? waarde[0].length + 1 : 1,
        ernst: 'waarschuwing',
        message: `terugwerkende kracht: ${terug.melding}`,
        hint: 'laat de versie vandaag of later ingaan, of laat wie goedkeurt de terugwerkende kracht bevestigen (alleen waar zij de klager niet benadeelt: rechtszekerheid)',
      });
    }
    return { definitieId, versie, gemeente: cbs, fouten, waarschuwingen };
  }

  /** The take-overs (gemeente.neemtOver) of every served version, as verantwoordelijke.ts reads them. */
  private overnamesGediend(): MetOvernames[] {
    return this.regimes().flatMap((r) => {
      const g = (r as MetDefinitie).definitie?.gemeente;
      return g?.cbsCode
        ? [
            {
              gemeente: {
                cbsCode: g.cbsCode,
                neemtOver: (g.neemtOver ?? []).map((n) => ({ cbsCode: n.cbsCode, vanaf: datumVan(n.vanaf) ?? '' })),
              },
            },
          ]
        : [];
    });
  }

  /**
   * Whether `yaml` would work with terugwerkende kracht if approved on `vandaag` (by default today by the service
   * clock): its geldigVanaf lies before that day. Then: the past days it covers and the klachten of `gemeente`
   * received in them, by the version they are pinned to (they stay there). Undefined for today or later.
   */
  async terugwerkendeKracht(
    yaml: string,
    gemeente: string,
    m: EntityManager = this.dataSource.manager,
    vandaag: IsoDate = vandaagVan(this.klok),
  ): Promise<TerugwerkendeKracht | undefined> {
    const kop = kopVan(yaml);
    const vanaf = datumVan(kop.geldigVanaf);
    if (!vanaf || !ISO_DAG.test(vanaf) || vanaf >= vandaag) return undefined;
    const gisteren = dagVoor(vandaag);
    const geldigTot = datumVan(kop.geldigTot);
    const eigenTot = geldigTot && ISO_DAG.test(geldigTot) && geldigTot < gisteren ? geldigTot : gisteren;
    // A version of the gemeente already served that begins after this one ends it the day before (docs/definities.md:
    // one regeling per day; the newest start day decides, registry forGemeente): the days from then on keep their
    // version, and their klachten are not this version's. Read in `m` too, for a version approved in another process
    // that this one's registry has not loaded yet.
    const versie = typeof kop.versie === 'string' || typeof kop.versie === 'number' ? String(kop.versie) : undefined;
    const code = typeof kop.gemeente?.cbsCode === 'string' ? kop.gemeente.cbsCode.toUpperCase() : gemeente;
    const volgende = [
      ...this.regimes()
        .filter((r) => r.summary.gemeente.cbsCode.toUpperCase() === code)
        .map((r) => ({ versie: r.summary.versie, geldigVanaf: r.summary.geldigVanaf })),
      ...((await m.query(`select versie, to_char(geldig_vanaf, 'YYYY-MM-DD') as "geldigVanaf" from definitie_versie where gemeente = $1`, [
        code,
      ])) as Array<{ versie: string; geldigVanaf: string }>),
    ]
      .filter((v) => v.versie !== versie && v.geldigVanaf > vanaf && v.geldigVanaf <= eigenTot)
      .sort((a, b) => a.geldigVanaf.localeCompare(b.geldigVanaf))[0];
    const tot = volgende ? dagVoor(volgende.geldigVanaf) : eigenTot;
    if (tot < vanaf) return undefined;
    // The klachten this version would have taken had it been in force: the gemeente's own, and those of a gemeente it
    // takes over from the day of the herindeling (neemtOver, as the registry's forGemeente routes them).
    // A take-over is a fact from its day on, whichever version of the successor's regeling records it (Wet arhi art.
    // 40; verantwoordelijke.ts): this text's neemtOver and that of every served version, followed through successive
    // herindelingen, as forGemeente follows them. A new version that does not repeat neemtOver still takes them.
    const eigenOver = (Array.isArray(kop.gemeente?.neemtOver) ? (kop.gemeente.neemtOver as Array<Record<string, unknown>>) : []).map(
      (n) => ({ cbsCode: typeof n?.cbsCode === 'string' ? n.cbsCode : '', vanaf: datumVan(n?.vanaf) ?? '' }),
    );
    const alle = overgenomenDoor([{ gemeente: { cbsCode: code, neemtOver: eigenOver } }, ...this.overnamesGediend()], code);
    const over = alle.filter((n) => n.vanaf <= tot);
    const perVersie = await this.klachtenPerVersie(m, vanaf, tot, gemeente, over);
    const zonderMelding = {
      vandaag,
      van: vanaf,
      tot,
      dagen: aantalDagen(vanaf, tot),
      klachten: perVersie.reduce((a, p) => a + p.klachten, 0),
      perVersie,
    };
    return { ...zonderMelding, melding: terugwerkendeKrachtMelding(versie, vanaf, zonderMelding, volgende) };
  }

  /**
   * The klachten received from `van` to `tot` (Amsterdam days, inclusive) by the gemeente `gemeente` and by those it took
   * over (Wet arhi art. 40), each from the day of its take-over, per definition version they run on: what a new version
   * would work back on (terugwerkendeKracht) or split (gesplitsteDag).
   */
  private async klachtenPerVersie(
    m: EntityManager,
    van: IsoDate,
    tot: IsoDate,
    gemeente: string,
    over: ReadonlyArray<{ cbsCode: string; vanaf: IsoDate }>,
  ): Promise<Array<{ definitieId: string; versie: string; klachten: number }>> {
    const rijen = (await m.query(
      `select definitie_id, definitie_versie, count(*)::int as n from klacht
        where ontvangen_op >= $1 and ontvangen_op < $2
          and (gemeente = $3 or exists (select 1 from unnest($4::text[], $5::timestamptz[]) as o(code, vanaf)
                                         where klacht.gemeente = o.code and klacht.ontvangen_op >= o.vanaf))
        group by definitie_id, definitie_versie order by definitie_id, definitie_versie`,
      [beginVanDag(van), beginVanDag(dagNa(tot)), gemeente, over.map((n) => n.cbsCode), over.map((n) => beginVanDag(n.vanaf))],
    )) as Array<{ definitie_id: string; definitie_versie: string; n: number }>;
    return rijen.map((r) => ({ definitieId: r.definitie_id, versie: r.definitie_versie, klachten: r.n }));
  }

  /**
   * Whether approving `yaml` on `vandaag` (by default today by the service clock) splits that day's klachten over two
   * versions (GesplitsteDag): the version is the one in force that day by the engine's one lookup (verantwoordelijkeVersie,
   * next to every served version, those approved in another process read in `m` too), and klachten of the gemeente (and of
   * those it took over by then, overgenomenDoor) received that day are already registered. Undefined otherwise.
   */
  async gesplitsteDag(
    yaml: string,
    gemeente: string,
    m: EntityManager = this.dataSource.manager,
    vandaag: IsoDate = vandaagVan(this.klok),
  ): Promise<GesplitsteDag | undefined> {
    const kop = kopVan(yaml);
    const vanaf = datumVan(kop.geldigVanaf);
    const tot = datumVan(kop.geldigTot);
    if (!vanaf || !ISO_DAG.test(vanaf) || vanaf > vandaag || (tot && tot < vandaag)) return undefined;
    const code = typeof kop.gemeente?.cbsCode === 'string' ? kop.gemeente.cbsCode.toUpperCase() : gemeente;
    const versie = typeof kop.versie === 'string' || typeof kop.versie === 'number' ? String(kop.versie) : undefined;
    const alsVersie = (k: Kop): MetGeldigheid | undefined => {
      const v = datumVan(k.geldigVanaf);
      const t = datumVan(k.geldigTot);
      const c = typeof k.gemeente?.cbsCode === 'string' ? k.gemeente.cbsCode : undefined;
      if (!v || !ISO_DAG.test(v) || !c) return undefined;
      const neemtOver = (Array.isArray(k.gemeente?.neemtOver) ? (k.gemeente.neemtOver as Array<Record<string, unknown>>) : []).map((n) => ({
        cbsCode: typeof n?.cbsCode === 'string' ? n.cbsCode : '',
        vanaf: datumVan(n?.vanaf) ?? '',
      }));
      return { gemeente: { cbsCode: c, neemtOver }, geldigVanaf: v, ...(t && ISO_DAG.test(t) ? { geldigTot: t } : {}) };
    };
    const deze = alsVersie(kop);
    if (!deze) return undefined;
    const geladen = new Set(this.regimes().map((r) => `${r.summary.id}/${r.summary.versie}`));
    const elders = (
      (await m.query('select definitie_id, versie, yaml from definitie_versie')) as Array<{
        definitie_id: string;
        versie: string;
        yaml: string;
      }>
    )
      .filter((r) => !geladen.has(`${r.definitie_id}/${r.versie}`))
      .map((r) => alsVersie(kopVan(r.yaml)))
      .filter((v): v is MetGeldigheid => !!v);
    const gediend = this.regimes()
      .map((r) => (r as MetDefinitie).definitie as MetGeldigheid | undefined)
      .filter((d): d is MetGeldigheid => !!d?.gemeente?.cbsCode && !!d.geldigVanaf);
    const alle: MetGeldigheid[] = [deze, ...gediend, ...elders];
    if (verantwoordelijkeVersie(alle, code, vandaag) !== deze) return undefined;
    const over = overgenomenDoor(alle, code).filter((n) => n.vanaf <= vandaag);
    const perVersie = await this.klachtenPerVersie(m, vandaag, vandaag, code, over);
    const klachten = perVersie.reduce((a, p) => a + p.klachten, 0);
    if (klachten === 0) return undefined;
    const zonderMelding = { dag: vandaag, klachten, perVersie };
    return { ...zonderMelding, melding: gesplitsteDagMelding(versie, zonderMelding) };
  }

  /**
   * Runs `werk` on a temporary copy of a definition's folder as it is served: the repository's files (letters
   * and ZGW mapping included) and the versions published through the API, with `yaml` written as `bestand`
   * (over a served version of that name: `bestondAl`). The one place where a pasted or edited text is judged
   * next to the gemeente's other versions (validation, preview, the editor's scenarios and diff), so overlapping
   * validity and the second line on earlier dates are judged against what is really in force.
   */
  async naastGepubliceerd<T>(
    definitieId: string,
    bestand: string,
    yaml: string,
    werk: (w: { werk: string; map: string; pad: string; bestondAl: boolean }) => T | Promise<T>,
  ): Promise<T> {
    // Both become paths below: only a folder name and a file name as the loader knows them.
    if (!GEMEENTE_MAP_PATROON.test(definitieId) || !/^[A-Za-z0-9._-]+\.yaml$/.test(bestand))
      throw new Error(`Geen definitiemap of bestandsnaam: ${definitieId}/${bestand}`);
    const tmp = mkdtempSync(join(tmpdir(), 'klachtregie-werkmap-'));
    try {
      const map = join(tmp, definitieId);
      mkdirSync(map, { recursive: true });
      const bron = join(this.config.definitionsDir, definitieId);
      if (existsSync(bron)) cpSync(bron, map, { recursive: true });
      for (const v of await this.gepubliceerd()) {
        if (v.definitieId === definitieId) writeFileSync(join(map, `${v.versie}.yaml`), v.yaml);
      }
      const pad = join(map, bestand);
      const bestondAl = existsSync(pad);
      writeFileSync(pad, yaml);
      return await werk({ werk: tmp, map, pad, bestondAl });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** The YAML of a served version as written: a version published through the API, else the repository's file. */
  async yamlVan(definitieId: string, versie: string): Promise<string | undefined> {
    const rij = await this.dataSource.getRepository(DefinitieVersieEntity).findOne({ where: { definitieId, versie } });
    if (rij) return rij.yaml;
    const pad = join(this.config.definitionsDir, definitieId, `${versie}.yaml`);
    return /^[A-Za-z0-9._-]+$/.test(definitieId + versie) && existsSync(pad) ? readFileSync(pad, 'utf8') : undefined;
  }

  /** `geldigVanaf` of a YAML that passed validation (the loader already checked it is a date). */
  geldigVanafVan(yaml: string): string {
    const kop = parse(yaml) as { geldigVanaf?: unknown };
    return String(kop.geldigVanaf instanceof Date ? kop.geldigVanaf.toISOString().slice(0, 10) : kop.geldigVanaf);
  }
}
