/**
 * Termijnen as data (docs/adr/0004-durable-klacht-engine.md): the specs a definition declares (plus those of the special
 * regimes), and the views the engine hands to the service (due date, uitleg, reminders, mutations).
 * Due dates come from the calendar (src/machines/termijnen), never from XState `after`.
 */
import type { IsoDate, TermijnMutatie, TermijnView } from '../contract';
import type { Definitie, JeugdwetRegime, WkkgzRegime } from '../definition/types';
import {
  herbereken,
  herinneringsDatum,
  kalenderdag,
  leesbareDatum,
  type HerberekenUitkomst,
  type Kalender,
  type Mutatie,
  type TermijnLedger,
  TermijnFout,
} from '../termijnen';
import type { LopendeTermijn, TermijnSpec } from './types';
import { jaarNaAfdoeningSpec } from './wacht-op-klager';

/**
 * Termijnen that are NOT an obligation of the gemeente or the aanbieder, with the reason. Every other
 * termijn is one (a new handling term in a compiler block is late when missed unless listed here).
 */
export const GEEN_VERPLICHTING: Readonly<Record<string, string>> = {
  // Awb 9:24 lid 1: the klager has one year to go to the ombudsman; the gemeente owes nothing then.
  tweedeLijnVerzoek: 'Awb 9:24 lid 1: termijn van de klager om naar de ombudsman te gaan',
  // Awb 9:8 lid 3: only a gemeente that declines must say so within four weeks; after that it handles
  // the klacht under the afhandeltermijn (Awb 9:11), which is the obligation that can be late.
  nietBehandelenKennisgeving: 'Awb 9:8 lid 3: alleen wie niet behandelt, meldt dat binnen 4 weken',
  // Wkkgz 22 lid 1: the term of the geschilleninstantie, not of the aanbieder or the gemeente.
  wkkgzGeschil: 'Wkkgz 22 lid 1: termijn van de geschilleninstantie',
  // Wkkgz 21 lid 1 sub b: after the written outcome the klager may take the geschil further; his window, nobody's duty.
  wkkgzGeschilVoorleggen: 'Wkkgz 21 lid 1 sub b: termijn van de klager om het geschil aan de geschilleninstantie voor te leggen',
  // The wait for the klager's answer after the aanbieder's afdoening (wacht-op-klager.ts): his windows, not the aanbieder's.
  tweedeLijnVerzoekNaAanbieder:
    'Awb 9:24 lid 1 sub a: termijn van de klager om na de afdoening door de aanbieder naar de ombudsman te gaan',
  reactieKlager: 'termijn van de klager om op de afdoening door de aanbieder te reageren (klachtenregeling van de gemeente)',
};

/** The obligations the compiled regimes start, with their ground (documentation and tests). */
export const VERPLICHTINGEN: Readonly<Record<string, string>> = {
  afhandeling: 'Awb 9:11: afhandeling door de gemeente',
  aanbiederAfhandeling: 'contract: afhandeling door de aanbieder',
  contact: 'contract of klachtenregeling (geldtVoor): contact met de klager',
  jeugdwetOordeel: 'Jeugdwet 4.2.1 lid 2 sub c: oordeel van de klachtencommissie van de jeugdhulpaanbieder',
  jeugdwetReactie: 'Jeugdwet 4.2.1 lid 5: reactie van de aanbieder op het oordeel',
  wkkgzAfhandeling: 'Wkkgz 17: schriftelijke uitkomst van de zorgaanbieder',
  stoppenBesluit: 'Klachtenprotocol Wmo keten §8: besluit van de gemeente op het verzoek stoppen met leveren',
  ombudsmanTermijn: 'Awb 9:31: inlichtingen en stukken aan de ombudsman op de datum die hij stelde',
};

/**
 * Does the `contact` termijn bind this party's handling? Absent `geldtVoor`: the aanbieder's, as the contract term it was
 * first written for (Klachtenprotocol Wmo keten Amsterdam §6); a gemeente whose own klachtenregeling promises contact
 * says `geldtVoor: [gemeente]` (or both), and then every klacht the gemeente handles starts it.
 */
