import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An aanbieder's submission names the gemeente that chose its id (`aanbieder_gemeente`): an aanbieder id is per gemeente,
 * so after a herindeling (Wet arhi art. 40 e.v.) Amsterdam's 'zorgbalans' and Weesp's 'zorgbalans', both submitting under
 * Amsterdam's code for Weesp's last moment, are two submissions, not one row. Existing rows were submitted as the key's
 * own aanbieder: their id's gemeente is the row's `gemeente`. Unique per (id's gemeente, id, deadline).
 */
export class AanbiederRapportageIdGemeente1795901400000 implements MigrationInterface {
  name = 'AanbiederRapportageIdGemeente1795901400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" ADD "aanbieder_gemeente" character varying(6)`);
    await queryRunner.query(`UPDATE "aanbieder_rapportage" SET "aanbieder_gemeente" = "gemeente"`);
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" ALTER COLUMN "aanbieder_gemeente" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."UQ_aanbieder_rapportage"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_aanbieder_rapportage_aanbieder" ON "aanbieder_rapportage" ("aanbieder_gemeente", "aanbieder_id", "deadline") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_aanbieder_rapportage_aanbieder"`);
    // Fails (nothing lost) while two organisations' submissions for one deadline share a code: the old key cannot hold both.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_aanbieder_rapportage" ON "aanbieder_rapportage" ("gemeente", "aanbieder_id", "deadline") `,
    );
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" DROP COLUMN "aanbieder_gemeente"`);
  }
}
