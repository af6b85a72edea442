/** Protocol stoppen met leveren (Klachtenprotocol Wmo keten Amsterdam §8): the aanbieder asks, the gemeente decides within its beslistermijn. */
import { naar, overgang, startTermijn, stopTermijn, toestand, type Blok, type BlokFragment } from './bouw';

export const stoppenMetLeverenBlok: Blok = (cc): BlokFragment => {
  const s = cc.def.stoppenMetLeveren;
  if (!s) return { states: {} };
  return {
    states: {
      stoppenMetLeveren: toestand({
        omschrijving: `Verzoek stoppen met leveren: besluit door ${s.besluitDoor}`,
        fase: 'bijzonder',
        grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8',
        termijnen: ['stoppenBesluit'],
        definitiePad: ['stoppenMetLeveren'],
        entry: [
          ...startTermijn(cc, 'stoppenBesluit'),
          {
            type: 'intent',
            params: { type: 'VERZOEK_BEOORDELEN', naar: s.besluitDoor, grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8' },
          },
        ],
        exit: [stopTermijn('stoppenBesluit')],
        on: {
          BESLUIT_STOPPEN_MET_LEVEREN: overgang({
            naar: naar('afgesloten'),
            guard: 'besluitGeldig',
            omschrijving: 'de gemeente beslist op het verzoek',
            grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8',
            acties: [
              {
                type: 'intentMetData',
                params: {
                  type: 'BESLUIT_STOPPEN_MET_LEVEREN',
                  naar: 'aanbieder',
                  grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8',
                  velden: ['besluit'],
                },
              },
              {
                type: 'intentMetData',
                params: {
                  type: 'BESLUIT_STOPPEN_MET_LEVEREN',
                  naar: 'cliënt',
                  grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8',
                  velden: ['besluit'],
                },
              },
            ],
          }),
        },
      }),
    },
  };
};
