import { bewaarKenmerken, bewaartermijnVoor, vernietigbaarVanaf } from './bewaring';

const AMSTERDAM = { gemeente: 'P5Y', viaOmbudsman: 'P10Y', aanbieder: 'P2Y' };

describe('retention periods (Selectielijst gemeenten 2020; Klachtenprotocol Wmo keten Amsterdam §9)', () => {
  it('Selectielijst 13.1: a klacht the gemeente handled is kept 5 years after closing', () => {
    const k = bewaarKenmerken(['KLACHT_ONTVANGEN', 'KLAGER_TEVREDEN'], ['gemeente.informeleFase', 'afgesloten']);
    expect(bewaartermijnVoor(AMSTERDAM, k)).toEqual({
      categorie: 'gemeente',
      duur: 'P5Y',
      grondslag: 'Selectielijst gemeenten 2020, 13.1',
    });
  });

  it('Selectielijst 13.1.2: a klacht that went through the ombudsman is kept 10 years, also when the ketenpartner handled it first', () => {
    const k = bewaarKenmerken(
      ['KLACHT_ONTVANGEN', 'AFDOENEN', 'VERZOEK_OMBUDSMAN', 'RAPPORT_OMBUDSMAN'],
      ['bijAanbieder.inBehandeling', 'bijOmbudsman.onderzoek', 'afgesloten'],
    );
    expect(bewaartermijnVoor(AMSTERDAM, k)).toEqual(expect.objectContaining({ categorie: 'viaOmbudsman', duur: 'P10Y' }));
  });

  it('Selectielijst 13.1.2: without a period of its own for it, a klacht through the ombudsman is kept the list’s ten years, not the gemeente’s five', () => {
    const k = bewaarKenmerken(
      ['KLACHT_ONTVANGEN', 'VERZOEK_OMBUDSMAN'],
      ['gemeente.inBehandeling', 'bijOmbudsman.onderzoek', 'afgesloten'],
    );
    expect(bewaartermijnVoor({ gemeente: 'P5Y' }, k)).toEqual(expect.objectContaining({ categorie: 'viaOmbudsman', duur: 'P10Y' }));
    // A longer general period stays the longer; a period of its own is the gemeente's choice.
    expect(bewaartermijnVoor({ gemeente: 'P20Y' }, k).duur).toBe('P20Y');
    expect(bewaartermijnVoor({ gemeente: 'P5Y', viaOmbudsman: 'P12Y' }, k).duur).toBe('P12Y');
  });

  it("Klachtenprotocol Wmo keten §9: a ketenpartner's own dossier is kept 2 years; without a declared aanbieder period the gemeente's applies", () => {
    const k = bewaarKenmerken(['KLACHT_ONTVANGEN', 'AFDOENEN'], ['doorgestuurdNaarAanbieder', 'bijAanbieder.afgedaan', 'afgesloten']);
    expect(bewaartermijnVoor(AMSTERDAM, k)).toEqual(expect.objectContaining({ categorie: 'aanbieder', duur: 'P2Y' }));
    expect(bewaartermijnVoor({ gemeente: 'P5Y', viaOmbudsman: 'P10Y' }, k)).toEqual(
      expect.objectContaining({ categorie: 'gemeente', duur: 'P5Y' }),
    );
    // Once the gemeente handled it itself, it is the gemeente's archive.
    expect(
      bewaartermijnVoor(AMSTERDAM, bewaarKenmerken(['KLACHT_ONTVANGEN'], ['bijAanbieder.afgedaan', 'gemeente.inBehandeling', 'afgesloten']))
        .categorie,
    ).toBe('gemeente');
  });

  it('the period runs from the closing day; 29 February rolls to 28 February', () => {
    expect(vernietigbaarVanaf('2019-03-10', 'P5Y')).toBe('2024-03-10');
    expect(vernietigbaarVanaf('2024-02-29', 'P5Y')).toBe('2029-02-28');
    expect(vernietigbaarVanaf('2023-06-20', 'P2Y')).toBe('2025-06-20');
  });
});
