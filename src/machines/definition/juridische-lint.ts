/**
 * Validation stage 4 (docs/definities.md): the legal lint. Each rule cites its article in the message,
 * so a beleidsmedewerker can check it against the text (docs/juridisch-kader.md gives every article with its official source).
 */
import type { DefinitionError } from '../contract';
import { atwVanToepassing } from '../termijnen';
import { MAANDEN } from '../termijnen/datum';
import { beschrijfDuur, dagNa, dagVoor, foutOp, korterDan, langerDan, leesbareDatum, leesDuur } from './lint-hulp';
import { formatDatum, type Dag } from '../termijnen/datum';
import type { DagKalender } from '../termijnen/kalender';
import { TermijnFout } from '../termijnen/termijn-fout';
import { grensMetAtw, startVenster, toetsWerkdagen } from './werkdagen-toets';
import type { AanbiederType } from '../contract';
import {
  aanbiederPerioden,
  deadlineJaarNaPeriode,
  indientijdDagen,
  periodeLengteDagen,
  type AanbiederPeriode,
} from './rapportage-perioden';
import type { GeladenDefinitie, Rapportage, Rekenwijze, TermijnDefinitie, TweedeLijnInstantie } from './types';
import { opheffing } from './gemeentecodes.data';
import { verantwoordelijkeCode } from '../verantwoordelijke';
import { JAARVERSLAG_ELDERS_MIN } from './schema';

/** A gemeente's own ombudsvoorziening (GemW 81p), as opposed to the Nationale ombudsman. */
export const EIGEN_OMBUDSVOORZIENING = new Set<TweedeLijnInstantie['soort']>([
  'lokaleOmbudsman',
  'gezamenlijkeOmbudsman',
  'ombudscommissie',
]);

/** Which statutory regime belongs to which kind of aanbieder (Wkkgz art. 1, Jeugdwet 4.2.1 lid 6, Wmo 2015 art. 3.2). */
const REGIME_BIJ_TYPE: Record<string, { toegestaan: AanbiederType[]; grond: string }> = {
  jeugdwetKlachtencommissie: {
    toegestaan: ['jeugdhulp'],
    grond: 'Jeugdwet 4.2.1 geldt voor jeugdhulpaanbieders en gecertificeerde instellingen',
  },
  wkkgz: {
    toegestaan: ['zorg', 'overig'],
    grond:
      'de Wkkgz geldt voor zorg (Zvw, Wlz, BIG); niet voor jeugdhulp (Jeugdwet 4.2.1) en niet voor Wmo-ondersteuning (Wmo 2015 art. 2.1.3, eigen klachtregeling)',
  },
};

function termijnLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const d = def.definitie;
  const kac = d.stappen.klachtadviescommissie;
  const afh = d.termijnen.afhandeling;
  // Only contact has a choice of party; every other term's party follows from the law or the step that starts it.
  for (const [naam, t] of Object.entries(d.termijnen))
    if (t.geldtVoor && naam !== 'contact')
      errors.push(
        foutOp(
          def,
          ['termijnen', naam, 'geldtVoor'],
          `geldtVoor kan alleen bij de termijn contact; voor ${naam} volgt uit de regeling zelf wie hem moet halen`,
          'laat geldtVoor hier weg',
          true,
        ),
      );
  if (afh) {
    const max = kac ? 'P10W' : 'P6W';
    const regel = kac
      ? 'Awb 9:11 lid 1: de afhandeltermijn is hooguit 10 weken, ook met klachtadviescommissie'
      : 'Awb 9:11 lid 1: de afhandeltermijn is hooguit 6 weken zonder klachtadviescommissie';
    // The law's weeks are calendar weeks: a duur in werkdagen is weighed on the calendar, not as days (P40D werkdagen is
    // eight weeks, not 40 days).
    const werk = werkdagenNaOntvangst(def, afh, kac ? 10 : 6);
    if (werk ? werk.fout : langerDan(afh.duur, max)) {
      errors.push(
        foutOp(
          def,
          ['termijnen', 'afhandeling', 'duur'],
          `${regel} (hier ${werk?.fout ?? beschrijfDuur(afh.duur)})`,
          werk
            ? `zet de termijn op ${max} met rekenwijze: kalenderdagen${werk.anders}`
            : kac
              ? 'zet de termijn op P10W; langer uitstel kan alleen met verdaging (verdagingMax: P4W) of schriftelijke instemming van de klager (Awb 9:11 lid 3)'
              : 'zet de termijn op P6W of voeg stappen.klachtadviescommissie toe (dan mag P10W)',
        ),
      );
    }
    if (afh.verdagingMax) verdagingLint(def, afh, afh.verdagingMax, errors);
  }
  const nbk = d.termijnen.nietBehandelenKennisgeving;
  const nbkWerk = nbk && werkdagenNaOntvangst(def, nbk, 4);
  if (nbk && (nbkWerk ? nbkWerk.fout : langerDan(nbk.duur, 'P4W'))) {
    errors.push(
      foutOp(
        def,
        ['termijnen', 'nietBehandelenKennisgeving', 'duur'],
        `Awb 9:8 lid 3: de kennisgeving van niet-behandelen gaat uiterlijk binnen 4 weken na ontvangst (hier ${nbkWerk?.fout ?? beschrijfDuur(nbk.duur)})`,
        nbkWerk ? `zet de termijn op P4W met rekenwijze: kalenderdagen${nbkWerk.anders}` : 'zet de termijn op P4W',
      ),
    );
  }
  // reactieKlager (compiler/wacht-op-klager.ts) is the klager's time to answer the aanbieder's afdoening: nobody handles
  // anything in it, so no handler can extend it (verdaging, Awb 9:11 lid 2 naar analogie) or suspend it; its passing
  // closes the klacht, so a longer wait is a longer duur.
  const rk = d.termijnen.reactieKlager;
  for (const veld of ['verdagingMax', 'verdagingKennisgevingVoorVerloop', 'opschorting'] as const) {
    if (rk?.[veld] !== undefined)
      errors.push(
        foutOp(
          def,
          ['termijnen', 'reactieKlager', veld],
          `${veld} past niet bij reactieKlager: dat is de termijn van de klager om op de afdoening door de aanbieder te reageren; niemand behandelt dan iets dat verdaagd of opgeschort kan worden, en na de termijn wordt de klacht afgesloten`,
          `laat ${veld} weg; wil de gemeente de klager langer de tijd geven, maak dan de duur langer`,
        ),
      );
  }
  // A minimum: compared as days, N werkdagen (at least N days) can only be called too short wrongly, never too long.
  const tlv = d.termijnen.tweedeLijnVerzoek;
  if (tlv && korterDan(tlv.duur, 'P1Y')) {
    errors.push(
      foutOp(
        def,
        ['termijnen', 'tweedeLijnVerzoek', 'duur'],
        `Awb 9:24 lid 1: de klager heeft 1 jaar om naar de ombudsman te gaan (hier ${beschrijfDuur(tlv.duur)})`,
        'zet de termijn op P1Y (atw: false, Atw art. 4)',
      ),
    );
  }
  for (const [naam, t] of Object.entries(d.termijnen)) {
    const atw = t.atw ? atwVanToepassing(t.duur, t.rekenwijze) : { toepasbaar: true };
    if (!atw.toepasbaar) {
      errors.push(
        foutOp(
          def,
          ['termijnen', naam, 'atw'],
          `Atw art. 4: de Algemene termijnenwet geldt niet voor termijn '${naam}': ${atw.reden ?? beschrijfDuur(t.duur)} (alleen tot 12 weken, 90 dagen of 3 maanden, nooit in jaren)`,
          'zet atw: false',
        ),
      );
    }
  }

  // Special regimes: statutory maxima, and the regime must fit the kind of aanbieder.
  for (const [type, regime] of Object.entries(d.bijzondereRegimes ?? {})) {
    if (!regime) continue;
    const p = ['bijzondereRegimes', type];
    const pas = REGIME_BIJ_TYPE[regime.regime];
    if (pas && !pas.toegestaan.includes(type as AanbiederType)) {
      const juist = type === 'jeugdhulp' ? 'jeugdwetKlachtencommissie' : type === 'zorg' ? 'wkkgz' : undefined;
      errors.push(
        foutOp(
          def,
          [...p, 'regime'],
          `regime ${regime.regime} past niet bij aanbieders van het type ${type}: ${pas.grond}`,
          juist ? `schrijf regime: ${juist}` : `haal ${type} weg uit bijzondereRegimes; dan geldt de gewone klachtregeling`,
        ),
      );
    }
    // The terms of a special regime are counted in kalenderdagen always (compiler/termijnen.ts termijnSpecs): a
    // comparison of units is exact for them, unlike for a termijn in werkdagen (werkdagenNaOntvangst, verdagingLint).
    if (regime.regime === 'wkkgz') {
      if (langerDan(regime.afhandelTermijn, 'P6W')) {
        errors.push(
          foutOp(
            def,
            [...p, 'afhandelTermijn'],
            `Wkkgz 17 lid 1: de zorgaanbieder deelt de uitkomst uiterlijk binnen 6 weken mee (hier ${beschrijfDuur(regime.afhandelTermijn)})`,
            'zet afhandelTermijn op P6W',
          ),
        );
      }
      if (langerDan(regime.verdagingMax, 'P4W')) {
        errors.push(
          foutOp(
            def,
            [...p, 'verdagingMax'],
            `Wkkgz 17 lid 2: verlenging is hooguit 4 weken (hier ${beschrijfDuur(regime.verdagingMax)})`,
            'zet verdagingMax op P4W',
          ),
        );
      }
      if (langerDan(regime.geschilTermijn, 'P6M')) {
        errors.push(
          foutOp(
            def,
            [...p, 'geschilTermijn'],
            `Wkkgz 22 lid 1: de geschilleninstantie beslist uiterlijk binnen 6 maanden (hier ${beschrijfDuur(regime.geschilTermijn)})`,
            'zet geschilTermijn op P6M',
          ),
        );
      }
    } else if (langerDan(regime.reactieTermijn, 'P1M')) {
      errors.push(
        foutOp(
          def,
          [...p, 'reactieTermijn'],
          `Jeugdwet 4.2.1 lid 5: de aanbieder reageert binnen één maand op het oordeel (hier ${beschrijfDuur(regime.reactieTermijn)})`,
          'zet reactieTermijn op P1M',
        ),
      );
    }
  }

  // Retention: the Selectielijst binds the gemeente's archive (Archiefwet); destroying earlier is not allowed.
  const b = d.bewaartermijnen;
  if (korterDan(b.gemeente, 'P5Y')) {
    errors.push(
      foutOp(
        def,
        ['bewaartermijnen', 'gemeente'],
        `Selectielijst gemeenten 2020, 13.1: een afgehandelde klacht wordt 5 jaar bewaard (hier ${beschrijfDuur(b.gemeente)})`,
        'zet gemeente op P5Y',
      ),
    );
  }
  if (b.viaOmbudsman && korterDan(b.viaOmbudsman, 'P10Y')) {
    errors.push(
      foutOp(
        def,
        ['bewaartermijnen', 'viaOmbudsman'],
        `Selectielijst gemeenten 2020, 13.1.2: een klacht via de ombudsman wordt 10 jaar bewaard (hier ${beschrijfDuur(b.viaOmbudsman)})`,
        'zet viaOmbudsman op P10Y',
      ),
    );
  }
}

/** N for a termijn counted in werkdagen and written in days (referenties.ts refuses werkdagen in other units). */
function werkdagenIn(duur: string, rekenwijze: Rekenwijze): number | undefined {
  const d = leesDuur(duur);
  return rekenwijze === 'werkdagen' && d?.eenheid === 'D' ? d.n : undefined;
}

/** The version's kalender as the engine counts werkdagen by it (compiler/termijnen.ts kalenderVan). */
const kalenderVanDefinitie = (def: GeladenDefinitie) =>
  def.definitie.kalender?.sluitingsdagen ? { sluitingsdagen: def.definitie.kalender.sluitingsdagen } : undefined;

/** toetsWerkdagen, or undefined for a kalender day the calendar cannot read (not a check of its own here). */
function toets(def: GeladenDefinitie, n: number, starts: 'elkeDag' | 'werkdagen', grens: (s: Dag, k: DagKalender) => Dag, naloop = 0) {
  const d = def.definitie;
  try {
    return toetsWerkdagen(n, { kalender: kalenderVanDefinitie(def), ...startVenster(d.geldigVanaf, d.geldigTot, naloop), starts, grens });
  } catch (e) {
    if (e instanceof TermijnFout) return undefined;
    throw e;
  }
}

/**
 * Awb 9:8 lid 3, 9:11 lid 1: a termijn from the receipt counted in werkdagen, against the law's weeks from that receipt
 * (which the Algemene termijnenwet extends, art. 1): N werkdagen are longer than N/5 weeks by every holiday, decree day
 * and sluitingsdag in them. Undefined when the termijn is not in werkdagen (the comparison in units holds then);
 * `fout` when a klacht received on some day of the version gets a last day after the law's; `anders` the hint's
 * second fix, the most werkdagen that fit from every day.
 */
