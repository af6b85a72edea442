/**
 * Intake facts against the definition: a klacht carries only the facts its gemeente's regeling asks about
 * (`feiten:` in the definition), with values of the declared kind. Anything else is refused with the field
 * named (AVG art. 5 lid 1 sub c, data minimisation: no undeclared data enters a dossier), and a typo such
 * as `compelx` no longer silently routes a klacht as if the fact were false.
 *
 * Pure: the engine checks an intake with this against the definition version the klacht will be pinned to.
 */
import type { IntakeVraag, OngeldigVeld } from './contract';
import { AFGELEIDE_FEITEN } from './compiler/voorwaarde';
import { didYouMean } from './definition/suggest';
import type { Definitie, FeitDeclaratie } from './definition/types';

/** Ombudsman request kinds (Awb 9:18 e.v., 9:26), as the service records them on the request's own klacht. */
export const OMBUDSMAN_VERZOEK_SOORTEN = ['informatievraag', 'interventieverzoek', 'doorgezondenKlacht', 'eigenOnderzoek'] as const;

/**
 * The requests in which the ombudsman asks the gemeente to cooperate (Awb 9:31): no klaagschrift, so no Awb 9.1 route
 * or termijnen; the gemeente answers by the date the ombudsman set, if he set one. Only `doorgezondenKlacht` is a klacht
 * (Awb 9:20) and `eigenOnderzoek` an investigation of his own (Awb 9:26).
 */
export const OMBUDSMAN_MEDEWERKING = ['informatievraag', 'interventieverzoek'] as const;
export type OmbudsmanMedewerking = (typeof OMBUDSMAN_MEDEWERKING)[number];

