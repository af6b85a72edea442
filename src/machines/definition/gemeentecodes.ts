/**
 * The gemeente of a definition must be a real one: its CBS code in the CBS list (gemeentecodes.data.ts)
 * and its name spelled as the CBS spells it; the same for every gemeente it takes over (herindeling).
 * Reports, the register of the Nationale ombudsman and other gemeenten's systems key on the CBS code,
 * so a made-up or swapped code (GM0313 is Bunschoten, not Stichtse Vecht) silently misfiles klachten.
 */
import type { DefinitionError } from '../contract';
import { CBS_GEMEENTEN, cbsGemeente, type CbsGemeente } from './gemeentecodes.data';
import { dagVoor, foutOp, leesbareDatum } from './lint-hulp';
import type { Pad } from './loader';
import type { GeladenDefinitie } from './types';

const BRONBESTAND = 'src/machines/definition/gemeentecodes.data.ts';

function opNaam(naam: string): CbsGemeente | undefined {
  const schoon = naam.trim().toLowerCase();
  return CBS_GEMEENTEN.find((g) => g.naam.toLowerCase() === schoon);
}

/** Code exists and name matches; returns the CBS record when the code exists. */
function checkCodeEnNaam(def: GeladenDefinitie, pad: Pad, code: string, naam: string, errors: DefinitionError[]): CbsGemeente | undefined {
  const g = cbsGemeente(code);
  if (!g) {
    const zelfdeNaam = opNaam(naam);
    errors.push(
      foutOp(
        def,
        [...pad, 'cbsCode'],
        `CBS-code ${code} staat niet in de lijst van CBS-gemeentecodes`,
        zelfdeNaam
          ? `de CBS-code van ${zelfdeNaam.naam} is ${zelfdeNaam.code}: schrijf cbsCode: ${zelfdeNaam.code}`
          : `zoek de code op in de CBS-tabel "Gemeentelijke indeling op 1 januari" van het jaar; staat hij daar wel, voeg hem dan toe aan ${BRONBESTAND}`,
      ),
    );
    return undefined;
  }
  if (g.naam !== naam) {
    const ander = opNaam(naam);
    errors.push(
      foutOp(
        def,
        [...pad, 'naam'],
        ander && ander.code !== code
          ? `${code} is de CBS-code van ${g.naam}, niet van ${naam} (dat is ${ander.code})`
          : `de officiële naam van ${code} is '${g.naam}', niet '${naam}'`,
        ander && ander.code !== code
          ? `schrijf naam: ${g.naam}, of cbsCode: ${ander.code} als de definitie voor ${ander.naam} is`
          : `schrijf naam: ${g.naam} (zoals het CBS de gemeente schrijft)`,
      ),
    );
  }
  return g;
}

export function gemeentecodeFouten(def: GeladenDefinitie): DefinitionError[] {
  const d = def.definitie;
  const errors: DefinitionError[] = [];
  const g = checkCodeEnNaam(def, ['gemeente'], d.gemeente.cbsCode, d.gemeente.naam, errors);
  // A gemeente that no longer exists has no regime from the day of the herindeling on.
  if (g?.opgeheven && (!d.geldigTot || d.geldigTot >= g.opgeheven)) {
    const opvolger = g.opgegaanIn ? cbsGemeente(g.opgegaanIn) : undefined;
    errors.push(
      foutOp(
        def,
        d.geldigTot ? ['geldigTot'] : ['geldigVanaf'],
        `${g.naam} (${g.code}) is per ${leesbareDatum(g.opgeheven)} opgeheven${opvolger ? ` en opgegaan in ${opvolger.naam}` : ''}; deze versie geldt ${d.geldigTot ? `tot en met ${d.geldigTot}` : 'zonder einddatum'}`,
        `zet geldigTot: ${dagVoor(g.opgeheven)}${opvolger ? ` en neem de klachten daarna over in de definitie van ${opvolger.naam} (gemeente.neemtOver)` : ''}`,
      ),
    );
  }
  for (const [i, n] of (d.gemeente.neemtOver ?? []).entries()) {
    const pad: Pad = ['gemeente', 'neemtOver', i];
    const oud = checkCodeEnNaam(def, pad, n.cbsCode, n.naam, errors);
    if (!oud || n.cbsCode === d.gemeente.cbsCode) continue;
    if (!oud.opgeheven) {
      errors.push(
        foutOp(
          def,
          [...pad, 'cbsCode'],
          `${oud.naam} (${oud.code}) is volgens het CBS niet opgeheven; ${d.gemeente.naam} kan haar klachten niet overnemen`,
          'noem alleen een gemeente die bij een herindeling is opgeheven',
        ),
      );
      continue;
    }
    if (oud.opgegaanIn && oud.opgegaanIn !== d.gemeente.cbsCode) {
      const opvolger = cbsGemeente(oud.opgegaanIn);
      errors.push(
        foutOp(
          def,
          [...pad, 'cbsCode'],
          `${oud.naam} is opgegaan in ${opvolger?.naam ?? oud.opgegaanIn} (${oud.opgegaanIn}), niet in ${d.gemeente.naam}`,
          `zet deze overname in de definitie van ${opvolger?.naam ?? oud.opgegaanIn}`,
        ),
      );
    } else if (n.vanaf !== oud.opgeheven) {
      errors.push(
        foutOp(
          def,
          [...pad, 'vanaf'],
          `${oud.naam} is per ${leesbareDatum(oud.opgeheven)} opgeheven, niet per ${leesbareDatum(n.vanaf)}`,
          `schrijf vanaf: ${oud.opgeheven}`,
        ),
      );
    }
  }
  return errors;
}
