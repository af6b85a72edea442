import { join } from 'node:path';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';
import { allePaden, groepeerPaden, lijnVan } from './paden';

const amsterdam = loadRegistry(join(__dirname, '..', '..', '..', 'definitions')).byId('gm0363-amsterdam', '2015-01') as Regime;
const { paden } = allePaden(amsterdam);
const groepen = groepeerPaden(paden, (s) => amsterdam.beschrijfState(s));

describe('routes grouped by intake route, line and outcome (paths --samenvatting and the routes page)', () => {
  test('every route is in exactly one group, and the counts add up', () => {
    const genummerd = groepen.flatMap((g) => g.paden).sort((a, b) => a - b);
    expect(genummerd).toEqual(paden.map((_, i) => i + 1));
    for (const g of groepen) expect(g.aantal).toBe(g.paden.length);
  });

  test('a group holds only routes that start on its intake route, reach its line and end in its outcome', () => {
    for (const g of groepen) {
      for (const n of g.paden) {
        const p = paden[n - 1];
        expect(p.stappen[0].naar.split('.')[0]).toBe(g.route);
        expect(p.eind).toBe(g.uitkomst);
        expect(lijnVan(p)).toBe(g.lijn);
      }
    }
  });

  test('a route through the ombudsman is second line; through the Jeugdwet klachtencommissie alone a special law route', () => {
    const viaOmbudsman = paden.find((p) => p.stappen.some((s) => s.naar.startsWith('bijOmbudsman.')))!;
    expect(lijnVan(viaOmbudsman)).toBe('tweedeLijn');
    const jeugdwet = paden.find(
      (p) => p.stappen[0].naar.startsWith('jeugdwetKlachtencommissie') && !p.stappen.some((s) => s.naar.startsWith('bijOmbudsman')),
    )!;
    expect(lijnVan(jeugdwet)).toBe('bijzondereRoute');
    const informeel = paden.find((p) => p.stappen.length === 2 && p.stappen[0].naar === 'gemeente.informeleFase')!;
    expect(lijnVan(informeel)).toBe('eersteLijn');
    expect(groepen.find((g) => g.route === 'gemeente')!.routeOmschrijving).toBe('Behandeling door de gemeente (Awb titel 9.1)');
  });
});
