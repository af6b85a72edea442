import { join } from 'node:path';
import { loadRegistry } from '../index';
import { overgang, stopTermijn } from '../compiler/blocks/bouw';
import type { Regime } from '../regime';
import { ongestarteTermijnen } from './termijn-routes';

const DEFINITIES = join(__dirname, '..', '..', '..', 'definitions');

describe('a termijn that a step expects runs on every route from intake that reaches that step', () => {
  test('the seed definitions: every step that ends a termijn is only reached on routes that started it', () => {
    const registry = loadRegistry(DEFINITIES);
    // The graph stage reports these findings as errors: a definition with one would not load at all.
    expect(registry.errors).toEqual([]);
    expect(registry.regimes.map((r) => r.summary.id).sort()).toEqual([
      'gm0363-amsterdam',
      'gm0457-weesp',
      'gm1696-wijdemeren',
      'gm1904-stichtse-vecht',
    ]);
    for (const regime of registry.regimes) {
      expect({ id: regime.summary.id, bevindingen: ongestarteTermijnen(regime as Regime) }).toEqual({
        id: regime.summary.id,
        bevindingen: [],
      });
    }
  });

  test('a step at the gemeente that ends the contact termijn, which only the aanbieder routes start, is named with the route that never starts it', () => {
    // Amsterdam's own machine, with one more step in its definition of the gemeente's handling: "contact opgenomen"
    // ending `contact` (as a beleidsmedewerker expects when contact should run for every klacht).
    const regime = loadRegistry(DEFINITIES).byId('gm0363-amsterdam', '2015-01') as Regime;
    const gemeente = regime.gecompileerd.config.states.gemeente;
    gemeente.on = {
      ...gemeente.on,
      CONTACT_OPGENOMEN: [overgang({ omschrijving: 'contact met de klager opgenomen', acties: [stopTermijn('contact')] })],
    };
    const b = ongestarteTermijnen(regime);
    expect(b).toContainEqual(
      expect.objectContaining({
        termijn: 'contact',
        event: 'CONTACT_OPGENOMEN',
        hoe: 'stopt',
        route: regime.beschrijfState('gemeente'),
        gestartOp: expect.arrayContaining([regime.beschrijfState('bijAanbieder'), regime.beschrijfState('doorgestuurdNaarAanbieder')]),
      }),
    );
    // Only the routes on which contact never ran: not the aanbieder routes that start it.
    expect(b.map((x) => x.route)).not.toContain(regime.beschrijfState('bijAanbieder'));
  });
});
