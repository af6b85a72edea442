/**
 * The events a klacht offers (RegimeControles.volgendeGebeurtenissen) name for VERDAGEN, UITSTEL_MET_INSTEMMING,
 * OPSCHORTEN and HERVATTEN only the termijnen the engine lets them move (compiler/termijn-verschuiving.ts, the rule the
 * regime refuses by), and an event with no such termijn is not offered. Seed definitions, pure API.
 */
import { join } from 'node:path';
import type { StepResult } from './contract';
import { kanVerschuiven, verschuivingWeigering, type VerschuivingSoort } from './compiler/termijn-verschuiving';
import { loadRegistry } from './index';
import { intake } from './intake.spec-hulp';
import { maakRegime, type Regime } from './regime';

const seeds = loadRegistry(join(__dirname, '..', '..', 'definitions'));
const seed = (id: string) => seeds.regimes.find((r) => r.summary.id === id) as Regime;
const SOORTEN: VerschuivingSoort[] = ['verdaging', 'instemming', 'opschorting', 'hervatting'];

/** The offered events, each with the termijnen it may name (none for an event that names no termijn). */
function aangeboden(r: Regime, s: StepResult): Record<string, string[] | undefined> {
  const lijst = r.controles!.volgendeGebeurtenissen(JSON.parse(JSON.stringify(s.snapshot)), s.volgendeEvents);
  return Object.fromEntries(lijst.map((g) => [g.type, g.data.find((d) => d.naam === 'termijn')?.waarden]));
}

function neem(r: Regime, s: StepResult, type: string, at: string, data?: Record<string, unknown>): StepResult {
  const v = r.step(JSON.parse(JSON.stringify(s.snapshot)), { type, at, ...(data ? { data } : {}) });
  expect([type, v.accepted, v.reason]).toEqual([type, true, undefined]);
  return v;
}

describe.each([
  ['gm1904-stichtse-vecht', 'GM1904'],
  ['gm0363-amsterdam', 'GM0363'],
])('%s: the termijnen a moving event offers', (id, gemeente) => {
  const r = seed(id);

  test('Awb 9:11: the afhandeltermijn can be verdaagd or moved with consent, never suspended: OPSCHORTEN and HERVATTEN are not offered', () => {
    const s = r.start(intake({ gemeente }));
    expect(s.termijnen.map((t) => t.naam)).toContain('afhandeling');
    // The regime lists them by state; the engine refuses every choice (no opschorting in the regeling).
    expect(s.volgendeEvents).toEqual(expect.arrayContaining(['OPSCHORTEN', 'VERDAGEN']));
    const opschorten = r.step(JSON.parse(JSON.stringify(s.snapshot)), {
      type: 'OPSCHORTEN',
      at: '2026-04-07T10:00:00+02:00',
      data: { termijn: 'afhandeling', reden: 'wachten op stukken' },
    });
    expect([opschorten.accepted, opschorten.reason]).toEqual([false, expect.stringContaining('kan niet worden opgeschort')]);
    const lijst = aangeboden(r, s);
    expect([lijst.OPSCHORTEN, lijst.HERVATTEN]).toEqual([undefined, undefined]);
    expect(Object.keys(lijst)).not.toContain('OPSCHORTEN');
    expect(lijst.VERDAGEN).toEqual(['afhandeling']);
    expect(lijst.UITSTEL_MET_INSTEMMING).toEqual(['afhandeling']);
  });
});

test('TermijnDefinitie.opschorting: a termijn the regeling lets suspend is offered for OPSCHORTEN; once suspended only HERVATTEN names it', () => {
  const amsterdam = seed('gm0363-amsterdam');
  const definitie = structuredClone(amsterdam.definitie);
  definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
  const r = maakRegime(definitie, 'gm0363-amsterdam');
  const start = r.start(
    intake({
      gemeente: 'GM0363',
      ontvangenOp: '2026-03-02T10:00:00+01:00',
      ingediendBij: 'aanbieder',
      aanbieders: [{ id: 'a1', naam: 'Zorg West', type: 'wmo' }],
      feiten: { aantalAanbieders: 1 },
    }),
  );
  const lopend = neem(r, start, 'CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00');
  const voor = aangeboden(r, lopend);
  expect([voor.OPSCHORTEN, voor.HERVATTEN]).toEqual([['aanbiederAfhandeling'], undefined]);
  const opgeschort = neem(r, lopend, 'OPSCHORTEN', '2026-04-01T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', reden: 'ziekenhuis' });
  const na = aangeboden(r, opgeschort);
  // Awb 9:11 lid 3 by analogy: no consent to a later date while the termijn stands still (termijn-ledger.ts).
  expect([na.OPSCHORTEN, na.HERVATTEN, na.UITSTEL_MET_INSTEMMING]).toEqual([undefined, ['aanbiederAfhandeling'], undefined]);
  expect(na.VERDAGEN).toEqual(['aanbiederAfhandeling']);
});

test('Awb 9:31: the date the ombudsman set is never offered for moving, whatever else its spec would allow', () => {
  const spec = seed('gm1904-stichtse-vecht').gecompileerd.ctx.specs.ombudsmanTermijn;
  expect(spec.gesteld).toBeDefined();
  // Even with a verdaging rule and an opschorting (which it has not), the date stays the ombudsman's.
  const alsof = { ...spec, verdagingMax: 'P4W', opschorting: { grondslag: 'contract' } };
  for (const soort of SOORTEN) {
    for (const opgeschort of [false, true])
      expect([soort, opgeschort, kanVerschuiven('ombudsmanTermijn', alsof, soort, opgeschort)]).toEqual([soort, opgeschort, false]);
    expect(verschuivingWeigering('ombudsmanTermijn', alsof, soort)).toContain('alleen de ombudsman kan hem verschuiven');
  }
  // The same spec without `gesteld` is a handling term that moves.
  const { gesteld: _weg, ...zonder } = alsof;
  expect(SOORTEN.map((soort) => kanVerschuiven('x', zonder, soort, soort === 'hervatting'))).toEqual([true, true, true, true]);
});
