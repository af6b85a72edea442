/**
 * Days equated with an algemeen erkende feestdag by Koninklijk Besluit (Algemene termijnenwet art. 3
 * lid 3, "Besluit gelijkstelling van … met een algemeen erkende feestdag"), published in the
 * Staatsblad, usually for several years at a time and usually the Friday after Hemelvaartsdag plus a
 * bridge day next to a holiday on a Thursday (or Tuesday).
 *
 * Every entry names its decree as precisely as it is known. Klachtregie was written without access
 * to the Staatsblad, so:
 * - `zeker: true` (2023–2028): the decree is known by its title as cited in a secondary source (an
 *   answer of 4 October 2025 on sterfgeval.nl quoting "Besluit gelijkstelling van 2 januari 2026,
 *   15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag", and the
 *   corresponding decree for 2023–2025). These days count. Staatsblad numbers still to be added.
 * - 2015–2022: the Friday after Hemelvaartsdag was equated every year by its decree (the standing
 *   practice of the gelijkstellingsbesluiten; 27 May 2022 is the example the gemeenten ran into). These
 *   count (`zeker: true`), with the decree named by its kind until the Staatsblad number is added.
 *   Other bridge days of those years fit the pattern but are NOT confirmed (`zeker: false`): they do not
 *   count (a vervaldatum can then only come out earlier, never too late for the gemeente), and a termijn
 *   in those years warns in its uitleg, because the years are not fully known.
 * For a year outside GELIJKGESTELDE_DAGEN_BEKEND no decree is known yet (a future decree, or one not
 * checked): every calculation touching that year warns. When a new decree appears: add its days
 * here with `zeker: true` and its Staatsblad reference, and move the range. A calculation can also
 * be given extra days through its Kalender (`gelijkgesteldeDagen`).
 */
import type { IsoDate } from '../contract';

export interface GelijkgesteldeDag {
  datum: IsoDate;
  /** Why this day was equated (usually a bridge day next to a holiday). */
  toelichting: string;
  /** The Koninklijk Besluit, as precisely as known. */
  bron: string;
  /** true: the decree is known and the day counts; false: not confirmed, the day does not count (the uitleg warns). */
  zeker: boolean;
}

/** The years whose decree days are known (every decree covering them is in the table). */
export const GELIJKGESTELDE_DAGEN_BEKEND = { van: 2023, tot: 2028 } as const;

const KB_2023_2025 =
  'Koninklijk Besluit tot gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag (Atw art. 3 lid 3); dagen volgens secundaire bron, Staatsblad-nummer niet geverifieerd';
const KB_2026_2028 =
  'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag (Atw art. 3 lid 3); titel zoals geciteerd in een secundaire bron, Staatsblad-nummer niet geverifieerd';
const KB_HEMELVAART = (jaar: number) =>
  `Besluit gelijkstelling ${jaar}: de vrijdag na Hemelvaartsdag met een algemeen erkende feestdag gelijkgesteld (Atw art. 3 lid 3); Staatsblad-nummer niet geverifieerd`;
const ONBEVESTIGD =
  'ONBEVESTIGD: past in het gebruikelijke patroon, maar het Koninklijk Besluit is niet teruggevonden; telt daarom niet mee';

export const STANDAARD_GELIJKGESTELDE_DAGEN: readonly GelijkgesteldeDag[] = [
  // 2015–2022: the Fridays after Hemelvaartsdag count; the other bridge days are not confirmed and do not.
  { datum: '2015-01-02', toelichting: 'vrijdag na Nieuwjaarsdag', bron: ONBEVESTIGD, zeker: false },
  { datum: '2015-05-15', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2015), zeker: true },
  { datum: '2016-05-06', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2016), zeker: true },
  { datum: '2017-04-28', toelichting: 'vrijdag na Koningsdag', bron: ONBEVESTIGD, zeker: false },
  { datum: '2017-05-26', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2017), zeker: true },
  { datum: '2018-05-11', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2018), zeker: true },
  { datum: '2018-12-24', toelichting: 'maandag vóór Eerste Kerstdag', bron: ONBEVESTIGD, zeker: false },
  { datum: '2019-05-31', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2019), zeker: true },
  { datum: '2019-12-27', toelichting: 'vrijdag na Tweede Kerstdag', bron: ONBEVESTIGD, zeker: false },
  { datum: '2020-05-22', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2020), zeker: true },
  { datum: '2021-04-26', toelichting: 'maandag vóór Koningsdag', bron: ONBEVESTIGD, zeker: false },
  { datum: '2021-05-14', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2021), zeker: true },
  { datum: '2022-05-27', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_HEMELVAART(2022), zeker: true },
  // 2023–2028: known decrees.
  { datum: '2023-04-28', toelichting: 'vrijdag na Koningsdag', bron: KB_2023_2025, zeker: true },
  { datum: '2023-05-19', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2023_2025, zeker: true },
  { datum: '2024-05-10', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2023_2025, zeker: true },
  { datum: '2024-12-27', toelichting: 'vrijdag na Tweede Kerstdag', bron: KB_2023_2025, zeker: true },
  { datum: '2025-05-30', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2023_2025, zeker: true },
  { datum: '2026-01-02', toelichting: 'vrijdag na Nieuwjaarsdag', bron: KB_2026_2028, zeker: true },
  { datum: '2026-05-15', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2026_2028, zeker: true },
  { datum: '2027-05-07', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2026_2028, zeker: true },
  { datum: '2028-04-28', toelichting: 'vrijdag na Koningsdag', bron: KB_2026_2028, zeker: true },
  { datum: '2028-05-26', toelichting: 'vrijdag na Hemelvaartsdag', bron: KB_2026_2028, zeker: true },
];

/** Source line for the uitleg. */
export const BRON_GELIJKGESTELDE_DAGEN =
  'Koninklijke Besluiten tot gelijkstelling met een algemeen erkende feestdag (Atw art. 3 lid 3), bekend voor 2023–2028; Staatsblad-nummers nog te verifiëren';
