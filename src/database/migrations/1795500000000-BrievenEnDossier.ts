import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters (brief) and dossier documents (dossier_document, content in dossier_inhoud when DOSSIER_OPSLAG=postgres); both go with their klacht (ON DELETE CASCADE) on destruction or hand-over. */
export class BrievenEnDossier1795500000000 implements MigrationInterface {
  name = 'BrievenEnDossier1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "brief" ("id" uuid NOT NULL, "klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "outbox_id" bigint NOT NULL, "soort" character varying(30) NOT NULL, "intent" character varying(100) NOT NULL, "aan" character varying(100) NOT NULL, "grondslag" character varying(200), "datum" date NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "sjabloon" character varying(300), "status" character varying(20) NOT NULL, "reden" text, "ontbrekend" jsonb NOT NULL DEFAULT '[]', "gemaakt_op" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_127657d07cd4734cff26bad2f02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_brief_klacht" ON "brief"  ("klacht_id", "at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_brief_outbox" ON "brief"  ("outbox_id") `);
    await queryRunner.query(
      `CREATE TABLE "dossier_document" ("id" uuid NOT NULL, "klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "soort" character varying(30) NOT NULL, "titel" character varying(200) NOT NULL, "media_type" character varying(100) NOT NULL, "grootte" integer NOT NULL, "sha256" character(64) NOT NULL, "opslag" character varying(10) NOT NULL, "opslag_sleutel" character varying(120) NOT NULL, "brief_id" uuid, "door" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f2780d3220d9b1faa833cb6386c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dossier_document_klacht" ON "dossier_document"  ("klacht_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "dossier_inhoud" ("sleutel" character varying(120) NOT NULL, "inhoud" bytea NOT NULL, CONSTRAINT "PK_7377b34864e01ea3a1674c4d5e7" PRIMARY KEY ("sleutel"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "brief" ADD CONSTRAINT "FK_95fe664848745f85ca0582273d7" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_document" ADD CONSTRAINT "FK_369bf09ff59bb1908d05a082b26" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossier_document" DROP CONSTRAINT "FK_369bf09ff59bb1908d05a082b26"`);
    await queryRunner.query(`ALTER TABLE "brief" DROP CONSTRAINT "FK_95fe664848745f85ca0582273d7"`);
    await queryRunner.query(`DROP TABLE "dossier_inhoud"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dossier_document_klacht"`);
    await queryRunner.query(`DROP TABLE "dossier_document"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_brief_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_brief_klacht"`);
    await queryRunner.query(`DROP TABLE "brief"`);
  }
}
