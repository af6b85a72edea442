import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Denormalised time in state and earliest running termijn on `klacht`, so the process-owner heatmap
 * no longer looks up the last klacht_gebeurtenis and the running termijnen per open klacht (bench/reports.ts).
 * Backfill: the latest accepted event that moved the klacht into a state (or its intake; else created_at),
 * and min(vervalt_op) of its running termijnen. From here on the engine writes both.
 */
export class KlachtStateSinds1795439400000 implements MigrationInterface {
  name = 'KlachtStateSinds1795439400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "klacht" ADD "state_sinds" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "klacht" ADD "eerste_vervalt_op" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "klacht" k SET "state_sinds" = coalesce(
         (SELECT g."at" FROM "klacht_gebeurtenis" g
          WHERE g."klacht_id" = k."id" AND g."accepted" AND g."van_state" IS DISTINCT FROM g."naar_state"
          ORDER BY g."id" DESC LIMIT 1),
         k."created_at")`,
    );
    await queryRunner.query(
      `UPDATE "klacht" k SET "eerste_vervalt_op" = t."eerste"
       FROM (SELECT "klacht_id", min("vervalt_op") AS "eerste" FROM "termijn" WHERE "status" = 'running' GROUP BY "klacht_id") t
       WHERE t."klacht_id" = k."id"`,
    );
    await queryRunner.query(`ALTER TABLE "klacht" ALTER COLUMN "state_sinds" SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "klacht" ALTER COLUMN "state_sinds" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_klacht_open_tijden" ON "klacht" ("gemeente", "definitie_id", "definitie_versie", "state", "state_sinds", "eerste_vervalt_op") WHERE NOT "done"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_open_tijden"`);
    await queryRunner.query(`ALTER TABLE "klacht" DROP COLUMN "eerste_vervalt_op"`);
    await queryRunner.query(`ALTER TABLE "klacht" DROP COLUMN "state_sinds"`);
  }
}
