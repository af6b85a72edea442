/** The final states. Entering one stops every termijn: nothing runs after the klacht is closed. */
import { intent, toestand, type Blok } from './bouw';

export const afrondingBlok: Blok = (cc) => ({
  states: {
    afgedaanInformeel: toestand({
      omschrijving: 'Naar tevredenheid van de klager afgehandeld (geen afdoeningsbrief nodig)',
      fase: 'afgerond',
      grondslag: 'Awb 9:5',
      final: true,
      // docs/juridisch-kader.md §2.9: register the klacht anyway (Awb 9:12a).
      entry: [
        'stopAlleTermijnen',
        intent('TEVREDENHEID_REGISTREREN', cc.def.eersteLijn.gemeenteLoket, 'Awb 9:5, 9:12a', { tevreden: true }),
      ],
    }),
    ingetrokken: toestand({
      omschrijving: 'Ingetrokken door de klager',
      fase: 'afgerond',
      grondslag: 'Selectielijst 2020 13.2 (afgebroken)',
      final: true,
      entry: ['stopAlleTermijnen', intent('INTREKKING_BEVESTIGEN', 'klager', 'Selectielijst 2020 13.2')],
    }),
    afgesloten: toestand({ omschrijving: 'Afgesloten', fase: 'afgerond', final: true, entry: ['stopAlleTermijnen'] }),
  },
});
