import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `aanbiederId` of the gemeente-wide report (all aanbieders together). */
export const ALLE_AANBIEDERS = '*';

/**
 * A generated report, stored as it was at generation (the periodic aanbieder reports of the
 * Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1, and Klachtenprotocol Wmo keten Amsterdam §10, and the Awb 9:12a yearly overview). Generating again for the same
 * moment replaces the content (upsert on the unique key), so a job that runs twice is harmless.
 *
 * One per moment (gemeente, soort, deadline) and aanbieder. An aanbieder is the gemeente that chose its id + the id: after
 * the Wet samenvoeging Amsterdam en Weesp, Weesp's 'zorgbalans' and Amsterdam's 'zorgbalans' both report on Amsterdam's
 * moment (Wet arhi art. 40), two reports under GM0363. The gemeente-wide report (`aanbieder_id` `*`) has no aanbieder's
 * gemeente (null) and is one per moment by the second, partial index (a plain unique index lets nulls differ).
 */
@Entity('rapportage')
@Index('UQ_rapportage_moment', ['gemeente', 'soort', 'deadline', 'aanbiederGemeente', 'aanbiederId'], { unique: true })
@Index('UQ_rapportage_moment_gemeente', ['gemeente', 'soort', 'deadline'], { unique: true, where: `"aanbieder_gemeente" IS NULL` })
@Check('CHK_rapportage_aanbieder_gemeente', `("aanbieder_gemeente" IS NULL) = ("aanbieder_id" = '*')`)
export class RapportageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The gemeente whose moment it is (its schedule, `rapportage_moment`), also for an aanbieder's own report. */
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

  /**
   * The gemeente (CBS code) that chose `aanbiederId`: an aanbieder is gemeente + id. On a moment of Amsterdam after the
   * herindeling GM0457 for Weesp's aanbieder, GM0363 for Amsterdam's own. Null for the gemeente-wide report.
   */
  @Column({ name: 'aanbieder_gemeente', type: 'varchar', length: 6, nullable: true })
  aanbiederGemeente: string | null;

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
