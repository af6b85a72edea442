/**
 * The hand-over at contract end (Klachtenprotocol Wmo keten Amsterdam §9) takes running klachten over with an event of the
 * machines' own list (GEBEURTENISSEN), not with a string of its own: a rename there must stop the service loudly, never
 * leave the hand-over taking over no klacht because its name is in no klacht's `volgendeEvents`. Pure: no database.
 */
import { join } from 'node:path';
import { GEBEURTENISSEN } from '../src/machines/compiler/gebeurtenissen';
import { loadRegistry } from '../src/machines';
import type { IntakeInput } from '../src/machines/contract';
import type { Regime } from '../src/machines/regime';
import { CONTRACT_BEEINDIGD, gebeurtenisUitLijst } from '../src/modules/overdracht/overdracht.service';

describe('Klachtenprotocol Wmo keten Amsterdam §9: the hand-over takes its event from the machines’ event list', () => {
  test('the event the hand-over sends is in GEBEURTENISSEN and is offered to a klacht in behandeling at the aanbieder (Amsterdam’s seed)', () => {
    expect(Object.keys(GEBEURTENISSEN)).toContain(CONTRACT_BEEINDIGD);
    const registry = loadRegistry(join(__dirname, '..', 'definitions'));
    const r = registry.regimes.find((x) => x.summary.id === 'gm0363-amsterdam') as Regime;
    const intake: IntakeInput = {
      gemeente: 'GM0363',
      kanaal: 'telefoon',
      ontvangenOp: '2026-04-02T10:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
      feiten: { complex: false, eerderBijAanbieder: false },
    };
    const doorgestuurd = r.start(intake);
    const inBehandeling = r.step(JSON.parse(JSON.stringify(doorgestuurd.snapshot)), {
      type: 'AANBIEDER_NEEMT_IN_BEHANDELING',
      at: '2026-04-03T10:00:00+02:00',
    });
    expect(inBehandeling.volgendeEvents).toContain(CONTRACT_BEEINDIGD);
  });

  test('a name that is not (or no longer) in GEBEURTENISSEN is refused when the module loads, naming the list and the file to change', () => {
    expect(() => gebeurtenisUitLijst('AANBIEDER_CONTRACT_BEEINDIGT')).toThrow(
      /AANBIEDER_CONTRACT_BEEINDIGT.*GEBEURTENISSEN.*\(src\/machines\/compiler\/gebeurtenissen\.ts\).*overdracht\.service\.ts/,
    );
    expect(gebeurtenisUitLijst('AANBIEDER_CONTRACT_BEEINDIGD')).toBe('AANBIEDER_CONTRACT_BEEINDIGD');
  });
});
