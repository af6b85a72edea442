import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';
import type { TermijnMutatie } from '../../machines/contract';

/**
 * The states of a termijn, as stored and as the API shows them, in Dutch like every other value of the
 * API: lopend, nagekomen (the obligation was met in time), verlopen (the termijn passed), vervallen
 * (ended without being due any more, e.g. the klacht was withdrawn).
 */
export const TERMIJN_STATUSSEN = ['lopend', 'nagekomen', 'verlopen', 'vervallen'] as const;
export type TermijnStatus = (typeof TERMIJN_STATUSSEN)[number];

/** One reminder of a termijn; `verzondenOp` (or `overgeslagenOp`) is set inside a transaction so it fires once. */
export interface HerinneringRecord {
  naam: string;
  /** Calendar day of the reminder (Europe/Amsterdam). */
  datum: string;
  naar: string;
  /** The instant the reminder is due (start of `datum` in Europe/Amsterdam). */
  op: string;
  verzondenOp?: string;
  /**
   * Set instead of `verzondenOp` when the reminder's wake-up came only after its termijn had passed (the worker was down
   * over both, or a klacht was registered late): a reminder is there so the termijn can still be met, and it was not sent.
   */
  overgeslagenOp?: string;
}

/**
 * A legal deadline of one klacht, mirrored from the regime's TermijnView (docs/adr/0004-durable-klacht-engine.md).
 * The regime decides which termijnen run; this table is what the wake-ups (BullMQ delayed jobs,
 * the sweep) are rebuilt from. `revision` goes up whenever the due date moves (verdaging,
 * opschorting), so a wake-up for an older revision is recognisably stale.
 */
@Entity('termijn')
// At most one running termijn per name per klacht; ended ones stay as history.
@Index('UQ_termijn_lopend', ['klachtId', 'naam'], { unique: true, where: `"status" = 'lopend'` })
@Index('IDX_termijn_klacht', ['klachtId'])
@Index('IDX_termijn_verval_due', ['vervaltOp'], { where: `"status" = 'lopend' AND "verval_gemeld_op" IS NULL` })
@Index('IDX_termijn_herinnering_due', ['volgendeHerinneringOp'], { where: `"status" = 'lopend'` })
export class TermijnEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 100 })
  naam: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** Last day of the termijn (inclusive), Europe/Amsterdam. */
  @Column({ type: 'date' })
  vervaldatum: string;

  /**
   * The instant the termijn has passed: the end of `vervaldatum` in Europe/Amsterdam (a termijn
   * expires after its last day). Computed from `vervaldatum`; wake-ups are scheduled at this
   * instant, so tests and operators may set it directly and reschedule.
   */
  @Column({ name: 'vervalt_op', type: 'timestamptz' })
  vervaltOp: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  uitleg: string[];

  @Column({ type: 'varchar', length: 20, default: 'lopend' })
  status: TermijnStatus;

  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  herinneringen: HerinneringRecord[];

  /** Earliest unsent reminder instant (null when none is left): what the sweep looks at. */
  @Column({ name: 'volgende_herinnering_op', type: 'timestamptz', nullable: true })
  volgendeHerinneringOp: Date | null;

  @Column({ name: 'escalatie_naar', type: 'varchar', length: 100, nullable: true })
  escalatieNaar: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  grondslag: string | null;

  /** Ledger of verdaging / opschorting / instemming, as the regime reports it. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  mutaties: TermijnMutatie[];

  /**
   * Whose obligation a `contact` row is, 'aanbieder' or 'gemeente' (TermijnDefinitie.geldtVoor), as the step that started
   * it said (TermijnView.voor); null for every other name, whose party the name itself says. Never changes: the same name
   * for the other party is another row (termijn-reconcile.ts).
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  voor: 'aanbieder' | 'gemeente' | null;

  /** Set once TERMIJN_VERLOPEN for this revision has been handled: a second wake-up does nothing. */
  @Column({ name: 'verval_gemeld_op', type: 'timestamptz', nullable: true })
  vervalGemeldOp: Date | null;

  /** When the termijn stopped running, and which event ended it. */
  @Column({ name: 'beeindigd_op', type: 'timestamptz', nullable: true })
  beeindigdOp: Date | null;

  @Column({ name: 'beeindigd_door', type: 'varchar', length: 100, nullable: true })
  beeindigdDoor: string | null;

  /**
   * An obligation of the gemeente or the aanbieder (te-laat.ts `isVerplichting`): missing it is te laat.
   * False for a window of the klager (Awb 9:24 lid 1) and the other termijnen that oblige nobody here.
   */
  @Column({ type: 'boolean', default: true })
  verplichting: boolean;

  /**
   * A passed obligation (`status` verlopen) stays open, and the klacht te laat, until this is set: when
   * a later step met it, it started again, or the klacht ended; `geslotenDoor` names the event.
   */
  @Column({ name: 'gesloten_op', type: 'timestamptz', nullable: true })
  geslotenOp: Date | null;

  @Column({ name: 'gesloten_door', type: 'varchar', length: 100, nullable: true })
  geslotenDoor: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
