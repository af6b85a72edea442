/**
 * Algemene termijnenwet art. 1 lid 1 with a regeling that lets a contractual termijn be suspended (`opschorting`) and
 * declares the Atw applicable to it (`atw: true`; the lint allows it): a suspended termijn does not run and gets back the
 * days it had left, also when it is suspended in the days the Atw added to it; the Atw applies to the day that gives.
 *
 * Amsterdam's seed with aanbiederAfhandeling `atw: true` and `opschorting` (none of the seeds enables either), through
 * the API with the service's clock injected (KLOK) and the real wake-up; no worker runs (ROLE=api). Received Thursday
 * 2 April 2026: six weeks is Hemelvaartsdag 14 May, the Atw gives Monday 18 May. Suspended Saturday 16 May, resumed
 * Wednesday 20 May: 4 days, so 18 May + 4 = Friday 22 May.
 */
import { amsterdamContractApi, klokOp, type AmsterdamContractApi } from './support/amsterdam-contract';
import type { EngineApp } from './support/engine-harness';

const klok = klokOp('2026-04-02T10:00:00+02:00');

let contract: AmsterdamContractApi;
let a: EngineApp;

beforeAll(async () => {
  contract = await amsterdamContractApi(
    'opschorting_atw',
    (definitie) => {
      definitie.termijnen.aanbiederAfhandeling.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
      definitie.termijnen.aanbiederAfhandeling.atw = true;
    },
    klok,
  );
  a = contract.a;
}, 120_000);

afterAll(async () => {
  await contract?.close();
});

/** The aanbieder's handling termijn, its latest revision. */
const termijn = (id: string) => contract.aanbiederAfhandeling(id);
const eersteVervaltOp = async (id: string) =>
  ((await a.db.query(`select eerste_vervalt_op from klacht where id = $1`, [id])) as Array<{ eerste_vervalt_op: Date | null }>)[0]
    .eerste_vervalt_op;
const verlopen = async (id: string) =>
  a.db.query(`select type from outbox where klacht_id = $1 and type in ('termijn.verlopen', 'termijn.escalatie')`, [id]);

/** An event through the API at the service's clock, set to `op` (no `at`: the service takes its now); accepted. */
async function stap(id: string, op: string, type: string, data?: Record<string, unknown>) {
  const r = await contract.gebeurtenis(id, op, type, data);
  expect([r.status, r.body.detail]).toEqual([200, undefined]);
  return r;
}

/** Received by the aanbieder on Thursday 2 April 2026, contact the next day; suspended Saturday 16 May. */
async function opgeschortIn16Mei(): Promise<string> {
  klok.moment = new Date('2026-04-02T10:00:00+02:00');
  const id = await contract.bijAanbieder('2026-04-02T10:00:00+02:00');
  await stap(id, '2026-04-03T10:00:00+02:00', 'CONTACT_OPGENOMEN');
  expect(await termijn(id)).toEqual({ revision: 1, vervaldatum: '2026-05-18', status: 'lopend' });
  await stap(id, '2026-05-16T10:00:00+02:00', 'OPSCHORTEN', { termijn: 'aanbiederAfhandeling', reden: 'klager in het ziekenhuis' });
  return id;
}

it('Atw art. 1 lid 1: a termijn suspended in the days the Atw added resumes with the days it had left, not overdue the moment it resumes', async () => {
  const id = await opgeschortIn16Mei();
  // Its old last day passes during the suspension (the request on 20 May runs that wake-up first): nothing is announced.
  const hervat = await stap(id, '2026-05-20T10:00:00+02:00', 'HERVATTEN', { termijn: 'aanbiederAfhandeling' });
  // Two days were left when it stopped (after 16 up to 18 May); it stood still four days.
  const view = (hervat.body.termijnen as Array<{ naam: string; vervaldatum: string; uitleg: string[] }>).find(
    (t) => t.naam === 'aanbiederAfhandeling',
  )!;
  expect(view.vervaldatum).toBe('2026-05-22');
  expect(view.uitleg).toContain(
    'Hervat op woensdag 20 mei 2026: 4 dagen opgeschort (zaterdag 16 mei 2026 tot woensdag 20 mei 2026), dus maandag 18 mei 2026 + 4 = vrijdag 22 mei 2026',
  );
  expect(await termijn(id)).toMatchObject({ vervaldatum: '2026-05-22', status: 'lopend' });
  // Not te laat when it resumes (te-laat.ts: eerste_vervalt_op <= now): it passes at the end of 22 May.
  expect(await eersteVervaltOp(id)).toEqual(new Date('2026-05-22T22:00:00Z'));
  expect(await verlopen(id)).toEqual([]);
});

it('a termijn row written with the earlier last day (18 May) is moved by its wake-up, not expired', async () => {
  const id = await opgeschortIn16Mei();
  await stap(id, '2026-05-20T10:00:00+02:00', 'HERVATTEN', { termijn: 'aanbiederAfhandeling' });
  // As the ledger before this fix left the row: last day 18 May, already passed at the hervatting.
  const { revision } = await termijn(id);
  await a.db.query(
    `update termijn set vervaldatum = '2026-05-18', vervalt_op = '2026-05-18T22:00:00Z' where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
    [id],
  );
  await a.db.query(`update klacht set eerste_vervalt_op = '2026-05-18T22:00:00Z' where id = $1`, [id]);
  expect(
    await a.wake.verval(
      { klachtId: id, termijnNaam: 'aanbiederAfhandeling', revision, kind: 'verval' },
      new Date('2026-05-20T10:00:05+02:00'),
    ),
  ).toBe('verwerkt');
  expect(await termijn(id)).toEqual({ revision: revision + 1, vervaldatum: '2026-05-22', status: 'lopend' });
  expect(await eersteVervaltOp(id)).toEqual(new Date('2026-05-22T22:00:00Z'));
  expect(await verlopen(id)).toEqual([]);
});
