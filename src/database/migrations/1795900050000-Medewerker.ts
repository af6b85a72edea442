import { MigrationInterface, QueryRunner } from 'typeorm';

/** The name of an OIDC user, for readable timelines (src/modules/auth/medewerker.entity.ts). */
export class Medewerker1795900050000 implements MigrationInterface {
  name = 'Medewerker1795900050000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "medewerker" ("subject" character varying(300) NOT NULL, "naam" character varying(200) NOT NULL, "gemeente" character varying(6) NOT NULL, "bijgewerkt_op" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_medewerker" PRIMARY KEY ("subject"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "medewerker"`);
  }
}
