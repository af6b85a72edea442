/**
 * Dossier uploads stream (audit #12; AVG art. 32, availability of the service): the size limit holds while the body
 * arrives (413 problem+json before the whole body is read), the file streams to a temporary file and into the storage in
 * parts rather than whole in memory, and a refused or aborted upload leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { PostgresOpslag, SchijfOpslag } from '../src/modules/dossier/opslag';
import { uploadMap } from '../src/modules/dossier/upload-stroom';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';

const NU = new Date('2026-06-01T09:00:00Z');
const MiB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF_KOP = Buffer.from('%PDF-1.4\n', 'latin1');
const GRENS = 'klachtregie-grens';

const binair = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const delen: Buffer[] = [];
  res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
  res.on('end', () => cb(null, Buffer.concat(delen)));
};

interface RauwAntwoord {
  status: number;
  kop: string;
  body: string;
  /** Bytes of the body sent when the first byte of the response came in. */
  verzondenBijAntwoord: number;
}

/** The multipart body up to the file's content: the soort field and the file part's header. */
function begin(): Buffer {
  return Buffer.from(
    `--${GRENS}\r\nContent-Disposition: form-data; name="soort"\r\n\r\nklaagschrift\r\n` +
      `--${GRENS}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    'latin1',
  );
}

describe('dossier uploads stream, bounded while they arrive', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let db: DataSource;
  let poort: number;
  let behandelaar: string;
  let klachtId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase('dossier_upload_stroom');
    t = await createTestApp({
      databaseUrl: tdb.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
    });
    await t.app.listen(0, '127.0.0.1');
    poort = (t.app.getHttpServer().address() as AddressInfo).port;
    db = t.app.get<DataSource>(getDataSourceToken());
    behandelaar = `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol: 'klachtbehandelaar', naam: 'upload' })).sleutel}`;
    const intake: IntakeInput = {
      gemeente: 'GM0363',
      kanaal: 'brief',
      ontvangenOp: '2026-05-20T10:00:00+02:00',
      ingediendBij: 'gemeente',
      soort: 'klacht',
      onderwerp: 'upload',
      aanbieders: [],
      feiten: {},
    };
    klachtId = (await t.app.get(EngineService).create(intake, { actor: 'kcc' })).klacht.id;
  });

  afterAll(async () => {
    await t?.close();
    await tdb?.drop();
  });

  const opgeslagen = async () => {
    const [r] = (await db.query(
      `select (select count(*)::int from dossier_document where klacht_id = $1) as documenten,
              (select count(*)::int from dossier_inhoud where sleutel like $1 || '/%') as inhoud,
              (select count(*)::int from pg_largeobject_metadata) as largeobjects`,
      [klachtId],
    )) as Array<{ documenten: number; inhoud: number; largeobjects: number }>;
    return r;
  };
  const tijdelijk = () => readdirSync(uploadMap());
  async function totdat(voorwaarde: () => boolean, ms = 10_000): Promise<void> {
    const tot = Date.now() + ms;
    while (!voorwaarde()) {
      if (Date.now() > tot) throw new Error('de voorwaarde werd niet waar');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Sends the request head and then the body in parts from `deel(i)` (undefined: stop sending, the request is left
   * unfinished), until the response starts; resolves with the response once the server ended it or closed.
   */
  function rauw(kop: string, deel: (i: number) => Buffer | undefined, na?: (s: Socket) => void): Promise<RauwAntwoord> {
    return new Promise((resolve, reject) => {
      const s = connect(poort, '127.0.0.1');
      const ontvangen: Buffer[] = [];
      let verzonden = 0;
      let verzondenBijAntwoord = -1;
      const klaar = () => {
        const tekst = Buffer.concat(ontvangen).toString('latin1');
        const [hoofd, ...rest] = tekst.split('\r\n\r\n');
        if (!hoofd) return reject(new Error('geen antwoord'));
        resolve({ status: Number(hoofd.split(' ')[1]), kop: hoofd, body: rest.join('\r\n\r\n'), verzondenBijAntwoord });
      };
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`geen antwoord binnen 15 s; ${verzonden} bytes van de body verzonden`));
      }, 15_000);
      s.on('data', (d: Buffer) => {
        if (verzondenBijAntwoord < 0) verzondenBijAntwoord = verzonden;
        ontvangen.push(d);
        // The whole response is in once its body is as long as it says.
        const tekst = Buffer.concat(ontvangen).toString('latin1');
        const m = /content-length: (\d+)/i.exec(tekst);
        const einde = tekst.indexOf('\r\n\r\n');
        if (m && einde >= 0 && Buffer.byteLength(tekst.slice(einde + 4), 'latin1') >= Number(m[1])) {
          clearTimeout(timer);
          s.destroy();
          klaar();
        }
      });
      s.on('error', () => undefined);
      s.on('close', () => {
        clearTimeout(timer);
        if (ontvangen.length) klaar();
        else reject(new Error(`verbinding gesloten zonder antwoord; ${verzonden} bytes van de body verzonden`));
      });
      s.on('connect', async () => {
        s.write(kop);
        for (let i = 0; verzondenBijAntwoord < 0 && !s.destroyed; i++) {
          const b = deel(i);
          if (!b) break;
          verzonden += b.length;
          if (!s.write(b)) await new Promise((r) => s.once('drain', r));
          // Give the server the time to answer between parts, as a network would.
          if (i % 16 === 0) await new Promise((r) => setImmediate(r));
        }
        na?.(s);
      });
    });
  }

  const kopVoor = (extra: string) =>
    `POST /api/v1/klachten/${klachtId}/documenten HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${behandelaar}\r\n` +
    `Content-Type: multipart/form-data; boundary=${GRENS}\r\n${extra}\r\n`;

  it('a declared body over 10 MiB is refused with 413 problem+json before the body is sent; nothing is stored', async () => {
    const voor = await opgeslagen();
    const r = await rauw(kopVoor(`Content-Length: ${50 * MiB}\r\n`), (i) =>
      i === 0 ? begin() : i < 4 ? Buffer.alloc(16 * 1024, 0x20) : undefined,
    );
    expect(r.status).toBe(413);
    expect(r.kop.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(r.body)).toEqual(expect.objectContaining({ status: 413, code: 'document-te-groot' }));
    expect(await opgeslagen()).toEqual(voor);
    expect(tijdelijk()).toEqual([]);
  });

  it('a body that streams past 10 MiB (chunked, no length) is refused with 413 while the client still sends; nothing is stored', async () => {
    const voor = await opgeslagen();
    const stuk = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`, 'latin1'), b, Buffer.from('\r\n', 'latin1')]);
    const vulling = Buffer.alloc(64 * 1024, 0x20);
    // Up to 30 MiB, and never the last chunk: a server that waited for the end of the body would never answer.
    const r = await rauw(kopVoor('Transfer-Encoding: chunked\r\n'), (i) =>
      i === 0 ? stuk(Buffer.concat([begin(), PDF_KOP])) : i <= 480 ? stuk(vulling) : undefined,
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n\r\n$/, ''))).toEqual(
      expect.objectContaining({ code: 'document-te-groot' }),
    );
    expect(r.verzondenBijAntwoord).toBeGreaterThan(10 * MiB);
    expect(r.verzondenBijAntwoord).toBeLessThan(20 * MiB);
    await totdat(() => tijdelijk().length === 0);
    expect(await opgeslagen()).toEqual(voor);
  });

  it('the file streams to disk while it arrives (not held in memory), and an upload aborted halfway leaves nothing: no document, no content, no temporary file', async () => {
    const voor = await opgeslagen();
    const deel = Buffer.alloc(64 * 1024, 0x20);
    let onderweg: Socket | undefined;
    const antwoord = rauw(
      kopVoor(`Content-Length: ${8 * MiB}\r\n`),
      (i) => (i === 0 ? Buffer.concat([begin(), PDF_KOP]) : i <= 48 ? deel : undefined),
      (s) => (onderweg = s),
    ).catch(() => undefined);
    // 3 MiB of the 8 are sent: the server has written them to its temporary file while the rest has not come.
    await totdat(() => tijdelijk().some((f) => statSync(join(uploadMap(), f)).size >= 2 * MiB));
    await totdat(() => onderweg !== undefined);
    onderweg!.destroy();
    await antwoord;
    await totdat(() => tijdelijk().length === 0);
    expect(await opgeslagen()).toEqual(voor);
  });

  it('AVG art. 32: a text whose last bytes are not UTF-8 is refused (415) as one that is wrong at the start; a long UTF-8 text is accepted', async () => {
    const voor = await opgeslagen();
    const tekst = Buffer.from('Geachte heer, mevrouw, ik klaag over de hulp bij het huishouden. '.repeat(4000), 'utf8');
    const kapot = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'correspondentie')
      .attach('bestand', Buffer.concat([tekst, Buffer.from([0xc3])]), { filename: 'brief.txt', contentType: 'text/plain' });
    expect([kapot.status, kapot.body.code]).toEqual([415, 'mediatype-niet-toegestaan']);
    expect(await opgeslagen()).toEqual(voor);
    // 'ë' (two bytes) at every offset, so that parts of the stream end inside a character.
    const goed = Buffer.from('Ik ben teleurgesteld over de eigen bijdrage; überhaupt, privé. '.repeat(5000), 'utf8');
    const ok = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'correspondentie')
      .attach('bestand', goed, { filename: 'brief.txt', contentType: 'text/plain' });
    expect([ok.status, ok.body.mediaType, ok.body.sha256, ok.body.grootte]).toEqual([201, 'text/plain', sha(goed), goed.length]);
  });

  it('a 9 MiB document is stored unchanged with its SHA-256 through the stream, and leaves no temporary file or large object', async () => {
    const inhoud = Buffer.concat([PDF_KOP, Buffer.alloc(9 * MiB, 0x41), Buffer.from('\n%%EOF\n', 'latin1')]);
    const voor = await opgeslagen();
    const r = await request(t.http)
      .post(`/api/v1/klachten/${klachtId}/documenten`)
      .set('Authorization', behandelaar)
      .field('soort', 'bijlage')
      .attach('bestand', inhoud, { filename: 'scan.pdf', contentType: 'application/pdf' });
    expect([r.status, r.body.sha256, r.body.grootte]).toEqual([201, sha(inhoud), inhoud.length]);
    const terug = await request(t.http)
      .get(`/api/v1/klachten/${klachtId}/documenten/${r.body.id}/inhoud`)
      .set('Authorization', behandelaar)
      .buffer(true)
      .parse((res, cb) => binair(res as unknown as NodeJS.ReadableStream, cb))
      .expect(200);
    expect(sha(terug.body as Buffer)).toBe(sha(inhoud));
    expect(await opgeslagen()).toEqual({ ...voor, documenten: voor.documenten + 1, inhoud: voor.inhoud + 1 });
    await totdat(() => tijdelijk().length === 0);
  });

  it('a copy to the storage that fails halfway leaves nothing under its key, in PostgreSQL and on disk', async () => {
    async function* halverwege(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(MiB, 1);
      throw new Error('de bron viel weg');
    }
    const sleutel = `${klachtId}/00000000-0000-4000-8000-000000000001`;
    const voor = await opgeslagen();
    const pg = new PostgresOpslag(db);
    await expect(pg.schrijfStroom(sleutel, halverwege())).rejects.toThrow('de bron viel weg');
    expect(await opgeslagen()).toEqual(voor);
    expect(await pg.lees(sleutel)).toBeUndefined();

    const map = mkdtempSync(join(tmpdir(), 'kr-stroom-'));
    try {
      const schijf = new SchijfOpslag(map);
      await expect(schijf.schrijfStroom(sleutel, halverwege())).rejects.toThrow('de bron viel weg');
      expect(await schijf.lees(sleutel)).toBeUndefined();
      expect(existsSync(join(map, klachtId)) ? readdirSync(join(map, klachtId)) : []).toEqual([]);
      async function* heel(): AsyncGenerator<Buffer> {
        yield Buffer.from('deel 1, ');
        yield Buffer.from('deel 2');
      }
      await schijf.schrijfStroom(sleutel, heel());
      expect((await schijf.lees(sleutel))?.toString()).toBe('deel 1, deel 2');
      await pg.schrijfStroom(sleutel, heel());
      expect((await pg.lees(sleutel))?.toString()).toBe('deel 1, deel 2');
      await pg.verwijder(sleutel);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});
