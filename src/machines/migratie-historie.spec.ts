/**
 * A running klacht stored under a rule that was corrected since: its history must still replay to where it stands, or it
 * can never move to a new version (migratie.ts speelAf). The replay hands each step the state it reached when it was
 * taken (klacht_gebeurtenis.naar_state); only the corrected rules, each named with its commit, honour that outcome, and
 * only the outcome the old rule gave. Real seed definitions (Amsterdam changed as a contract may, Stichtse Vecht's
 * Jeugdwet route) through the pure API.
 */
import { join } from 'node:path';
import type { IntakeInput, StepResult } from './contract';
import { loadRegistry } from './index';
import { intake } from './intake.spec-hulp';
import { proefMigratieVanKlacht, speelAf, type HistorieStap } from './migratie';
import { maakRegime, type Regime } from './regime';

const registry = loadRegistry(join(__dirname, '..', '..', 'definitions'));
const seed = (id: string) => registry.regimes.find((r) => r.summary.id === id) as Regime;

/** Amsterdam's definition changed as `wijzig` says, as version `versie` (a newer one to migrate to: the same rules). */
function amsterdam(wijzig: (d: Regime['definitie']) => void, versie?: string): Regime {
  const d = structuredClone(seed('gm0363-amsterdam').definitie);
  wijzig(d);
  if (versie) Object.assign(d, { versie, geldigVanaf: '2026-09-01' });
  return maakRegime(d, 'gm0363-amsterdam');
}

/** The history row of an intake. */
const ontvangen = (i: IntakeInput, naarState: string): HistorieStap => ({
  type: 'KLACHT_ONTVANGEN',
  at: i.ontvangenOp,
  data: i as unknown as Record<string, unknown>,
  naarState,
});

/** A klacht filed with Amsterdam's aanbieder Zorg West at `ontvangenOp` (Klachtenprotocol Wmo keten Amsterdam). */
const bijZorgWest = (ontvangenOp: string) =>
  intake({
    gemeente: 'GM0363',
    ontvangenOp,
    ingediendBij: 'aanbieder',
    aanbieders: [{ id: 'a1', naam: 'Zorg West', type: 'wmo' }],
    feiten: { aantalAanbieders: 1 },
  });

const zonderOpgetekend = (h: HistorieStap[]): HistorieStap[] => h.map(({ naarState: _n, ...s }) => s);
const termijn = (r: StepResult | undefined, naam: string) => r?.termijnen.find((t) => t.naam === naam);

