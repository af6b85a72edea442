/**
 * What a new version of a definition changes against the published one, in the terms a beleidsmedewerker reviews
 * (4-ogen, Uitgangspunten klachtenmanagement Sociaal Domein §1D): states added or removed, termijnen changed (duur,
 * rekenwijze, Atw, verdaging), the second line (Awb 9.2, GemW 81p) and the routing criteria between aanbieder and
 * gemeente. Computed from the definitions and their compiled machines, not from the text, so moving a block or
 * rewording a comment is no change. Pure: no I/O.
 */
import type { AnyStateMachine } from 'xstate';
import { beschrijfVoorwaarde } from './compiler/voorwaarde';
import { beschrijfDuur } from './definition/lint-hulp';
import type { Definitie, TermijnDefinitie, TweedeLijnInstantie, Voorwaarde } from './definition/types';
import { stateNodes, toDiagramGraph } from './diagram/diagram-graph';

export interface Toestand {
  /** State path, e.g. `gemeente.inBehandeling`. */
  id: string;
  /** Dutch description of the state. */
  label: string;
}

export interface VerschilKant {
  definitie: Definitie;
  toestanden: Toestand[];
}

export type Wijziging = 'toegevoegd' | 'verwijderd' | 'gewijzigd';

export interface TermijnVerschil {
  naam: string;
  label: string;
  soort: Wijziging;
  /** `5 werkdagen`, as the law writes it. */
  oud?: string;
  nieuw?: string;
  /** One sentence per changed property. */
  regels: string[];
}

export interface TweedeLijnVerschil {
  naam: string;
  soort: Wijziging;
  regels: string[];
}

export interface RouteringVerschil {
  /** `eersteLijn.standaard`, `eersteLijn.doorsturenNaarAanbieder`, ... */
  criterium: string;
  oud?: string;
  nieuw?: string;
  regel: string;
}

export interface DefinitieVerschil {
  van: string;
  naar: string;
  toestanden: { toegevoegd: Toestand[]; verwijderd: Toestand[] };
  termijnen: TermijnVerschil[];
  tweedeLijn: TweedeLijnVerschil[];
  routering: RouteringVerschil[];
  /** Number of changes listed above (0: the same regeling, whatever the text). */
  aantal: number;
}

/** The states of a compiled machine (`CompiledRegime.machine`), as the diagram shows them. */
export function toestandenVan(machine: unknown): Toestand[] {
  return stateNodes(toDiagramGraph(machine as AnyStateMachine)).map((n) => ({ id: n.id, label: n.label }));
}

/** A termijn's length as the law writes it: `5 werkdagen`, `6 weken`. */
export function termijnLengte(t: Pick<TermijnDefinitie, 'duur' | 'rekenwijze'>): string {
  const d = beschrijfDuur(t.duur);
  return t.rekenwijze === 'werkdagen' ? d.replace(/\bdag(en)?\b/, (_m, mv: string | undefined) => (mv ? 'werkdagen' : 'werkdag')) : d;
}

function termijnVerschil(naam: string, a: TermijnDefinitie | undefined, b: TermijnDefinitie | undefined): TermijnVerschil | undefined {
  if (!a && b)
    return {
      naam,
      label: b.label,
      soort: 'toegevoegd',
      nieuw: termijnLengte(b),
      regels: [`nieuwe termijn '${b.label}': ${termijnLengte(b)} (${b.grondslag})`],
    };
  if (a && !b)
    return {
      naam,
      label: a.label,
      soort: 'verwijderd',
      oud: termijnLengte(a),
      regels: [`termijn '${a.label}' (${termijnLengte(a)}) vervalt`],
    };
  if (!a || !b) return undefined;
  const regels: string[] = [];
  const [oud, nieuw] = [termijnLengte(a), termijnLengte(b)];
  if (a.duur !== b.duur || a.rekenwijze !== b.rekenwijze) regels.push(`duur ${oud} → ${nieuw}`);
  if (a.atw !== b.atw)
    regels.push(b.atw ? 'de Algemene termijnenwet is nu van toepassing' : 'de Algemene termijnenwet is niet meer van toepassing');
  if ((a.verdagingMax ?? '') !== (b.verdagingMax ?? ''))
    regels.push(
      `verdaging ${a.verdagingMax ? `met ten hoogste ${beschrijfDuur(a.verdagingMax)}` : 'niet mogelijk'} → ${b.verdagingMax ? `met ten hoogste ${beschrijfDuur(b.verdagingMax)}` : 'niet mogelijk'}`,
    );
  if ((a.escalatieNaar ?? '') !== (b.escalatieNaar ?? ''))
    regels.push(`escalatie naar ${a.escalatieNaar ?? 'niemand'} → ${b.escalatieNaar ?? 'niemand'}`);
  if (a.grondslag !== b.grondslag) regels.push(`grondslag ${a.grondslag} → ${b.grondslag}`);
  if (a.label !== b.label) regels.push(`naam '${a.label}' → '${b.label}'`);
  return regels.length ? { naam, label: b.label, soort: 'gewijzigd', oud, nieuw, regels } : undefined;
}

