import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Selectielijst gemeenten 2020, 13.1.3 (blijvend bewaren): a klacht that affected a permanently kept zaak is never listed
 * or destroyed; nothing recorded that before, so this table holds the mark (PUT /klachten/{id}/blijvend-bewaren).
 */
export class BlijvendBewaren1796550000000 implements MigrationInterface {
  name = 'BlijvendBewaren1796550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "blijvend_bewaren" ("klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "zaak" character varying(200) NOT NULL, "door" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_16ec98244dcbbd1bac26d7d1926" PRIMARY KEY ("klacht_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "blijvend_bewaren" ADD CONSTRAINT "FK_16ec98244dcbbd1bac26d7d1926" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blijvend_bewaren" DROP CONSTRAINT "FK_16ec98244dcbbd1bac26d7d1926"`);
    await queryRunner.query(`DROP TABLE "blijvend_bewaren"`);
  }
}
