/**
 * No klager stuck in `bijAanbieder.afgedaan` (wacht-op-klager.ts): the aanbieder's afdoening is the notice of its
 * findings, so the klager's year to a second line that judges aanbieders runs from it (Awb 9:24 lid 1 sub a by analogy;
 * Klachtenprotocol Wmo keten Amsterdam §4, §12), and when it passes without an answer the klacht closes, registered as
 * 'niet bereikt' (§5A, §6), with the gemeente's loket told. Where no second line judges aanbieders the regeling's own
 * reactieKlager bounds the wait, if it sets one. Seed definitions, pure API.
 */
import { join } from 'node:path';
import type { IntakeInput, KlachtEvent, StepResult } from '../contract';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';
import { registratieVanGebeurtenis } from '../registratie';
import { maakRegime } from '../regime';
import { BASIS, foutenInTestdam, invoegen, metAanbiederTermijn, ruimTijdelijkeMappenOp } from '../definition/test-fixture';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
const regime = (id: string) => registry.regimes.find((x) => x.summary.id === id) as Regime;
const amsterdam = regime('gm0363-amsterdam');
const stichtseVecht = regime('gm1904-stichtse-vecht');

const intake = (gemeente: string): IntakeInput => ({
  gemeente,
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false },
});

function stap(r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const e: KlachtEvent = { type, at, ...(data ? { data } : {}) };
  return r.step(JSON.parse(JSON.stringify(s.snapshot)), e);
}

