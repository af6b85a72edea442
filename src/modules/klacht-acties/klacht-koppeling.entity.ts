import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

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

  @Column({ name: 'hoofd_klacht_id', type: 'uuid' })
  hoofdKlachtId: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 40 })
  soort: OmbudsmanVerzoekSoort;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
