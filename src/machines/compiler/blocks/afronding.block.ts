/** The final states. Entering one stops every termijn: nothing runs after the klacht is closed. */
import { intent, toestand, type Blok } from './bouw';

export const afrondingBlok: Blok = (cc) => ({
  states: {
    afgedaanInformeel: toestand({
      omschrijving: 'Naar tevredenheid van de klager afgehandeld (geen afdoeningsbrief nodig)',
      fase: 'afgerond',
      grondslag: 'Awb 9:5',
      final: true,
      // domain §13 item 3: register the klacht anyway (Awb 9:12a).
      entry: ['stopAlleTermijnen', intent('TEVREDENHEID_REGISTREREN', cc.def.eersteLijn.gemeenteLoket, 'Awb 9:5, 9:12a', { tevreden: true })],
    }),
    afgesloten: toestand({ omschrijving: 'Afgesloten', fase: 'afgerond', final: true, entry: ['stopAlleTermijnen'] }),
  },
});
