import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every engine step rewrites its klacht row (its state changes, so the update cannot stay on the heap page alone) and
 * with it an entry in every index of the table: two of them served no query.
 * - `IDX_klacht_open` (open klachten per definition version and state, with `id`) was made for joins that
 *   `IDX_klacht_open_tijden` and the `state_sinds`/`eerste_vervalt_op` columns replaced: it has the same leading columns
 *   and the same condition, and no query reads `id` from it.
 * - `IDX_klacht_ontvangen_op` served only a list of klachten across gemeenten, which no caller asks (every request is
 *   scoped to a gemeente, docs/adr/0003-tenancy-webhooks-idempotency.md); `IDX_klacht_gemeente_ontvangen` serves
 *   those of one gemeente.
 * Checked with EXPLAIN on 200 000 klachten: every report, werkvoorraad and klachten-list query kept its plan, cost and
 * buffers (docs/architecture.md §9).
 */
export class KlachtIndexenOpgeruimd1795900600000 implements MigrationInterface {
  name = 'KlachtIndexenOpgeruimd1795900600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_ontvangen_op"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_klacht_ontvangen_op" ON "klacht" ("ontvangen_op")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_klacht_open" ON "klacht" ("gemeente", "definitie_id", "definitie_versie", "state", "id") WHERE NOT "done"`,
    );
  }
}
