import { MigrationInterface, QueryRunner } from 'typeorm';

export class ZgwZaak1795600000000 implements MigrationInterface {
  name = 'ZgwZaak1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "zgw_zaak" ("klacht_id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "zaak_url" character varying(1000), "status" character varying(20) NOT NULL DEFAULT 'wachtend', "generatie" integer NOT NULL DEFAULT '1', "afgeleverd_generatie" integer NOT NULL DEFAULT '0', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "afgeleverd_op" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_zgw_zaak" PRIMARY KEY ("klacht_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_zgw_zaak_gemeente_status" ON "zgw_zaak" ("gemeente", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_zgw_zaak_wachtend" ON "zgw_zaak" ("next_attempt_at") WHERE "status" = 'wachtend'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_zgw_zaak_wachtend"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_zgw_zaak_gemeente_status"`);
    await queryRunner.query(`DROP TABLE "zgw_zaak"`);
  }
}