function werkdagenNaOntvangst(def: GeladenDefinitie, t: TermijnDefinitie, weken: number): { fout?: string; anders: string } | undefined {
  const n = werkdagenIn(t.duur, t.rekenwijze);
  if (n === undefined) return undefined;
  const uitkomst = toets(def, n, 'elkeDag', grensMetAtw(7 * weken));
  if (!uitkomst?.eerste) return { anders: '' };
  const { start, eind, grens } = uitkomst.eerste;
  return {
    fout:
      `${n} werkdagen: een klacht ontvangen op ${formatDatum(start)} krijgt dan ${formatDatum(eind)}, terwijl de ${weken} weken ` +
      `lopen tot en met ${formatDatum(grens)}; weekenden, feestdagen en sluitingsdagen tellen niet als werkdag`,
    anders:
      uitkomst.hoogstens > 0
        ? `, of in werkdagen hooguit P${uitkomst.hoogstens}D (zoveel werkdagen blijven vanaf elke dag binnen de ${weken} weken)`
        : '',
  };
}

/**
 * Awb 9:11 lid 2: verdaging by at most four weeks, calendar weeks also on a termijn in werkdagen. The ledger
 * (termijnen/termijn-ledger.ts) caps a verdaging in the unit the maximum is written in: P4W as 28 calendar days of
 * movement, whatever unit the verdaging is written in; days on a termijn in werkdagen as werkdagen. So P20D there lets
 * through a verdaging of 20 werkdagen that moves the last day 32 days around Easter: from 21 werkdagen always more than
 * four weeks, at 20 or fewer whenever enough holidays or sluitingsdagen fall in them (found on the calendar; an error
 * either way, for the engine would accept that verdaging).
 */
function verdagingLint(def: GeladenDefinitie, t: TermijnDefinitie, max: string, errors: DefinitionError[]): void {
  const pad = ['termijnen', 'afhandeling', 'verdagingMax'];
  const lid3 = 'verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3)';
  const n = werkdagenIn(max, t.rekenwijze);
  if (n === undefined) {
    if (langerDan(max, 'P4W'))
      errors.push(
        foutOp(def, pad, `Awb 9:11 lid 2: verdaging is hooguit 4 weken (hier ${beschrijfDuur(max)})`, `zet verdagingMax op P4W; ${lid3}`),
      );
    return;
  }
  // A verdaging moves the raw last day (a werkdag on this termijn), also of klachten still running after geldigTot.
  const uitkomst = toets(def, n, 'werkdagen', (s) => s + 28, 1);
  if (!uitkomst?.eerste) return;
  const { start, eind } = uitkomst.eerste;
  const voorbeeld = `${n} werkdagen na ${formatDatum(start)} is ${formatDatum(eind)}, ${eind - start} dagen later`;
  errors.push(
    foutOp(
      def,
      pad,
      uitkomst.altijd
        ? `Awb 9:11 lid 2: verdaging is hooguit 4 weken; op deze termijn in werkdagen telt verdagingMax ${max} als ${n} werkdagen, ` +
            `en die zijn altijd meer dan 4 weken: ze schuiven de vervaldatum minstens ${uitkomst.minsteDagen} dagen op (${voorbeeld})`
        : `Awb 9:11 lid 2: verdaging is hooguit 4 weken; op deze termijn in werkdagen telt verdagingMax ${max} als ${n} werkdagen, ` +
            `en Klachtregie laat dan een verdaging van ${n} werkdagen toe, ook waar feestdagen of sluitingsdagen die langer maken dan ` +
            `4 weken: ${voorbeeld}`,
      `zet verdagingMax op P4W: dan toetst Klachtregie elke verdaging, ook een in werkdagen, aan 4 kalenderweken (28 dagen)` +
        (uitkomst.hoogstens > 0
          ? `; of, als de regeling een kortere verdaging in werkdagen noemt, hooguit P${uitkomst.hoogstens}D (zoveel werkdagen blijven vanaf elke werkdag binnen 4 weken)`
          : '') +
        `; ${lid3}`,
    ),
  );
}

function geldigheidLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const d = def.definitie;
  if (d.geldigTot && d.geldigTot < d.geldigVanaf) {
    errors.push(
      foutOp(
        def,
        ['geldigTot'],
        `geldigTot ${d.geldigTot} ligt vóór geldigVanaf ${d.geldigVanaf}`,
        `zet geldigTot op of na ${d.geldigVanaf}`,
      ),
    );
  }
  for (const [i, n] of (d.gemeente.neemtOver ?? []).entries()) {
    // A take-over before this version began continues in it (a later version of Amsterdam still holds Weesp's klachten).
    if (d.geldigTot && n.vanaf > d.geldigTot) {
      errors.push(
        foutOp(
          def,
          ['gemeente', 'neemtOver', i, 'vanaf'],
          `de overname van ${n.naam} per ${n.vanaf} valt buiten de geldigheid van deze versie (${d.geldigVanaf} t/m ${d.geldigTot ?? 'open'})`,
          'zet de overname in de versie die op die datum geldt',
        ),
      );
    }
  }
}

/** The first 1 January on which a decision that reached the Nationale ombudsman on `op` can take effect. */
function eersteMogelijkeJanuari(op: string): number {
  const jaar = Number(op.slice(0, 4));
  return op < `${jaar}-07-01` ? jaar + 1 : jaar + 2;
}

/**
 * GemW 81p lid 2 and 3: an own ombudsman or ombudscommissie replaces the Nationale ombudsman (or is
 * replaced by it) only per 1 January, and only when the raad's decision reached the Nationale
 * ombudsman before 1 July of the year before. A switch the definition encodes (the body starts or
 * ends within its validity) must say when; a body set up before the definition began is not a
 * switch of this definition (its date may be given, and is then checked too).
 */
