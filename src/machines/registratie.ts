/**
 * Registration of a klacht for the reports: aard, oorzaak, afwikkeling, maatregelen and tevredenheid,
 * each from the value lists of the gemeente's definition (`registratie:`). "Uitgangspunten
 * klachtenmanagement Sociaal Domein Stichtse Vecht" art. 11.1 asks reports "naar aard en oorzaak,
 * inclusief een overzicht van afwikkeling en op basis van klachten getroffen maatregelen"; the
 * "Klachtenprotocol Wmo keten Amsterdam" §5A and §6 ask whether the klager is satisfied.
 *
 * Pure: the service checks intake, event data and PATCH bodies with these functions against the
 * definition version the klacht is pinned to, and writes the result into the klacht's columns.
 */
import type { OngeldigVeld, RegistratieWaarden } from './contract';
import { TEVREDENHEID_UIT_GEBEURTENIS } from './definition/referenties';
import { GESCHIL_VOORLEGGEN } from './compiler/termijnen';
import { NIET_BEREIKT, WACHT_OP_KLAGER } from './compiler/wacht-op-klager';
import type { Definitie } from './definition/types';

export const REGISTRATIE_VELDEN = ['aard', 'oorzaak', 'afwikkeling', 'maatregelen', 'tevredenheid'] as const;
export type RegistratieVeld = (typeof REGISTRATIE_VELDEN)[number];

export type { RegistratieWaarden };

/** The allowed values per field for a definition version (empty list: this gemeente does not register it). */
export type RegistratieLijsten = Record<RegistratieVeld, string[]>;

/** Tevredenheid an event records by its type (Amsterdam §6: nagaan of de klager tevreden is). */
export const TEVREDENHEID_VAN_GEBEURTENIS: Readonly<Record<string, string>> = {
  KLAGER_TEVREDEN: TEVREDENHEID_UIT_GEBEURTENIS[0],
  KLAGER_ONTEVREDEN: TEVREDENHEID_UIT_GEBEURTENIS[1],
  // Mediation succeeds when the klager is satisfied (the event says so).
  MEDIATION_GESLAAGD: TEVREDENHEID_UIT_GEBEURTENIS[0],
};

export function registratieLijsten(def: Definitie): RegistratieLijsten {
  const r = def.registratie ?? {};
  return {
    aard: r.aard ?? [],
    oorzaak: r.oorzaak ?? [],
    afwikkeling: r.afwikkeling ?? [],
    maatregelen: r.maatregelen ?? [],
    tevredenheid: r.tevredenheid ?? [...TEVREDENHEID_UIT_GEBEURTENIS],
  };
}

function nietInLijst(def: Definitie, veld: RegistratieVeld, lijst: string[], w: unknown): string {
  if (lijst.length === 0) {
    return `de klachtregeling van ${def.gemeente.naam} (versie ${def.versie}) registreert geen ${veld}; een beleidsmedewerker kan registratie.${veld} aan de definitie toevoegen`;
  }
  return `${JSON.stringify(w)} staat niet in de lijst van ${def.gemeente.naam} (versie ${def.versie}); kies een van: ${lijst.join(', ')}`;
}

/**
 * Checks a `registratie` object (intake, event data or PATCH body) against the definition's lists.
 * `pad` prefixes the field names in the errors (`data.registratie.aard`). Nothing is partially
 * accepted: with any error the caller changes nothing.
 */
