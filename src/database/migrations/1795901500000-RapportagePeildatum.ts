import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored report records the moment its figures are as at (`peildatum`: 00:00 on its deadline), so a report whose job
 * ran late says what it is about. Reports stored before have none (null, shown as unknown): some of their figures
 * (oordeel, registration) are as at their run.
 */
export class RapportagePeildatum1795901500000 implements MigrationInterface {
  name = 'RapportagePeildatum1795901500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rapportage" ADD "peildatum" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rapportage" DROP COLUMN "peildatum"`);
  }
}
