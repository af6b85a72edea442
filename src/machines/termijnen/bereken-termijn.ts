/**
 * Computes a legal due date and explains it in Dutch, one line per step, so a klachtbehandelaar can
 * check it by hand ("6 weken na donderdag 2 april 2026 = donderdag 14 mei 2026", "… is Hemelvaartsdag
 * (Atw art. 3 lid 1) -> vrijdag 15 mei 2026", …, "Vervaldatum: maandag 18 mei 2026").
 */
import type { IsoDate } from '../contract';
import type { Duur, Rekenwijze } from '../definition/types';
import { amsterdamseDag, Dag, formatDatum, leesDatum, MAANDEN, naarIso } from './datum';
import { beschrijfDuur, GeparseerdeDuur, parseDuur, plusDuur } from './duur';
import { DagKalender, gelijkgesteldeDagenWaarschuwingen, Kalender, maakKalender } from './kalender';
import { TermijnFout } from './termijn-fout';

export interface TermijnInvoer {
  /** Day (or instant) of the triggering event, e.g. receipt of the klaagschrift. It does not count itself. */
  vanaf: string;
  /** ISO 8601 duration, e.g. `P6W`, `P5D`, `P1M`, `P1Y`. */
  duur: Duur;
  rekenwijze: Rekenwijze;
  /** Whether the Algemene termijnenwet extends this termijn (statutory terms only; Atw art. 4 still limits it). */
  atw: boolean;
  kalender?: Kalender;
}

export interface TermijnUitkomst {
  /** Last day (inclusive) on which the act is on time, Europe/Amsterdam. */
  vervaldatum: IsoDate;
  /** Dutch explanation, one step per line; the last line states the vervaldatum. */
  uitleg: string[];
  /**
   * Warnings that are also in the uitleg, e.g. a year whose decree days (Atw art. 3 lid 3) are not
   * yet known. Empty when the calculation is certain.
   */
  waarschuwingen?: string[];
}

/** Everything the ledger needs to recompute after a mutation. */
export interface TermijnDetail extends TermijnUitkomst {
  start: Dag;
  duur: GeparseerdeDuur;
  /** Due date before the Atw (the "raw" date verdaging is added to, Awb 9:11 lid 2). */
  ruw: Dag;
  vervaldag: Dag;
  /** True when the Atw was requested and Atw art. 4 does not exclude it. */
  atwToegepast: boolean;
  waarschuwingen: string[];
  kalender: DagKalender;
}

/**
 * Atw art. 4: the Atw does not apply to terms of more than 90 days, 12 weeks or 3 months, or to terms
 * of one or more years. Returns the reason why it does not apply, or undefined when it may.
 */
export function atwUitgeslotenReden(duur: GeparseerdeDuur, werkdagen = false): string | undefined {
  const wat = `de termijn van ${beschrijfDuur(duur, werkdagen)}`;
  switch (duur.eenheid) {
    case 'D':
      return duur.aantal > 90 ? `${wat} is langer dan 90 dagen (Atw art. 4)` : undefined;
    case 'W':
      return duur.aantal > 12 ? `${wat} is langer dan 12 weken (Atw art. 4)` : undefined;
    case 'M':
      return duur.aantal > 3 ? `${wat} is langer dan 3 maanden (Atw art. 4)` : undefined;
    case 'Y':
      return `${wat} is in jaren uitgedrukt (Atw art. 4)`;
  }
}

/**
 * Whether the Algemene termijnenwet can apply to a term of this length (Atw art. 4), for a legal lint
 * of definitions that declare `atw: true`. Whether the term is statutory at all is the caller's call.
 */
export function atwVanToepassing(duur: Duur, rekenwijze: Rekenwijze = 'kalenderdagen'): { toepasbaar: boolean; reden?: string } {
  const reden = atwUitgeslotenReden(parseDuur(duur), rekenwijze === 'werkdagen');
  return reden ? { toepasbaar: false, reden } : { toepasbaar: true };
}

/**
 * Counts `n` werkdagen after `start` (the start day excluded, docs/juridisch-kader.md §5.3). Non-weekend days that
 * are skipped get their own uitleg line; weekends are named once in the intro line by the caller.
 */
export function telWerkdagen(start: Dag, n: number, k: DagKalender, uitleg: string[]): Dag {
  let d = start;
  let geteld = 0;
  while (geteld < n) {
    d += 1;
    const reden = k.geenWerkdagReden(d);
    if (reden === undefined) geteld += 1;
    else if (!reden.startsWith('een zaterdag') && !reden.startsWith('een zondag')) {
      uitleg.push(`${formatDatum(d)} telt niet als werkdag: ${reden}`);
    }
  }
  return d;
}

/** Raw due date: the term added to the start day, without the Atw. */
export function ruweVervaldag(
  start: Dag,
  duur: GeparseerdeDuur,
  rekenwijze: Rekenwijze,
  k: DagKalender,
  uitleg: string[],
  na = formatDatum(start),
): Dag {
  if (rekenwijze === 'werkdagen') {
    if (duur.eenheid !== 'D') {
      throw new TermijnFout(
        `Werkdagen worden in dagen geteld: schrijf de duur als PnD (bijvoorbeeld P5D voor 5 werkdagen) in plaats van '${duur.tekst}', ` +
          `of gebruik rekenwijze kalenderdagen.`,
        'werkdagen-in-dagen',
      );
    }
    uitleg.push(
      `${beschrijfDuur(duur, true)} na ${na} (de begindag telt niet mee; zaterdagen, zondagen, feestdagen (Atw art. 3), ` +
        `bij besluit gelijkgestelde dagen en sluitingsdagen van de gemeente tellen niet als werkdag)`,
    );
    const d = telWerkdagen(start, duur.aantal, k, uitleg);
    uitleg.push(`De ${duur.aantal}e werkdag is ${formatDatum(d)}`);
    return d;
  }
  const r = plusDuur(start, duur);
  let regel = `${beschrijfDuur(duur)} na ${na} = ${formatDatum(r.dag)}`;
  if (r.afgekaptVan) {
    const { dag, maand, jaar } = r.afgekaptVan;
    regel +=
      ` (${dag} ${MAANDEN[maand - 1]} ${jaar} bestaat niet; aangenomen is de laatste dag van die maand — ` +
      `dit is niet in de wet geregeld, zie docs/juridisch-kader.md §5.3)`;
  }
  uitleg.push(regel);
  return r.dag;
}

