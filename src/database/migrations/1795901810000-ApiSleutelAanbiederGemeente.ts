import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An aanbieder key can name the gemeente whose id space its aanbieder id belongs to (an id is chosen per gemeente): after
 * a herindeling the successor issues keys for the dissolved gemeente's aanbieders (Wet arhi art. 40). Null, as for every
 * existing key, is the issuing gemeente; only the aanbieder role names one.
 */
export class ApiSleutelAanbiederGemeente1795901810000 implements MigrationInterface {
  name = 'ApiSleutelAanbiederGemeente1795901810000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_sleutel" ADD "aanbieder_gemeente" character varying(6)`);
    await queryRunner.query(
      `ALTER TABLE "api_sleutel" ADD CONSTRAINT "CHK_api_sleutel_aanbieder_gemeente" CHECK ("aanbieder_gemeente" IS NULL OR "rol" = 'aanbieder')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_sleutel" DROP CONSTRAINT "CHK_api_sleutel_aanbieder_gemeente"`);
    await queryRunner.query(`ALTER TABLE "api_sleutel" DROP COLUMN "aanbieder_gemeente"`);
  }
}
