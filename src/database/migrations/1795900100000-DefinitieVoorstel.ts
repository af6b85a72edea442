import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 4-ogen publishing (Uitgangspunten klachtenmanagement Sociaal Domein §1D, the vier-ogenprincipe): a version is first
 * proposed (definitie_voorstel), and becomes a definitie_versie only when another beleidsmedewerker approves it. Every
 * step is a row in definitie_voorstel_stap (who, when, why); rows there are never changed or removed.
 */
export class DefinitieVoorstel1795900100000 implements MigrationInterface {
  name = 'DefinitieVoorstel1795900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "definitie_voorstel" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "definitie_id" character varying(100) NOT NULL, "versie" character varying(40) NOT NULL, "gemeente" character varying(6) NOT NULL, "geldig_vanaf" date NOT NULL, "yaml" text NOT NULL, "status" character varying(20) NOT NULL, "voorgesteld_door" character varying(300) NOT NULL, "voorgesteld_op" TIMESTAMP WITH TIME ZONE NOT NULL, "beoordeeld_door" character varying(300), "beoordeeld_op" TIMESTAMP WITH TIME ZONE, "reden" text, CONSTRAINT "CHK_definitie_voorstel_status" CHECK ("status" IN ('voorgesteld', 'goedgekeurd', 'afgewezen')), CONSTRAINT "PK_definitie_voorstel" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "IDX_definitie_voorstel_gemeente" ON "definitie_voorstel"  ("gemeente", "definitie_id") ');
    // One open proposal per version: a second one for the same version waits until the first is decided.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_definitie_voorstel_open" ON "definitie_voorstel"  ("definitie_id", "versie") WHERE "status" = 'voorgesteld'`,
    );
    await queryRunner.query(
      `CREATE TABLE "definitie_voorstel_stap" ("id" BIGSERIAL NOT NULL, "voorstel_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "definitie_id" character varying(100) NOT NULL, "versie" character varying(40) NOT NULL, "stap" character varying(20) NOT NULL, "door" character varying(300) NOT NULL, "door_naam" character varying(300) NOT NULL, "op" TIMESTAMP WITH TIME ZONE NOT NULL, "reden" text, CONSTRAINT "CHK_definitie_voorstel_stap" CHECK ("stap" IN ('voorgesteld', 'goedgekeurd', 'afgewezen')), CONSTRAINT "PK_definitie_voorstel_stap" PRIMARY KEY ("id"), CONSTRAINT "FK_definitie_voorstel_stap_voorstel" FOREIGN KEY ("voorstel_id") REFERENCES "definitie_voorstel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_definitie_voorstel_stap_definitie" ON "definitie_voorstel_stap"  ("gemeente", "definitie_id", "id") ',
    );
    await queryRunner.query('ALTER TABLE "definitie_versie" ADD "voorstel_id" uuid');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "definitie_versie" DROP COLUMN "voorstel_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_definitie_voorstel_stap_definitie"');
    await queryRunner.query('DROP TABLE "definitie_voorstel_stap"');
    await queryRunner.query('DROP INDEX "public"."UQ_definitie_voorstel_open"');
    await queryRunner.query('DROP INDEX "public"."IDX_definitie_voorstel_gemeente"');
    await queryRunner.query('DROP TABLE "definitie_voorstel"');
  }
}