export function contactVoor(def: Definitie, partij: 'aanbieder' | 'gemeente'): boolean {
  const c = def.termijnen.contact;
  return !!c && (c.geldtVoor ?? ['aanbieder']).includes(partij);
}

/**
 * The termijn is suspended now: of its opschortingen and hervattingen the last is an opschorting. Not simply its last
 * mutation: a verdaging may follow an opschorting while the termijn stays suspended (termijn-ledger.ts).
 */
export function isOpgeschort(mutaties: ReadonlyArray<{ soort: string }> | null | undefined): boolean {
  return mutaties?.findLast((m) => m.soort === 'opschorting' || m.soort === 'hervatting')?.soort === 'opschorting';
}

/** Is a missed termijn of this name lateness of the gemeente or the aanbieder? */
export function isVerplichting(naam: string): boolean {
  return !Object.prototype.hasOwnProperty.call(GEEN_VERPLICHTING, naam);
}

export function jeugdwetRegime(def: Definitie): JeugdwetRegime | undefined {
  return Object.values(def.bijzondereRegimes ?? {}).find((r): r is JeugdwetRegime => r?.regime === 'jeugdwetKlachtencommissie');
}

export function wkkgzRegime(def: Definitie): WkkgzRegime | undefined {
  return Object.values(def.bijzondereRegimes ?? {}).find((r): r is WkkgzRegime => r?.regime === 'wkkgz');
}

/**
 * The klager's window after the zorgaanbieder's written outcome (Wkkgz 17 lid 1) to take the geschil to the
 * geschilleninstantie (Wkkgz 21 lid 1 sub b). The Wkkgz sets no term; a definition sets its own as
 * `geschilVoorleggenTermijn`, else this default: the reglement of the geschilleninstantie (De Geschillencommissie Zorg:
 * a geschil is brought within one year after the klacht was made to the zorgaanbieder), a regeling, not the statute.
 * Counted here from the outcome, which comes after that klacht: the klacht is never closed while the reglement still
 * lets the klager go on.
 */
export const GESCHIL_VOORLEGGEN_STANDAARD = 'P1Y';
export const GESCHIL_VOORLEGGEN = 'wkkgzGeschilVoorleggen';

/** The verdaging of a termijn that is not the Awb's own (see termijnSpecs). */
export const VERDAGING_NAAR_ANALOGIE = 'Awb 9:11 lid 2 naar analogie';

