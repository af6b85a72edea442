import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ImportRegelStatus = 'open' | 'geimporteerd' | 'fout';

export interface ImportFout {
  /** The field in the line, e.g. `intake.kanaal` or `gebeurtenissen[2].at`. */
  veld: string;
  reden: string;
}

/** One line of an import file: processed once (status leaves `open` exactly once). */
@Entity('klacht_import_regel')
@Index('IDX_klacht_import_regel_open', ['importId', 'regel'], { where: `status = 'open'` })
export class KlachtImportRegelEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  /** Line number in the file, from 1 (empty lines keep their number, they are not stored). */
  @PrimaryColumn({ type: 'int' })
  regel: number;

  /** The line as sent; cleared once imported (AVG art. 5 lid 1 sub c: the klacht holds the data now). */
  @Column({ type: 'text', nullable: true })
  inhoud: string | null;

  @Column({ type: 'varchar', length: 15 })
  status: ImportRegelStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  extern: string | null;

  @Column({ name: 'klacht_id', type: 'uuid', nullable: true })
  klachtId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  fouten: ImportFout[];
}
