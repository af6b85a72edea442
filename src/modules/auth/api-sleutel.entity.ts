import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Rol } from './rol';

/**
 * An API key. The key itself is shown once at creation; only its SHA-256 hash is stored, with a
 * short public prefix to find the row without scanning (the hash is compared in constant time).
 */
@Entity('api_sleutel')
@Index('UQ_api_sleutel_prefix', ['prefix'], { unique: true })
@Index('IDX_api_sleutel_gemeente', ['gemeente'])
@Check('CHK_api_sleutel_aanbieder_gemeente', `"aanbieder_gemeente" IS NULL OR "rol" = 'aanbieder'`)
export class ApiSleutelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  gemeente: string;

  @Column({ type: 'varchar', length: 40 })
  rol: Rol;

  /** Required for the aanbieder role: the aanbieder this key speaks for. */
  @Column({ name: 'aanbieder_id', type: 'varchar', length: 100, nullable: true })
  aanbiederId: string | null;

  /**
   * Aanbieder role only: the gemeente (CBS code) whose id space `aanbiederId` belongs to; null = `gemeente`, the issuing
   * one. Otherwise a gemeente opgeheven into the issuing one: its aanbieders' rights and duties pass to the successor
   * (Wet arhi art. 40), which issues them keys for their klachten.
   */
  @Column({ name: 'aanbieder_gemeente', type: 'varchar', length: 6, nullable: true })
  aanbiederGemeente: string | null;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /**
   * The person (medewerker) the key was issued to, as that person's OIDC subject `oidc:<sub>` (medewerker.subject), so
   * that a person's keys and OIDC logins are one person for the vier-ogenprincipe (medewerker.service.ts, vierOgen).
   * Null: a key for a system or issued without a person, which cannot set a vier-ogen signature.
   */
  @Column({ type: 'varchar', length: 300, nullable: true })
  medewerker: string | null;

  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
