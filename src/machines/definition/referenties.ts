/**
 * Validation stage 2 (docs/definities.md): everything a definition names must exist. A routing condition
 * on an undeclared fact would silently be false at run time; a step without its termijn would run
 * without a deadline. Runs only on definitions that passed the schema.
 */
import type { DefinitionError } from '../contract';
import { basename } from 'node:path';
import type { Pad } from './loader';
import { kanDoorsturenNaarAanbieder } from './eerste-lijn';
import { gemeentecodeFouten } from './gemeentecodes';
import { AANTAL_PERIODEN } from './rapportage-perioden';
import { beschrijfDuur, foutOp, langerDan, leesDuur, vergelijkDuur } from './lint-hulp';
import { didYouMean } from './suggest';
import type { Definitie, FeitDeclaratie, GeladenDefinitie, Voorwaarde } from './types';

/** The values KLAGER_TEVREDEN and KLAGER_ONTEVREDEN register (src/machines/registratie.ts). */
export const TEVREDENHEID_UIT_GEBEURTENIS = ['tevreden', 'ontevreden'] as const;

/** Termijnen the compiler wires into building blocks, with the rule that makes them necessary. */
const VERPLICHTE_TERMIJNEN: Array<{ naam: string; waarom: string; voorbeeld: string }> = [
  {
    naam: 'afhandeling',
    waarom: 'Awb 9:11 lid 1: elke klacht bij de gemeente wordt binnen 6 weken afgehandeld',
    voorbeeld:
      "afhandeling: { label: Afhandeltermijn, duur: P6W, rekenwijze: kalenderdagen, atw: true, verdagingMax: P4W, grondslag: 'Awb 9:11' }",
  },
  {
    naam: 'nietBehandelenKennisgeving',
    waarom: 'Awb 9:8 lid 3: wie een klacht niet behandelt, meldt dat binnen 4 weken',
    voorbeeld:
      "nietBehandelenKennisgeving: { label: Kennisgeving niet-behandelen, duur: P4W, rekenwijze: kalenderdagen, atw: true, grondslag: 'Awb 9:8 lid 3' }",
  },
  {
    naam: 'tweedeLijnVerzoek',
    waarom: 'Awb 9:12 lid 2 en 9:24: de afdoening noemt binnen welke termijn de klager naar de ombudsman kan (1 jaar)',
    voorbeeld:
      "tweedeLijnVerzoek: { label: Termijn verzoek ombudsman, duur: P1Y, rekenwijze: kalenderdagen, atw: false, grondslag: 'Awb 9:24 lid 1' }",
  },
];

const AANBIEDER_TERMIJN = {
  naam: 'aanbiederAfhandeling',
  waarom: 'de eerste lijn kan bij de aanbieder liggen; de gemeente houdt de vinger aan de pols met de termijn die de aanbieder heeft',
  voorbeeld:
    "aanbiederAfhandeling: { label: Afhandeling door de aanbieder, duur: P6W, rekenwijze: kalenderdagen, atw: false, verdagingMax: P4W, grondslag: 'contract' }",
};

function voorbeeldWaarde(decl: FeitDeclaratie): string {
  switch (decl.type) {
    case 'boolean':
      return 'is: true';
    case 'getal':
      return 'is: 1 (of minimaal: / maximaal:)';
    case 'tekst':
      return "is: 'tekst'";
    case 'keuze':
      return `in: [${(decl.waarden ?? []).join(', ')}]`;
  }
}

