import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `overgedragen_klacht` keeps every hand-over of a klacht, not only the first: its key was (klacht, aanbieder), so a
 * second hand-over of the same klacht (Klachtenprotocol Wmo keten Amsterdam §9: the hand-over is repeatable) was dropped
 * and which hand-overs included a klacht could not be told (AVG art. 30: the register of processing). The key is now
 * (hand-over, klacht), the hand-over must exist, and the readers' lookup by klacht and aanbieder keeps an index. Existing
 * rows stay: each names the hand-over that first included its klacht, written in the same transaction as it.
 */
export class OvergedragenKlachtElkeOverdracht1796536773146 implements MigrationInterface {
  name = 'OvergedragenKlachtElkeOverdracht1796536773146';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "overgedragen_klacht" DROP CONSTRAINT "PK_82627d1063877da533a8a6f8ccf"`);
    await queryRunner.query(
      `ALTER TABLE "overgedragen_klacht" ADD CONSTRAINT "PK_ff6b9944cc0f26424b6063b5616" PRIMARY KEY ("overdracht_id", "klacht_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_overgedragen_klacht_klacht" ON "overgedragen_klacht" ("klacht_id", "aanbieder_id")`);
    await queryRunner.query(
      `ALTER TABLE "overgedragen_klacht" ADD CONSTRAINT "FK_fadb6b76fad52a01991ff453ab6" FOREIGN KEY ("overdracht_id") REFERENCES "aanbieder_overdracht"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "overgedragen_klacht" DROP CONSTRAINT "FK_fadb6b76fad52a01991ff453ab6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_overgedragen_klacht_klacht"`);
    // Back to one row per klacht and aanbieder: the first hand-over's, as before.
    await queryRunner.query(
      `DELETE FROM "overgedragen_klacht" o USING "aanbieder_overdracht" ao, "overgedragen_klacht" e JOIN "aanbieder_overdracht" eo ON eo."id" = e."overdracht_id"
        WHERE ao."id" = o."overdracht_id" AND e."klacht_id" = o."klacht_id" AND e."aanbieder_id" = o."aanbieder_id"
          AND (eo."at", eo."id") < (ao."at", ao."id")`,
    );
    await queryRunner.query(`ALTER TABLE "overgedragen_klacht" DROP CONSTRAINT "PK_ff6b9944cc0f26424b6063b5616"`);
    await queryRunner.query(
      `ALTER TABLE "overgedragen_klacht" ADD CONSTRAINT "PK_82627d1063877da533a8a6f8ccf" PRIMARY KEY ("klacht_id", "aanbieder_id")`,
    );
  }
}
