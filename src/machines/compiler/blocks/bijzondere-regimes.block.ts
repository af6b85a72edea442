/**
 * Special regimes per aanbieder type: the Jeugdwet klachtencommissie (Jeugdwet 4.2.1, Awb titel 9.1
 * excluded by lid 6) and the Wkkgz (klachtenfunctionaris, written outcome within 6 weeks + 4 with
 * notice before expiry, art. 17; geschilleninstantie within 6 months, art. 21–22).
 */
import { GESCHIL_VOORLEGGEN, jeugdwetRegime, wkkgzRegime } from '../termijnen';
import { tevredenheidNaVerlopen } from '../../registratie';
import {
  bestaand,
  intent,
  naar,
  overgang,
  startTermijn,
  stopTermijn,
  toestand,
  vervalTermijn,
  type ActieRef,
  type Blok,
  type BlokFragment,
  type ToestandConfig,
} from './bouw';
import { BIJ_KINDEROMBUDSMAN } from './tweede-lijn.block';

export const jeugdwetBlok: Blok = (cc) => {
  if (!jeugdwetRegime(cc.def)) return { states: {} };
  const type =
    Object.entries(cc.def.bijzondereRegimes ?? {}).find(([, r]) => r?.regime === 'jeugdwetKlachtencommissie')?.[0] ?? 'jeugdhulp';
  // Wet Nationale ombudsman art. 11a, 11c: the Kinderombudsman hears complaints about private jeugdhulp too.
  const kinderombudsman: ActieRef = { type: 'verzoekOmbudsman', params: { instantie: 'Kinderombudsman', soort: 'kinderombudsman' } };
  const states: Record<string, ToestandConfig> = {
    jeugdwetKlachtencommissie: toestand({
      omschrijving: 'Klachtencommissie van de jeugdhulpaanbieder (Awb titel 9.1 geldt niet)',
      fase: 'bijzonder',
      grondslag: 'Jeugdwet 4.2.1',
      termijnen: bestaand(cc, 'jeugdwetOordeel', 'jeugdwetReactie', 'tweedeLijnVerzoek'),
      definitiePad: ['bijzondereRegimes', type],
      initial: 'oordeelCommissie',
      exit: bestaand(cc, 'jeugdwetOordeel', 'jeugdwetReactie').map(stopTermijn),
      on: {
        // No klager is stuck: when the commissie lets its term pass without a judgement or a new term
        // (lid 2 sub d), or the aanbieder its month (lid 5), the klager can go to the Kinderombudsman, who
        // also hears complaints about private jeugdhulp (Wet Nationale ombudsman art. 11a, 11c).
        // The klacht leaves the commissie and the aanbieder unmet: their termijnen end 'vervallen' (or 'verlopen' when
        // passed), never 'nagekomen' as the exit's stop alone would make the aanbieder's month that still runs after a
        // late oordeel (StepResult.vervallen).
        VERZOEK_OMBUDSMAN: overgang({
          naar: naar(...BIJ_KINDEROMBUDSMAN),
          guard: 'jeugdwetTermijnVerstreken',
          omschrijving: 'de termijn van de klachtencommissie of de aanbieder is verstreken: de klager wendt zich tot de Kinderombudsman',
          grondslag: 'Wet Nationale ombudsman art. 11a, 11c',
          acties: [...bestaand(cc, 'jeugdwetOordeel', 'jeugdwetReactie').map(vervalTermijn), kinderombudsman],
        }),
        STRUCTURELE_SITUATIE: overgang({
          omschrijving: 'ernstige situatie met een structureel karakter: de commissie meldt het de aanbieder',
          grondslag: 'Jeugdwet 4.2.2',
          acties: [
            intent('MELDING_STRUCTURELE_SITUATIE', 'aanbieder', 'Jeugdwet 4.2.2'),
            intent('TOEZICHT_VOLGEN', 'toezichthouder', 'Jeugdwet 4.2.2', { alsGeenMaatregelen: true }),
          ],
        }),
      },
      states: {
        oordeelCommissie: toestand({
          omschrijving: 'Behandeling door de klachtencommissie',
          fase: 'bijzonder',
          grondslag: 'Jeugdwet 4.2.1 lid 2',
          termijnen: bestaand(cc, 'jeugdwetOordeel'),
          entry: startTermijn(cc, 'jeugdwetOordeel'),
          on: {
            // Jeugdwet 4.2.1 lid 2 sub d: a deviating term only with a reasoned notice stating the new term.
            NIEUWE_TERMIJN: overgang({
              guard: { type: 'nieuweTermijnGeldig', params: { termijn: 'jeugdwetOordeel' } },
              omschrijving: 'de commissie wijkt af van de termijn: met redenen omklede mededeling met de nieuwe termijn',
              grondslag: 'Jeugdwet 4.2.1 lid 2 sub d',
              acties: [
                { type: 'nieuweTermijn', params: { grondslag: 'Jeugdwet 4.2.1 lid 2 sub d', naar: ['klager', 'beklaagde', 'aanbieder'] } },
              ],
            }),
            // Jeugdwet 4.2.1 lid 2 sub c: reasoned judgement to klager, beklaagde and aanbieder.
            OORDEEL_KLACHTENCOMMISSIE: overgang({
              naar: naar('jeugdwetKlachtencommissie', 'reactieAanbieder'),
              guard: 'oordeelGeldig',
              omschrijving: 'schriftelijk, met redenen omkleed oordeel aan klager, beklaagde en aanbieder',
              grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
              acties: [
                stopTermijn('jeugdwetOordeel'),
                {
                  type: 'intentMetData',
                  params: {
                    type: 'OORDEEL_KLACHTENCOMMISSIE',
                    naar: 'klager',
                    grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
                    velden: ['oordeel', 'aanbevelingen'],
                  },
                },
                {
                  type: 'intentMetData',
                  params: {
                    type: 'OORDEEL_KLACHTENCOMMISSIE',
                    naar: 'beklaagde',
                    grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
                    velden: ['oordeel', 'aanbevelingen'],
                  },
                },
                {
                  type: 'intentMetData',
                  params: {
                    type: 'OORDEEL_KLACHTENCOMMISSIE',
                    naar: 'aanbieder',
                    grondslag: 'Jeugdwet 4.2.1 lid 2 sub c',
                    velden: ['oordeel', 'aanbevelingen'],
                  },
                },
                // Jeugdwet 4.2.1 lid 5: "binnen een maand na ontvangst van het oordeel" by the aanbieder.
                ...startTermijn(cc, 'jeugdwetReactie', 'event', 'ontvangenDoorAanbieder'),
              ],
            }),
          },
        }),
        reactieAanbieder: toestand({
          omschrijving: 'Reactie van de aanbieder: welke maatregelen?',
          fase: 'bijzonder',
          grondslag: 'Jeugdwet 4.2.1 lid 5',
          termijnen: bestaand(cc, 'jeugdwetReactie'),
          on: {
            NIEUWE_TERMIJN: overgang({
              guard: { type: 'nieuweTermijnGeldig', params: { termijn: 'jeugdwetReactie' } },
              omschrijving: 'de aanbieder wijkt af van de maand: met redenen omklede mededeling met de nieuwe termijn',
              grondslag: 'Jeugdwet 4.2.1 lid 5',
              acties: [{ type: 'nieuweTermijn', params: { grondslag: 'Jeugdwet 4.2.1 lid 5', naar: ['klager', 'klachtencommissie'] } }],
            }),
            // Jeugdwet 4.2.1 lid 5: within one month, to the klager and the commissie. That completes the internal
            // handling; the klager may then go on to the Kinderombudsman (reactieGegeven).
            REACTIE_AANBIEDER: overgang({
              naar: naar('jeugdwetKlachtencommissie', 'reactieGegeven'),
              omschrijving: 'de aanbieder deelt klager en klachtencommissie schriftelijk mee of en welke maatregelen hij neemt',
              grondslag: 'Jeugdwet 4.2.1 lid 5',
              acties: [
                stopTermijn('jeugdwetReactie'),
                {
                  type: 'intentMetData',
                  params: { type: 'REACTIE_OP_OORDEEL', naar: 'klager', grondslag: 'Jeugdwet 4.2.1 lid 5', velden: ['maatregelen'] },
                },
                {
                  type: 'intentMetData',
                  params: {
                    type: 'REACTIE_OP_OORDEEL',
                    naar: 'klachtencommissie',
                    grondslag: 'Jeugdwet 4.2.1 lid 5',
                    velden: ['maatregelen'],
                  },
                },
              ],
            }),
          },
        }),
        // Wet Nationale ombudsman art. 11d: Awb titel 9.2 applies by analogy. The oordeel and the aanbieder's reactie
        // complete the internal handling (Awb 9:20), so the klager not satisfied with them may now go to the
        // Kinderombudsman, within the year from the reactie (Awb 9:24 lid 1 sub a: the definition's tweedeLijnVerzoek);
        // no klacht waits for ever: when the year passes without a request, or the klager is satisfied, it is closed.
        reactieGegeven: toestand({
          omschrijving: 'Oordeel en reactie gegeven: de klager kan binnen een jaar naar de Kinderombudsman',
          fase: 'bijzonder',
          grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:20, 9:24 lid 1 (naar analogie)',
          termijnen: bestaand(cc, 'tweedeLijnVerzoek'),
          entry: startTermijn(cc, 'tweedeLijnVerzoek'),
          on: {
            VERZOEK_OMBUDSMAN: overgang({
              naar: naar(...BIJ_KINDEROMBUDSMAN),
              omschrijving: 'de klager wendt zich na oordeel en reactie tot de Kinderombudsman',
              grondslag: 'Wet Nationale ombudsman art. 11c, 11d; Awb 9:20, 9:24 lid 1 (naar analogie)',
              acties: [kinderombudsman, ...bestaand(cc, 'tweedeLijnVerzoek').map(stopTermijn)],
            }),
            KLAGER_TEVREDEN: overgang({
              naar: naar('afgesloten'),
              omschrijving: 'de klager is tevreden met oordeel en maatregelen',
              grondslag: 'Jeugdwet 4.2.1 lid 5',
            }),
            ...(cc.specs.tweedeLijnVerzoek
              ? {
                  TERMIJN_VERLOPEN: overgang({
                    naar: naar('afgesloten'),
                    guard: { type: 'termijnVerstreken', params: { termijn: 'tweedeLijnVerzoek' } },
                    omschrijving: 'het jaar voor een verzoek aan de Kinderombudsman is verstreken: de klacht wordt afgesloten',
                    grondslag: 'Wet Nationale ombudsman art. 11d; Awb 9:24 lid 1 (naar analogie)',
                    acties: ['termijnVerlopen'],
                  }),
                }
              : {}),
          },
        }),
      },
    }),
  };
  return { states };
};