describe('Awb 9:11 lid 2 and Wkkgz 17 lid 2 (41a1304): a verdaging in werkdagen stored under the old count', () => {
  // The aanbieder's handling term as 30 werkdagen (a contract may): from Monday 2 March 2026 it ends on 15 April.
  const werkdagen = (versie?: string) =>
    amsterdam((d) => {
      d.termijnen.aanbiederAfhandeling!.duur = 'P30D' as never;
      d.termijnen.aanbiederAfhandeling!.rekenwijze = 'werkdagen';
    }, versie);
  const historie = (duur: string): HistorieStap[] => [
    ontvangen(bijZorgWest('2026-03-02T10:00:00+01:00'), 'bijAanbieder.inBehandeling'),
    { type: 'CONTACT_OPGENOMEN', at: '2026-03-03T10:00:00+01:00', naarState: 'bijAanbieder.inBehandeling' },
    {
      type: 'VERDAGEN',
      at: '2026-03-20T10:00:00+01:00',
      data: { termijn: 'aanbiederAfhandeling', duur },
      naarState: 'bijAanbieder.inBehandeling',
    },
  ];

  it('Awb 9:11 lid 2 (41a1304): a stored verdaging of 28 werkdagen replays to the day the klager was told (1 June), with the warning, and the klacht can move', () => {
    const { resultaat, fout } = speelAf(werkdagen(), historie('P28D'));
    expect(fout).toBeUndefined();
    expect(resultaat?.state).toBe('bijAanbieder.inBehandeling');
    const t = termijn(resultaat, 'aanbiederAfhandeling')!;
    expect(t.vervaldatum).toBe('2026-06-01');
    expect(t.uitleg).toContain(
      'De verdaging van vrijdag 20 maart 2026 (mutatie 1 (verdaging)) gaat verder dan 4 weken (Awb 9:11 lid 2 naar analogie): de termijn ' +
        'schuift door verdaging 47 dagen op. Zij is vastgelegd voordat een verdaging in werkdagen in kalenderdagen aan het maximum werd ' +
        'getoetst; de vervaldatum blijft die de klager is meegedeeld. Verder uitstel kan alleen met schriftelijke instemming van de ' +
        'klager (Awb 9:11 lid 3)',
    );
    const proef = proefMigratieVanKlacht(werkdagen(), werkdagen('2026-09'), historie('P28D'), 'bijAanbieder.inBehandeling', '2026-03-21');
    expect(proef.bezwaren).toEqual([]);
    expect(proef.termijnen.find((x) => x.naam === 'aanbiederAfhandeling')).toEqual(
      expect.objectContaining({ oud: expect.objectContaining({ vervaldatum: '2026-06-01' }), verschilDagen: 0 }),
    );
  });

  it('Awb 9:11 lid 2: only a stored verdaging is honoured, and only what the old count let through: the same event live, or 29 werkdagen stored, is refused', () => {
    // Not on record (a live event, or a step without its row): the rule of now.
    expect(speelAf(werkdagen(), zonderOpgetekend(historie('P28D'))).fout).toMatch(
      /^gebeurtenis 3 \(VERDAGEN op 2026-03-20\) past niet in versie 2015-01: Verdaging met 28 werkdagen .* kan niet: /,
    );
    // 29 werkdagen were more than 28 days in the old count too: never accepted, never honoured.
    expect(speelAf(werkdagen(), historie('P29D')).fout).toMatch(/VERDAGEN op 2026-03-20\) past niet in versie 2015-01: Verdaging met 29/);
    // A caller cannot pass the record inside the event: the regime takes it only as step's own argument.
    const r = werkdagen();
    let s = r.start(bijZorgWest('2026-03-02T10:00:00+01:00'));
    s = r.step(s.snapshot, { type: 'CONTACT_OPGENOMEN', at: '2026-03-03T10:00:00+01:00' });
    const live = r.step(s.snapshot, {
      type: 'VERDAGEN',
      at: '2026-03-20T10:00:00+01:00',
      data: { termijn: 'aanbiederAfhandeling', duur: 'P28D' },
      opgetekend: { naarState: 'bijAanbieder.inBehandeling' },
    } as never);
    expect(live.accepted).toBe(false);
  });
});

