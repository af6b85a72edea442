import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored report names the gemeente that chose its aanbieder's id (`aanbieder_gemeente`): an aanbieder is gemeente + id.
 * After Weesp went into Amsterdam (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40) Weesp's aanbieders report on
 * Amsterdam's moments, and Weesp's 'zorgbalans' and Amsterdam's 'zorgbalans' are two reports of one moment. Until now
 * such a report was filed under the code of the gemeente that chose the id (GM0457) with Amsterdam's deadline: not the
 * moment it belongs to, and one row with a report of Weesp's own moment of the same soort and deadline.
 *
 * Backfill, from what the rows say:
 * - the gemeente-wide report (`aanbieder_id` `*`): no aanbieder, null;
 * - an aanbieder's report whose `definitie_id`, soort and deadline are a moment of another gemeente (`rapportage_moment`,
 *   kept once handled): it was filed under its id's gemeente, so that is `aanbieder_gemeente`, and it moves to the
 *   moment's gemeente;
 * - every other aanbieder's report was made on its own gemeente's moment for that gemeente's ids: `gemeente`.
 * The unique key includes `aanbieder_gemeente`; the gemeente-wide report stays one per moment by a partial index.
 */
export class RapportageAanbiederGemeente1795989000000 implements MigrationInterface {
  name = 'RapportageAanbiederGemeente1795989000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rapportage" ADD "aanbieder_gemeente" character varying(6)`);
    // The old key first: under it Weesp's 'zorgbalans', moved to Amsterdam's moment, is Amsterdam's 'zorgbalans'.
    await queryRunner.query(`DROP INDEX "public"."UQ_rapportage_moment"`);
    await queryRunner.query(
      `UPDATE "rapportage" r SET "aanbieder_gemeente" = r."gemeente", "gemeente" = m."gemeente"
       FROM (SELECT "definitie_id", "soort", "deadline", min("gemeente") AS "gemeente" FROM "rapportage_moment"
             GROUP BY 1, 2, 3 HAVING count(DISTINCT "gemeente") = 1) m
       WHERE r."aanbieder_id" <> '*' AND m."definitie_id" = r."definitie_id" AND m."soort" = r."soort"
         AND m."deadline" = r."deadline" AND m."gemeente" <> r."gemeente"`,
    );
    await queryRunner.query(
      `UPDATE "rapportage" SET "aanbieder_gemeente" = "gemeente" WHERE "aanbieder_id" <> '*' AND "aanbieder_gemeente" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rapportage_moment" ON "rapportage" ("gemeente", "soort", "deadline", "aanbieder_gemeente", "aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rapportage_moment_gemeente" ON "rapportage" ("gemeente", "soort", "deadline") WHERE "aanbieder_gemeente" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportage" ADD CONSTRAINT "CHK_rapportage_aanbieder_gemeente" CHECK (("aanbieder_gemeente" IS NULL) = ("aanbieder_id" = '*'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rapportage" DROP CONSTRAINT "CHK_rapportage_aanbieder_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rapportage_moment_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rapportage_moment"`);
    // Back to filing an aanbieder's report under the gemeente that chose its id.
    await queryRunner.query(
      `UPDATE "rapportage" SET "gemeente" = "aanbieder_gemeente" WHERE "aanbieder_gemeente" IS NOT NULL AND "aanbieder_gemeente" <> "gemeente"`,
    );
    // Fails (nothing lost: one transaction) while two reports the old key cannot tell apart are stored, e.g. Weesp's
    // aanbieder on Weesp's own moment and on Amsterdam's with the same soort and deadline.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rapportage_moment" ON "rapportage" ("gemeente", "soort", "deadline", "aanbieder_id") `,
    );
    await queryRunner.query(`ALTER TABLE "rapportage" DROP COLUMN "aanbieder_gemeente"`);
  }
}
