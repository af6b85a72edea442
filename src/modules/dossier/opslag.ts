import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';

/**
 * Where the content of dossier documents (uploads and rendered letters) lives. One interface, so the
 * dossier, the letters and a later connector (e.g. ZGW Documenten API) share it; the metadata and the
 * SHA-256 stay in `dossier_document` whatever the store. Keys are made by DossierService (`<klacht>/<document>`).
 */
export interface DossierOpslag {
  readonly soort: 'postgres' | 'schijf';
  /** Idempotent: writing the same key again replaces the content (a retried letter). */
  schrijf(sleutel: string, inhoud: Buffer): Promise<void>;
  /** The same, from content in parts (an upload): never whole in memory here; all or nothing under the key. */
  schrijfStroom(sleutel: string, delen: AsyncIterable<Buffer>): Promise<void>;
  lees(sleutel: string): Promise<Buffer | undefined>;
  /** Idempotent: removing a key that is gone is fine (destruction may be retried). */
  verwijder(sleutel: string): Promise<void>;
}

export const DOSSIER_OPSLAG = Symbol('DOSSIER_OPSLAG');

const SLEUTEL = /^[0-9a-f-]{36}\/[0-9a-z.-]{1,80}$/;

function controleer(sleutel: string): string {
  // Keys are generated, never taken from a request; still, a key never leaves its folder.
  if (!SLEUTEL.test(sleutel)) throw new Error(`ongeldige opslagsleutel '${sleutel}'`);
  return sleutel;
}

/** In PostgreSQL (`dossier_inhoud`, bytea): one backup holds the whole dossier. The default. */
export class PostgresOpslag implements DossierOpslag {
  readonly soort = 'postgres' as const;
  constructor(private readonly dataSource: DataSource) {}

  async schrijf(sleutel: string, inhoud: Buffer): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO dossier_inhoud (sleutel, inhoud) VALUES ($1, $2) ON CONFLICT (sleutel) DO UPDATE SET inhoud = EXCLUDED.inhoud',
      [controleer(sleutel), inhoud],
    );
  }

  /**
   * Part by part into a large object, and from there into the row in one statement, in one transaction: the client holds
   * one part at a time, the server writes each part once (appending to a bytea would rewrite it for every part), and a
   * failure leaves neither row nor large object.
   */
  async schrijfStroom(sleutel: string, delen: AsyncIterable<Buffer>): Promise<void> {
    controleer(sleutel);
    await this.dataSource.transaction(async (m) => {
      const [{ oid }] = (await m.query('SELECT lo_create(0) AS oid')) as Array<{ oid: number }>;
      let plek = 0;
      for await (const deel of delen) {
        await m.query('SELECT lo_put($1, $2, $3)', [oid, plek, deel]);
        plek += deel.length;
      }
      await m.query(
        'INSERT INTO dossier_inhoud (sleutel, inhoud) VALUES ($1, lo_get($2)) ON CONFLICT (sleutel) DO UPDATE SET inhoud = EXCLUDED.inhoud',
        [sleutel, oid],
      );
      await m.query('SELECT lo_unlink($1)', [oid]);
    });
  }

  async lees(sleutel: string): Promise<Buffer | undefined> {
    const rows = (await this.dataSource.query('SELECT inhoud FROM dossier_inhoud WHERE sleutel = $1', [controleer(sleutel)])) as Array<{
      inhoud: Buffer;
    }>;
    return rows[0]?.inhoud;
  }

  async verwijder(sleutel: string): Promise<void> {
    await this.dataSource.query('DELETE FROM dossier_inhoud WHERE sleutel = $1', [controleer(sleutel)]);
  }
}

/** On disk below DOSSIER_MAP: for large volumes kept outside the database (back it up with it). */
export class SchijfOpslag implements DossierOpslag {
  readonly soort = 'schijf' as const;
  constructor(private readonly map: string) {}

  private pad(sleutel: string): string {
    return join(this.map, controleer(sleutel));
  }

  async schrijf(sleutel: string, inhoud: Buffer): Promise<void> {
    const pad = this.pad(sleutel);
    await mkdir(dirname(pad), { recursive: true, mode: 0o700 });
    // Write then rename: a reader never sees half a document.
    const tijdelijk = `${pad}.${process.pid}.tmp`;
    await writeFile(tijdelijk, inhoud, { mode: 0o600 });
    await rename(tijdelijk, pad);
  }

  async schrijfStroom(sleutel: string, delen: AsyncIterable<Buffer>): Promise<void> {
    const pad = this.pad(sleutel);
    await mkdir(dirname(pad), { recursive: true, mode: 0o700 });
    const tijdelijk = `${pad}.${process.pid}.tmp`;
    try {
      await pipeline(delen, createWriteStream(tijdelijk, { mode: 0o600 }));
      await rename(tijdelijk, pad);
    } catch (e) {
      // A failed copy leaves nothing beside the documents.
      await rm(tijdelijk, { force: true });
      throw e;
    }
  }

  async lees(sleutel: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pad(sleutel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async verwijder(sleutel: string): Promise<void> {
    await rm(this.pad(sleutel), { force: true });
  }
}
