import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The validation's warnings of a proposed version, kept with the proposal: the second beleidsmedewerker who approves
 * it (4-ogen) sees what the author was warned about, without validating the text again.
 */
export class VoorstelWaarschuwingen1795900500000 implements MigrationInterface {
  name = 'VoorstelWaarschuwingen1795900500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "definitie_voorstel" ADD "waarschuwingen" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "definitie_voorstel" DROP COLUMN "waarschuwingen"`);
  }
}
