import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The report schedule mirrored into PostgreSQL (docs/architecture.md §1: Redis can be lost): one row per
 * gemeente, soort and deadline, computed by `rapportageMomenten`. BullMQ jobs are rebuilt from these
 * rows; `herinneringVerzondenOp` and `verwerktOp` make the reminder and the deadline run once.
 */
@Entity('rapportage_moment')
@Index('UQ_rapportage_moment_deadline', ['gemeente', 'soort', 'deadline'], { unique: true })
@Index('IDX_rapportage_moment_open', ['deadline'], { where: `"verwerkt_op" IS NULL` })
export class RapportageMomentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'definitie_id', type: 'varchar', length: 100 })
  definitieId: string;

  @Column({ name: 'definitie_versie', type: 'varchar', length: 40 })
  definitieVersie: string;

  @Column({ type: 'varchar', length: 30 })
  soort: string;

  @Column({ type: 'varchar', length: 20 })
  cadans: string;

  @Column({ name: 'periode_van', type: 'date' })
  periodeVan: string;

  @Column({ name: 'periode_tot', type: 'date' })
  periodeTot: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'date', nullable: true })
  herinnering: string | null;

  @Column({ type: 'varchar', length: 100 })
  naar: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ name: 'herinnering_verzonden_op', type: 'timestamptz', nullable: true })
  herinneringVerzondenOp: Date | null;

  @Column({ name: 'verwerkt_op', type: 'timestamptz', nullable: true })
  verwerktOp: Date | null;
}