describe('Algemene termijnenwet art. 1 lid 1 with a regeling’s opschorting (41a1304): an expiry that fired under the old count of the hervatting', () => {
  // The aanbieder's term with the Atw and opschorting (a contract may): received Thursday 2 April 2026, six weeks is
  // Hemelvaartsdag 14 May, the Atw gives Monday 18 May. Suspended Saturday 16 May, resumed Wednesday 20 May: before
  // 41a1304 the hervatting counted from 14 May (last day 18 May, passed at once, and its wake-up fired); now 22 May.
  const opschortbaar = (versie?: string) =>
    amsterdam((d) => {
      d.termijnen.aanbiederAfhandeling!.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' } as never;
      d.termijnen.aanbiederAfhandeling!.atw = true;
    }, versie);
  const historie = (opgeschort: string, hervat: string, verlopen: string): HistorieStap[] => [
    ontvangen(bijZorgWest('2026-04-02T10:00:00+02:00'), 'bijAanbieder.inBehandeling'),
    { type: 'CONTACT_OPGENOMEN', at: '2026-04-03T10:00:00+02:00', naarState: 'bijAanbieder.inBehandeling' },
    { type: 'OPSCHORTEN', at: opgeschort, data: { termijn: 'aanbiederAfhandeling' }, naarState: 'bijAanbieder.inBehandeling' },
    { type: 'HERVATTEN', at: hervat, data: { termijn: 'aanbiederAfhandeling' }, naarState: 'bijAanbieder.inBehandeling' },
    { type: 'TERMIJN_VERLOPEN', at: verlopen, data: { termijn: 'aanbiederAfhandeling' }, naarState: 'bijAanbieder.inBehandeling' },
  ];
  const oud = historie('2026-05-16T10:00:00+02:00', '2026-05-20T10:00:00+02:00', '2026-05-20T10:00:00+02:00');

  it('Atw art. 1 lid 1 (41a1304): the recorded expiry on the day of the hervatting stays as it happened: passed on 18 May, escalated, the termijn no longer runs', () => {
    const { resultaat, fout } = speelAf(opschortbaar(), oud);
    expect(fout).toBeUndefined();
    expect(resultaat?.state).toBe('bijAanbieder.inBehandeling');
    expect(termijn(resultaat, 'aanbiederAfhandeling')).toBeUndefined();
    // The day it passed under the count it was announced by, not the 22 May of now.
    expect(resultaat?.intents.find((i) => i.type === 'TERMIJN_OVERSCHREDEN')?.data).toEqual(
      expect.objectContaining({ termijn: 'aanbiederAfhandeling', vervaldatum: '2026-05-18' }),
    );
    expect((resultaat?.snapshot as { context: { verlopen: unknown[] } }).context.verlopen).toEqual([
      { naam: 'aanbiederAfhandeling', vervaldatum: '2026-05-18', verlopenOp: '2026-05-20T10:00:00+02:00' },
    ]);
    expect(
      proefMigratieVanKlacht(opschortbaar(), opschortbaar('2026-09'), oud, 'bijAanbieder.inBehandeling', '2026-09-01').bezwaren,
    ).toEqual([]);
  });

  it('Atw art. 1 lid 1: only an expiry the old count had passed is honoured: not one without its row, nor one of a termijn suspended within its own days', () => {
    expect(speelAf(opschortbaar(), zonderOpgetekend(oud)).fout).toBe(
      "gebeurtenis 5 (TERMIJN_VERLOPEN op 2026-05-20) past niet in versie 2015-01: termijn 'aanbiederAfhandeling' is nog niet verstreken: de vervaldatum is vrijdag 22 mei 2026 en die dag telt nog mee",
    );
    // Suspended 13 May, within its six weeks: both counts give 21 May, so an expiry on 20 May never happened.
    expect(
      speelAf(opschortbaar(), historie('2026-05-13T10:00:00+02:00', '2026-05-20T10:00:00+02:00', '2026-05-20T10:00:00+02:00')).fout,
    ).toMatch(/TERMIJN_VERLOPEN op 2026-05-20\) past niet .*de vervaldatum is donderdag 21 mei 2026/);
  });
});

