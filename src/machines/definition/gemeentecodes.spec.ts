import { CBS_GEMEENTEN, gemeentenVan, opgehevenOp, opheffing, opvolgersVan, opvolgerVan } from './gemeentecodes.data';

describe('gemeentenVan: the klachten a gemeente answers for after a herindeling', () => {
  it('Wet arhi art. 40: from the day of the herindeling Amsterdam answers for Weesp (GM0457), not the day before', () => {
    expect(gemeentenVan('GM0363', '2022-03-23')).toEqual(['GM0363']);
    expect(gemeentenVan('GM0363', '2022-03-24')).toEqual(['GM0363', 'GM0457']);
    expect(gemeentenVan('gm0363', '2026-12-03')).toEqual(['GM0363', 'GM0457']);
  });

  it('Wet arhi art. 40: a samenvoeging of several gemeenten gives the new one all of them (Gooise Meren, 2016)', () => {
    expect(gemeentenVan('GM1942', '2016-01-01')).toEqual(['GM1942', 'GM0381', 'GM0424', 'GM0425']);
    expect(gemeentenVan('GM1942', '2015-12-31')).toEqual(['GM1942']);
  });

  it('Wet arhi art. 40: a successor that is itself merged later passes both on (a chain of herindelingen)', () => {
    const lijst = [
      { code: 'GM0001', naam: 'A', opgeheven: '2016-01-01', opgegaanIn: 'GM0002' },
      { code: 'GM0002', naam: 'B', opgeheven: '2022-01-01', opgegaanIn: 'GM0003' },
      { code: 'GM0003', naam: 'C' },
    ];
    expect(gemeentenVan('GM0003', '2021-12-31', lijst)).toEqual(['GM0003']);
    expect(gemeentenVan('GM0002', '2021-12-31', lijst)).toEqual(['GM0002', 'GM0001']);
    expect(gemeentenVan('GM0003', '2022-01-01', lijst)).toEqual(['GM0003', 'GM0001', 'GM0002']);
    expect(opvolgerVan('GM0001', '2021-12-31', lijst)).toBe('GM0002');
    expect(opvolgerVan('GM0001', '2022-01-01', lijst)).toBe('GM0003');
    expect(opvolgerVan('GM0001', '2015-12-31', lijst)).toBe('GM0001');
    expect(opvolgersVan('GM0001', '2022-01-01', lijst)).toEqual(['GM0001', 'GM0002', 'GM0003']);
    // The same links walked both ways: A is answered for by exactly those whose gemeentenVan holds it.
    for (const dag of ['2015-12-31', '2021-12-31', '2022-01-01']) {
      for (const g of lijst) {
        const door = lijst.filter((x) => gemeentenVan(x.code, dag, lijst).includes(g.code)).map((x) => x.code);
        expect(door.sort()).toEqual([...opvolgersVan(g.code, dag, lijst)].sort());
      }
    }
  });

  it('opvolgerVan is the inverse of gemeentenVan: every code is answered for by its successor, and only by it', () => {
    for (const dag of ['2015-06-01', '2016-01-01', '2022-03-23', '2022-03-24', '2026-12-03']) {
      for (const g of CBS_GEMEENTEN) {
        const opvolger = opvolgerVan(g.code, dag);
        expect(gemeentenVan(opvolger, dag)).toContain(g.code);
        // In the CBS list no successor was itself dissolved later: the gemeente and its successor, no one else.
        const antwoorden = CBS_GEMEENTEN.filter((x) => gemeentenVan(x.code, dag).includes(g.code)).map((x) => x.code);
        expect(antwoorden.sort()).toEqual([...new Set([g.code, opvolger])].sort());
      }
    }
    expect(opvolgerVan('GM0457', '2022-03-24')).toBe('GM0363');
    expect(opvolgerVan('GM0457', '2022-03-23')).toBe('GM0457');
  });

  it('a gemeente that was not a successor, or a code outside the CBS list, answers only for itself', () => {
    expect(gemeentenVan('GM0344', '2026-12-03')).toEqual(['GM0344']);
    expect(gemeentenVan('GM9999', '2026-12-03')).toEqual(['GM9999']);
  });

  it('a dissolved gemeente answers for nothing more than itself (its own tenant keeps its own klachten)', () => {
    expect(gemeentenVan('GM0457', '2026-12-03')).toEqual(['GM0457']);
  });

  it('Wet arhi art. 40: a klacht received by Weesp on or after 24 maart 2022 was received by Amsterdam', () => {
    expect(opgehevenOp('GM0457', '2022-03-23')).toBeUndefined();
    expect(opgehevenOp('GM0457', '2022-03-24')).toBe(
      'Weesp (GM0457) bestond op 2022-03-24 niet meer: opgeheven per 2022-03-24; registreer de klacht voor Amsterdam (GM0363)',
    );
    expect(opgehevenOp('GM0363', '2026-12-03')).toBeUndefined();
    expect(opheffing('GM0457', '2022-03-24')).toMatchObject({
      gemeente: { code: 'GM0457', opgeheven: '2022-03-24' },
      opvolger: { code: 'GM0363', naam: 'Amsterdam' },
    });
    expect(opheffing('GM0457', '2022-03-23')).toBeUndefined();
  });
});
