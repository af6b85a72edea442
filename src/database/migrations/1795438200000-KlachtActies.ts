import { MigrationInterface, QueryRunner } from 'typeorm';

export class KlachtActies1795438200000 implements MigrationInterface {
  name = 'KlachtActies1795438200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(
      'CREATE TABLE "terugkoppeling" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "aanbieder_id" character varying(100), "soort" character varying(30) NOT NULL, "data" jsonb NOT NULL DEFAULT \'{}\', "gebeurtenis" character varying(100), "opmerking" text, "door" character varying(300) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_71f9bb150a69003f483c2cb49f4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_terugkoppeling_klacht" ON "terugkoppeling"  ("klacht_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "klacht_koppeling" ("klacht_id" uuid NOT NULL, "hoofd_klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "soort" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13871341e77bc4fe6f8e0c9f08b" PRIMARY KEY ("klacht_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_klacht_koppeling_hoofd" ON "klacht_koppeling"  ("hoofd_klacht_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_klacht_koppeling_hoofd"');
    await queryRunner.query('DROP TABLE "klacht_koppeling"');
    await queryRunner.query('DROP INDEX "public"."IDX_terugkoppeling_klacht"');
    await queryRunner.query('DROP TABLE "terugkoppeling"');
  }
}