function meldingAanNationaleOmbudsman(def: GeladenDefinitie, t: TweedeLijnInstantie, i: number, errors: DefinitionError[]): void {
  const d = def.definitie;
  const p = ['tweedeLijn', i];
  if (t.geldigVanaf.endsWith('-01-01')) {
    const jaar = Number(t.geldigVanaf.slice(0, 4));
    const op = t.nationaleOmbudsmanGeinformeerdOp;
    if (!op && t.geldigVanaf > d.geldigVanaf) {
      errors.push(
        foutOp(
          def,
          [...p, 'geldigVanaf'],
          `GemW 81p lid 2: '${t.naam}' vervangt per 1 januari ${jaar} de vorige tweedelijnsvoorziening, maar er staat niet wanneer het instellingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli ${jaar - 1})`,
          `voeg bij '${t.naam}' toe: nationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk ${jaar - 1}-06-30); bereikte het besluit de Nationale ombudsman later, dan begint '${t.naam}' pas een jaar later`,
        ),
      );
    } else if (op && op >= `${jaar - 1}-07-01`) {
      const kan = eersteMogelijkeJanuari(op);
      errors.push(
        foutOp(
          def,
          [...p, 'nationaleOmbudsmanGeinformeerdOp'],
          `GemW 81p lid 2: het instellingsbesluit van '${t.naam}' bereikte de Nationale ombudsman op ${leesbareDatum(op)}, niet vóór 1 juli ${jaar - 1}; '${t.naam}' kan daarom niet per 1 januari ${jaar} beginnen`,
          `zet geldigVanaf van '${t.naam}' op ${kan}-01-01 (en laat de vorige voorziening tot en met ${kan - 1}-12-31 gelden), of corrigeer de datum als het besluit eerder verzonden is`,
        ),
      );
    }
  }
  if (t.geldigTot && t.geldigTot.endsWith('-12-31')) {
    const jaar = Number(t.geldigTot.slice(0, 4));
    const op = t.opheffingNationaleOmbudsmanGeinformeerdOp;
    const binnenVersie = !d.geldigTot || t.geldigTot < d.geldigTot;
    if (!op && binnenVersie) {
      errors.push(
        foutOp(
          def,
          [...p, 'geldigTot'],
          `GemW 81p lid 3: '${t.naam}' wordt per 1 januari ${jaar + 1} opgeheven, maar er staat niet wanneer het opheffingsbesluit de Nationale ombudsman bereikte (dat moet vóór 1 juli ${jaar})`,
          `voeg bij '${t.naam}' toe: opheffingNationaleOmbudsmanGeinformeerdOp: <datum> (uiterlijk ${jaar}-06-30); bereikte het besluit de Nationale ombudsman later, dan eindigt '${t.naam}' pas een jaar later`,
        ),
      );
    } else if (op && op >= `${jaar}-07-01`) {
      const kan = eersteMogelijkeJanuari(op);
      errors.push(
        foutOp(
          def,
          [...p, 'opheffingNationaleOmbudsmanGeinformeerdOp'],
          `GemW 81p lid 3: het opheffingsbesluit van '${t.naam}' bereikte de Nationale ombudsman op ${leesbareDatum(op)}, niet vóór 1 juli ${jaar}; '${t.naam}' kan daarom niet per 1 januari ${jaar + 1} worden opgeheven`,
          `zet geldigTot van '${t.naam}' op ${kan - 1}-12-31 (de opvolger begint op ${kan}-01-01), of corrigeer de datum als het besluit eerder verzonden is`,
        ),
      );
    }
  }
}

/** GemW 81p: exactly one second-line body at every date of the definition; own bodies per 1 January. */
function tweedeLijnLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const d = def.definitie;
  const items = d.tweedeLijn.map((t, i) => ({ t, i }));
  let vormFout = false;
  for (const { t, i } of items) {
    const p = ['tweedeLijn', i];
    if (t.geldigTot && t.geldigTot < t.geldigVanaf) {
      errors.push(
        foutOp(
          def,
          [...p, 'geldigTot'],
          `'${t.naam}': geldigTot ${t.geldigTot} ligt vóór geldigVanaf ${t.geldigVanaf}`,
          `zet geldigTot op of na ${t.geldigVanaf}`,
        ),
      );
      vormFout = true;
    }
    if (EIGEN_OMBUDSVOORZIENING.has(t.soort)) {
      const jaar = Number(t.geldigVanaf.slice(0, 4));
      if (!t.geldigVanaf.endsWith('-01-01')) {
        errors.push(
          foutOp(
            def,
            [...p, 'geldigVanaf'],
            `GemW 81p lid 2: een eigen ombudsman of ombudscommissie kan alleen per 1 januari worden ingesteld; '${t.naam}' begint op ${leesbareDatum(t.geldigVanaf)}`,
            `zet geldigVanaf op ${jaar + 1}-01-01 (het besluit gaat vóór 1 juli ${jaar} naar de Nationale ombudsman) of op ${jaar}-01-01 als het besluit tijdig was`,
          ),
        );
      }
      if (t.geldigTot && !t.geldigTot.endsWith('-12-31')) {
        const eind = Number(t.geldigTot.slice(0, 4));
        errors.push(
          foutOp(
            def,
            [...p, 'geldigTot'],
            `GemW 81p lid 3: een eigen ombudsman of ombudscommissie kan alleen per 1 januari worden opgeheven; '${t.naam}' eindigt op ${leesbareDatum(t.geldigTot)}`,
            `zet geldigTot op ${eind}-12-31 (opheffing per 1 januari ${eind + 1}, besluit vóór 1 juli ${eind} naar de Nationale ombudsman)`,
          ),
        );
      }
    }
  }
  for (const { t, i } of items) {
    if (EIGEN_OMBUDSVOORZIENING.has(t.soort)) meldingAanNationaleOmbudsman(def, t, i, errors);
    else {
      for (const veld of ['nationaleOmbudsmanGeinformeerdOp', 'opheffingNationaleOmbudsmanGeinformeerdOp'] as const) {
        if (t[veld])
          errors.push(
            foutOp(
              def,
              ['tweedeLijn', i, veld],
              `GemW 81p: ${veld} hoort bij een eigen ombudsman of ombudscommissie, niet bij de Nationale ombudsman`,
              `zet de datum bij de eigen voorziening die begint of eindigt, en haal hem hier weg`,
              true,
            ),
          );
      }
    }
  }
  if (vormFout || (d.geldigTot && d.geldigTot < d.geldigVanaf)) return;

  // Sweep over the definition's validity: at every date exactly one body (GemW 81p lid 1; Uitgangspunten klachtenmanagement Sociaal Domein §6).
  const van = d.geldigVanaf;
  const tot = d.geldigTot;
  const relevant = items
    .filter(({ t }) => (!tot || t.geldigVanaf <= tot) && (!t.geldigTot || t.geldigTot >= van))
    .sort((a, b) => (a.t.geldigVanaf < b.t.geldigVanaf ? -1 : a.t.geldigVanaf > b.t.geldigVanaf ? 1 : a.i - b.i));
  if (relevant.length === 0) {
    errors.push(
      foutOp(
        def,
        ['tweedeLijn'],
        `GemW 81p: op ${van} is er geen tweedelijnsvoorziening (geen enkele geldt binnen deze versie)`,
        `laat een voorziening gelden vanaf ${van}, bijvoorbeeld de Nationale ombudsman`,
      ),
    );
    return;
  }
  const eerste = relevant[0];
  if (eerste.t.geldigVanaf > van) {
    errors.push(
      foutOp(
        def,
        ['tweedeLijn', eerste.i, 'geldigVanaf'],
        `GemW 81p: op ${van} is er geen tweedelijnsvoorziening (de eerste, '${eerste.t.naam}', begint pas op ${eerste.t.geldigVanaf})`,
        `laat '${eerste.t.naam}' beginnen op ${van}, of voeg een voorziening toe voor ${van} t/m ${dagVoor(eerste.t.geldigVanaf)}`,
      ),
    );
  }
  // `dekking` = last day covered so far (undefined = open-ended), and which entry covers it.
  let dekking: string | undefined = eerste.t.geldigTot;
  let dekker = eerste;
  for (const cur of relevant.slice(1)) {
    if (dekking === undefined || cur.t.geldigVanaf <= dekking) {
      errors.push(
        foutOp(
          def,
          ['tweedeLijn', cur.i, 'geldigVanaf'],
          `GemW 81p: op ${cur.t.geldigVanaf} zijn er twee tweedelijnsvoorzieningen, '${dekker.t.naam}' en '${cur.t.naam}'; er kan er maar één zijn`,
          `laat '${dekker.t.naam}' eindigen op ${dagVoor(cur.t.geldigVanaf)} (geldigTot: ${dagVoor(cur.t.geldigVanaf)}), of laat '${cur.t.naam}' later beginnen`,
        ),
      );
    } else if (dagNa(dekking) < cur.t.geldigVanaf) {
      errors.push(
        foutOp(
          def,
          ['tweedeLijn', dekker.i, 'geldigTot'],
          `GemW 81p: op ${dagNa(dekking)} is er geen tweedelijnsvoorziening ('${dekker.t.naam}' eindigt op ${dekking}, '${cur.t.naam}' begint pas op ${cur.t.geldigVanaf})`,
          `laat '${cur.t.naam}' beginnen op ${dagNa(dekking)}, of '${dekker.t.naam}' eindigen op ${dagVoor(cur.t.geldigVanaf)}`,
        ),
      );
    }
    if (dekking !== undefined && (cur.t.geldigTot === undefined || cur.t.geldigTot > dekking)) {
      dekking = cur.t.geldigTot;
      dekker = cur;
    }
  }
  if (dekking !== undefined && (tot === undefined || dekking < tot)) {
    errors.push(
      foutOp(
        def,
        ['tweedeLijn', dekker.i, 'geldigTot'],
        `GemW 81p: op ${dagNa(dekking)} is er geen tweedelijnsvoorziening ('${dekker.t.naam}' eindigt op ${dekking}, de versie geldt ${tot ? `tot en met ${tot}` : 'zonder einddatum'})`,
        `voeg de opvolger toe vanaf ${dagNa(dekking)}, of laat geldigTot van '${dekker.t.naam}' weg`,
      ),
    );
  }
}