/** All termijnen the machine may start: the definition's own plus those the special regimes imply. */
export function termijnSpecs(def: Definitie): Record<string, TermijnSpec> {
  const specs: Record<string, TermijnSpec> = {};
  for (const [naam, t] of Object.entries(def.termijnen)) {
    // Awb 9:11 lid 2 governs the gemeente's own afhandeltermijn. A term of a regeling or contract that allows verdaging
    // (the ketenpartner's, Klachtenprotocol Wmo keten §6; Uitgangspunten §5A) follows it by analogy only: its uitleg,
    // errors and notices say so instead of citing the article as if it applied.
    const naarAnalogie = t.verdagingMax !== undefined && !/^Awb 9:11\b/.test(t.grondslag ?? '');
    specs[naam] = { naam, ...t, ...(naarAnalogie ? { verdagingGrondslag: VERDAGING_NAAR_ANALOGIE } : {}) };
  }
  // Awb 9:24 lid 1 sub a by analogy: the klager's year from the aanbieder's afdoening (wacht-op-klager.ts).
  const jaar = jaarNaAfdoeningSpec(def);
  if (jaar) specs[jaar.naam] = jaar;
  const jw = jeugdwetRegime(def);
  if (jw) {
    // Jeugdwet 4.2.1 lid 2 sub c: the term is the regeling's own, not statutory, so no Atw.
    specs.jeugdwetOordeel = {
      naam: 'jeugdwetOordeel',
      label: 'Oordeel klachtencommissie (Jeugdwet 4.2.1)',
      duur: jw.oordeelTermijn,
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
      escalatieNaar: 'klachtencommissie',
    };
    // Jeugdwet 4.2.1 lid 5: one month, statutory and ≤ 3 months, so the Atw applies.
    specs.jeugdwetReactie = {
      naam: 'jeugdwetReactie',
      label: 'Reactie aanbieder op het oordeel (Jeugdwet 4.2.1 lid 5)',
      duur: jw.reactieTermijn,
      rekenwijze: 'kalenderdagen',
      atw: true,
      grondslag: 'Jeugdwet 4.2.1 lid 5',
      escalatieNaar: 'contractmanager',
    };
  }
  const wk = wkkgzRegime(def);
  if (wk) {
    specs.wkkgzAfhandeling = {
      naam: 'wkkgzAfhandeling',
      label: 'Schriftelijke uitkomst zorgaanbieder (Wkkgz 17)',
      duur: wk.afhandelTermijn,
      rekenwijze: 'kalenderdagen',
      atw: true,
      verdagingMax: wk.verdagingMax,
      // Wkkgz 17 lid 2: the extension is notified before the term expires.
      verdagingKennisgevingVoorVerloop: true,
      verdagingGrondslag: 'Wkkgz 17 lid 2',
      grondslag: 'Wkkgz 17 lid 1',
      escalatieNaar: 'contractmanager',
    };
    // Wkkgz 22: six months, more than 3 months, so no Atw (Atw art. 4).
    specs.wkkgzGeschil = {
      naam: 'wkkgzGeschil',
      label: `Uitspraak ${wk.geschilleninstantie} (Wkkgz 22)`,
      duur: wk.geschilTermijn,
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Wkkgz 22 lid 1',
    };
    // Wkkgz 21 lid 1 sub b: a window of a reglement, not a term of a wet, so no Atw (Atw art. 1 lid 1); reminded to nobody.
    specs[GESCHIL_VOORLEGGEN] = {
      naam: GESCHIL_VOORLEGGEN,
      label: `Geschil voorleggen door de klager (Wkkgz 21 lid 1 sub b): ${wk.geschilleninstantie}`,
      duur: wk.geschilVoorleggenTermijn ?? GESCHIL_VOORLEGGEN_STANDAARD,
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: wk.geschilVoorleggenTermijn
        ? 'Wkkgz 21 lid 1 sub b; termijn uit de regeling (geschilVoorleggenTermijn)'
        : 'Wkkgz 21 lid 1 sub b; geen wettelijke termijn: een jaar naar het reglement van de geschilleninstantie',
    };
  }
  // Awb 9:31: the gemeente answers the ombudsman's informatievraag or interventieverzoek by the date he set (if he set
  // one). Not a term of a wet but a date, so no Atw; reminded and escalated inside the gemeente as its own afhandeltermijn
  // is, never to the klager (the ombudsman asked, not a klager).
  const afh = def.termijnen.afhandeling;
  specs.ombudsmanTermijn = {
    naam: 'ombudsmanTermijn',
    label: 'Antwoord aan de ombudsman (datum gesteld door de ombudsman)',
    duur: 'datum gesteld door de ombudsman',
    rekenwijze: 'kalenderdagen',
    atw: false,
    ...(afh?.herinneringen?.length ? { herinneringen: afh.herinneringen } : {}),
    escalatieNaar: afh?.escalatieNaar ?? 'leidinggevende',
    grondslag: 'Awb 9:31',
    gesteld: { feit: 'ombudsmanTermijn' },
  };
  if (def.stoppenMetLeveren) {
    specs.stoppenBesluit = {
      naam: 'stoppenBesluit',
      label: 'Besluit op verzoek stoppen met leveren',
      duur: def.stoppenMetLeveren.beslistermijn,
      rekenwijze: 'kalenderdagen',
      atw: false,
      grondslag: 'Klachtenprotocol Wmo keten §8 (protocol stoppen met leveren)',
      escalatieNaar: def.stoppenMetLeveren.besluitDoor,
    };
  }
  return specs;
}

