/**
 * A klacht Weesp (GM0457) received on 1 maart 2022, three weeks before it went into Amsterdam (24 maart 2022; Wet
 * algemene regels herindeling, art. 40 e.v.): it runs on Weesp's regeling, and from the herindeling on Amsterdam handles
 * it. The fact is one Weesp's regeling asks about (Uitgangspunten §5B), not Amsterdam's Klachtenprotocol.
 */
export function weespKlacht(onderwerp = 'Bejegening aan de balie') {
  return {
    gemeente: 'GM0457',
    kanaal: 'brief',
    ontvangenOp: '2022-03-01T10:00:00+01:00',
    ingediendBij: 'gemeente',
    onderwerp,
    aanbieders: [] as Array<{ id: string; naam?: string; type?: string }>,
    feiten: { betreftGemeentelijkeFunctionaris: true },
  };
}
