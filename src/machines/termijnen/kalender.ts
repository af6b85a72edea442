/**
 * The Algemene termijnenwet holiday calendar, computed per year from the statute (not from a holiday
 * package: those follow employment customs, e.g. 5 mei only in lustrum years), plus the gemeente's
 * own closure days for werkdagen.
 */
import type { IsoDate } from '../contract';
import { Dag, formatDatum, isWeekend, jaarVan, leesDatum, naarIso, vanYmd, weekdag, WEEKDAGEN } from './datum';
import { GELIJKGESTELDE_DAGEN_BEKEND, STANDAARD_GELIJKGESTELDE_DAGEN } from './gelijkgestelde-dagen.data';

/** A gemeente or contract calendar (Definitie.kalender). */
export interface Kalender {
  /** Closure days of the gemeente. Not Atw holidays (Algemene termijnenwet art. 3 lid 3); they only stop a day being a werkdag. */
  sluitingsdagen?: IsoDate[];
  /** Days equated by decree (Atw art. 3 lid 3) in addition to the built-in table, e.g. a new decree. */
  gelijkgesteldeDagen?: IsoDate[];
  /**
   * Use the built-in decree table (default true). A contract whose werkdagen ignore decree days can
   * switch it off (open question for Amsterdam, docs/juridisch-kader.md §13).
   */
  standaardGelijkgesteldeDagen?: boolean;
}

export interface Feestdag {
  datum: IsoDate;
  /** Dutch name, e.g. `Hemelvaartsdag`. */
  naam: string;
  /** Article that makes it a holiday, e.g. `Atw art. 3 lid 1`. */
  artikel: string;
}

/** Easter Sunday (Eerste Paasdag) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function pasen(jaar: number): IsoDate {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

const LID1 = 'Atw art. 3 lid 1';

/** The holidays of Atw art. 3 lid 1 and lid 2 in one year (decree days excluded). */
function wettelijkeFeestdagen(jaar: number): Array<{ dag: Dag; naam: string; artikel: string }> {
  const paas = leesDatum(pasen(jaar));
  // Algemene termijnenwet art. 3: Koningsdag is 27 april, or zaterdag 26 april when 27 april is a Sunday (e.g. 2025).
  // Up to 2013 the day celebrated was Koninginnedag, 30 april (29 april when that was a Sunday).
  const verjaardag = jaar >= 2014 ? vanYmd(jaar, 4, 27) : vanYmd(jaar, 4, 30);
  const koningsdag = weekdag(verjaardag) === 0 ? verjaardag - 1 : verjaardag;
  return [
    { dag: vanYmd(jaar, 1, 1), naam: 'Nieuwjaarsdag', artikel: LID1 },
    // Atw art. 3 lid 2: Goede Vrijdag is equated with a holiday for the Atw.
    { dag: paas - 2, naam: 'Goede Vrijdag', artikel: 'Atw art. 3 lid 2' },
    { dag: paas + 1, naam: 'Tweede Paasdag', artikel: LID1 },
    { dag: koningsdag, naam: jaar >= 2014 ? 'Koningsdag' : 'Koninginnedag', artikel: LID1 },
    // "de vijfde mei": every year, no lustrum distinction in the Atw (Algemene termijnenwet art. 3 lid 1).
    { dag: vanYmd(jaar, 5, 5), naam: 'Bevrijdingsdag (5 mei)', artikel: LID1 },
    { dag: paas + 39, naam: 'Hemelvaartsdag', artikel: LID1 },
    { dag: paas + 50, naam: 'Tweede Pinksterdag', artikel: LID1 },
    { dag: vanYmd(jaar, 12, 25), naam: 'Eerste Kerstdag', artikel: LID1 },
    { dag: vanYmd(jaar, 12, 26), naam: 'Tweede Kerstdag', artikel: LID1 },
  ];
}

const perJaar = new Map<number, Map<Dag, { naam: string; artikel: string }>>();

