/**
 * Days equated with an algemeen erkende feestdag by Royal Decree (Atw art. 3 lid 3, "Besluit
 * gelijkstelling …"), published in the Staatsblad/Staatscourant, usually for three years at a time.
 *
 * Source: domain.md ATW-3-3, which cites
 * https://sterfgeval.nl/juridisch/overige/vragen-van-uitvaartondernemers/gemeentelijke-feestdag-bij-lijkbezorging-feestdagen-in-2026-2028/70745
 * (4 October 2025: "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028
 * en 26 mei 2028 met een algemeen erkende feestdag") and the earlier decrees for 2023–2025.
 * UNVERIFIED against the Staatsblad text itself (domain §13 item 10): check and extend this table when
 * a new decree appears; a gemeente can add days without a code change through `kalender.gelijkgesteldeDagen`.
 */
import type { IsoDate } from '../contract';

export interface GelijkgesteldeDag {
  datum: IsoDate;
  /** Why this day was equated (usually a bridge day next to a holiday). */
  toelichting: string;
}

export const STANDAARD_GELIJKGESTELDE_DAGEN: readonly GelijkgesteldeDag[] = [
  { datum: '2023-04-28', toelichting: 'vrijdag na Koningsdag' },
  { datum: '2023-05-19', toelichting: 'vrijdag na Hemelvaartsdag' },
  { datum: '2024-05-10', toelichting: 'vrijdag na Hemelvaartsdag' },
  { datum: '2024-12-27', toelichting: 'vrijdag na Tweede Kerstdag' },
  { datum: '2025-05-30', toelichting: 'vrijdag na Hemelvaartsdag' },
  { datum: '2026-01-02', toelichting: 'vrijdag na Nieuwjaarsdag' },
  { datum: '2026-05-15', toelichting: 'vrijdag na Hemelvaartsdag' },
  { datum: '2027-05-07', toelichting: 'vrijdag na Hemelvaartsdag' },
  { datum: '2028-04-28', toelichting: 'vrijdag na Koningsdag' },
  { datum: '2028-05-26', toelichting: 'vrijdag na Hemelvaartsdag' },
];

/** Source line for the uitleg. */
export const BRON_GELIJKGESTELDE_DAGEN =
  'Besluit gelijkstelling (Staatsblad); tabel volgens domain.md ATW-3-3, nog te verifiëren';