describe('Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11c, 11d (590fdb3): a Jeugdwet klacht at the Kinderombudsman stored before', () => {
  const sv = seed('gm1904-stichtse-vecht');
  // Stichtse Vecht's Jeugdwet route, filed at the gemeente on Monday 2 March 2026 about Jeugdhulp West; oordeel 16 March,
  // the aanbieder's reactie 30 March (Jeugdwet 4.2.1 lid 2 sub c, lid 5), the request to the Kinderombudsman on 6 April.
  const jeugdwet = intake({
    gemeente: 'GM1904',
    ontvangenOp: '2026-03-02T10:00:00+01:00',
    aanbieders: [{ id: 'jeugd-west', naam: 'Jeugdhulp West', type: 'jeugdhulp' }],
  });
  const bijOmbudsman = (naarState: string): HistorieStap[] => [
    ontvangen(jeugdwet, 'jeugdwetKlachtencommissie.oordeelCommissie'),
    {
      type: 'OORDEEL_KLACHTENCOMMISSIE',
      at: '2026-03-16T10:00:00+01:00',
      data: { oordeel: 'gegrond' },
      naarState: 'jeugdwetKlachtencommissie.reactieAanbieder',
    },
    {
      type: 'REACTIE_AANBIEDER',
      at: '2026-03-30T10:00:00+02:00',
      data: { maatregelen: 'scholing' },
      naarState: 'jeugdwetKlachtencommissie.reactieGegeven',
    },
    { type: 'VERZOEK_OMBUDSMAN', at: '2026-04-06T10:00:00+02:00', naarState },
  ];
  const doorgezonden = (naarState: string): HistorieStap => ({
    type: 'OMBUDSMAN_DOORGEZONDEN',
    at: '2026-04-20T10:00:00+02:00',
    naarState,
  });

  it('Wet Nationale ombudsman art. 11c, 11d (590fdb3): a klacht that went to the Kinderombudsman before he had a state of his own replays to bijOmbudsman.onderzoek, with the same context', () => {
    const toen = speelAf(sv, bijOmbudsman('bijOmbudsman.onderzoek')).resultaat!;
    const nu = speelAf(sv, bijOmbudsman('bijOmbudsman.kinderombudsman.onderzoek')).resultaat!;
    expect([toen.state, nu.state]).toEqual(['bijOmbudsman.onderzoek', 'bijOmbudsman.kinderombudsman.onderzoek']);
    expect((toen.snapshot as { value: unknown }).value).toEqual({ bijOmbudsman: 'onderzoek' });
    expect((toen.snapshot as { context: unknown }).context).toEqual((nu.snapshot as { context: unknown }).context);
    expect(toen.volgendeEvents).toContain('OMBUDSMAN_DOORGEZONDEN');
    // It goes on there as every such klacht does (by its route): forwarded now, to the klachtencommissie.
    const verder = speelAf(sv, [...bijOmbudsman('bijOmbudsman.onderzoek'), doorgezonden('jeugdwetKlachtencommissie.oordeelCommissie')]);
    expect(verder.resultaat?.state).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
    // Without its row the step follows the rule of now, and the stored state is not reached: the migration refuses.
    expect(
      proefMigratieVanKlacht(sv, sv, zonderOpgetekend(bijOmbudsman('bijOmbudsman.onderzoek')), 'bijOmbudsman.onderzoek').bezwaren,
    ).toEqual(['de historie geeft op versie 2015-01 niet de huidige toestand bijOmbudsman.onderzoek']);
  });

  it('Jeugdwet 4.2.1 lid 6 (590fdb3): a forwarding by the Kinderombudsman into the gemeente’s Awb titel 9.1 handling, stored so, replays there with its afhandeltermijn', () => {
    const oud = [...bijOmbudsman('bijOmbudsman.onderzoek'), doorgezonden('gemeente.informeleFase')];
    const { resultaat, fout } = speelAf(sv, oud);
    expect(fout).toBeUndefined();
    expect(resultaat?.state).toBe('gemeente.informeleFase');
    // What was started then runs: the Awb 9:11 afhandeltermijn from the forwarding, not the commissie's oordeeltermijn.
    expect(resultaat?.termijnen.map((t) => t.naam)).toContain('afhandeling');
    expect(termijn(resultaat, 'jeugdwetOordeel')).toBeUndefined();
    expect(resultaat?.intents).toContainEqual(expect.objectContaining({ type: 'ONTVANGST_DOORGEZONDEN_KLACHT', naar: 'KCC' }));
    expect(proefMigratieVanKlacht(sv, sv, oud, 'gemeente.informeleFase').bezwaren).toEqual([]);
  });

  it('no general preference for the recorded state: a forwarding recorded elsewhere than the old rule went, or not on record, follows the rule of now and the migration refuses', () => {
    for (const historie of [
      [...bijOmbudsman('bijOmbudsman.onderzoek'), doorgezonden('afgesloten')],
      zonderOpgetekend([...bijOmbudsman('bijOmbudsman.onderzoek'), doorgezonden('gemeente.informeleFase')]),
    ]) {
      expect(speelAf(sv, historie).resultaat?.state).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
    }
    expect(
      proefMigratieVanKlacht(sv, sv, [...bijOmbudsman('bijOmbudsman.onderzoek'), doorgezonden('afgesloten')], 'afgesloten').bezwaren,
    ).toEqual(['de historie geeft op versie 2015-01 niet de huidige toestand afgesloten']);
    // From the Kinderombudsman's own state (the rule of now) there is no way to the gemeente: a record of it changes nothing.
    expect(
      speelAf(sv, [...bijOmbudsman('bijOmbudsman.kinderombudsman.onderzoek'), doorgezonden('gemeente.informeleFase')]).resultaat?.state,
    ).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
    // Nor does a record bend a rule that was not corrected: a step recorded in another state than its rule gives.
    const gemeente = intake({ ontvangenOp: '2026-03-02T10:00:00+01:00' });
    const anders = [
      ontvangen(gemeente, sv.start(gemeente).state),
      { type: 'FORMELE_BEHANDELING', at: '2026-03-03T10:00:00+01:00', naarState: 'gemeente.inBehandeling' },
    ];
    expect(speelAf(sv, anders).resultaat?.state).toBe('gemeente.beoordelen');
    expect(proefMigratieVanKlacht(sv, sv, anders, 'gemeente.inBehandeling').bezwaren).toEqual([
      'de historie geeft op versie 2015-01 niet de huidige toestand gemeente.inBehandeling',
    ]);
  });
});
