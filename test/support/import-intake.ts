/**
 * The intake of an import line of the import tests: an Amsterdam klacht about two ketenpartners, so the gemeente handles
 * it itself and the whole Awb lifecycle applies (Klachtenprotocol Wmo keten Amsterdam §5B).
 */
export function importIntake(onderwerp: string, ontvangenOp = '2024-03-04T10:00:00+01:00', extra: Record<string, unknown> = {}) {
  return {
    gemeente: 'GM0363',
    kanaal: 'webformulier',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp,
    aanbieders: [
      { id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' },
      { id: 'zorg-zuid', naam: 'Zorg Zuid', type: 'wmo' },
    ],
    feiten: {},
    ...extra,
  };
}
