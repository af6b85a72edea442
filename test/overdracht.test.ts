import { createHash } from 'node:crypto';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { leesTar } from '../src/modules/overdracht/tar';
import { bearer, GEMEENTE_A, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binair = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const delen: Buffer[] = [];
  res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
  res.on('end', () => cb(null, Buffer.concat(delen)));
};

/** Klachtenprotocol Wmo keten Amsterdam §9: at contract end every file goes to the gemeente and the ketenpartner keeps no access. */
describe('hand-over at contract end', () => {
  let db: TestDatabase;
  let t: EngineApp;

  beforeAll(async () => {
    db = await createTestDatabase('overdracht');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => metTweeGemeenten.override(b).overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('Klachtenprotocol Wmo keten §9: the export of all dossiers of an aanbieder verifies against its manifest and SHA256SUMS; afterwards the aanbieder key gets 404 for those klachten, the gemeente keeps them', async () => {
    const behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const noord = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-noord');
    const zuid = await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-zuid');
    const nieuw = async (aanbieder: string, dag: string) =>
      (
        await request(t.http)
          .post('/api/v1/klachten')
          .set('Authorization', behandelaar)
          .send({ ...intakeBody(GEMEENTE_A, aanbieder), ontvangenOp: `${dag}T10:00:00+02:00` })
          .expect(201)
      ).body.id as string;
    const a = await nieuw('zorg-noord', '2025-04-01');
    const b = await nieuw('zorg-noord', '2026-05-01');
    const c = await nieuw('zorg-zuid', '2026-05-02');
    const pdf = Buffer.from('%PDF-1.4\n% verslag\n%%EOF\n');
    await request(t.http)
      .post(`/api/v1/klachten/${a}/documenten`)
      .set('Authorization', noord)
      .field('soort', 'verslagHoren')
      .attach('bestand', pdf, { filename: 'verslag.pdf', contentType: 'application/pdf' })
      .expect(201);
    await request(t.http).get(`/api/v1/klachten/${a}`).set('Authorization', noord).expect(200);

    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const r = await request(t.http)
      .post('/api/v1/aanbieders/zorg-noord/overdracht')
      .set('Authorization', beheerder)
      .send({ contractEinde: '2026-05-31' })
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    expect(r.headers['content-type']).toBe('application/x-tar');
    expect(r.headers['x-overdracht-uiterlijk']).toBe('2026-06-14');
    const bestanden = new Map(leesTar(r.body as Buffer).map((f) => [f.pad, f.inhoud]));
    const manifestBytes = bestanden.get('manifest.json')!;
    expect(sha(manifestBytes)).toBe(r.headers['x-manifest-sha256']);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as {
      formaat: string;
      klachten: string[];
      bestanden: Array<{ pad: string; grootte: number; sha256: string }>;
    };
    expect(manifest.formaat).toBe('klachtregie-overdracht/1');
    expect(manifest.klachten.sort()).toEqual([a, b].sort());
    // Every file in the manifest is in the archive with its checksum, and nothing else is.
    expect([...bestanden.keys()].filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').sort()).toEqual(
      manifest.bestanden.map((f) => f.pad).sort(),
    );
    for (const f of manifest.bestanden)
      expect([f.pad, sha(bestanden.get(f.pad)!), bestanden.get(f.pad)!.length]).toEqual([f.pad, f.sha256, f.grootte]);
    for (const regel of bestanden.get('SHA256SUMS')!.toString('utf8').trim().split('\n')) {
      const [som, pad] = regel.split('  ');
      expect([pad, sha(bestanden.get(pad)!)]).toEqual([pad, som]);
    }
    const dossierA = JSON.parse(bestanden.get(`klachten/${a}/klacht.json`)!.toString('utf8'));
    expect(dossierA.documenten).toEqual([expect.objectContaining({ soort: 'verslagHoren', sha256: sha(pdf) })]);
    expect(Buffer.compare(bestanden.get(dossierA.documenten[0].pad)!, pdf)).toBe(0);
    expect(dossierA.gebeurtenissen.length).toBeGreaterThan(0);
    // Its days as days (YYYY-MM-DD), as every view shows them, not as an instant that can read as the day before.
    expect(dossierA.termijnen.length).toBeGreaterThan(0);
    for (const termijn of dossierA.termijnen) expect(termijn.vervaldatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const brief of dossierA.brieven ?? []) expect(brief.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // AVG art. 30, 32 and 15 lid 1 sub c: the export is a read of each dossier in it, in its access log, by who handed over.
    for (const id of [a, b]) {
      const log = (await request(t.http).get(`/api/v1/klachten/${id}/inzage`).set('Authorization', beheerder).expect(200)).body as Array<{
        rol: string;
      }>;
      expect(log.map((r) => r.rol)).toContain('beheerder');
    }

    // The ketenpartner keeps no access; the gemeente does; another aanbieder is untouched.
    await request(t.http).get(`/api/v1/klachten/${a}`).set('Authorization', noord).expect(404);
    await request(t.http).get(`/api/v1/klachten/${b}/documenten`).set('Authorization', noord).expect(404);
    expect((await request(t.http).get('/api/v1/klachten').set('Authorization', noord).expect(200)).body.resultaten).toEqual([]);
    // Nor in its werkvoorraad (the open ones).
    expect((await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', noord).expect(200)).body.resultaten).toEqual([]);
    await request(t.http).get(`/api/v1/klachten/${a}`).set('Authorization', behandelaar).expect(200);
    await request(t.http).get(`/api/v1/klachten/${c}`).set('Authorization', zuid).expect(200);
  });

  it('bad input is a 400 naming the field and hands nothing over; an aanbieder cannot hand over', async () => {
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const voor = (await t.db.query('select count(*)::int as n from aanbieder_overdracht')) as Array<{ n: number }>;
    for (const contractEinde of ['2026-02-31', '2027-01-01', 'morgen']) {
      const r = await request(t.http)
        .post('/api/v1/aanbieders/zorg-zuid/overdracht')
        .set('Authorization', beheerder)
        .send({ contractEinde });
      expect([r.status, r.headers['content-type'], r.body.invalidParams?.[0]?.name]).toEqual([
        400,
        'application/problem+json; charset=utf-8',
        'contractEinde',
      ]);
    }
    await request(t.http)
      .post('/api/v1/aanbieders/zorg-zuid/overdracht')
      .set('Authorization', await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-zuid'))
      .send({ contractEinde: '2026-05-31' })
      .expect(403);
    expect((await t.db.query('select count(*)::int as n from aanbieder_overdracht')) as Array<{ n: number }>).toEqual(voor);
  });

  it('AVG art. 15: the inzageverzoek exports everything kept about the klager of a klacht, with who read it, and the export is itself logged', async () => {
    const behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const k = (
      await request(t.http)
        .post('/api/v1/klachten')
        .set('Authorization', behandelaar)
        .send({ ...intakeBody(GEMEENTE_A, 'zorg-west'), ontvangenOp: '2026-05-03T10:00:00+02:00' })
        .expect(201)
    ).body.id as string;
    const tekst = Buffer.from('Verslag van het horen op 5 mei 2026.\n');
    await request(t.http)
      .post(`/api/v1/klachten/${k}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'verslagHoren')
      .attach('bestand', tekst, { filename: 'verslag.txt', contentType: 'text/plain' })
      .expect(201);
    await request(t.http).get(`/api/v1/klachten/${k}`).set('Authorization', behandelaar).expect(200);
    const beheerder = await bearer(t.app, GEMEENTE_A, 'beheerder');
    const r = await request(t.http)
      .get(`/api/v1/klachten/${k}/inzageverzoek`)
      .set('Authorization', beheerder)
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    const bestanden = new Map(leesTar(r.body as Buffer).map((f) => [f.pad, f.inhoud]));
    expect(sha(bestanden.get('manifest.json')!)).toBe(r.headers['x-manifest-sha256']);
    const dossier = JSON.parse(bestanden.get(`klachten/${k}/klacht.json`)!.toString('utf8'));
    expect(dossier.klacht).toEqual(expect.objectContaining({ id: k, onderwerp: 'Hulp bij het huishouden kwam niet' }));
    expect(Buffer.compare(bestanden.get(dossier.documenten[0].pad)!, tekst)).toBe(0);
    // Art. 15 lid 1 sub c: who received the data (roles), this export included.
    expect(dossier.ingezienDoor.map((i: { rol: string }) => i.rol)).toEqual(['klachtbehandelaar', 'klachtbehandelaar', 'beheerder']);
    await request(t.http).get(`/api/v1/klachten/${k}/inzageverzoek`).set('Authorization', behandelaar).expect(403);
  });
});
