import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A subscriber of a gemeente: where CloudEvents go, which types, and the secret they are signed with. */
@Entity('webhook_abonnement')
@Index('IDX_webhook_abonnement_gemeente', ['gemeente'])
@Check('CHK_webhook_abonnement_aanbieder_gemeente', `"aanbieder_gemeente" IS NULL OR "aanbieder_id" IS NOT NULL`)
export class WebhookAbonnementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** HMAC-SHA256 key of the Klachtregie-Signature header (stored: it is needed to sign). */
  @Column({ type: 'varchar', length: 200 })
  secret: string;

  /** CloudEvent types to receive; empty = all. A trailing `*` matches a prefix (`nl.klachtregie.termijn.*`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  typen: string[];

  /** Only events about klachten of this aanbieder (for an aanbieder's own system). */
  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100, nullable: true })
  aanbiederId: string | null;

  /**
   * The gemeente whose id space `aanbiederId` belongs to (an aanbieder id is chosen per gemeente); null: the
   * subscription's own. After a herindeling the successor can subscribe for the dissolved gemeente's aanbieder (Wet arhi
   * art. 40), and its subscription for its own aanbieder of the same id hears nothing of the other's klachten.
   */
  @Column({ name: 'aanbieder_gemeente', type: 'varchar', length: 6, nullable: true })
  aanbiederGemeente: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  omschrijving: string | null;

  @Column({ type: 'boolean', default: true })
  actief: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
