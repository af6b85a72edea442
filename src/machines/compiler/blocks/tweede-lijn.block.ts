/**
 * Awb titel 9.2: the second line. After afdoening, niet-behandelen or an overschreden termijn the klager
 * has one year (Awb 9:24, no Atw) to go to the body valid at that date (Nationale ombudsman, a local or
 * gezamenlijke ombudsman, or an ombudscommissie; GemW 81p). The venster ends in `afgesloten`.
 */
import { jeugdwetRegime } from '../termijnen';
import {
  bestaand,
  intent,
  naar,
  overgang,
  stopTermijn,
  toestand,
  type ActieRef,
  type Blok,
  type OvergangConfig,
  type ToestandConfig,
} from './bouw';

/**
 * Where a Jeugdwet klacht (Jeugdwet 4.2.1) lies at the Kinderombudsman (Wet Nationale ombudsman art. 11c, 11d): a state of
 * its own under bijOmbudsman, so every view names the Kinderombudsman and not the gemeente's second line (a klacht's text
 * is its state's: Regime.beschrijfKlacht reads only the state and its days).
 */
export const BIJ_KINDEROMBUDSMAN = ['bijOmbudsman', 'kinderombudsman'] as const;

/** Wet Nationale ombudsman art. 11d: Awb titel 9.2 applies by analogy to the Kinderombudsman's handling of a klacht about a private body. */
const NAAR_ANALOGIE = (artikel: string) => `Wet Nationale ombudsman art. 11d; Awb ${artikel} (naar analogie)`;

/** The texts of the investigation and of the reaction to its report (Awb 9:27–9:36) for one second-line body. */
interface OnderzoekTekst {
  onderzoek: { omschrijving: string; grondslag: string; perKlacht?: { tekst: string; op: 'vandaag' | 'sinds' } };
  reactie: { omschrijving: string; grondslag: string };
}

