import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AfleveringStatus = 'wachtend' | 'afgeleverd' | 'vervallen';

/**
 * One CloudEvent for one subscriber. Deliveries of one klacht to one subscriber go strictly in
 * `sequence` order: the next one waits until the previous one is `afgeleverd`. A failing
 * subscriber never loses events: attempts go on with capped backoff until it answers 2xx.
 */
@Entity('webhook_aflevering')
@Index('UQ_webhook_aflevering_event', ['abonnementId', 'eventId'], { unique: true })
@Index('IDX_webhook_aflevering_wachtend', ['abonnementId', 'klachtId', 'sequence'], { where: `"status" = 'wachtend'` })
@Index('IDX_webhook_aflevering_gemeente', ['gemeente', 'createdAt'])
export class WebhookAfleveringEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'abonnement_id', type: 'uuid' })
  abonnementId: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  /** The CloudEvent `id`: stable per event (derived from the outbox row). */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType: string;

  @Column({ name: 'klacht_id', type: 'uuid', nullable: true })
  klachtId: string | null;

  /** Order within the klacht: the outbox row id (monotonic per klacht, the engine locks the klacht row). */
  @Column({ type: 'bigint' })
  sequence: string;

  /** The CloudEvent exactly as it is sent, so a retry sends the same bytes' content. */
  @Column({ name: 'cloud_event', type: 'jsonb' })
  cloudEvent: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'wachtend' })
  status: AfleveringStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** HTTP status of the last attempt (null: no answer, e.g. connection refused or timeout). */
  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
