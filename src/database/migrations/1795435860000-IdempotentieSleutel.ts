import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotentieSleutel1795435860000 implements MigrationInterface {
  name = 'IdempotentieSleutel1795435860000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(
      'CREATE TABLE "idempotentie_sleutel" ("gemeente" character varying(6) NOT NULL, "sleutel" character varying(255) NOT NULL, "route" character varying(300) NOT NULL, "request_hash" character(64) NOT NULL, "status" character varying(10) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7c3250fb8e6486a4ffce2b7760a" PRIMARY KEY ("gemeente", "sleutel"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_idempotentie_sleutel_created" ON "idempotentie_sleutel"  ("created_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_idempotentie_sleutel_created"');
    await queryRunner.query('DROP TABLE "idempotentie_sleutel"');
  }
}
