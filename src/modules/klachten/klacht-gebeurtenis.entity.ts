import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KlachtEntity } from './klacht.entity';

/**
 * Append-only history of a klacht: one row per accepted event (and the intake).
 * An event the regime refuses is not stored: the transaction writes nothing at all, so the
 * klacht, its history and its termijnen stay exactly as they were (the refusal goes back to the
 * caller as 409 and into the log). `accepted` is kept so a later audit trail of refusals can
 * live in the same table without a schema change; today every row has `accepted = true`.
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
