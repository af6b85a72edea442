import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';

export const OMBUDSMAN_VERZOEK_SOORTEN = ['informatievraag', 'interventieverzoek', 'doorgezondenKlacht', 'eigenOnderzoek'] as const;
export type OmbudsmanVerzoekSoort = (typeof OMBUDSMAN_VERZOEK_SOORTEN)[number];

/**
 * A sub-case linked to its hoofdklacht: an ombudsman request (informatievraag, interventieverzoek,
 * doorgezonden klacht, eigen onderzoek) is a klacht of its own with its own termijnen, and this row
 * says which klacht it belongs to (`hoofdKlachtId`).
 */
@Entity('klacht_koppeling')
@Index('IDX_klacht_koppeling_hoofd', ['hoofdKlachtId'])
export class KlachtKoppelingEntity {
  /** The sub-klacht (one hoofdklacht per sub-klacht). */
  @PrimaryColumn({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  /** The sub-klacht's own row: removed with it. */
  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ name: 'hoofd_klacht_id', type: 'uuid' })
  hoofdKlachtId: string;

  /** A hoofdklacht is not removed while a sub-klacht links to it: a dossier is destroyed from its requests up (Archiefwet 1995). */
  @ManyToOne(() => KlachtEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hoofd_klacht_id' })
  hoofdKlacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 40 })
  soort: OmbudsmanVerzoekSoort;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
