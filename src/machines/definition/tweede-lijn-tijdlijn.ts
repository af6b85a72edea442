/**
 * The second line over the whole life of a klacht. A letter (Awb 9:12 lid 2, 9:8 lid 3, the notice that
 * the afhandeltermijn passed) names the body that is competent on the date of the letter, for the
 * bestuursorgaan that is then responsible. That can lie outside the version the klacht started under:
 * - a new version of the gemeente's regeling may switch the second line (GemW 81p: per 1 January);
 * - after a gemeentelijke herindeling the successor takes over the klachten (Wet arhi art. 40 ff.): a
 *   Weesp klacht received on 23 March 2022 and decided in April 2022 is answered by the college of
 *   Amsterdam, whose second line is the Ombudsman Metropool Amsterdam.
 * So the lookup spans every version of the gemeente and its successors (`neemtOver`).
 */
import type { IsoDate } from '../contract';
import { verantwoordelijkeVersie } from '../verantwoordelijke';
import { EIGEN_OMBUDSVOORZIENING } from './juridische-lint';
import { dagNa, dagVoor, foutOp, leesbareDatum } from './lint-hulp';
import type { Definitie, GeladenDefinitie, TweedeLijnInstantie } from './types';
import type { DefinitionError } from '../contract';

export interface TweedeLijnOpDatum {
  instantie: TweedeLijnInstantie;
  /** The gemeente whose bestuursorgaan is responsible on that date (the successor after a merger). */
  gemeente: { cbsCode: string; naam: string };
}

/** Looks up the second line for the klachten of a gemeente (CBS code) on a date. */
export type TweedeLijnZoeker = (cbsCode: string, datum: IsoDate) => TweedeLijnOpDatum | undefined;

/** The one body of a single definition at a date (GemW 81p lid 1: exactly one at any date). */
export function instantieOp(def: Definitie, datum: IsoDate): TweedeLijnInstantie | undefined {
  return def.tweedeLijn.find((t) => t.geldigVanaf <= datum && (!t.geldigTot || datum <= t.geldigTot));
}

/** A lookup over a set of definitions that may grow (published versions): it reads `definities()` each time. */
export function maakTweedeLijnZoeker(definities: () => readonly Definitie[]): TweedeLijnZoeker {
  return (cbsCode, datum) => {
    // The responsible college's regeling of that day: one answer with the letters' and intents' (verantwoordelijke.ts).
    const versie = verantwoordelijkeVersie(definities(), cbsCode, datum);
    if (!versie) return undefined;
    const instantie = instantieOp(versie, datum);
    return instantie ? { instantie, gemeente: { cbsCode: versie.gemeente.cbsCode, naam: versie.gemeente.naam } } : undefined;
  };
}

/**
 * Validation over the set of definitions: a klacht of a gemeente that is still running after the last
 * version of its regeling ends must find a second line on the next day, through a successor that takes
 * the gemeente over (`neemtOver`). Gaps inside or between versions are the per-version lint's (GemW 81p)
 * and the version lint's; this check covers what lies beyond the gemeente's own versions.
 */
export function tweedeLijnTijdlijnFouten(defs: readonly GeladenDefinitie[]): DefinitionError[] {
  const definities = defs.map((g) => g.definitie);
  const zoek = maakTweedeLijnZoeker(() => definities);
  const errors: DefinitionError[] = [];
  const codes = [...new Set(definities.map((d) => d.gemeente.cbsCode.toUpperCase()))].sort();
  for (const code of codes) {
    const eigen = defs.filter((g) => g.definitie.gemeente.cbsCode.toUpperCase() === code);
    if (eigen.some((g) => !g.definitie.geldigTot || g.definitie.geldigTot < g.definitie.geldigVanaf)) continue;
    // A successor whose take-over date does not fit is the version lint's error (versieFouten).
    if (definities.some((d) => (d.gemeente.neemtOver ?? []).some((n) => n.cbsCode.toUpperCase() === code))) continue;
    const laatste = [...eigen].sort((a, b) => b.definitie.geldigTot!.localeCompare(a.definitie.geldigTot!))[0];
    const d = laatste.definitie;
    const dag = dagNa(d.geldigTot!);
    if (zoek(code, dag)) continue;
    const p = laatste.positie(['geldigTot']);
    errors.push({
      file: laatste.file,
      line: p.line,
      column: p.column,
      message:
        `GemW 81p, Awb 9:12 lid 2: een klacht van ${d.gemeente.naam} (${d.gemeente.cbsCode}) die op ${dag} nog loopt, heeft geen tweedelijnsvoorziening: ` +
        `de regeling eindigt op ${d.geldigTot} en geen versie of opvolger neemt het over`,
      hint: `publiceer een nieuwe versie vanaf ${dag}, of laat de gemeente die ${d.gemeente.naam} overneemt dat vastleggen (gemeente.neemtOver met vanaf: ${dag})`,
    });
  }
  return errors;
}

