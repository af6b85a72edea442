/**
 * The wait for the klager's answer after the aanbieder's afdoening (`bijAanbieder.afgedaan`, aanbieder.block.ts) is
 * bounded: no klacht waits there for ever (docs/juridisch-kader.md §13.1).
 *
 * - Where the second line judges aanbieders on the day of the afdoening, the klager's year runs from that afdoening,
 *   the notice of the aanbieder's findings (Awb 9:24 lid 1 sub a by analogy; Klachtenprotocol Wmo keten Amsterdam §4, §12):
 *   `tweedeLijnVerzoekNaAanbieder`, the definition's `tweedeLijnVerzoek` under its own name. When the klager says he is
 *   not satisfied, the same year goes on as `tweedeLijnVerzoek` in tweedeLijnVenster, with the same last day.
 * - Elsewhere the regeling gives no term; a gemeente may set one as `termijnen.reactieKlager` (optional).
 *
 * Both are the klager's own windows, nobody's obligation (te-laat.ts). Their own names let the passing of exactly this
 * wait close the klacht and register that the klager was not reached (registratie.ts), not the year after a gemeente's
 * afdoening, which ends in tweedeLijnVenster.
 */
import type { Definitie } from '../definition/types';
import type { TermijnSpec } from './types';

/** The Awb 9:24 year from the aanbieder's afdoening, while the klacht waits for the klager's answer. */
export const JAAR_NA_AFDOENING_AANBIEDER = 'tweedeLijnVerzoekNaAanbieder';
/** The definition's own (optional) term for the klager's answer where no second line judges aanbieders. */
export const REACTIE_KLAGER = 'reactieKlager';
/** The termijnen that bound the wait in `bijAanbieder.afgedaan`. */
export const WACHT_OP_KLAGER: readonly string[] = [JAAR_NA_AFDOENING_AANBIEDER, REACTIE_KLAGER];

/** The registered tevredenheid when the wait passes without an answer (Klachtenprotocol Wmo keten Amsterdam §5A, §6). */
export const NIET_BEREIKT = 'niet bereikt';

/** The spec of the year from the aanbieder's afdoening: the definition's tweedeLijnVerzoek (P1Y, no Atw), named apart. */
export function jaarNaAfdoeningSpec(def: Definitie): TermijnSpec | undefined {
  const t = def.termijnen.tweedeLijnVerzoek;
  if (!t) return undefined;
  return {
    naam: JAAR_NA_AFDOENING_AANBIEDER,
    label: `${t.label} (na de afdoening door de aanbieder)`,
    duur: t.duur,
    rekenwijze: t.rekenwijze,
    atw: t.atw,
    ...(t.herinneringen?.length ? { herinneringen: t.herinneringen } : {}),
    ...(t.escalatieNaar ? { escalatieNaar: t.escalatieNaar } : {}),
    grondslag: 'Awb 9:24 lid 1 sub a (naar analogie): een jaar na de afdoening door de aanbieder',
  };
}
