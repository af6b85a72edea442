import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem';
import { APP_CONFIG, type AppConfig } from '../../config';
import { beoordeelScenario, leesScenarioPad, scenarioBestanden, type ScenarioMelding } from '../../cli/scenario';
import { compileerSamen } from '../../machines/registry';
import { GEMEENTE_MAP_PATROON } from '../../machines/definition/loader';
import { loadAndValidate } from '../../machines/definition/validate';
import { toestandenVan, vergelijkDefinities, type DefinitieVerschil } from '../../machines/definitie-verschil';
import type { Regime } from '../../machines/regime';
import { DefinitiesService } from '../definities/definities.service';
import { naamUitVersie } from './voorbeeld.service';
import { WEB_REGISTRY, type WebRegistry } from './web-registry.provider';

export interface ScenarioRapport {
  /** False when the text does not compile: the scenarios cannot run until its errors are fixed. */
  kanDraaien: boolean;
  reden?: string;
  totaal: number;
  geslaagd: number;
  mislukt: number;
  bestanden: Array<{
    bestand: string;
    suite?: string;
    scenarios: Array<{ naam: string; geslaagd: boolean; meldingen: ScenarioMelding[] }>;
    /** The file itself is no valid scenario. */
    fouten?: ScenarioMelding[];
  }>;
}

export type VerschilRapport = { kanVergelijken: boolean; reden?: string; tegen?: string } & Partial<DefinitieVerschil>;

/**
 * The beleidsmedewerker's workbench behind the /beheer editor (docs/beheer-en-rapportages.md): the gemeente's
 * scenario suite run against the text being edited, and the readable diff with the published version. Nothing is
 * stored. Validation and the diagram are the existing endpoints (POST /definities/validaties, /definitie-voorbeelden).
 */
@Injectable()
export class WerkbankService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEB_REGISTRY) private readonly registry: WebRegistry,
    private readonly definities: DefinitiesService,
  ) {}

  /** `scenarios/` next to `definitions/`, as in the repository (`klachtregie test definitions scenarios`). */
  private get scenariosDir(): string {
    return this.config.scenariosDir;
  }

  /** A definition of another gemeente is not found (tenancy: docs/adr/0003-tenancy-webhooks-idempotency.md). */
  private eigen(definitieId: string, gemeente: string): void {
    // The id names folders below: only a folder name as the loader knows them (no path), of the caller's gemeente.
    if (!GEMEENTE_MAP_PATROON.test(definitieId) || !definitieId.startsWith(`${gemeente.toLowerCase()}-`))
      throw ProblemException.notFound(`Geen definitie ${definitieId} voor ${gemeente}.`, 'definitie-niet-gevonden');
  }

  /**
   * Compiles the edited text next to the gemeente's other versions as served, the repository's and those
   * published through the API (their second line covers dates before this version, GemW 81p: one body on
   * every date), in the file it would be published as. The graph check is the validation's, not needed to run.
   */
  private async compileer(yaml: string, definitieId: string): Promise<Regime | undefined> {
    try {
      return await this.definities.naastGepubliceerd(definitieId, naamUitVersie(yaml), yaml, ({ map, pad }) => {
        const { definities, errors } = loadAndValidate([map]);
        if (errors.some((e) => e.file === pad)) return undefined;
        const i = definities.findIndex((d) => d.file === pad);
        return i < 0 ? undefined : compileerSamen(definities)[i];
      });
    } catch {
      return undefined;
    }
  }

  /**
   * Every scenario in `scenarios/<definitieId>/`, run against the edited text (not the version in force on the
   * scenario's date: the point is what this text does), with the same checks as `klachtregie test`.
   */
  async scenarios(definitieId: string, gemeente: string, yaml: string): Promise<ScenarioRapport> {
    this.eigen(definitieId, gemeente);
    const map = join(this.scenariosDir, definitieId);
    const { bestanden } = existsSync(map) ? scenarioBestanden([map]) : { bestanden: [] as string[] };
    const regime = await this.compileer(yaml, definitieId);
    if (!regime)
      return {
        kanDraaien: false,
        reden: 'De tekst bevat fouten; de scenario’s draaien weer zodra die zijn opgelost.',
        totaal: 0,
        geslaagd: 0,
        mislukt: 0,
        bestanden: [],
      };
    const rapport: ScenarioRapport = { kanDraaien: true, totaal: 0, geslaagd: 0, mislukt: 0, bestanden: [] };
    for (const file of bestanden) {
      const naam = relative(dirname(this.scenariosDir), file);
      const { bestand, errors } = leesScenarioPad(file);
      if (!bestand) {
        rapport.bestanden.push({
          bestand: naam,
          scenarios: [],
          fouten: errors.map((e) => ({ line: e.line, column: e.column, melding: e.message })),
        });
        continue;
      }
      const scenarios = bestand.scenarios.map((s) => {
        const o = beoordeelScenario(bestand, s, regime);
        return { naam: o.naam, geslaagd: o.geslaagd, meldingen: o.meldingen };
      });
      rapport.bestanden.push({ bestand: naam, ...(bestand.suite ? { suite: bestand.suite } : {}), scenarios });
      rapport.totaal += scenarios.length;
      rapport.geslaagd += scenarios.filter((s) => s.geslaagd).length;
    }
    rapport.mislukt = rapport.totaal - rapport.geslaagd;
    return rapport;
  }

  /**
   * The diff of the edited text against the published version in force today (the service clock), or the newest: the
   * version the editor started from (GET /definities/{id}/tekst), by the same pick (DefinitiesService.vandaagOfNieuwste,
   * the engine's one lookup).
   */
  async verschil(definitieId: string, gemeente: string, yaml: string): Promise<VerschilRapport> {
    this.eigen(definitieId, gemeente);
    const gekozen = this.definities.vandaagOfNieuwste(gemeente, definitieId) as Regime | undefined;
    const gepubliceerd = gekozen?.definitie ? gekozen : undefined;
    if (!gepubliceerd) return { kanVergelijken: false, reden: 'Er is nog geen gepubliceerde versie om mee te vergelijken.' };
    const nieuw = await this.compileer(yaml, definitieId);
    if (!nieuw)
      return {
        kanVergelijken: false,
        tegen: gepubliceerd.summary.versie,
        reden: 'De tekst bevat fouten; het verschil volgt zodra die zijn opgelost.',
      };
    return {
      kanVergelijken: true,
      tegen: gepubliceerd.summary.versie,
      ...vergelijkDefinities(
        { definitie: gepubliceerd.definitie, toestanden: toestandenVan(gepubliceerd.machine) },
        { definitie: nieuw.definitie, toestanden: toestandenVan(nieuw.machine) },
      ),
    };
  }
}
