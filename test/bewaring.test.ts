import { createHash } from 'node:crypto';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { BewaringService } from '../src/modules/bewaring/bewaring.service';
import { bearer } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const AMSTERDAM = 'GM0363';
const NU = new Date('2026-06-01T09:00:00Z');

/**
 * Retention with a fixed clock (1 June 2026): Selectielijst gemeenten 2020, 13.1 (5 years) for the
 * gemeente's own klachten, 2 years for an Amsterdam ketenpartner's own dossier (Klachtenprotocol Wmo keten §9).
 */
describe('retention: vernietigingslijst, approval, complete destruction', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('bewaring');
    t = await createEngineApp({
      databaseUrl: db.url,
      regimes: 'definities',
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, AMSTERDAM, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const volgende = (body: { volgendeEvents: Array<{ type: string }> }) => body.volgendeEvents.map((v) => v.type);

  async function stap(
    id: string,
    type: string,
    at: string,
    data?: Record<string, unknown>,
  ): Promise<{ state: string; done: boolean; volgendeEvents: Array<{ type: string }> }> {
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', behandelaar)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    return r.body;
  }

  /** A klacht to the wethouder (the gemeente's own, Klachtenprotocol Wmo keten §5B), closed informally on `sluit` (Awb 9:5). */
  async function gemeenteKlacht(ontvangen: string, sluit?: string): Promise<string> {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'brief',
        ontvangenOp: `${ontvangen}T10:00:00+01:00`,
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Mevrouw Jansen, Dorpsstraat 1',
        aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
        feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
      })
      .expect(201);
    if (sluit) {
      expect(volgende(k.body)).toContain('KLAGER_TEVREDEN');
      expect((await stap(k.body.id, 'KLAGER_TEVREDEN', `${sluit}T10:00:00+01:00`)).done).toBe(true);
    }
    return k.body.id as string;
  }

  /** Klachtenprotocol Wmo keten §5A: forwarded to the ketenpartner, handled and closed there only. */
  async function aanbiederKlacht(ontvangen: string, afdoen: string): Promise<string> {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'webformulier',
        ontvangenOp: `${ontvangen}T10:00:00+01:00`,
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'onvriendelijke medewerker',
        aanbieders: [{ id: 'thuiszorg-noord', naam: 'Thuiszorg Noord', type: 'wmo' }],
        feiten: { aantalAanbieders: 1, complex: false, eerderBijAanbieder: true, overBejegening: true, gerichtAan: 'aanbieder' },
      })
      .expect(201);
    await stap(k.body.id, 'AANBIEDER_NEEMT_IN_BEHANDELING', `${ontvangen}T12:00:00+01:00`);
    await stap(k.body.id, 'CONTACT_OPGENOMEN', `${ontvangen}T13:00:00+01:00`);
    let r = await stap(k.body.id, 'AFDOENEN', `${afdoen}T10:00:00+01:00`, {
      oordeel: 'gegrond',
      bevindingen: 'klopt',
      conclusies: ['excuses'],
    });
    if (!r.done) r = await stap(k.body.id, 'KLAGER_TEVREDEN', `${afdoen}T11:00:00+01:00`);
    expect(r.done).toBe(true);
    return k.body.id as string;
  }

  /** Every table of the schema, each row as text: where the klacht id still appears. */
  async function sporen(id: string): Promise<string[]> {
    const tabellen = (await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )) as Array<{ table_name: string }>;
    const gevonden: string[] = [];
    for (const { table_name } of tabellen) {
      const [r] = (await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text LIKE $1`, [`%${id}%`])) as Array<{
        n: number;
      }>;
      if (r.n > 0) gevonden.push(`${table_name}: ${r.n}`);
    }
    return gevonden;
  }

  it("Selectielijst 13.1 with 4-ogen approval: a klacht past its period is listed, destroyed only on another person's approval, and nothing of it remains in any table; open, recent and held klachten are never listed", async () => {
    const oud = await gemeenteKlacht('2019-03-01', '2019-03-10'); // 13.1: destroyable from 10 March 2024
    const open = await gemeenteKlacht('2019-03-02'); // never closed
    const recent = await gemeenteKlacht('2023-01-02', '2023-01-10'); // until 10 January 2028
    const vastgehouden = await gemeenteKlacht('2019-03-03', '2019-03-12');
    const ketenpartner = await aanbiederKlacht('2023-06-01', '2023-06-20'); // ketenpartner's own dossier: 2 years
    await request(t.http)
      .put(`/api/v1/klachten/${vastgehouden}/bewaarblokkade`)
      .set('Authorization', behandelaar)
      .send({ reden: 'Woo-verzoek loopt' })
      .expect(200);
    // The dossier of the old klacht has a document and letters too.
    await request(t.http)
      .post(`/api/v1/klachten/${oud}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'klaagschrift')
      .attach('bestand', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'klaagschrift.pdf', contentType: 'application/pdf' })
      .expect(201);
    await t.relay.idle();
    await t.relay.drain();
    expect((await sporen(oud)).map((s) => s.split(':')[0])).toEqual(
      expect.arrayContaining(['dossier_document', 'dossier_inhoud', 'dossier_inzage', 'klacht', 'klacht_gebeurtenis', 'outbox', 'termijn']),
    );
    // The ketenpartner's afdoening left its letter (Awb 9:12 by analogy, Klachtenprotocol Wmo keten §6).
    expect((await sporen(ketenpartner)).map((s) => s.split(':')[0])).toEqual(
      expect.arrayContaining(['brief', 'dossier_document', 'dossier_inhoud']),
    );

    const beheerder = await bearer(t.app, AMSTERDAM, 'beheerder');
    const voorstel = await request(t.http).post('/api/v1/vernietigingslijsten').set('Authorization', beheerder).expect(201);
    expect(voorstel.body.regels).toEqual([
      expect.objectContaining({
        klachtId: oud,
        categorie: 'gemeente',
        grondslag: 'Selectielijst gemeenten 2020, 13.1',
        bewaartermijn: 'P5Y',
        afgeslotenOp: '2019-03-10',
        vernietigbaarVanaf: '2024-03-10',
        status: 'voorgesteld',
        aantallen: expect.objectContaining({ documenten: 1 }),
      }),
      expect.objectContaining({
        klachtId: ketenpartner,
        categorie: 'aanbieder',
        bewaartermijn: 'P2Y',
        afgeslotenOp: '2023-06-20',
        vernietigbaarVanaf: '2025-06-20',
        aantallen: expect.objectContaining({ brieven: 1 }),
      }),
    ]);
    const ids = voorstel.body.regels.map((r: { klachtId: string }) => r.klachtId);
    for (const nooit of [open, recent, vastgehouden]) expect(ids).not.toContain(nooit);

    // Vier-ogenprincipe: who proposed does not approve; nothing is destroyed.
    const zelf = await request(t.http).post(`/api/v1/vernietigingslijsten/${voorstel.body.id}/goedkeuring`).set('Authorization', beheerder);
    expect([zelf.status, zelf.body.code]).toEqual([409, 'vier-ogen']);
    await request(t.http).get(`/api/v1/klachten/${oud}`).set('Authorization', behandelaar).expect(200);
    // A klachtbehandelaar may not approve at all.
    await request(t.http)
      .post(`/api/v1/vernietigingslijsten/${voorstel.body.id}/goedkeuring`)
      .set('Authorization', behandelaar)
      .expect(403);

    const eigenaar = await bearer(t.app, AMSTERDAM, 'procesEigenaar');
    const pv = await request(t.http)
      .post(`/api/v1/vernietigingslijsten/${voorstel.body.id}/goedkeuring`)
      .set('Authorization', eigenaar)
      .expect(200);
    expect(pv.body).toEqual(
      expect.objectContaining({ status: 'uitgevoerd', goedgekeurdRol: 'procesEigenaar', uitgevoerdOp: NU.toISOString() }),
    );
    expect(pv.body.regels).toEqual([
      expect.objectContaining({ status: 'vernietigd', kenmerk: createHash('sha256').update(oud).digest('hex') }),
      expect.objectContaining({ status: 'vernietigd', kenmerk: createHash('sha256').update(ketenpartner).digest('hex') }),
    ]);
    // The proces-verbaal holds no personal data: no klacht id, no name from the dossier.
    expect(JSON.stringify(pv.body)).not.toMatch(new RegExp(`${oud}|${ketenpartner}|Jansen|Dorpsstraat`));

    // Table by table: nothing of the destroyed klachten remains anywhere.
    expect(await sporen(oud)).toEqual([]);
    expect(await sporen(ketenpartner)).toEqual([]);
    for (const blijft of [open, recent, vastgehouden])
      await request(t.http).get(`/api/v1/klachten/${blijft}`).set('Authorization', behandelaar).expect(200);
  });

  it('the daily job proposes what became due (here after a hold is lifted), and nothing is destroyed without approval', async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    const k = await gemeenteKlacht('2020-02-03', '2020-02-10');
    await request(t.http)
      .put(`/api/v1/klachten/${k}/bewaarblokkade`)
      .set('Authorization', behandelaar)
      .send({ reden: 'rechtszaak' })
      .expect(200);
    const zonder = await bewaring.stelOpVoorAlleGemeenten();
    const regelsZonder = zonder.length ? (await bewaring.lijst(AMSTERDAM, zonder[0].id)).regels.map((r) => r.klachtId) : [];
    expect(regelsZonder).not.toContain(k);
    const beheerder = await bearer(t.app, AMSTERDAM, 'beheerder');
    await request(t.http)
      .delete(`/api/v1/klachten/${k}/bewaarblokkade`)
      .set('Authorization', beheerder)
      .send({ reden: 'rechtszaak afgelopen' })
      .expect(204);
    const [lijst] = await bewaring.stelOpVoorAlleGemeenten();
    expect(lijst).toEqual(expect.objectContaining({ opgesteldDoor: 'klachtregie', status: 'voorgesteld', peildatum: '2026-06-01' }));
    expect((await bewaring.lijst(AMSTERDAM, lijst.id)).regels.map((r) => r.klachtId)).toContain(k);
    // Proposed is not destroyed.
    await request(t.http).get(`/api/v1/klachten/${k}`).set('Authorization', behandelaar).expect(200);
    // Not listed twice while the list waits for approval.
    expect(await bewaring.stelOpVoorAlleGemeenten()).toEqual([]);
  });

  it('two workers proposing at the same moment make one list: a klacht is never on two lists waiting for approval', async () => {
    const bewaring = t.app.get(BewaringService, { strict: false });
    const k = await gemeenteKlacht('2020-03-02', '2020-03-09');
    const [a, b] = await Promise.all([bewaring.stelOp(AMSTERDAM, 'klachtregie'), bewaring.stelOp(AMSTERDAM, 'klachtregie')]);
    const lijsten = [a, b].filter((l) => l !== undefined);
    const metK = [];
    for (const l of lijsten) if ((await bewaring.lijst(AMSTERDAM, l.id)).regels.some((r) => r.klachtId === k)) metK.push(l.id);
    expect(metK).toHaveLength(1);
  });
});