export function kalenderVan(def: Definitie): Kalender | undefined {
  return def.kalender?.sluitingsdagen ? { sluitingsdagen: def.kalender.sluitingsdagen } : undefined;
}

export function ledgerVan(
  spec: TermijnSpec,
  lopend: LopendeTermijn,
  kalender: Kalender | undefined,
  mutaties: Mutatie[] = lopend.mutaties,
): TermijnLedger {
  return {
    basis: { vanaf: lopend.vanaf, duur: spec.duur, rekenwijze: spec.rekenwijze, atw: spec.atw, kalender },
    verdagingMax: spec.verdagingMax,
    verdagingVoorVerloop: spec.verdagingKennisgevingVoorVerloop,
    verdagingGrondslag: spec.verdagingGrondslag,
    mutaties,
  };
}

/** A day another body set (Awb 9:31: the ombudsman's date): that day, not moved by the Atw, without mutations. */
function gesteldeDatum(lopend: LopendeTermijn, g: NonNullable<LopendeTermijn['gesteld']>): HerberekenUitkomst {
  const wijzigingen = g.wijzigingen ?? [];
  return {
    vervaldatum: g.tot,
    uitleg: [
      `Ontvangen op ${leesbareDatum(kalenderdag(lopend.vanaf))}`,
      // The first date he set, then every later one (Awb 9:31 lid 1: the ombudsman determines the termijn, also afterwards).
      ...(wijzigingen.length === 0 ? [`${g.door} stelde de datum ${leesbareDatum(g.tot)} (${g.grondslag})`] : []),
      ...(wijzigingen[0]?.van ? [`${g.door} stelde de datum ${leesbareDatum(wijzigingen[0].van)} (${g.grondslag})`] : []),
      ...wijzigingen.map(
        (w) =>
          `Op ${leesbareDatum(kalenderdag(w.at))} stelde ${g.door} ${w.van ? `een andere datum: ${leesbareDatum(w.tot)} in plaats van ${leesbareDatum(w.van)}` : `de datum ${leesbareDatum(w.tot)}`} (${g.grondslag})${w.reden ? `: ${w.reden}` : ''}`,
      ),
      'Een gestelde datum, geen in een wet gestelde termijn: de Algemene termijnenwet verschuift hem niet, ook niet naar een werkdag (Algemene termijnenwet art. 1 lid 1)',
      `Vervaldatum: ${leesbareDatum(g.tot)}`,
    ],
    vervaldatumNaMutatie: [],
    oorspronkelijkeVervaldatum: wijzigingen[0]?.van ?? g.tot,
  };
}

/** Current due date and uitleg; throws TermijnFout for an invalid ledger (guards check first). */
export function berekenLopend(spec: TermijnSpec, lopend: LopendeTermijn, kalender: Kalender | undefined) {
  if (lopend.gesteld) return gesteldeDatum(lopend, lopend.gesteld);
  const uitkomst = herbereken(ledgerVan(spec, lopend, kalender));
  if (!lopend.nieuweTermijn) return uitkomst;
  const n = lopend.nieuweTermijn;
  return {
    ...uitkomst,
    vervaldatum: n.tot,
    uitleg: [
      ...uitkomst.uitleg.slice(0, -1),
      `Oorspronkelijke vervaldatum: ${uitkomst.vervaldatum}`,
      `Op ${kalenderdag(n.at)} met redenen een nieuwe termijn gesteld tot ${n.tot} (${n.grondslag}): ${n.reden}`,
      `Vervaldatum: ${n.tot}`,
    ],
  };
}

export function vervaldatumVan(spec: TermijnSpec, lopend: LopendeTermijn, kalender: Kalender | undefined): IsoDate {
  return berekenLopend(spec, lopend, kalender).vervaldatum;
}

