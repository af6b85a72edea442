import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports (issue 6): generated reports, aanbieder submissions and the report schedule. */
export class Rapportages1795435747323 implements MigrationInterface {
  name = 'Rapportages1795435747323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);
    await queryRunner.query(
      `CREATE TABLE "rapportage" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "gemeente" character varying(6) NOT NULL, "definitie_id" character varying(100) NOT NULL, "soort" character varying(30) NOT NULL, "aanbieder_id" character varying(100) NOT NULL, "periode_van" date NOT NULL, "periode_tot" date NOT NULL, "deadline" date NOT NULL, "label" character varying(200) NOT NULL, "inhoud" jsonb NOT NULL, "gegenereerd_op" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df336fda2dddf6377f74a670778" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rapportage_moment" ON "rapportage"  ("gemeente", "soort", "deadline", "aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanbieder_rapportage" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "gemeente" character varying(6) NOT NULL, "aanbieder_id" character varying(100) NOT NULL, "deadline" date NOT NULL, "ingediend_door" character varying(200) NOT NULL, "inhoud" jsonb NOT NULL DEFAULT '{}', "ingediend_op" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_89c0456dd0a52847a12bbb9425c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_aanbieder_rapportage" ON "aanbieder_rapportage"  ("gemeente", "aanbieder_id", "deadline") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rapportage_moment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "gemeente" character varying(6) NOT NULL, "definitie_id" character varying(100) NOT NULL, "definitie_versie" character varying(40) NOT NULL, "soort" character varying(30) NOT NULL, "cadans" character varying(20) NOT NULL, "periode_van" date NOT NULL, "periode_tot" date NOT NULL, "deadline" date NOT NULL, "herinnering" date, "naar" character varying(100) NOT NULL, "label" character varying(200) NOT NULL, "herinnering_verzonden_op" TIMESTAMP WITH TIME ZONE, "verwerkt_op" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4685d3f4c749ecf7dbaf6974683" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_rapportage_moment_open" ON "rapportage_moment"  ("deadline") WHERE "verwerkt_op" IS NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rapportage_moment_deadline" ON "rapportage_moment"  ("gemeente", "soort", "deadline") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_rapportage_moment_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_rapportage_moment_open"`);
    await queryRunner.query(`DROP TABLE "rapportage_moment"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_aanbieder_rapportage"`);
    await queryRunner.query(`DROP TABLE "aanbieder_rapportage"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rapportage_moment"`);
    await queryRunner.query(`DROP TABLE "rapportage"`);
  }
}
