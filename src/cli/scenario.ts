/**
 * What `simulate` and `test` share: reading scenario files (one file, or every *.yaml below a folder),
 * choosing the regime that applies to an intake, and printing a timeline.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DefinitionError, IntakeInput } from '../machines/contract';
import { leesScenarioBestand, type GelezenScenario, type ScenarioBestand } from '../machines/engine/scenario-bestand';
import { toetsScenario, type ScenarioUitslag } from '../machines/engine/scenario-toets';
import { alsTijdstip, type TijdlijnRegel } from '../machines/engine/simulatie';
import type { Regime } from '../machines/regime';
import { maakRegistry } from '../machines/registry';
import { kalenderdag } from '../machines/termijnen';

/** The version that applies to the intake's gemeente on its date (validity dates and neemtOver, as the service does). */
export function kiesRegime(regimes: Regime[], intake: IntakeInput): Regime | undefined {
  return maakRegistry(regimes).forGemeente(intake.gemeente, kalenderdag(alsTijdstip(intake.ontvangenOp))) as Regime | undefined;
}

/** Every scenario file at the given paths: a file as is, a folder searched for *.yaml (sorted, recursively). */
export function scenarioBestanden(paden: string[]): { bestanden: string[]; ontbreekt: string[] } {
  const bestanden: string[] = [];
  const ontbreekt: string[] = [];
  const loop = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) loop(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) bestanden.push(p);
    }
  };
  for (const p of paden) {
    if (!existsSync(p)) ontbreekt.push(p);
    else if (statSync(p).isDirectory()) loop(p);
    else bestanden.push(p);
  }
  return { bestanden: [...new Set(bestanden)], ontbreekt };
}

export function leesScenarioPad(file: string): { bestand?: ScenarioBestand; errors: DefinitionError[] } {
  let tekst: string;
  try {
    tekst = readFileSync(file, 'utf8');
  } catch {
    return { errors: [{ file, line: 1, column: 1, message: 'het scenario is niet te lezen' }] };
  }
  return leesScenarioBestand(tekst, file);
}

/** One timeline entry as the lines `simulate` prints. */
export function tijdlijnRegels(r: TijdlijnRegel): string[] {
  const out: string[] = [];
  if (r.soort === 'herinnering' && r.herinnering) {
    const h = r.herinnering;
    return [`${r.datum}  herinnering ${h.naam} aan ${h.naar}: termijn ${h.termijn} vervalt ${h.vervaldatum}`];
  }
  const data = r.data && Object.keys(r.data).length ? ` ${JSON.stringify(r.data)}` : '';
  const wie = r.soort === 'verloop' ? ' (virtuele klok)' : '';
  if (!r.accepted) {
    out.push(`${r.datum}  ${r.event}${data}${wie}: GEWEIGERD in ${r.van}`);
    out.push(`            reden: ${r.reason}`);
    return out;
  }
  out.push(`${r.datum}  ${r.event}${data}${wie}: ${r.van} -> ${r.naar}`);
  for (const t of r.termijnenGezet)
    out.push(`            termijn gezet: ${t.label} (${t.naam}) vervalt ${t.vervaldatum} [${t.grondslag ?? ''}]`);
  for (const v of r.termijnenVerschoven)
    out.push(`            termijn verschoven: ${v.termijn.label} (${v.termijn.naam}) ${v.van} -> ${v.termijn.vervaldatum}`);
  for (const n of r.termijnenGestopt) out.push(`            termijn gestopt: ${n}`);
  for (const i of r.intents) {
    const soort = i.type === 'ESCALATIE' ? 'escalatie' : 'intent';
    out.push(
      `            ${soort}: ${i.type}${i.naar ? ` aan ${i.naar}` : ''}${i.grondslag ? ` [${i.grondslag}]` : ''}${i.data && Object.keys(i.data).length ? ` ${JSON.stringify(i.data)}` : ''}`,
    );
  }
  return out;
}

/** One finding of a scenario run, at the scenario file's `line:column`. */
export interface ScenarioMelding {
  line: number;
  column: number;
  melding: string;
  toelichting?: string[];
}

/** The verdict on one scenario, as `klachtregie test` prints it and the /beheer editor shows it. */
export interface ScenarioOordeel {
  naam: string;
  geslaagd: boolean;
  /** Why it failed (empty when it passed). */
  meldingen: ScenarioMelding[];
  /** The run, when it ran (for the timeline of a failed scenario). */
  uitslag?: ScenarioUitslag;
}

/**
 * Runs one scenario of a file against a regime and checks its expectations: the intake facts the regeling must know
 * (the service refuses others with 422, so a scenario may not rely on one), then every expectation (toetsScenario).
 * `regime` undefined: no definition applies to the intake.
 */
export function beoordeelScenario(bestand: ScenarioBestand, scenario: GelezenScenario, regime: Regime | undefined): ScenarioOordeel {
  const naam = scenario.naam || basename(bestand.file);
  if (!regime) {
    const p = bestand.positie([...scenario.pad, 'intake']);
    return {
      naam,
      geslaagd: false,
      meldingen: [{ ...p, melding: `geen definitie voor gemeente ${scenario.intake.gemeente} geldt op ${scenario.intake.ontvangenOp}` }],
    };
  }
  const feitenFouten = regime.controles.controleerFeiten(scenario.intake.feiten);
  if (feitenFouten.length) {
    return {
      naam,
      geslaagd: false,
      meldingen: feitenFouten.map((f) => ({
        ...bestand.positie([...scenario.pad, 'intake', ...f.name.split('.')]),
        melding: `${f.name}: ${f.reason}`,
      })),
    };
  }
  const uitslag = toetsScenario(regime, scenario);
  return {
    naam,
    geslaagd: uitslag.afwijkingen.length === 0,
    meldingen: uitslag.afwijkingen.map((a) => ({
      ...bestand.positie(a.pad, a.sleutel),
      melding: `${a.moment}: ${a.melding}`,
      ...(a.toelichting?.length ? { toelichting: a.toelichting } : {}),
    })),
    uitslag,
  };
}
