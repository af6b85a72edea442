/**
 * Contract end (Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1): the gemeente takes over a klacht the
 * aanbieder still handles (AANBIEDER_CONTRACT_BEEINDIGD), at once, and the aanbieder's termijnen stop with it.
 * Amsterdam's seed definition, pure API.
 */
import { join } from 'node:path';
import type { IntakeInput, KlachtEvent, StepResult } from '../contract';
import { loadRegistry } from '../index';
import type { Regime } from '../regime';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
const r = registry.regimes.find((x) => x.summary.id === 'gm0363-amsterdam') as Regime;

/** A simple klacht about one aanbieder: Amsterdam forwards it (warme doorverwijzing). */
const intake: IntakeInput = {
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: '2026-04-02T10:00:00+02:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false },
};

function stap(s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const e: KlachtEvent = { type, at, ...(data ? { data } : {}) };
  return r.step(JSON.parse(JSON.stringify(s.snapshot)), e);
}

const AANBIEDER_TERMIJNEN = ['contact', 'aanbiederAfhandeling'];
const aanbiederTermijnen = (s: StepResult) => s.termijnen.map((t) => t.naam).filter((n) => AANBIEDER_TERMIJNEN.includes(n));

describe('gm0363-amsterdam: contract end with klachten still at the aanbieder (Klachtenprotocol Wmo keten Amsterdam §9)', () => {
  const doorgestuurd = r.start(intake);
  const inBehandeling = stap(doorgestuurd, 'AANBIEDER_NEEMT_IN_BEHANDELING', '2026-04-03T10:00:00+02:00');

  test('the route exists: forwarded, then in behandeling at the aanbieder with its termijnen running', () => {
    expect([doorgestuurd.state, inBehandeling.state]).toEqual(['doorgestuurdNaarAanbieder', 'bijAanbieder.inBehandeling']);
    expect(aanbiederTermijnen(inBehandeling)).toContain('aanbiederAfhandeling');
    // Before the aanbieder's termijn has passed the klager cannot take it to the gemeente: the gap this event closes.
    expect(stap(inBehandeling, 'KLACHT_BIJ_GEMEENTE', '2026-04-10T10:00:00+02:00').accepted).toBe(false);
    expect(inBehandeling.volgendeEvents).toContain('AANBIEDER_CONTRACT_BEEINDIGD');
  });

  test.each([
    ['bijAanbieder.inBehandeling', () => inBehandeling],
    ['doorgestuurdNaarAanbieder', () => doorgestuurd],
  ])(
    'Klachtenprotocol Wmo keten Amsterdam §9: at contract end the gemeente takes over a klacht in %s; its aanbieder termijnen stop and no reminder goes to the klachtenfunctionaris',
    (_state, voor) => {
      const s = stap(voor(), 'AANBIEDER_CONTRACT_BEEINDIGD', '2026-06-01T11:00:00+02:00');
      expect(s.accepted).toBe(true);
      expect(s.state).toMatch(/^gemeente\./);
      expect(aanbiederTermijnen(s)).toEqual([]);
      expect(s.intents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'KLACHT_OVERGENOMEN_VAN_AANBIEDER',
            grondslag: 'Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1',
          }),
        ]),
      );
      // The aanbieder's afhandeltermijn passing later escalates nothing: it no longer runs.
      const later = stap(s, 'TERMIJN_VERLOPEN', '2026-07-20T10:00:00+02:00', { termijn: 'aanbiederAfhandeling' });
      expect(later.intents.filter((i) => i.data?.termijn === 'aanbiederAfhandeling')).toEqual([]);
      expect(later.state).toMatch(/^gemeente\./);
    },
  );

  test('Klachtenprotocol Wmo keten Amsterdam §9: a klacht the aanbieder has afgedaan stays where it is, waiting for the klager', () => {
    const afgedaan = stap(inBehandeling, 'AFDOENEN', '2026-04-20T10:00:00+02:00', { oordeel: 'gegrond' });
    expect(afgedaan.state).toBe('bijAanbieder.afgedaan');
    const s = stap(afgedaan, 'AANBIEDER_CONTRACT_BEEINDIGD', '2026-06-01T11:00:00+02:00');
    expect([s.accepted, afgedaan.volgendeEvents.includes('AANBIEDER_CONTRACT_BEEINDIGD')]).toEqual([false, false]);
  });
});

describe('gm0363-amsterdam: a forwarded klacht the aanbieder never picked up (Awb 9:24 lid 1 sub b naar analogie)', () => {
  const doorgestuurd = r.start(intake);
  const termijnVan = (s: StepResult, naam: string) => s.termijnen.find((t) => t.naam === naam);

  test('the klager who goes to the second line after the aanbieder’s termijn passed leaves no aanbieder termijn running', () => {
    let s = doorgestuurd;
    for (const naam of AANBIEDER_TERMIJNEN) {
      const t = termijnVan(s, naam);
      if (!t) continue;
      // The wake-up just after the last day (that day itself still counts).
      const na = new Date(Date.parse(`${t.vervaldatum}T00:00:30+02:00`) + 86_400_000).toISOString();
      s = stap(s, 'TERMIJN_VERLOPEN', na, { termijn: naam });
      expect([naam, s.reason]).toEqual([naam, undefined]);
    }
    // Amsterdam's second line judges aanbieders (Klachtenprotocol Wmo keten Amsterdam §4, §12).
    const naar = stap(s, 'VERZOEK_OMBUDSMAN', '2026-06-01T10:00:00+02:00');
    expect([naar.accepted, naar.reason]).toEqual([true, undefined]);
    expect(naar.state).toMatch(/^bijOmbudsman/);
    expect(aanbiederTermijnen(naar)).toEqual([]);
  });
});
