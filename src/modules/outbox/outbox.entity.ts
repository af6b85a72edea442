import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Side effects wait here until the transaction that caused them has committed (an
 * outbox). Rows are generic (type + payload) so notification and webhook delivery can consume
 * the same stream; the relay marks `processedAt` once every handler has accepted the row.
 */
@Entity('outbox')
@Index('IDX_outbox_unprocessed', ['id'], { where: `"processed_at" IS NULL` })
@Index('IDX_outbox_klacht', ['klachtId'])
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'klacht_id', type: 'uuid', nullable: true })
  klachtId: string | null;

  /** Dotted lower-case type, e.g. `klacht.status-gewijzigd`, `termijn.gepland`, `intent.ontvangstbevestiging-sturen`. */
  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** After a failed attempt: not claimed again before this moment (backoff, so failing rows do not block the rest). */
  @Column({ name: 'volgende_poging_op', type: 'timestamptz', nullable: true })
  volgendePogingOp: Date | null;
}
