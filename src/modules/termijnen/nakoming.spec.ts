import { join } from 'node:path';
import { loadRegistry } from '../../machines';
import type { IntakeInput, StepResult } from '../../machines/contract';
import { geslotenDoorStap, type OpenVerlopen } from './nakoming';
import { eindVanDag } from './termijn-tijd';

const registry = loadRegistry(join(__dirname, '..', '..', '..', 'definitions'));
const regime = (id: string) => registry.regimes.find((r) => r.summary.id === id)!;

function volg(id: string, intake: IntakeInput, stappen: Array<[string, string, Record<string, unknown>?]>): StepResult {
  const r = regime(id);
  let s = r.start(intake);
  for (const [type, at, data] of stappen) {
    const n = r.step(s.snapshot, { type, at, ...(data ? { data } : {}) });
    if (!n.accepted) throw new Error(`${type}: ${n.reason}`);
    s = n;
  }
  return s;
}

const gemeente: IntakeInput = {
  gemeente: 'GM1904',
  kanaal: 'brief',
  ontvangenOp: '2026-03-02T10:00:00+01:00',
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [],
  feiten: {},
};
const open = (naam: string, vervaldatum: string): OpenVerlopen => ({
  id: `id-${naam}`,
  naam,
  vervaldatum,
  vervaltOp: eindVanDag(vervaldatum),
});

describe('nakoming: a step meets a passed obligation when it would have ended the termijn had it still been running', () => {
  // Stichtse Vecht, received 2 March 2026: the Awb 9:11 afhandeltermijn ended 13 April; TERMIJN_VERLOPEN recorded.
  const verlopen = volg('gm1904-stichtse-vecht', gemeente, [
    ['FORMELE_BEHANDELING', '2026-03-03T10:00:00+01:00'],
    ['IN_BEHANDELING_NEMEN', '2026-03-04T10:00:00+01:00'],
    ['TERMIJN_VERLOPEN', '2026-04-13T22:00:00Z', { termijn: 'afhandeling' }],
  ]);
  const afhandeling = open('afhandeling', '2026-04-13');

  test('Awb 9:11: the regime no longer runs the passed afhandeltermijn (only the 9:24 year), so nothing else would say when it is met', () => {
    expect(verlopen.termijnen.map((t) => t.naam)).toEqual(['tweedeLijnVerzoek']);
  });

  test('a step within the handling (the invitation to be heard) does not meet it', () => {
    const r = regime('gm1904-stichtse-vecht');
    expect(geslotenDoorStap(r, verlopen.snapshot, { type: 'HOREN_UITNODIGEN', at: '2026-04-20T10:00:00+02:00' }, [afhandeling])).toEqual(
      [],
    );
  });

  test('Awb 9:12: the afdoening meets it, late (status verlopen)', () => {
    const r = regime('gm1904-stichtse-vecht');
    const horen = r.step(verlopen.snapshot, { type: 'HOREN_OVERSLAAN', at: '2026-04-20T10:00:00+02:00', data: { reden: 'afgezien' } });
    expect(horen.accepted).toBe(true);
    expect(
      geslotenDoorStap(r, horen.snapshot, { type: 'AFDOENEN', at: '2026-05-01T10:00:00+02:00', data: { oordeel: 'gegrond' } }, [
        afhandeling,
      ]),
    ).toEqual([{ id: 'id-afhandeling', naam: 'afhandeling', status: 'verlopen' }]);
  });

  test('a refused step meets nothing', () => {
    const r = regime('gm1904-stichtse-vecht');
    expect(
      geslotenDoorStap(r, verlopen.snapshot, { type: 'AFDOENEN', at: '2026-05-01T10:00:00+02:00', data: { oordeel: 'gegrond' } }, [
        afhandeling,
      ]),
    ).toEqual([]);
  });

  test('Klachtenprotocol Wmo keten Amsterdam §6: a late contact is met by the contact, the klacht staying with the aanbieder', () => {
    const aanbieder = volg(
      'gm0363-amsterdam',
      {
        ...gemeente,
        gemeente: 'GM0363',
        ontvangenOp: '2026-06-01T10:00:00+02:00',
        ingediendBij: 'aanbieder',
        aanbieders: [{ id: 'zorgbalans', type: 'wmo' }],
      },
      [['TERMIJN_VERLOPEN', '2026-06-08T22:00:00Z', { termijn: 'contact' }]],
    );
    const r = regime('gm0363-amsterdam');
    expect(
      geslotenDoorStap(r, aanbieder.snapshot, { type: 'CONTACT_OPGENOMEN', at: '2026-06-10T10:00:00+02:00' }, [
        open('contact', '2026-06-08'),
      ]),
    ).toEqual([{ id: 'id-contact', naam: 'contact', status: 'verlopen' }]);
  });
});
