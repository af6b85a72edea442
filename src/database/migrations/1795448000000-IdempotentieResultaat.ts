import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The result of an idempotent request (the klacht it created or changed), written in the same transaction
 * as the work, so a retry after a crash between commit and reply finds it (idempotentie-context.ts).
 */
export class IdempotentieResultaat1795448000000 implements MigrationInterface {
  name = 'IdempotentieResultaat1795448000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotentie_sleutel" ADD "resultaat" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotentie_sleutel" DROP COLUMN "resultaat"`);
  }
}
