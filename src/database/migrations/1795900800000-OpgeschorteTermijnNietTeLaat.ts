import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A suspended termijn does not pass (docs/juridisch-kader.md §6): it is no open obligation while, of its opschortingen
 * and hervattingen, the last is an opschorting (src/modules/termijnen/te-laat.ts). Klachten that had one were written
 * with its old due moment as `eerste_vervalt_op`, and so counted te laat from that moment; this recomputes the column
 * for them by the rule as it is now. Written out here, not imported, so that this migration keeps doing what it did
 * when the rule moves on.
 */
export class OpgeschorteTermijnNietTeLaat1795900800000 implements MigrationInterface {
  name = 'OpgeschorteTermijnNietTeLaat1795900800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE klacht k SET eerste_vervalt_op = CASE WHEN k.done THEN NULL ELSE (
          SELECT min(ot.vervalt_op) FROM termijn ot
           WHERE ot.klacht_id = k.id AND ot.verplichting
             AND ((ot.status = 'lopend' AND NOT coalesce((SELECT m ->> 'soort' FROM jsonb_array_elements(ot.mutaties) WITH ORDINALITY e(m, n)
                                                         WHERE m ->> 'soort' IN ('opschorting', 'hervatting') ORDER BY n DESC LIMIT 1) = 'opschorting', false))
                  OR (ot.status = 'verlopen' AND ot.gesloten_op IS NULL))) END
       WHERE EXISTS (SELECT 1 FROM termijn t
                      WHERE t.klacht_id = k.id AND t.status = 'lopend' AND t.mutaties @> '[{"soort":"opschorting"}]')`);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the column is derived, and the engine writes it by the rule in force at every step.
  }
}