/** Statutes whose termijnen move only as the statute says (Awb 9:11 lid 2 and 3, Wkkgz 17 lid 2, Jeugdwet 4.2.1). */
const WETTELIJK = /^\s*(Awb|Algemene wet bestuursrecht|Wkkgz|Jeugdwet|Wmo|Gemeentewet|GemW)\b/i;

/** Opschorting is for contractual termijnen only, and says on which basis (Awb 9:11: verdaging and consent only). */
function opschortingLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  for (const [naam, t] of Object.entries(def.definitie.termijnen)) {
    if (!t.opschorting) continue;
    if (naam === 'afhandeling' || naam === 'nietBehandelenKennisgeving' || naam === 'tweedeLijnVerzoek' || WETTELIJK.test(t.grondslag)) {
      errors.push(
        foutOp(
          def,
          ['termijnen', naam, 'opschorting'],
          `termijn '${naam}' (${t.grondslag}) is een wettelijke termijn en kan niet worden opgeschort: Awb 9:11 kent alleen verdaging (lid 2, hooguit 4 weken) en verder uitstel met schriftelijke instemming van de klager (lid 3)`,
          'laat opschorting weg; gebruik verdagingMax, of vraag de klager om instemming met een latere datum (UITSTEL_MET_INSTEMMING)',
        ),
      );
    }
  }
}

