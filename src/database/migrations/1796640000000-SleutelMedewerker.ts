import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vier-ogenprincipe between people, not keys (Uitgangspunten klachtenmanagement Sociaal Domein §1D for publishing a
 * definition; Archiefwet 1995 art. 3 with the Selectielijst gemeenten 2020 for destruction): an API key names the
 * medewerker it was issued to, as that person's OIDC subject (`oidc:<sub>`, as medewerker.subject and the history's
 * actor), so one person's two keys, or a key and an OIDC login, are one person. Existing keys name nobody: they keep
 * working, but cannot set either signature of a vier-ogen decision until a key naming the person is issued.
 */
export class SleutelMedewerker1796640000000 implements MigrationInterface {
  name = 'SleutelMedewerker1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_sleutel" ADD "medewerker" character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_sleutel" DROP COLUMN "medewerker"`);
  }
}
