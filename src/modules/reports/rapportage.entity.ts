import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `aanbiederId` of the gemeente-wide report (all aanbieders together). */
export const ALLE_AANBIEDERS = '*';

/**
 * A generated report, stored as it was at generation (the periodic aanbieder reports of the
 * Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, and Klachtenprotocol Wmo keten Amsterdam §10, and the Awb 9:12a yearly overview). Generating again for the same
 * moment replaces the content (upsert on the unique key), so a job that runs twice is harmless.
 */
@Entity('rapportage')
@Index('UQ_rapportage_moment', ['gemeente', 'soort', 'deadline', 'aanbiederId'], { unique: true })
export class RapportageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'definitie_id', type: 'varchar', length: 100 })
  definitieId: string;

  /** `aanbieders` (periodic, per aanbieder) or `jaarverslag` (Awb 9:12a). */
  @Column({ type: 'varchar', length: 30 })
  soort: string;

  /** The aanbieder this report is about, or `*` for the gemeente-wide report. */
  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100 })
  aanbiederId: string;

  @Column({ name: 'periode_van', type: 'date' })
  periodeVan: string;

  @Column({ name: 'periode_tot', type: 'date' })
  periodeTot: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'jsonb' })
  inhoud: unknown;

  /**
   * The moment its figures are as at: 00:00 on the deadline, also when the job ran later (termijnen, end, oordeel and
   * registration as they stood then, rapportage-planning.service.ts). Null for reports stored before it was recorded:
   * unknown (those counted oordeel and registration as at their run, `gegenereerdOp`).
   */
  @Column({ type: 'timestamptz', nullable: true })
  peildatum: Date | null;

  @CreateDateColumn({ name: 'gegenereerd_op', type: 'timestamptz' })
  gegenereerdOp: Date;
}
