/**
 * Signalen and meldingen (Uitgangspunten klachtenmanagement Sociaal Domein §2B, §11-IV, §11-VI): not about a person's conduct but about an
 * aanbieder or the service in general. Calamiteiten and geweld go to the toezichthouder onverwijld
 * (Wmo 2015 art. 3.4); bestuurlijke impact to the college onverwijld (on intake, for every soort).
 */
import { naar, overgang, toestand, type Blok } from './bouw';

export const signaalBlok: Blok = (cc) => {
  const behandelaar = cc.def.signalen?.behandelaar ?? cc.def.eersteLijn.gemeenteLoket;
  return {
    states: {
      signaal: toestand({
        omschrijving: `Signaal in behandeling (${behandelaar})`,
        fase: 'signaal',
        grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §2B, §11-IV',
        definitiePad: cc.def.signalen ? ['signalen'] : ['eersteLijn', 'gemeenteLoket'],
        entry: [
          {
            type: 'intent',
            params: { type: 'SIGNAAL_TOEWIJZEN', naar: behandelaar, grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-IV' },
          },
        ],
        on: {
          SIGNAAL_AFGEHANDELD: overgang({
            naar: naar('afgesloten'),
            omschrijving: 'signaal afgehandeld en geregistreerd',
            grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-VI',
          }),
        },
      }),
      melding: toestand({
        omschrijving: 'Melding (calamiteit, geweld of dienstverlening in het algemeen)',
        fase: 'signaal',
        grondslag: 'Wmo 2015 art. 3.4; Jeugdwet 4.1.8; Wkkgz 11',
        definitiePad: cc.def.signalen ? ['signalen'] : ['eersteLijn', 'gemeenteLoket'],
        entry: [
          'meldingToezichthouderAlsNodig',
          {
            type: 'intent',
            params: { type: 'MELDING_TOEWIJZEN', naar: behandelaar, grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §2B' },
          },
        ],
        on: {
          MELDING_AFGEHANDELD: overgang({
            naar: naar('afgesloten'),
            omschrijving: 'melding afgehandeld en geregistreerd',
            grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §11-I',
          }),
        },
      }),
    },
  };
};
