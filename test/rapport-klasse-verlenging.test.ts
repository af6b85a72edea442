/**
 * Awb 9:11 lid 1, 2 and 3 with Uitgangspunten klachtenmanagement Sociaal Domein §10 and contract art. 11.1: the report's
 * termijn class says the truth about an extended termijn and a termijn that ended.
 *
 * - 'op tijd na verdaging of uitstel' (`naVerdaging`) is a termijn met after the last day it had before it was extended
 *   (docs/te-laat.md). One verdaagd or further uitgesteld but met by its original last day did not need the extension: it
 *   is 'op tijd' (the last day counts in full).
 * - A klacht withdrawn before its afhandeltermijn passed (the termijn ends 'vervallen') had a termijn and kept it: 'op
 *   tijd', the mirror of 'te laat afgehandeld' for one that ended after it passed; not 'zonder afhandeltermijn'. Withdrawn
 *   within an extension, after the original last day: 'op tijd na verdaging of uitstel'.
 *
 * Stichtse Vecht's seed definition through the engine at fixed dates (received Thursday 2 April 2026: the afhandeltermijn
 * ends Monday 18 May); no worker runs (ROLE=api). The report on request and as at a past peildatum.
 */
import { queryRapportage } from '../src/modules/reports/rapportage.repository';
import type { EngineApp } from './support/engine-harness';
import {
  ONTVANGEN as DAG,
  RAPPORT_DEADLINE as DEADLINE,
  RAPPORT_NU as NU,
  rapportKlachten,
  type RapportKlachten,
  type Stap,
} from './support/rapport-klachten';

let rapport: RapportKlachten;
let a: EngineApp;
const ids: Record<string, string> = {};

const VERDAGEN: Stap = ['VERDAGEN', '2026-05-12T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W', reden: 'advies nodig' }];
const UITSTEL: Stap = [
  'UITSTEL_MET_INSTEMMING',
  '2026-05-12T10:00:00+02:00',
  { termijn: 'afhandeling', tot: '2026-06-30', reden: 'klager op vakantie' },
];

beforeAll(async () => {
  rapport = await rapportKlachten('rapport_klasse_verlenging');
  a = rapport.a;
  const klacht = (stappen: Stap[]) => rapport.klacht(stappen);
  // Verdaagd on 12 May (four weeks on the raw last day, Thursday 14 May: to 11 June), afgedaan on 14 May: before the original last day, the verdaging was not needed.
  ids.verdaagdVoor = await klacht([VERDAGEN, ['AFDOENEN', '2026-05-14T10:00:00+02:00', { oordeel: 'gegrond' }]]);
  // Uitstel to 30 June, afgedaan at 16:00 on the original last day itself (Awb 9:11: the last day counts in full).
  ids.uitstelLaatsteDag = await klacht([UITSTEL, ['AFDOENEN', '2026-05-18T16:00:00+02:00', { oordeel: 'gegrond' }]]);
  // Verdaagd, afgedaan on 10 June: after the original last day, within the verdaging.
  ids.verdaagdNa = await klacht([VERDAGEN, ['AFDOENEN', '2026-06-10T10:00:00+02:00', { oordeel: 'ongegrond' }]]);
  // Withdrawn on 20 April, while the afhandeltermijn ran: it ends 'vervallen'.
  ids.ingetrokken = await klacht([['KLACHT_INGETROKKEN', '2026-04-20T10:00:00+02:00', { reden: 'opgelost' }]]);
  // Verdaagd, withdrawn on 1 June: after the original last day, within the verdaging.
  ids.ingetrokkenNaVerdaging = await klacht([VERDAGEN, ['KLACHT_INGETROKKEN', '2026-06-01T10:00:00+02:00', { reden: 'opgelost' }]]);
}, 180_000);

afterAll(async () => {
  await rapport?.close();
});

/**
 * The class of each klacht: the report over the day of receipt with only that klacht in it (the others moved out of the
 * period in a transaction that is rolled back), through the report's own query.
 */
async function klassen(op: Date, verleden: boolean): Promise<Record<string, string>> {
  const uit: Record<string, string> = {};
  for (const [naam, id] of Object.entries(ids)) {
    const qr = a.db.createQueryRunner();
    await qr.startTransaction();
    try {
      await qr.query(`update klacht set ontvangen_op = ontvangen_op - interval '1 year' where id <> $1 and id = any($2::uuid[])`, [
        id,
        Object.values(ids),
      ]);
      const r = await queryRapportage(qr.manager, {
        gemeenten: ['GM1904'],
        van: DAG,
        tot: DAG,
        drempel: 3,
        peildatum: op,
        peildatumVerleden: verleden,
      });
      uit[naam] = r.perTermijn.map((t) => `${t.waarde}:${t.aantal}`).join(',');
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  }
  return uit;
}

const VERWACHT = {
  verdaagdVoor: 'opTijd:1',
  uitstelLaatsteDag: 'opTijd:1',
  verdaagdNa: 'naVerdaging:1',
  ingetrokken: 'opTijd:1',
  ingetrokkenNaVerdaging: 'naVerdaging:1',
};

describe('Awb 9:11 lid 2, 3 with Uitgangspunten klachtenmanagement Sociaal Domein §10: the report class of an extended or ended afhandeltermijn', () => {
  it("Awb 9:11 lid 2, 3: a termijn verdaagd or uitgesteld but met by its original last day is 'op tijd'; met after it, 'op tijd na verdaging of uitstel'", async () => {
    const nu = await klassen(NU, false);
    expect({ verdaagdVoor: nu.verdaagdVoor, uitstelLaatsteDag: nu.uitstelLaatsteDag, verdaagdNa: nu.verdaagdNa }).toEqual({
      verdaagdVoor: VERWACHT.verdaagdVoor,
      uitstelLaatsteDag: VERWACHT.uitstelLaatsteDag,
      verdaagdNa: VERWACHT.verdaagdNa,
    });
  });

  it("Awb 9:11 lid 1: a klacht withdrawn before its afhandeltermijn passed is 'op tijd', not 'zonder afhandeltermijn'; withdrawn within an extension after the original last day, 'op tijd na verdaging of uitstel'", async () => {
    const nu = await klassen(NU, false);
    expect({ ingetrokken: nu.ingetrokken, ingetrokkenNaVerdaging: nu.ingetrokkenNaVerdaging }).toEqual({
      ingetrokken: VERWACHT.ingetrokken,
      ingetrokkenNaVerdaging: VERWACHT.ingetrokkenNaVerdaging,
    });
  });

  it('docs/te-laat.md: the stored report as at a past peildatum says the same', async () => {
    expect(await klassen(DEADLINE, true)).toEqual(VERWACHT);
  });

  it('Awb 9:11 lid 2: the verdaging records the last day it extended (GET /klachten/{id}: mutaties[].vervaldatumVoor)', async () => {
    const [t] = (await a.db.query(`select mutaties from termijn where klacht_id = $1 and naam = 'afhandeling'`, [
      ids.verdaagdNa,
    ])) as Array<{
      mutaties: Array<{ soort: string; vervaldatumVoor?: string; vervaldatumNa: string }>;
    }>;
    expect(t.mutaties.map((m) => [m.soort, m.vervaldatumVoor, m.vervaldatumNa])).toEqual([['verdaging', '2026-05-18', '2026-06-11']]);
  });
});
