import { MigrationInterface, QueryRunner } from 'typeorm';

/** Klachten as durable cases: klacht, klacht_gebeurtenis (append-only history), termijn (wake-ups are rebuilt from it), outbox. */
export class KlachtenEngine1763890000000 implements MigrationInterface {
  name = 'KlachtenEngine1763890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "klacht" ("id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "definitie_id" character varying(100) NOT NULL, "definitie_versie" character varying(40) NOT NULL, "snapshot" jsonb NOT NULL, "state" character varying(200) NOT NULL, "done" boolean NOT NULL DEFAULT false, "volgende_events" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL, "soort" character varying(30) NOT NULL, "kanaal" character varying(30) NOT NULL, "ontvangen_op" TIMESTAMP WITH TIME ZONE NOT NULL, "ingediend_bij" character varying(30) NOT NULL, "onderwerp" text, "aanbieders" jsonb NOT NULL DEFAULT '[]', "categorie" character varying(100), "oorzaak" character varying(100), "afdoening" character varying(100), "oordeel" character varying(100), "tevredenheid" character varying(100), "maatregelen" jsonb NOT NULL DEFAULT '[]', "feiten" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef9f438e4594703be15d4b43ee7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_klacht_aanbieders" ON "klacht" USING gin ("aanbieders")`);
    await queryRunner.query(`CREATE INDEX "IDX_klacht_ontvangen_op" ON "klacht"  ("ontvangen_op")`);
    await queryRunner.query(`CREATE INDEX "IDX_klacht_gemeente_state" ON "klacht"  ("gemeente", "state")`);
    await queryRunner.query(
      `CREATE TABLE "klacht_gebeurtenis" ("id" BIGSERIAL NOT NULL, "klacht_id" uuid NOT NULL, "type" character varying(100) NOT NULL, "van_state" character varying(200), "naar_state" character varying(200) NOT NULL, "actor" character varying(200) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "correlation_id" character varying(200), "payload" jsonb NOT NULL DEFAULT '{}', "accepted" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_4e2762821f1dac51dbe9ebb2e52" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_klacht_gebeurtenis_klacht" ON "klacht_gebeurtenis"  ("klacht_id", "id")`);
    await queryRunner.query(
      `CREATE TABLE "termijn" ("id" uuid NOT NULL, "klacht_id" uuid NOT NULL, "naam" character varying(100) NOT NULL, "label" character varying(200) NOT NULL, "vervaldatum" date NOT NULL, "vervalt_op" TIMESTAMP WITH TIME ZONE NOT NULL, "uitleg" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'running', "revision" integer NOT NULL DEFAULT '1', "herinneringen" jsonb NOT NULL DEFAULT '[]', "volgende_herinnering_op" TIMESTAMP WITH TIME ZONE, "escalatie_naar" character varying(100), "grondslag" character varying(200), "mutaties" jsonb NOT NULL DEFAULT '[]', "verval_gemeld_op" TIMESTAMP WITH TIME ZONE, "beeindigd_op" TIMESTAMP WITH TIME ZONE, "beeindigd_door" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfa75490beecc1deae3aba0ffce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_herinnering_due" ON "termijn"  ("volgende_herinnering_op") WHERE "status" = 'running'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_termijn_verval_due" ON "termijn"  ("vervalt_op") WHERE "status" = 'running' AND "verval_gemeld_op" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_termijn_klacht" ON "termijn"  ("klacht_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_termijn_running" ON "termijn"  ("klacht_id", "naam") WHERE "status" = 'running'`);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "klacht_id" uuid, "type" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_outbox_klacht" ON "outbox"  ("klacht_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_unprocessed" ON "outbox"  ("id") WHERE "processed_at" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "klacht_gebeurtenis" ADD CONSTRAINT "FK_c3d62b3239c18d9e4da671802d9" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "termijn" ADD CONSTRAINT "FK_14d320eb2be055cabf591714c3c" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "termijn" DROP CONSTRAINT "FK_14d320eb2be055cabf591714c3c"`);
    await queryRunner.query(`ALTER TABLE "klacht_gebeurtenis" DROP CONSTRAINT "FK_c3d62b3239c18d9e4da671802d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_unprocessed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_klacht"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_termijn_running"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_klacht"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_verval_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_termijn_herinnering_due"`);
    await queryRunner.query(`DROP TABLE "termijn"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_gebeurtenis_klacht"`);
    await queryRunner.query(`DROP TABLE "klacht_gebeurtenis"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_gemeente_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_ontvangen_op"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_aanbieders"`);
    await queryRunner.query(`DROP TABLE "klacht"`);
  }
}
