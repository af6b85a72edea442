/**
 * An informatievraag or interventieverzoek of the ombudsman is no klaagschrift (Awb 9:31; Awb 9:11 applies to klaagschriften
 * only): the request's own klacht (fact `ombudsmanVerzoek`, set by the service) runs to the date the ombudsman set, is
 * reminded and escalated inside the gemeente, and never tells a "klager" to go to the ombudsman. Seed definitions, pure API.
 */
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import type { Feiten, IntakeInput, KlachtEvent, StepResult } from '../contract';
import { controleerFeiten } from '../feiten';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));

function regime(id: string): Regime {
  const r = registry.regimes.find((x) => x.summary.id === id);
  if (!r) throw new Error(`definitie ${id} niet geladen: ${JSON.stringify(registry.errors)}`);
  return r as Regime;
}

const SEEDS = [
  ['gm0363-amsterdam', 'GM0363', 'Klachtenteam Sociaal Domein', 'Ombudsman Metropool Amsterdam'],
  ['gm1904-stichtse-vecht', 'GM1904', undefined, 'Nationale ombudsman'],
] as const;

/** The request's klacht as KlachtActiesService files it: ingediend bij de ombudsman, soort klacht, with the request's facts. */
function verzoek(gemeente: string, feiten: Feiten): IntakeInput {
  return {
    gemeente,
    kanaal: 'brief',
    ontvangenOp: '2026-11-02T10:00:00+01:00',
    ingediendBij: 'ombudsman',
    soort: 'klacht',
    aanbieders: [{ id: 'zorg-x', naam: 'Zorg X', type: 'wmo' }],
    feiten,
  };
}

function stap(r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const e: KlachtEvent = { type, at, ...(data ? { data } : {}) };
  return r.step(JSON.parse(JSON.stringify(s.snapshot)), e);
}

/** Intents that speak to a klager or about the klager's route to the second line. */
const klagerIntents = (s: StepResult) => s.intents.filter((i) => i.naar === 'klager' || i.type.startsWith('KLAGER_'));

