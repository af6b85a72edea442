import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `klacht.registratie_tot`: the latest moment (`at`) of a registration change the behandelaar recorded on its own
 * (REGISTRATIE_GEWIJZIGD, PATCH /klachten/{id}/registratie), which need not follow the machine's acts in time. A
 * klacht's registration is the last value each field got by the moment of the act (rapportage.repository.ts
 * registratieSql, the one rule the stored reports read): an act registered later with an earlier `at` must not
 * overwrite what a later-dated change set (Uitgangspunten klachtenmanagement Sociaal Domein art. 11.1; Klachtenprotocol
 * Wmo keten Amsterdam §5A, §6). The engine compares an act's moment with this column, read with the klacht, and only then
 * asks the history which fields to keep. Backfilled from the history.
 */
export class KlachtRegistratieTot1796001000000 implements MigrationInterface {
  name = 'KlachtRegistratieTot1796001000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "klacht" ADD "registratie_tot" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "klacht" k SET "registratie_tot" = g."tot"
         FROM (SELECT "klacht_id", max("at") AS "tot" FROM "klacht_gebeurtenis"
               WHERE "type" = 'REGISTRATIE_GEWIJZIGD' AND "accepted" GROUP BY "klacht_id") g
        WHERE g."klacht_id" = k."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "klacht" DROP COLUMN "registratie_tot"`);
  }
}