function feestdagenVan(jaar: number): Map<Dag, { naam: string; artikel: string }> {
  let map = perJaar.get(jaar);
  if (!map) {
    map = new Map();
    for (const f of wettelijkeFeestdagen(jaar)) {
      // Hemelvaartsdag can coincide with 5 mei (e.g. 2016); keep both names.
      const bestaand = map.get(f.dag);
      map.set(
        f.dag,
        bestaand ? { naam: `${bestaand.naam} en ${f.naam}`, artikel: bestaand.artikel } : { naam: f.naam, artikel: f.artikel },
      );
    }
    perJaar.set(jaar, map);
  }
  return map;
}

/** The built-in decree table (Atw art. 3 lid 3) with its days parsed: constant, so parsed once, not at every calculation. */
const STANDAARD_BESLUITEN = STANDAARD_GELIJKGESTELDE_DAGEN.map((g) => ({ ...g, dag: leesDatum(g.datum) }));

/** A kalender's own days, parsed and checked (leesDatum names the field of a bad one). */
interface KalenderDagen {
  /** Decree days in force: the built-in table unless switched off, plus the kalender's own. */
  besluit: Map<Dag, string>;
  /** The kalender's own decree days. */
  eigen: Set<Dag>;
  sluiting: Set<Dag>;
}

/**
 * Every termijn of every step is computed with its regime's kalender, and parsing its days (and the decree
 * table) each time was a fifth of a termijn's calculation. A kalender is plain data, so the parsed days are
 * kept by its content (not by object: a caller may build a kalender and change it); bounded. A kalender with
 * a bad day is not kept, so it fails again with the same message at every use.
 */
const kalenderDagenCache = new Map<string, KalenderDagen>();

function kalenderDagen(kalender?: Kalender): KalenderDagen {
  const sleutel = kalender
    ? JSON.stringify([kalender.standaardGelijkgesteldeDagen ?? null, kalender.gelijkgesteldeDagen ?? null, kalender.sluitingsdagen ?? null])
    : '';
  const bekend = kalenderDagenCache.get(sleutel);
  if (bekend) return bekend;
  const besluit = new Map<Dag, string>();
  // Unconfirmed days do not count: leaving a day out can only make a vervaldatum earlier.
  if (kalender?.standaardGelijkgesteldeDagen !== false) {
    for (const g of STANDAARD_BESLUITEN) if (g.zeker) besluit.set(g.dag, g.toelichting);
  }
  const eigen = new Set<Dag>();
  for (const d of kalender?.gelijkgesteldeDagen ?? []) {
    const dag = leesDatum(d, 'gelijkgestelde dag in de kalender');
    eigen.add(dag);
    besluit.set(dag, 'opgegeven in de kalender');
  }
  const sluiting = new Set((kalender?.sluitingsdagen ?? []).map((d) => leesDatum(d, 'sluitingsdag in de kalender')));
  if (kalenderDagenCache.size >= 100) kalenderDagenCache.clear();
  const dagen = { besluit, eigen, sluiting };
  kalenderDagenCache.set(sleutel, dagen);
  return dagen;
}

export interface AtwDag {
  naam: string;
  artikel: string;
}

/**
 * Builds the day classifier once per calculation (validates the kalender dates up front, so bad
 * input is reported before anything is computed).
 */
export function maakKalender(kalender?: Kalender) {
  const { besluit, sluiting } = kalenderDagen(kalender);

  /** Holiday in the sense of the Atw (art. 3 lid 1, 2 and 3), or undefined. */
  function feestdag(d: Dag): AtwDag | undefined {
    const wet = feestdagenVan(jaarVan(d)).get(d);
    if (wet) return wet;
    const toelichting = besluit.get(d);
    if (toelichting !== undefined) {
      return { naam: `Bij besluit gelijkgestelde dag (${toelichting})`, artikel: 'Atw art. 3 lid 3' };
    }
    return undefined;
  }

  /** Why a day does not count for the Atw (Saturday, Sunday, holiday), or undefined. */
  function atwReden(d: Dag): string | undefined {
    const toelichting = feestdagenVan(jaarVan(d)).has(d) ? undefined : besluit.get(d);
    if (toelichting !== undefined) return `een bij besluit gelijkgestelde dag, ${toelichting} (Atw art. 3 lid 3)`;
    const f = feestdag(d);
    if (f) return `${f.naam} (${f.artikel})`;
    if (isWeekend(d)) return `een ${WEEKDAGEN[weekdag(d)]}`;
    return undefined;
  }

  /** Why a day is not a werkdag (docs/juridisch-kader.md §5.3: weekend, Atw holiday, decree day, closure day), or undefined. */
  function geenWerkdagReden(d: Dag): string | undefined {
    return atwReden(d) ?? (sluiting.has(d) ? 'een sluitingsdag van de gemeente' : undefined);
  }

  return { feestdag, atwReden, geenWerkdagReden };
}