/**
 * GemW 81p lid 2 and 3 across versions: a new version that starts on 1 January with another second-line body than
 * its predecessor had on its last day is a switch, as much as one inside a version. Published versions do not change,
 * so the new version says when the decisions reached the Nationale ombudsman: on its own new body
 * (`nationaleOmbudsmanGeinformeerdOp`), and for an own body that ends, by listing it up to its last day with
 * `opheffingNationaleOmbudsmanGeinformeerdOp` (unless the old version already says so). A date that is given is
 * checked by the per-version lint (juridische-lint.ts).
 */
export function versieWisselFouten(defs: readonly GeladenDefinitie[]): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const codes = [...new Set(defs.map((g) => g.definitie.gemeente.cbsCode.toUpperCase()))].sort();
  for (const code of codes) {
    const eigen = defs
      .filter((g) => g.definitie.gemeente.cbsCode.toUpperCase() === code)
      .sort((a, b) => a.definitie.geldigVanaf.localeCompare(b.definitie.geldigVanaf));
    for (let n = 1; n < eigen.length; n++) {
      const vorige = eigen[n - 1];
      const versie = eigen[n];
      const d = versie.definitie;
      if (!d.geldigVanaf.endsWith('-01-01')) continue;
      const oud = instantieOp(vorige.definitie, dagVoor(d.geldigVanaf));
      const nieuw = instantieOp(d, d.geldigVanaf);
      if (!oud || !nieuw || (oud.soort === nieuw.soort && oud.naam === nieuw.naam)) continue;
      const i = d.tweedeLijn.indexOf(nieuw);
      const jaar = Number(d.geldigVanaf.slice(0, 4));
      const wie = `versie '${vorige.definitie.versie}'`;
      if (EIGEN_OMBUDSVOORZIENING.has(nieuw.soort) && !nieuw.nationaleOmbudsmanGeinformeerdOp) {
        errors.push(
          foutOp(
            versie,
            ['tweedeLijn', i, 'geldigVanaf'],
            `GemW 81p lid 2: '${nieuw.naam}' vervangt per 1 januari ${jaar} '${oud.naam}' (${wie}), maar er staat niet wanneer het instellingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli ${jaar - 1})`,
            `voeg bij '${nieuw.naam}' toe: nationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk ${jaar - 1}-06-30); bereikte het besluit de Nationale ombudsman later, dan blijft '${oud.naam}' tot en met ${jaar}-12-31 bevoegd`,
          ),
        );
      }
      const opheffing =
        oud.opheffingNationaleOmbudsmanGeinformeerdOp ??
        d.tweedeLijn.find((t) => t.soort === oud.soort && t.naam === oud.naam)?.opheffingNationaleOmbudsmanGeinformeerdOp;
      if (EIGEN_OMBUDSVOORZIENING.has(oud.soort) && !opheffing) {
        errors.push(
          foutOp(
            versie,
            ['tweedeLijn', i, 'geldigVanaf'],
            `GemW 81p lid 3: '${oud.naam}' (${wie}) wordt per 1 januari ${jaar} opgeheven, maar er staat niet wanneer het opheffingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli ${jaar - 1})`,
            `neem '${oud.naam}' in deze versie op met geldigVanaf: ${oud.geldigVanaf}, geldigTot: ${dagVoor(d.geldigVanaf)} en opheffingNationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk ${jaar - 1}-06-30); bereikte het besluit de Nationale ombudsman later, dan blijft '${oud.naam}' tot en met ${leesbareDatum(`${jaar}-12-31`)} bevoegd`,
          ),
        );
      }
    }
  }
  return errors;
}