export const wkkgzBlok: Blok = (cc): BlokFragment => {
  const wk = wkkgzRegime(cc.def);
  const nietBereikt = tevredenheidNaVerlopen(cc.def, GESCHIL_VOORLEGGEN);
  if (!wk) return { states: {} };
  const type = Object.entries(cc.def.bijzondereRegimes ?? {}).find(([, r]) => r?.regime === 'wkkgz')?.[0] ?? 'zorg';
  const naarGeschil = (guard?: string, acties?: ActieRef[]) =>
    overgang({
      naar: naar('wkkgz', 'bijGeschilleninstantie'),
      ...(guard ? { guard } : {}),
      omschrijving: `geschil voorgelegd aan ${wk.geschilleninstantie}`,
      grondslag: 'Wkkgz 21 lid 1',
      acties,
    });
  return {
    states: {
      wkkgz: toestand({
        omschrijving: 'Klacht over zorg: klachtenregeling van de zorgaanbieder (Wkkgz)',
        fase: 'bijzonder',
        grondslag: 'Wkkgz 13–22',
        termijnen: bestaand(cc, 'wkkgzAfhandeling', GESCHIL_VOORLEGGEN, 'wkkgzGeschil'),
        definitiePad: ['bijzondereRegimes', type],
        initial: 'bijKlachtenfunctionaris',
        exit: bestaand(cc, 'wkkgzAfhandeling', 'wkkgzGeschil').map(stopTermijn),
        states: {
          bijKlachtenfunctionaris: toestand({
            omschrijving: 'Bij de klachtenfunctionaris van de zorgaanbieder',
            fase: 'bijzonder',
            grondslag: 'Wkkgz 15, 16, 17',
            termijnen: bestaand(cc, 'wkkgzAfhandeling'),
            entry: startTermijn(cc, 'wkkgzAfhandeling'),
            on: {
              // Wkkgz 17 lid 1: written, reasoned outcome within six weeks.
              AFDOENEN: overgang({
                naar: naar('wkkgz', 'uitkomstMeegedeeld'),
                guard: 'oordeelGeldig',
                omschrijving: 'schriftelijke, met redenen omklede mededeling: oordeel, beslissingen en termijn voor de maatregelen',
                grondslag: 'Wkkgz 17 lid 1',
                acties: [
                  stopTermijn('wkkgzAfhandeling'),
                  {
                    type: 'intentMetData',
                    params: {
                      type: 'SCHRIFTELIJKE_UITKOMST',
                      naar: 'klager',
                      grondslag: 'Wkkgz 17 lid 1',
                      velden: ['oordeel', 'maatregelen'],
                    },
                  },
                ],
              }),
              // Wkkgz 21 lid 1 sub a, c: before the outcome. The klacht leaves the klachtenfunctionaris, whose written
              // outcome (17 lid 1) can no longer come: the six weeks end unmet ('vervallen', or 'verlopen' when passed),
              // so no later wake-up escalates them or counts the zorgaanbieder late in bijGeschilleninstantie.
              GESCHIL_VOORGELEGD: naarGeschil('geschilToegestaan', bestaand(cc, 'wkkgzAfhandeling').map(vervalTermijn)),
              KLAGER_TEVREDEN: overgang({
                naar: naar('afgesloten'),
                omschrijving: 'opgelost tot tevredenheid van klager en zorgaanbieder',
                grondslag: 'Wkkgz 16',
              }),
            },
          }),
          // No klager waits here for ever (as after the aanbieder's afdoening, wacht-op-klager.ts): from the written
          // outcome his window to take the geschil further runs (Wkkgz 21 lid 1 sub b; the Wkkgz sets no term, the
          // definition's geschilVoorleggenTermijn or the reglement's year, termijnen.ts). His answer ends it; when it
          // passes without one the klacht is closed, and an answer after its last day is refused (geschilVoorleggenLoopt).
          // No exit stops it: an exit runs before the wake-up's termijnVerlopen, which must still read its last day; every
          // other way out ends in a final state, which stops all termijnen, or stops it itself (the geschil).
          uitkomstMeegedeeld: toestand({
            omschrijving: 'Uitkomst meegedeeld: neemt de mededeling de klacht weg?',
            fase: 'bijzonder',
            grondslag: 'Wkkgz 21 lid 1 sub b',
            termijnen: bestaand(cc, GESCHIL_VOORLEGGEN),
            entry: startTermijn(cc, GESCHIL_VOORLEGGEN),
            on: {
              KLAGER_TEVREDEN: overgang({
                naar: naar('afgesloten'),
                guard: 'geschilVoorleggenLoopt',
                omschrijving: 'klager tevreden met de mededeling',
                grondslag: 'Wkkgz 17',
              }),
              GESCHIL_VOORGELEGD: naarGeschil('geschilVoorleggenLoopt', bestaand(cc, GESCHIL_VOORLEGGEN).map(stopTermijn)),
              TERMIJN_VERLOPEN: overgang({
                naar: naar('afgesloten'),
                guard: { type: 'termijnVerstreken', params: { termijn: GESCHIL_VOORLEGGEN } },
                omschrijving: 'de klager legde het geschil niet binnen zijn termijn voor: de klacht wordt afgesloten',
                grondslag: 'Wkkgz 21 lid 1 sub b',
                acties: [
                  'termijnVerlopen',
                  // As the wait for the klager's answer (aanbieder.block.ts): he was not reached; the dossier hears what the
                  // registration records ('niet bereikt' where the gemeente's list has it, registratie.ts).
                  intent('AFGESLOTEN_ZONDER_GESCHIL', 'dossier', 'Wkkgz 21 lid 1 sub b', {
                    termijn: GESCHIL_VOORLEGGEN,
                    ...(nietBereikt ? { tevredenheid: nietBereikt } : {}),
                  }),
                ],
              }),
            },
          }),
          bijGeschilleninstantie: toestand({
            omschrijving: `Bij ${wk.geschilleninstantie}`,
            fase: 'bijzonder',
            grondslag: 'Wkkgz 19–22',
            laatsteLijn: true,
            termijnen: bestaand(cc, 'wkkgzGeschil'),
            entry: startTermijn(cc, 'wkkgzGeschil'),
            on: {
              // Wkkgz 19, 22: binding advice within six months.
              UITSPRAAK_GESCHILLENINSTANTIE: overgang({
                naar: naar('afgesloten'),
                omschrijving: 'uitspraak bij wege van bindend advies',
                grondslag: 'Wkkgz 19, 20, 22',
                acties: [
                  {
                    type: 'intentMetData',
                    params: { type: 'UITSPRAAK_REGISTREREN', naar: 'dossier', grondslag: 'Wkkgz 22', velden: ['uitspraak'] },
                  },
                ],
              }),
            },
          }),
        },
      }),
    },
  };
};
