import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthSleutelsEnInzage1795435800000 implements MigrationInterface {
  name = 'AuthSleutelsEnInzage1795435800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(
      'CREATE TABLE "api_sleutel" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "gemeente" character varying(6) NOT NULL, "rol" character varying(40) NOT NULL, "aanbieder_id" character varying(100), "naam" character varying(200) NOT NULL, "prefix" character varying(16) NOT NULL, "hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_35231dfec547d2f9833765dcdad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_api_sleutel_gemeente" ON "api_sleutel"  ("gemeente") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_api_sleutel_prefix" ON "api_sleutel"  ("prefix") ');
    await queryRunner.query(
      'CREATE TABLE "dossier_inzage" ("id" BIGSERIAL NOT NULL, "gemeente" character varying(6) NOT NULL, "klacht_id" uuid NOT NULL, "wie" character varying(300) NOT NULL, "rol" character varying(40) NOT NULL, "aanbieder_id" character varying(100), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac571ef4d71c7b4a37def0a7654" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_dossier_inzage_gemeente_at" ON "dossier_inzage"  ("gemeente", "at") ');
    await queryRunner.query('CREATE INDEX "IDX_dossier_inzage_klacht" ON "dossier_inzage"  ("klacht_id", "at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_dossier_inzage_klacht"');
    await queryRunner.query('DROP INDEX "public"."IDX_dossier_inzage_gemeente_at"');
    await queryRunner.query('DROP TABLE "dossier_inzage"');
    await queryRunner.query('DROP INDEX "public"."UQ_api_sleutel_prefix"');
    await queryRunner.query('DROP INDEX "public"."IDX_api_sleutel_gemeente"');
    await queryRunner.query('DROP TABLE "api_sleutel"');
  }
}
