import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every read of a dossier is logged (docs/adr/0003-tenancy-webhooks-idempotency.md: every access to a dossier is logged; AVG art. 32). */
@Entity('dossier_inzage')
@Index('IDX_dossier_inzage_klacht', ['klachtId', 'at'])
@Index('IDX_dossier_inzage_gemeente_at', ['gemeente', 'at'])
export class DossierInzageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  /** `api-sleutel:<id>` or `oidc:<sub>`. */
  @Column({ type: 'varchar', length: 300 })
  wie: string;

  @Column({ type: 'varchar', length: 40 })
  rol: string;

  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100, nullable: true })
  aanbiederId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
