import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of a definition records an approval with terugwerkende kracht: a version whose geldigVanaf lies
 * before the approval day is published only when the approver confirms it (rechtszekerheid), and the goedgekeurd step
 * keeps what was confirmed (the past days, the klachten received in them that stay on their version).
 */
export class GoedkeuringTerugwerkendeKracht1795901300000 implements MigrationInterface {
  name = 'GoedkeuringTerugwerkendeKracht1795901300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "definitie_voorstel_stap" ADD "terugwerkende_kracht" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "definitie_voorstel_stap" DROP COLUMN "terugwerkende_kracht"`);
  }
}
