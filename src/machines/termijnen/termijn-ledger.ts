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
import { DagKalender, gelijkgesteldeDagenWaarschuwingen } from './kalender';
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
  /** The due date of the base computation, before any mutation (the "Oorspronkelijke vervaldatum" of the uitleg). */
  oorspronkelijkeVervaldatum: IsoDate;
  /** Set while the termijn is suspended: `vervaldatum` then still moves by the days until hervatting. */
  opgeschortSinds?: IsoDate;
}

/** Total of verdagingen compared in one unit: days for D/W, months for M/Y (the kind of unit that must match). */
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

/**
 * The unit a verdagingMax caps in, as it is written (Awb 9:11 lid 2 / Wkkgz 17 lid 2 "vier weken"): weeks are calendar
 * weeks, on any termijn; days are the termijn's own days (werkdagen on a termijn in werkdagen); months and years months.
 */
function maatVan(max: GeparseerdeDuur, werkdagen: boolean): 'kalenderdagen' | 'werkdagen' | 'maanden' {
  if (max.eenheid === 'M' || max.eenheid === 'Y') return 'maanden';
  return max.eenheid === 'D' && werkdagen ? 'werkdagen' : 'kalenderdagen';
}

/** How far a verdaging moved the raw last day from `van` to `naar`, in calendar days or in the werkdagen in between. */
function verschuiving(van: Dag, naar: Dag, maat: 'kalenderdagen' | 'werkdagen', k: DagKalender): number {
  if (maat === 'kalenderdagen') return naar - van;
  let n = 0;
  for (let d = van + 1; d <= naar; d++) if (k.geenWerkdagReden(d) === undefined) n++;
  return n;
}

function mutatieNaam(m: Mutatie, i: number): string {
  return `mutatie ${i + 1} (${m.soort})`;
}

/** A rule of the ledger as it was counted before it was corrected, to judge what happened under it (a replay). */
export interface OudeTelling {
  /**
   * Before 41a1304 (Atw art. 1 lid 1 with a regeling's opschorting) a hervatting counted the suspended days on from the
   * unextended (raw) last day, also when the termijn was suspended in the days the Atw added, so it could end before the
   * hervatting and pass at once. Only to read whether an expiry stored under that count had passed by its day
   * (compiler/acties.ts, a recorded TERMIJN_VERLOPEN replayed by a version migration); never to compute a due date.
   */
  hervattingVanafOnverlengd?: boolean;
}

/**
 * Replays the ledger; throws TermijnFout (Dutch, says what to do instead) when a mutation is not allowed.
 * @param nieuwVanaf  index of the first mutation being added now (voegMutatieToe); the ones before it were accepted and
 *                    stored. Default: all stored (a replay). A stored verdaging that the count of its time let through
 *                    but the calendar count of the maximum does not (see `verschuiving`) is not refused on replay, or
 *                    the klacht could not be stepped any more: it keeps the day the klager was told, with a warning.
 * @param oud         a corrected rule counted as before (OudeTelling); default: the rules as they are.
 */
