import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Rol } from './rol';

/**
 * An API key. The key itself is shown once at creation; only its SHA-256 hash is stored, with a
 * short public prefix to find the row without scanning (the hash is compared in constant time).
 */
@Entity('api_sleutel')
@Index('UQ_api_sleutel_prefix', ['prefix'], { unique: true })
@Index('IDX_api_sleutel_gemeente', ['gemeente'])
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

  @Column({ type: 'varchar', length: 200 })
  naam: string;

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
