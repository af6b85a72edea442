/**
 * Awb 9:11 lid 2 (and Wkkgz 17 lid 2; a contract that follows them, `verdagingMax: P4W`): verdaging by at most four weeks.
 * On a termijn counted in werkdagen a verdaging written in days counts werkdagen; the four weeks are calendar weeks, so
 * the verdaging may move the last day by at most 28 days, whatever unit it is written in.
 *
 * Amsterdam's seed with the aanbieder's handling term counted as 30 werkdagen (a contract may; none of the seeds does),
 * through the API with the service's clock injected (KLOK); no worker runs (ROLE=api). Received Monday 2 March 2026: the
 * 30th werkdag is Wednesday 15 April (Goede Vrijdag and Tweede Paasdag do not count).
 */
import { amsterdamContractApi, klokOp, type AmsterdamContractApi } from './support/amsterdam-contract';
import type { EngineApp } from './support/engine-harness';

const klok = klokOp('2026-03-02T10:00:00+01:00');

let contract: AmsterdamContractApi;
let a: EngineApp;

beforeAll(async () => {
  contract = await amsterdamContractApi(
    'verdaging_werkdagen',
    (definitie) => {
      definitie.termijnen.aanbiederAfhandeling.duur = 'P30D';
      definitie.termijnen.aanbiederAfhandeling.rekenwijze = 'werkdagen';
    },
    klok,
  );
  a = contract.a;
}, 120_000);

afterAll(async () => {
  await contract?.close();
});

const termijn = async (id: string) =>
  (
    (await a.db.query(
      `select revision, vervaldatum::text as vervaldatum, jsonb_array_length(mutaties) as mutaties from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
      [id],
    )) as Array<{ revision: number; vervaldatum: string; mutaties: number }>
  )[0];

/** An event through the API at the service's clock, set to `op` (no `at`: the service takes its now). */
const stap = (id: string, op: string, type: string, data?: Record<string, unknown>) => contract.gebeurtenis(id, op, type, data);

it('Awb 9:11 lid 2: a verdaging in werkdagen that moves the last day more than four weeks is refused, naming the duur; four weeks are accepted', async () => {
  const id = await contract.bijAanbieder('2026-03-02T10:00:00+01:00');
  expect((await stap(id, '2026-03-03T10:00:00+01:00', 'CONTACT_OPGENOMEN')).status).toBe(200);
  expect(await termijn(id)).toEqual({ revision: 1, vervaldatum: '2026-04-15', mutaties: 0 });
  const gebeurtenissen = async () =>
    ((await a.db.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1`, [id])) as Array<{ n: number }>)[0].n;
  const voor = await gebeurtenissen();

  // 28 werkdagen after 15 April is 1 June: 47 days. Refused, nothing changed.
  const te = await stap(id, '2026-03-20T10:00:00+01:00', 'VERDAGEN', { termijn: 'aanbiederAfhandeling', duur: 'P28D' });
  expect(te.status).toBe(409);
  expect(te.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(te.body).toMatchObject({ status: 409, code: 'gebeurtenis-niet-toegestaan', gebeurtenis: 'VERDAGEN' });
  expect(te.body.detail).toContain(
    "Op deze termijn in werkdagen telt de duur 'P28D' werkdagen: 28 werkdagen na woensdag 15 april 2026 is maandag 1 juni 2026, 47 dagen later.",
  );
  expect(te.body.detail).toContain('meer dan 4 weken');
  expect(te.body.detail).toContain(
    'Nog mogelijk: 28 dagen, tot en met woensdag 13 mei 2026: schrijf de duur in weken (hooguit P4W) of in werkdagen (hooguit P18D)',
  );
  expect(await termijn(id)).toEqual({ revision: 1, vervaldatum: '2026-04-15', mutaties: 0 });
  expect(await gebeurtenissen()).toBe(voor);

  // Four weeks, or the 18 werkdagen up to the same day, are accepted: Wednesday 13 May.
  const vier = await stap(id, '2026-03-20T10:00:00+01:00', 'VERDAGEN', { termijn: 'aanbiederAfhandeling', duur: 'P18D' });
  expect([vier.status, vier.body.detail]).toEqual([200, undefined]);
  expect(await termijn(id)).toEqual({ revision: 2, vervaldatum: '2026-05-13', mutaties: 1 });
  // Nothing is left of the four weeks: one werkdag more is refused.
  const meer = await stap(id, '2026-03-21T10:00:00+01:00', 'VERDAGEN', { termijn: 'aanbiederAfhandeling', duur: 'P1D' });
  expect(meer.status).toBe(409);
  expect(meer.body.detail).toContain('Nog mogelijk: 0 dagen.');
});
