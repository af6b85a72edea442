/**
 * Rule tests for the compiled regimes, named after the rule they prove. They run the real seed
 * definitions (definitions/) through the pure API (`start` / `step` with persisted JSON snapshots).
 */
import { join } from 'node:path';
import type { CompiledRegime, KlachtEvent, StepResult } from '../contract';
import type { Definitie } from '../definition/types';
import { loadRegistry } from '../index';
import { maakRegime, type Regime } from '../regime';
import { maakRegistry } from '../registry';
import { intake } from '../intake.spec-hulp';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));

function regime(id: string): Regime {
  const r = registry.regimes.find((x) => x.summary.id === id);
  if (!r) throw new Error(`definitie ${id} niet geladen: ${JSON.stringify(registry.errors)}`);
  return r as Regime;
}

const op = (dag: string) => `${dag}T12:00:00+02:00`;

/** Runs events and insists each is accepted; a persisted snapshot goes through JSON, as in PostgreSQL. */
function volg(r: CompiledRegime, start: StepResult, events: Array<[string, string, Record<string, unknown>?]>): StepResult {
  let huidig = start;
  expect(huidig.accepted).toBe(true);
  for (const [type, dag, data] of events) {
    const e: KlachtEvent = { type, at: op(dag), ...(data ? { data } : {}) };
    const volgende = r.step(JSON.parse(JSON.stringify(huidig.snapshot)), e);
    if (!volgende.accepted) throw new Error(`${type} op ${dag} geweigerd: ${volgende.reason}`);
    huidig = volgende;
  }
  return huidig;
}

const termijn = (s: StepResult, naam: string) => s.termijnen.find((t) => t.naam === naam);

function kloon(def: Definitie, wijzig: (d: Definitie) => void): Definitie {
  const d = structuredClone(def);
  wijzig(d);
  return d;
}