/**
 * After each mutation of the ledger, the last day the termijn would have had without any extension (verdaging, Awb 9:11
 * lid 2, Wkkgz 17 lid 2; instemming, Awb 9:11 lid 3): its own last day moved only by the days it stood still. The ledger
 * is replayed with its opschortingen and hervattingen alone, by the ledger's own rule (herbereken: the days left when it
 * stopped, also in the days the Atw added, Atw art. 1 lid 1). An opschorting after that day (possible only thanks to an
 * extension) came when the unextended termijn had passed: it and every later one do not move that day. The report's
 * 'op tijd na verdaging of uitstel' is judged against this day (src/modules/reports/rapportage.repository.ts verlengdSql).
 */
export function vervaldatumZonderVerlenging(ledger: TermijnLedger, oorspronkelijk: IsoDate): IsoDate[] {
  const uit: IsoDate[] = [];
  let stil: Mutatie[] = [];
  let dag = oorspronkelijk;
  let verstreken = false;
  for (const m of ledger.mutaties) {
    if (!verstreken && (m.soort === 'opschorting' || m.soort === 'hervatting')) {
      try {
        dag = herbereken({ ...ledger, mutaties: [...stil, m] }).vervaldatum;
        stil = [...stil, m];
      } catch (e) {
        if (!(e instanceof TermijnFout) || e.code !== 'opschorting-buiten-termijn') throw e;
        verstreken = true;
      }
    }
    uit.push(dag);
  }
  return uit;
}

export function termijnView(spec: TermijnSpec, lopend: LopendeTermijn, kalender: Kalender | undefined): TermijnView {
  const u = berekenLopend(spec, lopend, kalender);
  // A date another body set (Awb 9:31) has no mutations and no ledger of its own to replay.
  const zonder = lopend.gesteld ? [] : vervaldatumZonderVerlenging(ledgerVan(spec, lopend, kalender), u.oorspronkelijkeVervaldatum);
  const mutaties: TermijnMutatie[] = lopend.mutaties.map((m, i) => ({
    soort: m.soort,
    at: m.at,
    ...(m.soort === 'verdaging' ? { duur: m.duur } : {}),
    ...(m.reden ? { reden: m.reden } : {}),
    vervaldatumNa: u.vervaldatumNaMutatie[i],
    vervaldatumVoor: i === 0 ? u.oorspronkelijkeVervaldatum : u.vervaldatumNaMutatie[i - 1],
    vervaldatumZonderVerlenging: zonder[i],
  }));
  if (lopend.nieuweTermijn) {
    mutaties.push({
      soort: 'verdaging',
      at: lopend.nieuweTermijn.at,
      reden: `${lopend.nieuweTermijn.reden} (${lopend.nieuweTermijn.grondslag})`,
      vervaldatumNa: lopend.nieuweTermijn.tot,
      // berekenLopend's vervaldatum is already the new one: the ledger's own last day is what it replaced.
      vervaldatumVoor: u.vervaldatumNaMutatie.at(-1) ?? u.oorspronkelijkeVervaldatum,
      // A new termijn set with reasons (Jeugdwet 4.2.1 lid 2 sub d) extends it too: without it, the ledger's day unextended.
      vervaldatumZonderVerlenging: zonder.at(-1) ?? u.oorspronkelijkeVervaldatum,
    });
  }
  return {
    naam: spec.naam,
    label: spec.label,
    vervaldatum: u.vervaldatum,
    uitleg: u.uitleg,
    herinneringen: (spec.herinneringen ?? []).map((h) => ({
      naam: `${h.voor}-voor`,
      datum: herinneringsDatum(u.vervaldatum, h.voor),
      naar: h.naar,
    })),
    ...(spec.escalatieNaar ? { escalatieNaar: spec.escalatieNaar } : {}),
    grondslag: spec.grondslag,
    ...(lopend.voor ? { voor: lopend.voor } : {}),
    mutaties,
    ...(u.opgeschortSinds ? { opgeschortSinds: u.opgeschortSinds } : {}),
  };
}