export function herbereken(ledger: TermijnLedger, nieuwVanaf = ledger.mutaties.length, oud: OudeTelling = {}): HerberekenUitkomst {
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
  /** Movement by verdaging so far, in the unit of the maximum (verschuiving); `verdaagdOud` as counted before that. */
  let verdaagd = 0;
  let verdaagdOud = 0;
  let opgeschortSinds: Dag | undefined;
  const vervaldatumNaMutatie: IsoDate[] = [];
  const waarschuwingen = [...basis.waarschuwingen];

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
        const stap: string[] = [];
        // docs/juridisch-kader.md the verdaging is added to the raw (un-Atw-ed) due date and the Atw is applied
        // again — the conservative reading; whether to use the Atw-extended date instead is not settled.
        const nieuw = verdaagRuw(ruw, duur, werkdagen, stap, `de onverlengde vervaldatum ${formatDatum(ruw)}`);
        const maat = maatVan(max, werkdagen);
        const beweging = maat === 'maanden' ? eenheid.waarde : verschuiving(ruw, nieuw, maat, k);
        if (verdaagd + beweging > maxEenheid.waarde) {
          const oudToegelaten = verdaagdOud + eenheid.waarde <= maxEenheid.waarde;
          // Awb 9:11 lid 2 / Wkkgz 17 lid 2: "vier weken" are calendar weeks, also on a termijn counted in werkdagen,
          // where a verdaging in days counts werkdagen (28 werkdagen are some six weeks).
          const inWerkdagen =
            werkdagen && duur.eenheid === 'D' && maat === 'kalenderdagen'
              ? `Op deze termijn in werkdagen telt de duur '${m.duur}' werkdagen: ${beschrijfDuur(duur, true)} na ` +
                `${formatDatum(ruw)} is ${formatDatum(nieuw)}, ${beweging} ${beweging === 1 ? 'dag' : 'dagen'} later. `
              : '';
          const rest = Math.max(0, maxEenheid.waarde - verdaagd);
          // What is still possible, in both ways of writing it on this termijn: weeks, or the werkdagen up to that day.
          const manieren = [
            ...(rest >= 7 ? [`in weken (hooguit P${Math.floor(rest / 7)}W)`] : []),
            ...(verschuiving(ruw, ruw + rest, 'werkdagen', k) > 0
              ? [`in werkdagen (hooguit P${verschuiving(ruw, ruw + rest, 'werkdagen', k)}D)`]
              : []),
          ];
          const hoe =
            inWerkdagen && manieren.length > 0 ? `, tot en met ${formatDatum(ruw + rest)}: schrijf de duur ${manieren.join(' of ')}` : '';
          const melding =
            `Verdaging met ${beschrijfDuur(duur, werkdagen && duur.eenheid === 'D')} (${naam}) kan niet: ${inWerkdagen}` +
            `${inWerkdagen ? 'Samen' : 'samen'} met de eerdere verdaging(en) wordt het meer dan ${beschrijfDuur(max)} (${grondslag}). ` +
            `Nog mogelijk: ${rest} ${maat === 'werkdagen' ? 'werkdagen' : eenheid.soort}${hoe}. ` +
            `Verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3).`;
          if (i >= nieuwVanaf || !oudToegelaten) throw new TermijnFout(melding, 'verdaging-te-lang');
          // Stored before the calendar count: the klager was told this day in writing; it stands, and says it is too long.
          const w =
            `De verdaging van ${formatDatum(op)} (${naam}) gaat verder dan ${beschrijfDuur(max)} (${grondslag}): de termijn schuift ` +
            `door verdaging ${verdaagd + beweging} dagen op. Zij is vastgelegd voordat een verdaging in werkdagen in kalenderdagen aan ` +
            `het maximum werd getoetst; de vervaldatum blijft die de klager is meegedeeld. Verder uitstel kan alleen met schriftelijke ` +
            `instemming van de klager (Awb 9:11 lid 3)`;
          waarschuwingen.push(w);
          stap.push(w);
        }
        // During opschorting the termijn cannot expire, so the notice is always in time then.
        if (ledger.verdagingVoorVerloop && opgeschortSinds === undefined && op > vervaldag) {
          throw new TermijnFout(
            `Verdaging op ${formatDatum(op)} (${naam}) is te laat: de kennisgeving moet uiterlijk op de vervaldatum ` +
              `${formatDatum(vervaldag)} worden gedaan (${grondslag}). Verder uitstel kan alleen met instemming van de klager.`,
            'verdaging-na-verloop',
          );
        }
        verdaagd += beweging;
        verdaagdOud += eenheid.waarde;
        ruw = nieuw;
        uitleg.push(
          `Verdaging op ${formatDatum(op)} met ${beschrijfDuur(duur, werkdagen && duur.eenheid === 'D')} (${grondslag})${reden}:`,
        );
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
        // A suspended termijn does not run: it gets back the days it had left when it stopped, and the Atw applies to the
        // last day that gives (Atw art. 1 lid 1). Stopped within its own days, those are counted on from the raw last day
        // (the Atw then judges the new one afresh). Stopped after its raw last day, in the days the Atw added to it (it
        // still ran: Atw art. 1 lid 1), its own days were used up and what it had left are the days up to the extended
        // last day: counted on from that day, or it would end before the hervatting (passed the moment it resumes).
        const inAtwDagen = opgeschortSinds > ruw && !oud.hervattingVanafOnverlengd;
        const vorige = inAtwDagen ? vervaldag : ruw;
        if (inAtwDagen) {
          uitleg.push(
            `Opgeschort na de onverlengde vervaldatum ${formatDatum(ruw)}, in de dagen die de Algemene termijnenwet toevoegde: ` +
              `de termijn liep tot en met ${formatDatum(vervaldag)} (Atw art. 1 lid 1); de dagen tot die datum komen na de hervatting`,
          );
        }
        if (werkdagen) {
          // A termijn in werkdagen is extended by the werkdagen it stood still, counted as it counts its own days: the
          // days from the opschorting up to the hervatting that are werkdagen (not the weekend, holidays, sluitingsdagen).
          let stil = 0;
          for (let d = opgeschortSinds; d < op; d++) if (k.geenWerkdagReden(d) === undefined) stil++;
          ruw = telWerkdagen(vorige, stil, k, uitleg);
          uitleg.push(
            `Hervat op ${formatDatum(op)}${reden}: ${stil} ${stil === 1 ? 'werkdag' : 'werkdagen'} opgeschort ` +
              `(${formatDatum(opgeschortSinds)} tot ${formatDatum(op)}), dus ${formatDatum(vorige)} + ${stil} ${stil === 1 ? 'werkdag' : 'werkdagen'} = ${formatDatum(ruw)}`,
          );
        } else {
          const dagen = op - opgeschortSinds;
          ruw = vorige + dagen;
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
    oorspronkelijkeVervaldatum: naarIso(basis.vervaldag),
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
  return { ledger: nieuw, uitkomst: herbereken(nieuw, ledger.mutaties.length) };
}
