import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { SchijfOpslag } from '../src/modules/dossier/opslag';
import { bearer, GEMEENTE_A, GEMEENTE_B, intakeBody, metTweeGemeenten } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const NU = new Date('2026-06-01T09:00:00Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64, 0)]);

const binair = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const delen: Buffer[] = [];
  res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
  res.on('end', () => cb(null, Buffer.concat(delen)));
};

/** Dossier documents: type from the content, bounded size, problem+json on bad input, every read logged. */
describe('dossier documents (klaagschrift, verslag horen, correspondentie)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let behandelaar: string;
  let klachtId: string;

  beforeAll(async () => {
    db = await createTestDatabase('dossier_documenten');
    t = await createEngineApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => metTweeGemeenten.override(b).overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    behandelaar = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({ ...intakeBody(GEMEENTE_A), ontvangenOp: '2026-05-01T10:00:00+02:00' })
      .expect(201);
    klachtId = k.body.id;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const aantal = async (tabel: string) =>
    Number(((await t.db.query(`select count(*)::int as n from ${tabel} where klacht_id = $1`, [klachtId])) as Array<{ n: number }>)[0].n);
  const upload = (inhoud: Buffer, opties: { soort?: string; contentType?: string; naam?: string } = {}, wie = behandelaar) => {
    const r = request(t.http).post(`/api/v1/klachten/${klachtId}/documenten`).set('Authorization', wie);
    if (opties.soort !== undefined) r.field('soort', opties.soort);
    return r.attach('bestand', inhoud, {
      filename: opties.naam ?? 'klaagschrift.pdf',
      contentType: opties.contentType ?? 'application/pdf',
    });
  };

  it('a klaagschrift is stored unchanged with its SHA-256; list and content reads are each logged in dossier_inzage', async () => {
    const r = await upload(PDF, { soort: 'klaagschrift' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual(
      expect.objectContaining({
        soort: 'klaagschrift',
        titel: 'klaagschrift.pdf',
        mediaType: 'application/pdf',
        grootte: PDF.length,
        sha256: sha(PDF),
        op: NU.toISOString(),
      }),
    );
    const voor = await aantal('dossier_inzage');
    const lijst = await request(t.http).get(`/api/v1/klachten/${klachtId}/documenten`).set('Authorization', behandelaar).expect(200);
    expect(lijst.body).toEqual(
      expect.objectContaining({ totaal: 1, page: 1, resultaten: [expect.objectContaining({ id: r.body.id, sha256: sha(PDF) })] }),
    );
    const inhoud = await request(t.http)
      .get(`/api/v1/klachten/${klachtId}/documenten/${r.body.id}/inhoud`)
      .set('Authorization', behandelaar)
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    expect(Buffer.compare(inhoud.body as Buffer, PDF)).toBe(0);
    expect(inhoud.headers['content-disposition']).toMatch(/^attachment;/);
    expect(await aantal('dossier_inzage')).toBe(voor + 2);
    // Another gemeente never learns the dossier exists.
    await request(t.http)
      .get(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', await bearer(t.app, GEMEENTE_B, 'klachtbehandelaar'))
      .expect(404);
  });

  it('AVG art. 32: content that is not an allowed type is 415, also when labelled as PDF; a label that lies about an allowed type is 415; nothing is stored', async () => {
    const voor = await aantal('dossier_document');
    const exe = await upload(EXE, { soort: 'correspondentie', naam: 'brief.pdf' });
    expect([exe.status, exe.headers['content-type'], exe.body.code]).toEqual([
      415,
      'application/problem+json; charset=utf-8',
      'mediatype-niet-toegestaan',
    ]);
    expect(exe.body.invalidParams).toEqual([expect.objectContaining({ name: 'bestand' })]);
    const png = await upload(PNG, { soort: 'correspondentie', naam: 'scan.pdf' });
    expect([png.status, png.body.code, png.body.detail]).toEqual([
      415,
      'mediatype-klopt-niet',
      'Het bestand is opgegeven als application/pdf, maar de inhoud is image/png.',
    ]);
    expect(await aantal('dossier_document')).toBe(voor);
    // The same PNG, labelled as what it is, is accepted.
    expect((await upload(PNG, { soort: 'correspondentie', naam: 'scan.png', contentType: 'image/png' })).body.mediaType).toBe('image/png');
  });

  it('a document over 10 MiB is 413, a missing soort or file is 400 naming the field; nothing is stored', async () => {
    const voor = await aantal('dossier_document');
    const groot = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const r = await upload(groot, { soort: 'klaagschrift' });
    expect([r.status, r.headers['content-type'], r.body.code]).toEqual([
      413,
      'application/problem+json; charset=utf-8',
      'document-te-groot',
    ]);
    const zonderSoort = await upload(PDF);
    expect([zonderSoort.status, zonderSoort.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'soort' })]]);
    const brief = await upload(PDF, { soort: 'brief' });
    expect([brief.status, brief.body.invalidParams?.[0]?.name]).toEqual([400, 'soort']);
    const zonderBestand = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'verslagHoren');
    expect([zonderBestand.status, zonderBestand.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'bestand' })]]);
    expect(await aantal('dossier_document')).toBe(voor);
  });

  it('Idempotency-Key on an upload covers the file: the same upload again is answered once, another file under the same key is a 422 and stored nowhere', async () => {
    const voor = await aantal('dossier_document');
    const met = (inhoud: Buffer) => upload(inhoud, { soort: 'correspondentie', naam: 'brief.pdf' }).set('Idempotency-Key', 'upload-1');
    const eerste = await met(PDF);
    expect(eerste.status).toBe(201);
    const nogEens = await met(PDF);
    expect(nogEens.status).toBe(201);
    expect(nogEens.headers['idempotent-replayed']).toBe('true');
    expect(nogEens.body).toEqual(eerste.body);
    // Another letter under the same key: before, it got the first one's answer and was never stored.
    const ander = await met(Buffer.concat([PDF, Buffer.from('% tweede brief\n', 'latin1')]));
    expect(ander.status).toBe(422);
    expect(ander.body.code).toBe('idempotency-key-hergebruikt');
    expect(await aantal('dossier_document')).toBe(voor + 1);
  });

  it('an aanbieder adds documents to its own klachten only', async () => {
    expect((await upload(PDF, { soort: 'correspondentie' }, await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-noord'))).status).toBe(201);
    expect((await upload(PDF, { soort: 'correspondentie' }, await bearer(t.app, GEMEENTE_A, 'aanbieder', 'zorg-zuid'))).status).toBe(404);
  });

  it('the disk store behind the same interface writes, reads and removes, and never leaves its folder', async () => {
    const map = mkdtempSync(join(tmpdir(), 'klachtregie-dossier-'));
    try {
      const opslag = new SchijfOpslag(map);
      const sleutel = `${klachtId}/00000000-0000-4000-8000-000000000001`;
      await opslag.schrijf(sleutel, PDF);
      expect(Buffer.compare((await opslag.lees(sleutel))!, PDF)).toBe(0);
      await opslag.verwijder(sleutel);
      expect(await opslag.lees(sleutel)).toBeUndefined();
      expect(existsSync(join(map, sleutel))).toBe(false);
      await expect(opslag.schrijf('../../etc/passwd', PDF)).rejects.toThrow(/ongeldige opslagsleutel/);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});
