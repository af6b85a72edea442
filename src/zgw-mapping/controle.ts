/**
 * Checks a ZGW koppeling (koppeling.ts) against its definition (every step and termijn it names
 * exists) and, when given, against the gemeente's catalogus as exported from the Catalogi API 1.3.1
 * (every statustype, resultaattype, roltype and informatieobjecttype it names exists in that
 * zaaktype). Every error is `file:line:column` at the name that is wrong, as for the definitions.
 */
import { readFileSync } from 'node:fs';
import type { DefinitionError } from '../machines/contract';
import type { Definitie } from '../machines/definition/types';
import { OORDELEN } from '../machines/compiler/gebeurtenissen';
import { registratieLijsten } from '../machines/registratie';
import { resultaattypeVoor, zaaktypenVan, type GeladenKoppeling, type ZgwKoppeling } from './koppeling';

type Json = Record<string, unknown>;

/**
 * A catalogus export: the lists as the Catalogi API returns them (`results` of every page),
 * written by `klachtregie zgw catalogus` or by hand from the API.
 */
export interface CatalogusExport {
  bron?: string;
  zaaktypen: Json[];
  statustypen: Json[];
  resultaattypen: Json[];
  roltypen: Json[];
  informatieobjecttypen: Json[];
}

export function leesCatalogus(file: string): CatalogusExport {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CatalogusExport>;
  for (const k of ['zaaktypen', 'statustypen', 'resultaattypen', 'roltypen', 'informatieobjecttypen'] as const) {
    if (!Array.isArray(data[k])) throw new Error(`${file}: '${k}' ontbreekt of is geen lijst (verwacht een export van de Catalogi API)`);
  }
  return data as CatalogusExport;
}

/**
 * The zaaktype in force with this identificatie: published (not concept), the latest version
 * (Catalogi API: a new version of a zaaktype keeps its identificatie).
 */
export function zaaktypeMet(cat: Pick<CatalogusExport, 'zaaktypen'>, identificatie: string): Json | undefined {
  return versiesVan(cat, identificatie)[0];
}

/** Every published version of the zaaktype with this identificatie, the newest first. */
export function versiesVan(cat: Pick<CatalogusExport, 'zaaktypen'>, identificatie: string): Json[] {
  return cat.zaaktypen
    .filter((z) => z.identificatie === identificatie && z.concept !== true)
    .sort((a, b) => String(b.versiedatum ?? '').localeCompare(String(a.versiedatum ?? '')));
}

function bekend(lijst: string[]): string {
  return lijst.length ? `bekend: ${lijst.map((x) => `'${x}'`).join(', ')}` : 'de catalogus kent er geen';
}

/** Steps of the compiled regime (dotted paths), its final steps and the definition's termijnen, from the caller. */
export interface DefinitieFeiten {
  states: string[];
  /** The steps that end a klacht (final states of the regime): each closes its zaak with an eindstatus. */
  eindstappen: string[];
  definitie: Definitie;
}

