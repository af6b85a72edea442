import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KlachtEntity } from './klacht.entity';

/**
 * History of a klacht: one row per accepted event (and the intake), appended and not changed, with one exception.
 * An event the regime refuses is not stored: the transaction writes nothing at all, so the
 * klacht, its history and its termijnen stay exactly as they were (the refusal goes back to the
 * caller as 409 and into the log). The exception: a wake-up (TERMIJN_VERLOPEN) that a late act of the termijn's last
 * day undid (Awb 9:11 lid 1 and 2; regime.ts `inhalen`) keeps its row, with `accepted = false` and `payload.herroepen`
 * naming the act (engine.service.ts herroepWekkers): the readers of the accepted history leave it out.
 */
@Entity('klacht_gebeurtenis')
@Index('IDX_klacht_gebeurtenis_klacht', ['klachtId', 'id'])
export class KlachtGebeurtenisEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  /** SCREAMING_SNAKE event type; `KLACHT_ONTVANGEN` for the intake. */
  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ name: 'van_state', type: 'varchar', length: 200, nullable: true })
  vanState: string | null;

  @Column({ name: 'naar_state', type: 'varchar', length: 200 })
  naarState: string;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** When it happened (the event's `at`), not when it was recorded. */
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ name: 'correlation_id', type: 'varchar', length: 200, nullable: true })
  correlationId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'boolean', default: true })
  accepted: boolean;
}
