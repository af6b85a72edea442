import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` per gemeente: the first request's fingerprint and response. The primary
 * key is what makes concurrent duplicates safe: only one INSERT wins, the other waits for its result.
 */
@Entity('idempotentie_sleutel')
@Index('IDX_idempotentie_sleutel_created', ['createdAt'])
// Expression index on resultaat->>'klachtId' for the import marker (src/modules/import/import-bezig.ts): in the migration.
@Index('IDX_idempotentie_sleutel_import_bezig', { synchronize: false })
export class IdempotentieSleutelEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  gemeente: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  sleutel: string;

  /** `POST /api/v1/klachten` (method and route pattern). */
  @Column({ type: 'varchar', length: 300 })
  route: string;

  /**
   * From the API: SHA-256 of method, path, canonical JSON body, uploaded files and the caller (subject, aanbiederId).
   * The import's keys: of the line's content only, so any beheerder's re-run of a file is the same request.
   */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  /** `bezig` while the first request runs, `klaar` once its response is stored. */
  @Column({ type: 'varchar', length: 10 })
  status: 'bezig' | 'klaar';

  /**
   * The first request's reply as sent, which a replay answers. Routes that claim in the work's transaction store it
   * after the commit; null there when the process died or the reply failed in between (a replay then answers the
   * klacht as it is now: idempotentie-context.ts).
   */
  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  /** Routes that claim in the work's transaction: the klacht they produced, committed with it (with no stored reply, the reply is rebuilt from it). */
  @Column({ type: 'jsonb', nullable: true })
  resultaat: { klachtId: string } | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the result was stored; for routes that claim in the work's transaction, its commit (a replay waits for the reply from then). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