/** A real calendar day JJJJ-MM-DD (2026-02-31 is none). */
export function isKalenderdag(w: unknown): w is string {
  if (typeof w !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(w)) return false;
  const d = new Date(`${w}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === w;
}

/**
 * Facts the compiler's own building blocks read, whatever the definition declares: the melding to the
 * toezichthouder (Wmo 2015 art. 3.4, Jeugdwet art. 4.1.8, Wkkgz art. 11) and an ombudsman request's
 * kind and term (Awb 9:18 e.v.), which the service sets on the request's klacht.
 */
export const INGEBOUWDE_FEITEN: Readonly<Record<string, FeitDeclaratie>> = {
  calamiteit: { type: 'boolean', omschrijving: 'Er is sprake van een calamiteit (Wmo 2015 art. 3.4, Jeugdwet art. 4.1.8, Wkkgz art. 11)' },
  geweld: { type: 'boolean', omschrijving: 'Er is sprake van geweld bij de verstrekking (Wmo 2015 art. 3.4, Jeugdwet art. 4.1.8)' },
  aard: { type: 'tekst', omschrijving: 'De aard van het signaal, bijvoorbeeld calamiteit of geweld' },
  ombudsmanVerzoek: { type: 'keuze', waarden: [...OMBUDSMAN_VERZOEK_SOORTEN], omschrijving: 'Het soort verzoek van de ombudsman' },
  ombudsmanTermijn: { type: 'tekst', omschrijving: 'De termijn die de ombudsman stelde (JJJJ-MM-DD)' },
};

/** Derived facts (voorwaarde.ts) may be given explicitly; their kind is fixed by the engine. */
const AFGELEID: Readonly<Record<(typeof AFGELEIDE_FEITEN)[number], FeitDeclaratie['type']>> = {
  aantalAanbieders: 'getal',
  aanbiederType: 'tekst',
  kanaal: 'tekst',
  ingediendBij: 'tekst',
  soort: 'tekst',
};

/** The facts an intake may carry for this definition, with their declaration. */
export function toegestaneFeiten(def: Definitie): Record<string, FeitDeclaratie> {
  const uit: Record<string, FeitDeclaratie> = { ...INGEBOUWDE_FEITEN };
  for (const [naam, type] of Object.entries(AFGELEID)) uit[naam] = { type, omschrijving: 'afgeleid uit de intake' };
  return { ...uit, ...def.feiten };
}

function soortFout(decl: FeitDeclaratie, w: unknown): string | undefined {
  switch (decl.type) {
    case 'boolean':
      return typeof w === 'boolean' ? undefined : 'moet true of false zijn';
    case 'getal':
      return typeof w === 'number' && Number.isFinite(w) ? undefined : 'moet een getal zijn';
    case 'tekst':
      return typeof w === 'string' ? undefined : 'moet tekst zijn';
    case 'keuze': {
      const waarden = decl.waarden ?? [];
      const past = (x: unknown) => typeof x === 'string' && waarden.includes(x);
      // A condition's `is`/`in` also tests a list of choices (voorwaarde.ts). An empty list chooses none of the values:
      // it routes as if the fact were absent, yet would enter the dossier as an answer (AVG art. 5 lid 1 sub c), so it is
      // refused; a klacht without this choice leaves the fact out.
      if (Array.isArray(w) && w.length === 0) return `kies minstens een van ${waarden.join(', ')}; laat het feit weg als er geen keuze is`;
      return past(w) || (Array.isArray(w) && w.every(past)) ? undefined : `moet een van ${waarden.join(', ')} zijn (of een lijst daarvan)`;
    }
  }
}

/**
 * What an intake form asks (the werkvoorraad's intake page): the facts this version's regeling declares,
 * in the definition's order, then calamiteit and geweld, which decide a melding to the toezichthouder in
 * every regime (Wmo 2015 art. 3.4, Jeugdwet art. 4.1.8). Derived facts are computed from the intake
 * itself and ombudsman facts belong to a request, so a form does not ask them.
 */
export function intakeVragen(def: Definitie): IntakeVraag[] {
  const vraag = (naam: string, d: FeitDeclaratie): IntakeVraag => ({
    naam,
    type: d.type,
    omschrijving: d.omschrijving,
    ...(d.type === 'keuze' ? { waarden: [...(d.waarden ?? [])] } : {}),
  });
  const eigen = Object.entries(def.feiten).map(([naam, d]) => vraag(naam, d));
  const melding = (['calamiteit', 'geweld'] as const)
    .filter((naam) => !Object.prototype.hasOwnProperty.call(def.feiten, naam))
    .map((naam) => vraag(naam, INGEBOUWDE_FEITEN[naam]));
  return [...eigen, ...melding];
}

/** Field errors for the facts of an intake (empty: all declared, each of its kind). */
export function controleerFeiten(def: Definitie, feiten: unknown, pad = 'feiten'): OngeldigVeld[] {
  if (feiten === undefined || feiten === null) return [];
  if (typeof feiten !== 'object' || Array.isArray(feiten))
    return [{ name: pad, reason: 'geef een object met feiten, bijvoorbeeld { "complex": false }' }];
  const toegestaan = toegestaneFeiten(def);
  const fouten: OngeldigVeld[] = [];
  for (const [naam, w] of Object.entries(feiten as Record<string, unknown>)) {
    if (w === undefined) continue;
    const decl = Object.prototype.hasOwnProperty.call(toegestaan, naam) ? toegestaan[naam] : undefined;
    if (!decl) {
      const suggestie = didYouMean(naam, Object.keys(def.feiten));
      const bekend = Object.keys(def.feiten).join(', ') || '(geen)';
      fouten.push({
        name: `${pad}.${naam}`,
        reason: `${suggestie ? `bedoelde u '${suggestie}'? ` : ''}de klachtregeling vraagt niet naar dit feit; de feiten zijn ${bekend}`,
      });
      continue;
    }
    const fout =
      soortFout(decl, w) ??
      // One request is of one kind (Awb 9:20, 9:26, 9:31): a list would match none (routering.ts ombudsmanMedewerking)
      // and route the request as a klaagschrift, with Awb 9.1 termijnen the ombudsman's request does not have.
      (naam === 'ombudsmanVerzoek' && Array.isArray(w)
        ? `is één soort verzoek: een van ${OMBUDSMAN_VERZOEK_SOORTEN.join(', ')}`
        : undefined) ??
      // The ombudsman's date is the due date of the gemeente's answer (Awb 9:31): a date that is none would run no termijn.
      (naam === 'ombudsmanTermijn' && !isKalenderdag(w) ? 'moet een bestaande datum JJJJ-MM-DD zijn' : undefined);
    if (fout) fouten.push({ name: `${pad}.${naam}`, reason: fout });
  }
  return fouten;
}
