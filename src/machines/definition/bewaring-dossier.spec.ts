import { bewaarKenmerken, bewaartermijnVoor } from './bewaring';

const STICHTSE_VECHT = { gemeente: 'P5Y', viaOmbudsman: 'P10Y' };
const AMSTERDAM = { gemeente: 'P5Y', viaOmbudsman: 'P10Y', aanbieder: 'P2Y' };
const AFGEDAAN = {
  gebeurtenissen: ['KLACHT_ONTVANGEN', 'FORMELE_BEHANDELING', 'AFDOENEN', 'TERMIJN_VERLOPEN'],
  states: ['tweedeLijnVenster', 'afgesloten'],
};
const VERZOEK = { gebeurtenissen: ['KLACHT_ONTVANGEN', 'KLAGER_TEVREDEN'], states: ['gemeente.informeleFase', 'afgesloten'] };

/** The category of a klacht in a dossier with linked klachten (klacht_koppeling): Selectielijst gemeenten 2020, categorie 13. */
describe('bewaarKenmerken over a dossier of linked klachten', () => {
  it('Selectielijst 13.1.2: an informatievraag, interventieverzoek or eigen onderzoek of the ombudsman linked to the klacht makes both second line, though neither took the event itself', () => {
    for (const koppeling of ['OMBUDSMAN_INFORMATIEVRAAG', 'OMBUDSMAN_INTERVENTIEVERZOEK', 'OMBUDSMAN_EIGEN_ONDERZOEK']) {
      const hoofd = bewaarKenmerken(AFGEDAAN.gebeurtenissen, AFGEDAAN.states, { gekoppeld: [VERZOEK], koppelingen: [koppeling] });
      const verzoek = bewaarKenmerken(VERZOEK.gebeurtenissen, VERZOEK.states, { gekoppeld: [AFGEDAAN], koppelingen: [koppeling] });
      for (const k of [hoofd, verzoek])
        expect(bewaartermijnVoor(STICHTSE_VECHT, k)).toEqual({
          categorie: 'viaOmbudsman',
          duur: 'P10Y',
          grondslag: 'Selectielijst gemeenten 2020, 13.1.2',
        });
    }
  });

  it('Selectielijst 13.1.2: a linked klacht that went to the ombudsman itself makes the dossier second line', () => {
    const naarOmbudsman = {
      gebeurtenissen: ['KLACHT_ONTVANGEN', 'AFDOENEN', 'VERZOEK_OMBUDSMAN'],
      states: ['bijOmbudsman.onderzoek', 'afgesloten'],
    };
    const k = bewaarKenmerken(VERZOEK.gebeurtenissen, VERZOEK.states, {
      gekoppeld: [naarOmbudsman],
      koppelingen: ['OMBUDSMAN_DOORGEZONDEN'],
    });
    expect(bewaartermijnVoor(STICHTSE_VECHT, k).categorie).toBe('viaOmbudsman');
  });

  it('Awb 9:20 lid 1: a klacht the ombudsman forwarded (doorgezonden) is handled in the first line, so its link alone keeps 13.1', () => {
    const k = bewaarKenmerken(AFGEDAAN.gebeurtenissen, AFGEDAAN.states, { gekoppeld: [VERZOEK], koppelingen: ['OMBUDSMAN_DOORGEZONDEN'] });
    expect(bewaartermijnVoor(STICHTSE_VECHT, k)).toEqual(expect.objectContaining({ categorie: 'gemeente', duur: 'P5Y' }));
  });

  it("Klachtenprotocol Wmo keten §9: the aanbieder's 2 years only when the whole dossier stayed with the aanbieder", () => {
    const bijAanbieder = {
      gebeurtenissen: ['KLACHT_ONTVANGEN', 'AFDOENEN'],
      states: ['doorgestuurdNaarAanbieder', 'bijAanbieder.afgedaan', 'afgesloten'],
    };
    expect(bewaartermijnVoor(AMSTERDAM, bewaarKenmerken(bijAanbieder.gebeurtenissen, bijAanbieder.states)).categorie).toBe('aanbieder');
    const metGemeente = bewaarKenmerken(bijAanbieder.gebeurtenissen, bijAanbieder.states, {
      gekoppeld: [VERZOEK],
      koppelingen: ['OMBUDSMAN_DOORGEZONDEN'],
    });
    expect(bewaartermijnVoor(AMSTERDAM, metGemeente)).toEqual(expect.objectContaining({ categorie: 'gemeente', duur: 'P5Y' }));
  });
});
