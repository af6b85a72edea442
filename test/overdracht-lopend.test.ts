import request from 'supertest';
import { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-06-01T09:00:00Z');

/** A simple klacht about one aanbieder: Amsterdam forwards it (warme doorverwijzing, Klachtenprotocol Wmo keten Amsterdam §5A). */
const intake = (aanbieders: string[], dag: string, ingediendBij = 'gemeente') => ({
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: `${dag}T10:00:00+02:00`,
  ingediendBij,
  onderwerp: 'Huishoudelijke hulp kwam drie keer niet',
  aanbieders: aanbieders.map((id) => ({ id, naam: id, type: 'wmo' })),
  feiten: { complex: false, eerderBijAanbieder: false },
});

/** Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1: at contract end the gemeente takes over what still runs at the aanbieder. */
describe('hand-over at contract end: running klachten (Amsterdam definition)', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('overdracht_lopend');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Klachtenprotocol Wmo keten Amsterdam §9: at contract end the gemeente takes over a klacht still with the aanbieder; its aanbieder termijnen stop and no reminder goes to the klachtenfunctionaris; a closed klacht is untouched', async () => {
    const behandelaar = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
    const aanbieder = await bearer(t.app, 'GM0363', 'aanbieder', 'zorg-oost');
    const nieuw = async (dag: string, aanbieders = ['zorg-oost'], ingediendBij = 'gemeente') =>
      (
        await request(t.http)
          .post('/api/v1/klachten')
          .set('Authorization', behandelaar)
          .send(intake(aanbieders, dag, ingediendBij))
          .expect(201)
      ).body as { id: string; state: string };
    const terug = (id: string, body: Record<string, unknown>) =>
      request(t.http).post(`/api/v1/klachten/${id}/terugkoppelingen`).set('Authorization', aanbieder).send(body).expect(201);

    // In behandeling at the aanbieder, its afhandeltermijn (six weeks from 20 May) still running on 1 June.
    const lopend = await nieuw('2026-05-20');
    await terug(lopend.id, { soort: 'behandeling' });
    // Forwarded, not yet picked up.
    const doorgestuurd = await nieuw('2026-05-25');
    // Closed: afgedaan and the klager tevreden.
    const gesloten = await nieuw('2026-04-01');
    await terug(gesloten.id, { soort: 'behandeling' });
    await terug(gesloten.id, { soort: 'afdoening', oordeel: 'gegrond' });
    await terug(gesloten.id, { soort: 'tevredenheid', tevreden: true });
    // Filed at another aanbieder, naming zorg-oost too: it runs at the aanbieder it was filed with, not at zorg-oost.
    const elders = await nieuw('2026-05-22', ['zorg-elders', 'zorg-oost'], 'aanbieder');
    const detail = async (id: string) =>
      (await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200)).body as {
        state: string;
        gebeurtenissen: Array<{ type: string }>;
      };
    expect([(await detail(lopend.id)).state, doorgestuurd.state]).toEqual(['bijAanbieder.inBehandeling', 'doorgestuurdNaarAanbieder']);
    const geslotenVoor = await detail(gesloten.id);
    expect(elders.state).toBe('bijAanbieder.inBehandeling');

    const r = await request(t.http)
      .post('/api/v1/aanbieders/zorg-oost/overdracht')
      .set('Authorization', await bearer(t.app, 'GM0363', 'beheerder'))
      .send({ contractEinde: '2026-05-31' })
      .buffer(true)
      .parse((res, cb) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
        res.on('end', () => cb(null, Buffer.concat(delen)));
      })
      .expect(200);
    expect(r.headers['x-klachten-overgenomen']).toBe('2');

    const ds = t.app.get(DataSource);
    for (const k of [lopend, doorgestuurd]) {
      const na = await detail(k.id);
      expect(na.state).toMatch(/^gemeente\./);
      expect(na.gebeurtenissen.map((g) => g.type)).toContain('AANBIEDER_CONTRACT_BEEINDIGD');
      // The aanbieder's termijnen ended at the hand-over: no reminder or escalation is planned on them any more.
      const rijen = (await ds.query(
        `SELECT naam, status, beeindigd_op AS "beeindigdOp" FROM termijn WHERE klacht_id = $1 AND naam IN ('contact', 'aanbiederAfhandeling')`,
        [k.id],
      )) as Array<{ naam: string; status: string; beeindigdOp: Date | null }>;
      expect(rijen.length).toBeGreaterThan(0);
      expect(rijen.filter((x) => x.status === 'lopend')).toEqual([]);
      // The intent names the rule; the step is the gemeente's, at the moment of the hand-over.
      const [stap] = (await ds.query(
        `SELECT actor, at FROM klacht_gebeurtenis WHERE klacht_id = $1 AND type = 'AANBIEDER_CONTRACT_BEEINDIGD' AND accepted`,
        [k.id],
      )) as Array<{ actor: string; at: Date }>;
      expect([new Date(stap.at).toISOString(), stap.actor.startsWith('api-sleutel:')]).toEqual([NU.toISOString(), true]);
    }
    // The closed klacht is untouched; so is the one running at the other aanbieder.
    expect(await detail(gesloten.id)).toEqual(geslotenVoor);
    expect((await detail(elders.id)).state).toBe('bijAanbieder.inBehandeling');
  });
});