function instantieTekst(t: TweedeLijnInstantie): string {
  return `${t.naam} (${t.soort}, vanaf ${t.geldigVanaf}${t.geldigTot ? ` t/m ${t.geldigTot}` : ''})`;
}

function tweedeLijnVerschil(a: TweedeLijnInstantie[], b: TweedeLijnInstantie[]): TweedeLijnVerschil[] {
  const uit: TweedeLijnVerschil[] = [];
  const oud = new Map(a.map((t) => [t.naam, t]));
  const nieuw = new Map(b.map((t) => [t.naam, t]));
  for (const [naam, t] of oud)
    if (!nieuw.has(naam)) uit.push({ naam, soort: 'verwijderd', regels: [`${instantieTekst(t)} vervalt als tweede lijn`] });
  for (const [naam, t] of nieuw) {
    const o = oud.get(naam);
    if (!o) {
      uit.push({ naam, soort: 'toegevoegd', regels: [`nieuwe tweede lijn: ${instantieTekst(t)}`] });
      continue;
    }
    const regels: string[] = [];
    if (o.soort !== t.soort) regels.push(`soort ${o.soort} → ${t.soort}`);
    if (o.geldigVanaf !== t.geldigVanaf) regels.push(`geldig vanaf ${o.geldigVanaf} → ${t.geldigVanaf}`);
    if ((o.geldigTot ?? '') !== (t.geldigTot ?? '')) regels.push(`geldig tot ${o.geldigTot ?? 'open'} → ${t.geldigTot ?? 'open'}`);
    if (o.bevoegdOverAanbieders !== t.bevoegdOverAanbieders)
      regels.push(t.bevoegdOverAanbieders ? 'nu ook bevoegd over aanbieders' : 'niet meer bevoegd over aanbieders');
    if (regels.length) uit.push({ naam, soort: 'gewijzigd', regels });
  }
  return uit;
}

const ROUTERING: Array<{ sleutel: keyof Definitie['eersteLijn']; wat: string }> = [
  { sleutel: 'standaard', wat: 'eerste lijn standaard' },
  { sleutel: 'doorsturenNaarAanbieder', wat: 'doorsturen naar de aanbieder als' },
  { sleutel: 'behandelingDoorGemeente', wat: 'de gemeente behandelt zelf als' },
  { sleutel: 'klachtOverGemeente', wat: 'klacht over de gemeente zelf als' },
];

function routeringTekst(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : beschrijfVoorwaarde(v as Voorwaarde);
}

/** The changes from `oud` (the published version) to `nieuw` (the edited one). */
export function vergelijkDefinities(oud: VerschilKant, nieuw: VerschilKant): DefinitieVerschil {
  const oudIds = new Set(oud.toestanden.map((t) => t.id));
  const nieuwIds = new Set(nieuw.toestanden.map((t) => t.id));
  const toestanden = {
    toegevoegd: nieuw.toestanden.filter((t) => !oudIds.has(t.id)),
    verwijderd: oud.toestanden.filter((t) => !nieuwIds.has(t.id)),
  };
  const namen = [...new Set([...Object.keys(oud.definitie.termijnen), ...Object.keys(nieuw.definitie.termijnen)])];
  const termijnen = namen
    .map((n) => termijnVerschil(n, oud.definitie.termijnen[n], nieuw.definitie.termijnen[n]))
    .filter((x): x is TermijnVerschil => !!x);
  const tweedeLijn = tweedeLijnVerschil(oud.definitie.tweedeLijn, nieuw.definitie.tweedeLijn);
  const routering: RouteringVerschil[] = [];
  for (const { sleutel, wat } of ROUTERING) {
    const [a, b] = [routeringTekst(oud.definitie.eersteLijn[sleutel]), routeringTekst(nieuw.definitie.eersteLijn[sleutel])];
    if (a === b) continue;
    routering.push({
      criterium: `eersteLijn.${sleutel}`,
      ...(a !== undefined ? { oud: a } : {}),
      ...(b !== undefined ? { nieuw: b } : {}),
      regel: `${wat}: ${a ?? '(niet gezet)'} → ${b ?? '(niet gezet)'}`,
    });
  }
  return {
    van: oud.definitie.versie,
    naar: nieuw.definitie.versie,
    toestanden,
    termijnen,
    tweedeLijn,
    routering,
    aantal: toestanden.toegevoegd.length + toestanden.verwijderd.length + termijnen.length + tweedeLijn.length + routering.length,
  };
}
