import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Marks an outbox row as fanned out to webhook deliveries (also when no subscriber wanted it), so
 * the fan-out can find what is left without depending on the order in which rows committed.
 */
@Entity('webhook_uitgifte')
export class WebhookUitgifteEntity {
  @PrimaryColumn({ name: 'outbox_id', type: 'bigint' })
  outboxId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
