/**
 * Awb titel 9.1: internal klachtbehandeling by the gemeente. Informal phase (9:5), ontvangstbevestiging
 * (9:6), niet-behandelen (9:8), afschrift beklaagde (9:9), horen (9:10) with the lid 2 exceptions,
 * verslag (9:10 lid 3), klachtadviescommissie (9:13–9:16), mediation, 4-ogen, afdoening (9:12),
 * tevredenheidscheck; the afhandeltermijn (9:11) is data with verdaging and expiry as events.
 */
import { HOREN_UITZONDERINGEN } from '../gebeurtenissen';
import { contactVoor } from '../termijnen';
import {
  bestaand,
  intent,
  naar,
  overgang,
  startTermijn,
  stopTermijn,
  toestand,
  type Blok,
  type OvergangConfig,
  type ToestandConfig,
} from './bouw';

export const awbInternBlok: Blok = (cc) => {
  const { def } = cc;
  const st = def.stappen;
  const kac = st.klachtadviescommissie || undefined;
  const loket = def.eersteLijn.gemeenteLoket;

  // After horen (or skipping it): advice, then 4-ogen, then the afdoening.
  const naOordeel = st.vierOgen ? 'vierOgenToets' : 'oordeelsvorming';
  const naHoren = kac ? 'advies' : naOordeel;
  // Awb 9:5: met the klager's satisfaction, the duty to apply titel 9.1 lapses (no 9:12 letter).
  const tevreden = overgang({
    naar: naar('afgedaanInformeel'),
    omschrijving: 'klacht naar tevredenheid van de klager afgehandeld',
    grondslag: 'Awb 9:5',
  });

  const overslaan = (alleen?: Array<keyof typeof HOREN_UITZONDERINGEN>): OvergangConfig[] =>
    (Object.keys(HOREN_UITZONDERINGEN) as Array<keyof typeof HOREN_UITZONDERINGEN>)
      .filter((r) => !alleen || alleen.includes(r))
      .map((reden) =>
        overgang({
          naar: naar('gemeente', naHoren),
          guard: { type: 'horenUitzondering', params: { reden } },
          omschrijving: `niet horen: ${HOREN_UITZONDERINGEN[reden].omschrijving}`,
          grondslag: HOREN_UITZONDERINGEN[reden].grondslag,
          acties: [intent('VASTLEGGEN_NIET_HOREN', 'dossier', HOREN_UITZONDERINGEN[reden].grondslag, { reden })],
        }),
      );

  const states: Record<string, ToestandConfig> = {};
  if (st.informeleFase) {
    states.informeleFase = toestand({
      omschrijving: 'Informele klachtbehandeling: in gesprek met de klager',
      fase: 'gemeente',
      grondslag: 'Awb 9:5; Uitgangspunten klachtenmanagement Sociaal Domein §1D',
      termijnen: bestaand(cc, 'afhandeling'),
      on: {
        KLAGER_TEVREDEN: tevreden,
        // Awb 9:4: the formal procedure (9:5–9:12) once informal handling does not resolve it.
        FORMELE_BEHANDELING: overgang({
          naar: naar('gemeente', 'beoordelen'),
          omschrijving: 'informele afhandeling lukt niet: formele klachtbehandeling',
          grondslag: 'Awb 9:4',
        }),
      },
    });
  }
  states.beoordelen = toestand({
    omschrijving: 'Ontvangst bevestigd: beoordelen of de klacht behandeld wordt',
    fase: 'gemeente',
    grondslag: 'Awb 9:6, 9:8',
    termijnen: bestaand(cc, 'afhandeling', 'nietBehandelenKennisgeving'),
    entry: ['ontvangstbevestiging', ...startTermijn(cc, 'nietBehandelenKennisgeving', 'gemeente')],
    on: {
      // Awb 9:9: the beklaagde gets a copy of the klaagschrift.
      IN_BEHANDELING_NEMEN: overgang({
        naar: naar('gemeente', 'inBehandeling'),
        omschrijving: 'klacht in behandeling genomen; afschrift aan de beklaagde',
        grondslag: 'Awb 9:9',
        acties: [stopTermijn('nietBehandelenKennisgeving'), 'afschriftBeklaagde'],
      }),
      // Awb 9:8 lid 3: notice within 4 weeks, naming the ombudsman and its term (9:12 lid 2).
      NIET_BEHANDELEN: overgang({
        naar: naar('tweedeLijnVenster'),
        guard: 'nietBehandelenBinnenTermijn',
        omschrijving: 'klacht niet behandeld: kennisgeving binnen 4 weken, met de tweede lijn en haar termijn van een jaar',
        grondslag: 'Awb 9:8 lid 3, 9:12 lid 2',
        acties: [
          stopTermijn('nietBehandelenKennisgeving'),
          stopTermijn('afhandeling'),
          'kennisgevingNietBehandelen',
          'tweedeLijnVensterOpenen',
        ],
      }),
      KLAGER_TEVREDEN: tevreden,
    },
  });
  const inBehandelingOn: Record<string, OvergangConfig | OvergangConfig[]> = { KLAGER_TEVREDEN: tevreden };
  if (st.horen) {
    // Awb 9:10 lid 1: klager and beklaagde may be heard; 9:15 lid 2: by the commissie when it advises.
    inBehandelingOn.HOREN_UITNODIGEN = overgang({
      naar: naar('gemeente', 'horen'),
      omschrijving: kac
        ? `klager en beklaagde uitgenodigd om gehoord te worden door ${kac.naam}`
        : 'klager en beklaagde uitgenodigd om gehoord te worden',
      grondslag: kac ? 'Awb 9:10 lid 1, 9:15 lid 2' : 'Awb 9:10 lid 1',
      acties: [intent('UITNODIGING_HOREN', 'klager', 'Awb 9:10 lid 1'), intent('UITNODIGING_HOREN', 'beklaagde', 'Awb 9:10 lid 1')],
    });
    inBehandelingOn.HOREN_OVERSLAAN = overslaan();
  } else {
    inBehandelingOn.ONDERZOEK_AFGEROND = overgang({
      naar: naar('gemeente', naHoren),
      omschrijving: 'onderzoek afgerond (de definitie kent geen hoorzitting)',
    });
  }
  if (st.mediation?.toegestaan) {
    inBehandelingOn.MEDIATION_STARTEN = overgang({
      naar: naar('gemeente', 'mediation'),
      guard: 'instemmingKlager',
      omschrijving: 'mediation, met instemming van de klager',
      grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV',
    });
    states.mediation = toestand({
      omschrijving: 'Mediation',
      fase: 'gemeente',
      grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV',
      termijnen: bestaand(cc, 'afhandeling'),
      definitiePad: ['stappen', 'mediation'],
      on: {
        MEDIATION_GESLAAGD: overgang({
          naar: naar('afgedaanInformeel'),
          omschrijving: 'mediation geslaagd: klager tevreden',
          grondslag: 'Awb 9:5',
        }),
        MEDIATION_MISLUKT: overgang({
          naar: naar('gemeente', 'inBehandeling'),
          omschrijving: 'mediation mislukt: verder met de formele behandeling',
        }),
      },
    });
  }
  states.inBehandeling = toestand({
    omschrijving: 'In behandeling: onderzoek naar de gedraging',
    fase: 'gemeente',
    grondslag: 'Awb 9:7, 9:9',
    termijnen: bestaand(cc, 'afhandeling'),
    on: inBehandelingOn,
  });
  if (st.horen) {
    states.horen = toestand({
      omschrijving: kac ? `Horen van klager en beklaagde door ${kac.naam}` : 'Horen van klager en beklaagde',
      fase: 'gemeente',
      grondslag: kac ? 'Awb 9:10, 9:15 lid 2' : 'Awb 9:10',
      termijnen: bestaand(cc, 'afhandeling'),
      definitiePad: ['stappen', 'horen'],
      on: {
        // Awb 9:10 lid 3: a hearing is followed by a verslag.
        HOORZITTING_GEHOUDEN: overgang({
          naar: naar('gemeente', 'verslag'),
          omschrijving: 'hoorzitting gehouden',
          grondslag: 'Awb 9:10 lid 1',
        }),
        HOREN_OVERSLAAN: overslaan(['afgezien', 'nietGereageerd']),
        KLAGER_TEVREDEN: tevreden,
      },
    });
    states.verslag = toestand({
      omschrijving: 'Verslag van het horen opstellen',
      fase: 'gemeente',
      grondslag: 'Awb 9:10 lid 3',
      termijnen: bestaand(cc, 'afhandeling'),
      on: {
        VERSLAG_VASTGESTELD: overgang({
          naar: naar('gemeente', naHoren),
          omschrijving: 'verslag van het horen vastgesteld',
          grondslag: 'Awb 9:10 lid 3',
          acties: [intent('VERSLAG_HOREN', 'dossier', 'Awb 9:10 lid 3')],
        }),
      },
    });
  }
  if (kac) {
    states.advies = toestand({
      omschrijving: `Advies van ${kac.naam}`,
      fase: 'gemeente',
      grondslag: 'Awb 9:14, 9:15',
      termijnen: bestaand(cc, 'afhandeling'),
      definitiePad: ['stappen', 'klachtadviescommissie'],
      on: {
        // Awb 9:15 lid 4: report with findings, advice and recommendations.
        ADVIES_UITGEBRACHT: overgang({
          naar: naar('gemeente', naOordeel),
          guard: 'adviesGeldig',
          omschrijving: 'rapport met bevindingen, advies en eventuele aanbevelingen uitgebracht',
          grondslag: 'Awb 9:15 lid 4',
          acties: ['registreerAdvies'],
        }),
      },
    });
  }
  if (st.vierOgen) {
    states.vierOgenToets = toestand({
      omschrijving: '4-ogen: een tweede beoordelaar bekijkt dossier en voorgenomen afdoening',
      fase: 'gemeente',
      grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §1D',
      termijnen: bestaand(cc, 'afhandeling'),
      definitiePad: ['stappen', 'vierOgen'],
      on: {
        VIER_OGEN_AKKOORD: overgang({
          naar: naar('gemeente', 'oordeelsvorming'),
          omschrijving: 'tweede beoordelaar akkoord',
          grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §1D',
        }),
        VIER_OGEN_NIET_AKKOORD: overgang({
          naar: naar('gemeente', 'inBehandeling'),
          omschrijving: 'tweede beoordelaar niet akkoord: opnieuw onderzoeken',
          grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §1D',
        }),
      },
    });
  }
  const naAfdoening = st.tevredenheidscheck ? naar('gemeente', 'tevredenheidscheck') : naar('tweedeLijnVenster');
  states.oordeelsvorming = toestand({
    omschrijving: 'Oordeel vormen en de afdoening schrijven',
    fase: 'gemeente',
    grondslag: 'Awb 9:12',
    termijnen: bestaand(cc, 'afhandeling'),
    on: {
      // Awb 9:12: written, reasoned afdoening; 9:16 when it departs from the advice.
      AFDOENEN: overgang({
        naar: naAfdoening,
        guard: 'oordeelGeldig',
        omschrijving: 'schriftelijke, gemotiveerde afdoening met bevindingen, oordeel en conclusies, de tweede lijn en haar termijn',
        grondslag: kac ? 'Awb 9:12, 9:16' : 'Awb 9:12',
        acties: [stopTermijn('afhandeling'), 'afdoeningsbrief', 'tweedeLijnVensterOpenen'],
      }),
      KLAGER_TEVREDEN: tevreden,
    },
  });
  if (st.tevredenheidscheck) {
    states.tevredenheidscheck = toestand({
      omschrijving: 'Nagaan of de klager tevreden is met de afdoening',
      fase: 'gemeente',
      grondslag: 'Klachtenprotocol Wmo keten Amsterdam §6',
      termijnen: bestaand(cc, 'tweedeLijnVerzoek'),
      definitiePad: ['stappen', 'tevredenheidscheck'],
      on: {
        KLAGER_TEVREDEN: overgang({
          naar: naar('tweedeLijnVenster'),
          omschrijving: 'klager tevreden (de termijn voor de tweede lijn loopt door)',
          grondslag: 'Klachtenprotocol Wmo keten Amsterdam §6',
          acties: [intent('TEVREDENHEID_REGISTREREN', 'dossier', undefined, { tevreden: true })],
        }),
        KLAGER_ONTEVREDEN: overgang({
          naar: naar('tweedeLijnVenster'),
          omschrijving: 'klager niet tevreden: gewezen op de tweede lijn',
          grondslag: 'Awb 9:12 lid 2',
          acties: [intent('TEVREDENHEID_REGISTREREN', 'dossier', undefined, { tevreden: false })],
        }),
      },
    });
  }

  const afh = cc.specs.afhandeling;
  // The gemeente's own klachtenregeling may promise contact within a term (TermijnDefinitie.geldtVoor: gemeente): it
  // runs from the gemeente's receipt, for every klacht the gemeente handles, until contact is made or the klacht leaves.
  const contact = contactVoor(def, 'gemeente') ? bestaand(cc, 'contact') : [];
  return {
    states: {
      gemeente: toestand({
        omschrijving: `Klachtbehandeling door de gemeente (${loket})`,
        fase: 'gemeente',
        grondslag: 'Awb titel 9.1',
        termijnen: [...bestaand(cc, 'afhandeling'), ...contact],
        initial: st.informeleFase ? 'informeleFase' : 'beoordelen',
        entry: [
          'gemeenteOntvangst',
          ...startTermijn(cc, 'afhandeling', 'gemeente'),
          ...contact.flatMap((t) => startTermijn(cc, t, 'gemeente', undefined, 'gemeente')),
          intent('KLACHT_REGISTREREN', loket, 'Awb 9:12a'),
        ],
        exit: [...bestaand(cc, 'afhandeling', 'nietBehandelenKennisgeving'), ...contact].map(stopTermijn),
        on: {
          ...(contact.length
            ? {
                CONTACT_OPGENOMEN: overgang({
                  omschrijving: 'de gemeente heeft contact opgenomen met de klager',
                  grondslag: cc.specs.contact.grondslag,
                  acties: contact.map(stopTermijn),
                }),
              }
            : {}),
          ...(afh
            ? {
                // Awb 9:11 lid 1 with 9:24 lid 1 sub b: escalate, open the second line, keep the klacht open.
                TERMIJN_VERLOPEN: overgang({
                  guard: { type: 'termijnVerstreken', params: { termijn: 'afhandeling' } },
                  omschrijving: 'afhandeltermijn verstreken: escalatie; de klager kan naar de tweede lijn; de klacht blijft in behandeling',
                  grondslag: 'Awb 9:11, 9:24 lid 1 sub b',
                  acties: ['termijnVerlopen', 'afhandelingOverschreden'],
                }),
              }
            : {}),
          // Awb 9:20 lid 1: internal handling first, "tenzij dit redelijkerwijs niet van de verzoeker kan worden
          // gevergd": then the ombudsman handles a klacht filed with him itself.
          OMBUDSMAN_NEEMT_ZELF_IN_BEHANDELING: overgang({
            naar: naar('bijOmbudsman'),
            guard: 'viaOmbudsman',
            omschrijving: 'de ombudsman behandelt de bij hem ingediende klacht bij uitzondering zelf',
            grondslag: 'Awb 9:20 lid 1',
            acties: [intent('MEDEWERKING_ONDERZOEK', loket, 'Awb 9:20 lid 1, 9:31')],
          }),
          // Awb 9:24 lid 1 sub b: after the statutory end the klager may go to the ombudsman.
          VERZOEK_OMBUDSMAN: overgang({
            naar: naar('bijOmbudsman'),
            guard: 'tweedeLijnOpen',
            omschrijving: 'na het verstrijken van de afhandeltermijn wendt de klager zich tot de tweede lijn',
            grondslag: 'Awb 9:24 lid 1 sub b',
            acties: ['verzoekOmbudsman', stopTermijn('tweedeLijnVerzoek')],
          }),
        },
        states,
      }),
    },
  };
};
