/**
 * Awb titel 9.2: the second line. After afdoening, niet-behandelen or an overschreden termijn the klager
 * has one year (Awb 9:24, no Atw) to go to the body valid at that date (Nationale ombudsman, a local or
 * gezamenlijke ombudsman, or an ombudscommissie; GemW 81p). The venster ends in `afgesloten`.
 */
import { bestaand, intent, naar, overgang, stopTermijn, toestand, type Blok, type OvergangConfig, type ToestandConfig } from './bouw';

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
  const medewerking = {
    OMBUDSMAN_INFORMATIEVRAAG: [
      alleenVastgelegd('informatievraag van de ombudsman vastgelegd'),
      overgang({
        omschrijving: 'informatievraag beantwoorden binnen de door de ombudsman gestelde termijn',
        grondslag: 'Awb 9:31',
        acties: [
          {
            type: 'intentMetData',
            params: { type: 'INFORMATIE_AAN_OMBUDSMAN', naar: loket, grondslag: 'Awb 9:31', velden: ['termijn', 'vraag'] },
          },
        ],
      }),
    ],
  };
  /** The ombudsman's investigation and the reaction to its report (Awb 9:27–9:36), under `ouder`. */
  const onderzoekStappen = (ouder: string, extra: Record<string, OvergangConfig | OvergangConfig[]>): Record<string, ToestandConfig> => ({
    onderzoek: toestand({
      omschrijving: 'Onderzoek door de tweede lijn',
      // The body the verzoek went to (Awb 9:18): competent on the day the investigation began.
      perKlacht: { tekst: 'Onderzoek door de tweede lijn ({instantie})', op: 'sinds' },
      fase: 'tweedeLijn',
      grondslag: 'Awb 9:27–9:35',
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
      omschrijving: 'Reactie op de aanbevelingen van de ombudsman',
      fase: 'tweedeLijn',
      grondslag: 'Awb 9:36 lid 3',
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
        omschrijving: `Bij de tweede lijn (${namen})`,
        fase: 'tweedeLijn',
        grondslag: 'Awb titel 9.2',
        laatsteLijn: true,
        initial: 'onderzoek',
        on: {
          ...medewerking,
          OMBUDSMAN_INTERVENTIEVERZOEK: [
            alleenVastgelegd('interventieverzoek van de ombudsman vastgelegd'),
            overgang({
              omschrijving: 'interventieverzoek van de ombudsman oppakken',
              grondslag: 'Awb 9:31',
              acties: [intent('INTERVENTIE_OPPAKKEN', loket, 'Awb 9:31')],
            }),
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
        states: onderzoekStappen('bijOmbudsman', {
          // Awb 9:20: internal complaint handling first.
          OMBUDSMAN_DOORGEZONDEN: [
            // Filed as a klacht of its own (soort doorgezondenKlacht): that klacht is the internal handling, with its
            // Awb 9:11 termijn from the forwarded klacht's receipt (Awb 9:20 lid 1, 2:3) and ONTVANGST_DOORGEZONDEN_KLACHT.
            // The ombudsman ended his part by forwarding, so the hoofdklacht leaves the second line: no second handling,
            // no second termijn, no letter to the klager (the one who complained again has his answer from the new klacht).
            overgang({
              naar: naar('afgesloten'),
              guard: 'verzoekMetEigenKlacht',
              omschrijving:
                'de ombudsman zendt de klacht door voor interne klachtbehandeling; die staat in de eigen klacht van het verzoek, de tweede lijn is hier afgerond',
              grondslag: 'Awb 9:20',
            }),
            overgang({
              naar: naar('gemeente'),
              omschrijving: 'de ombudsman zendt de klacht door: eerst interne klachtbehandeling',
              grondslag: 'Awb 9:20',
              acties: [intent('ONTVANGST_DOORGEZONDEN_KLACHT', loket, 'Awb 9:20')],
            }),
          ],
        }),
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
        on: medewerking,
        states: onderzoekStappen('eigenOnderzoek', {}),
      }),
    },
  };
};
