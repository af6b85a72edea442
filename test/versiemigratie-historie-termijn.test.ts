/**
 * Awb 9:11 lid 2 / Wkkgz 17 lid 2 (41a1304), through the migration's API on PostgreSQL: a klacht whose termijn in
 * werkdagen was verdaagd under the ledger's count before 41a1304 (which weighed the werkdagen as calendar days) moves to
 * a new version of its regeling with the day the klager was told; the rule of now governs what comes after
 * (docs/definities.md, "Lopende klachten naar een nieuwe versie").
 *
 * Amsterdam's seed changed as a contract may (the aanbieder's handling term in 30 werkdagen: none of the seeds does), in
 * two versions: 2015-01, and 2026-05 from 21 May 2026 with the same rules. The klacht is filed with Zorg West on Monday
 * 2 March 2026 (so on 2015-01; its term ends on 15 April), stepped through the API, and the verdaging the old count
 * accepted is written as the engine wrote it then (schrijfStap). The service's clock stands on Thursday 21 May 2026; no
 * worker runs.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { CompiledRegime } from '../src/machines/contract';
import { REGIME_BRON, type RegimeBron } from '../src/modules/engine/regime-bron';
import { bearer } from './auth-support';
import { aanbiederIntakeOp, amsterdamBron, type AmsterdamDefinitie } from './support/amsterdam-contract';
import { eigenEngine, type EigenEngine } from './support/eigen-engine';
import type { EngineApp } from './support/engine-harness';

const NIEUW = '2026-05';

/** Amsterdam changed as `wijzig` says, in 2015-01 and in 2026-05 (from 21 May 2026, the same rules). */
function tweeVersies(wijzig: (d: AmsterdamDefinitie) => void): RegimeBron & { regimes: CompiledRegime[] } {
  const oud = amsterdamBron(wijzig).byId('gm0363-amsterdam', '2015-01')!;
  const nieuw = amsterdamBron((d) => {
    wijzig(d);
    Object.assign(d, { versie: NIEUW, geldigVanaf: '2026-05-21' });
  }).byId('gm0363-amsterdam', NIEUW)!;
  return {
    regimes: [oud, nieuw],
    forGemeente: (code, at) => (code !== 'GM0363' ? undefined : at >= '2026-05-21' ? nieuw : oud),
    byId: (id, versie) => [oud, nieuw].find((r) => r.summary.id === id && r.summary.versie === versie),
  };
}

let omgeving: EigenEngine;
let a: EngineApp;
let behandelaar: string;
let beleid: string;

beforeAll(async () => {
  const bron = tweeVersies((d) => {
    d.termijnen.aanbiederAfhandeling!.duur = 'P30D' as never;
    d.termijnen.aanbiederAfhandeling!.rekenwijze = 'werkdagen';
  });
  omgeving = await eigenEngine('versiemigratie_historie_termijn', {
    override: (b) =>
      b
        .overrideProvider(REGIME_BRON)
        .useValue(bron)
        .overrideProvider(KLOK)
        .useValue(vasteKlok(new Date('2026-05-21T09:00:00+02:00'))),
  });
  a = omgeving.a;
  behandelaar = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
  beleid = await bearer(a.app, 'GM0363', 'beleidsmedewerker');
}, 120_000);

afterAll(async () => {
  await omgeving?.close();
});

const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) =>
  request(a.http)
    .post(`/api/v1/klachten/${id}/gebeurtenissen`)
    .set('Authorization', behandelaar)
    .send({ type, at, ...(data ? { data } : {}) });

/** A step as the engine took it under the ledger's count before 41a1304 (that count accepted it), written as any step. */
async function zoalsToen(id: string, type: string, at: string, data: Record<string, unknown>) {
  await a.db.transaction(async (m) => {
    const row = await a.engine.vergrendel(m, id);
    const event = { type, at, actor: 'zorg-west', data };
    const r = a.engine.regimeVan(row).step(row.snapshot, event, { naarState: row.state });
    expect([r.accepted, r.reason]).toEqual([true, undefined]);
    await a.engine.schrijfStap(m, row, row.state, event, r, { actor: 'zorg-west' });
  });
}

const aanbiederAfhandeling = async (id: string) =>
  (
    (await a.db.query(
      `select vervaldatum::text as vervaldatum, status from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' order by revision desc limit 1`,
      [id],
    )) as Array<{ vervaldatum: string; status: string }>
  )[0];
const proef = async (id: string) =>
  (
    (
      await request(a.http)
        .get(`/api/v1/definities/gm0363-amsterdam/versies/${NIEUW}/migratieproef`)
        .set('Authorization', beleid)
        .expect(200)
    ).body.klachten as Array<{ klachtId: string; migreerbaar: boolean; bezwaren: string[]; termijnen: Array<{ naam: string }> }>
  ).find((k) => k.klachtId === id);
const migreer = (id: string) =>
  request(a.http)
    .post(`/api/v1/definities/gm0363-amsterdam/versies/${NIEUW}/migraties`)
    .set('Authorization', beleid)
    .send({ klachten: [id], reden: 'Klachtenprotocol Wmo keten Amsterdam, versie 2026-05' });
const versie = async (id: string) =>
  (await request(a.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body.definitieVersie as string;

it('Awb 9:11 lid 2 (41a1304): a verdaging of 28 werkdagen stored under the old count moves to the new version with the day the klager was told; no further verdaging after it', async () => {
  const { klacht } = await a.engine.create(aanbiederIntakeOp('2026-03-02T10:00:00+01:00'), { actor: 'kcc' });
  expect((await stap(klacht.id, 'CONTACT_OPGENOMEN', '2026-03-03T10:00:00+01:00')).status).toBe(200);
  // Refused today (409: more than four weeks in calendar days); accepted before 41a1304, told to the klager: 1 June.
  expect((await stap(klacht.id, 'VERDAGEN', '2026-03-20T10:00:00+01:00', { termijn: 'aanbiederAfhandeling', duur: 'P28D' })).status).toBe(
    409,
  );
  await zoalsToen(klacht.id, 'VERDAGEN', '2026-03-20T10:00:00+01:00', { termijn: 'aanbiederAfhandeling', duur: 'P28D' });
  expect(await aanbiederAfhandeling(klacht.id)).toEqual({ vervaldatum: '2026-06-01', status: 'lopend' });

  expect(await proef(klacht.id)).toEqual(
    expect.objectContaining({
      migreerbaar: true,
      bezwaren: [],
      termijnen: expect.arrayContaining([
        expect.objectContaining({
          naam: 'aanbiederAfhandeling',
          oud: expect.objectContaining({ vervaldatum: '2026-06-01' }),
          nieuw: expect.objectContaining({ vervaldatum: '2026-06-01' }),
        }),
      ]),
    }),
  );
  expect((await migreer(klacht.id)).status).toBe(200);
  expect(await versie(klacht.id)).toBe(NIEUW);
  expect(await aanbiederAfhandeling(klacht.id)).toEqual({ vervaldatum: '2026-06-01', status: 'lopend' });
  // The four weeks are used up (Awb 9:11 lid 2): after the migration the rule of now refuses more.
  const meer = await stap(klacht.id, 'VERDAGEN', '2026-05-21T09:00:00+02:00', { termijn: 'aanbiederAfhandeling', duur: 'P1D' });
  expect(meer.status).toBe(409);
  expect(meer.body.detail).toContain('Nog mogelijk: 0 dagen.');
});