describe('Stichtse Vecht, Awb titel 9.1', () => {
  const sv = regime('gm1904-stichtse-vecht');

  test('Awb 9:5: satisfaction in the informal phase ends the procedure without a 9:12 letter', () => {
    const s0 = sv.start(intake({ feiten: { betreftGemeentelijkeFunctionaris: true } }));
    expect(s0.state).toBe('gemeente.informeleFase');
    const s1 = volg(sv, s0, [['KLAGER_TEVREDEN', '2026-04-08']]);
    expect(s1.state).toBe('afgedaanInformeel');
    expect(s1.done).toBe(true);
    expect(s1.termijnen).toEqual([]);
    expect(s1.intents.map((i) => i.type)).not.toContain('AFDOENINGSBRIEF');
    expect(s1.intents.find((i) => i.type === 'TEVREDENHEID_REGISTREREN')?.grondslag).toContain('Awb 9:5');
  });

  test('Awb 9:6: a formal klacht gets an ontvangstbevestiging', () => {
    const s = volg(sv, sv.start(intake()), [['FORMELE_BEHANDELING', '2026-04-03']]);
    expect(s.state).toBe('gemeente.beoordelen');
    expect(s.intents).toContainEqual(expect.objectContaining({ type: 'ONTVANGSTBEVESTIGING', naar: 'klager', grondslag: 'Awb 9:6' }));
  });

  test('Awb 9:8 lid 3: niet-behandelen requires notice within four weeks naming the ombudsman and its one-year term', () => {
    const beoordelen = volg(sv, sv.start(intake()), [['FORMELE_BEHANDELING', '2026-04-03']]);
    expect(termijn(beoordelen, 'nietBehandelenKennisgeving')?.vervaldatum).toBe('2026-04-30');

    const tijdig = volg(sv, beoordelen, [['NIET_BEHANDELEN', '2026-04-30', { grond: 'ouderDanEenJaar' }]]);
    expect(tijdig.state).toBe('tweedeLijnVenster');
    const kennisgeving = tijdig.intents.find((i) => i.type === 'KENNISGEVING_NIET_BEHANDELEN');
    expect(kennisgeving).toMatchObject({ naar: 'klager', grondslag: 'Awb 9:8 lid 3, 9:12 lid 2' });
    expect(kennisgeving?.data).toMatchObject({ tweedeLijn: 'Nationale ombudsman', artikel: 'Awb 9:8 lid 1 sub b' });
    expect(String(kennisgeving?.data?.tweedeLijnTermijn)).toContain('één jaar');
    expect(termijn(tijdig, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-04-30');

    const teLaat = sv.step(beoordelen.snapshot, { type: 'NIET_BEHANDELEN', at: op('2026-05-01'), data: { grond: 'ouderDanEenJaar' } });
    expect(teLaat.accepted).toBe(false);
    expect(teLaat.reason).toContain('Awb 9:8 lid 3');
    const zonderGrond = sv.step(beoordelen.snapshot, { type: 'NIET_BEHANDELEN', at: op('2026-04-10') });
    expect(zonderGrond.accepted).toBe(false);
    expect(zonderGrond.reason).toContain('Awb 9:8');
  });

  test('Awb 9:10 lid 2: horen may be skipped when kennelijk ongegrond / afgezien / niet gereageerd', () => {
    const inBehandeling = volg(sv, sv.start(intake()), [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06', { beklaagde: 'consulent' }],
    ]);
    expect(inBehandeling.intents).toContainEqual(expect.objectContaining({ type: 'AFSCHRIFT_BEKLAAGDE', grondslag: 'Awb 9:9' }));
    for (const [reden, sub] of [
      ['kennelijkOngegrond', 'sub a'],
      ['afgezien', 'sub b'],
      ['nietGereageerd', 'sub c'],
    ] as const) {
      const s = volg(sv, inBehandeling, [['HOREN_OVERSLAAN', '2026-04-10', { reden }]]);
      expect(s.state).toBe('gemeente.oordeelsvorming');
      expect(s.intents[0]).toMatchObject({ type: 'VASTLEGGEN_NIET_HOREN', grondslag: `Awb 9:10 lid 2 ${sub}` });
    }
    const geenGrond = sv.step(inBehandeling.snapshot, { type: 'HOREN_OVERSLAAN', at: op('2026-04-10'), data: { reden: 'geenTijd' } });
    expect(geenGrond.accepted).toBe(false);
    expect(geenGrond.reason).toContain('Awb 9:10 lid 2');
    // Once invited, "kennelijk ongegrond" is no longer a reason not to hear the klager; afgezien still is.
    const horen = volg(sv, inBehandeling, [['HOREN_UITNODIGEN', '2026-04-10']]);
    expect(sv.step(horen.snapshot, { type: 'HOREN_OVERSLAAN', at: op('2026-04-11'), data: { reden: 'kennelijkOngegrond' } }).accepted).toBe(
      false,
    );
    expect(volg(sv, horen, [['HOREN_OVERSLAAN', '2026-04-11', { reden: 'afgezien' }]]).state).toBe('gemeente.oordeelsvorming');
    // Awb 9:10 lid 3: a hearing gets a verslag before the afdoening.
    const verslag = volg(sv, horen, [['HOORZITTING_GEHOUDEN', '2026-04-20']]);
    expect(verslag.state).toBe('gemeente.verslag');
    expect(sv.step(verslag.snapshot, { type: 'AFDOENEN', at: op('2026-04-21'), data: { oordeel: 'gegrond' } }).accepted).toBe(false);
  });

  test('Awb 9:11 lid 1: six weeks, ten with a klachtadviescommissie', () => {
    const zes = sv.start(intake());
    expect(termijn(zes, 'afhandeling')).toMatchObject({ vervaldatum: '2026-05-18', grondslag: 'Awb 9:11' });
    expect(termijn(zes, 'afhandeling')?.uitleg.join('\n')).toContain('Hemelvaartsdag');
    expect(termijn(zes, 'afhandeling')?.herinneringen).toEqual([{ naam: 'P1W-voor', datum: '2026-05-11', naar: 'behandelaar' }]);

    const metCommissie = maakRegime(
      kloon(sv.definitie, (d) => {
        d.stappen.klachtadviescommissie = { naam: 'Klachtadviescommissie Stichtse Vecht' };
        d.stappen.vierOgen = true;
        d.termijnen.afhandeling.duur = 'P10W';
      }),
      'gm1904-met-commissie',
    );
    const tien = metCommissie.start(intake());
    expect(termijn(tien, 'afhandeling')?.vervaldatum).toBe('2026-06-11');
    // Awb 9:15: the ontvangstbevestiging says the commissie advises; the commissie hears and advises.
    const advies = volg(metCommissie, tien, [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06'],
      ['HOREN_UITNODIGEN', '2026-04-07'],
      ['HOORZITTING_GEHOUDEN', '2026-05-01'],
      ['VERSLAG_VASTGESTELD', '2026-05-04'],
    ]);
    expect(advies.state).toBe('gemeente.advies');
    const vierOgen = volg(metCommissie, advies, [['ADVIES_UITGEBRACHT', '2026-05-20', { advies: 'gegrond' }]]);
    expect(vierOgen.state).toBe('gemeente.vierOgenToets');
    const oordeel = volg(metCommissie, vierOgen, [['VIER_OGEN_AKKOORD', '2026-05-22']]);
    // Awb 9:16: departing from the advice needs the reason, and the advice goes along.
    expect(
      metCommissie.step(oordeel.snapshot, { type: 'AFDOENEN', at: op('2026-05-25'), data: { oordeel: 'ongegrond' } }).reason,
    ).toContain('Awb 9:16');
    const af = volg(metCommissie, oordeel, [['AFDOENEN', '2026-05-25', { oordeel: 'ongegrond', redenAfwijking: 'nieuwe feiten' }]]);
    expect(af.intents.find((i) => i.type === 'AFDOENINGSBRIEF')).toMatchObject({
      grondslag: 'Awb 9:12, 9:16',
      data: expect.objectContaining({ advies: 'gegrond', adviesBijgevoegd: true }),
    });
  });

  test('Awb 9:11 lid 2: verdaging moves the termijn by at most four weeks', () => {
    const s0 = volg(sv, sv.start(intake()), [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06'],
    ]);
    const vijf = sv.step(s0.snapshot, { type: 'VERDAGEN', at: op('2026-05-01'), data: { termijn: 'afhandeling', duur: 'P5W' } });
    expect(vijf.accepted).toBe(false);
    expect(vijf.reason).toContain('Awb 9:11 lid 2');

    const vier = volg(sv, s0, [['VERDAGEN', '2026-05-01', { termijn: 'afhandeling', duur: 'P4W', reden: 'wederhoor' }]]);
    expect(vier.state).toBe('gemeente.inBehandeling');
    expect(termijn(vier, 'afhandeling')?.vervaldatum).toBe('2026-06-11');
    expect(termijn(vier, 'afhandeling')?.mutaties).toEqual([
      expect.objectContaining({ soort: 'verdaging', duur: 'P4W', vervaldatumNa: '2026-06-11' }),
    ]);
    // Written notice to klager and beklaagde.
    expect(vier.intents.map((i) => [i.type, i.naar, i.grondslag])).toEqual([
      ['KENNISGEVING_VERDAGING', 'klager', 'Awb 9:11 lid 2'],
      ['KENNISGEVING_VERDAGING', 'beklaagde', 'Awb 9:11 lid 2'],
    ]);
    const nogEen = sv.step(vier.snapshot, { type: 'VERDAGEN', at: op('2026-05-05'), data: { termijn: 'afhandeling', duur: 'P1W' } });
    expect(nogEen.accepted).toBe(false);
    expect(nogEen.reason).toContain('Awb 9:11 lid 3');
    // Awb 9:11 lid 3: further delay only with the klager's written consent.
    const instemming = volg(sv, vier, [['UITSTEL_MET_INSTEMMING', '2026-06-01', { termijn: 'afhandeling', tot: '2026-07-01' }]]);
    expect(termijn(instemming, 'afhandeling')?.vervaldatum).toBe('2026-07-01');
  });

  test('Awb 9:11 and 9:24 lid 1 sub b: an overschreden afhandeltermijn escalates and opens the second line, the klacht stays open', () => {
    const s0 = volg(sv, sv.start(intake()), [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06'],
    ]);
    const stale = sv.step(s0.snapshot, { type: 'TERMIJN_VERLOPEN', at: op('2026-05-18'), data: { termijn: 'afhandeling' } });
    expect(stale.accepted).toBe(false);
    expect(stale.reason).toContain('nog niet verstreken');
    expect(sv.step(s0.snapshot, { type: 'VERZOEK_OMBUDSMAN', at: op('2026-05-10') }).accepted).toBe(false);

    const verlopen = volg(sv, s0, [['TERMIJN_VERLOPEN', '2026-05-19', { termijn: 'afhandeling' }]]);
    expect(verlopen.state).toBe('gemeente.inBehandeling');
    expect(verlopen.done).toBe(false);
    expect(verlopen.intents).toContainEqual(expect.objectContaining({ type: 'ESCALATIE', naar: 'leidinggevende' }));
    expect(verlopen.intents).toContainEqual(
      expect.objectContaining({ type: 'KLAGER_INFORMEREN_TWEEDE_LIJN', grondslag: 'Awb 9:11 lid 1, 9:24 lid 1 sub b' }),
    );
    expect(termijn(verlopen, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-05-18');
    expect(verlopen.volgendeEvents).toContain('VERZOEK_OMBUDSMAN');
    expect(volg(sv, verlopen, [['VERZOEK_OMBUDSMAN', '2026-06-01']]).state).toBe('bijOmbudsman.onderzoek');
    // A second wake-up for the same termijn is stale and does nothing.
    expect(sv.step(verlopen.snapshot, { type: 'TERMIJN_VERLOPEN', at: op('2026-05-20'), data: { termijn: 'afhandeling' } }).accepted).toBe(
      false,
    );
  });

  /** Stichtse Vecht with an ombudscommissie until 31 December 2026 and the Nationale ombudsman from 1 January 2027. */
  const wisselRegime = () =>
    maakRegime(
      kloon(sv.definitie, (d) => {
        d.tweedeLijn = [
          {
            soort: 'ombudscommissie',
            naam: 'Ombudscommissie Stichtse Vecht',
            geldigVanaf: '2015-01-01',
            geldigTot: '2026-12-31',
            bevoegdOverAanbieders: false,
          },
          { soort: 'nationaleOmbudsman', naam: 'Nationale ombudsman', geldigVanaf: '2027-01-01', bevoegdOverAanbieders: false },
        ];
      }),
      'gm1904-wissel',
    );

  test('Awb 9:12 lid 2: the afdoening names the second-line body valid on that date', () => {
    const wissel = wisselRegime();
    const oordeel = volg(wissel, wissel.start(intake({ ontvangenOp: '2026-11-20T10:00:00+01:00' })), [
      ['FORMELE_BEHANDELING', '2026-11-23'],
      ['IN_BEHANDELING_NEMEN', '2026-11-24'],
      ['HOREN_OVERSLAAN', '2026-11-25', { reden: 'afgezien' }],
    ]);
    const brief = (dag: string) =>
      volg(wissel, oordeel, [['AFDOENEN', dag, { oordeel: 'gegrond' }]]).intents.find((i) => i.type === 'AFDOENINGSBRIEF');
    expect(brief('2026-12-31')?.data).toMatchObject({ tweedeLijn: 'Ombudscommissie Stichtse Vecht', tweedeLijnSoort: 'ombudscommissie' });
    expect(brief('2027-01-04')?.data).toMatchObject({ tweedeLijn: 'Nationale ombudsman', tweedeLijnSoort: 'nationaleOmbudsman' });
    expect(String(brief('2027-01-04')?.data?.tweedeLijnTermijn)).toContain('Awb 9:24');
  });

  test('Awb 9:12 lid 2 with 9:24 lid 1 sub b: the notice that the afhandeltermijn passed names the second line competent on its own date', () => {
    const wissel = wisselRegime();
    const inBehandeling = volg(wissel, wissel.start(intake({ ontvangenOp: '2026-11-19T10:00:00+01:00' })), [
      ['FORMELE_BEHANDELING', '2026-11-20'],
      ['IN_BEHANDELING_NEMEN', '2026-11-23'],
    ]);
    expect(termijn(inBehandeling, 'afhandeling')?.vervaldatum).toBe('2026-12-31');
    const verlopen = volg(wissel, inBehandeling, [['TERMIJN_VERLOPEN', '2027-01-01', { termijn: 'afhandeling' }]]);
    const bericht = verlopen.intents.find((i) => i.type === 'KLAGER_INFORMEREN_TWEEDE_LIJN');
    // On 1 January 2027 the ombudscommissie is no longer competent: the notice of that day sends the klager on.
    expect(bericht?.data).toMatchObject({ tweedeLijn: 'Nationale ombudsman', tweedeLijnSoort: 'nationaleOmbudsman' });
    // The year runs from the statutory end, not from the notice (which may come days later).
    expect(bericht?.data?.tweedeLijnTermijn).toBe(
      'één jaar na donderdag 31 december 2026, de laatste dag van de afhandeltermijn (Awb 9:24 lid 1 sub b)',
    );
    expect(termijn(verlopen, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-12-31');
  });

  test('Awb 9:24 lid 1 sub b: after the ombudsman sent the klacht back, the year runs from the afhandeltermijn that passed last', () => {
    const eerste = volg(sv, sv.start(intake({ ontvangenOp: '2026-01-05T10:00:00+01:00' })), [
      ['FORMELE_BEHANDELING', '2026-01-06'],
      ['IN_BEHANDELING_NEMEN', '2026-01-07'],
      ['TERMIJN_VERLOPEN', '2026-02-17', { termijn: 'afhandeling' }],
      ['VERZOEK_OMBUDSMAN', '2026-03-01'],
      // Awb 9:20: the ombudsman sends it back for internal handling first.
      ['OMBUDSMAN_DOORGEZONDEN', '2027-02-01'],
      ['FORMELE_BEHANDELING', '2027-02-02'],
      ['IN_BEHANDELING_NEMEN', '2027-02-03'],
    ]);
    const tweede = termijn(eerste, 'afhandeling')?.vervaldatum;
    expect(tweede).toBe('2027-03-15');
    const verlopen = volg(sv, eerste, [['TERMIJN_VERLOPEN', '2027-03-16', { termijn: 'afhandeling' }]]);
    expect(termijn(verlopen, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2028-03-15');
    expect(String(verlopen.intents.find((i) => i.type === 'KLAGER_INFORMEREN_TWEEDE_LIJN')?.data?.tweedeLijnTermijn)).toContain(
      '15 maart 2027',
    );
  });

  test('Awb 9:24 lid 1 sub b: a request to the ombudsman after the year has passed is registered as late', () => {
    const verlopen = volg(sv, sv.start(intake()), [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06'],
      ['TERMIJN_VERLOPEN', '2026-05-19', { termijn: 'afhandeling' }],
    ]);
    expect(termijn(verlopen, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-05-18');
    const registratie = (s: StepResult) => s.intents.find((i) => i.type === 'VERZOEK_TWEEDE_LIJN_REGISTREREN')?.data;
    expect(registratie(volg(sv, verlopen, [['VERZOEK_OMBUDSMAN', '2027-05-18']]))).toMatchObject({ binnenTermijn: true });
    // The gemeente never decided; the klager's year passed, and the klacht stays with the gemeente.
    const jaarVoorbij = volg(sv, verlopen, [['TERMIJN_VERLOPEN', '2027-05-19', { termijn: 'tweedeLijnVerzoek' }]]);
    expect(jaarVoorbij.done).toBe(false);
    expect(registratie(volg(sv, jaarVoorbij, [['VERZOEK_OMBUDSMAN', '2027-06-01']]))).toMatchObject({ binnenTermijn: false });
  });

  describe('Awb 9:11 lid 1 and 2: an act done on the last day but registered after the wake-up at midnight', () => {
    const inBehandeling = () =>
      volg(sv, sv.start(intake()), [
        ['FORMELE_BEHANDELING', '2026-04-03'],
        ['IN_BEHANDELING_NEMEN', '2026-04-06'],
        ['HOREN_OVERSLAAN', '2026-04-07', { reden: 'afgezien' }],
      ]);
    const stap = (s: StepResult, type: string, at: string, data?: Record<string, unknown>) =>
      sv.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
    const wekker = (s: StepResult) => {
      expect(termijn(s, 'afhandeling')?.vervaldatum).toBe('2026-05-18');
      const w = stap(s, 'TERMIJN_VERLOPEN', '2026-05-19T00:00:00+02:00', { termijn: 'afhandeling' });
      expect(w.accepted).toBe(true);
      expect(termijn(w, 'afhandeling')).toBeUndefined();
      return w;
    };

    test('the afdoening sent on the last day is accepted in its place, and the afhandeltermijn did not pass', () => {
      const na = stap(wekker(inBehandeling()), 'AFDOENEN', '2026-05-18T16:00:00+02:00', { oordeel: 'gegrond' });
      expect(na.accepted).toBe(true);
      expect(na.herroepen).toEqual(['afhandeling']);
      expect(na.intents.map((i) => i.type)).toContain('AFDOENINGSBRIEF');
      // The wake-up's own notice and escalation went out at midnight; the act does not send them again.
      expect(na.intents.map((i) => i.type)).not.toContain('KLAGER_INFORMEREN_TWEEDE_LIJN');
      // The year for the ombudsman runs from the afdoening (Awb 9:24 lid 1 sub a).
      expect(termijn(na, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-05-18');
    });

    test('a verdaging sent on the last day moves the termijn by four weeks, as if the wake-up had not come', () => {
      const na = stap(wekker(inBehandeling()), 'VERDAGEN', '2026-05-18T16:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
      expect(na.accepted).toBe(true);
      expect(na.herroepen).toEqual(['afhandeling']);
      // Four weeks on the raw last day, Hemelvaartsdag 14 May (docs/juridisch-kader.md: verdaging before the Atw).
      expect(termijn(na, 'afhandeling')?.vervaldatum).toBe('2026-06-11');
      expect(na.volgendeEvents).not.toContain('VERZOEK_OMBUDSMAN');
    });

    test('an act that does not meet the termijn leaves the wake-up standing, and a later act of the same day still comes in its place', () => {
      const eerste = stap(wekker(inBehandeling()), 'BESTUURLIJKE_IMPACT_MELDEN', '2026-05-18T15:00:00+02:00', {
        reden: 'wethouder betrokken',
      });
      expect(eerste.reason).toBeUndefined();
      expect(eerste.herroepen).toBeUndefined();
      expect(termijn(eerste, 'afhandeling')).toBeUndefined();
      expect(eerste.volgendeEvents).toContain('VERZOEK_OMBUDSMAN');
      const af = stap(eerste, 'AFDOENEN', '2026-05-18T17:00:00+02:00', { oordeel: 'ongegrond' });
      expect(af.accepted).toBe(true);
      expect(af.herroepen).toEqual(['afhandeling']);
    });

    test("Awb 9:24 lid 1: a request to the ombudsman on the last day of the klager's year, registered after the wake-up closed the klacht, is accepted", () => {
      const af = volg(sv, inBehandeling(), [['AFDOENEN', '2026-05-12', { oordeel: 'ongegrond' }]]);
      expect(termijn(af, 'tweedeLijnVerzoek')?.vervaldatum).toBe('2027-05-12');
      const dicht = stap(af, 'TERMIJN_VERLOPEN', '2027-05-13T00:00:00+02:00', { termijn: 'tweedeLijnVerzoek' });
      expect(dicht.done).toBe(true);
      const verzoek = stap(dicht, 'VERZOEK_OMBUDSMAN', '2027-05-12T15:00:00+02:00');
      expect(verzoek.accepted).toBe(true);
      expect(verzoek.done).toBe(false);
      expect(verzoek.state).toBe('bijOmbudsman.onderzoek');
      expect(verzoek.herroepen).toEqual(['tweedeLijnVerzoek']);
      expect(verzoek.intents.find((i) => i.type === 'VERZOEK_TWEEDE_LIJN_REGISTREREN')?.data).toMatchObject({ binnenTermijn: true });
      // Its data is checked as for any act: a registration outside the gemeente's lists is refused.
      expect(
        sv.controles.controleerGebeurtenis(dicht.snapshot, {
          type: 'VERZOEK_OMBUDSMAN',
          at: '2027-05-12T15:00:00+02:00',
          data: { registratie: { aard: 'bestaat-niet' } },
        }),
      ).toEqual([expect.objectContaining({ name: expect.stringContaining('registratie') })]);
      // The next day it is too late: the klacht stays closed.
      expect(stap(dicht, 'VERZOEK_OMBUDSMAN', '2027-05-13T09:00:00+02:00').reason).toContain('de klacht is afgesloten');
    });

    test('an act after the last day, or before the last act, is not put before the wake-up', () => {
      const w = wekker(inBehandeling());
      const teLaat = stap(w, 'VERDAGEN', '2026-05-19T09:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
      expect(teLaat.accepted).toBe(false);
      expect(teLaat.reason).toContain("termijn 'afhandeling' loopt niet");
      const voorDeLaatsteDaad = stap(w, 'AFDOENEN', '2026-04-06T16:00:00+02:00', { oordeel: 'gegrond' });
      expect(voorDeLaatsteDaad.accepted).toBe(false);
      expect(voorDeLaatsteDaad.reason).toContain('ligt vóór de vorige gebeurtenis');
      // After the wake-up, an act in order of time clears what was kept for this.
      const af = stap(w, 'AFDOENEN', '2026-05-19T09:00:00+02:00', { oordeel: 'gegrond' });
      expect(af.accepted).toBe(true);
      expect(af.herroepen).toBeUndefined();
      expect(JSON.stringify(af.snapshot)).not.toContain('voorWekkers');
    });
  });

  test('Awb 9:24: one year to go to the ombudsman, Atw not applied', () => {
    const oordeel = volg(sv, sv.start(intake({ ontvangenOp: '2026-05-01T10:00:00+02:00' })), [
      ['FORMELE_BEHANDELING', '2026-05-04'],
      ['IN_BEHANDELING_NEMEN', '2026-05-05'],
      ['HOREN_OVERSLAAN', '2026-05-06', { reden: 'nietGereageerd' }],
    ]);
    // 12 June 2027 is a Saturday: the Atw would move it, but not a term in years (Atw art. 4).
    const af = volg(sv, oordeel, [['AFDOENEN', '2026-06-12', { oordeel: 'ongegrond' }]]);
    const t = termijn(af, 'tweedeLijnVerzoek');
    expect(t?.vervaldatum).toBe('2027-06-12');
    expect(t?.grondslag).toBe('Awb 9:24 lid 1');
    expect(t?.uitleg.join('\n')).toMatch(
      /termijnenwet is voor deze termijn niet van toepassing|Algemene termijnenwet is niet van toepassing/,
    );
    expect(sv.step(af.snapshot, { type: 'TERMIJN_VERLOPEN', at: op('2027-06-12'), data: { termijn: 'tweedeLijnVerzoek' } }).accepted).toBe(
      false,
    );
    const einde = volg(sv, af, [['TERMIJN_VERLOPEN', '2027-06-13', { termijn: 'tweedeLijnVerzoek' }]]);
    expect(einde.state).toBe('afgesloten');
    expect(einde.done).toBe(true);
  });

  test('Wkkgz 17: six weeks plus four with notice before expiry', () => {
    const zorg = sv.start(intake({ aanbieders: [{ id: 'z1', naam: 'Zorg BV', type: 'zorg' }], feiten: { aantalAanbieders: 1 } }));
    expect(zorg.state).toBe('wkkgz.bijKlachtenfunctionaris');
    expect(termijn(zorg, 'wkkgzAfhandeling')).toMatchObject({ vervaldatum: '2026-05-18', grondslag: 'Wkkgz 17 lid 1' });
    expect(termijn(zorg, 'afhandeling')).toBeUndefined();

    const tijdig = volg(sv, zorg, [['VERDAGEN', '2026-05-18', { termijn: 'wkkgzAfhandeling', duur: 'P4W' }]]);
    expect(termijn(tijdig, 'wkkgzAfhandeling')?.vervaldatum).toBe('2026-06-11');
    expect(tijdig.intents).toEqual([
      expect.objectContaining({ type: 'KENNISGEVING_VERDAGING', naar: 'klager', grondslag: 'Wkkgz 17 lid 2' }),
    ]);

    const teLaat = sv.step(zorg.snapshot, { type: 'VERDAGEN', at: op('2026-05-19'), data: { termijn: 'wkkgzAfhandeling', duur: 'P4W' } });
    expect(teLaat.accepted).toBe(false);
    expect(teLaat.reason).toContain('Wkkgz 17 lid 2');
    expect(
      sv.step(zorg.snapshot, { type: 'VERDAGEN', at: op('2026-05-01'), data: { termijn: 'wkkgzAfhandeling', duur: 'P5W' } }).accepted,
    ).toBe(false);

    // Wkkgz 21/22: after the written outcome, the geschilleninstantie within six months (no Atw).
    const geschil = volg(sv, tijdig, [
      ['AFDOENEN', '2026-06-01', { oordeel: 'ongegrond' }],
      ['GESCHIL_VOORGELEGD', '2026-06-15'],
    ]);
    expect(geschil.state).toBe('wkkgz.bijGeschilleninstantie');
    expect(termijn(geschil, 'wkkgzGeschil')).toMatchObject({ vervaldatum: '2026-12-15', grondslag: 'Wkkgz 22 lid 1' });
  });

  test('Jeugdwet 4.2.1: klachtencommissie instead of Awb 9.1', () => {
    const jw = sv.start(intake({ aanbieders: [{ id: 'j1', naam: 'Jeugdhulp BV', type: 'jeugdhulp' }], feiten: { aantalAanbieders: 1 } }));
    expect(jw.state).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
    expect(jw.intents).toContainEqual(
      expect.objectContaining({ type: 'DOORZENDEN', naar: 'klachtencommissie', grondslag: 'Awb 2:3 lid 1' }),
    );
    // Awb titel 9.1 does not apply (lid 6): no 9:11 termijn, no 9:6 bevestiging.
    expect(termijn(jw, 'afhandeling')).toBeUndefined();
    expect(jw.intents.map((i) => i.type)).not.toContain('ONTVANGSTBEVESTIGING');
    expect(termijn(jw, 'jeugdwetOordeel')?.grondslag).toBe('Jeugdwet 4.2.1 lid 2 sub c');

    // Lid 2 sub d: a new term only with reasons.
    expect(
      sv.step(jw.snapshot, { type: 'NIEUWE_TERMIJN', at: op('2026-05-01'), data: { termijn: 'jeugdwetOordeel', tot: '2026-06-30' } })
        .accepted,
    ).toBe(false);
    const nieuw = volg(sv, jw, [
      ['NIEUWE_TERMIJN', '2026-05-01', { termijn: 'jeugdwetOordeel', tot: '2026-06-30', reden: 'extra hoorzitting' }],
    ]);
    expect(termijn(nieuw, 'jeugdwetOordeel')?.vervaldatum).toBe('2026-06-30');
    expect(nieuw.intents.map((i) => i.naar)).toEqual(['klager', 'beklaagde', 'aanbieder']);

    const oordeel = volg(sv, nieuw, [['OORDEEL_KLACHTENCOMMISSIE', '2026-06-15', { oordeel: 'gegrond', aanbevelingen: 'scholing' }]]);
    expect(oordeel.state).toBe('jeugdwetKlachtencommissie.reactieAanbieder');
    expect(oordeel.intents.filter((i) => i.type === 'OORDEEL_KLACHTENCOMMISSIE').map((i) => i.naar)).toEqual([
      'klager',
      'beklaagde',
      'aanbieder',
    ]);
    // Lid 5: the aanbieder answers within one month, to the klager and the commissie.
    expect(termijn(oordeel, 'jeugdwetReactie')).toMatchObject({ vervaldatum: '2026-07-15', grondslag: 'Jeugdwet 4.2.1 lid 5' });
    // The month runs from the aanbieder's receipt of the oordeel: received Thursday 18 June, due 18 July, a Saturday
    // (Atw art. 1: Monday 20 July). A receipt before the oordeel is impossible: the month runs from the oordeel then.
    const ontvangen = (dag: string) =>
      termijn(
        volg(sv, nieuw, [['OORDEEL_KLACHTENCOMMISSIE', '2026-06-15', { oordeel: 'gegrond', ontvangenDoorAanbieder: dag }]]),
        'jeugdwetReactie',
      )?.vervaldatum;
    expect(ontvangen('2026-06-18')).toBe('2026-07-20');
    expect(ontvangen('2026-06-01')).toBe('2026-07-15');
    const controle = (dag: string, vandaag?: string) =>
      sv.controles.controleerGebeurtenis(
        nieuw.snapshot,
        { type: 'OORDEEL_KLACHTENCOMMISSIE', at: op('2026-06-15'), data: { oordeel: 'gegrond', ontvangenDoorAanbieder: dag } },
        { vandaag },
      );
    expect(controle('18-06-2026')).toEqual([expect.objectContaining({ name: 'data.ontvangenDoorAanbieder' })]);
    // The receipt is a day that happened: the service refuses it (422) before the oordeel and after the day it is
    // registered. A typing error (2062) would otherwise put the aanbieder's month decades ahead, never late.
    expect(controle('2026-06-14', '2026-06-20')).toEqual([
      expect.objectContaining({ name: 'data.ontvangenDoorAanbieder', reason: expect.stringContaining('vóór de dag van de gebeurtenis') }),
    ]);
    expect(controle('2062-06-18', '2026-06-20')).toEqual([
      expect.objectContaining({ name: 'data.ontvangenDoorAanbieder', reason: expect.stringContaining('ligt na vandaag (2026-06-20)') }),
    ]);
    expect(controle('2026-06-21', '2026-06-20')).toHaveLength(1);
    for (const dag of ['2026-06-15', '2026-06-18', '2026-06-20']) expect(controle(dag, '2026-06-20')).toEqual([]);
    const reactie = volg(sv, oordeel, [['REACTIE_AANBIEDER', '2026-07-10', { maatregelen: 'scholing team' }]]);
    // The internal handling is complete: the klager may go on to the Kinderombudsman (Wet Nationale ombudsman art. 11d).
    expect(reactie.state).toBe('jeugdwetKlachtencommissie.reactieGegeven');
    expect(reactie.intents.map((i) => i.naar)).toEqual(['klager', 'klachtencommissie']);
  });

  test('Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht §11-VI: signaal with bestuurlijke impact goes to the college onverwijld', () => {
    const met = sv.start(intake({ soort: 'signaal', feiten: { bestuurlijkeImpact: true } }));
    expect(met.state).toBe('signaal');
    expect(met.intents).toContainEqual(
      expect.objectContaining({ type: 'COLLEGE_INFORMEREN', naar: 'college', data: expect.objectContaining({ termijn: 'onverwijld' }) }),
    );
    expect(met.intents).toContainEqual(expect.objectContaining({ type: 'SIGNAAL_TOEWIJZEN', naar: 'beleidsafdeling' }));
    const zonder = sv.start(intake({ soort: 'signaal', feiten: { bestuurlijkeImpact: false } }));
    expect(zonder.intents.map((i) => i.type)).not.toContain('COLLEGE_INFORMEREN');
    // Wmo 2015 art. 3.4: a calamiteit goes to the toezichthouder onverwijld.
    const calamiteit = sv.start(intake({ soort: 'melding', feiten: { calamiteit: true } }));
    expect(calamiteit.intents).toContainEqual(
      expect.objectContaining({
        type: 'MELDING_TOEZICHTHOUDER',
        naar: 'toezichthouder',
        grondslag: 'Wmo 2015 art. 3.4, Jeugdwet 4.1.8, Wkkgz 11',
      }),
    );
  });

  test('Uitgangspunten klachtenmanagement Sociaal Domein §5A: the klager unhappy with the aanbieder goes to the gemeente on the process', () => {
    const bij = sv.start(intake({ ingediendBij: 'aanbieder', aanbieders: [{ id: 'w1', type: 'wmo' }], feiten: { aantalAanbieders: 1 } }));
    expect(bij.state).toBe('bijAanbieder.inBehandeling');
    const af = volg(sv, bij, [['AFDOENEN', '2026-04-20', { oordeel: 'ongegrond' }]]);
    expect(af.intents).toContainEqual(expect.objectContaining({ type: 'TERUGKOPPELING_AAN_GEMEENTE', data: { over: 'afdoening' } }));
    // The Nationale ombudsman does not judge the aanbieder (Uitgangspunten klachtenmanagement Sociaal Domein §5A).
    expect(sv.step(af.snapshot, { type: 'KLAGER_ONTEVREDEN', at: op('2026-04-21') }).accepted).toBe(false);
    const gemeente = volg(sv, af, [['KLACHT_BIJ_GEMEENTE', '2026-04-21']]);
    expect(gemeente.state).toBe('gemeente.informeleFase');
    expect(termijn(gemeente, 'afhandeling')?.vervaldatum).toBe('2026-06-02');
  });
});

describe('Amsterdam', () => {
  const ams = regime('gm0363-amsterdam');
  const wmo = [{ id: 'w1', naam: 'Thuiszorg Noord', type: 'wmo' as const }];

  test.each([
    [
      'één ketenpartner, niet complex, niet eerder bij de ketenpartner',
      wmo,
      { complex: false, eerderBijAanbieder: false },
      'doorgestuurdNaarAanbieder',
    ],
    [
      'eerder bij de ketenpartner, maar over bejegening',
      wmo,
      { complex: false, eerderBijAanbieder: true, overBejegening: true },
      'doorgestuurdNaarAanbieder',
    ],
    [
      'eerder bij de ketenpartner, niet over bejegening',
      wmo,
      { complex: false, eerderBijAanbieder: true, overBejegening: false },
      'gemeente.informeleFase',
    ],
    ['complex', wmo, { complex: true, eerderBijAanbieder: false }, 'gemeente.informeleFase'],
    [
      'meerdere ketenpartners',
      [...wmo, { id: 'w2', type: 'wmo' as const }],
      { complex: false, eerderBijAanbieder: false },
      'gemeente.informeleFase',
    ],
    ['gericht aan de wethouder', wmo, { complex: false, eerderBijAanbieder: false, gerichtAan: 'wethouder' }, 'gemeente.informeleFase'],
    [
      'klager wil direct bij de gemeente klagen',
      wmo,
      { complex: false, eerderBijAanbieder: false, wilDirectBijGemeente: true },
      'gemeente.informeleFase',
    ],
  ])('Klachtenprotocol Wmo keten Amsterdam §5A: forwarding criteria — %s', (_naam, aanbieders, feiten, verwacht) => {
    const s = ams.start(intake({ gemeente: 'GM0363', aanbieders, feiten }));
    expect(s.accepted).toBe(true);
    expect(s.state).toBe(verwacht);
    if (verwacht === 'doorgestuurdNaarAanbieder') {
      expect(s.intents).toContainEqual(
        expect.objectContaining({ type: 'KENNISGEVING_DOORZENDING', naar: 'klager', grondslag: 'Awb 2:3 lid 1' }),
      );
      // Klachtenprotocol Wmo keten Amsterdam §6: contact within 5 werkdagen (contractual, no Atw): 2 april 2026 + 5 werkdagen, Goede Vrijdag and Tweede Paasdag skipped.
      expect(s.termijnen.find((t) => t.naam === 'contact')?.vervaldatum).toBe('2026-04-13');
    }
  });
});

describe('registry', () => {
  test("Weesp: from 24 March 2022 Amsterdam's regime applies", () => {
    expect(registry.forGemeente('GM0457', '2022-03-23')?.summary.id).toBe('gm0457-weesp');
    expect(registry.forGemeente('GM0457', '2022-03-24')?.summary.id).toBe('gm0363-amsterdam');
    expect(registry.forGemeente('gm0457', '2026-01-01')?.summary.id).toBe('gm0363-amsterdam');
    expect(registry.forGemeente('GM0363', '2026-01-01')?.summary.id).toBe('gm0363-amsterdam');
    expect(registry.forGemeente('GM0363', '2014-12-31')).toBeUndefined();
    expect(registry.byId('gm1904-stichtse-vecht', '2015-01')?.summary.gemeente.naam).toBe('Stichtse Vecht');
    expect(registry.errors).toEqual([]);
  });

  test('Wet arhi: from 24 March 2022 every letter of a running Weesp klacht is sent on behalf of Amsterdam', () => {
    const weesp = regime('gm0457-weesp');
    const inBehandeling = volg(
      weesp,
      weesp.start(
        intake({ gemeente: 'GM0457', ontvangenOp: '2022-03-01T10:00:00+01:00', feiten: { betreftGemeentelijkeFunctionaris: true } }),
      ),
      [
        ['FORMELE_BEHANDELING', '2022-03-02'],
        ['IN_BEHANDELING_NEMEN', '2022-03-03'],
      ],
    );
    const verdaging = (dag: string) =>
      volg(weesp, inBehandeling, [['VERDAGEN', dag, { termijn: 'afhandeling', duur: 'P2W' }]]).intents.filter(
        (i) => i.type === 'KENNISGEVING_VERDAGING',
      );
    expect(verdaging('2022-03-23').map((i) => i.data?.verantwoordelijkeGemeente)).toEqual([undefined, undefined]);
    expect(verdaging('2022-04-05').map((i) => i.data?.verantwoordelijkeGemeente)).toEqual(['Amsterdam', 'Amsterdam']);
    // Also the wake-up's own intents, and the first act after a wake-up.
    const beoordelen = volg(
      weesp,
      weesp.start(
        intake({ gemeente: 'GM0457', ontvangenOp: '2022-03-01T10:00:00+01:00', feiten: { betreftGemeentelijkeFunctionaris: true } }),
      ),
      [['FORMELE_BEHANDELING', '2022-03-02']],
    );
    expect(termijn(beoordelen, 'nietBehandelenKennisgeving')?.vervaldatum).toBe('2022-03-29');
    const gewekt = volg(weesp, beoordelen, [['TERMIJN_VERLOPEN', '2022-03-30', { termijn: 'nietBehandelenKennisgeving' }]]);
    expect(gewekt.intents.map((i) => [i.type, i.data?.verantwoordelijkeGemeente])).toContainEqual(['TERMIJN_OVERSCHREDEN', 'Amsterdam']);
    const daarna = volg(weesp, gewekt, [['VERDAGEN', '2022-03-31', { termijn: 'afhandeling', duur: 'P2W' }]]);
    expect(daarna.intents.map((i) => i.data?.verantwoordelijkeGemeente)).toEqual(['Amsterdam', 'Amsterdam']);
  });
});

describe('Wet arhi: the second line that judges aanbieders after a herindeling', () => {
  test('Klachtenprotocol Wmo keten Amsterdam §4, §12: from 24 March 2022 a Weesp klager dissatisfied with the aanbieder can go to the Ombudsman Metropool Amsterdam', () => {
    const weesp = regime('gm0457-weesp');
    const afgedaan = volg(
      weesp,
      weesp.start(
        intake({
          gemeente: 'GM0457',
          ontvangenOp: '2022-03-01T10:00:00+01:00',
          ingediendBij: 'aanbieder',
          aanbieders: [{ id: 'a1', type: 'wmo' }],
          feiten: { aantalAanbieders: 1 },
        }),
      ),
      [['AFDOENEN', '2022-03-10', { oordeel: 'gegrond' }]],
    );
    expect(afgedaan.state).toBe('bijAanbieder.afgedaan');
    // The Nationale ombudsman does not judge aanbieders (Uitgangspunten klachtenmanagement Sociaal Domein §5A).
    const ervoor = weesp.step(afgedaan.snapshot, { type: 'KLAGER_ONTEVREDEN', at: op('2022-03-20') });
    expect(ervoor.accepted).toBe(false);
    expect(ervoor.reason).toContain('Nationale ombudsman oordeelt niet over de aanbieder');
    const erna = volg(weesp, afgedaan, [['KLAGER_ONTEVREDEN', '2022-04-05']]);
    expect(erna.state).toBe('tweedeLijnVenster');
  });

  test('Wet arhi art. 40: a Weesp klacht’s state names the second line of its own day, not only the one of Weesp’s regeling', () => {
    const weesp = regime('gm0457-weesp');
    // The regeling's own description (diagrams, the list of states) names the body it lists.
    expect(weesp.beschrijfState('tweedeLijnVenster')).toContain('(Nationale ombudsman)');
    // Where the klager can go today: until the herindeling the Nationale ombudsman, from 24 March 2022 Amsterdam's.
    const venster = (vandaag: string) => weesp.beschrijfKlacht('tweedeLijnVenster', { vandaag, sinds: '2022-03-10' });
    expect(venster('2022-03-23')).toBe('Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Nationale ombudsman)');
    expect(venster('2022-03-24')).toBe('Afgedaan; de klager kan binnen een jaar naar de tweede lijn (Ombudsman Metropool Amsterdam)');
    // The investigation: by the body the verzoek went to, competent on the day it began, whatever today is.
    const onderzoek = (sinds: string) => weesp.beschrijfKlacht('bijOmbudsman.onderzoek', { vandaag: '2026-12-03', sinds });
    expect(onderzoek('2022-03-20')).toBe('Onderzoek door de tweede lijn (Nationale ombudsman)');
    expect(onderzoek('2022-04-05')).toBe('Onderzoek door de tweede lijn (Ombudsman Metropool Amsterdam)');
    // A state that names no second line keeps its description.
    expect(weesp.beschrijfKlacht('afgesloten', { vandaag: '2026-12-03', sinds: '2022-04-05' })).toBe(weesp.beschrijfState('afgesloten'));
  });

  test('a gemeente whose second line never judges aanbieders does not offer that route', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const s = sv.start(intake({ ingediendBij: 'aanbieder', aanbieders: [{ id: 'a1', type: 'wmo' }], feiten: { aantalAanbieders: 1 } }));
    const af = volg(sv, s, [['AFDOENEN', '2026-04-10', { oordeel: 'gegrond' }]]);
    expect(af.state).toBe('bijAanbieder.afgedaan');
    expect(af.volgendeEvents).not.toContain('KLAGER_ONTEVREDEN');
  });
});

describe('pure API', () => {
  const sv = regime('gm1904-stichtse-vecht');

  test('an event the state does not accept is refused and changes nothing', () => {
    const s0 = sv.start(intake());
    const snapshot = JSON.parse(JSON.stringify(s0.snapshot));
    const r = sv.step(snapshot, { type: 'AFDOENEN', at: op('2026-04-05'), data: { oordeel: 'gegrond' } });
    expect(r.accepted).toBe(false);
    expect(r.reason).toMatch(/past niet bij de huidige stap 'Informele klachtbehandeling/);
    expect(r.snapshot).toEqual(s0.snapshot);
    expect(r.state).toBe(s0.state);
    expect(r.intents).toEqual([]);
    expect(r.termijnen).toEqual(s0.termijnen);
    expect(snapshot).toEqual(JSON.parse(JSON.stringify(s0.snapshot)));
    // Unknown events, bad times and events out of time order are refused the same way.
    expect(sv.step(snapshot, { type: 'ONBEKEND', at: op('2026-04-05') }).accepted).toBe(false);
    expect(sv.step(snapshot, { type: 'KLAGER_TEVREDEN', at: 'gisteren' }).reason).toContain('ISO 8601');
    expect(sv.step(snapshot, { type: 'KLAGER_TEVREDEN', at: '2026-04-01T10:00:00+02:00' }).reason).toContain('vóór de vorige gebeurtenis');
    expect(s0.volgendeEvents).toEqual(expect.arrayContaining(['FORMELE_BEHANDELING', 'KLAGER_TEVREDEN', 'VERDAGEN', 'TERMIJN_VERLOPEN']));
    expect(s0.volgendeEvents).not.toContain('AFDOENEN');
  });

  test('a klacht of a soort the definition has no protocol for is refused at intake', () => {
    const r = sv.start(intake({ soort: 'stoppenMetLeveren' }));
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain('stoppen met leveren');
  });

  test('Klachtenprotocol Wmo keten Amsterdam §8: stoppen met leveren is decided by the gemeente within its beslistermijn', () => {
    const ams = regime('gm0363-amsterdam');
    const s = ams.start(
      intake({ gemeente: 'GM0363', soort: 'stoppenMetLeveren', ingediendBij: 'aanbieder', aanbieders: [{ id: 'w1', type: 'wmo' }] }),
    );
    expect(s.state).toBe('stoppenMetLeveren');
    expect(termijn(s, 'stoppenBesluit')?.vervaldatum).toBe('2026-04-16');
    expect(s.intents).toContainEqual(expect.objectContaining({ type: 'VERZOEK_BEOORDELEN', naar: 'contractmanager' }));
    expect(volg(ams, s, [['BESLUIT_STOPPEN_MET_LEVEREN', '2026-04-10', { besluit: 'afgewezen' }]]).state).toBe('afgesloten');
  });
});

describe('Awb 9:8 and 9:20 details', () => {
  const sv = regime('gm1904-stichtse-vecht');

  test('Awb 9:8 lid 3: after the four-week notice termijn has expired, niet-behandelen is refused', () => {
    const beoordelen = volg(sv, sv.start(intake()), [['FORMELE_BEHANDELING', '2026-04-03']]);
    const verlopen = volg(sv, beoordelen, [['TERMIJN_VERLOPEN', '2026-05-01', { termijn: 'nietBehandelenKennisgeving' }]]);
    expect(verlopen.state).toBe('gemeente.beoordelen');
    const r = sv.step(verlopen.snapshot, { type: 'NIET_BEHANDELEN', at: op('2026-05-02'), data: { grond: 'ouderDanEenJaar' } });
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain('donderdag 30 april 2026');
  });

  test('Awb 9:20: a klacht the ombudsman sends on is handled by the gemeente first', () => {
    const s = sv.start(intake({ ingediendBij: 'ombudsman', feiten: { betreftGemeentelijkeFunctionaris: true } }));
    expect(s.state).toBe('gemeente.informeleFase');
    expect(s.intents).toContainEqual(
      expect.objectContaining({ type: 'ONTVANGST_DOORGEZONDEN_KLACHT', naar: 'KCC', data: { doorgezondenDoor: 'Nationale ombudsman' } }),
    );
  });
});

describe('registry versions', () => {
  test('a running klacht stays on its version; forGemeente picks the version valid on the date', () => {
    const sv = regime('gm1904-stichtse-vecht');
    const oud = maakRegime(
      kloon(sv.definitie, (d) => (d.geldigTot = '2026-12-31')),
      'gm1904-stichtse-vecht',
    );
    const nieuw = maakRegime(
      kloon(sv.definitie, (d) => ((d.versie = '2027-01'), (d.geldigVanaf = '2027-01-01'))),
      'gm1904-stichtse-vecht',
    );
    const reg = maakRegistry([oud, nieuw]);
    expect(reg.forGemeente('GM1904', '2026-12-31')?.summary.versie).toBe('2015-01');
    expect(reg.forGemeente('GM1904', '2027-01-01T00:30:00+01:00')?.summary.versie).toBe('2027-01');
    expect(reg.byId('gm1904-stichtse-vecht', '2015-01')).toBe(oud);
    expect(reg.byId('gm1904-stichtse-vecht', '2099-01')).toBeUndefined();
  });
});

describe('intrekking door de klager', () => {
  const sv = regime('gm1904-stichtse-vecht');

  function trekIn(s: StepResult, dag: string): StepResult {
    const na = sv.step(JSON.parse(JSON.stringify(s.snapshot)), { type: 'KLACHT_INGETROKKEN', at: op(dag), data: { reden: 'opgelost' } });
    expect(na.accepted).toBe(true);
    expect(na.state).toBe('ingetrokken');
    expect(na.done).toBe(true);
    expect(na.termijnen).toEqual([]);
    expect(na.intents).toContainEqual(expect.objectContaining({ type: 'INTREKKING_BEVESTIGEN', naar: 'klager' }));
    expect(na.intents.map((i) => i.type)).not.toContain('AFDOENINGSBRIEF');
    return na;
  }

  test('Selectielijst 13.2: a klager can withdraw the klacht in any open state; it ends without afdoening and stops every termijn', () => {
    const informeel = sv.start(intake());
    expect(informeel.termijnen.length).toBeGreaterThan(0);
    expect(informeel.volgendeEvents).toContain('KLACHT_INGETROKKEN');
    trekIn(informeel, '2026-04-03');

    const inBehandeling = volg(sv, sv.start(intake()), [
      ['FORMELE_BEHANDELING', '2026-04-03'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06'],
    ]);
    expect(inBehandeling.state).toBe('gemeente.inBehandeling');
    expect(termijn(inBehandeling, 'afhandeling')).toBeDefined();
    trekIn(inBehandeling, '2026-04-10');

    const bij = sv.start(intake({ ingediendBij: 'aanbieder', aanbieders: [{ id: 'w1', type: 'wmo' }], feiten: { aantalAanbieders: 1 } }));
    expect(bij.state).toBe('bijAanbieder.inBehandeling');
    trekIn(bij, '2026-04-10');

    // Second line: the klager withdraws the verzoek at the ombudsman.
    const ombudsman = volg(sv, inBehandeling, [
      ['TERMIJN_VERLOPEN', '2026-05-19', { termijn: 'afhandeling' }],
      ['VERZOEK_OMBUDSMAN', '2026-06-01'],
    ]);
    expect(ombudsman.state).toBe('bijOmbudsman.onderzoek');
    trekIn(ombudsman, '2026-06-10');

    const signaal = sv.start(intake({ soort: 'signaal', feiten: { bestuurlijkeImpact: false } }));
    trekIn(signaal, '2026-04-03');

    // A closed klacht cannot be withdrawn any more.
    const afgedaan = volg(sv, sv.start(intake({ feiten: { betreftGemeentelijkeFunctionaris: true } })), [
      ['KLAGER_TEVREDEN', '2026-04-03'],
    ]);
    expect(afgedaan.done).toBe(true);
    expect(sv.step(afgedaan.snapshot, { type: 'KLACHT_INGETROKKEN', at: op('2026-04-04') }).accepted).toBe(false);
    const ingetrokken = trekIn(sv.start(intake()), '2026-04-03');
    expect(sv.step(ingetrokken.snapshot, { type: 'KLACHT_INGETROKKEN', at: op('2026-04-04') }).accepted).toBe(false);
  });
});
