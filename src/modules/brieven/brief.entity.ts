import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';

export type BriefStatus = 'opgemaakt' | 'niet-opgemaakt';

/**
 * A letter the law asks for (Awb 9:6, 9:8 lid 3, 9:11 lid 2, 9:12, 2:3), rendered from the gemeente's
 * template when its outbox intent was handled. One row per intent (`outboxId` unique: a retried intent
 * never makes a second letter); the HTML and PDF are dossier documents (`dossier_document.brief_id`).
 * A letter that could not be made (no template) is kept as `niet-opgemaakt` with the reason, so it is never lost; so is
 * one Klachtregie does not make because its step happened before Klachtregie knew of it (registered on a later day, or
 * imported history): its letter went out then, outside Klachtregie (brieven.service.ts `waaromGeenBrief`).
 */
@Entity('brief')
@Index('UQ_brief_outbox', ['outboxId'], { unique: true })
@Index('IDX_brief_klacht', ['klachtId', 'at'])
export class BriefEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'outbox_id', type: 'bigint' })
  outboxId: string;

  @Column({ type: 'varchar', length: 30 })
  soort: string;

  @Column({ type: 'varchar', length: 100 })
  intent: string;

  /** klager, beklaagde. */
  @Column({ type: 'varchar', length: 100 })
  aan: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  grondslag: string | null;

  /** The letter's date: the calendar day (Europe/Amsterdam) Klachtregie made it, never an earlier one. */
  @Column({ type: 'date' })
  datum: string;

  /** Moment of that event. */
  @Column({ type: 'timestamptz' })
  at: Date;

  /** Template used, relative to the definitions folder (`gm0363-amsterdam/brieven/2015-01/afdoening.hbs`). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  sjabloon: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: BriefStatus;

  @Column({ type: 'text', nullable: true })
  reden: string | null;

  /** Fields the law requires that the dossier left empty (e.g. AFDOENEN without bevindingen). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  ontbrekend: string[];

  @Column({ name: 'gemaakt_op', type: 'timestamptz' })
  gemaaktOp: Date;
}
