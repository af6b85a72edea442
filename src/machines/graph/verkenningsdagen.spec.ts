/**
 * The graph check files its sample klachten on every day the answering body changes while they run (GemW 81p, Wet arhi
 * art. 40), not only two weeks into the version: guards ask the second line of the event's day, so a route that opens or
 * a dead end that appears across such a day is only met by a klacht that runs across it.
 */
import { join } from 'node:path';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { KlachtContext, KlachtMachineEvent } from '../compiler/types';
import { loadDefinitionFiles } from '../definition/loader';
import { statePad } from '../regime';
import { compileerSamen } from '../registry';
import { checkGraph, checkRegime, graafRegime, graafStap } from './graph-check';
import { verkenGraaf, verkenningsDagen } from './verkenning';

const DEFS = join(__dirname, '..', '..', '..', 'definitions');

function weesp() {
  const { definities, errors } = loadDefinitionFiles([DEFS]);
  expect(errors).toEqual([]);
  const i = definities.findIndex((d) => d.definitie.gemeente.cbsCode === 'GM0457');
  expect(definities[i].definitie.geldigTot).toBe('2022-03-23');
  return { definities, geladen: definities[i], regime: compileerSamen(definities)[i] };
}

/** The (intake day, event) of every explored step from the aanbieder's handling to the second line. */
function naarOmbudsmanVanuitAanbieder(adjacency: ReturnType<typeof verkenGraaf>['adjacency']): string[] {
  const uit = new Set<string>();
  for (const v of Object.values(adjacency)) {
    const van = v.state as AnyMachineSnapshot;
    if (!statePad(van.value).startsWith('bijAanbieder')) continue;
    for (const t of Object.values(v.transitions) as Array<{ event: KlachtMachineEvent; state: AnyMachineSnapshot }>) {
      if (statePad(t.state.value).startsWith('bijOmbudsman'))
        uit.add(`${(van.context as KlachtContext).intake!.ontvangenOp.slice(0, 10)} ${t.event.type}`);
    }
  }
  return [...uit].sort();
}

describe('graph check over time', () => {
  test('Wet arhi art. 40: the graph check also files Weesp klachten a week before the herindeling (24 March 2022)', () => {
    const { geladen } = weesp();
    expect(verkenningsDagen(geladen.definitie)).toEqual(['2015-01-15', '2022-03-17']);
  });

  test('GemW 81p: a switch of the second line inside a version is a day the graph check files klachten before', () => {
    const { definities } = weesp();
    const def = definities.find((d) => d.definitie.gemeente.cbsCode === 'GM1904')!.definitie;
    const wissel = {
      ...def,
      tweedeLijn: [
        { ...def.tweedeLijn[0], geldigTot: '2019-12-31' },
        { ...def.tweedeLijn[0], naam: 'Ombudscommissie', geldigVanaf: '2020-01-01' },
      ],
    };
    expect(verkenningsDagen(wissel)).toEqual(['2015-01-15', '2019-12-25']);
  });

  test('Wet arhi art. 40: a Weesp klacht at the aanbieder that runs across the herindeling reaches the Ombudsman Metropool Amsterdam in the exploration', () => {
    const { geladen, regime } = weesp();
    // Weesp's own Nationale ombudsman does not judge aanbieders; Amsterdam's ombudsman, which answers after the
    // herindeling, does (Klachtenprotocol Wmo keten Amsterdam §4): only a klacht running across the day takes that route.
    expect(naarOmbudsmanVanuitAanbieder(verkenGraaf(regime).adjacency)).toEqual([]);
    expect(naarOmbudsmanVanuitAanbieder(verkenGraaf(regime, verkenningsDagen(geladen.definitie)).adjacency)).toEqual([
      '2022-03-17 VERZOEK_OMBUDSMAN',
    ]);
  });

  test('Wet arhi art. 40: a dead end that only a klacht running across the herindeling meets is reported', () => {
    const { geladen, regime } = weesp();
    const machine = regime.machine as AnyStateMachine;
    const reactieGeldig = machine.implementations.guards.reactieGeldig as (a: { event: KlachtMachineEvent }, p: unknown) => boolean;
    // A machine whose answer to the ombudsman's recommendations (Awb 9:36) is refused once the successor answers. The
    // guard is shared with the jeugdhulpaanbieder's answer to the Kinderombudsman's (Wet Nationale ombudsman art. 11d), so
    // both dead ends are reported, each by its own step.
    const kapot = {
      ...regime,
      machine: machine.provide({
        guards: { reactieGeldig: (a: { event: KlachtMachineEvent }, p: unknown) => a.event.at < '2022-03-24' && reactieGeldig(a, p) },
      }),
    };
    expect(checkRegime(kapot, geladen)).toEqual([
      expect.objectContaining({
        message:
          "vanuit de stap 'Reactie op de aanbevelingen van de ombudsman' (bijOmbudsman.reactieOpRapport) is geen afronding bereikbaar",
      }),
      expect.objectContaining({
        message:
          "vanuit de stap 'Reactie van de jeugdhulpaanbieder op de aanbevelingen van de Kinderombudsman' (bijOmbudsman.kinderombudsman.reactieOpRapport) is geen afronding bereikbaar",
      }),
    ]);
  });

  test("Wet arhi art. 40: the graph stage checks a definition as the registry compiles it, with the successor's second line", () => {
    const { definities, geladen } = weesp();
    // Alone, Weesp's regime knows no second line after 23 March 2022, so the route to Amsterdam's ombudsman is not even built.
    const dagen = verkenningsDagen(geladen.definitie);
    expect(naarOmbudsmanVanuitAanbieder(verkenGraaf(graafRegime(geladen, [geladen]), dagen).adjacency)).toEqual([]);
    expect(naarOmbudsmanVanuitAanbieder(verkenGraaf(graafRegime(geladen, definities), dagen).adjacency)).toEqual([
      '2022-03-17 VERZOEK_OMBUDSMAN',
    ]);
    expect(graafStap.run(definities)).toEqual([]);
    expect(checkGraph(geladen, definities)).toEqual([]);
  });
});
