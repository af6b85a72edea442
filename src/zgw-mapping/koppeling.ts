/**
 * The ZGW koppeling of one definition version (pure: no NestJS, no I/O except reading the file):
 * which zaaktype a klacht becomes, which statustype each step of the regime sets, which
 * resultaattype an afdoening or oordeel gives. It lives next to the definition, in
 * `definitions/<cbs-code>-<naam>/zgw/<versie>.yaml` (the definition loader does not descend into
 * that folder). Names, not URLs: the gemeente's catalogus (Catalogi API) resolves them, so the same
 * file works against every Open Zaak of that gemeente (test, acceptatie, productie).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { DefinitionError } from '../machines/contract';
import { yamlPositie } from '../machines/definition/loader';

/** Zaken API 1.5.1 `VertrouwelijkheidaanduidingEnum` (Archiefwet: the zaak's confidentiality). */
export const VERTROUWELIJKHEIDAANDUIDINGEN = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;

const naam = z.string().min(1).max(80);

export const koppelingSchema = z
  .object({
    /** `identificatie` of the zaaktype in the gemeente's catalogus. */
    zaaktype: z.string().min(1).max(50),
    /**
     * Another zaaktype for klachten whose first step (at intake) is this step or under it, e.g.
     * `bijAanbieder` or `wkkgz`. The zaaktype of a zaak never changes afterwards (Zaken API).
     */
    zaaktypePerRoute: z.record(z.string().min(1), z.string().min(1).max(50)).optional(),
    /** Klachten hold personal data about health and care (AVG art. 9): `vertrouwelijk` is the usual choice. */
    vertrouwelijkheidaanduiding: z.enum(VERTROUWELIJKHEIDAANDUIDINGEN),
    /** The termijnen whose due date is the zaak's uiterlijkeEinddatumAfdoening (Awb 9:11), e.g. `afhandeling`. */
    afhandeltermijnen: z.array(z.string().min(1)).min(1),
    /** Step (dotted path; a parent covers its children) -> statustype omschrijving. */
    statussen: z.record(z.string().min(1), naam),
    resultaten: z
      .object({
        /** Awb 9:12 lid 1 oordeel -> resultaattype omschrijving (wins over afdoening). */
        oordeel: z.record(z.string().min(1), naam).optional(),
        /** Afwikkeling (registratie) -> resultaattype omschrijving. */
        afdoening: z.record(z.string().min(1), naam).optional(),
        /** Step -> resultaattype, when neither oordeel nor afdoening gives one (e.g. `afgedaanInformeel`, `ingetrokken`). */
        stap: z.record(z.string().min(1), naam).optional(),
      })
      .strict(),
    roltypen: z.object({ klager: naam, behandelaar: naam }).strict(),
    /** The organisatorische eenheid that handles the klacht (rol behandelaar). */
    behandelaar: z.object({ identificatie: z.string().min(1).max(24), naam: z.string().min(1).max(50) }).strict(),
    informatieobjecttypen: z.object({ klaagschrift: naam }).strict(),
  })
  .strict();

export type ZgwKoppeling = z.infer<typeof koppelingSchema>;

export interface GeladenKoppeling {
  file: string;
  koppeling?: ZgwKoppeling;
  errors: DefinitionError[];
  /** file:line:column of a path in the file (for later checks). */
  positie(pad: (string | number)[]): { line: number; column: number };
}

/** Where the koppeling of a definition file lives: `<map>/zgw/<versie>.yaml`. */
export function koppelingBestand(definitieBestand: string): string {
  return join(dirname(definitieBestand), 'zgw', basename(definitieBestand));
}

export function laadKoppeling(file: string): GeladenKoppeling | undefined {
  if (!existsSync(file)) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const positie = (pad: (string | number)[]) => yamlPositie(doc, lines, pad, false);
  if (doc.errors.length) {
    const { line, col } = lines.linePos(doc.errors[0].pos[0]);
    return { file, positie, errors: [{ file, line, column: col, message: `geen geldige YAML: ${doc.errors[0].message.split('\n')[0]}` }] };
  }
  const r = koppelingSchema.safeParse(doc.toJS());
  if (!r.success) {
    return {
      file,
      positie,
      errors: r.error.issues.flatMap((i): DefinitionError[] => {
        const pad = i.path as (string | number)[];
        // An unknown key: at the key itself, one error per key.
        if (i.code === 'unrecognized_keys') {
          return i.keys.map((k) => ({
            file,
            ...yamlPositie(doc, lines, [...pad, k], true),
            message: `zgw-koppeling: onbekende sleutel '${[...pad, k].join('.')}'`,
            hint: 'zie docs/zgw.md §4 voor de sleutels van een koppeling',
          }));
        }
        return [{ file, ...positie(pad), message: `zgw-koppeling ${pad.join('.') || '(bestand)'}: ${i.message}` }];
      }),
    };
  }
  return { file, koppeling: r.data, positie, errors: [] };
}

/** Most specific entry of `map` for a step: the step itself or its nearest parent. */
function voorStap<T>(map: Record<string, T> | undefined, state: string): T | undefined {
  if (!map) return undefined;
  let pad = state;
  for (;;) {
    if (map[pad] !== undefined) return map[pad];
    const i = pad.lastIndexOf('.');
    if (i < 0) return undefined;
    pad = pad.slice(0, i);
  }
}

/** The zaaktype (identificatie) of a klacht, by the step it started in (`zaaktypePerRoute`), else the default. */
export function zaaktypeVoor(k: ZgwKoppeling, eersteStap: string | undefined): string {
  return (eersteStap ? voorStap(k.zaaktypePerRoute, eersteStap) : undefined) ?? k.zaaktype;
}

/** Every zaaktype a koppeling can use. */
export function zaaktypenVan(k: ZgwKoppeling): string[] {
  return [...new Set([k.zaaktype, ...Object.values(k.zaaktypePerRoute ?? {})])];
}

/**
 * The statustype for a step: the most specific key that is the step or one of its parents
 * (`gemeente` covers `gemeente.horen`). No key: the step sets no status.
 */
export function statustypeVoor(k: ZgwKoppeling, state: string): string | undefined {
  return voorStap(k.statussen, state);
}

/**
 * The resultaattype for how a klacht ended: the oordeel (Awb 9:12 lid 1) first, else the afdoening
 * (afwikkeling), else the step it ended in (the step or its nearest parent in `resultaten.stap`, as for the
 * statussen). None: no resultaat (the klacht is still being handled, or the koppeling lacks one).
 */
export function resultaattypeVoor(
  k: ZgwKoppeling,
  uitkomst: { oordeel: string | null; afdoening: string | null; state: string },
): string | undefined {
  return (
    (uitkomst.oordeel ? k.resultaten.oordeel?.[uitkomst.oordeel] : undefined) ??
    (uitkomst.afdoening ? k.resultaten.afdoening?.[uitkomst.afdoening] : undefined) ??
    voorStap(k.resultaten.stap, uitkomst.state)
  );
}