/**
 * Atw art. 1 lid 1 (a term ending on a Saturday, Sunday or holiday runs to the next day that is none
 * of these) and art. 2 (a term of at least 3 days contains at least 2 such days). Closure days of the
 * gemeente play no part: they are not Atw holidays (Algemene termijnenwet art. 3 lid 3).
 */
export function pasAtwToe(start: Dag, ruw: Dag, k: DagKalender, uitleg: string[]): Dag {
  let d = ruw;
  let reden = k.atwReden(d);
  if (reden === undefined) {
    uitleg.push(`${formatDatum(d)} is geen zaterdag, zondag of algemeen erkende feestdag: geen verlenging (Atw art. 1 lid 1)`);
  }
  while (reden !== undefined) {
    uitleg.push(`${formatDatum(d)} is ${reden} -> ${formatDatum(d + 1)} (Atw art. 1 lid 1)`);
    d += 1;
    reden = k.atwReden(d);
  }
  if (ruw - start >= 3) {
    let vrij = 0;
    for (let x = start + 1; x <= d; x++) if (k.atwReden(x) === undefined) vrij += 1;
    if (vrij < 2) {
      const tot = d;
      const voor = vrij;
      while (vrij < 2) {
        d += 1;
        if (k.atwReden(d) === undefined) vrij += 1;
      }
      uitleg.push(
        `De termijn bevat tot en met ${formatDatum(tot)} maar ${voor === 1 ? 'één dag' : 'geen dag'} die geen zaterdag, ` +
          `zondag of feestdag is; een termijn van ten minste 3 dagen moet er 2 bevatten -> ${formatDatum(d)} (Atw art. 2)`,
      );
    }
  }
  return d;
}

export function berekenDetail(invoer: TermijnInvoer): TermijnDetail {
  const start = amsterdamseDag(invoer.vanaf, 'vanaf-datum');
  const duur = parseDuur(invoer.duur);
  if (invoer.rekenwijze !== 'kalenderdagen' && invoer.rekenwijze !== 'werkdagen') {
    throw new TermijnFout(
      `Onbekende rekenwijze '${String(invoer.rekenwijze)}': schrijf 'kalenderdagen' of 'werkdagen'.`,
      'ongeldige-rekenwijze',
    );
  }
  const k = maakKalender(invoer.kalender);
  const uitleg: string[] = [];
  const ruw = ruweVervaldag(start, duur, invoer.rekenwijze, k, uitleg);
  let vervaldag = ruw;
  let atwToegepast = false;
  if (!invoer.atw) {
    uitleg.push(
      'De Algemene termijnenwet is voor deze termijn niet van toepassing (die geldt alleen voor termijnen uit een wet of AMvB, ' +
        'Atw art. 1 en 5); de datum wordt niet verschoven',
    );
  } else {
    const uitgesloten = atwUitgeslotenReden(duur, invoer.rekenwijze === 'werkdagen');
    if (uitgesloten) {
      const nietWerkdag = k.atwReden(ruw);
      uitleg.push(
        `De Algemene termijnenwet is niet van toepassing: ${uitgesloten}; de datum wordt niet verschoven` +
          (nietWerkdag ? `, ook al is ${formatDatum(ruw)} ${nietWerkdag}` : ''),
      );
    } else {
      atwToegepast = true;
      vervaldag = pasAtwToe(start, ruw, k, uitleg);
    }
  }
  // Decree days only matter when werkdagen are counted or the Atw extends the date.
  const waarschuwingen =
    invoer.rekenwijze === 'werkdagen' || atwToegepast ? gelijkgesteldeDagenWaarschuwingen(start, vervaldag, invoer.kalender) : [];
  uitleg.push(...waarschuwingen);
  uitleg.push(`Vervaldatum: ${formatDatum(vervaldag)}`);
  return { start, duur, ruw, vervaldag, atwToegepast, kalender: k, vervaldatum: naarIso(vervaldag), uitleg, waarschuwingen };
}

/**
 * The due date of a termijn: the start day does not count (docs/juridisch-kader.md §5.3); weeks end on the same
 * weekday; werkdagen skip weekends, Atw holidays, decree days and closure days (docs/juridisch-kader.md §5.3);
 * with `atw` the Algemene termijnenwet art. 1–4 extends it where it applies.
 */
export function berekenTermijn(invoer: TermijnInvoer): TermijnUitkomst {
  const { vervaldatum, uitleg, waarschuwingen } = berekenDetail(invoer);
  return { vervaldatum, uitleg, waarschuwingen };
}

/**
 * Date of a reminder `voor` before the due date. Counted backwards, so never extended by the Atw
 * (Atw art. 1 lid 2: no extension for terms counted back from a moment).
 */
export function herinneringsDatum(vervaldatum: IsoDate, voor: Duur): IsoDate {
  const d = leesDatum(vervaldatum, 'vervaldatum');
  return naarIso(plusDuur(d, parseDuur(voor, 'herinneringsduur'), -1).dag);
}