export function controleerRegistratie(
  def: Definitie,
  invoer: unknown,
  pad = 'registratie',
): { waarden: RegistratieWaarden; fouten: OngeldigVeld[] } {
  if (invoer === undefined || invoer === null) return { waarden: {}, fouten: [] };
  if (typeof invoer !== 'object' || Array.isArray(invoer)) {
    return { waarden: {}, fouten: [{ name: pad, reason: `geef een object met ${REGISTRATIE_VELDEN.join(', ')}` }] };
  }
  const lijsten = registratieLijsten(def);
  const waarden: RegistratieWaarden = {};
  const fouten: OngeldigVeld[] = [];
  for (const [veld, w] of Object.entries(invoer as Record<string, unknown>)) {
    if (!(REGISTRATIE_VELDEN as readonly string[]).includes(veld)) {
      fouten.push({ name: `${pad}.${veld}`, reason: `onbekend registratieveld; de velden zijn ${REGISTRATIE_VELDEN.join(', ')}` });
      continue;
    }
    const v = veld as RegistratieVeld;
    const lijst = lijsten[v];
    if (w === undefined) continue;
    if (v === 'maatregelen') {
      if (!Array.isArray(w)) {
        fouten.push({ name: `${pad}.maatregelen`, reason: `geef een lijst waarden, bijvoorbeeld [${lijst.slice(0, 2).join(', ')}]` });
        continue;
      }
      const fout = w.findIndex((m) => typeof m !== 'string' || !lijst.includes(m));
      if (fout >= 0) {
        fouten.push({ name: `${pad}.maatregelen[${fout}]`, reason: nietInLijst(def, v, lijst, w[fout]) });
        continue;
      }
      waarden.maatregelen = [...new Set(w as string[])];
      continue;
    }
    if (typeof w !== 'string' || !lijst.includes(w)) {
      fouten.push({ name: `${pad}.${v}`, reason: nietInLijst(def, v, lijst, w) });
      continue;
    }
    waarden[v] = w;
  }
  return { waarden: fouten.length ? {} : waarden, fouten };
}

/**
 * The klager's own windows whose passing without a word from him closes the klacht: the wait for his answer after the
 * aanbieder's afdoening (compiler/wacht-op-klager.ts) and his window to take the geschil to the geschilleninstantie after
 * the zorgaanbieder's written outcome (Wkkgz 21 lid 1 sub b; termijnen.ts). In both he neither said he was satisfied nor
 * went on, so whether he is satisfied was not learnt: 'niet bereikt' ("Klachtenprotocol Wmo keten Amsterdam" §5A, §6).
 * One list: the engine registers from it (tevredenheidBijVerlopen), and a report as at a peildatum asks
 * registratieVanGebeurtenis for the expiry of each name in it (rapportage.repository.ts tevredenheidPerDefinitie).
 */
export const VERLOPEN_ZONDER_REACTIE_KLAGER: readonly string[] = [...WACHT_OP_KLAGER, GESCHIL_VOORLEGGEN];

/**
 * One of the klager's windows of VERLOPEN_ZONDER_REACTIE_KLAGER passed without his answer: he was not reached. Registered
 * where the gemeente's list has the value; a list without it registers nothing (the reports show the klacht as onbekend).
 */
function tevredenheidBijVerlopen(def: Definitie, type: string, data: Record<string, unknown> | undefined): string | undefined {
  if (type !== 'TERMIJN_VERLOPEN' || !VERLOPEN_ZONDER_REACTIE_KLAGER.includes(String(data?.termijn))) return undefined;
  return registratieLijsten(def).tevredenheid.includes(NIET_BEREIKT) ? NIET_BEREIKT : undefined;
}

/**
 * What the passing of window `termijn` registers as tevredenheid under `def` ('niet bereikt' or nothing): the same rule,
 * for the message that closes the klacht (the blocks' AFGESLOTEN_ZONDER_REACTIE_KLAGER and AFGESLOTEN_ZONDER_GESCHIL),
 * so the dossier is told what the registration records.
 */
export function tevredenheidNaVerlopen(def: Definitie, termijn: string): string | undefined {
  return tevredenheidBijVerlopen(def, 'TERMIJN_VERLOPEN', { termijn });
}

/**
 * The registration an accepted event writes: `data.registratie`, plus tevredenheid from the event
 * type (KLAGER_TEVREDEN / KLAGER_ONTEVREDEN). An explicit tevredenheid that contradicts the event
 * type is refused rather than silently overwritten.
 */
export function registratieVanGebeurtenis(
  def: Definitie,
  type: string,
  data: Record<string, unknown> | undefined,
): { waarden: RegistratieWaarden; fouten: OngeldigVeld[] } {
  const r = controleerRegistratie(def, data?.registratie, 'data.registratie');
  const uitType = TEVREDENHEID_VAN_GEBEURTENIS[type] ?? tevredenheidBijVerlopen(def, type, data);
  if (!uitType || r.fouten.length) return r;
  if (r.waarden.tevredenheid !== undefined && r.waarden.tevredenheid !== uitType) {
    return {
      waarden: {},
      fouten: [
        {
          name: 'data.registratie.tevredenheid',
          reason: `${type} registreert tevredenheid '${uitType}'; laat het veld weg of geef '${uitType}'`,
        },
      ],
    };
  }
  return { waarden: { ...r.waarden, tevredenheid: uitType }, fouten: [] };
}