function checkVoorwaarde(def: GeladenDefinitie, v: Voorwaarde, path: Pad, errors: DefinitionError[]): void {
  if ('alle' in v) return v.alle.forEach((c, i) => checkVoorwaarde(def, c, [...path, 'alle', i], errors));
  if ('een' in v) return v.een.forEach((c, i) => checkVoorwaarde(def, c, [...path, 'een', i], errors));
  if ('niet' in v) return checkVoorwaarde(def, v.niet, [...path, 'niet'], errors);

  const feiten = def.definitie.feiten;
  const decl = Object.prototype.hasOwnProperty.call(feiten, v.feit) ? feiten[v.feit] : undefined;
  if (!decl) {
    const suggestie = didYouMean(v.feit, Object.keys(feiten));
    errors.push(
      foutOp(
        def,
        [...path, 'feit'],
        `onbekend feit '${v.feit}'`,
        `${suggestie ? `bedoelde u '${suggestie}'? Of ` : ''}declareer het onder feiten, bijvoorbeeld: ${v.feit}: { type: boolean, omschrijving: '...' }`,
      ),
    );
    return;
  }
  const vergelijkingen = (['is', 'in', 'minimaal', 'maximaal'] as const).filter((k) => v[k] !== undefined);
  if (vergelijkingen.length > 1) {
    errors.push(
      foutOp(
        def,
        [...path, vergelijkingen[1]],
        `feit '${v.feit}': gebruik één vergelijking per toets (hier ${vergelijkingen.join(' en ')})`,
        `splits de toets: alle: [ { feit: ${v.feit}, ${vergelijkingen[0]}: ... }, { feit: ${v.feit}, ${vergelijkingen[1]}: ... } ]`,
      ),
    );
    return;
  }
  const soort = vergelijkingen[0];
  if (!soort) {
    if (decl.type !== 'boolean') {
      errors.push(
        foutOp(
          def,
          [...path, 'feit'],
          `feit '${v.feit}' is een ${decl.type}, geen ja/nee: zeg waarmee het vergeleken wordt`,
          `schrijf bijvoorbeeld { feit: ${v.feit}, ${voorbeeldWaarde(decl)} }`,
        ),
      );
    }
    return;
  }
  const typeNaam = {
    boolean: 'ja/nee (true of false)',
    getal: 'een getal',
    tekst: 'een tekst',
    keuze: `een keuze uit ${(decl.waarden ?? []).join(', ')}`,
  }[decl.type];
  const past = (w: unknown): boolean => {
    switch (decl.type) {
      case 'boolean':
        return typeof w === 'boolean';
      case 'getal':
        return typeof w === 'number';
      case 'tekst':
        return typeof w === 'string';
      case 'keuze':
        return typeof w === 'string' && (decl.waarden ?? []).includes(w);
    }
  };
  const foutWaarde = (p: Pad, w: unknown) => {
    const suggestie = decl.type === 'keuze' && typeof w === 'string' ? didYouMean(w, decl.waarden ?? []) : undefined;
    errors.push(
      foutOp(
        def,
        p,
        `feit '${v.feit}' is ${typeNaam}; ${JSON.stringify(w)} past daar niet bij`,
        `${suggestie ? `bedoelde u '${suggestie}'? ` : ''}schrijf bijvoorbeeld { feit: ${v.feit}, ${voorbeeldWaarde(decl)} }`,
      ),
    );
  };
  if (soort === 'minimaal' || soort === 'maximaal') {
    if (decl.type !== 'getal') {
      errors.push(
        foutOp(
          def,
          [...path, soort],
          `'${soort}' kan alleen bij een getal; feit '${v.feit}' is ${typeNaam}`,
          `schrijf { feit: ${v.feit}, ${voorbeeldWaarde(decl)} }`,
        ),
      );
    }
    return;
  }
  if (soort === 'is') {
    if (!past(v.is)) foutWaarde([...path, 'is'], v.is);
    return;
  }
  if (decl.type === 'boolean') {
    errors.push(
      foutOp(def, [...path, 'in'], `'in' past niet bij ja/nee-feit '${v.feit}'`, `schrijf { feit: ${v.feit}, is: true } of is: false`),
    );
    return;
  }
  (v.in ?? []).forEach((w, i) => {
    if (!past(w)) foutWaarde([...path, 'in', i], w);
  });
}

