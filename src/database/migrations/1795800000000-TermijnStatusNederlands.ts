import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One language for the values of the API (docs/api.md): the termijn status is Dutch, like `verlopen`
 * already was. running -> lopend, met -> nagekomen, cancelled -> vervallen; the partial indexes on the
 * running termijnen follow.
 */
export class TermijnStatusNederlands1795800000000 implements MigrationInterface {
  name = 'TermijnStatusNederlands1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_termijn_running"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_verval_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_herinnering_due"`);
    await queryRunner.query(
      `UPDATE "termijn" SET "status" = CASE "status" WHEN 'running' THEN 'lopend' WHEN 'met' THEN 'nagekomen' WHEN 'cancelled' THEN 'vervallen' ELSE "status" END`,
    );
    await queryRunner.query(`ALTER TABLE "termijn" ALTER COLUMN "status" SET DEFAULT 'lopend'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_termijn_lopend" ON "termijn"  ("klacht_id", "naam") WHERE "status" = 'lopend'`);
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_verval_due" ON "termijn"  ("vervalt_op") WHERE "status" = 'lopend' AND "verval_gemeld_op" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_herinnering_due" ON "termijn"  ("volgende_herinnering_op") WHERE "status" = 'lopend'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_termijn_lopend"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_verval_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_herinnering_due"`);
    await queryRunner.query(
      `UPDATE "termijn" SET "status" = CASE "status" WHEN 'lopend' THEN 'running' WHEN 'nagekomen' THEN 'met' WHEN 'vervallen' THEN 'cancelled' ELSE "status" END`,
    );
    await queryRunner.query(`ALTER TABLE "termijn" ALTER COLUMN "status" SET DEFAULT 'running'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_termijn_running" ON "termijn"  ("klacht_id", "naam") WHERE "status" = 'running'`);
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_verval_due" ON "termijn"  ("vervalt_op") WHERE "status" = 'running' AND "verval_gemeld_op" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_herinnering_due" ON "termijn"  ("volgende_herinnering_op") WHERE "status" = 'running'`,
    );
  }
}
