import type { DefinitionError } from '../../machines/contract';
import type { TerugwerkendeKracht } from './definities.service';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Where a proposal stands (4-ogen, Uitgangspunten klachtenmanagement Sociaal Domein §1D). */
export const VOORSTEL_STATUSSEN = ['voorgesteld', 'goedgekeurd', 'afgewezen'] as const;
export type VoorstelStatus = (typeof VOORSTEL_STATUSSEN)[number];

/**
 * A proposed definition version: validated in full, but not served until a second beleidsmedewerker approves it
 * (then it is copied into definitie_versie). Only `status` and the beoordeling columns ever change, once (an approval
 * that splits its day's klachten over two versions adds that warning to `waarschuwingen` then).
 */
@Entity('definitie_voorstel')
@Check('CHK_definitie_voorstel_status', `"status" IN ('voorgesteld', 'goedgekeurd', 'afgewezen')`)
@Index('IDX_definitie_voorstel_gemeente', ['gemeente', 'definitieId'])
@Index('UQ_definitie_voorstel_open', ['definitieId', 'versie'], { unique: true, where: `"status" = 'voorgesteld'` })
export class DefinitieVoorstelEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_definitie_voorstel' })
  id: string;

  @Column({ name: 'definitie_id', type: 'varchar', length: 100 })
  definitieId: string;

  @Column({ type: 'varchar', length: 40 })
  versie: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'geldig_vanaf', type: 'date' })
  geldigVanaf: string;

  @Column({ type: 'text' })
  yaml: string;

  @Column({ type: 'varchar', length: 20 })
  status: VoorstelStatus;

  @Column({ name: 'voorgesteld_door', type: 'varchar', length: 300 })
  voorgesteldDoor: string;

  @Column({ name: 'voorgesteld_op', type: 'timestamptz' })
  voorgesteldOp: Date;

  @Column({ name: 'beoordeeld_door', type: 'varchar', length: 300, nullable: true })
  beoordeeldDoor: string | null;

  @Column({ name: 'beoordeeld_op', type: 'timestamptz', nullable: true })
  beoordeeldOp: Date | null;

  /** Why it was rejected (required then). */
  @Column({ type: 'text', nullable: true })
  reden: string | null;

  /**
   * The validation's warnings when it was proposed (valid, probably not meant): what the approver should read. An
   * approval that split the klachten of its day over two versions adds that (definitie-voorstellen.service.ts).
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  waarschuwingen: DefinitionError[];
}

/** One step of the audit trail: proposed, approved or rejected, by whom, when and why. Append-only. */
@Entity('definitie_voorstel_stap')
@Check('CHK_definitie_voorstel_stap', `"stap" IN ('voorgesteld', 'goedgekeurd', 'afgewezen')`)
@Index('IDX_definitie_voorstel_stap_definitie', ['gemeente', 'definitieId', 'id'])
export class DefinitieVoorstelStapEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_definitie_voorstel_stap' })
  id: string;

  @Column({ name: 'voorstel_id', type: 'uuid' })
  voorstelId: string;

  @ManyToOne(() => DefinitieVoorstelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voorstel_id', foreignKeyConstraintName: 'FK_definitie_voorstel_stap_voorstel' })
  voorstel?: DefinitieVoorstelEntity;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ name: 'definitie_id', type: 'varchar', length: 100 })
  definitieId: string;

  @Column({ type: 'varchar', length: 40 })
  versie: string;

  @Column({ type: 'varchar', length: 20 })
  stap: VoorstelStatus;

  /** `api-sleutel:<id>` or `oidc:<sub>` (Tenant.subject). */
  @Column({ type: 'varchar', length: 300 })
  door: string;

  /** The name of the key or person at the time of the step (a key may be revoked later). */
  @Column({ name: 'door_naam', type: 'varchar', length: 300 })
  doorNaam: string;

  @Column({ type: 'timestamptz' })
  op: Date;

  @Column({ type: 'text', nullable: true })
  reden: string | null;

  /**
   * Approved with terugwerkende kracht (geldigVanaf before the approval day), as the approver confirmed it: the past
   * days and the klachten received in them that stay on their version. Null for every other step.
   */
  @Column({ name: 'terugwerkende_kracht', type: 'jsonb', nullable: true })
  terugwerkendeKracht: TerugwerkendeKracht | null;
}
