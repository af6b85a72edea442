import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vier-ogenprincipe for destruction (Archiefwet 1995 art. 3 with the Selectielijst gemeenten 2020): a vernietigingslijst
 * records its first person (ondertekend_door: who drew it up, or who signed a list of the daily job); the approver is
 * someone else. A list a person drew up before this was signed by that person; a waiting list of the daily job
 * ('klachtregie') is not signed yet and needs a signature before its approval.
 *
 * bewaar_handeling: who set and who lifted a bewaarblokkade or a 13.1.3 mark, when and why. The holds and marks standing
 * now are taken over as set by whoever set them, at that moment (their role was not recorded: null).
 */
export class BewaringVierOgen1796600000000 implements MigrationInterface {
  name = 'BewaringVierOgen1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bewaar_handeling" ("id" BIGSERIAL NOT NULL, "klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "maatregel" character varying(20) NOT NULL, "handeling" character varying(20) NOT NULL, "grond" text NOT NULL, "reden" text, "door" character varying(300) NOT NULL, "rol" character varying(40), "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cab4d7b82a1472b30d8df8d6166" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bewaar_handeling_klacht" ON "bewaar_handeling"  ("klacht_id", "at") `);
    await queryRunner.query(`ALTER TABLE "vernietigingslijst" ADD "ondertekend_door" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "vernietigingslijst" ADD "ondertekend_op" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "bewaar_handeling" ADD CONSTRAINT "FK_41a9c9dca29c398ade9a5b13d89" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "vernietigingslijst" SET "ondertekend_door" = "opgesteld_door", "ondertekend_op" = "opgesteld_op" WHERE "opgesteld_door" <> 'klachtregie'`,
    );
    await queryRunner.query(
      `INSERT INTO "bewaar_handeling" ("klacht_id", "gemeente", "maatregel", "handeling", "grond", "door", "at")
       SELECT "klacht_id", "gemeente", 'bewaarblokkade', 'gezet', "reden", "door", "at" FROM "bewaar_blokkade"
       UNION ALL
       SELECT "klacht_id", "gemeente", 'blijvendBewaren', 'gezet', "zaak", "door", "at" FROM "blijvend_bewaren"
       ORDER BY 7`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bewaar_handeling" DROP CONSTRAINT "FK_41a9c9dca29c398ade9a5b13d89"`);
    await queryRunner.query(`ALTER TABLE "vernietigingslijst" DROP COLUMN "ondertekend_op"`);
    await queryRunner.query(`ALTER TABLE "vernietigingslijst" DROP COLUMN "ondertekend_door"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bewaar_handeling_klacht"`);
    await queryRunner.query(`DROP TABLE "bewaar_handeling"`);
  }
}
