import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { klachtStappen, STICHTSE_VECHT } from './support/afgedane-klacht';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');

interface TermijnRij {
  vervaldatum: string;
  revision: number;
  status: string;
  herinneringen: Array<{ datum: string }>;
  volgende: Date | null;
}

/**
 * Awb 9:31 lid 1: the bestuursorgaan gives the ombudsman what he asks for "binnen een door hem te bepalen termijn": he sets
 * the date and may set another. OMBUDSMAN_TERMIJN_GEWIJZIGD on the request's klacht moves ombudsmanTermijn to the new date;
 * the termijn row in PostgreSQL is the truth (new revision: the wake-ups of the old date do nothing, reminder and
 * escalation follow the new one), and the change is in the history and the dossier like any event. Stichtse Vecht, fixed
 * clock (1 June 2026).
 */
describe('the ombudsman sets another date for his request (Awb 9:31 lid 1)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('ombudsman_termijn');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, STICHTSE_VECHT, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const { afgedaneKlacht } = klachtStappen(
    () => t.http,
    () => behandelaar,
  );

  /** An informatievraag about an afgedane klacht, received on 25 May 2026, to be answered by `termijn`. */
  async function informatievraag(ontvangen: string, termijn: string): Promise<string> {
    const hoofd = await afgedaneKlacht('2026-01-05', '2026-02-02');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'informatievraag', ontvangenOp: `${ontvangen}T09:00:00+02:00`, termijn })
      .expect(201);
    expect(r.body.state).toBe('verzoekOmbudsman.informatievraag');
    return r.body.klachtId as string;
  }

  const gebeurtenis = (id: string, type: string, at: string, data: Record<string, unknown>) =>
    request(t.http).post(`/api/v1/klachten/${id}/gebeurtenissen`).set('Authorization', behandelaar).send({ type, at, data });

  const termijnen = async (id: string) =>
    (await t.db.query(
      `SELECT vervaldatum::text AS vervaldatum, revision, status, herinneringen, volgende_herinnering_op AS volgende
         FROM termijn WHERE klacht_id = $1 AND naam = 'ombudsmanTermijn' ORDER BY revision`,
      [id],
    )) as TermijnRij[];

  it("Awb 9:31 lid 1: the ombudsman's later date moves the request's termijn row to it, with its reminder; the old date's wake-up does nothing and the escalation comes after the new date", async () => {
    const id = await informatievraag('2026-05-25', '2026-06-05');
    const [voor] = await termijnen(id);
    expect([voor.vervaldatum, voor.revision, voor.herinneringen.map((h) => h.datum)]).toEqual(['2026-06-05', 1, ['2026-05-29']]);

    const r = await gebeurtenis(id, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-06-01T10:00:00+02:00', {
      tot: '2026-06-26',
      reden: 'de ombudsman geeft uitstel tot na de zomerstop van de aanbieder',
    });
    expect([r.status, r.body.state]).toEqual([200, 'verzoekOmbudsman.informatievraag']);
    const na = await termijnen(id);
    expect(na.map((x) => [x.vervaldatum, x.revision, x.status, x.herinneringen.map((h) => h.datum)])).toEqual([
      ['2026-06-26', 2, 'lopend', ['2026-06-19']],
    ]);
    expect(na[0].volgende?.toISOString()).toBe('2026-06-18T22:00:00.000Z');
    // The wake-ups are planned again for the new revision (the scheduler reads this outbox row).
    const gepland = (await t.db.query(
      `SELECT payload ->> 'revision' AS revision, payload ->> 'vervaldatum' AS vervaldatum FROM outbox
        WHERE klacht_id = $1 AND type = 'termijn.gepland' ORDER BY id`,
      [id],
    )) as Array<{ revision: string; vervaldatum: string }>;
    expect(gepland.at(-1)).toEqual({ revision: '2', vervaldatum: '2026-06-26' });

    // The old date's wake-up (revision 1), even after that date, finds nothing: no escalation on the old date.
    const job = { klachtId: id, termijnNaam: 'ombudsmanTermijn', kind: 'verval' as const };
    expect(await t.wake.verval({ ...job, revision: 1 }, new Date('2026-06-06T08:00:00Z'))).toBe('stale');
    expect(await t.wake.verval({ ...job, revision: 2 }, new Date('2026-06-06T08:00:00Z'))).toBe('nog-niet');
    expect(await t.wake.verval({ ...job, revision: 2 }, new Date('2026-06-27T08:00:00Z'))).toBe('verwerkt');
    const escalaties = (await t.db.query(
      `SELECT payload -> 'intent' ->> 'naar' AS naar, payload -> 'intent' -> 'data' ->> 'vervaldatum' AS vervaldatum
         FROM outbox WHERE klacht_id = $1 AND type = 'intent.ESCALATIE'`,
      [id],
    )) as Array<{ naar: string; vervaldatum: string }>;
    expect(escalaties).toEqual([{ naar: 'leidinggevende', vervaldatum: '2026-06-26' }]);
  });

  it("Awb 9:31 lid 1: the ombudsman's new date is in the klacht's history and in its dossier, with the new date and the uitleg of both", async () => {
    const id = await informatievraag('2026-05-26', '2026-06-08');
    expect((await gebeurtenis(id, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-06-01T10:00:00+02:00', { tot: '2026-06-22' })).status).toBe(200);
    const detail = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200);
    const stap = (detail.body.gebeurtenissen as Array<{ type: string; payload: Record<string, unknown> }>).find(
      (g) => g.type === 'OMBUDSMAN_TERMIJN_GEWIJZIGD',
    );
    expect(stap?.payload).toMatchObject({ tot: '2026-06-22' });
    const termijn = (detail.body.termijnen as Array<{ naam: string; vervaldatum: string; uitleg: string[] }>).find(
      (x) => x.naam === 'ombudsmanTermijn',
    );
    expect(termijn?.vervaldatum).toBe('2026-06-22');
    expect(termijn?.uitleg.join('\n')).toContain('een andere datum: maandag 22 juni 2026 in plaats van maandag 8 juni 2026');
    const dossier = await request(t.http).get(`/api/v1/klachten/${id}/dossier?pageSize=100`).set('Authorization', behandelaar).expect(200);
    const regel = (dossier.body.resultaten as Array<{ gebeurtenis?: string; omschrijving: string }>).find(
      (x) => x.gebeurtenis === 'OMBUDSMAN_TERMIJN_GEWIJZIGD',
    );
    expect(regel?.omschrijving).toContain('de ombudsman stelt een andere datum');
  });

  it("Awb 9:31 lid 1: a new date before the event's own day, not after the receipt or no real date is refused with 422 naming data.tot, and nothing moves", async () => {
    const id = await informatievraag('2026-05-27', '2026-06-10');
    const [voor] = await termijnen(id);
    for (const [tot, reden] of [
      ['2026-05-31', 'ligt vóór de dag van de gebeurtenis (2026-06-01)'],
      ['2026-05-27', 'ligt niet na de ontvangst van het verzoek (2026-05-27)'],
      ['2026-06-31', 'geef een datum als JJJJ-MM-DD'],
    ]) {
      const r = await gebeurtenis(id, 'OMBUDSMAN_TERMIJN_GEWIJZIGD', '2026-06-01T10:00:00+02:00', { tot });
      expect(r.status).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body.invalidParams).toEqual([{ name: 'data.tot', reason: expect.stringContaining(reden) }]);
    }
    expect(await termijnen(id)).toEqual([voor]);
    const historie = (await t.db.query(`SELECT type FROM klacht_gebeurtenis WHERE klacht_id = $1 ORDER BY id`, [id])) as Array<{
      type: string;
    }>;
    expect(historie.map((h) => h.type)).toEqual(['KLACHT_ONTVANGEN']);
  });
});
