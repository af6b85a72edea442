/**
 * The bestuursorgaan that answers for a klacht on a day. After a gemeentelijke herindeling the college of the gemeente
 * that takes the dissolved one over answers for its running matters (Wet algemene regels herindeling, art. 40 e.v.):
 * a Weesp klacht (GM0457) is answered from 24 March 2022 on by the college of Amsterdam (GM0363). One answer for every
 * view that names that college: the intents of a step (regime.ts `namens`), a letter made on a later day than its step
 * (brieven.service.ts), the regime a klacht of the gemeente falls under (registry.ts `forGemeente`) and the second line a
 * letter names (tweede-lijn-tijdlijn.ts). The source is the set of definitions (`gemeente.neemtOver`), as published.
 */
import type { Intent, IsoDate } from './contract';
import type { Definitie } from './definition/types';

/** A gemeente's college, by CBS code and name. */
export interface Bestuursorgaan {
  cbsCode: string;
  naam: string;
}

/** What the take-over lookups read of a definition version: its gemeente and whom it takes over from which day. */
export interface MetOvernames {
  gemeente: { cbsCode: string; neemtOver?: ReadonlyArray<{ cbsCode: string; vanaf: IsoDate }> };
}

/** What the version lookup reads besides: the version's validity. */
export interface MetGeldigheid extends MetOvernames {
  geldigVanaf: IsoDate;
  geldigTot?: IsoDate;
}

/** A gemeente whose klachten another's college answers for from `vanaf` on (Wet arhi art. 40). */
export interface Overname {
  cbsCode: string;
  vanaf: IsoDate;
}

/**
 * The CBS code (upper case) of the gemeente whose college answers for `cbsCode`'s klachten on `dag`: the gemeente
 * itself, or the one that took it over on or before that day (`neemtOver`), followed through successive herindelingen.
 * A take-over is a fact from its day on, whichever version of the successor's regeling records it: after B went into C,
 * what B had taken over from A is C's too, though B's regeling (which records A) is no longer in force.
 */
export function verantwoordelijkeCode(definities: readonly MetOvernames[], cbsCode: string, dag: IsoDate): string {
  let code = cbsCode.toUpperCase();
  const gezien = new Set<string>([code]);
  for (;;) {
    const opvolger = definities.find((d) => (d.gemeente.neemtOver ?? []).some((n) => n.cbsCode.toUpperCase() === code && n.vanaf <= dag));
    const volgende = opvolger?.gemeente.cbsCode.toUpperCase();
    if (!volgende || gezien.has(volgende)) return code;
    gezien.add(volgende);
    code = volgende;
  }
}

/**
 * The same take-overs walked the other way: every gemeente (upper case) whose klachten the college of `cbsCode` answers
 * for, with the first day it does, followed through successive herindelingen. A gemeente taken over by one that is
 * itself taken over later comes to `cbsCode` from the later day. For every `x` and `dag`: `verantwoordelijkeCode(x,
 * dag)` is `cbsCode` (for an `x` other than `cbsCode`) exactly when `x` is listed here with `vanaf <= dag` and `cbsCode`
 * was not itself taken over by then. Entries that are no CBS code or day (an unvalidated text) are skipped.
 */
export function overgenomenDoor(definities: readonly MetOvernames[], cbsCode: string): Overname[] {
  const code = cbsCode.toUpperCase();
  const overnamesVan = (c: string) =>
    definities.flatMap((d) => (d.gemeente.cbsCode.toUpperCase() === c ? (d.gemeente.neemtOver ?? []) : []));
  const alle: Overname[] = [];
  const gezien = new Set([code]);
  for (let i = -1; i < alle.length; i++) {
    const [van, sinds] = i < 0 ? [code, ''] : [alle[i].cbsCode, alle[i].vanaf];
    for (const n of overnamesVan(van)) {
      const over = typeof n.cbsCode === 'string' ? n.cbsCode.toUpperCase() : '';
      if (!/^GM\d{4}$/.test(over) || typeof n.vanaf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(n.vanaf) || gezien.has(over)) continue;
      gezien.add(over);
      alle.push({ cbsCode: over, vanaf: n.vanaf > sinds ? n.vanaf : sinds });
    }
  }
  return alle;
}

/**
 * The version of the regeling of gemeente `cbsCode` itself in force on `dag` (no take-over followed), or undefined when
 * none is: the one begun last by that day (the validation refuses two versions of a gemeente that begin on the same day),
 * unless its `geldigTot` has passed. A version without `geldigTot` ends the day before the next one begins (a new
 * regeling replaces the old): once a later version has ended with nothing after it, the older one does not apply again,
 * and a klacht of that day has no regeling (docs/definities.md).
 */
export function eigenVersie<D extends MetGeldigheid = Definitie>(definities: readonly D[], cbsCode: string, dag: IsoDate): D | undefined {
  const code = cbsCode.toUpperCase();
  const laatst = definities
    .filter((d) => d.gemeente.cbsCode.toUpperCase() === code && d.geldigVanaf <= dag)
    .sort((a, b) => b.geldigVanaf.localeCompare(a.geldigVanaf))[0];
  return laatst && (!laatst.geldigTot || dag <= laatst.geldigTot) ? laatst : undefined;
}

/**
 * The version of the regeling of the college that answers for `cbsCode`'s klachten on `dag` (verantwoordelijkeCode) in
 * force that day (eigenVersie), or undefined when none is: the one lookup of the version in force.
 */
export function verantwoordelijkeVersie<D extends MetGeldigheid = Definitie>(
  definities: readonly D[],
  cbsCode: string,
  dag: IsoDate,
): D | undefined {
  return eigenVersie(definities, verantwoordelijkeCode(definities, cbsCode, dag), dag);
}

/**
 * The name of gemeente `cbsCode` (its own, not its successor's) as its regeling in force on `dag` gives it (eigenVersie);
 * a gemeente with none that day (opgeheven, its regeling ended, or not yet begun) by its newest version. Undefined
 * when it has no version at all.
 */
export function gemeenteNaamOp(
  definities: ReadonlyArray<MetGeldigheid & { gemeente: { naam: string } }>,
  cbsCode: string,
  dag: IsoDate,
): string | undefined {
  const code = cbsCode.toUpperCase();
  const nieuwste = definities
    .filter((d) => d.gemeente.cbsCode.toUpperCase() === code)
    .sort((a, b) => b.geldigVanaf.localeCompare(a.geldigVanaf))[0];
  return (eigenVersie(definities, code, dag) ?? nieuwste)?.gemeente.naam;
}

/** The bestuursorgaan responsible for a klacht of gemeente `cbsCode` on `dag`; undefined when no regeling is in force. */
export function verantwoordelijkeOp(definities: readonly Definitie[], cbsCode: string, dag: IsoDate): Bestuursorgaan | undefined {
  const versie = verantwoordelijkeVersie(definities, cbsCode, dag);
  return versie ? { cbsCode: versie.gemeente.cbsCode, naam: versie.gemeente.naam } : undefined;
}

/**
 * The intent as sent on behalf of `orgaan` (undefined: as it is). A letter reads `verantwoordelijkeGemeente` for the
 * college it speaks for (definition/brieven.ts).
 */
export function namensOrgaan(intent: Intent, orgaan: Bestuursorgaan | undefined): Intent {
  return orgaan ? { ...intent, data: { ...(intent.data ?? {}), verantwoordelijkeGemeente: orgaan.naam } } : intent;
}
