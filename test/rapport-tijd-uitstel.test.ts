/**
 * Awb 9:11 lid 3 (further postponement only with the klager's written consent) with Uitgangspunten klachtenmanagement
 * Sociaal Domein §10 and contract art. 11.1: a klacht afgedaan after its original afhandeltermijn, within the uitstel the
 * klager agreed to, was met in time only because of that extension. The report classes it 'op tijd na verdaging of
 * uitstel' (`naVerdaging`), as a verdaging (Awb 9:11 lid 2), never plain 'op tijd': its reader must see that the original
 * termijn was not met without an extension (docs/te-laat.md). The same in the report on request, the report as at a past
 * peildatum, the report the deadline job stores, and its CSV; and such a klacht is never te laat (overdue=true).
 *
 * Stichtse Vecht's seed definition through the engine at fixed dates; no worker runs (ROLE=api).
 */
import { RapportagePlanningService } from '../src/modules/reports/rapportage-planning.service';
import { RapportageService } from '../src/modules/reports/rapportage.service';
import { teLaat, teLaatOp } from '../src/modules/termijnen/te-laat';
import type { EngineApp } from './support/engine-harness';
import {
  ONTVANGEN as DAG,
  RAPPORT_DEADLINE as DEADLINE,
  RAPPORT_NU as NU,
  rapportKlachten,
  type RapportKlachten,
  type Stap,
} from './support/rapport-klachten';

/** Between the uitstel and the afdoening, after the original last day (18 May). */
const TUSSEN = new Date('2026-05-25T12:00:00+02:00');

let rapport: RapportKlachten;
let a: EngineApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Received Thursday 2 April 2026: the Awb 9:11 afhandeltermijn ends Monday 18 May.
  rapport = await rapportKlachten('rapport_tijd_uitstel');
  a = rapport.a;
  const klacht = (stappen: Stap[]) => rapport.klacht(stappen);
  // Awb 9:11 lid 3: with the klager's written consent to 30 June, afgedaan on 10 June (after the original 18 May).
  ids.uitstel = await klacht([
    ['UITSTEL_MET_INSTEMMING', '2026-05-12T10:00:00+02:00', { termijn: 'afhandeling', tot: '2026-06-30', reden: 'klager op vakantie' }],
    ['AFDOENEN', '2026-06-10T10:00:00+02:00', { oordeel: 'gegrond' }],
  ]);
  // Awb 9:11 lid 2: verdaagd four weeks (to 15 June), afgedaan on 10 June.
  ids.verdaging = await klacht([
    ['VERDAGEN', '2026-05-12T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' }],
    ['AFDOENEN', '2026-06-10T10:00:00+02:00', { oordeel: 'ongegrond' }],
  ]);
  // Afgedaan within the original six weeks.
  ids.opTijd = await klacht([['AFDOENEN', '2026-05-12T10:00:00+02:00', { oordeel: 'gegrond' }]]);
}, 180_000);

afterAll(async () => {
  await rapport?.close();
});

async function klassen(op: Date, verleden: boolean): Promise<Record<string, number>> {
  const r = await a.app
    .get(RapportageService)
    .maak({ gemeente: 'GM1904', gemeenten: ['GM1904'], van: DAG, tot: DAG, peildatum: op, peildatumVerleden: verleden });
  return Object.fromEntries(r.cijfers.perTermijn.map((t) => [t.waarde, t.aantal]));
}

describe('Awb 9:11 lid 3 with Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: uitstel met instemming is an extension in the report', () => {
  it("Awb 9:11 lid 3: a klacht afgedaan within the uitstel the klager consented to is 'op tijd na verdaging of uitstel', not 'op tijd', now and as at a past peildatum", async () => {
    expect(await klassen(NU, false)).toEqual({ naVerdaging: 2, opTijd: 1 });
    expect(await klassen(DEADLINE, true)).toEqual({ naVerdaging: 2, opTijd: 1 });
    // Between the uitstel and the afdoening, after the original last day: running, not te laat.
    expect(await klassen(TUSSEN, true)).toEqual({ lopend: 2, opTijd: 1 });
  });

  it('contract art. 11.1: the report the deadline job stores (run late, as at 1 July) and its CSV say the same', async () => {
    const planning = a.app.get(RapportagePlanningService);
    await planning.synchroniseer(new Date('2026-06-15T10:00:00Z'));
    const job = { gemeente: 'GM1904', soort: 'aanbieders' as const, deadline: '2026-07-01', kind: 'deadline' as const };
    expect(await planning.deadline(job, new Date('2026-07-04T09:00:00+02:00'))).toBe('verwerkt');
    const [r] = (await a.db.query(
      `select inhoud->'perTermijn' as p, inhoud->'regels' as regels from rapportage where gemeente = 'GM1904' and deadline = '2026-07-01' and aanbieder_id = '*'`,
    )) as Array<{ p: Array<{ waarde: string; aantal: number }>; regels: Array<{ opTijd: number; naVerdaging: number }> }>;
    expect(Object.fromEntries(r.p.map((t) => [t.waarde, t.aantal]))).toEqual({ naVerdaging: 2, opTijd: 1 });

    const service = a.app.get(RapportageService);
    const csv = service.csv(await service.maak({ gemeente: 'GM1904', gemeenten: ['GM1904'], van: DAG, tot: DAG, peildatum: NU }));
    const [kop, regel] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const kolom = kop.split(';').indexOf('Op tijd na verdaging of uitstel');
    expect(kolom).toBeGreaterThan(0);
    expect(regel.split(';')[kolom]).toBe('2');
    expect(regel.split(';')[kop.split(';').indexOf('Op tijd afgehandeld')]).toBe('1');
  });

  it('docs/te-laat.md: a klacht afgedaan within its uitstel is never te laat (overdue=true), now or as at any moment', async () => {
    const momenten = [TUSSEN, DEADLINE, NU];
    const rijen = (await a.db.query(
      `select k.id, coalesce(${teLaat('k', '$2')}, false) as nu, array_agg(${teLaatOp('k', 'm.op')} order by m.op) as op
       from klacht k cross join unnest($3::timestamptz[]) m(op) where k.id = any($1::uuid[]) group by k.id, k.eerste_vervalt_op`,
      [Object.values(ids), NU, momenten],
    )) as Array<{ id: string; nu: boolean; op: boolean[] }>;
    expect(rijen).toHaveLength(3);
    expect(rijen.filter((r) => r.nu || r.op.some(Boolean))).toEqual([]);
  });
});
