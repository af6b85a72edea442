import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whose obligation a `contact` termijn row is (TermijnDefinitie.geldtVoor: the aanbieder's, Klachtenprotocol Wmo keten
 * Amsterdam §6, or the gemeente's under its own klachtenregeling), written by the engine from now on (TermijnView.voor).
 * Rows written before are given their party by the rule the reports read until now: a contact row is the gemeente's when a
 * step recorded in the same transaction (its `recorded_at` is the row's `created_at`) brought the klacht into the state
 * `gemeente`, where the gemeente's klachtbehandeling starts it; every other contact row is the aanbieder's, except a
 * running one of a klacht at the gemeente (below).
 */
export class TermijnVoor1796560000000 implements MigrationInterface {
  name = 'TermijnVoor1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "termijn" ADD "voor" character varying(20)`);
    await queryRunner.query(
      `UPDATE "termijn" t SET "voor" = CASE WHEN EXISTS (
         SELECT 1 FROM "klacht_gebeurtenis" cg WHERE cg.klacht_id = t.klacht_id AND cg.recorded_at = t.created_at
           AND (cg.naar_state = 'gemeente' OR cg.naar_state LIKE 'gemeente.%')) THEN 'gemeente' ELSE 'aanbieder' END
       WHERE t.naam = 'contact'`,
    );
    // A running contact row of a klacht at the gemeente is the gemeente's, wherever it began: the aanbieder's contact stops
    // when the klacht leaves the aanbieder, unless the gemeente's own contact started in the same step, which then took
    // over the aanbieder's row (the reconciliation matched by name only before this migration) with the gemeente's last day.
    await queryRunner.query(
      `UPDATE "termijn" t SET "voor" = 'gemeente' FROM "klacht" k
       WHERE k.id = t.klacht_id AND t.naam = 'contact' AND t.status = 'lopend' AND (k.state = 'gemeente' OR k.state LIKE 'gemeente.%')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "termijn" DROP COLUMN "voor"`);
  }
}