export const tweedeLijnBlok: Blok = (cc) => {
  const namen = [...new Set(cc.def.tweedeLijn.map((t) => t.naam))].join(' / ');
  const loket = cc.def.eersteLijn.gemeenteLoket;
  // Awb 9:31: a request filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken, data.verzoekKlacht) gives
  // the loket its task there, with its termijn and the step that closes it; the hoofdklacht only records that the
  // ombudsman asked. Without such a klacht (the event sent on the hoofdklacht alone) the hoofdklacht gives the task.
  const alleenVastgelegd = (omschrijving: string) =>
    overgang({
      guard: 'verzoekMetEigenKlacht',
      omschrijving: `${omschrijving}; de opdracht staat in de eigen klacht van het verzoek`,
      grondslag: 'Awb 9:31',
    });
  const jeugdwet = jeugdwetRegime(cc.def) !== undefined;
  /**
   * Awb 9:31: who gives the ombudsman the information he asks for, and takes up his interventieverzoek. The gemeente's
   * loket for the gemeente's conduct. For a Jeugdwet klacht at the Kinderombudsman the jeugdhulpaanbieder whose conduct he
   * investigates: Wet Nationale ombudsman art. 11d applies titel 9.2 by analogy to a klacht about a private body (art. 11c
   * lid 1 sub b), so the aanbieder stands where 9:31 names the bestuursorgaan, and Jeugdwet 4.2.1 lid 6 leaves the gemeente
   * no part in that klacht. Decided by the klacht's route (guard jeugdwetKlacht), so a Jeugdwet klacht that reached
   * bijOmbudsman.onderzoek before the Kinderombudsman had a state of its own is answered by the aanbieder too.
   */
  const medewerkingVan = (
    maak: (naar: string, grondslag: string) => ActieRef,
    omschrijving: string,
    metAanbieder: boolean,
  ): OvergangConfig[] => [
    ...(metAanbieder && jeugdwet
      ? [
          overgang({
            guard: 'jeugdwetKlacht',
            omschrijving: `${omschrijving}: de jeugdhulpaanbieder, over wiens gedraging de Kinderombudsman onderzoek doet`,
            grondslag: NAAR_ANALOGIE('9:31'),
            acties: [maak('aanbieder', NAAR_ANALOGIE('9:31'))],
          }),
        ]
      : []),
    overgang({ omschrijving, grondslag: 'Awb 9:31', acties: [maak(loket, 'Awb 9:31')] }),
  ];
  const medewerking = (metAanbieder: boolean) => ({
    OMBUDSMAN_INFORMATIEVRAAG: [
      alleenVastgelegd('informatievraag van de ombudsman vastgelegd'),
      ...medewerkingVan(
        (naar, grondslag) => ({
          type: 'intentMetData',
          params: { type: 'INFORMATIE_AAN_OMBUDSMAN', naar, grondslag, velden: ['termijn', 'vraag'] },
        }),
        'informatievraag beantwoorden binnen de door de ombudsman gestelde termijn',
        metAanbieder,
      ),
    ],
  });
  /** The ombudsman's investigation and the reaction to its report (Awb 9:27–9:36), under `ouder`. */
  const onderzoekStappen = (
    ouder: string,
    extra: Record<string, OvergangConfig | OvergangConfig[]>,
    tekst: OnderzoekTekst = GEMEENTE_ONDERZOEK,
  ): Record<string, ToestandConfig> => ({
    onderzoek: toestand({
      ...tekst.onderzoek,
      fase: 'tweedeLijn',
      on: {
        ...extra,
        // Awb 9:23, 9:25: the ombudsman does not (further) investigate.
        OMBUDSMAN_NIET_IN_BEHANDELING: overgang({
          naar: naar('afgesloten'),
          omschrijving: 'de ombudsman neemt het verzoek niet (verder) in behandeling',
          grondslag: 'Awb 9:23, 9:25',
        }),
        // Awb 9:36 lid 2, 3: the report goes to the one whose conduct it judges, who reacts to it: the jeugdhulpaanbieder
        // for a Jeugdwet klacht the Kinderombudsman heard (Wet Nationale ombudsman art. 11d), else the gemeente's loket.
        RAPPORT_OMBUDSMAN: [
          overgang({
            naar: naar(ouder, 'reactieOpRapport'),
            guard: 'rapportMetAanbevelingen',
            omschrijving: 'rapport met bevindingen, oordeel en aanbevelingen',
            grondslag: 'Awb 9:36 lid 1',
            acties: ['rapportOntvangen'],
          }),
          overgang({
            naar: naar('afgesloten'),
            guard: 'rapportZonderAanbevelingen',
            omschrijving: 'rapport met bevindingen en oordeel, zonder aanbevelingen',
            grondslag: 'Awb 9:36 lid 1',
            acties: ['rapportOntvangen'],
          }),
        ],
      },
    }),
    reactieOpRapport: toestand({
      ...tekst.reactie,
      fase: 'tweedeLijn',
      on: {
        // Awb 9:36 lid 3: how the recommendation is followed, with reasons when it is not.
        REACTIE_OP_AANBEVELINGEN: overgang({
          naar: naar('afgesloten'),
          guard: 'reactieGeldig',
          omschrijving: 'de ombudsman binnen een redelijke termijn laten weten hoe de aanbevelingen worden opgevolgd',
          grondslag: 'Awb 9:36 lid 3',
          acties: [
            {
              type: 'intentMetData',
              params: { type: 'REACTIE_AAN_OMBUDSMAN', naar: 'tweede lijn', grondslag: 'Awb 9:36 lid 3', velden: ['volgen', 'motivering'] },
            },
          ],
        }),
      },
    }),
  });

  /**
   * Awb 9:20 lid 1 (by analogy, Wet Nationale ombudsman art. 11d): the Kinderombudsman sends a Jeugdwet klacht back for
   * internal handling first. That is the jeugdhulpaanbieder's klachtencommissie (Jeugdwet 4.2.1), never the gemeente under
   * Awb titel 9.1, which lid 6 excludes: the klacht starts there again with the commissie's term from the forwarding
   * (jeugdwetOpnieuw: the passing of an earlier term no longer opens the way on), and the commissie is told.
   */
  const naarKlachtencommissie = (guard?: string) =>
    overgang({
      naar: naar('jeugdwetKlachtencommissie'),
      ...(guard ? { guard } : {}),
      omschrijving:
        'de Kinderombudsman zendt de klacht door: eerst de klachtencommissie van de jeugdhulpaanbieder (Awb titel 9.1 geldt niet)',
      grondslag: `${NAAR_ANALOGIE('9:20 lid 1')}; Jeugdwet 4.2.1 lid 6`,
      acties: [
        'jeugdwetOpnieuw',
        intent('ONTVANGST_DOORGEZONDEN_KLACHT', 'klachtencommissie', `${NAAR_ANALOGIE('9:20 lid 1')}; Jeugdwet 4.2.1 lid 6`, {
          doorgezondenDoor: 'Kinderombudsman',
        }),
      ],
    });
  // Filed as a klacht of its own (soort doorgezondenKlacht): that klacht is the internal handling, with its termijn from
  // the forwarded klacht's receipt (its own route: the gemeente's under Awb 9:11, or the klachtencommissie's for a Jeugdwet
  // klacht, Jeugdwet 4.2.1 lid 6). The ombudsman ended his part by forwarding, so the hoofdklacht leaves the second line: no
  // second handling, no second termijn, no letter to the klager (the one who complained again has his answer from the new klacht).
  const doorgezondenMetEigenKlacht = overgang({
    naar: naar('afgesloten'),
    guard: 'verzoekMetEigenKlacht',
    omschrijving:
      'de ombudsman zendt de klacht door voor interne klachtbehandeling; die staat in de eigen klacht van het verzoek, de tweede lijn is hier afgerond',
    grondslag: 'Awb 9:20',
  });

  return {
    states: {
      tweedeLijnVenster: toestand({
        omschrijving: `Afgedaan; de klager kan binnen een jaar naar de tweede lijn (${namen})`,
        // Where the klager can go now: after a herindeling or a change on 1 January not the body of the afdoening (GemW 81p).
        perKlacht: { tekst: 'Afgedaan; de klager kan binnen een jaar naar de tweede lijn ({instantie})', op: 'vandaag' },
        fase: 'tweedeLijn',
        grondslag: 'Awb 9:24 lid 1',
        termijnen: bestaand(cc, 'tweedeLijnVerzoek'),
        definitiePad: ['tweedeLijn'],
        on: {
          // Awb 9:18: a written request to the ombudsman valid on that date.
          VERZOEK_OMBUDSMAN: overgang({
            naar: naar('bijOmbudsman'),
            omschrijving: 'verzoekschrift bij de tweede lijn ingediend',
            grondslag: 'Awb 9:18, 9:24',
            acties: ['verzoekOmbudsman', stopTermijn('tweedeLijnVerzoek')],
          }),
          ...(cc.specs.tweedeLijnVerzoek
            ? {
                // Awb 9:24 lid 1: one year, no Atw (Atw art. 4).
                TERMIJN_VERLOPEN: overgang({
                  naar: naar('afgesloten'),
                  guard: { type: 'termijnVerstreken', params: { termijn: 'tweedeLijnVerzoek' } },
                  omschrijving: 'het jaar voor een verzoek aan de tweede lijn is verstreken',
                  grondslag: 'Awb 9:24 lid 1',
                  acties: ['termijnVerlopen'],
                }),
              }
            : {}),
        },
      }),
      bijOmbudsman: toestand({
        omschrijving: `Bij de tweede lijn (${namen})${jeugdwet ? ' of bij de Kinderombudsman' : ''}`,
        fase: 'tweedeLijn',
        grondslag: jeugdwet ? 'Awb titel 9.2; Wet Nationale ombudsman art. 11c, 11d' : 'Awb titel 9.2',
        laatsteLijn: true,
        initial: 'onderzoek',
        on: {
          ...medewerking(true),
          OMBUDSMAN_INTERVENTIEVERZOEK: [
            alleenVastgelegd('interventieverzoek van de ombudsman vastgelegd'),
            ...medewerkingVan(
              (naar, grondslag) => intent('INTERVENTIE_OPPAKKEN', naar, grondslag),
              'interventieverzoek van de ombudsman oppakken',
              true,
            ),
          ],
          OMBUDSMAN_EIGEN_ONDERZOEK: [
            // Filed as a klacht of its own (soort eigenOnderzoek), whose start gives the loket MEDEWERKING_ONDERZOEK.
            alleenVastgelegd('onderzoek uit eigen beweging vastgelegd'),
            overgang({
              omschrijving: 'onderzoek uit eigen beweging: gemeente en aanbieder werken mee',
              grondslag: 'Awb 9:26, 9:31',
              acties: [intent('MEDEWERKING_ONDERZOEK', loket, 'Awb 9:26, 9:31')],
            }),
          ],
        },
        states: {
          ...onderzoekStappen('bijOmbudsman', {
            // Awb 9:20: internal complaint handling first.
            OMBUDSMAN_DOORGEZONDEN: [
              doorgezondenMetEigenKlacht,
              // A Jeugdwet klacht that reached this state before the Kinderombudsman had one of its own (a running klacht
              // keeps its state): back to the klachtencommissie as from bijOmbudsman.kinderombudsman, never Awb titel 9.1.
              ...(jeugdwet ? [naarKlachtencommissie('jeugdwetKlacht')] : []),
              overgang({
                naar: naar('gemeente'),
                omschrijving: 'de ombudsman zendt de klacht door: eerst interne klachtbehandeling',
                grondslag: 'Awb 9:20',
                acties: [intent('ONTVANGST_DOORGEZONDEN_KLACHT', loket, 'Awb 9:20')],
              }),
            ],
          }),
          // Wet Nationale ombudsman art. 11c, 11d: the Jeugdwet route's second line (bijzondere-regimes.block.ts). The
          // informatievraag and interventieverzoek are bijOmbudsman's own (above: the aanbieder answers, by the route).
          ...(jeugdwet
            ? {
                kinderombudsman: toestand({
                  omschrijving: 'Bij de Kinderombudsman: klacht over een jeugdhulpaanbieder',
                  fase: 'tweedeLijn',
                  grondslag: 'Wet Nationale ombudsman art. 11c, 11d',
                  initial: 'onderzoek',
                  states: onderzoekStappen(
                    BIJ_KINDEROMBUDSMAN.join('.'),
                    { OMBUDSMAN_DOORGEZONDEN: [doorgezondenMetEigenKlacht, naarKlachtencommissie()] },
                    KINDEROMBUDSMAN_ONDERZOEK,
                  ),
                }),
              }
            : {}),
        },
      }),
      // Awb 9:31: the ombudsman's informatievraag or interventieverzoek as a case of its own (the request's klacht, filed
      // by the service): no klaagschrift, so no Awb 9:11 termijn and no year for the second line after it (Awb 9:24 is
      // the klager's). The loket answers by the ombudsman's date, if he set one (`ombudsmanTermijn`: reminded and
      // escalated inside the gemeente, never a letter to a klager); the answer closes the case.
      verzoekOmbudsman: toestand({
        omschrijving: `Verzoek om medewerking van de tweede lijn (${namen}): geen klacht`,
        fase: 'tweedeLijn',
        grondslag: 'Awb 9:31',
        laatsteLijn: true,
        termijnen: bestaand(cc, 'ombudsmanTermijn'),
        initial: 'informatievraag',
        on: {
          // Awb 9:31 lid 1 ("binnen een door hem te bepalen termijn"): the ombudsman may set another date; the request then
          // runs to it (its reminders and escalation move with it). The gemeente cannot move it itself (no VERDAGEN).
          OMBUDSMAN_TERMIJN_GEWIJZIGD: overgang({
            guard: 'gesteldeDatumGeldig',
            omschrijving: 'de ombudsman stelt een andere datum voor het antwoord',
            grondslag: 'Awb 9:31 lid 1',
            acties: [{ type: 'gesteldeTermijnWijzigen', params: { naam: 'ombudsmanTermijn' } }],
          }),
        },
        states: {
          informatievraag: toestand({
            omschrijving: `Informatievraag van de tweede lijn (${namen}): ${loket} verstrekt de inlichtingen en stukken uiterlijk op de datum die de ombudsman stelde; stelde hij geen datum, dan loopt er geen termijn (Awb 9:31 kent geen wettelijke termijn, Awb 9:11 geldt alleen voor een klaagschrift)`,
            perKlacht: {
              tekst: `Informatievraag van {instantie}: ${loket} verstrekt de inlichtingen en stukken uiterlijk op de datum die de ombudsman stelde; stelde hij geen datum, dan loopt er geen termijn (Awb 9:31 kent geen wettelijke termijn, Awb 9:11 geldt alleen voor een klaagschrift)`,
              op: 'sinds',
            },
            fase: 'tweedeLijn',
            grondslag: 'Awb 9:31',
            on: {
              INFORMATIE_VERSTREKT: overgang({
                naar: naar('afgesloten'),
                omschrijving: 'de gevraagde inlichtingen en stukken zijn aan de ombudsman verstrekt',
                grondslag: 'Awb 9:31',
              }),
            },
          }),
          interventieverzoek: toestand({
            omschrijving: `Interventieverzoek van de tweede lijn (${namen}): ${loket} pakt het op, met de ketenpartner, uiterlijk op de datum die de ombudsman stelde; stelde hij geen datum, dan loopt er geen termijn (Awb 9:31 kent geen wettelijke termijn, Awb 9:11 geldt alleen voor een klaagschrift)`,
            perKlacht: {
              tekst: `Interventieverzoek van {instantie}: ${loket} pakt het op, met de ketenpartner, uiterlijk op de datum die de ombudsman stelde; stelde hij geen datum, dan loopt er geen termijn (Awb 9:31 kent geen wettelijke termijn, Awb 9:11 geldt alleen voor een klaagschrift)`,
              op: 'sinds',
            },
            fase: 'tweedeLijn',
            grondslag: 'Awb 9:31',
            on: {
              INTERVENTIE_AFGEROND: overgang({
                naar: naar('afgesloten'),
                omschrijving: 'de interventie is gedaan en aan de ombudsman gemeld',
                grondslag: 'Awb 9:31',
              }),
            },
          }),
        },
      }),
      // Awb 9:26: an investigation on the ombudsman's own initiative, without a klacht; the gemeente and its
      // ketenpartners cooperate and answer its questions (Awb 9:31), and react to its recommendations (9:36).
      eigenOnderzoek: toestand({
        omschrijving: `Onderzoek uit eigen beweging door de tweede lijn (${namen})`,
        fase: 'tweedeLijn',
        grondslag: 'Awb 9:26',
        laatsteLijn: true,
        initial: 'onderzoek',
        entry: [intent('MEDEWERKING_ONDERZOEK', loket, 'Awb 9:26, 9:31')],
        on: medewerking(false),
        states: onderzoekStappen('eigenOnderzoek', {}),
      }),
    },
  };
};

const GEMEENTE_ONDERZOEK: OnderzoekTekst = {
  onderzoek: {
    omschrijving: 'Onderzoek door de tweede lijn',
    // The body the verzoek went to (Awb 9:18): competent on the day the investigation began.
    perKlacht: { tekst: 'Onderzoek door de tweede lijn ({instantie})', op: 'sinds' },
    grondslag: 'Awb 9:27–9:35',
  },
  reactie: { omschrijving: 'Reactie op de aanbevelingen van de ombudsman', grondslag: 'Awb 9:36 lid 3' },
};

/** One body whatever the day (Wet Nationale ombudsman art. 11a), so no per-klacht text. */
const KINDEROMBUDSMAN_ONDERZOEK: OnderzoekTekst = {
  onderzoek: {
    omschrijving: 'Onderzoek door de Kinderombudsman naar de gedraging van de jeugdhulpaanbieder',
    grondslag: `Wet Nationale ombudsman art. 11c, 11d; Awb 9:27–9:35 (naar analogie)`,
  },
  reactie: {
    omschrijving: 'Reactie van de jeugdhulpaanbieder op de aanbevelingen van de Kinderombudsman',
    grondslag: NAAR_ANALOGIE('9:36 lid 3'),
  },
};
