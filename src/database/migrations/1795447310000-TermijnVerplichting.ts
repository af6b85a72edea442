import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of te laat (docs/te-laat.md, src/modules/termijnen/te-laat.ts): an open obligation
 * whose termijn has passed and that has not been met is late until it is met or the klacht ends.
 *
 * - `termijn.verplichting`: false for the windows that are nobody's obligation (Awb 9:24 lid 1 the
 *   klager's year for the ombudsman, Awb 9:8 lid 3 the option to decline, Wkkgz 22 the
 *   geschilleninstantie's term).
 * - `termijn.gesloten_op` / `gesloten_door`: when a passed obligation stopped being open (met late,
 *   started again, or the klacht ended) and by which event. A passed row without it is still late.
 * - `klacht.eerste_vervalt_op` now means: earliest vervalt_op of the open obligations (null when done).
 *
 * Backfill (the engine decides this per step from now on, by asking the regime; here only history is
 * left): a passed obligation ended by a handling event was met by it; one ended by TERMIJN_VERLOPEN is
 * closed by the first later accepted event that meets it in the compiled regimes as they are today
 * (the list below) or that moves the klacht to another phase (top-level state), else when the klacht ended.
 */
const GEEN_VERPLICHTING = ['tweedeLijnVerzoek', 'nietBehandelenKennisgeving', 'wkkgzGeschil'];

// Events that end each obligation within its phase in the compiled regimes (src/machines/compiler/blocks).
const NAKOMING: Record<string, string[]> = {
  afhandeling: ['AFDOENEN', 'NIET_BEHANDELEN', 'KLAGER_TEVREDEN', 'MEDIATION_GESLAAGD'],
  aanbiederAfhandeling: ['AFDOENEN', 'KLAGER_TEVREDEN'],
  contact: ['CONTACT_OPGENOMEN', 'AFDOENEN', 'KLAGER_TEVREDEN'],
  jeugdwetOordeel: ['OORDEEL_KLACHTENCOMMISSIE'],
  jeugdwetReactie: ['REACTIE_AANBIEDER'],
  wkkgzAfhandeling: ['AFDOENEN', 'KLAGER_TEVREDEN', 'GESCHIL_VOORGELEGD'],
  stoppenBesluit: ['BESLUIT_STOPPEN_MET_LEVEREN'],
};

export class TermijnVerplichting1795447310000 implements MigrationInterface {
  name = 'TermijnVerplichting1795447310000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "termijn" ADD "verplichting" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "termijn" ADD "gesloten_op" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "termijn" ADD "gesloten_door" character varying(100)`);
    await q.query(`UPDATE "termijn" SET "verplichting" = false WHERE "naam" = ANY($1::text[])`, [GEEN_VERPLICHTING]);

    // Met late by the event that ended it (a handling event after the last day).
    await q.query(
      `UPDATE "termijn" SET "gesloten_op" = "beeindigd_op", "gesloten_door" = "beeindigd_door"
       WHERE "status" = 'verlopen' AND "verplichting" AND "beeindigd_door" IS DISTINCT FROM 'TERMIJN_VERLOPEN'`,
    );
    // Passed by the wake-up: the first later event that met it or left its phase.
    await q.query(
      `UPDATE "termijn" t SET ("gesloten_op", "gesloten_door") = (
         SELECT g."at", g."type" FROM "klacht_gebeurtenis" g
         WHERE g."klacht_id" = t."klacht_id" AND g."accepted" AND g."at" >= coalesce(t."beeindigd_op", t."vervalt_op")
           AND NOT (g."type" = 'TERMIJN_VERLOPEN' AND g."payload" ->> 'termijn' = t."naam")
           AND (g."type" IN (SELECT jsonb_array_elements_text(coalesce($1::jsonb -> t."naam", '[]'::jsonb)))
                OR split_part(g."van_state", '.', 1) IS DISTINCT FROM split_part(g."naar_state", '.', 1))
         ORDER BY g."id" LIMIT 1)
       WHERE t."status" = 'verlopen' AND t."verplichting" AND t."gesloten_op" IS NULL`,
      [JSON.stringify(NAKOMING)],
    );
    // A klacht that ended closes what is still open (at the moment it reached its final state).
    await q.query(
      `UPDATE "termijn" t SET "gesloten_op" = k."state_sinds", "gesloten_door" = coalesce(
         (SELECT g."type" FROM "klacht_gebeurtenis" g WHERE g."klacht_id" = k."id" AND g."accepted" ORDER BY g."id" DESC LIMIT 1), 'KLACHT_BEEINDIGD')
       FROM "klacht" k WHERE k."id" = t."klacht_id" AND k."done" AND t."status" = 'verlopen' AND t."verplichting" AND t."gesloten_op" IS NULL`,
    );
    await q.query(
      `UPDATE "klacht" k SET "eerste_vervalt_op" = CASE WHEN k."done" THEN NULL ELSE (
         SELECT min(t."vervalt_op") FROM "termijn" t WHERE t."klacht_id" = k."id" AND t."verplichting"
           AND (t."status" = 'running' OR (t."status" = 'verlopen' AND t."gesloten_op" IS NULL))) END
       WHERE k."eerste_vervalt_op" IS DISTINCT FROM CASE WHEN k."done" THEN NULL ELSE (
         SELECT min(t."vervalt_op") FROM "termijn" t WHERE t."klacht_id" = k."id" AND t."verplichting"
           AND (t."status" = 'running' OR (t."status" = 'verlopen' AND t."gesloten_op" IS NULL))) END`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // Back to the earlier meaning: earliest running termijn.
    await q.query(
      `UPDATE "klacht" k SET "eerste_vervalt_op" = (SELECT min(t."vervalt_op") FROM "termijn" t WHERE t."klacht_id" = k."id" AND t."status" = 'running')`,
    );
    await q.query(`ALTER TABLE "termijn" DROP COLUMN "gesloten_door"`);
    await q.query(`ALTER TABLE "termijn" DROP COLUMN "gesloten_op"`);
    await q.query(`ALTER TABLE "termijn" DROP COLUMN "verplichting"`);
  }
}
