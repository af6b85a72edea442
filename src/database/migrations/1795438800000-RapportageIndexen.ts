import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reports and the process-owner heatmap at 1 M klachten (issue 6, bench/reports.ts):
 * counts per state of a definition version (index-only scan), the open klachten (partial, with id so
 * the band and time-in-state joins need no heap access), and a period per gemeente.
 */
export class RapportageIndexen1795438800000 implements MigrationInterface {
  name = 'RapportageIndexen1795438800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_klacht_gemeente_ontvangen" ON "klacht"  ("gemeente", "ontvangen_op") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_klacht_open" ON "klacht"  ("gemeente", "definitie_id", "definitie_versie", "state", "id") WHERE NOT "done"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_klacht_definitie_state" ON "klacht"  ("gemeente", "definitie_id", "definitie_versie", "state") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_definitie_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_gemeente_ontvangen"`);
  }
}
