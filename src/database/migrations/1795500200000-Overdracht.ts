import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-over at contract end: the overdracht with its manifest hash, and the klachten the aanbieder no longer reaches. */
export class Overdracht1795500200000 implements MigrationInterface {
  name = 'Overdracht1795500200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "aanbieder_overdracht" ("id" uuid NOT NULL, "gemeente" character varying(6) NOT NULL, "aanbieder_id" character varying(100) NOT NULL, "contract_einde" date NOT NULL, "uiterlijk_op" date NOT NULL, "klachten" integer NOT NULL, "manifest_sha256" character(64) NOT NULL, "door" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d537e83da5368e94ae92919110d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aanbieder_overdracht_aanbieder" ON "aanbieder_overdracht"  ("gemeente", "aanbieder_id") `);
    await queryRunner.query(
      `CREATE TABLE "overgedragen_klacht" ("klacht_id" uuid NOT NULL, "aanbieder_id" character varying(100) NOT NULL, "overdracht_id" uuid NOT NULL, CONSTRAINT "PK_82627d1063877da533a8a6f8ccf" PRIMARY KEY ("klacht_id", "aanbieder_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "overgedragen_klacht" ADD CONSTRAINT "FK_f07dad626f2906653816a5e70d2" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "overgedragen_klacht" DROP CONSTRAINT "FK_f07dad626f2906653816a5e70d2"`);
    await queryRunner.query(`DROP TABLE "overgedragen_klacht"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aanbieder_overdracht_aanbieder"`);
    await queryRunner.query(`DROP TABLE "aanbieder_overdracht"`);
  }
}
