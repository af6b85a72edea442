/**
 * A running termijn as data: the base computation plus the mutations that happened to it
 * (verdaging, opschorting/hervatting, instemming). `herbereken` replays them to the current due date,
 * so the due date is always derivable from what was stored (PostgreSQL is the source of truth).
 */
import type { IsoDate } from '../contract';
import type { Duur } from '../definition/types';
import { amsterdamseDag, Dag, formatDatum, leesDatum, naarIso } from './datum';
import { beschrijfDuur, GeparseerdeDuur, parseDuur, plusDuur } from './duur';
import { atwUitgeslotenReden, berekenDetail, pasAtwToe, telWerkdagen, TermijnInvoer, TermijnUitkomst } from './bereken-termijn';
import { gelijkgesteldeDagenWaarschuwingen } from './kalender';
import { TermijnFout } from './termijn-fout';

export type Mutatie =
  /** Awb 9:11 lid 2 / Wkkgz 17 lid 2: postponement by `duur`; `at` is when the written notice was given. */
  | { soort: 'verdaging'; at: string; duur: Duur; reden?: string }
  /** The termijn stops running from `at` (e.g. waiting for the klager's information). */
  | { soort: 'opschorting'; at: string; reden?: string }
  /** The termijn runs again from `at`; the suspended days are added. */
  | { soort: 'hervatting'; at: string; reden?: string }
  /** Awb 9:11 lid 3: further delay to the agreed date `tot`, only with the klager's written consent. */
  | { soort: 'instemming'; at: string; tot: IsoDate; schriftelijk: boolean; reden?: string };

export interface TermijnLedger {
  basis: TermijnInvoer;
  /** Maximum total verdaging (Awb 9:11 lid 2 / Wkkgz 17 lid 2: P4W). Absent = no verdaging possible. */
  verdagingMax?: Duur;
  /** Verdaging must be notified on or before the current due date (Wkkgz 17 lid 2; by analogy Awb 9:11 lid 2). */
  verdagingVoorVerloop?: boolean;
  /** Article cited for verdaging in the uitleg and errors; default `Awb 9:11 lid 2`. */
  verdagingGrondslag?: string;
  mutaties: Mutatie[];
}

export interface HerberekenUitkomst extends TermijnUitkomst {
  /** Due date after each mutation, aligned with `mutaties` (TermijnMutatie.vervaldatumNa in the contract). */
  vervaldatumNaMutatie: IsoDate[];
  /** Set while the termijn is suspended: `vervaldatum` then still moves by the days until hervatting. */
  opgeschortSinds?: IsoDate;
}

/** Total of verdagingen compared in one unit: days for D/W, months for M/Y. */
function inEenheid(d: GeparseerdeDuur): { soort: 'dagen' | 'maanden'; waarde: number } {
  switch (d.eenheid) {
    case 'D':
      return { soort: 'dagen', waarde: d.aantal };
    case 'W':
      return { soort: 'dagen', waarde: 7 * d.aantal };
    case 'M':
      return { soort: 'maanden', waarde: d.aantal };
    case 'Y':
      return { soort: 'maanden', waarde: 12 * d.aantal };
  }
}

function mutatieNaam(m: Mutatie, i: number): string {
  return `mutatie ${i + 1} (${m.soort})`;
}