export function controleerKoppeling(g: GeladenKoppeling, def: DefinitieFeiten, cat?: CatalogusExport): DefinitionError[] {
  const k = g.koppeling;
  if (!k) return g.errors;
  const fout = (pad: (string | number)[], message: string, hint?: string): DefinitionError => ({
    file: g.file,
    ...g.positie(pad),
    message,
    ...(hint ? { hint } : {}),
  });
  const fouten: DefinitionError[] = [];
  const states = new Set(def.states);
  for (const s of Object.keys(k.statussen)) {
    if (!states.has(s))
      fouten.push(fout(['statussen', s], `onbekende stap '${s}' in de zgw-koppeling`, `de klachtregeling kent: ${def.states.join(', ')}`));
  }
  for (const s of Object.keys(k.zaaktypePerRoute ?? {})) {
    if (!states.has(s))
      fouten.push(
        fout(['zaaktypePerRoute', s], `onbekende stap '${s}' in de zgw-koppeling`, `de klachtregeling kent: ${def.states.join(', ')}`),
      );
  }
  for (const s of Object.keys(k.resultaten.stap ?? {})) {
    if (!states.has(s))
      fouten.push(
        fout(['resultaten', 'stap', s], `onbekende stap '${s}' in de zgw-koppeling`, `de klachtregeling kent: ${def.states.join(', ')}`),
      );
  }
  const termijnen = Object.keys(def.definitie.termijnen ?? {});
  k.afhandeltermijnen.forEach((t, i) => {
    if (!termijnen.includes(t))
      fouten.push(fout(['afhandeltermijnen', i], `onbekende termijn '${t}'`, `de klachtregeling kent: ${termijnen.join(', ')}`));
  });
  for (const o of Object.keys(k.resultaten.oordeel ?? {})) {
    if (!(OORDELEN as readonly string[]).includes(o))
      fouten.push(fout(['resultaten', 'oordeel', o], `onbekend oordeel '${o}'`, `Awb 9:12 lid 1: ${OORDELEN.join(', ')}`));
  }
  // An afdoening key is a value of the definition's afwikkeling list (registratie): any other never matches a klacht.
  const afwikkelingen = registratieLijsten(def.definitie).afwikkeling;
  for (const a of Object.keys(k.resultaten.afdoening ?? {})) {
    if (!afwikkelingen.includes(a))
      fouten.push(
        fout(
          ['resultaten', 'afdoening', a],
          `onbekende afwikkeling '${a}'`,
          afwikkelingen.length
            ? `de klachtregeling kent (registratie.afwikkeling): ${afwikkelingen.join(', ')}`
            : 'de klachtregeling registreert geen afwikkeling',
        ),
      );
  }
  // Every final step closes the zaak, and a register sets the eindstatus only on a zaak with a resultaat (Zaken API
  // 1.5.1 status_create): the eindstap's resultaattype is the fallback when neither oordeel nor afwikkeling gives one.
  for (const s of def.eindstappen) {
    if (resultaattypeVoor(k, { oordeel: null, afdoening: null, state: s }) === undefined)
      fouten.push(
        fout(
          k.resultaten.stap ? ['resultaten', 'stap'] : ['resultaten'],
          `eindstap '${s}' geeft geen resultaat`,
          `een zaak wordt alleen met een resultaat afgesloten (Zaken API 1.5.1, status_create); geef onder resultaten.stap een resultaattype voor '${s}', dat geldt als oordeel en afwikkeling er geen geven`,
        ),
      );
  }
  if (!cat) return fouten;

  // Every name must exist in every zaaktype the koppeling can give a klacht, in each published version: a new zaak gets
  // the newest, and a zaak keeps the version it was made with, whose types its deliveries use (docs/zgw.md §4).
  for (const id of zaaktypenVan(k)) {
    const versies = versiesVan(cat, id);
    if (versies.length === 0) {
      const ids = [...new Set(cat.zaaktypen.map((z) => String(z.identificatie)))];
      const waar =
        id === k.zaaktype ? ['zaaktype'] : ['zaaktypePerRoute', Object.entries(k.zaaktypePerRoute ?? {}).find(([, v]) => v === id)![0]];
      fouten.push(fout(waar, `onbekend zaaktype '${id}' in de catalogus`, bekend(ids)));
      continue;
    }
    for (const zt of versies)
      fouten.push(...namenInZaaktype(k, cat, zt, versies.length > 1 ? `${id} versie ${String(zt.versiedatum)}` : id, fout));
  }
  const iots = cat.informatieobjecttypen.filter((i) => i.concept !== true).map((i) => String(i.omschrijving));
  if (!iots.includes(k.informatieobjecttypen.klaagschrift)) {
    fouten.push(
      fout(
        ['informatieobjecttypen', 'klaagschrift'],
        `onbekend informatieobjecttype '${k.informatieobjecttypen.klaagschrift}'`,
        bekend(iots),
      ),
    );
  }
  return fouten;
}

/** The statustypen, resultaattypen and roltypen the koppeling names, in one version of a zaaktype (`naam` in messages). */
function namenInZaaktype(
  k: ZgwKoppeling,
  cat: CatalogusExport,
  zt: Json,
  naam: string,
  fout: (pad: (string | number)[], message: string, hint?: string) => DefinitionError,
): DefinitionError[] {
  const fouten: DefinitionError[] = [];
  const vanZaaktype = (lijst: Json[]) => lijst.filter((x) => x.zaaktype === zt.url).map((s) => String(s.omschrijving));
  const statustypen = vanZaaktype(cat.statustypen);
  for (const [s, o] of Object.entries(k.statussen)) {
    if (!statustypen.includes(o))
      fouten.push(fout(['statussen', s], `onbekend statustype '${o}' in zaaktype ${naam}`, bekend(statustypen)));
  }
  const resultaattypen = vanZaaktype(cat.resultaattypen);
  for (const soort of ['oordeel', 'afdoening', 'stap'] as const) {
    for (const [w, o] of Object.entries(k.resultaten[soort] ?? {})) {
      if (!resultaattypen.includes(o))
        fouten.push(fout(['resultaten', soort, w], `onbekend resultaattype '${o}' in zaaktype ${naam}`, bekend(resultaattypen)));
    }
  }
  const roltypen = vanZaaktype(cat.roltypen);
  for (const r of ['klager', 'behandelaar'] as const) {
    if (!roltypen.includes(k.roltypen[r]))
      fouten.push(fout(['roltypen', r], `onbekend roltype '${k.roltypen[r]}' in zaaktype ${naam}`, bekend(roltypen)));
  }
  return fouten;
}