export type DagKalender = ReturnType<typeof maakKalender>;

/** Name of the Atw holiday (art. 3 lid 1–3, decree days included) on this date, or undefined. */
export function atwFeestdag(datum: IsoDate, kalender?: Kalender): string | undefined {
  const f = maakKalender(kalender).feestdag(leesDatum(datum));
  return f?.naam;
}

/** All Atw holidays of a year, in date order, with name and article (decree days included). */
export function atwFeestdagen(jaar: number, kalender?: Kalender): Feestdag[] {
  const k = maakKalender(kalender);
  const uit: Feestdag[] = [];
  for (let d = vanYmd(jaar, 1, 1); d < vanYmd(jaar + 1, 1, 1); d++) {
    const f = k.feestdag(d);
    if (f) uit.push({ datum: naarIso(d), ...f });
  }
  return uit;
}

/** Not a Saturday, Sunday, Atw holiday, decree day or closure day of the gemeente (docs/juridisch-kader.md §5.3). */
export function isWerkdag(datum: IsoDate, kalender?: Kalender): boolean {
  return maakKalender(kalender).geenWerkdagReden(leesDatum(datum)) === undefined;
}

/**
 * Atw art. 3 lid 3: warnings for a calculation over the days `van` (exclusive) to `tot` (inclusive)
 * whose decree days are not known: a year outside the known decrees (a later decree may still equate
 * a day and move the vervaldatum), or an unconfirmed decree day that was not counted. Empty when the
 * kalender does not use the decree table or when every decree day in the span is known.
 */
export function gelijkgesteldeDagenWaarschuwingen(van: Dag, tot: Dag, kalender?: Kalender): string[] {
  if (kalender?.standaardGelijkgesteldeDagen === false) return [];
  const uit: string[] = [];
  const { eigen } = kalenderDagen(kalender);
  for (let jaar = jaarVan(van); jaar <= jaarVan(tot); jaar++) {
    if (jaar > GELIJKGESTELDE_DAGEN_BEKEND.tot) {
      uit.push(
        `Let op: de bij Koninklijk Besluit met een feestdag gelijkgestelde dagen voor ${jaar} zijn nog niet bekend (Atw art. 3 lid 3); ` +
          `een later besluit kan een dag in deze termijn gelijkstellen en de vervaldatum verschuiven. Controleer het Staatsblad vóór u op deze datum vertrouwt.`,
      );
    } else if (jaar < GELIJKGESTELDE_DAGEN_BEKEND.van) {
      uit.push(
        `Let op: de bij Koninklijk Besluit met een feestdag gelijkgestelde dagen voor ${jaar} zijn niet bevestigd (Atw art. 3 lid 3); ` +
          `alleen de wettelijke feestdagen zijn geteld. Controleer het Staatsblad van dat jaar.`,
      );
    }
  }
  for (const g of STANDAARD_BESLUITEN) {
    const d = g.dag;
    if (g.zeker || d <= van || d > tot || eigen.has(d)) continue;
    uit.push(
      `Let op: ${formatDatum(d)} (${g.toelichting}) is mogelijk bij Koninklijk Besluit met een feestdag gelijkgesteld, maar dat besluit is niet bevestigd; ` +
        `de dag telt hier als gewone dag. Was hij gelijkgesteld, dan kan de vervaldatum later liggen.`,
    );
  }
  return uit;
}
