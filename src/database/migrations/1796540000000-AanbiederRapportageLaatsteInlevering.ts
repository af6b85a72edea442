import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract art. 11.1 ("vóór 1 juli ... dient te zijn ingediend"), Klachtenprotocol Wmo keten Amsterdam §10: an aanbieder's
 * report may be replaced (one per aanbieder and deadline); `ingediend_op` / `ingediend_door` keep the first submission,
 * which decides whether it came in time, and `laatst_ingediend_op` / `laatst_ingediend_door` say when and by whom the report
 * held now was received, so a replacement after the deadline no longer passes as delivered in time. Rows stored before
 * have them null (unknown): their replacements were not recorded.
 */
export class AanbiederRapportageLaatsteInlevering1796540000000 implements MigrationInterface {
  name = 'AanbiederRapportageLaatsteInlevering1796540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" ADD "laatst_ingediend_op" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" ADD "laatst_ingediend_door" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" DROP COLUMN "laatst_ingediend_door"`);
    await queryRunner.query(`ALTER TABLE "aanbieder_rapportage" DROP COLUMN "laatst_ingediend_op"`);
  }
}