/** Every place a Voorwaarde may appear, with its path. */
export function voorwaarden(d: Definitie): Array<{ path: Pad; voorwaarde: Voorwaarde }> {
  const out: Array<{ path: Pad; voorwaarde: Voorwaarde }> = [];
  if (d.eersteLijn.doorsturenNaarAanbieder)
    out.push({ path: ['eersteLijn', 'doorsturenNaarAanbieder'], voorwaarde: d.eersteLijn.doorsturenNaarAanbieder });
  if (d.eersteLijn.behandelingDoorGemeente)
    out.push({ path: ['eersteLijn', 'behandelingDoorGemeente'], voorwaarde: d.eersteLijn.behandelingDoorGemeente });
  if (d.eersteLijn.klachtOverGemeente)
    out.push({ path: ['eersteLijn', 'klachtOverGemeente'], voorwaarde: d.eersteLijn.klachtOverGemeente });
  if (d.signalen?.naarCollegeOnverwijld)
    out.push({ path: ['signalen', 'naarCollegeOnverwijld'], voorwaarde: d.signalen.naarCollegeOnverwijld });
  return out;
}

export function referentieFouten(def: GeladenDefinitie): DefinitionError[] {
  const d = def.definitie;
  const errors: DefinitionError[] = [];

  // The folder says which gemeente the files belong to; a copied file must not keep another CBS code.
  const verwachteMap = `${d.gemeente.cbsCode.toLowerCase()}-`;
  if (!def.id.startsWith(verwachteMap)) {
    errors.push(
      foutOp(
        def,
        ['gemeente', 'cbsCode'],
        `CBS-code ${d.gemeente.cbsCode} hoort niet bij map '${def.id}'`,
        `zet de gemeente in haar eigen map ${verwachteMap}<naam>, of schrijf de CBS-code ${def.id.slice(0, 6).toUpperCase()}`,
      ),
    );
  }
  // The CBS code and name are the official ones (CBS gemeentelijke indeling), also for a herindeling.
  errors.push(...gemeentecodeFouten(def));
  // One file per version: the file name is the version, so a published version is never edited in place.
  const bestand = basename(def.file).replace(/\.yaml$/, '');
  if (d.versie !== bestand) {
    errors.push(
      foutOp(
        def,
        ['versie'],
        `versie '${d.versie}' wijkt af van de bestandsnaam ${basename(def.file)}`,
        `schrijf versie: '${bestand}', of hernoem het bestand naar ${d.versie}.yaml`,
      ),
    );
  }
  for (const [i, n] of (d.gemeente.neemtOver ?? []).entries()) {
    if (n.cbsCode === d.gemeente.cbsCode) {
      errors.push(
        foutOp(
          def,
          ['gemeente', 'neemtOver', i, 'cbsCode'],
          'een gemeente kan zichzelf niet overnemen',
          'noem de CBS-code van de opgeheven gemeente',
        ),
      );
    }
  }

  // Facts: declarations consistent, every reference declared and compared with a fitting value.
  for (const [naam, decl] of Object.entries(d.feiten)) {
    if (decl.type === 'keuze' && !decl.waarden) {
      errors.push(
        foutOp(def, ['feiten', naam], `feit '${naam}' is een keuze maar noemt geen waarden`, `voeg toe: waarden: [waarde1, waarde2]`),
      );
    }
    if (decl.type !== 'keuze' && decl.waarden) {
      errors.push(
        foutOp(
          def,
          ['feiten', naam, 'waarden'],
          `'waarden' hoort alleen bij type keuze (feit '${naam}' is ${decl.type})`,
          `maak het type keuze, of haal waarden weg`,
          true,
        ),
      );
    }
  }
  for (const { path, voorwaarde } of voorwaarden(d)) checkVoorwaarde(def, voorwaarde, path, errors);

  // Termijnen every regime needs. Mediation and the klachtadviescommissie need none of their own:
  // mediation runs inside the afhandeltermijn (longer only with written consent, Awb 9:11 lid 3),
  // the commissie lengthens afhandeling to at most 10 weeks (checked in the legal lint).
  // Jeugdwet/Wkkgz regimes and stoppenMetLeveren carry their terms inline (schema-required).
  const nodig = [...VERPLICHTE_TERMIJNEN];
  // The same test that makes the compiler generate doorgestuurdNaarAanbieder (eerste-lijn.ts).
  if (kanDoorsturenNaarAanbieder(d)) nodig.push(AANBIEDER_TERMIJN);
  for (const t of nodig) {
    if (!d.termijnen[t.naam]) {
      const suggestie = didYouMean(
        t.naam,
        Object.keys(d.termijnen).filter((k) => !nodig.some((n) => n.naam === k)),
      );
      errors.push(
        foutOp(
          def,
          ['termijnen'],
          `termijn '${t.naam}' ontbreekt (${t.waarom})`,
          `${suggestie ? `heet '${suggestie}' eigenlijk '${t.naam}'? ` : ''}voeg onder termijnen toe: ${t.voorbeeld}`,
        ),
      );
    }
  }
  // A klacht filed directly at the aanbieder is handled there (bijAanbieder) in every regime; without the
  // aanbieder's term nothing passes if the aanbieder never decides, so the klager cannot go on to the gemeente
  // or the second line (aanbieder.block.ts: the steps after the term exist only with it). Not an error: the
  // regime is valid, but a klager can get stuck; naming the contract's term is what the author means.
  if (!kanDoorsturenNaarAanbieder(d) && !d.termijnen[AANBIEDER_TERMIJN.naam]) {
    errors.push({
      ...foutOp(
        def,
        ['termijnen'],
        `termijn '${AANBIEDER_TERMIJN.naam}' ontbreekt: een klacht die de klager bij de aanbieder indient, heeft dan geen termijn, ` +
          'en als de aanbieder nooit beslist kan de klager niet verder naar de gemeente of de tweede lijn',
        `voeg onder termijnen de termijn uit het contract met de aanbieder toe: ${AANBIEDER_TERMIJN.voorbeeld}`,
      ),
      ernst: 'waarschuwing',
    });
  }
  for (const [naam, t] of Object.entries(d.termijnen)) {
    const duur = leesDuur(t.duur);
    if (t.rekenwijze === 'werkdagen' && duur && duur.eenheid !== 'D') {
      errors.push(
        foutOp(
          def,
          ['termijnen', naam, 'duur'],
          `termijn '${naam}' telt in werkdagen maar is ${beschrijfDuur(t.duur)}`,
          `schrijf het aantal werkdagen als dagen, bijvoorbeeld P5D, of gebruik rekenwijze: kalenderdagen`,
        ),
      );
    }
    if (t.verdagingKennisgevingVoorVerloop && !t.verdagingMax) {
      errors.push(
        foutOp(
          def,
          ['termijnen', naam, 'verdagingKennisgevingVoorVerloop'],
          `termijn '${naam}' kent geen verdaging (geen verdagingMax), dus ook geen kennisgeving van verdaging`,
          'voeg verdagingMax toe (Awb 9:11 lid 2: P4W) of haal verdagingKennisgevingVoorVerloop weg',
          true,
        ),
      );
    }
    for (const [i, h] of (t.herinneringen ?? []).entries()) {
      const hd = leesDuur(h.voor);
      if (duur && hd && vergelijkDuur(hd, duur) >= 0) {
        errors.push(
          foutOp(
            def,
            ['termijnen', naam, 'herinneringen', i, 'voor'],
            `herinnering ${beschrijfDuur(h.voor)} vóór de vervaldatum valt vóór het begin van de termijn van ${beschrijfDuur(t.duur)}`,
            `kies een kortere herinnering, bijvoorbeeld P1W`,
          ),
        );
      }
    }
  }

  // Reporting periods: real days, as many as the cadence says, each period ending on its own day.
  const r = d.rapportage.aanbieders;
  const echteDag = (dl: string) =>
    !Number.isNaN(Date.parse(`2024-${dl}T00:00:00Z`)) && new Date(`2024-${dl}T00:00:00Z`).toISOString().slice(5, 10) === dl;
  if (r?.perioden && r.deadlines) {
    errors.push(
      foutOp(
        def,
        ['rapportage', 'aanbieders', 'deadlines'],
        'deadlines en perioden staan er allebei; perioden noemt de deadlines al',
        'haal deadlines weg',
        true,
      ),
    );
  }
  if (r?.perioden) {
    const gezien = new Map<string, number>();
    r.perioden.forEach((p, i) => {
      for (const veld of ['periodeTot', 'deadline'] as const) {
        if (!echteDag(p[veld]))
          errors.push(
            foutOp(
              def,
              ['rapportage', 'aanbieders', 'perioden', i, veld],
              `'${p[veld]}' is geen dag in het jaar`,
              "schrijf MM-DD, bijvoorbeeld '04-30' voor 30 april",
            ),
          );
      }
      if (p.periodeTot === '02-29') {
        errors.push(
          foutOp(
            def,
            ['rapportage', 'aanbieders', 'perioden', i, 'periodeTot'],
            '29 februari bestaat niet elk jaar; een periode moet elk jaar op dezelfde dag eindigen',
            "schrijf '02-28' (de periode erna begint dan op 1 maart)",
          ),
        );
      }
      const eerder = gezien.get(p.periodeTot);
      if (eerder !== undefined) {
        errors.push(
          foutOp(
            def,
            ['rapportage', 'aanbieders', 'perioden', i, 'periodeTot'],
            `twee perioden eindigen op ${p.periodeTot} (ook perioden[${eerder}])`,
            'laat elke periode op een eigen dag eindigen',
          ),
        );
      }
      gezien.set(p.periodeTot, i);
    });
    const n = AANTAL_PERIODEN[r.cadans];
    if (r.perioden.length !== n) {
      errors.push(
        foutOp(
          def,
          ['rapportage', 'aanbieders', 'perioden'],
          `cadans ${r.cadans} vraagt ${n} rapportage${n === 1 ? '' : 's'} per jaar, er staan er ${r.perioden.length} in perioden`,
          `noem ${n} perioden, of pas de cadans aan`,
        ),
      );
    }
  } else if (r?.deadlines) {
    r.deadlines.forEach((dl, i) => {
      if (!echteDag(dl)) {
        errors.push(
          foutOp(
            def,
            ['rapportage', 'aanbieders', 'deadlines', i],
            `'${dl}' is geen dag in het jaar`,
            "schrijf MM-DD, bijvoorbeeld '07-01' voor 1 juli",
          ),
        );
      }
    });
    const n = AANTAL_PERIODEN[r.cadans];
    if (r.deadlines.length !== n) {
      errors.push(
        foutOp(
          def,
          ['rapportage', 'aanbieders', 'deadlines'],
          `cadans ${r.cadans} vraagt ${n} deadline${n === 1 ? '' : 's'} per jaar, er staan er ${r.deadlines.length}`,
          `noem ${n} data als MM-DD, of pas de cadans aan`,
        ),
      );
    }
  }
  if (r?.herinneringVoor && langerDan(r.herinneringVoor, 'P3M')) {
    errors.push(
      foutOp(
        def,
        ['rapportage', 'aanbieders', 'herinneringVoor'],
        `herinnering ${beschrijfDuur(r.herinneringVoor)} vóór een rapportagedeadline is langer dan een kwartaal`,
        'kies bijvoorbeeld P2W',
      ),
    );
  }
  registratieFouten(def, errors);
  return errors;
}

