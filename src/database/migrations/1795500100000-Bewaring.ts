import { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention: vernietigingslijsten (with their regels, the proces-verbaal after execution) and bewaarblokkades. */
export class Bewaring1795500100000 implements MigrationInterface {
  name = 'Bewaring1795500100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vernietigingslijst" ("id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "status" character varying(20) NOT NULL, "peildatum" date NOT NULL, "opgesteld_op" TIMESTAMP WITH TIME ZONE NOT NULL, "opgesteld_door" character varying(300) NOT NULL, "goedgekeurd_door" character varying(300), "goedgekeurd_rol" character varying(40), "uitgevoerd_op" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0437c804ae0c7e4438001d95364" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_vernietigingslijst_gemeente" ON "vernietigingslijst"  ("gemeente", "opgesteld_op") `);
    await queryRunner.query(
      `CREATE TABLE "vernietigingslijst_regel" ("id" BIGSERIAL NOT NULL, "lijst_id" uuid NOT NULL, "klacht_id" uuid, "kenmerk" character(64) NOT NULL, "categorie" character varying(20) NOT NULL, "grondslag" character varying(200) NOT NULL, "bewaartermijn" character varying(10) NOT NULL, "afgesloten_op" date NOT NULL, "vernietigbaar_vanaf" date NOT NULL, "aantallen" jsonb NOT NULL, "status" character varying(20) NOT NULL, "reden" text, CONSTRAINT "PK_aa0e852d6f9e26ecb5680c45492" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_vernietigingslijst_regel_klacht" ON "vernietigingslijst_regel"  ("klacht_id") `);
    await queryRunner.query(
      `CREATE TABLE "bewaar_blokkade" ("klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "reden" text NOT NULL, "door" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7d50e3a358b03424f615207191c" PRIMARY KEY ("klacht_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "vernietigingslijst_regel" ADD CONSTRAINT "FK_ce0981c44813ab0c27f45ab6ead" FOREIGN KEY ("lijst_id") REFERENCES "vernietigingslijst"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bewaar_blokkade" ADD CONSTRAINT "FK_7d50e3a358b03424f615207191c" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bewaar_blokkade" DROP CONSTRAINT "FK_7d50e3a358b03424f615207191c"`);
    await queryRunner.query(`ALTER TABLE "vernietigingslijst_regel" DROP CONSTRAINT "FK_ce0981c44813ab0c27f45ab6ead"`);
    await queryRunner.query(`DROP TABLE "bewaar_blokkade"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_vernietigingslijst_regel_klacht"`);
    await queryRunner.query(`DROP TABLE "vernietigingslijst_regel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_vernietigingslijst_gemeente"`);
    await queryRunner.query(`DROP TABLE "vernietigingslijst"`);
  }
}
