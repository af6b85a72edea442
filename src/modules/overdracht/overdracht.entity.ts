import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KlachtEntity } from '../klachten/klacht.entity';

/**
 * A hand-over at the end of an aanbieder's contract (Klachtenprotocol Wmo keten Amsterdam §9: within two
 * weeks, all current and historical files to the gemeente, no copy kept). Records the archive's manifest hash.
 */
@Entity('aanbieder_overdracht')
@Index('IDX_aanbieder_overdracht_aanbieder', ['gemeente', 'aanbiederId'])
export class AanbiederOverdrachtEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100 })
  aanbiederId: string;

  @Column({ name: 'contract_einde', type: 'date' })
  contractEinde: string;

  /** contractEinde + 14 days. */
  @Column({ name: 'uiterlijk_op', type: 'date' })
  uiterlijkOp: string;

  @Column({ type: 'int' })
  klachten: number;

  @Column({ name: 'manifest_sha256', type: 'char', length: 64 })
  manifestSha256: string;

  @Column({ type: 'varchar', length: 300 })
  door: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/**
 * A klacht in a hand-over: one row per klacht per hand-over, so every hand-over that included a klacht stays on record
 * with its moment and manifest (AVG art. 30: the register of processing; the gemeente shows what was handed over when).
 * From its first hand-over on, the aanbieder no longer sees the klacht (KlachtToegangInterceptor, tenantScope: any row).
 */
@Entity('overgedragen_klacht')
// The readers' question (has this aanbieder handed this klacht over?) by klacht, as the former key answered it.
@Index('IDX_overgedragen_klacht_klacht', ['klachtId', 'aanbiederId'])
export class OvergedragenKlachtEntity {
  @PrimaryColumn({ name: 'klacht_id', type: 'uuid' })
  klachtId: string;

  @ManyToOne(() => KlachtEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'klacht_id' })
  klacht?: KlachtEntity;

  @PrimaryColumn({ name: 'overdracht_id', type: 'uuid' })
  overdrachtId: string;

  @ManyToOne(() => AanbiederOverdrachtEntity)
  @JoinColumn({ name: 'overdracht_id' })
  overdracht?: AanbiederOverdrachtEntity;

  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100 })
  aanbiederId: string;
}