/**
 * Registration lists: each value once (a report would otherwise split one aard over two rows), and
 * tevredenheid holds the two values KLAGER_TEVREDEN and KLAGER_ONTEVREDEN write.
 */
function registratieFouten(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const reg = def.definitie.registratie;
  if (!reg) return;
  for (const [veld, lijst] of Object.entries(reg) as Array<[string, string[] | undefined]>) {
    const gezien = new Set<string>();
    (lijst ?? []).forEach((w, i) => {
      if (gezien.has(w))
        errors.push(foutOp(def, ['registratie', veld, i], `registratie.${veld} noemt '${w}' twee keer`, 'haal de dubbele waarde weg'));
      gezien.add(w);
    });
  }
  for (const nodig of TEVREDENHEID_UIT_GEBEURTENIS) {
    if (reg.tevredenheid && !reg.tevredenheid.includes(nodig)) {
      errors.push(
        foutOp(
          def,
          ['registratie', 'tevredenheid'],
          `registratie.tevredenheid mist '${nodig}', de waarde die ${nodig === 'tevreden' ? 'KLAGER_TEVREDEN' : 'KLAGER_ONTEVREDEN'} registreert`,
          `voeg '${nodig}' toe aan de lijst, of laat tevredenheid weg (dan geldt [tevreden, ontevreden])`,
          true,
        ),
      );
    }
  }
}
