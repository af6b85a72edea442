import { Injectable } from '@nestjs/common';
import { allePaden, groepeerPaden, type PadGroep } from '../../machines/graph/paden';
import type { Regime } from '../../machines/regime';

export interface PadZin {
  van: string;
  naar: string;
  event: string;
  /** One sentence in Dutch: what happens and where the klacht goes. */
  zin: string;
  grondslag?: string;
  termijnen: string[];
}

export interface PadenOverzicht {
  definitie: { id: string; versie: string; gemeente: string };
  aantal: number;
  /** True when there are more routes than listed. */
  afgekapt: boolean;
  /** The routes by intake route, line and outcome, with counts (the same grouping as `klachtregie paths --samenvatting`). */
  groepen: PadGroep[];
  paden: Array<{ nummer: number; eind: string; eindOmschrijving: string; stappen: PadZin[] }>;
}

/** Cap for the page: every route is listed up to this number (the page says when it stops). */
export const MAX_PADEN = 2000;

/**
 * Every route a klacht can take, from the compiler's path enumeration (src/machines/graph/paden),
 * written out as Dutch sentences. Exploring the graph costs seconds, so it is cached per version.
 */
@Injectable()
export class PadenService {
  private readonly cache = new Map<string, PadenOverzicht>();

  paden(r: Regime): PadenOverzicht {
    const key = `${r.summary.id}@${r.summary.versie}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { paden, afgekapt } = allePaden(r, MAX_PADEN);
    const uit: PadenOverzicht = {
      definitie: { id: r.summary.id, versie: r.summary.versie, gemeente: r.summary.gemeente.naam },
      aantal: paden.length,
      afgekapt,
      // The routes of a version, not of a klacht: no day, so the regeling's own text (every body it lists). A klacht's
      // state reads by its own day (WerkvoorraadService.beschrijfKlacht).
      groepen: groepeerPaden(paden, (st) => r.beschrijfState(st)),
      paden: paden.map((p, i) => ({
        nummer: i + 1,
        eind: p.eind,
        eindOmschrijving: r.beschrijfState(p.eind),
        stappen: p.stappen.map((s) => {
          const termijnen = s.termijnenGezet.map((t) => `${t.label} (${t.duur}, ${t.grondslag})`);
          const zin =
            `${hoofdletter(s.omschrijving)}: van "${s.vanOmschrijving}" naar "${s.naarOmschrijving}"` +
            (termijnen.length
              ? `; de ${termijnen.length === 1 ? 'termijn' : 'termijnen'} ${termijnen.join(' en ')} ${termijnen.length === 1 ? 'gaat' : 'gaan'} lopen`
              : '') +
            (s.termijnenGestopt.length
              ? `; ${s.termijnenGestopt.join(', ')} ${s.termijnenGestopt.length === 1 ? 'stopt' : 'stoppen'}`
              : '') +
            '.';
          return { van: s.van, naar: s.naar, event: s.event, zin, ...(s.grondslag ? { grondslag: s.grondslag } : {}), termijnen };
        }),
      })),
    };
    this.cache.set(key, uit);
    return uit;
  }
}

function hoofdletter(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
