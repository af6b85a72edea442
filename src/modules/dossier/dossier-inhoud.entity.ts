import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Content of dossier documents when DOSSIER_OPSLAG=postgres (PostgresOpslag); metadata is `dossier_document`. */
@Entity('dossier_inhoud')
export class DossierInhoudEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  sleutel: string;

  @Column({ type: 'bytea' })
  inhoud: Buffer;
}
