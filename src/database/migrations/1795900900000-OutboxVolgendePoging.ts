import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row whose handler failed waits before it is tried again (`volgende_poging_op`, doubling per attempt up to
 * an hour). Before, the next drain claimed it again at once, in id order: a hundred rows failing at the head of the
 * outbox (a webhook register down, a broken letter template) were claimed by every drain, so the rows behind them were
 * never handled, and the relay's loop drained again as long as it claimed a full batch.
 */
export class OutboxVolgendePoging1795900900000 implements MigrationInterface {
  name = 'OutboxVolgendePoging1795900900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "volgende_poging_op" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "volgende_poging_op"`);
  }
}
