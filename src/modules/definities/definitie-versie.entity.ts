import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A definition version published through the API (docs/definities.md: immutable once published; a change
 * is a new version). Rows are never updated; the registry serves them next to the repository's files.
 */
@Entity('definitie_versie')
@Index('UQ_definitie_versie', ['definitieId', 'versie'], { unique: true })
@Index('IDX_definitie_versie_gemeente', ['gemeente'])
export class DefinitieVersieEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Folder name, e.g. `gm0363-amsterdam`. */
  @Column({ name: 'definitie_id', type: 'varchar', length: 100 })
  definitieId: string;

  @Column({ type: 'varchar', length: 40 })
  versie: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'geldig_vanaf', type: 'date' })
  geldigVanaf: string;

  /** The YAML exactly as published. */
  @Column({ type: 'text' })
  yaml: string;

  @Column({ name: 'gepubliceerd_door', type: 'varchar', length: 300 })
  gepubliceerdDoor: string;

  @CreateDateColumn({ name: 'gepubliceerd_op', type: 'timestamptz' })
  gepubliceerdOp: Date;

  /** The approved proposal this version came from (4-ogen); null for versions published before 4-ogen. */
  @Column({ name: 'voorstel_id', type: 'uuid', nullable: true })
  voorstelId: string | null;
}
