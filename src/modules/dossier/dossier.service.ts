import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { KLOK, type Klok } from '../../common/klok';
import { DossierDocumentEntity, type DocumentSoort } from './dossier-document.entity';
import { DOSSIER_OPSLAG, type DossierOpslag } from './opslag';

export interface NieuwDocument {
  /** Given for a rendered letter (derived from the outbox row, so a retry writes the same document). */
  id?: string;
  klachtId: string;
  gemeente: string;
  soort: DocumentSoort;
  titel: string;
  mediaType: string;
  inhoud: Buffer;
  door: string;
  briefId?: string;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The parts an upload is copied to the storage in: the heap holds one of them per upload. */
const DEEL_BYTES = 1024 * 1024;

/** The dossier's documents: metadata here, content in the DossierOpslag, each with its SHA-256. */
@Injectable()
export class DossierService {
  constructor(
    @Inject(DOSSIER_OPSLAG) readonly opslag: DossierOpslag,
    @InjectRepository(DossierDocumentEntity) private readonly repo: Repository<DossierDocumentEntity>,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /** The klacht's gemeente, under which its documents are kept (after a herindeling not the uploader's own). */
  async gemeenteVan(klachtId: string): Promise<string | undefined> {
    const [k] = (await this.repo.manager.query('SELECT gemeente FROM klacht WHERE id = $1', [klachtId])) as { gemeente: string }[];
    return k?.gemeente;
  }

  /** Content first, then the row: a document in the list always has its content. Idempotent per id. */
  async bewaar(d: NieuwDocument): Promise<DossierDocumentEntity> {
    const id = d.id ?? randomUUID();
    const sleutel = `${d.klachtId}/${id}`;
    // A document with a derived id that is stored already (a letter made again after a crash between its PDF and its
    // brief row) keeps what it has: its content was written before its row, and writing other bytes (a PDF's creation
    // moment) under the row's SHA-256 would make it unreadable for good.
    if (d.id) {
      const bestaand = await this.repo.findOneBy({ id });
      if (bestaand) return bestaand;
    }
    await this.opslag.schrijf(sleutel, d.inhoud);
    return this.legVast(id, sleutel, d, d.inhoud.length, sha256(d.inhoud));
  }

  /**
   * An upload streamed to a file (UploadStroom): copied to the storage part by part, never whole in memory (audit #12),
   * with its size and SHA-256 measured on what is written; then the row, as bewaar does.
   */
  async bewaarBestand(d: Omit<NieuwDocument, 'id' | 'inhoud'> & { pad: string }): Promise<DossierDocumentEntity> {
    const id = randomUUID();
    const sleutel = `${d.klachtId}/${id}`;
    const hash = createHash('sha256');
    let grootte = 0;
    async function* delen(): AsyncGenerator<Buffer> {
      for await (const deel of createReadStream(d.pad, { highWaterMark: DEEL_BYTES }) as AsyncIterable<Buffer>) {
        hash.update(deel);
        grootte += deel.length;
        yield deel;
      }
    }
    await this.opslag.schrijfStroom(sleutel, delen());
    return this.legVast(id, sleutel, d, grootte, hash.digest('hex'));
  }

  /** The row of a document whose content is stored: content first, then the row, so a listed document has its content. */
  private async legVast(
    id: string,
    sleutel: string,
    d: Omit<NieuwDocument, 'id' | 'inhoud'>,
    grootte: number,
    sha: string,
  ): Promise<DossierDocumentEntity> {
    const rij: Omit<DossierDocumentEntity, 'klacht'> = {
      id,
      klachtId: d.klachtId,
      gemeente: d.gemeente,
      soort: d.soort,
      titel: d.titel,
      mediaType: d.mediaType,
      grootte,
      sha256: sha,
      opslag: this.opslag.soort,
      opslagSleutel: sleutel,
      briefId: d.briefId ?? null,
      door: d.door,
      at: this.klok.nu(),
    };
    await this.repo
      .createQueryBuilder()
      .insert()
      .into(DossierDocumentEntity)
      .values(rij as QueryDeepPartialEntity<DossierDocumentEntity>)
      .orIgnore()
      .execute();
    return await this.repo.findOneByOrFail({ id });
  }

  lijst(klachtId: string): Promise<DossierDocumentEntity[]> {
    return this.repo.find({ where: { klachtId }, order: { at: 'ASC', id: 'ASC' } });
  }

  document(klachtId: string, id: string): Promise<DossierDocumentEntity | null> {
    return this.repo.findOneBy({ klachtId, id });
  }

  /** The content, checked against its SHA-256: a changed or missing document is an error, never served. */
  async inhoud(doc: DossierDocumentEntity): Promise<Buffer> {
    const b = await this.opslag.lees(doc.opslagSleutel);
    if (!b) throw new Error(`document ${doc.id}: inhoud ontbreekt in de opslag`);
    if (sha256(b) !== doc.sha256) throw new Error(`document ${doc.id}: inhoud wijkt af van de SHA-256 (integriteit, AVG art. 32)`);
    return b;
  }

  /** Removes every document of a klacht, content first (retention, hand-over); the rows go with the klacht. */
  async verwijderInhoudVan(klachtId: string): Promise<number> {
    const docs = await this.repo.find({ where: { klachtId } });
    for (const d of docs) await this.opslag.verwijder(d.opslagSleutel);
    return docs.length;
  }
}
