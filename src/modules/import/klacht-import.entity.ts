import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ImportStatus = 'bezig' | 'klaar';

/**
 * One bulk import of historic klachten (docs/import.md): the file's lines are stored as
 * `klacht_import_regel` rows when the import is made, so a crashed import continues from PostgreSQL.
 * The same file (same SHA-256) within the same scope is the same import: sending it again resumes it.
 */
@Entity('klacht_import')
@Index('UQ_klacht_import_bron', ['scope', 'bronHash'], { unique: true })
export class KlachtImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The caller's gemeente (API), or `*` for the server-side CLI: an import is seen and resumed only within it. */
  @Column({ type: 'varchar', length: 6 })
  scope: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ name: 'bron_hash', type: 'char', length: 64 })
  bronHash: string;

  @Column({ type: 'varchar', length: 10 })
  status: ImportStatus;

  @Column({ type: 'int' })
  totaal: number;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'voltooid_op', type: 'timestamptz', nullable: true })
  voltooidOp: Date | null;
}
