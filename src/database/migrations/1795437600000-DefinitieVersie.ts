import { MigrationInterface, QueryRunner } from 'typeorm';

export class DefinitieVersie1795437600000 implements MigrationInterface {
  name = 'DefinitieVersie1795437600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(
      'CREATE TABLE "definitie_versie" ("id" BIGSERIAL NOT NULL, "definitie_id" character varying(100) NOT NULL, "versie" character varying(40) NOT NULL, "gemeente" character varying(6) NOT NULL, "geldig_vanaf" date NOT NULL, "yaml" text NOT NULL, "gepubliceerd_door" character varying(300) NOT NULL, "gepubliceerd_op" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_916c162ef960066c4759764af3c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_definitie_versie_gemeente" ON "definitie_versie"  ("gemeente") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_definitie_versie" ON "definitie_versie"  ("definitie_id", "versie") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_definitie_versie"');
    await queryRunner.query('DROP INDEX "public"."IDX_definitie_versie_gemeente"');
    await queryRunner.query('DROP TABLE "definitie_versie"');
  }
}