/** A klacht filed at the aanbieder and afgedaan there on 20 April 2026, 10:00. */
function afgedaan(r: Regime, gemeente: string): StepResult {
  const s0 = r.start(intake(gemeente));
  expect(s0.state).toBe('bijAanbieder.inBehandeling');
  const s = stap(r, s0, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
  expect([s.state, s.reason]).toEqual(['bijAanbieder.afgedaan', undefined]);
  return s;
}

const termijn = (s: StepResult, naam: string) => s.termijnen.find((t) => t.naam === naam);

describe('gm0363-amsterdam: the klager after the aanbieder’s afdoening (Awb 9:24 lid 1 sub a naar analogie)', () => {
  const af = afgedaan(amsterdam, 'GM0363');

  test('Awb 9:24 lid 1 sub a: the year to the second line runs from the aanbieder’s afdoening, also when the ontevredenheid is registered later', () => {
    // Waiting in afgedaan, the year already runs from the afdoening: visible as a termijn (werkvoorraad, reminders).
    expect(termijn(af, 'tweedeLijnVerzoekNaAanbieder')).toEqual(
      expect.objectContaining({ vervaldatum: '2027-04-20', grondslag: expect.stringContaining('Awb 9:24 lid 1 sub a') }),
    );
    // The klager's answer registered five months later: the year still ends one year after the afdoening.
    const ontevreden = stap(amsterdam, af, 'KLAGER_ONTEVREDEN', '2026-09-15T10:00:00+02:00');
    expect([ontevreden.state, ontevreden.reason]).toEqual(['tweedeLijnVenster', undefined]);
    expect(ontevreden.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([['tweedeLijnVerzoek', '2027-04-20']]);
    // Registered on the year's last day it is in time (that day counts); the year still ends then.
    const laat = stap(amsterdam, af, 'KLAGER_ONTEVREDEN', '2027-04-20T16:00:00+02:00');
    expect([laat.state, termijn(laat, 'tweedeLijnVerzoek')?.vervaldatum]).toEqual(['tweedeLijnVenster', '2027-04-20']);
  });

  test('Awb 9:18, 9:24 lid 1 sub a: the klager goes to the ombudsman straight from afgedaan within the year', () => {
    expect(af.volgendeEvents).toContain('VERZOEK_OMBUDSMAN');
    const v = stap(amsterdam, af, 'VERZOEK_OMBUDSMAN', '2026-12-01T10:00:00+02:00');
    expect([v.state, v.reason]).toEqual(['bijOmbudsman.onderzoek', undefined]);
    expect(v.termijnen).toEqual([]);
    expect(v.intents).toContainEqual(
      expect.objectContaining({
        type: 'VERZOEK_TWEEDE_LIJN_REGISTREREN',
        naar: 'Ombudsman Metropool Amsterdam',
        data: expect.objectContaining({ binnenTermijn: true }),
      }),
    );
  });

  test('Awb 9:24 lid 1 sub a: after the year without an answer the klacht is afgesloten, tevredenheid niet bereikt, the loket informed; a late KLAGER_ONTEVREDEN is refused with the reason', () => {
    // The last day counts: the wake-up on that day is refused.
    const teVroeg = stap(amsterdam, af, 'TERMIJN_VERLOPEN', '2027-04-20T12:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' });
    expect(teVroeg.accepted).toBe(false);
    // A late answer before the wake-up came: refused, saying the wait passed.
    const voorWekker = stap(amsterdam, af, 'KLAGER_ONTEVREDEN', '2027-04-21T09:00:00+02:00');
    expect(voorWekker.accepted).toBe(false);
    expect(voorWekker.reason).toContain('tot en met dinsdag 20 april 2027');
    expect(voorWekker.reason).toContain("tevredenheid 'niet bereikt'");
    const dicht = stap(amsterdam, af, 'TERMIJN_VERLOPEN', '2027-04-21T00:00:00+02:00', { termijn: 'tweedeLijnVerzoekNaAanbieder' });
    expect([dicht.state, dicht.done, dicht.reason]).toEqual(['afgesloten', true, undefined]);
    expect(dicht.intents).toContainEqual(
      expect.objectContaining({
        type: 'AFGESLOTEN_ZONDER_REACTIE_KLAGER',
        naar: 'Klachtenteam Sociaal Domein',
        data: { termijn: 'tweedeLijnVerzoekNaAanbieder', tevredenheid: 'niet bereikt' },
      }),
    );
    // The registratie the engine writes for this wake-up (Amsterdam's list has 'niet bereikt').
    expect(registratieVanGebeurtenis(amsterdam.definitie, 'TERMIJN_VERLOPEN', { termijn: 'tweedeLijnVerzoekNaAanbieder' }).waarden).toEqual(
      {
        tevredenheid: 'niet bereikt',
      },
    );
    // Not for the year after a gemeente's afdoening (tweedeLijnVenster): that klager was asked nothing.
    expect(registratieVanGebeurtenis(amsterdam.definitie, 'TERMIJN_VERLOPEN', { termijn: 'tweedeLijnVerzoek' }).waarden).toEqual({});
    const laat = stap(amsterdam, dicht, 'KLAGER_ONTEVREDEN', '2027-05-01T10:00:00+02:00');
    expect(laat.accepted).toBe(false);
    // The reason names the termijn whose passing closed it and its last day.
    expect(laat.reason).toContain(
      "afgesloten (Afgesloten) omdat de termijn 'Termijn verzoek Ombudsman Metropool Amsterdam (na de afdoening door de aanbieder)' op dinsdag 20 april 2027 verstreek",
    );
  });

  test('the klager satisfied within the year: afgesloten, the wait ends with it', () => {
    const tevreden = stap(amsterdam, af, 'KLAGER_TEVREDEN', '2026-05-01T10:00:00+02:00');
    expect([tevreden.state, tevreden.termijnen]).toEqual(['afgesloten', []]);
  });
});

describe('gm0457-weesp: a second line over aanbieders only from 24 March 2022 (Wet arhi: the Ombudsman Metropool Amsterdam)', () => {
  test('Awb 9:24 lid 1 sub a: afgedaan before that day, ontevreden after it: the year still runs from the aanbieder’s afdoening', () => {
    const weesp = regime('gm0457-weesp');
    const s0 = weesp.start({ ...intake('GM0457'), ontvangenOp: '2022-03-01T10:00:00+01:00', feiten: { aantalAanbieders: 1 } });
    const af = stap(weesp, s0, 'AFDOENEN', '2022-03-10T10:00:00+01:00', { oordeel: 'gegrond' });
    expect([af.state, af.termijnen]).toEqual(['bijAanbieder.afgedaan', []]);
    const ontevreden = stap(weesp, af, 'KLAGER_ONTEVREDEN', '2022-04-05T10:00:00+02:00');
    expect([ontevreden.state, ontevreden.reason]).toEqual(['tweedeLijnVenster', undefined]);
    expect(ontevreden.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([['tweedeLijnVerzoek', '2023-03-10']]);
  });
});

describe('gm1904-stichtse-vecht: no second line over aanbieders, the regeling’s own reactieKlager (optional)', () => {
  test('without reactieKlager nothing runs in afgedaan (the regeling gives no term) and the klager can still go to the gemeente', () => {
    const af = afgedaan(stichtseVecht, 'GM1904');
    expect(af.termijnen).toEqual([]);
    expect(af.volgendeEvents).toEqual(expect.arrayContaining(['KLACHT_BIJ_GEMEENTE', 'KLAGER_TEVREDEN']));
    // The Nationale ombudsman does not judge the aanbieder (Uitgangspunten klachtenmanagement Sociaal Domein §5A).
    expect(stap(stichtseVecht, af, 'VERZOEK_OMBUDSMAN', '2026-05-01T10:00:00+02:00').accepted).toBe(false);
  });

  test('with termijnen.reactieKlager the wait is bounded by it: closed after it, the gemeente’s loket informed', () => {
    const def = structuredClone(stichtseVecht.definitie);
    def.termijnen.reactieKlager = {
      label: 'Reactie van de klager op de afdoening door de aanbieder',
      duur: 'P8W',
      rekenwijze: 'kalenderdagen',
      atw: false,
      herinneringen: [{ voor: 'P1W', naar: 'klachtencoordinator' }],
      grondslag: 'klachtenregeling (eigen keuze)',
    };
    const r = maakRegime(def, 'gm1904-stichtse-vecht');
    const af = afgedaan(r, 'GM1904');
    expect(af.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([['reactieKlager', '2026-06-15']]);
    // Within it the klager goes to the gemeente; the wait ends there.
    const gemeente = stap(r, af, 'KLACHT_BIJ_GEMEENTE', '2026-06-15T15:00:00+02:00');
    expect(gemeente.state).toMatch(/^gemeente\./);
    expect(termijn(gemeente, 'reactieKlager')).toBeUndefined();
    // After it: afgesloten.
    const dicht = stap(r, af, 'TERMIJN_VERLOPEN', '2026-06-16T00:00:00+02:00', { termijn: 'reactieKlager' });
    expect([dicht.state, dicht.reason]).toEqual(['afgesloten', undefined]);
    expect(dicht.intents.map((i) => [i.type, i.naar])).toContainEqual(['AFGESLOTEN_ZONDER_REACTIE_KLAGER', def.eersteLijn.gemeenteLoket]);
  });
});

describe('termijnen.reactieKlager in a definition', () => {
  afterEach(ruimTijdelijkeMappenOp);

  test('the klager’s time to answer cannot be verdaagd: verdagingMax on reactieKlager is an error at file:line:column with the fix', () => {
    const reactie = (...extra: string[]) =>
      invoegen(
        metAanbiederTermijn(BASIS),
        50,
        '  reactieKlager:',
        '    label: Reactie van de klager op de afdoening',
        '    duur: P8W',
        '    rekenwijze: kalenderdagen',
        '    atw: false',
        ...extra,
        "    grondslag: 'eigen keuze van de gemeente'",
      );
    const fout = (lines: string[]) => foutenInTestdam(lines).filter((e) => e.message.includes('reactieKlager'));
    expect(fout(reactie())).toEqual([]);
    expect(fout(reactie('    verdagingMax: P4W'))).toEqual([
      expect.objectContaining({
        line: 55,
        column: expect.any(Number),
        message: expect.stringContaining('verdagingMax past niet bij reactieKlager'),
        hint: expect.stringContaining('maak dan de duur langer'),
      }),
    ]);
  });
});
