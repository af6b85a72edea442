import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';

/** What a dossier document is (docs/brieven-en-dossier.md); `brief` is a letter Klachtregie rendered itself. */
export const DOCUMENT_SOORTEN = ['klaagschrift', 'verslagHoren', 'correspondentie', 'bijlage', 'brief'] as const;
export type DocumentSoort = (typeof DOCUMENT_SOORTEN)[number];

/**
 * A document in a klacht's dossier: the handling, the findings and all correspondence are kept with the
 * klacht (Awb 9:12a; Klachtenprotocol Wmo keten Amsterdam §9). The content is in the DossierOpslag under
 * `opslagSleutel`; `sha256` proves it unchanged. Deleted with the klacht (retention, hand-over).
 */
@Entity('dossier_document')
@Index('IDX_dossier_document_klacht', ['klachtId', 'at'])
export class DossierDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 30 })
  soort: DocumentSoort;

  @Column({ type: 'varchar', length: 200 })
  titel: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ type: 'int' })
  grootte: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 10 })
  opslag: 'postgres' | 'schijf';

  @Column({ name: 'opslag_sleutel', type: 'varchar', length: 120 })
  opslagSleutel: string;

  /** The letter this is the HTML or PDF of (brief.id). */
  @Column({ name: 'brief_id', type: 'uuid', nullable: true })
  briefId: string | null;

  /** `api-sleutel:<id>`, `oidc:<sub>` or `klachtregie` for a rendered letter. */
  @Column({ type: 'varchar', length: 300 })
  door: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
