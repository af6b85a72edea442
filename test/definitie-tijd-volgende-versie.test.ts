/**
 * Terugwerkende kracht of a definition version put before one already in force (rechtszekerheidsbeginsel;
 * docs/definities.md: a version without geldigTot ends the day before the next version's geldigVanaf, one regeling
 * per day). Amsterdam (Klachtenprotocol Wmo keten Amsterdam) has 2015-01 and, from 1 June 2026, 2026-06. On 15
 * September a version from 1 March is proposed: it governs 1 March to 31 May only, since 2026-06 still decides every
 * day from 1 June. What the approver must confirm (4-ogen, Uitgangspunten klachtenmanagement Sociaal Domein §1D) is
 * that reach: its days and the klachten received in them, not those of days that keep 2026-06. The service clock
 * (KLOK) is moved per step.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

let moment = new Date('2026-05-20T08:00:00Z');
const klok: Klok = { nu: () => new Date(moment.getTime()) };

function intake(ontvangenOp: string, onderwerp: string): IntakeInput {
  return {
    gemeente: 'GM0363',
    kanaal: 'brief',
    ontvangenOp,
    ingediendBij: 'gemeente',
    soort: 'klacht',
    onderwerp,
    aanbieders: [],
    feiten: {},
  };
}

describe('terugwerkende kracht of a version that begins before a served one', () => {
  let db: TestDatabase;
  let t: TestApp;
  let sanne: string;
  let ahmed: string;
  let behandelaar: string;

  const sleutel = async (naam: string, rol: 'beleidsmedewerker' | 'klachtbehandelaar' = 'beleidsmedewerker') =>
    `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol, naam, medewerker: naam })).sleutel}`;
  const stelVoor = (yaml: string) =>
    request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
  const keurGoed = (id: string, body: object = {}) =>
    request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/goedkeuring`).set('Authorization', ahmed).send(body);
  const wijsAf = (id: string) =>
    request(t.http)
      .post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/afwijzing`)
      .set('Authorization', ahmed)
      .send({ reden: 'alleen getoetst' })
      .expect(201);
  const versieOp = async (dag: string) =>
    (await request(t.http).get(`/api/v1/intake-vragen?op=${dag}`).set('Authorization', behandelaar)).body.definitie?.versie;

  beforeAll(async () => {
    db = await createTestDatabase('definitie_tijd_volgende');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    sanne = await sleutel('Sanne Jansen');
    ahmed = await sleutel('Ahmed El Amrani');
    behandelaar = await sleutel('Fatima de Vries', 'klachtbehandelaar');
    // 20 May 2026: 2026-06 is approved before it begins (no terugwerkende kracht).
    const v = await stelVoor(amsterdamVersie('2026-06', '2026-06-01'));
    expect([v.status, v.body.terugwerkendeKracht]).toEqual([201, undefined]);
    expect((await keurGoed(v.body.id)).status).toBe(201);
    moment = new Date('2026-09-15T08:00:00Z');
    const engine = t.app.get(EngineService);
    await engine.create(intake('2026-04-10T10:00:00+02:00', 'april'), { actor: 'kcc' });
    await engine.create(intake('2026-06-10T10:00:00+02:00', 'juni'), { actor: 'kcc' });
    await engine.create(intake('2026-07-01T10:00:00+02:00', 'juli'), { actor: 'kcc' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('rechtszekerheid: a version from a past day put before a served version works back only until that one begins; the approver confirms its days and its klachten, not those that keep 2026-06', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    const v = await stelVoor(amsterdamVersie('2026-03', '2026-03-01'));
    expect(v.status).toBe(201);
    // 1 March to 31 May: 92 days; of the three klachten only April's was received in them (on 2015-01).
    const verwacht = {
      vandaag: '2026-09-15',
      van: '2026-03-01',
      tot: '2026-05-31',
      dagen: 92,
      klachten: 1,
      perVersie: [{ definitieId: 'gm0363-amsterdam', versie: '2015-01', klachten: 1 }],
    };
    expect(v.body.terugwerkendeKracht).toEqual(expect.objectContaining(verwacht));

    const zonder = await keurGoed(v.body.id);
    expect(zonder.status).toBe(422);
    expect(zonder.body.detail).toMatch(
      /terug over 92 dagen, 1 maart 2026 t\/m 31 mei 2026 \(vanaf 1 juni 2026 geldt versie 2026-06\)\. 1 klacht van de gemeente, ontvangen in die dagen, blijft op versie 2015-01;/,
    );
    const goed = await keurGoed(v.body.id, { terugwerkendeKrachtBevestigd: true });
    expect(goed.status).toBe(201);
    expect(goed.body.stappen.find((s: { stap: string }) => s.stap === 'goedgekeurd').terugwerkendeKracht).toEqual(
      expect.objectContaining(verwacht),
    );
    // The registry agrees on that reach: 2026-03 for a day in April, 2026-06 still for June and July.
    expect([
      await versieOp('2026-02-28'),
      await versieOp('2026-04-10'),
      await versieOp('2026-06-10'),
      await versieOp('2026-07-01'),
    ]).toEqual(['2015-01', '2026-03', '2026-06', '2026-06']);
  });

  it('rechtszekerheid: a version approved in another process that this one has not loaded yet bounds the reach too', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    // Another process approved 2026-08 (from 1 August): its row is there, this process's registry does not serve it yet.
    await t.app
      .get(DataSource)
      .query(
        `insert into definitie_versie (definitie_id, versie, gemeente, geldig_vanaf, yaml, gepubliceerd_door) values ('gm0363-amsterdam', '2026-08', 'GM0363', '2026-08-01', $1, 'elders')`,
        [amsterdamVersie('2026-08', '2026-08-01')],
      );
    const v = await stelVoor(amsterdamVersie('2026-07', '2026-07-20'));
    expect(v.status).toBe(201);
    expect(v.body.terugwerkendeKracht).toEqual(expect.objectContaining({ van: '2026-07-20', tot: '2026-07-31', dagen: 12, klachten: 0 }));
    await wijsAf(v.body.id);
  });
});
