import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1795436400000 implements MigrationInterface {
  name = 'Webhooks1795436400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(
      'CREATE TABLE "webhook_abonnement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "gemeente" character varying(6) NOT NULL, "url" character varying(2000) NOT NULL, "secret" character varying(200) NOT NULL, "typen" jsonb NOT NULL DEFAULT \'[]\', "aanbieder_id" character varying(100), "omschrijving" character varying(200), "actief" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4280151d70b332820e593f62b64" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_abonnement_gemeente" ON "webhook_abonnement"  ("gemeente") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_aflevering" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "abonnement_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(200) NOT NULL, "klacht_id" uuid, "sequence" bigint NOT NULL, "cloud_event" jsonb NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'wachtend\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_status" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3d9cdadaab614f0b0203566bc7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_aflevering_gemeente" ON "webhook_aflevering"  ("gemeente", "created_at") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_aflevering_wachtend" ON "webhook_aflevering"  ("abonnement_id", "klacht_id", "sequence") WHERE "status" = \'wachtend\'',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_webhook_aflevering_event" ON "webhook_aflevering"  ("abonnement_id", "event_id") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_uitgifte" ("outbox_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab33580ea0e46b302d0f896ede0" PRIMARY KEY ("outbox_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "webhook_uitgifte"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_aflevering_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_aflevering_wachtend"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_aflevering_gemeente"');
    await queryRunner.query('DROP TABLE "webhook_aflevering"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_abonnement_gemeente"');
    await queryRunner.query('DROP TABLE "webhook_abonnement"');
  }
}