/** Replays the ledger; throws TermijnFout (Dutch, says what to do instead) when a mutation is not allowed. */
export function herbereken(ledger: TermijnLedger): HerberekenUitkomst {
  const basis = berekenDetail(ledger.basis);
  const k = basis.kalender;
  const start = basis.start;
  const werkdagen = ledger.basis.rekenwijze === 'werkdagen';
  const grondslag = ledger.verdagingGrondslag ?? 'Awb 9:11 lid 2';
  const max = ledger.verdagingMax === undefined ? undefined : parseDuur(ledger.verdagingMax, 'verdagingMax');
  // The base uitleg ends with "Vervaldatum: …"; keep it, but call it the original one when mutations follow.
  const uitleg = basis.uitleg.slice(0, -1);
  uitleg.push(
    ledger.mutaties.length > 0
      ? `Oorspronkelijke vervaldatum: ${formatDatum(basis.vervaldag)}`
      : `Vervaldatum: ${formatDatum(basis.vervaldag)}`,
  );

  let ruw: Dag = basis.ruw;
  let atw = basis.atwToegepast;
  let vervaldag: Dag = basis.vervaldag;
  let verdaagd = 0;
  let opgeschortSinds: Dag | undefined;
  const vervaldatumNaMutatie: IsoDate[] = [];

  const herleid = (stap: string[]): Dag => (atw ? pasAtwToe(start, ruw, k, stap) : ruw);

  ledger.mutaties.forEach((m, i) => {
    const naam = mutatieNaam(m, i);
    const op = amsterdamseDag(m.at, `datum van ${naam}`);
    const reden = m.reden ? ` (reden: ${m.reden})` : '';
    if (op < start) {
      throw new TermijnFout(
        `De datum van ${naam}, ${formatDatum(op)}, ligt vóór het begin van de termijn (${formatDatum(start)}): geef de dag waarop het gebeurde.`,
        'mutatie-voor-begin',
      );
    }
    switch (m.soort) {
      case 'verdaging': {
        if (!max) {
          throw new TermijnFout(
            `Verdaging is bij deze termijn niet mogelijk (${naam}): de termijn kent geen verdagingMax. ` +
              `Vraag de klager om schriftelijke instemming met een latere datum (Awb 9:11 lid 3).`,
            'verdaging-niet-mogelijk',
          );
        }
        const duur = parseDuur(m.duur, `duur van ${naam}`);
        const eenheid = inEenheid(duur);
        const maxEenheid = inEenheid(max);
        if (eenheid.soort !== maxEenheid.soort) {
          throw new TermijnFout(
            `De verdaging '${m.duur}' (${naam}) is niet te vergelijken met het maximum '${ledger.verdagingMax}': ` +
              `schrijf de verdaging in dezelfde soort eenheid (${maxEenheid.soort === 'dagen' ? 'dagen of weken, bijvoorbeeld P2W' : 'maanden of jaren, bijvoorbeeld P1M'}).`,
            'verdaging-eenheid',
          );
        }
        if (verdaagd + eenheid.waarde > maxEenheid.waarde) {
          throw new TermijnFout(
            `Verdaging met ${beschrijfDuur(duur)} (${naam}) kan niet: samen met de eerdere verdaging(en) wordt het meer dan ` +
              `${beschrijfDuur(max)} (${grondslag}). Nog mogelijk: ${maxEenheid.waarde - verdaagd} ${eenheid.soort}. ` +
              `Verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3).`,
            'verdaging-te-lang',
          );
        }
        // During opschorting the termijn cannot expire, so the notice is always in time then.
        if (ledger.verdagingVoorVerloop && opgeschortSinds === undefined && op > vervaldag) {
          throw new TermijnFout(
            `Verdaging op ${formatDatum(op)} (${naam}) is te laat: de kennisgeving moet uiterlijk op de vervaldatum ` +
              `${formatDatum(vervaldag)} worden gedaan (${grondslag}). Verder uitstel kan alleen met instemming van de klager.`,
            'verdaging-na-verloop',
          );
        }
        verdaagd += eenheid.waarde;
        const stap: string[] = [];
        // docs/juridisch-kader.md the verdaging is added to the raw (un-Atw-ed) due date and the Atw is applied
        // again — the conservative reading; whether to use the Atw-extended date instead is not settled.
        ruw = verdaagRuw(ruw, duur, werkdagen, stap, `de onverlengde vervaldatum ${formatDatum(ruw)}`);
        uitleg.push(`Verdaging op ${formatDatum(op)} met ${beschrijfDuur(duur)} (${grondslag})${reden}:`);
        uitleg.push(...stap);
        const verdagingBuitenAtw = atwUitgeslotenReden(duur, werkdagen && duur.eenheid === 'D');
        if (atw && verdagingBuitenAtw) {
          atw = false;
          uitleg.push(`De Algemene termijnenwet is niet van toepassing op deze verdaging: ${verdagingBuitenAtw}`);
        }
        vervaldag = herleid(uitleg);
        uitleg.push(`Vervaldatum na verdaging: ${formatDatum(vervaldag)}`);
        break;
      }
      case 'opschorting': {
        if (opgeschortSinds !== undefined) {
          throw new TermijnFout(
            `De termijn is al opgeschort sinds ${formatDatum(opgeschortSinds)} (${naam}): voeg eerst een hervatting toe.`,
            'al-opgeschort',
          );
        }
        if (op < start || op > vervaldag) {
          throw new TermijnFout(
            `Opschorting op ${formatDatum(op)} (${naam}) kan niet: een termijn kan alleen worden opgeschort terwijl hij loopt, ` +
              `van ${formatDatum(start)} tot en met ${formatDatum(vervaldag)}.`,
            'opschorting-buiten-termijn',
          );
        }
        opgeschortSinds = op;
        uitleg.push(`Opgeschort vanaf ${formatDatum(op)}${reden}`);
        break;
      }
      case 'hervatting': {
        if (opgeschortSinds === undefined) {
          throw new TermijnFout(
            `Hervatting (${naam}) zonder opschorting: de termijn loopt al. Voeg eerst een opschorting toe of laat deze hervatting weg.`,
            'niet-opgeschort',
          );
        }
        if (op < opgeschortSinds) {
          throw new TermijnFout(
            `Hervatting op ${formatDatum(op)} (${naam}) ligt vóór de opschorting op ${formatDatum(opgeschortSinds)}: ` +
              `geef een datum op of na ${formatDatum(opgeschortSinds)}.`,
            'hervatting-voor-opschorting',
          );
        }
        const vorige = ruw;
        if (werkdagen) {
          // A termijn in werkdagen is extended by the werkdagen it stood still, counted as it counts its own days: the
          // days from the opschorting up to the hervatting that are werkdagen (not the weekend, holidays, sluitingsdagen).
          let stil = 0;
          for (let d = opgeschortSinds; d < op; d++) if (k.geenWerkdagReden(d) === undefined) stil++;
          ruw = telWerkdagen(ruw, stil, k, uitleg);
          uitleg.push(
            `Hervat op ${formatDatum(op)}${reden}: ${stil} ${stil === 1 ? 'werkdag' : 'werkdagen'} opgeschort ` +
              `(${formatDatum(opgeschortSinds)} tot ${formatDatum(op)}), dus ${formatDatum(vorige)} + ${stil} ${stil === 1 ? 'werkdag' : 'werkdagen'} = ${formatDatum(ruw)}`,
          );
        } else {
          const dagen = op - opgeschortSinds;
          ruw += dagen;
          uitleg.push(
            `Hervat op ${formatDatum(op)}${reden}: ${dagen} ${dagen === 1 ? 'dag' : 'dagen'} opgeschort ` +
              `(${formatDatum(opgeschortSinds)} tot ${formatDatum(op)}), dus ${formatDatum(vorige)} + ${dagen} = ${formatDatum(ruw)}`,
          );
        }
        opgeschortSinds = undefined;
        vervaldag = herleid(uitleg);
        uitleg.push(`Vervaldatum na hervatting: ${formatDatum(vervaldag)}`);
        break;
      }
      case 'instemming': {
        if (m.schriftelijk !== true) {
          throw new TermijnFout(
            `Verder uitstel (${naam}) kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3): ` +
              `leg de instemming schriftelijk vast en geef schriftelijk: true op.`,
            'instemming-niet-schriftelijk',
          );
        }
        if (opgeschortSinds !== undefined) {
          throw new TermijnFout(
            `De termijn is opgeschort sinds ${formatDatum(opgeschortSinds)} (${naam}): voeg eerst een hervatting toe.`,
            'al-opgeschort',
          );
        }
        const tot = leesDatum(m.tot, `afgesproken datum van ${naam}`);
        if (tot < vervaldag) {
          throw new TermijnFout(
            `De afgesproken datum ${formatDatum(tot)} (${naam}) ligt vóór de huidige vervaldatum ${formatDatum(vervaldag)}: ` +
              `instemming is voor verder uitstel; geef een datum op of na ${formatDatum(vervaldag)}.`,
            'instemming-eerder',
          );
        }
        ruw = tot;
        // docs/juridisch-kader.md the Atw covers statutory terms, not a date agreed with the klager.
        atw = false;
        vervaldag = tot;
        uitleg.push(
          `Op ${formatDatum(op)} heeft de klager schriftelijk ingestemd met verder uitstel tot ${formatDatum(tot)} ` +
            `(Awb 9:11 lid 3)${reden}; de Algemene termijnenwet geldt niet voor een afgesproken datum`,
        );
        uitleg.push(`Vervaldatum na instemming: ${formatDatum(vervaldag)}`);
        break;
      }
      default: {
        const onbekend: never = m;
        throw new TermijnFout(
          `Onbekende mutatie '${(onbekend as { soort?: string }).soort}': gebruik verdaging, opschorting, hervatting of instemming.`,
          'onbekende-mutatie',
        );
      }
    }
    vervaldatumNaMutatie.push(naarIso(vervaldag));
  });

  // Atw art. 3 lid 3: a mutation can move the date into a year whose decree days are not known.
  const waarschuwingen = [...basis.waarschuwingen];
  if (ledger.mutaties.length > 0 && vervaldag > basis.vervaldag && (werkdagen || basis.atwToegepast)) {
    for (const w of gelijkgesteldeDagenWaarschuwingen(basis.vervaldag, vervaldag, ledger.basis.kalender)) {
      if (!waarschuwingen.includes(w)) {
        waarschuwingen.push(w);
        uitleg.push(w);
      }
    }
  }
  if (opgeschortSinds !== undefined) {
    uitleg.push(
      `Vervaldatum: ${formatDatum(vervaldag)} (voorlopig: de termijn is opgeschort sinds ${formatDatum(opgeschortSinds)} ` +
        `en schuift op met het aantal dagen tot de hervatting)`,
    );
  } else if (ledger.mutaties.length > 0) {
    uitleg.push(`Vervaldatum: ${formatDatum(vervaldag)}`);
  }
  return {
    vervaldatum: naarIso(vervaldag),
    uitleg,
    waarschuwingen,
    vervaldatumNaMutatie,
    ...(opgeschortSinds !== undefined ? { opgeschortSinds: naarIso(opgeschortSinds) } : {}),
  };

  /** A verdaging in days on a werkdagen termijn counts werkdagen; otherwise calendar units. */
  function verdaagRuw(van: Dag, duur: GeparseerdeDuur, inWerkdagen: boolean, stap: string[], na: string): Dag {
    if (inWerkdagen && duur.eenheid === 'D') {
      const d = telWerkdagen(van, duur.aantal, k, stap);
      stap.push(`${beschrijfDuur(duur, true)} na ${na} = ${formatDatum(d)}`);
      return d;
    }
    const d = plusDuur(van, duur).dag;
    stap.push(`${beschrijfDuur(duur)} na ${na} = ${formatDatum(d)}`);
    return d;
  }
}

/** Adds a mutation after checking it; throws TermijnFout and leaves the ledger unchanged when refused. */
export function voegMutatieToe(ledger: TermijnLedger, mutatie: Mutatie): { ledger: TermijnLedger; uitkomst: HerberekenUitkomst } {
  const nieuw: TermijnLedger = { ...ledger, mutaties: [...ledger.mutaties, mutatie] };
  return { ledger: nieuw, uitkomst: herbereken(nieuw) };
}
