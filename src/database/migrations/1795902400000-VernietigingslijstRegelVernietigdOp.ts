import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proces-verbaal (the verklaring van vernietiging, Archiefbesluit 1995 art. 8) names, per klacht, the moment it was
 * actually destroyed: a klacht postponed at approval is destroyed by a later daily run, so the list's uitgevoerd_op is
 * not that moment. Null for a row not destroyed, and for rows destroyed before this
 * column existed (their moment was not recorded; the list's uitgevoerd_op is the nearest known).
 */
export class VernietigingslijstRegelVernietigdOp1795902400000 implements MigrationInterface {
  name = 'VernietigingslijstRegelVernietigdOp1795902400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vernietigingslijst_regel" ADD "vernietigd_op" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vernietigingslijst_regel" DROP COLUMN "vernietigd_op"`);
  }
}
