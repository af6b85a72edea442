import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ZgwAfleverStatus = 'wachtend' | 'afgeleverd' | 'vastgelopen';

/**
 * The zaak of a klacht in the gemeente's ZGW registers, and the delivery state of the klacht to it.
 * One row per klacht: every outbox row that may change the zaak bumps `generatie`; a delivery brings
 * the register up to date with the klacht as it is then (src/zgw-mapping/gewenst.ts), so deliveries of
 * one klacht coalesce and stay in order. `zaakUrl` is written in the same transaction that records
 * the delivery's outcome, and a create is always preceded by a lookup on identificatie: a retry never
 * makes a second zaak.
 */
@Entity('zgw_zaak')
@Index('IDX_zgw_zaak_wachtend', ['nextAttemptAt'], { where: `"status" = 'wachtend'` })
@Index('IDX_zgw_zaak_gemeente_status', ['gemeente', 'status'])
export class ZgwZaakEntity {
  @PrimaryColumn({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'zaak_url', type: 'varchar', length: 1000, nullable: true })
  zaakUrl: string | null;

  @Column({ type: 'varchar', length: 20, default: 'wachtend' })
  status: ZgwAfleverStatus;

  /** Bumped by every change of the klacht that may concern the zaak. */
  @Column({ type: 'int', default: 1 })
  generatie: number;

  /** The generatie the register was last brought up to date with. */
  @Column({ name: 'afgeleverd_generatie', type: 'int', default: 0 })
  afgeleverdGeneratie: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'afgeleverd_op', type: 'timestamptz', nullable: true })
  afgeleverdOp: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
