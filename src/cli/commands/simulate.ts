/**
 * `klachtregie simulate <definitie> <scenario.yaml>`: runs a scenario (intake plus events at dates) on
 * a virtual clock and prints the timeline: date, event, from -> to, termijnen set or moved, reminders,
 * escalations and intents. Expired termijnen fire TERMIJN_VERLOPEN before the next event, as the
 * service's jobs would (design.md §5).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { CliCommand } from '../main';
import type { IntakeInput } from '../../machines/contract';
import { formatError } from '../../machines/definition/loader';
import { laadRegimes } from '../../machines/engine/laad-regimes';
import { alsTijdstip, simuleer, type Scenario, type ScenarioGebeurtenis, type TijdlijnRegel } from '../../machines/engine/simulatie';
import type { Regime } from '../../machines/regime';
import { maakRegistry } from '../../machines/registry';
import { kalenderdag } from '../../machines/termijnen';

const USAGE = [
  'Gebruik: klachtregie simulate <definitie> <scenario.yaml>',
  '',
  'Speelt een scenario af op een virtuele klok en toont de tijdlijn.',
  '  <definitie>    een definitiebestand of gemeentemap (de versie die geldt op de ontvangstdatum)',
  '  <scenario>     YAML met intake: {...} en gebeurtenissen: [ { op: 2026-04-02, event: VERDAGEN, data: {...} } ]',
  '',
  'Voorbeeld: klachtregie simulate definitions/gm0363-amsterdam test/fixtures/scenarios/gm0363-amsterdam.yaml',
].join('\n');

export function leesScenario(tekst: string): { scenario?: Scenario; fout?: string } {
  let ruw: unknown;
  try {
    ruw = parse(tekst);
  } catch (e) {
    return { fout: `het scenario is geen geldige YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  const r = (ruw ?? {}) as Record<string, unknown>;
  const intake = r.intake as IntakeInput | undefined;
  if (!intake || typeof intake !== 'object') return { fout: 'het scenario mist intake: (gemeente, kanaal, ontvangenOp, ingediendBij, soort, aanbieders, feiten)' };
  const naarTekst = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  const lijst = (r.gebeurtenissen ?? r.events ?? []) as Array<Record<string, unknown>>;
  if (!Array.isArray(lijst)) return { fout: 'gebeurtenissen is een lijst: - { op: 2026-04-02, event: VERDAGEN, data: { termijn: afhandeling, duur: P4W } }' };
  const gebeurtenissen: ScenarioGebeurtenis[] = [];
  for (const [i, g] of lijst.entries()) {
    if (!g || typeof g.event !== 'string' || g.op === undefined) return { fout: `gebeurtenis ${i + 1} mist op: (datum) of event: (TYPE)` };
    gebeurtenissen.push({ op: naarTekst(g.op), event: g.event, ...(g.data ? { data: g.data as Record<string, unknown> } : {}), ...(g.actor ? { actor: String(g.actor) } : {}) });
  }
  return {
    scenario: {
      ...(r.naam ? { naam: String(r.naam) } : {}),
      intake: { ...intake, aanbieders: intake.aanbieders ?? [], feiten: intake.feiten ?? {}, ontvangenOp: naarTekst(intake.ontvangenOp) },
      gebeurtenissen,
      ...(r.tot ? { tot: naarTekst(r.tot) } : {}),
    },
  };
}

/** The version that applies to the intake's gemeente on its date (validity dates and neemtOver, as the service does). */
export function kiesRegime(regimes: Regime[], intake: IntakeInput): Regime | undefined {
  return maakRegistry(regimes).forGemeente(intake.gemeente, kalenderdag(alsTijdstip(intake.ontvangenOp))) as Regime | undefined;
}

function regels(r: TijdlijnRegel): string[] {
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
  for (const t of r.termijnenGezet) out.push(`            termijn gezet: ${t.label} (${t.naam}) vervalt ${t.vervaldatum} [${t.grondslag ?? ''}]`);
  for (const v of r.termijnenVerschoven) out.push(`            termijn verschoven: ${v.termijn.label} (${v.termijn.naam}) ${v.van} -> ${v.termijn.vervaldatum}`);
  for (const n of r.termijnenGestopt) out.push(`            termijn gestopt: ${n}`);
  for (const i of r.intents) {
    const soort = i.type === 'ESCALATIE' ? 'escalatie' : 'intent';
    out.push(`            ${soort}: ${i.type}${i.naar ? ` aan ${i.naar}` : ''}${i.grondslag ? ` [${i.grondslag}]` : ''}${i.data && Object.keys(i.data).length ? ` ${JSON.stringify(i.data)}` : ''}`);
  }
  return out;
}

export const command: CliCommand = {
  name: 'simulate',
  summary: 'speel een scenario af op een virtuele klok en toon de tijdlijn',
  usage: USAGE,
  async run(args, io) {
    const pos = args.filter((a) => !a.startsWith('-'));
    if (pos.length !== 2) {
      io.err('klachtregie simulate: geef een definitie en een scenario, bijvoorbeeld: klachtregie simulate definitions/gm0363-amsterdam test/fixtures/scenarios/gm0363-amsterdam.yaml');
      return 2;
    }
    const [defPad, scenPad] = pos.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
    let tekst: string;
    try {
      tekst = readFileSync(scenPad, 'utf8');
    } catch {
      io.err(`klachtregie simulate: scenario '${pos[1]}' is niet te lezen`);
      return 2;
    }
    const { scenario, fout } = leesScenario(tekst);
    if (!scenario) {
      io.err(`${relative(io.cwd, scenPad)}: ${fout}`);
      return 2;
    }
    const { regimes, errors } = laadRegimes([defPad]);
    if (errors.length) {
      for (const e of errors) formatError({ ...e, file: relative(io.cwd, e.file) || e.file }).split('\n').forEach((l) => io.err(l));
      io.err(`\n${errors.length} fout${errors.length === 1 ? '' : 'en'} in de definitie; los die eerst op (klachtregie validate).`);
      return 1;
    }
    const regime = kiesRegime(regimes, scenario.intake);
    if (!regime) {
      io.err(`geen definitie voor gemeente ${scenario.intake.gemeente} geldt op ${scenario.intake.ontvangenOp} (controleer intake.gemeente en de geldigheid van de definitie)`);
      return 1;
    }
    const s = regime.summary;
    io.out(`${scenario.naam ? `${scenario.naam}\n` : ''}${s.gemeente.naam} (${s.gemeente.cbsCode}), versie ${s.versie}`);
    const uitkomst = simuleer(regime, scenario);
    for (const r of uitkomst.tijdlijn) regels(r).forEach((l) => io.out(l));
    const eind = uitkomst.eind;
    io.out('');
    io.out(`Eindstand: ${eind.state} (${regime.beschrijfState(eind.state)})${eind.done ? ', afgesloten' : ''}`);
    for (const t of eind.termijnen) io.out(`  lopende termijn: ${t.label} (${t.naam}) vervalt ${t.vervaldatum}`);
    if (eind.volgendeEvents.length) io.out(`  mogelijk nu: ${eind.volgendeEvents.join(', ')}`);
    if (uitkomst.geweigerd) {
      io.err(`${uitkomst.geweigerd} gebeurtenis${uitkomst.geweigerd === 1 ? '' : 'sen'} geweigerd.`);
      return 1;
    }
    return 0;
  },
};