describe.each(SEEDS)('%s: a request of the ombudsman for cooperation (Awb 9:31)', (id, gemeente, loketUitSeed, ombudsman) => {
  const r = regime(id);
  const loket = loketUitSeed ?? r.definitie.eersteLijn.gemeenteLoket;

  test('Awb 9:31: an informatievraag of the ombudsman runs to the date the ombudsman set, not to the six weeks of Awb 9:11', () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2026-11-20' }));
    expect(s.accepted).toBe(true);
    expect(s.state).toBe('verzoekOmbudsman.informatievraag');
    expect(s.termijnen.map((t) => [t.naam, t.vervaldatum, t.grondslag])).toEqual([['ombudsmanTermijn', '2026-11-20', 'Awb 9:31']]);
    // The loket answers, by the ombudsman's date; nothing is registered as a klacht received via the ombudsman (Awb 9:20).
    expect(s.intents.map((i) => [i.type, i.naar, i.data?.termijn, i.data?.ombudsman])).toEqual([
      ['INFORMATIE_AAN_OMBUDSMAN', loket, '2026-11-20', ombudsman],
    ]);
    // Six weeks and a day later (the Awb 9:11 day) there is no afhandeltermijn to pass.
    const zesWeken = stap(r, s, 'TERMIJN_VERLOPEN', '2026-12-15T00:00:00+01:00', { termijn: 'afhandeling' });
    expect(zesWeken.accepted).toBe(false);
    expect(s.volgendeEvents).toContain('INFORMATIE_VERSTREKT');
    expect(s.volgendeEvents).not.toContain('VERDAGEN');
  });

  test("Awb 9:31: an interventieverzoek is taken up by the loket by the ombudsman's date and closed when done, without a second-line window", () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'interventieverzoek', ombudsmanTermijn: '2026-11-13' }));
    expect(s.state).toBe('verzoekOmbudsman.interventieverzoek');
    expect(s.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([['ombudsmanTermijn', '2026-11-13']]);
    expect(s.intents.map((i) => [i.type, i.naar])).toEqual([['INTERVENTIE_OPPAKKEN', loket]]);
    const klaar = stap(r, s, 'INTERVENTIE_AFGEROND', '2026-11-10T15:00:00+01:00');
    expect(klaar.accepted).toBe(true);
    expect([klaar.state, klaar.done, klaar.termijnen]).toEqual(['afgesloten', true, []]);
    expect(klagerIntents(klaar)).toEqual([]);
  });

  test('Awb 9:31: a request of the ombudsman never tells the klager to go to the ombudsman', () => {
    for (const soort of ['informatievraag', 'interventieverzoek']) {
      const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: soort, ombudsmanTermijn: '2026-11-20' }));
      expect(klagerIntents(s)).toEqual([]);
      // The date passes: an escalation inside the gemeente, to the leidinggevende; the request stays to be answered.
      const verlopen = stap(r, s, 'TERMIJN_VERLOPEN', '2026-11-21T00:00:00+01:00', { termijn: 'ombudsmanTermijn' });
      expect(verlopen.accepted).toBe(true);
      expect(verlopen.state).toBe(s.state);
      expect(verlopen.intents.map((i) => [i.type, i.naar ?? null])).toEqual([
        ['TERMIJN_OVERSCHREDEN', null],
        ['ESCALATIE', 'leidinggevende'],
      ]);
      expect(klagerIntents(verlopen)).toEqual([]);
      // Weeks later still nothing for a klager: no afhandeltermijn, no year for the second line afterwards.
      const antwoord = stap(
        r,
        verlopen,
        soort === 'informatievraag' ? 'INFORMATIE_VERSTREKT' : 'INTERVENTIE_AFGEROND',
        '2027-01-04T10:00:00+01:00',
      );
      expect(antwoord.accepted).toBe(true);
      expect([antwoord.state, antwoord.done]).toEqual(['afgesloten', true]);
      expect(klagerIntents(antwoord)).toEqual([]);
      expect(antwoord.termijnen).toEqual([]);
    }
  });

  test("Awb 9:31, Algemene termijnenwet art. 1: the ombudsman's date is a date, also on a Saturday, and the gemeente cannot move it", () => {
    // 21 November 2026 is a Saturday: a term of a wet would move to Monday 23 November; the ombudsman's date does not.
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2026-11-21' }));
    const t = s.termijnen.find((x) => x.naam === 'ombudsmanTermijn');
    expect(t?.vervaldatum).toBe('2026-11-21');
    expect(t?.uitleg.join('\n')).toContain('Algemene termijnenwet verschuift hem niet');
    expect(t?.uitleg.at(-1)).toBe('Vervaldatum: zaterdag 21 november 2026');
    // Reminded a week before, as the gemeente's own afhandeltermijn is; escalated inside the gemeente.
    expect(t?.herinneringen).toEqual(
      (r.definitie.termijnen.afhandeling?.herinneringen ?? []).map((h) => ({ naam: `${h.voor}-voor`, datum: '2026-11-14', naar: h.naar })),
    );
    expect(t?.herinneringen.length).toBeGreaterThan(0);
    expect(t?.escalatieNaar).toBe('leidinggevende');
    const verdaagd = stap(r, s, 'VERDAGEN', '2026-11-10T10:00:00+01:00', { termijn: 'ombudsmanTermijn', duur: 'P4W' });
    expect(verdaagd.accepted).toBe(false);
    expect(verdaagd.reason).toContain('alleen de ombudsman kan hem verschuiven');
  });

  test('Awb 9:31 lid 1: the ombudsman sets a later date: the request runs to it, its reminder moves with it, and the uitleg names both dates', () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2026-11-20' }));
    const later = stap(r, s, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-11-10T10:00:00+01:00', {
      tot: '2026-12-04',
      reden: 'stukken bij de aanbieder',
    });
    expect([later.accepted, later.state]).toEqual([true, 'verzoekOmbudsman.informatievraag']);
    const t = later.termijnen.find((x) => x.naam === 'ombudsmanTermijn');
    expect([t?.vervaldatum, t?.herinneringen.map((h) => h.datum)]).toEqual(['2026-12-04', t?.herinneringen.map(() => '2026-11-27')]);
    expect(t?.uitleg).toContain(`${ombudsman} stelde de datum vrijdag 20 november 2026 (Awb 9:31)`);
    expect(t?.uitleg).toContain(
      `Op dinsdag 10 november 2026 stelde ${ombudsman} een andere datum: vrijdag 4 december 2026 in plaats van vrijdag 20 november 2026 (Awb 9:31): stukken bij de aanbieder`,
    );
    expect(t?.uitleg.at(-1)).toBe('Vervaldatum: vrijdag 4 december 2026');
    expect(later.intents).toEqual([]);
    // The old date is no longer the request's: its wake-up finds nothing passed; the new one passes the day after it.
    expect(stap(r, later, 'TERMIJN_VERLOPEN', '2026-11-21T00:00:00+01:00', { termijn: 'ombudsmanTermijn' }).accepted).toBe(false);
    const verlopen = stap(r, later, 'TERMIJN_VERLOPEN', '2026-12-05T00:00:00+01:00', { termijn: 'ombudsmanTermijn' });
    expect([verlopen.accepted, verlopen.intents.map((i) => i.type)]).toEqual([true, ['TERMIJN_OVERSCHREDEN', 'ESCALATIE']]);
  });

  test('Awb 9:31 lid 1: a date the ombudsman sets after his first had passed, or where he had set none, makes the termijn run to it', () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'interventieverzoek', ombudsmanTermijn: '2026-11-20' }));
    const verlopen = stap(r, s, 'TERMIJN_VERLOPEN', '2026-11-21T00:00:00+01:00', { termijn: 'ombudsmanTermijn' });
    expect(verlopen.termijnen).toEqual([]);
    const opnieuw = stap(r, verlopen, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-11-23T10:00:00+01:00', { tot: '2026-12-01' });
    expect(opnieuw.termijnen.map((t) => [t.naam, t.vervaldatum])).toEqual([['ombudsmanTermijn', '2026-12-01']]);
    expect(opnieuw.termijnen[0].uitleg).toContain(
      `Op maandag 23 november 2026 stelde ${ombudsman} een andere datum: dinsdag 1 december 2026 in plaats van vrijdag 20 november 2026 (Awb 9:31)`,
    );
    const zonder = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag' }));
    const gesteld = stap(r, zonder, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-11-05T10:00:00+01:00', { tot: '2026-12-01' });
    expect(gesteld.termijnen.map((t) => [t.naam, t.vervaldatum, t.escalatieNaar])).toEqual([
      ['ombudsmanTermijn', '2026-12-01', 'leidinggevende'],
    ]);
    expect(gesteld.termijnen[0].uitleg).toContain(
      `Op donderdag 5 november 2026 stelde ${ombudsman} de datum dinsdag 1 december 2026 (Awb 9:31)`,
    );
  });

  test("Awb 9:31 lid 1: a new date that is no day, not after the receipt or before the event's own day is refused naming data.tot", () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2026-11-20' }));
    const at = '2026-11-10T10:00:00+01:00';
    const fouten = (tot: unknown) =>
      r.controles!.controleerGebeurtenis(s.snapshot, { type: 'OMBUDSMAN_TERMIJN_GEWIJZIGD', at, data: { tot } }).map((f) => f.name);
    expect(fouten('2026-12-04')).toEqual([]);
    for (const tot of ['2026-02-31', undefined, '2026-11-02', '2026-11-09']) expect(fouten(tot)).toEqual(['data.tot']);
    expect(
      r.controles!.controleerGebeurtenis(s.snapshot, { type: 'OMBUDSMAN_TERMIJN_GEWIJZIGD', at, data: { tot: '2026-11-09' } })[0].reason,
    ).toContain('ligt vóór de dag van de gebeurtenis (2026-11-10)');
    // The regime itself refuses it too (a caller that steps it without the check), saying why; nothing moves.
    const geweigerd = stap(r, s, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', at, { tot: '2026-11-09' });
    expect([geweigerd.accepted, geweigerd.reason]).toEqual([false, expect.stringContaining('vóór de dag van de gebeurtenis')]);
  });

  test('Awb 9:31: without a date from the ombudsman no termijn runs, and the step says so', () => {
    const s = r.start(verzoek(gemeente, { ombudsmanVerzoek: 'informatievraag' }));
    expect(s.state).toBe('verzoekOmbudsman.informatievraag');
    expect(s.termijnen).toEqual([]);
    expect(s.intents.map((i) => [i.type, i.data?.termijn])).toEqual([['INFORMATIE_AAN_OMBUDSMAN', undefined]]);
    expect(r.beschrijfState(s.state)).toContain('stelde hij geen datum, dan loopt er geen termijn');
    expect(r.beschrijfKlacht(s.state, { vandaag: '2026-11-03', sinds: '2026-11-02' })).toContain(`Informatievraag van ${ombudsman}`);
  });

  test('Awb 9:20: a klacht the ombudsman sends on still takes the klacht route with the Awb 9:11 afhandeltermijn', () => {
    const s = r.start({ ...verzoek(gemeente, { ombudsmanVerzoek: 'doorgezondenKlacht' }), aanbieders: [] });
    expect(s.state.startsWith('gemeente.')).toBe(true);
    expect(s.termijnen.map((t) => t.naam)).toContain('afhandeling');
    expect(s.intents.map((i) => i.type)).toContain('ONTVANGST_DOORGEZONDEN_KLACHT');
  });

  test("Awb 9:20 lid 1, Awb 2:3: a forwarded klacht's Awb 9:11 termijn runs from its receipt by the ombudsman, and the loket is told of it once", () => {
    const s = r.start({ ...verzoek(gemeente, { ombudsmanVerzoek: 'doorgezondenKlacht' }), aanbieders: [] });
    // Received on Monday 2 November 2026: six weeks end on Monday 14 December 2026.
    expect(s.termijnen.find((t) => t.naam === 'afhandeling')?.vervaldatum).toBe('2026-12-14');
    expect(s.intents.filter((i) => i.type === 'ONTVANGST_DOORGEZONDEN_KLACHT').map((i) => [i.naar, i.data?.doorgezondenDoor])).toEqual([
      [loket, ombudsman],
    ]);
  });

  /** A klacht of the gemeente, afgedaan and taken to the ombudsman by the klager (Awb 9:18): bijOmbudsman.onderzoek. */
  const bijOmbudsman = (): StepResult => {
    let s = r.start({ ...verzoek(gemeente, {}), ingediendBij: 'gemeente', ontvangenOp: '2026-06-01T10:00:00+02:00', aanbieders: [] });
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-06-01T12:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-06-01T13:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-06-01T14:00:00+02:00', { reden: 'afgezien' }],
      ['AFDOENEN', '2026-06-29T12:00:00+02:00', { oordeel: 'ongegrond' }],
      ['VERZOEK_OMBUDSMAN', '2026-07-20T10:00:00+02:00'],
    ] as Array<[string, string, Record<string, unknown>?]>) {
      s = stap(r, s, type, at, data);
      expect([type, s.accepted, s.reason]).toEqual([type, true, undefined]);
    }
    expect(s.state).toBe('bijOmbudsman.onderzoek');
    return s;
  };

  test('Awb 9:20: the ombudsman forwards a klacht that is with him as a klacht of its own (verzoekKlacht): the hoofdklacht leaves the second line without a second handling, termijn or letter', () => {
    const hoofd = bijOmbudsman();
    const at = '2026-11-02T10:00:00+01:00';
    const data = { verzoekKlacht: '0b6f1c1e-6d1e-4a47-9a0e-3d2f5e1c9b10' };
    const s = stap(r, hoofd, 'OMBUDSMAN_DOORGEZONDEN', at, data);
    expect([s.accepted, s.state, s.done]).toEqual([true, 'afgesloten', true]);
    // The request's own klacht handles it (its Awb 9:11 termijn, its ONTVANGST_DOORGEZONDEN_KLACHT): nothing runs here.
    expect(s.termijnen).toEqual([]);
    expect(s.intents).toEqual([]);
    // The step says why the hoofdklacht closed, on the ground of Awb 9:20 (diagram, routes).
    const machine = r.machine as AnyStateMachine;
    const [overgang] = machine.getTransitionData(r.herstel(hoofd.snapshot), { type: 'OMBUDSMAN_DOORGEZONDEN', at, data } as never);
    expect([overgang.description, overgang.meta]).toEqual([expect.stringContaining('zendt de klacht door'), { grondslag: 'Awb 9:20' }]);
    expect(overgang.description).toContain('eigen klacht van het verzoek');
  });

  test('Awb 9:20: OMBUDSMAN_DOORGEZONDEN sent on the hoofdklacht alone (no request klacht) takes it back to the gemeente, with the Awb 9:11 termijn and ONTVANGST_DOORGEZONDEN_KLACHT', () => {
    const s = stap(r, bijOmbudsman(), 'OMBUDSMAN_DOORGEZONDEN', '2026-11-02T10:00:00+01:00');
    expect([s.accepted, s.state.startsWith('gemeente.'), s.done]).toEqual([true, true, false]);
    expect(s.termijnen.map((t) => t.naam)).toContain('afhandeling');
    expect(s.intents.filter((i) => i.type === 'ONTVANGST_DOORGEZONDEN_KLACHT').map((i) => i.naar)).toEqual([loket]);
  });
});

test("Awb 9:31: the ombudsman's date on a request is a real calendar day, or the intake is refused naming the field", () => {
  const def = regime('gm0363-amsterdam').definitie;
  expect(controleerFeiten(def, { ombudsmanVerzoek: 'informatievraag', ombudsmanTermijn: '2026-11-20' })).toEqual([]);
  for (const fout of ['2026-02-31', '20-11-2026', 'volgende week'])
    expect(controleerFeiten(def, { ombudsmanTermijn: fout })).toEqual([
      { name: 'feiten.ombudsmanTermijn', reason: 'moet een bestaande datum JJJJ-MM-DD zijn' },
    ]);
});
