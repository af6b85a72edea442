import { selectielijstRij } from './selectielijst';

const B = { gemeente: 'P5Y', viaOmbudsman: 'P10Y' };
const historie = (...gebeurtenissen: string[]) => ({ gebeurtenissen, states: gebeurtenissen.map(() => 'x') });

describe('Selectielijst gemeenten 2020, procestype 13: the row of a klacht', () => {
  test('13.1.4: a klacht not handled (Awb 9:8) is kept one year', () => {
    expect(selectielijstRij(B, historie('KLACHT_ONTVANGEN', 'NIET_BEHANDELEN', 'TERMIJN_VERLOPEN'), undefined, false)).toEqual({
      termijn: { categorie: 'nietOntvankelijk', duur: 'P1Y', grondslag: 'Selectielijst gemeenten 2020, 13.1.4' },
    });
  });

  test('13.1.2 before 13.1.4: a klacht not handled whose klager went to the ombudsman is kept ten years', () => {
    expect(selectielijstRij(B, historie('KLACHT_ONTVANGEN', 'NIET_BEHANDELEN', 'VERZOEK_OMBUDSMAN'), undefined, false)).toEqual({
      termijn: expect.objectContaining({ categorie: 'viaOmbudsman', duur: 'P10Y' }),
    });
  });

  test('13.1 after all: a klacht not handled at first, then handled (doorgezonden by the ombudsman, Awb 9:20 lid 1), is kept five years', () => {
    const eigen = historie('KLACHT_ONTVANGEN', 'NIET_BEHANDELEN', 'OMBUDSMAN_DOORGEZONDEN', 'IN_BEHANDELING_NEMEN', 'AFDOENEN');
    expect(selectielijstRij(B, eigen, undefined, false)).toEqual({
      termijn: expect.objectContaining({ categorie: 'gemeente', duur: 'P5Y' }),
    });
  });

  test('13.1.3 before every other row: a marked klacht is kept for ever, even one not handled or via the ombudsman', () => {
    expect(selectielijstRij(B, historie('NIET_BEHANDELEN'), undefined, true)).toEqual({
      blijvend: true,
      grondslag: 'Selectielijst gemeenten 2020, 13.1.3',
    });
    expect(selectielijstRij(B, historie('VERZOEK_OMBUDSMAN'), undefined, true)).toEqual(expect.objectContaining({ blijvend: true }));
  });
});