/** `07-01` -> `1 juli`. */
function dagMaand(mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]}`;
}

/** MM-DD shifted by whole months (day clamped to the month's length), in a common year. */
function maandenVerder(mmdd: string, maanden: number): string {
  const [m, d] = mmdd.split('-').map(Number);
  const doelMaand = (((m - 1 + maanden) % 12) + 12) % 12;
  const laatste = new Date(Date.UTC(2023, doelMaand + 1, 0)).getUTCDate();
  return `${String(doelMaand + 1).padStart(2, '0')}-${String(Math.min(d, laatste)).padStart(2, '0')}`;
}

function dagenVerder(mmdd: string, dagen: number): string {
  const [m, d] = mmdd.split('-').map(Number);
  return new Date(Date.UTC(2023, m - 1, d + dagen)).toISOString().slice(5, 10);
}

/** A period ending a month before the deadline: `07-01` -> `05-31`. */
const eindeMaandVoor = (deadline: string) => dagenVerder(maandenVerder(deadline, -1), -1);
/** A deadline a month after the period: `04-30` -> `06-01`. */
const deadlineMaandNa = (periodeTot: string) => maandenVerder(dagenVerder(periodeTot, 1), 1);

function perioden(lijst: Array<{ periodeTot: string; deadline: string }>): string {
  return `perioden: [${lijst.map((p) => `{ periodeTot: '${p.periodeTot}', deadline: '${p.deadline}' }`).join(', ')}]`;
}

/**
 * Aanbieder reports (contract, e.g. "Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht"
 * art. 11.1; "Klachtenprotocol Wmo keten Amsterdam" §10): the aanbieder reports on a period that has
 * ended, so each deadline lies after the end of its period. A deadline on that moment makes every
 * report overdue at 00:00 and escalates every aanbieder to the contractmanager each time.
 */
function rapportageLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  jaarverslagEldersLint(def, errors);
  const a: Rapportage['aanbieders'] = def.definitie.rapportage.aanbieders;
  if (!a) return;
  let lijst: AanbiederPeriode[];
  try {
    lijst = aanbiederPerioden(a);
  } catch {
    return; // not MM-DD: reported by the reference stage
  }
  if (!a.perioden || a.perioden.length === 0) {
    const voorstel =
      a.deadlines && a.deadlines.length > 0
        ? lijst.map((p) => ({ periodeTot: eindeMaandVoor(p.deadline), deadline: p.deadline }))
        : lijst.map((p) => ({ periodeTot: p.periodeTot, deadline: deadlineMaandNa(p.periodeTot) }));
    const voorbeeld = lijst[lijst.length - 1];
    errors.push(
      foutOp(
        def,
        a.deadlines ? ['rapportage', 'aanbieders', 'deadlines'] : ['rapportage', 'aanbieders'],
        `rapportage: ${a.deadlines ? 'met alleen deadlines' : 'zonder perioden'} eindigt elke periode de dag vóór haar deadline (de rapportage vóór ${dagMaand(voorbeeld.deadline)} gaat tot en met ${dagMaand(voorbeeld.periodeTot)}); de aanbieder heeft na afloop geen tijd en elke rapportage is om 00:00 te laat`,
        `noem de perioden, met tijd na afloop, bijvoorbeeld ${perioden(voorstel)}${a.deadlines ? ', en haal deadlines weg' : ''}`,
        !a.deadlines,
      ),
    );
    return;
  }
  lijst.forEach((p, k) => {
    const tijd = indientijdDagen(p);
    const pad = ['rapportage', 'aanbieders', 'perioden', p.index, 'deadline'];
    if (tijd <= 0) {
      errors.push(
        foutOp(
          def,
          pad,
          `rapportage: de periode tot en met ${dagMaand(p.periodeTot)} moet vóór ${dagMaand(p.deadline)} gerapporteerd zijn, maar dan eindigt de periode pas: de aanbieder heeft na afloop geen tijd en elke rapportage is om 00:00 te laat`,
          `laat de periode eerder eindigen (bijvoorbeeld periodeTot: '${eindeMaandVoor(p.deadline)}') of zet de deadline later (bijvoorbeeld deadline: '${deadlineMaandNa(p.periodeTot)}')`,
        ),
      );
    } else if (deadlineJaarNaPeriode(p) === 1 && tijd >= periodeLengteDagen(lijst, k)) {
      errors.push(
        foutOp(
          def,
          pad,
          `rapportage: de deadline vóór ${dagMaand(p.deadline)} ligt vóór het einde van de periode tot en met ${dagMaand(p.periodeTot)}; gelezen als ${dagMaand(p.deadline)} van het jaar erna wacht de rapportage ${tijd} dagen, langer dan de periode zelf`,
          `zet de deadline na het einde van de periode, bijvoorbeeld deadline: '${deadlineMaandNa(p.periodeTot)}' (een maand de tijd)`,
        ),
      );
    }
  });
}

const JAARVERSLAG_ELDERS_VOORBEELD = '"Jaarverslag gemeente Zeist, hoofdstuk Klachten (zeist.nl/jaarverslag)"';

/**
 * Awb 9:12a: `jaarverslagElders` says where the gemeente publishes the yearly overview of registered written klachten
 * instead of Klachtregie. It must name a publication someone can find ("elders" names none), and it only means
 * something with `jaarverslag: false`: with `true` the definition says both that Klachtregie makes it and that it does not.
 */
function jaarverslagEldersLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const r = def.definitie.rapportage;
  const elders = r.jaarverslagElders;
  if (elders === undefined) return;
  const pad = ['rapportage', 'jaarverslagElders'];
  if (r.jaarverslag) {
    errors.push(
      foutOp(
        def,
        pad,
        'rapportage: jaarverslagElders zegt dat de gemeente het jaaroverzicht van de geregistreerde schriftelijke klachten zelf publiceert (Awb 9:12a), maar jaarverslag: true laat Klachtregie het ook maken',
        'laat jaarverslagElders weg als Klachtregie het jaaroverzicht maakt, of zet jaarverslag: false als de gemeente het elders publiceert',
        true,
      ),
    );
  } else if (elders.trim().length > 0 && elders.trim().length < JAARVERSLAG_ELDERS_MIN) {
    errors.push(
      foutOp(
        def,
        pad,
        `rapportage.jaarverslagElders: '${elders.trim()}' zegt niet waar de gemeente het jaaroverzicht van de geregistreerde schriftelijke klachten publiceert (Awb 9:12a); noem de publicatie, minstens ${JAARVERSLAG_ELDERS_MIN} tekens`,
        `noem titel en vindplaats, bijvoorbeeld jaarverslagElders: ${JAARVERSLAG_ELDERS_VOORBEELD}`,
      ),
    );
  }
}

/**
 * Awb 9:12a: the registered written klachten are published every year. A version with `jaarverslag: false` makes no
 * overview, from its first day; that is right only if the gemeente publishes it elsewhere, and then the definition
 * says where (`jaarverslagElders`, ADR 0007: a warning must be silenceable by saying what was meant). A warning at the
 * version's jaarverslag line, for the author and the approver (4-ogen); one that turns off what `vorige` (its
 * predecessor) had says so, for from that day an overview stops.
 */
function jaarverslagWaarschuwing(def: GeladenDefinitie, vorige: GeladenDefinitie | undefined): DefinitionError | undefined {
  const d = def.definitie;
  if (d.rapportage.jaarverslag || d.rapportage.jaarverslagElders !== undefined) return undefined;
  const hint = `zet jaarverslag: true; of, als de gemeente de geregistreerde klachten zelf jaarlijks publiceert (bijvoorbeeld in haar eigen jaarverslag), zeg waar onder rapportage: jaarverslagElders: ${JAARVERSLAG_ELDERS_VOORBEELD}`;
  const message = vorige?.definitie.rapportage.jaarverslag
    ? `versie '${d.versie}' zet het jaarverslag uit dat versie '${vorige.definitie.versie}' (${vorige.file}) had: vanaf ${leesbareDatum(d.geldigVanaf)} maakt Klachtregie geen jaaroverzicht meer van de geregistreerde schriftelijke klachten, en de versie zegt niet waar de gemeente het publiceert, terwijl Awb 9:12a die jaarlijkse publicatie voorschrijft`
    : `versie '${d.versie}' heeft jaarverslag: false: Klachtregie maakt geen jaaroverzicht van de geregistreerde schriftelijke klachten, en de versie zegt niet waar de gemeente het publiceert, terwijl Awb 9:12a die jaarlijkse publicatie voorschrijft`;
  return { ...foutOp(def, ['rapportage', 'jaarverslag'], message, hint), ernst: 'waarschuwing' };
}

/** A step that expects a termijn (stops it, or reads it in its condition) on a route that never starts it (graph/termijn-routes.ts). */
export interface OngestarteTermijn {
  termijn: string;
  label: string;
  event: string;
  /** The step's Dutch description. */
  stap: string;
  /** Description of the state in which the step is taken. */
  state: string;
  hoe: 'stopt' | 'leest';
  /** Description of the intake route on which the termijn never runs. */
  route: string;
  /** Descriptions of the intake routes on which it does run. */
  gestartOp: string[];
}

/**
 * A termijn must run wherever a step expects it: a step that stops a termijn (or whose condition reads it) on a route
 * that never started it bewaakt nothing there, and the klager is promised a term that does not run (Awb 9:11 lid 1 for
 * the afhandeltermijn; for a contractual termijn the contract, e.g. Klachtenprotocol Wmo keten §6). One message per
 * termijn, step and route, at the termijn in the definition.
 */
export function ongestarteTermijnFouten(def: GeladenDefinitie, bevindingen: readonly OngestarteTermijn[]): DefinitionError[] {
  return bevindingen.map((b) =>
    foutOp(
      def,
      ['termijnen', b.termijn],
      `de termijn '${b.label}' (${b.termijn}) gaat op de route '${b.route}' nooit lopen; hij loopt alleen op de ` +
        `route${b.gestartOp.length === 1 ? '' : 's'} '${b.gestartOp.join("', '")}'. De stap '${b.stap}' (${b.event} in '${b.state}') ` +
        (b.hoe === 'stopt'
          ? 'stopt daar een termijn die nooit liep'
          : 'wordt daar geweigerd: zijn voorwaarde rekent met een termijn die nooit liep'),
      b.termijn === 'contact'
        ? `moet ook de gemeente binnen deze termijn contact opnemen, zet dan bij de termijn geldtVoor: [aanbieder, gemeente]; ` +
            `anders hoort deze stap niet op de route '${b.route}'`
        : `laat de termijn ook op de route '${b.route}' lopen, of gebruik daar een termijn die op die route loopt`,
    ),
  );
}

/** Where a declared termijn runs (graph/termijn-routes.ts `termijnDekking`). */
export interface TermijnDekkingBevinding {
  termijn: string;
  label: string;
  /** Descriptions of the intake routes on which the termijn runs at some point. */
  gestartOp: string[];
  /** Descriptions of the first-line klacht routes (the gemeente's or an aanbieder's handling) on which it never runs. */
  nooitOp: string[];
  /** The definition says whose handling it binds (`geldtVoor`), so a route without it is intended. */
  bedoeld: boolean;
  /** Its route follows from the law or the design (Awb 9:11, 9:8, the aanbieder's term, Awb 9:24): no coverage warning. */
  routegebonden: boolean;
}

/**
 * A declared termijn must run somewhere: one that no step starts promises the klager a term nobody keeps (an error). One
 * that runs on some first-line routes only, while the definition does not say whose handling it binds (`geldtVoor`), is
 * a warning: the author often means every klacht (a contact termijn the gemeente's own klachtenregeling promises), and
 * then the klager who went to the gemeente is never called and CONTACT_OPGENOMEN is refused there.
 */
export function termijnDekkingFouten(def: GeladenDefinitie, dekking: readonly TermijnDekkingBevinding[]): DefinitionError[] {
  const uit: DefinitionError[] = [];
  for (const d of dekking) {
    if (d.gestartOp.length === 0) {
      uit.push(
        foutOp(
          def,
          ['termijnen', d.termijn],
          `de termijn '${d.label}' (${d.termijn}) gaat nooit lopen: geen stap van deze regeling start hem, dus niemand bewaakt hem`,
          `Klachtregie start afhandeling en nietBehandelenKennisgeving (Awb 9:11, 9:8) bij de gemeente, aanbiederAfhandeling bij de aanbieder, ` +
            `contact bij de aanbieder en/of de gemeente (geldtVoor), tweedeLijnVerzoek (Awb 9:24) na de eerste lijn en reactieKlager ` +
            `na de afdoening door de aanbieder (waar de tweede lijn niet over aanbieders oordeelt); ` +
            `geef de termijn een van die namen, of laat hem weg`,
          true,
        ),
      );
    } else if (!d.routegebonden && !d.bedoeld && d.nooitOp.length > 0) {
      uit.push({
        ...foutOp(
          def,
          ['termijnen', d.termijn],
          `de termijn '${d.label}' (${d.termijn}) loopt alleen op de route${d.gestartOp.length === 1 ? '' : 's'} '${d.gestartOp.join("', '")}'; ` +
            `op '${d.nooitOp.join("', '")}' loopt hij nooit${d.termijn === 'contact' ? ' en wordt CONTACT_OPGENOMEN daar geweigerd' : ''}`,
          d.termijn === 'contact'
            ? `zeg voor wie de termijn geldt: geldtVoor: [aanbieder] als alleen de aanbieder binnen deze termijn contact opneemt ` +
                `(zoals nu), geldtVoor: [aanbieder, gemeente] als ook de gemeente dat moet doen, of geldtVoor: [gemeente]`
            : `controleer of dat zo bedoeld is`,
          true,
        ),
        ernst: 'waarschuwing',
      });
    }
  }
  return uit;
}

/**
 * References to the project's own working notes (numbered seed notes, design or domain notes) are no source a gemeente can
 * look up: every text of a definition ends up in letters, diagrams and pages the gemeente and the klager read, so it
 * cites the regeling or the law by its own title (Awb 3:46: a decision rests on a ground the reader can check).
 */
const INTERNE_VERWIJZING = /\bseeds?\b(\s*\d+)?|\b(design|domain)\.md\b/i;

function interneVerwijzingLint(def: GeladenDefinitie, errors: DefinitionError[]): void {
  const loop = (waarde: unknown, pad: Array<string | number>): void => {
    if (typeof waarde === 'string') {
      const m = INTERNE_VERWIJZING.exec(waarde);
      if (m)
        errors.push(
          foutOp(
            def,
            pad,
            `'${m[0]}' is een interne verwijzing, geen bron die de gemeente of de klager kan nalezen (in '${waarde.length > 80 ? `${waarde.slice(0, 79)}…` : waarde}')`,
            'noem de regeling of de wet met haar eigen titel en artikel, bijvoorbeeld "Klachtenprotocol Wmo keten Amsterdam §6" of "Awb 9:11 lid 1"',
          ),
        );
    } else if (Array.isArray(waarde)) waarde.forEach((w, i) => loop(w, [...pad, i]));
    else if (waarde && typeof waarde === 'object') for (const [k, w] of Object.entries(waarde)) loop(w, [...pad, k]);
  };
  loop(def.definitie, []);
}

export function juridischeFouten(def: GeladenDefinitie): DefinitionError[] {
  const errors: DefinitionError[] = [];
  interneVerwijzingLint(def, errors);
  geldigheidLint(def, errors);
  termijnLint(def, errors);
  opschortingLint(def, errors);
  tweedeLijnLint(def, errors);
  rapportageLint(def, errors);
  return errors;
}

/**
 * Across the versions of one gemeente: no overlap and no gap (a klacht on any date has exactly one
 * regime), no duplicate version; a gemeente taken over (herindeling) ends the day before.
 */
export function versieFouten(defs: readonly GeladenDefinitie[]): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const perGemeente = new Map<string, GeladenDefinitie[]>();
  for (const def of defs) {
    const code = def.definitie.gemeente.cbsCode;
    perGemeente.set(code, [...(perGemeente.get(code) ?? []), def]);
  }
  for (const versies of perGemeente.values()) {
    const sorted = [...versies].sort((a, b) =>
      a.definitie.geldigVanaf < b.definitie.geldigVanaf
        ? -1
        : a.definitie.geldigVanaf > b.definitie.geldigVanaf
          ? 1
          : a.file.localeCompare(b.file),
    );
    // Every version, the first included (one without a predecessor has no overview either).
    sorted.forEach((def, i) => {
      const w = jaarverslagWaarschuwing(def, sorted[i - 1]);
      if (w) errors.push(w);
    });
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1];
      const b = sorted[i];
      const da = a.definitie;
      const db = b.definitie;
      if (da.versie === db.versie) {
        errors.push(
          foutOp(
            b,
            ['versie'],
            `versie '${db.versie}' van ${db.gemeente.naam} bestaat al (${a.file})`,
            'geef elke versie een eigen naam, gelijk aan de bestandsnaam',
          ),
        );
      }
      // One regeling per day (docs/definities.md): two versions that begin on the same day leave it to load order which
      // one serves, and a migration between them is refused as "niet nieuwer". Checked before the geldigTot rule, which
      // a version without geldigTot skips and whose fix (end the other the day before) would end it before it begins.
      if (da.geldigVanaf === db.geldigVanaf) {
        const eind = [da, db].filter((d) => d.geldigTot).map((d) => `versie '${d.versie}' geldt tot en met ${d.geldigTot}`);
        errors.push(
          foutOp(
            b,
            ['geldigVanaf'],
            `versie '${db.versie}' begint op ${db.geldigVanaf}, dezelfde dag als versie '${da.versie}' (${a.file}); op elke dag geldt één regeling`,
            `${
              eind.length > 0
                ? `laat de nieuwe van de twee versies beginnen op de dag na de geldigTot van de andere (${eind.join('; ')})`
                : 'laat de nieuwe van de twee versies later beginnen, op de dag waarop zij ingaat; de andere eindigt dan vanzelf de dag ervoor'
            }. Een gepubliceerde versie wijzigt niet; lopende klachten gaan alleen met een versiemigratie mee`,
          ),
        );
        continue;
      }
      // Without geldigTot a version holds until a new one comes (docs/definities.md): the next version ends it, so a
      // new version can be added without changing a published, immutable one. An explicit geldigTot must not overlap.
      if (!da.geldigTot) continue;
      if (da.geldigTot >= db.geldigVanaf) {
        errors.push(
          foutOp(
            b,
            ['geldigVanaf'],
            `versie '${db.versie}' begint op ${db.geldigVanaf}, maar versie '${da.versie}' (${a.file}) geldt dan nog; versies mogen niet overlappen`,
            `zet in versie '${da.versie}' geldigTot: ${dagVoor(db.geldigVanaf)} (een nieuw bestand; een gepubliceerde versie wijzigt verder niet)`,
          ),
        );
      } else if (dagNa(da.geldigTot) < db.geldigVanaf) {
        errors.push(
          foutOp(
            b,
            ['geldigVanaf'],
            `tussen versie '${da.versie}' (t/m ${da.geldigTot}) en versie '${db.versie}' (vanaf ${db.geldigVanaf}) geldt geen regeling`,
            `laat versie '${db.versie}' beginnen op ${dagNa(da.geldigTot)}`,
          ),
        );
      }
    }
  }
  // Awb 9:1: the klachtrecht does not end. A last version with geldigTot leaves the gemeente without a regeling from the
  // next day (one regeling every day, docs/definities.md), unless the gemeente is opgeheven then (Wet arhi art. 40, the
  // CBS list) or another takes it over (neemtOver): then the herindeling rules above and in gemeentecodes.ts apply.
  // A warning, for a successor may be proposed next; the author and the approver see it at the geldigTot line.
  const alleDefinities = defs.map((d) => d.definitie);
  for (const [code, versies] of perGemeente) {
    const laatste = [...versies].sort((a, b) => b.definitie.geldigVanaf.localeCompare(a.definitie.geldigVanaf))[0];
    const eind = laatste?.definitie.geldigTot;
    if (!eind || eind < laatste.definitie.geldigVanaf) continue;
    const dag = dagNa(eind);
    // Taken over by then: the college that answers for it that day is another's (the one take-over lookup).
    const overgenomen = verantwoordelijkeCode(alleDefinities, code, dag) !== code.toUpperCase();
    if (overgenomen || opheffing(code, dag)) continue;
    errors.push({
      ...foutOp(
        laatste,
        ['geldigTot'],
        `na ${leesbareDatum(eind)} begint geen versie van ${laatste.definitie.gemeente.naam}: vanaf ${leesbareDatum(dag)} geldt dan geen klachtregeling, terwijl op elke dag één regeling moet gelden (Awb 9:1)`,
        `laat geldigTot weg (een versie zonder geldigTot geldt tot er een nieuwe begint), of stel de opvolger voor die op ${dag} begint`,
      ),
      ernst: 'waarschuwing',
    });
  }
  // Herindeling: the taken-over gemeente's last version ends the day before the take-over.
  for (const def of defs) {
    for (const [i, n] of (def.definitie.gemeente.neemtOver ?? []).entries()) {
      const oud = perGemeente.get(n.cbsCode);
      if (!oud) continue;
      const laatste = [...oud].sort((a, b) => (a.definitie.geldigVanaf < b.definitie.geldigVanaf ? 1 : -1))[0];
      const eind = laatste.definitie.geldigTot;
      if (eind !== dagVoor(n.vanaf)) {
        errors.push(
          foutOp(
            def,
            ['gemeente', 'neemtOver', i, 'vanaf'],
            `${def.definitie.gemeente.naam} neemt ${n.naam} over per ${n.vanaf}, maar de laatste versie van ${n.naam} (${laatste.file}) ${eind ? `geldt tot en met ${eind}` : 'heeft geen einddatum'}`,
            `de regeling van ${n.naam} eindigt op ${dagVoor(n.vanaf)}: geldigTot: ${dagVoor(n.vanaf)}`,
          ),
        );
      }
    }
  }
  return errors;
}
