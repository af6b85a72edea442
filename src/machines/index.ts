/**
 * Public barrel of src/machines: the pure regime engine. The service talks to it through
 * `loadRegistry` and the CompiledRegime contract (contract.ts); the CLI and the validate command
 * use the compiler, the graph check and the paths listing.
 */
import { graafStap } from './graph/graph-check';
import { laadRegistry, type Registry } from './registry';

export * from './contract';
export { compileDefinitie, BLOKKEN, type Gecompileerd, type CompileOpties } from './compiler/compile-definitie';
export {
  GEBEURTENISSEN,
  OORDELEN,
  NIET_BEHANDELGRONDEN,
  HOREN_UITZONDERINGEN,
  GESCHIL_GRONDEN,
  SYSTEEM_GEBEURTENISSEN,
  controleerGebeurtenisData,
  omschrijvingVan,
  type GebeurtenisInfo,
  type DataVeld,
} from './compiler/gebeurtenissen';
export {
  REGISTRATIE_VELDEN,
  TEVREDENHEID_VAN_GEBEURTENIS,
  controleerRegistratie,
  registratieLijsten,
  registratieVanGebeurtenis,
  type RegistratieLijsten,
} from './registratie';
export { routeer, routeGemeente, tweedeLijnOp, bijzonderRegimeVoor, type Route } from './compiler/routering';
export { evalueer, beschrijfVoorwaarde, alleFeiten, afgeleideFeiten, AFGELEIDE_FEITEN } from './compiler/voorwaarde';
export { termijnSpecs, termijnView } from './compiler/termijnen';
export type { KlachtContext, KlachtMachineEvent, LopendeTermijn, TermijnSpec, StateMeta, TransitionMeta, Fase } from './compiler/types';
export { maakRegime, statePad, type Regime } from './regime';
export { maakRegistry, laadRegistry, type Registry } from './registry';
export { checkGraph, graafStap, verkenGraaf, type GraafVerkenning } from './graph/graph-check';
export { allePaden, stateGraaf, type Pad, type PadStap, type Kant, type StateGraaf } from './graph/paden';
export { kortsteStatePaden, intakeVoorbeelden } from './graph/verkenning';
export { gemeentenVan, opvolgerVan, opvolgersVan, opheffing, opgehevenOp, cbsGemeente } from './definition/gemeentecodes.data';

/**
 * Every valid definition in `dir`, compiled; `errors` lists what is wrong with the others
 * (schema, references, graph, legal lint) as `file:line:column`. Keep this signature: the service calls it.
 */
export function loadRegistry(dir = 'definitions'): Registry {
  return laadRegistry(dir, [graafStap]);
}
