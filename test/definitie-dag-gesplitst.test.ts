/**
 * One regeling per day (docs/definities.md), 4-ogen (Uitgangspunten klachtenmanagement Sociaal Domein §1D): a version
 * in force on the day it is approved, approved after klachten received that day were registered, splits that day's
 * klachten over two versions: those registered before the approval stay on the version they were pinned to, one of the
 * same day registered after it follows the new version. Allowed (no refusal), but the approver is told: the open
 * proposal and the approval's answer say how many klachten of that day stay on their version, and the proposal keeps
 * it among its warnings. Today is the Dutch calendar day of the service clock (KLOK).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

let moment = new Date('2026-09-15T08:00:00Z');
const klok: Klok = { nu: () => new Date(moment.getTime()) };

function intake(gemeente: string, ontvangenOp: string, onderwerp: string): IntakeInput {
  return { gemeente, kanaal: 'brief', ontvangenOp, ingediendBij: 'gemeente', soort: 'klacht', onderwerp, aanbieders: [], feiten: {} };
}

describe('the klachten of one day on two versions: a version approved on a day it is in force, after klachten of that day', () => {
  let db: TestDatabase;
  let t: TestApp;
  let dataSource: DataSource;
  let sanne: string;
  let ahmed: string;

  async function sleutel(naam: string) {
    return `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'beleidsmedewerker', naam, medewerker: naam })).sleutel}`;
  }
  const stelVoor = (yaml: string) =>
    request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
  const keurGoed = (id: string) =>
    request(t.http).post(`/api/v1/definities/gm0363-amsterdam/voorstellen/${id}/goedkeuring`).set('Authorization', ahmed);
  const registreer = (gemeente: string, op: string, onderwerp: string) =>
    t.app.get(EngineService).create(intake(gemeente, op, onderwerp), { actor: 'kcc' });
  const versieVan = async (onderwerp: string) =>
    (
      (await dataSource.query('select definitie_versie from klacht where onderwerp = $1', [onderwerp])) as Array<{
        definitie_versie: string;
      }>
    )[0]?.definitie_versie;

  beforeAll(async () => {
    db = await createTestDatabase('dag_gesplitst');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    dataSource = t.app.get(DataSource);
    sanne = await sleutel('Sanne Jansen');
    ahmed = await sleutel('Ahmed El Amrani');
    for (const [gemeente, op, onderwerp] of [
      // Days are Dutch calendar days: 23:30 on 14 September is the day before, 00:30 on 15 September is the day itself.
      ['GM0363', '2026-09-14T23:30:00+02:00', 'gisteren laat'],
      ['GM0363', '2026-09-15T00:30:00+02:00', 'vandaag net na middernacht'],
      // Weesp's klachten follow Amsterdam's regeling since the herindeling (Wet arhi art. 40, neemtOver): they count too.
      ['GM0457', '2026-09-15T09:00:00+02:00', 'vandaag in Weesp'],
      ['GM1904', '2026-09-15T09:00:00+02:00', 'vandaag in een andere gemeente'],
    ] as const)
      await registreer(gemeente, op, onderwerp);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('One regeling per day, 4-ogen: a version from today approved after klachten of today were registered is published with a warning that names how many stay on their version', async () => {
    moment = new Date('2026-09-15T08:00:00Z');
    const yaml = amsterdamVersie('2026-09', '2026-09-15');
    const regel = yaml.split('\n').findIndex((r) => r.startsWith('geldigVanaf:')) + 1;
    const v = await stelVoor(yaml);
    expect(v.status).toBe(201);
    // The open proposal says what approving it now would do: two klachten of today (Weesp's included) stay on 2015-01.
    expect(v.body.gesplitsteDag).toEqual(
      expect.objectContaining({
        dag: '2026-09-15',
        klachten: 2,
        perVersie: [{ definitieId: 'gm0363-amsterdam', versie: '2015-01', klachten: 2 }],
      }),
    );
    expect(v.body.terugwerkendeKracht).toBeUndefined();

    // Another klacht of today, registered before the approval.
    moment = new Date('2026-09-15T09:00:00Z');
    await registreer('GM0363', '2026-09-15T10:30:00+02:00', 'vandaag vóór de goedkeuring');
    const goed = await keurGoed(v.body.id);
    expect(goed.status).toBe(201);
    expect(goed.body.status).toBe('goedgekeurd');
    const verwacht = { dag: '2026-09-15', klachten: 3, perVersie: [{ definitieId: 'gm0363-amsterdam', versie: '2015-01', klachten: 3 }] };
    expect(goed.body.gesplitsteDag).toEqual(expect.objectContaining(verwacht));
    expect(goed.body.gesplitsteDag.melding).toMatch(
      /^versie 2026-09 geldt op de dag van goedkeuring \(15 september 2026\), maar 3 klachten van de gemeente, ontvangen op die dag, zijn al geregistreerd op versie 2015-01 en blijven daarop; een klacht van die dag die na de goedkeuring wordt geregistreerd, volgt deze versie\. De klachten van 15 september 2026 lopen dan op twee versies/,
    );
    const waarschuwing = expect.objectContaining({
      file: 'gm0363-amsterdam/2026-09.yaml',
      line: regel,
      column: 14,
      ernst: 'waarschuwing',
      tekst: expect.stringContaining(
        `gm0363-amsterdam/2026-09.yaml:${regel}:14: waarschuwing: klachten van de dag van goedkeuring op twee versies: versie 2026-09`,
      ),
      hint: expect.stringContaining('versiemigratie'),
    });
    expect(goed.body.waarschuwingen).toEqual([waarschuwing]);

    // What it warned of: the klachten of today registered before stay on 2015-01, one registered after follows 2026-09.
    await registreer('GM0363', '2026-09-15T11:30:00+02:00', 'vandaag na de goedkeuring');
    expect(await versieVan('vandaag net na middernacht')).toBe('2015-01');
    expect(await versieVan('vandaag vóór de goedkeuring')).toBe('2015-01');
    expect(await versieVan('vandaag na de goedkeuring')).toBe('2026-09');
    expect(await versieVan('gisteren laat')).toBe('2015-01');

    // The proposal keeps the warning; the count as at the approval is no longer recomputed.
    const later = await request(t.http).get(`/api/v1/definities/gm0363-amsterdam/voorstellen/${v.body.id}`).set('Authorization', sanne);
    expect(later.body.waarschuwingen).toEqual([waarschuwing]);
    expect(later.body.gesplitsteDag).toBeUndefined();
  });

  it('One regeling per day: no warning for a version that begins after the approval day, nor on a day without klachten', async () => {
    moment = new Date('2026-09-15T12:00:00Z');
    const morgen = await stelVoor(amsterdamVersie('2026-10', '2026-09-16'));
    expect(morgen.status).toBe(201);
    expect(morgen.body.gesplitsteDag).toBeUndefined();
    const goed = await keurGoed(morgen.body.id);
    expect(goed.status).toBe(201);
    expect(goed.body.gesplitsteDag).toBeUndefined();
    expect(goed.body.waarschuwingen).toEqual([]);

    // 20 September: no klacht of that day yet.
    moment = new Date('2026-09-20T08:00:00Z');
    const leeg = await stelVoor(amsterdamVersie('2026-11', '2026-09-20'));
    expect(leeg.status).toBe(201);
    const zonder = await keurGoed(leeg.body.id);
    expect(zonder.status).toBe(201);
    expect(zonder.body.gesplitsteDag).toBeUndefined();
    expect(zonder.body.waarschuwingen).toEqual([]);
  });
});
