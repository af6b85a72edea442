/**
 * The first line at the aanbieder (aanbieder.block.ts), rule by rule, on small Testdam definitions (the BASIS fixture with
 * the keys of the aanbieder route set per test) compiled inside each test: the forwarding (Awb 2:3), the contract's contact
 * and handling termijnen (Klachtenprotocol Wmo keten Amsterdam §6), the terugkoppeling to the gemeente (§5A), the afdoening
 * and the bounded wait for the klager's answer (Awb 9:24 lid 1 sub a naar analogie), the way on when the aanbieder lets its
 * termijn pass (Awb 9:24 lid 1 sub b naar analogie) and contract end (§9). The same rules on the seed definitions:
 * afgedaan-wacht.spec.ts, contract-einde.spec.ts, regels.spec.ts. Compiled per test, never at file load, so a mutant of the
 * block fails the tests that state its rule (docs/adr/0005-mutation-testing.md).
 */
import { join } from 'node:path';
import type { IntakeInput, StepResult } from '../../contract';
import { basisVersie, BASIS, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from '../../definition/test-fixture';
import type { GeladenDefinitie } from '../../definition/types';
import { loadAndValidate } from '../../definition/validate';
import { regimeDiagramGraph } from '../../diagram/diagram-graph';
import { checkGraph } from '../../graph/graph-check';
import type { Regime } from '../../regime';
import { compileerSamen } from '../../registry';
import { neem, stap, termijnen } from './blok.spec-hulp';

/** The keys of the aanbieder route a test sets on the BASIS fixture (Testdam, GM0355). */
interface Keten {
  /** eersteLijn.standaard; default aanbieder (the gemeente forwards a klacht about one aanbieder). */
  standaard?: 'aanbieder' | 'gemeente';
  /** eersteLijn.klachtOverAfhandelingAanbiederBijGemeente; default false. */
  bijGemeente?: boolean;
  terugkoppeling?: string[];
  /** A contact termijn of three werkdagen: for the aanbieder (no geldtVoor) or for the gemeente only. */
  contact?: 'aanbieder' | 'gemeente';
  /** termijnen.aanbiederAfhandeling, six weeks; default present. */
  aanbiederTermijn?: boolean;
  /** termijnen.reactieKlager, eight weeks. */
  reactieKlager?: boolean;
  /** The second line (Nationale ombudsman in BASIS) judges aanbieders; default false. */
  bevoegd?: boolean;
}

function regels(k: Keten, basis: readonly string[] = BASIS): string[] {
  const uit: string[] = [];
  for (const l of basis) {
    if (l === '  standaard: gemeente') uit.push(`  standaard: ${k.standaard ?? 'aanbieder'}`);
    else if (l === '  klachtOverAfhandelingAanbiederBijGemeente: true') {
      uit.push(`  klachtOverAfhandelingAanbiederBijGemeente: ${k.bijGemeente ?? false}`);
      if (k.terugkoppeling) uit.push(`  terugkoppelingAanbieder: [${k.terugkoppeling.join(', ')}]`);
    } else if (l === '    bevoegdOverAanbieders: false') uit.push(`    bevoegdOverAanbieders: ${k.bevoegd ?? false}`);
    else if (l === 'termijnen:') {
      uit.push(l);
      if (k.contact)
        uit.push(
          '  contact:',
          '    label: Contact met de klager',
          '    duur: P3D',
          '    rekenwijze: werkdagen',
          '    atw: false',
          "    grondslag: 'contract: contact binnen 3 werkdagen'",
          ...(k.contact === 'gemeente' ? ['    geldtVoor: [gemeente]'] : []),
        );
      if (k.aanbiederTermijn ?? true)
        uit.push(
          '  aanbiederAfhandeling:',
          '    label: Afhandeling door de aanbieder',
          '    duur: P6W',
          '    rekenwijze: kalenderdagen',
          '    atw: false',
          "    grondslag: 'contract'",
        );
      if (k.reactieKlager)
        uit.push(
          '  reactieKlager:',
          '    label: Reactie van de klager',
          '    duur: P8W',
          '    rekenwijze: kalenderdagen',
          '    atw: false',
          "    grondslag: 'Klachtenregeling Testdam: acht weken om te reageren'",
        );
    } else uit.push(l);
  }
  return uit;
}

/** Validated definitions per set of files (the validation is not what these specs are about: asked once per set). */
const gevalideerd = new Map<string, GeladenDefinitie[]>();
function definities(bestanden: Record<string, readonly string[]>): GeladenDefinitie[] {
  const sleutel = JSON.stringify(bestanden);
  let defs = gevalideerd.get(sleutel);
  if (!defs) {
    const r = loadAndValidate([join(schrijfBestanden(bestanden), 'definitions')]);
    ruimTijdelijkeMappenOp();
    expect(r.errors).toEqual([]);
    defs = r.definities;
    gevalideerd.set(sleutel, defs);
  }
  return defs;
}

/** The Testdam regime of these lines, compiled now (in the test). */
const compileer = (lines: readonly string[]): Regime => compileerSamen(definities({ [TESTDAM]: lines }))[0];
/** The Testdam regime with these keys. */
const regime = (k: Keten): Regime => compileer(regels(k));
/** Lines with the forwarding condition `voorwaarde` written under eersteLijn. */
const metDoorsturen = (lines: readonly string[], voorwaarde: string): string[] =>
  lines.flatMap((l) => (l === '  gemeenteLoket: KCC' ? [`  doorsturenNaarAanbieder: ${voorwaarde}`, l] : [l]));

const LOKET = 'KCC';
const BRON = 'Klachtenregeling Testdam 2024';
const ZORG_WEST = { id: 'zorg-west', naam: 'Zorg West', type: 'wmo' as const };

/** Filed at the aanbieder on Wednesday 1 May 2024: handled there ("klaag daar waar het is misgegaan"). */
const BIJ_AANBIEDER: IntakeInput = {
  gemeente: 'GM0355',
  kanaal: 'brief',
  ontvangenOp: '2024-05-01T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [ZORG_WEST],
  feiten: { complex: false },
};
/** Filed at the gemeente the same day, simple and about the aanbieder: forwarded (warme doorverwijzing). */
const BIJ_GEMEENTE: IntakeInput = { ...BIJ_AANBIEDER, ingediendBij: 'gemeente', feiten: { complex: false, gerichtAan: 'aanbieder' } };

/** Due dates from 1 May 2024: contact three werkdagen (Mon 6 May), the aanbieder's six weeks (12 June). */
const CONTACT_VERVALT = '2024-05-06';
const AANBIEDER_VERVALT = '2024-06-12';
const NA_AANBIEDERTERMIJN = '2024-06-13T09:00:00+02:00';
/** The afdoening of 20 May 2024: the year runs to 20 May 2025, reactieKlager (eight weeks) to 15 July 2024. */
const AFDOENING = '2024-05-20T10:00:00+02:00';

const intentTypes = (s: StepResult) => s.intents.map((i) => i.type);
/** What the step tells the gemeente's loket (TERUGKOPPELING_AAN_GEMEENTE), in order. */
const terug = (s: StepResult) => s.intents.filter((i) => i.type === 'TERUGKOPPELING_AAN_GEMEENTE').map((i) => i.data?.over);

const inBehandeling = (r: Regime) => r.start(BIJ_AANBIEDER);
const afgedaan = (r: Regime) => neem(r, inBehandeling(r), 'AFDOENEN', AFDOENING, { oordeel: 'gegrond' });

const ALLES = ['registratie', 'behandeling', 'afdoening', 'maatregelen', 'terugkoppelingKlager', 'tevredenheid'];

describe('Klachtenprotocol Wmo keten Amsterdam §5A, Uitgangspunten klachtenmanagement Sociaal Domein §11-I: the aanbieder’s terugkoppeling to the gemeente', () => {
  test('§5A: the gemeente’s loket hears each point the regeling lists at the step where it happens, citing the regeling and Wmo 2015 art. 2.1.1', () => {
    const r = regime({ contact: 'aanbieder', bevoegd: true, bijGemeente: true, terugkoppeling: ALLES });
    const door = r.start(BIJ_GEMEENTE);
    expect(terug(door)).toEqual([]);
    expect(terug(neem(r, door, 'AANBIEDER_NEEMT_IN_BEHANDELING', '2024-05-02T10:00:00+02:00'))).toEqual(['registratie']);
    expect(terug(neem(r, door, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00'))).toEqual(['registratie']);
    const s = inBehandeling(r);
    const contact = neem(r, s, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00');
    expect(terug(contact)).toEqual(['behandeling']);
    expect(contact.intents).toContainEqual({
      type: 'TERUGKOPPELING_AAN_GEMEENTE',
      naar: LOKET,
      grondslag: `${BRON}; Wmo 2015 art. 2.1.1`,
      data: { over: 'behandeling' },
    });
    expect(terug(neem(r, s, 'KLAGER_TEVREDEN', '2024-05-02T10:00:00+02:00'))).toEqual(['tevredenheid']);
    const af = neem(r, s, 'AFDOENEN', AFDOENING, { oordeel: 'gegrond' });
    expect(terug(af)).toEqual(['afdoening', 'maatregelen', 'terugkoppelingKlager']);
    for (const e of ['KLAGER_TEVREDEN', 'KLAGER_ONTEVREDEN', 'KLACHT_BIJ_GEMEENTE', 'VERZOEK_OMBUDSMAN'])
      expect([e, terug(neem(r, af, e, '2024-06-01T10:00:00+02:00'))]).toEqual([e, ['tevredenheid']]);
    // Where ontevreden closes the klacht (no second line over aanbieders, no klacht at the gemeente): tevredenheid too.
    const zonder = regime({ terugkoppeling: ALLES });
    expect(terug(neem(zonder, afgedaan(zonder), 'KLAGER_ONTEVREDEN', '2024-06-01T10:00:00+02:00'))).toEqual(['tevredenheid']);
  });

  test('only what the regeling asks: with terugkoppelingAanbieder [afdoening] the loket hears of the afdoening alone, without the key of nothing', () => {
    const r = regime({ contact: 'aanbieder', bevoegd: true, bijGemeente: true, terugkoppeling: ['afdoening'] });
    const door = r.start(BIJ_GEMEENTE);
    expect(terug(neem(r, door, 'AANBIEDER_NEEMT_IN_BEHANDELING', '2024-05-02T10:00:00+02:00'))).toEqual([]);
    expect(terug(neem(r, inBehandeling(r), 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00'))).toEqual([]);
    const af = afgedaan(r);
    expect(terug(af)).toEqual(['afdoening']);
    expect(terug(neem(r, af, 'KLAGER_TEVREDEN', '2024-06-01T10:00:00+02:00'))).toEqual([]);
    const niets = regime({ contact: 'aanbieder' });
    expect(niets.start(BIJ_AANBIEDER).intents).toEqual([]);
    expect(intentTypes(afgedaan(niets))).toEqual(['AFDOENING_AANBIEDER']);
  });
});

describe('Awb 2:3, Klachtenprotocol Wmo keten Amsterdam §5A: the klacht forwarded to the aanbieder (warme doorverwijzing)', () => {
  test('Awb 2:3 lid 1: forwarded at once with notice to the klager; the aanbieder’s termijnen run from the forwarding until it takes the klacht up', () => {
    const r = regime({ contact: 'aanbieder' });
    const door = r.start(BIJ_GEMEENTE);
    expect(door.state).toBe('doorgestuurdNaarAanbieder');
    expect(door.intents).toEqual([
      expect.objectContaining({ type: 'DOORZENDEN', naar: 'aanbieder', grondslag: 'Awb 2:3 lid 1' }),
      expect.objectContaining({
        type: 'KENNISGEVING_DOORZENDING',
        naar: 'klager',
        data: { doorgezondenAan: 'aanbieder', aanbieder: 'Zorg West' },
      }),
    ]);
    expect(termijnen(door)).toEqual([
      ['contact', CONTACT_VERVALT],
      ['aanbiederAfhandeling', AANBIEDER_VERVALT],
    ]);
    // Taken up: the same termijnen run on at the aanbieder, from the forwarding.
    const opgepakt = neem(r, door, 'AANBIEDER_NEEMT_IN_BEHANDELING', '2024-05-02T10:00:00+02:00');
    expect([opgepakt.state, termijnen(opgepakt)]).toEqual(['bijAanbieder.inBehandeling', termijnen(door)]);
    // Contact with the klager takes it up too and meets the contact termijn (Klachtenprotocol Wmo keten Amsterdam §6).
    const contact = neem(r, door, 'CONTACT_OPGENOMEN', '2024-05-03T10:00:00+02:00');
    expect([contact.state, termijnen(contact)]).toEqual(['bijAanbieder.inBehandeling', [['aanbiederAfhandeling', AANBIEDER_VERVALT]]]);
  });

  test('a contact termijn the regeling gives the gemeente only (geldtVoor [gemeente]) does not run at the aanbieder, and contact does not take a forwarded klacht up', () => {
    const r = regime({ contact: 'gemeente' });
    const door = r.start(BIJ_GEMEENTE);
    expect(termijnen(door)).toEqual([['aanbiederAfhandeling', AANBIEDER_VERVALT]]);
    expect(door.volgendeEvents).not.toContain('CONTACT_OPGENOMEN');
    expect(stap(r, door, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00').accepted).toBe(false);
    // At the aanbieder contact is still reported (behandeling) and ends nothing.
    const s = inBehandeling(r);
    expect(termijnen(s)).toEqual([['aanbiederAfhandeling', AANBIEDER_VERVALT]]);
    const contact = neem(r, s, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00');
    expect([contact.state, termijnen(contact)]).toEqual(['bijAanbieder.inBehandeling', termijnen(s)]);
  });

  test('Awb titel 9.1: a regime where the gemeente handles every klacht itself has no forwarding step (none unreachable), and still handles a klacht filed at the aanbieder there', () => {
    const defs = definities({ [TESTDAM]: regels({ standaard: 'gemeente' }) });
    expect(checkGraph(defs[0], defs)).toEqual([]);
    const r = regime({ standaard: 'gemeente' });
    expect(r.faseVan('doorgestuurdNaarAanbieder')).toBeUndefined();
    expect(r.start(BIJ_GEMEENTE).state).toMatch(/^gemeente\./);
    expect(r.start(BIJ_AANBIEDER).state).toBe('bijAanbieder.inBehandeling');
    // A written forwarding condition makes the step, with standaard gemeente.
    const metVoorwaarde = compileer(metDoorsturen(regels({ standaard: 'gemeente' }), '{ feit: gerichtAan, is: aanbieder }'));
    expect(metVoorwaarde.start(BIJ_GEMEENTE).state).toBe('doorgestuurdNaarAanbieder');
  });

  test('a forwarding step that can never be reached is reported at the line that makes it: the forwarding condition, else eersteLijn.standaard', () => {
    const bevinding = (lines: string[]) => {
      const defs = definities({ [TESTDAM]: lines });
      return checkGraph(defs[0], defs).map((e) => [
        e.line,
        e.column,
        e.message.includes('(doorgestuurdNaarAanbieder) is nooit bereikbaar'),
      ]);
    };
    // doorsturenNaarAanbieder only when complex, while the gemeente handles every complex klacht itself.
    const voorwaarde = metDoorsturen(regels({ standaard: 'gemeente' }), '{ feit: complex }');
    expect(voorwaarde[21]).toBe('  doorsturenNaarAanbieder: { feit: complex }');
    expect(bevinding(voorwaarde)).toEqual([[22, 28, true]]);
    // standaard aanbieder, while the gemeente handles every klacht itself (complex or not).
    const standaard = regels({}).map((l) => (l === '      - { feit: gerichtAan, is: gemeente }' ? '      - niet: { feit: complex }' : l));
    expect(standaard[16]).toBe('  standaard: aanbieder');
    expect(bevinding(standaard)).toEqual([[17, 14, true]]);
  });
});

describe('Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder’s contract termijnen', () => {
  test('§6: contact with the klager meets the aanbieder’s contact termijn; the klacht stays in behandeling and its afhandeltermijn runs on', () => {
    const r = regime({ contact: 'aanbieder' });
    const s = inBehandeling(r);
    expect(termijnen(s)).toEqual([
      ['contact', CONTACT_VERVALT],
      ['aanbiederAfhandeling', AANBIEDER_VERVALT],
    ]);
    const contact = neem(r, s, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00');
    expect([contact.state, termijnen(contact)]).toEqual(['bijAanbieder.inBehandeling', [['aanbiederAfhandeling', AANBIEDER_VERVALT]]]);
  });

  test('the aanbieder’s afdoening (contract, Awb hoofdstuk 9 naar analogie): with a valid oordeel only; its termijnen stop and the klager gets it', () => {
    const r = regime({ contact: 'aanbieder' });
    const s = inBehandeling(r);
    expect(stap(r, s, 'AFDOENEN', AFDOENING, { oordeel: 'misschien' }).accepted).toBe(false);
    const af = neem(r, s, 'AFDOENEN', AFDOENING, { oordeel: 'gegrond' });
    expect([af.state, af.done, termijnen(af)]).toEqual(['bijAanbieder.afgedaan', false, []]);
    expect(af.intents).toEqual([{ type: 'AFDOENING_AANBIEDER', naar: 'klager' }]);
  });

  test('Awb 9:5 naar analogie: a klacht solved to the klager’s satisfaction at once is closed, and the aanbieder’s termijnen stop', () => {
    const r = regime({ contact: 'aanbieder' });
    const klaar = neem(r, inBehandeling(r), 'KLAGER_TEVREDEN', '2024-05-02T10:00:00+02:00');
    expect([klaar.state, klaar.done, klaar.termijnen]).toEqual(['afgesloten', true, []]);
  });
});

describe('after the aanbieder’s afdoening: the klager’s answer (Klachtenprotocol Wmo keten Amsterdam §4, §6, §12; Awb 9:24 lid 1 sub a naar analogie)', () => {
  test('§6: the klager satisfied with the afdoening: the klacht is closed and the wait for his answer ends', () => {
    const r = regime({ reactieKlager: true });
    const af = afgedaan(r);
    expect(termijnen(af)).toEqual([['reactieKlager', '2024-07-15']]);
    const klaar = neem(r, af, 'KLAGER_TEVREDEN', '2024-06-01T10:00:00+02:00');
    expect([klaar.state, klaar.done, klaar.termijnen]).toEqual(['afgesloten', true, []]);
  });

  test('§4, §12, Awb 9:24 lid 1 sub a: the klager not satisfied goes to the second line that judges aanbieders, within the year from the afdoening', () => {
    const r = regime({ bevoegd: true });
    const af = afgedaan(r);
    expect(termijnen(af)).toEqual([['tweedeLijnVerzoekNaAanbieder', '2025-05-20']]);
    const ontevreden = neem(r, af, 'KLAGER_ONTEVREDEN', '2024-09-02T10:00:00+02:00');
    expect([ontevreden.state, termijnen(ontevreden)]).toEqual(['tweedeLijnVenster', [['tweedeLijnVerzoek', '2025-05-20']]]);
    expect(ontevreden.intents).toEqual([]);
  });

  test('a regeling with no klacht at the gemeente about the aanbieder’s handling and no second line over aanbieders: the klager not satisfied is told his possibilities and the klacht is closed', () => {
    const r = regime({ reactieKlager: true });
    const af = afgedaan(r);
    expect(af.volgendeEvents).toEqual(expect.arrayContaining(['KLAGER_ONTEVREDEN', 'KLAGER_TEVREDEN']));
    expect(af.volgendeEvents).not.toContain('KLACHT_BIJ_GEMEENTE');
    const ontevreden = neem(r, af, 'KLAGER_ONTEVREDEN', '2024-06-01T10:00:00+02:00');
    expect([ontevreden.state, ontevreden.done, ontevreden.termijnen]).toEqual(['afgesloten', true, []]);
    expect(ontevreden.intents).toEqual([{ type: 'KLAGER_INFORMEREN_MOGELIJKHEDEN', naar: 'klager' }]);
    // After the wait passed neither answer is taken: the klacht closes on its wake-up ('niet bereikt').
    expect(stap(r, af, 'KLAGER_ONTEVREDEN', '2024-07-16T10:00:00+02:00').accepted).toBe(false);
    expect(stap(r, af, 'KLAGER_TEVREDEN', '2024-07-16T10:00:00+02:00').accepted).toBe(false);
  });

  test('Uitgangspunten klachtenmanagement Sociaal Domein §5A, §5B, §11-III: where the regeling allows it the klager complains at the gemeente about the handling, within the wait, which ends', () => {
    const r = regime({ bijGemeente: true, reactieKlager: true });
    const af = afgedaan(r);
    // No second line over aanbieders: not satisfied means the gemeente, not a closing.
    expect(af.volgendeEvents).toContain('KLACHT_BIJ_GEMEENTE');
    expect(af.volgendeEvents).not.toContain('KLAGER_ONTEVREDEN');
    expect(stap(r, af, 'KLAGER_ONTEVREDEN', '2024-06-01T10:00:00+02:00').accepted).toBe(false);
    const gemeente = neem(r, af, 'KLACHT_BIJ_GEMEENTE', '2024-07-15T16:00:00+02:00');
    expect(gemeente.state).toMatch(/^gemeente\./);
    expect(gemeente.termijnen.map((t) => t.naam)).not.toContain('reactieKlager');
    expect(stap(r, af, 'KLACHT_BIJ_GEMEENTE', '2024-07-16T10:00:00+02:00').accepted).toBe(false);
    // Without that rule the gemeente is no way on after an afdoening within the aanbieder's termijn, and the refusal says
    // why: the termijn did not pass (not that the aanbieder is still handling the klacht: it has decided).
    const zonder = regime({ reactieKlager: true });
    const geweigerd = stap(zonder, afgedaan(zonder), 'KLACHT_BIJ_GEMEENTE', '2024-06-01T10:00:00+02:00');
    expect([geweigerd.accepted, geweigerd.reason]).toEqual([
      false,
      'de termijn van de aanbieder verstreek niet: hij deed de klacht op maandag 20 mei 2024 af (de weg na het verstrijken, Awb 9:24 lid 1 sub b naar analogie, geldt niet)',
    ]);
  });

  test('Awb 9:18, 9:24 lid 1 sub a: the klager files his request with a second line that judges aanbieders straight from the afdoening; the year ends with it', () => {
    const r = regime({ bevoegd: true, bijGemeente: true });
    const af = afgedaan(r);
    expect(af.volgendeEvents).toContain('VERZOEK_OMBUDSMAN');
    const verzoek = neem(r, af, 'VERZOEK_OMBUDSMAN', '2024-11-04T10:00:00+01:00');
    expect([verzoek.state, verzoek.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    expect(verzoek.intents).toContainEqual(
      expect.objectContaining({ type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN', data: expect.objectContaining({ binnenTermijn: true }) }),
    );
    // The Nationale ombudsman that does not judge aanbieders is no such way.
    const niet = regime({ bijGemeente: true });
    const nietAf = afgedaan(niet);
    expect(nietAf.volgendeEvents).not.toContain('VERZOEK_OMBUDSMAN');
    expect(stap(niet, nietAf, 'VERZOEK_OMBUDSMAN', '2024-06-01T10:00:00+02:00').accepted).toBe(false);
  });
});

describe('no klacht waits for ever for the klager’s answer (Awb 9:24 lid 1 sub a naar analogie; Klachtenprotocol Wmo keten Amsterdam §5A, §6)', () => {
  test('Awb 9:24 lid 1 sub a naar analogie: when the year from the afdoening passes without an answer the klacht is closed, tevredenheid niet bereikt, the loket told', () => {
    // A gemeente whose list has 'niet bereikt' (registratie.ts registers it only then; the loket hears the same).
    const r = compileer([...regels({ bevoegd: true }), 'registratie:', "  tevredenheid: [tevreden, ontevreden, 'niet bereikt']"]);
    const af = afgedaan(r);
    expect(stap(r, af, 'TERMIJN_VERLOPEN', '2025-05-20T12:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' }).accepted).toBe(false);
    const dicht = neem(r, af, 'TERMIJN_VERLOPEN', '2025-05-21T00:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' });
    expect([dicht.state, dicht.done, dicht.termijnen]).toEqual(['afgesloten', true, []]);
    expect(dicht.intents).toEqual([
      expect.objectContaining({ type: 'TERMIJN_OVERSCHREDEN', data: expect.objectContaining({ termijn: 'tweedeLijnVerzoekNaAanbieder' }) }),
      {
        type: 'AFGESLOTEN_ZONDER_REACTIE_KLAGER',
        naar: LOKET,
        grondslag: 'Awb 9:24 lid 1 sub a (naar analogie); Wmo 2015 art. 2.1.1',
        data: { termijn: 'tweedeLijnVerzoekNaAanbieder', tevredenheid: 'niet bereikt' },
      },
    ]);
    // The passing is registered: a late answer is refused naming the termijn that closed the klacht.
    const laat = stap(r, dicht, 'KLAGER_ONTEVREDEN', '2025-06-02T10:00:00+02:00');
    expect(laat.accepted).toBe(false);
    expect(laat.reason).toContain('(na de afdoening door de aanbieder)');
  });

  test('where no second line judges aanbieders the regeling’s own reactieKlager bounds the wait, on its own ground; without one nothing runs and nothing closes', () => {
    const r = regime({ reactieKlager: true });
    const dicht = neem(r, afgedaan(r), 'TERMIJN_VERLOPEN', '2024-07-16T00:00:00+02:00', { termijn: 'reactieKlager' });
    expect([dicht.state, dicht.done]).toEqual(['afgesloten', true]);
    expect(dicht.intents).toEqual([
      expect.objectContaining({ type: 'TERMIJN_OVERSCHREDEN', data: expect.objectContaining({ termijn: 'reactieKlager' }) }),
      {
        type: 'AFGESLOTEN_ZONDER_REACTIE_KLAGER',
        naar: LOKET,
        grondslag: 'Klachtenregeling Testdam: acht weken om te reageren; Wmo 2015 art. 2.1.1',
        // This gemeente's list has no 'niet bereikt': nothing is registered, and the loket is not told it was.
        data: { termijn: 'reactieKlager' },
      },
    ]);
    const zonder = regime({});
    const af = afgedaan(zonder);
    expect(af.termijnen).toEqual([]);
    expect(af.volgendeEvents).not.toContain('TERMIJN_VERLOPEN');
    // The klacht's year for the second line (tweedeLijnVerzoek exists) is no wait here: it never closes the klacht.
    expect(stap(zonder, af, 'TERMIJN_VERLOPEN', '2025-05-21T00:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' }).accepted).toBe(
      false,
    );
  });
});

describe('Awb 9:24 lid 1 sub b naar analogie: the aanbieder lets its termijn pass without afdoening', () => {
  test('Klachtenprotocol Wmo keten Amsterdam §4: the klager goes to the second line that judges aanbieders, from the day after the aanbieder’s last day, also from a forwarded klacht', () => {
    const r = regime({ bevoegd: true });
    for (const voor of [inBehandeling(r), r.start(BIJ_GEMEENTE)]) {
      expect(stap(r, voor, 'VERZOEK_OMBUDSMAN', '2024-06-12T16:00:00+02:00').accepted).toBe(false);
      const verzoek = neem(r, voor, 'VERZOEK_OMBUDSMAN', NA_AANBIEDERTERMIJN);
      expect(verzoek.state).toBe('bijOmbudsman.onderzoek');
      expect(intentTypes(verzoek)).toEqual(['VERZOEK_TWEEDE_LIJN_REGISTREREN']);
    }
    // A second line that does not judge aanbieders is no way on.
    const niet = regime({ bijGemeente: true });
    expect(stap(niet, inBehandeling(niet), 'VERZOEK_OMBUDSMAN', NA_AANBIEDERTERMIJN).accepted).toBe(false);
  });

  test('Awb 9:1, Wmo 2015 art. 2.1.1: the klager complains at the gemeente instead, which takes the klacht over from the aanbieder; its termijnen stop', () => {
    const r = regime({ contact: 'aanbieder', bijGemeente: true, bevoegd: true });
    const s = inBehandeling(r);
    expect(stap(r, s, 'KLACHT_BIJ_GEMEENTE', '2024-06-12T16:00:00+02:00').accepted).toBe(false);
    const gemeente = neem(r, s, 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN);
    expect(gemeente.state).toMatch(/^gemeente\./);
    expect(gemeente.intents).toContainEqual({
      type: 'KLACHT_OVERGENOMEN_VAN_AANBIEDER',
      naar: 'aanbieder',
      grondslag: 'Awb 9:1; Wmo 2015 art. 2.1.1',
    });
    expect(gemeente.termijnen.map((t) => t.naam)).not.toEqual(expect.arrayContaining(['contact']));
    expect(gemeente.termijnen.map((t) => t.naam)).not.toContain('aanbiederAfhandeling');
    // From a forwarded klacht the aanbieder never took up, too.
    expect(neem(r, r.start(BIJ_GEMEENTE), 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN).state).toMatch(/^gemeente\./);
  });

  test('without the rule of a klacht at the gemeente the gemeente takes it over only where no second line judges aanbieders; with the rule, also beside one', () => {
    const bevoegdZonder = regime({ bevoegd: true });
    expect(stap(bevoegdZonder, inBehandeling(bevoegdZonder), 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN).accepted).toBe(false);
    const geenLijn = regime({});
    expect(neem(geenLijn, inBehandeling(geenLijn), 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN).state).toMatch(/^gemeente\./);
    const bevoegdMet = regime({ bevoegd: true, bijGemeente: true });
    expect(neem(bevoegdMet, inBehandeling(bevoegdMet), 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN).state).toMatch(/^gemeente\./);
  });

  test('a late afdoening does not take that way from the klager: from afgedaan the gemeente takes the klacht over and the wait for his answer ends', () => {
    const r = regime({ reactieKlager: true });
    const verlopen = neem(r, inBehandeling(r), 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
    const laat = neem(r, verlopen, 'AFDOENEN', '2024-06-20T10:00:00+02:00', { oordeel: 'ongegrond' });
    expect(termijnen(laat)).toEqual([['reactieKlager', '2024-08-15']]);
    const gemeente = neem(r, laat, 'KLACHT_BIJ_GEMEENTE', '2024-06-21T10:00:00+02:00');
    expect(gemeente.state).toMatch(/^gemeente\./);
    expect(intentTypes(gemeente)).toContain('KLACHT_OVERGENOMEN_VAN_AANBIEDER');
    expect(gemeente.termijnen.map((t) => t.naam)).not.toContain('reactieKlager');
  });
});

describe('Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder’s termijnen bind it only while it has the klacht', () => {
  /** The termijnen of the first line at the aanbieder: its contract terms and the wait for the klager’s answer to its afdoening. */
  const VAN_AANBIEDER = ['contact', 'aanbiederAfhandeling', 'reactieKlager', 'tweedeLijnVerzoekNaAanbieder'];
  const vanAanbieder = (s: StepResult) => s.termijnen.map((t) => t.naam).filter((n) => VAN_AANBIEDER.includes(n));
  const bijDeAanbieder = (state: string) => state === 'doorgestuurdNaarAanbieder' || state.startsWith('bijAanbieder');

  test('§6 with Awb 9:24 lid 1 sub b naar analogie: a forwarded klacht the aanbieder never took up goes to the gemeente or the second line after its termijn passed, before that wake-up was stepped: its contact and afhandeltermijn stop, and the late wake-up fires nothing', () => {
    const r = regime({ contact: 'aanbieder', bijGemeente: true, bevoegd: true });
    const door = r.start(BIJ_GEMEENTE);
    expect(termijnen(door)).toEqual([
      ['contact', CONTACT_VERVALT],
      ['aanbiederAfhandeling', AANBIEDER_VERVALT],
    ]);
    const gemeente = neem(r, door, 'KLACHT_BIJ_GEMEENTE', NA_AANBIEDERTERMIJN);
    expect(gemeente.state).toMatch(/^gemeente\./);
    expect(vanAanbieder(gemeente)).toEqual([]);
    // The gemeente's own afhandeltermijn runs from its receipt instead (Awb 9:11 lid 1).
    expect(gemeente.termijnen.map((t) => t.naam)).toContain('afhandeling');
    const ombudsman = neem(r, door, 'VERZOEK_OMBUDSMAN', NA_AANBIEDERTERMIJN);
    expect([ombudsman.state, ombudsman.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    // The worker's wake-up, when it comes, finds nothing of the aanbieder's running: no overschrijding, no escalation
    // about a klacht the aanbieder no longer has.
    for (const na of [gemeente, ombudsman])
      for (const t of ['contact', 'aanbiederAfhandeling'])
        expect([na.state, t, stap(r, na, 'TERMIJN_VERLOPEN', '2024-06-13T10:00:00+02:00', { termijn: t }).accepted]).toEqual([
          na.state,
          t,
          false,
        ]);
  });

  test('§6: every way out of the aanbieder, forwarded, in behandeling or afgedaan (to the gemeente, the second line, closed, withdrawn, contract end), leaves none of its termijnen running', () => {
    const uit: Array<[string, string, string, string[]]> = [];
    const wegen = new Set<string>();
    for (const k of [
      { contact: 'aanbieder' as const, bijGemeente: true, bevoegd: true },
      { contact: 'aanbieder' as const, reactieKlager: true },
      { contact: 'aanbieder' as const, bijGemeente: true, reactieKlager: true },
    ]) {
      const r = regime(k);
      const door = r.start(BIJ_GEMEENTE);
      const s = inBehandeling(r);
      const verlopen = neem(r, s, 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
      // Each state with the moment of its last step: the events below come after it.
      const vanaf: Array<[StepResult, string]> = [
        [door, '2024-05-01'],
        [neem(r, door, 'AANBIEDER_NEEMT_IN_BEHANDELING', '2024-05-02T10:00:00+02:00'), '2024-05-02'],
        [s, '2024-05-01'],
        [neem(r, s, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00'), '2024-05-02'],
        [verlopen, '2024-06-13'],
        [afgedaan(r), '2024-05-20'],
        [neem(r, verlopen, 'AFDOENEN', '2024-06-20T10:00:00+02:00', { oordeel: 'ongegrond' }), '2024-06-20'],
      ];
      for (const [voor, sinds] of vanaf)
        for (const at of ['2024-05-15T10:00:00+02:00', NA_AANBIEDERTERMIJN, '2024-06-21T10:00:00+02:00'].filter((a) => a > sinds))
          for (const type of [
            'KLACHT_BIJ_GEMEENTE',
            'VERZOEK_OMBUDSMAN',
            'AANBIEDER_CONTRACT_BEEINDIGD',
            'KLACHT_INGETROKKEN',
            'KLAGER_TEVREDEN',
            'KLAGER_ONTEVREDEN',
          ]) {
            const na = stap(r, voor, type, at);
            if (!na.accepted || bijDeAanbieder(na.state)) continue;
            wegen.add(`${voor.state} ${type}`);
            uit.push([voor.state, type, at, vanAanbieder(na)]);
          }
      // The wait for the klager's answer passing closes the klacht (wacht-op-klager.ts).
      for (const n of ['reactieKlager', 'tweedeLijnVerzoekNaAanbieder']) {
        const na = stap(r, afgedaan(r), 'TERMIJN_VERLOPEN', '2025-06-01T10:00:00+02:00', { termijn: n });
        if (!na.accepted) continue;
        wegen.add(`${afgedaan(r).state} TERMIJN_VERLOPEN`);
        uit.push([afgedaan(r).state, `TERMIJN_VERLOPEN ${n}`, '2025-06-01', vanAanbieder(na)]);
      }
    }
    expect(uit.filter(([, , , lopend]) => lopend.length > 0)).toEqual([]);
    // Every way out was taken at least once (the check above is about something).
    expect([...wegen].sort()).toEqual([
      'bijAanbieder.afgedaan KLACHT_BIJ_GEMEENTE',
      'bijAanbieder.afgedaan KLACHT_INGETROKKEN',
      'bijAanbieder.afgedaan KLAGER_ONTEVREDEN',
      'bijAanbieder.afgedaan KLAGER_TEVREDEN',
      'bijAanbieder.afgedaan TERMIJN_VERLOPEN',
      'bijAanbieder.afgedaan VERZOEK_OMBUDSMAN',
      'bijAanbieder.inBehandeling AANBIEDER_CONTRACT_BEEINDIGD',
      'bijAanbieder.inBehandeling KLACHT_BIJ_GEMEENTE',
      'bijAanbieder.inBehandeling KLACHT_INGETROKKEN',
      'bijAanbieder.inBehandeling KLAGER_TEVREDEN',
      'bijAanbieder.inBehandeling VERZOEK_OMBUDSMAN',
      'doorgestuurdNaarAanbieder AANBIEDER_CONTRACT_BEEINDIGD',
      'doorgestuurdNaarAanbieder KLACHT_BIJ_GEMEENTE',
      'doorgestuurdNaarAanbieder KLACHT_INGETROKKEN',
      'doorgestuurdNaarAanbieder VERZOEK_OMBUDSMAN',
    ]);
  });
  test('Awb 9:24 lid 1 sub b naar analogie, Awb 9:18: after a late afdoening the klager goes to a second line that judges aanbieders only from a later version (GemW 81p); the wait for his answer ends with the request', () => {
    // Version 2024-01 to 30 June 2024 and 2024-07 to the end of 2024 with the Nationale ombudsman; from 1 January 2025 an
    // ombudsman that judges aanbieders. The first version has no way from its afdoening to the second line of its own.
    const [r] = compileerSamen(
      definities({
        'definitions/gm0355-zeist/2024-01.yaml': regels({ reactieKlager: true }, basisVersie('2024-01', '2024-01-01', '2024-06-30')),
        'definitions/gm0355-zeist/2024-07.yaml': regels({}, basisVersie('2024-07', '2024-07-01', '2024-12-31')),
        'definitions/gm0355-zeist/2025-01.yaml': regels({ bevoegd: true }, basisVersie('2025-01', '2025-01-01', undefined)),
      }),
    );
    expect(r.summary.versie).toBe('2024-01');
    const verlopen = neem(r, inBehandeling(r), 'TERMIJN_VERLOPEN', '2024-06-13T00:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
    const laat = neem(r, verlopen, 'AFDOENEN', '2024-12-20T10:00:00+01:00', { oordeel: 'ongegrond' });
    expect(termijnen(laat)).toEqual([['reactieKlager', '2025-02-14']]);
    const verzoek = neem(r, laat, 'VERZOEK_OMBUDSMAN', '2025-01-03T10:00:00+01:00');
    expect([verzoek.state, verzoek.termijnen]).toEqual(['bijOmbudsman.onderzoek', []]);
    expect(stap(r, verzoek, 'TERMIJN_VERLOPEN', '2025-02-15T00:00:00+01:00', { termijn: 'reactieKlager' }).accepted).toBe(false);
  });
});

describe('Klachtenprotocol Wmo keten Amsterdam §6, §9: a way out of the aanbieder does not meet its termijnen', () => {
  test('§6 with Awb 9:24 lid 1 sub b naar analogie, §9: the klager going on after the aanbieder’s termijn, and the contract end, name its termijnen as not met (StepResult.vervallen), from forwarded and from in behandeling; contact and the afdoening, which meet them, do not; the next step no longer names them', () => {
    const r = regime({ contact: 'aanbieder', bijGemeente: true, bevoegd: true });
    const AANBIEDER = ['contact', 'aanbiederAfhandeling'];
    for (const voor of [r.start(BIJ_GEMEENTE), inBehandeling(r)]) {
      for (const type of ['KLACHT_BIJ_GEMEENTE', 'VERZOEK_OMBUDSMAN', 'AANBIEDER_CONTRACT_BEEINDIGD']) {
        const na = neem(r, voor, type, NA_AANBIEDERTERMIJN);
        expect([voor.state, type, [...(na.vervallen ?? [])].sort()]).toEqual([voor.state, type, [...AANBIEDER].sort()]);
        // Only the step's own: the step after it names none.
        const daarna = neem(r, na, 'KLACHT_INGETROKKEN', '2024-06-14T10:00:00+02:00');
        expect([voor.state, type, daarna.vervallen]).toEqual([voor.state, type, undefined]);
      }
    }
    const s = inBehandeling(r);
    expect(neem(r, s, 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00').vervallen).toBeUndefined();
    expect(neem(r, s, 'AFDOENEN', AFDOENING, { oordeel: 'gegrond' }).vervallen).toBeUndefined();
    expect(neem(r, r.start(BIJ_GEMEENTE), 'CONTACT_OPGENOMEN', '2024-05-02T10:00:00+02:00').vervallen).toBeUndefined();
  });
});

describe('Klachtenprotocol Wmo keten Amsterdam §9: contract end', () => {
  test('§9, Wmo 2015 art. 2.1.1: the gemeente takes over a klacht the aanbieder still handles or has not taken up, at once; the aanbieder’s termijnen stop', () => {
    const r = regime({ contact: 'aanbieder', bevoegd: true });
    for (const voor of [inBehandeling(r), r.start(BIJ_GEMEENTE)]) {
      expect(voor.volgendeEvents).toContain('AANBIEDER_CONTRACT_BEEINDIGD');
      const over = neem(r, voor, 'AANBIEDER_CONTRACT_BEEINDIGD', '2024-05-15T10:00:00+02:00');
      expect(over.state).toMatch(/^gemeente\./);
      expect(over.termijnen.map((t) => t.naam).filter((n) => ['contact', 'aanbiederAfhandeling'].includes(n))).toEqual([]);
      expect(over.intents).toContainEqual({
        type: 'KLACHT_OVERGENOMEN_VAN_AANBIEDER',
        naar: LOKET,
        grondslag: 'Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1',
      });
    }
  });

  test('§9: not after the afdoening: the aanbieder has decided, and the klager’s answer leads on', () => {
    const r = regime({ bevoegd: true });
    const af = afgedaan(r);
    expect(af.volgendeEvents).not.toContain('AANBIEDER_CONTRACT_BEEINDIGD');
    expect(stap(r, af, 'AANBIEDER_CONTRACT_BEEINDIGD', '2024-06-01T10:00:00+02:00').accepted).toBe(false);
  });
});

describe('a second line that judges aanbieders from the next version on (GemW 81p; the route exists where a body that may answer does)', () => {
  /** Version 2024-01 to 30 June 2024 with the Nationale ombudsman; from 1 July 2024 an ombudsman that judges aanbieders. */
  const versies = () =>
    compileerSamen(
      definities({
        'definitions/gm0355-zeist/2024-01.yaml': regels({ reactieKlager: true }, basisVersie('2024-01', '2024-01-01', '2024-06-30')),
        'definitions/gm0355-zeist/2024-07.yaml': regels({ bevoegd: true }, basisVersie('2024-07', '2024-07-01', undefined)),
      }),
    );

  test('Awb 9:18: a klacht of the first version afgedaan in June goes to the second line only from 1 July; before, not satisfied closes it (no klacht at the gemeente)', () => {
    const [r] = versies();
    expect(r.summary.versie).toBe('2024-01');
    const af = neem(r, inBehandeling(r), 'AFDOENEN', '2024-06-03T10:00:00+02:00', { oordeel: 'gegrond' });
    // Not competent on the day of the afdoening: the regeling's own term bounds the wait.
    expect(termijnen(af)).toEqual([['reactieKlager', '2024-07-29']]);
    expect(stap(r, af, 'VERZOEK_OMBUDSMAN', '2024-06-20T10:00:00+02:00').accepted).toBe(false);
    expect(neem(r, af, 'KLAGER_ONTEVREDEN', '2024-06-20T10:00:00+02:00').state).toBe('afgesloten');
    expect(neem(r, af, 'VERZOEK_OMBUDSMAN', '2024-07-02T10:00:00+02:00').state).toBe('bijOmbudsman.onderzoek');
    const ontevreden = neem(r, af, 'KLAGER_ONTEVREDEN', '2024-07-02T10:00:00+02:00');
    expect([ontevreden.state, termijnen(ontevreden)]).toEqual(['tweedeLijnVenster', [['tweedeLijnVerzoek', '2025-06-03']]]);
    // Its own term still closes the klacht when it passes unanswered.
    const dicht = neem(r, af, 'TERMIJN_VERLOPEN', '2024-07-30T00:00:00+02:00', { termijn: 'reactieKlager' });
    expect([dicht.state, dicht.intents.find((i) => i.type === 'AFGESLOTEN_ZONDER_REACTIE_KLAGER')?.grondslag]).toEqual([
      'afgesloten',
      'Klachtenregeling Testdam: acht weken om te reageren; Wmo 2015 art. 2.1.1',
    ]);
  });

  test('Awb 9:24 lid 1 sub a: afgedaan on the first version after 1 July, the year from the afdoening bounds the wait and closes the klacht', () => {
    const [r] = versies();
    const af = neem(r, inBehandeling(r), 'AFDOENEN', '2024-07-03T10:00:00+02:00', { oordeel: 'gegrond' });
    expect(termijnen(af)).toEqual([['tweedeLijnVerzoekNaAanbieder', '2025-07-03']]);
    const dicht = neem(r, af, 'TERMIJN_VERLOPEN', '2025-07-04T00:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' });
    expect([dicht.state, dicht.intents.find((i) => i.type === 'AFGESLOTEN_ZONDER_REACTIE_KLAGER')?.grondslag]).toEqual([
      'afgesloten',
      'Awb 9:24 lid 1 sub a (naar analogie); Wmo 2015 art. 2.1.1',
    ]);
  });
});

describe('GemW 81p: the definition’s own second line that judges aanbieders from 1 January 2025, after the Nationale ombudsman', () => {
  /** Testdam 2024-01 with the Nationale ombudsman to 31 December 2024 and its own ombudsman, who judges aanbieders, from 2025. */
  const wissel = () =>
    compileer(
      regels({ reactieKlager: true }).flatMap((l) =>
        l === '    geldigVanaf: 2024-01-01'
          ? [l, '    geldigTot: 2024-12-31']
          : l === '    bevoegdOverAanbieders: false'
            ? [
                l,
                '  - soort: lokaleOmbudsman',
                '    naam: Ombudsman Testdam',
                '    geldigVanaf: 2025-01-01',
                '    bevoegdOverAanbieders: true',
                '    nationaleOmbudsmanGeinformeerdOp: 2024-06-14',
              ]
            : [l],
      ),
    );

  test('Awb 9:18, Klachtenprotocol Wmo keten Amsterdam §4: one body of the regeling that judges aanbieders is enough for the route; it is open from the day that body answers', () => {
    const r = wissel();
    const af = neem(r, inBehandeling(r), 'AFDOENEN', '2024-12-02T10:00:00+01:00', { oordeel: 'gegrond' });
    expect(termijnen(af)).toEqual([['reactieKlager', '2025-01-27']]);
    expect(stap(r, af, 'VERZOEK_OMBUDSMAN', '2024-12-20T10:00:00+01:00').accepted).toBe(false);
    expect(neem(r, af, 'KLAGER_ONTEVREDEN', '2024-12-20T10:00:00+01:00').intents).toEqual([
      { type: 'KLAGER_INFORMEREN_MOGELIJKHEDEN', naar: 'klager' },
    ]);
    expect(neem(r, af, 'KLAGER_ONTEVREDEN', '2025-01-03T10:00:00+01:00').state).toBe('tweedeLijnVenster');
    const verzoek = neem(r, af, 'VERZOEK_OMBUDSMAN', '2025-01-03T10:00:00+01:00');
    expect([verzoek.state, verzoek.intents.map((i) => i.naar)]).toEqual(['bijOmbudsman.onderzoek', ['Ombudsman Testdam']]);
  });
});

describe('the aanbieder route as the process owner reads it (the regime’s diagram: each step with its ground and the termijnen it runs)', () => {
  const diagram = (r: Regime) => regimeDiagramGraph(r);
  const stappen = (r: Regime, van: string, event: string) =>
    diagram(r)
      .edges.filter((e) => e.source === van && e.event === event)
      .map((e) => ({ naar: e.target, label: e.label, grondslag: e.grondslag }));

  test('Klachtenprotocol Wmo keten Amsterdam §6: contact at the aanbieder cites the contact termijn where it binds the aanbieder, nothing where it binds only the gemeente', () => {
    expect(stappen(regime({ contact: 'aanbieder' }), 'bijAanbieder.inBehandeling', 'CONTACT_OPGENOMEN')).toEqual([
      expect.objectContaining({ naar: 'bijAanbieder.inBehandeling', grondslag: 'contract: contact binnen 3 werkdagen' }),
    ]);
    expect(stappen(regime({ contact: 'gemeente' }), 'bijAanbieder.inBehandeling', 'CONTACT_OPGENOMEN')).toEqual([
      expect.objectContaining({ naar: 'bijAanbieder.inBehandeling', grondslag: undefined }),
    ]);
  });

  test('Awb 9:24 lid 1 sub a naar analogie: afgedaan shows the wait that runs there, and each passing closes the klacht on its own ground and in its own words', () => {
    const r = regime({ bevoegd: true, reactieKlager: true });
    expect(diagram(r).nodes.find((n) => n.id === 'bijAanbieder.afgedaan')?.termijnen).toEqual([
      'tweedeLijnVerzoekNaAanbieder',
      'reactieKlager',
    ]);
    expect(stappen(r, 'bijAanbieder.afgedaan', 'TERMIJN_VERLOPEN')).toEqual([
      { naar: 'afgesloten', label: expect.stringContaining('het jaar na de afdoening'), grondslag: 'Awb 9:24 lid 1 sub a (naar analogie)' },
      {
        naar: 'afgesloten',
        label: expect.stringContaining('de termijn voor de reactie van de klager'),
        grondslag: 'Klachtenregeling Testdam: acht weken om te reageren',
      },
    ]);
    // No second line over aanbieders and no reactieKlager: nothing bounds the wait, no passing is drawn.
    const zonder = regime({});
    expect(diagram(zonder).nodes.find((n) => n.id === 'bijAanbieder.afgedaan')?.termijnen).toEqual([]);
    expect(stappen(zonder, 'bijAanbieder.afgedaan', 'TERMIJN_VERLOPEN')).toEqual([]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §4, §12: the way from the afdoening to the second line is drawn only where a body of the regeling, or of its next version, judges aanbieders', () => {
    const naarTweedeLijn = (r: Regime) => [
      ...stappen(r, 'bijAanbieder.afgedaan', 'KLAGER_ONTEVREDEN').map((s) => s.naar),
      ...stappen(r, 'bijAanbieder.afgedaan', 'VERZOEK_OMBUDSMAN').map((s) => s.naar),
    ];
    expect(naarTweedeLijn(regime({ bevoegd: true }))).toEqual(['tweedeLijnVenster', 'afgesloten', 'bijOmbudsman']);
    expect(naarTweedeLijn(regime({}))).toEqual(['afgesloten']);
    const volgendeVersie = (bevoegd: boolean) =>
      compileerSamen(
        definities({
          'definitions/gm0355-zeist/2024-01.yaml': regels({}, basisVersie('2024-01', '2024-01-01', '2024-06-30')),
          'definitions/gm0355-zeist/2024-07.yaml': regels({ bevoegd }, basisVersie('2024-07', '2024-07-01', undefined)),
        }),
      )[0];
    expect(naarTweedeLijn(volgendeVersie(true))).toEqual(['tweedeLijnVenster', 'afgesloten', 'bijOmbudsman']);
    expect(naarTweedeLijn(volgendeVersie(false))).toEqual(['afgesloten']);
  });

  test('Awb 9:24 lid 1 sub b naar analogie: the way on after the aanbieder’s termijn exists only where the regeling gives the aanbieder a termijn', () => {
    const met = regime({ standaard: 'gemeente' });
    expect(stappen(met, 'bijAanbieder', 'KLACHT_BIJ_GEMEENTE').map((s) => s.naar)).toEqual(['gemeente']);
    // Only where the gemeente is the first line may the regeling leave the aanbieder's termijn out.
    const zonder = regime({ standaard: 'gemeente', aanbiederTermijn: false });
    expect(stappen(zonder, 'bijAanbieder', 'KLACHT_BIJ_GEMEENTE')).toEqual([]);
    expect(stappen(zonder, 'bijAanbieder', 'VERZOEK_OMBUDSMAN')).toEqual([]);
    // Nothing runs, so nothing passes: the klager's way on is the afdoening.
    const s = inBehandeling(zonder);
    expect(s.termijnen).toEqual([]);
    expect(stap(zonder, s, 'KLACHT_BIJ_GEMEENTE', '2024-12-02T10:00:00+01:00').accepted).toBe(false);
  });
});
