import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription for an aanbieder names the gemeente whose id space its aanbieder id belongs to (an id is chosen per
 * gemeente): after a herindeling Amsterdam's subscription for its own 'zorg-x' must not hear of Weesp's 'zorg-x' (Wet
 * arhi art. 40; AVG art. 5 lid 1 sub f). Null, as for every existing subscription, is the subscription's own gemeente.
 */
export class WebhookAbonnementAanbiederGemeente1795901900000 implements MigrationInterface {
  name = 'WebhookAbonnementAanbiederGemeente1795901900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_abonnement" ADD "aanbieder_gemeente" character varying(6)`);
    await queryRunner.query(
      `ALTER TABLE "webhook_abonnement" ADD CONSTRAINT "CHK_webhook_abonnement_aanbieder_gemeente" CHECK ("aanbieder_gemeente" IS NULL OR "aanbieder_id" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_abonnement" DROP CONSTRAINT "CHK_webhook_abonnement_aanbieder_gemeente"`);
    await queryRunner.query(`ALTER TABLE "webhook_abonnement" DROP COLUMN "aanbieder_gemeente"`);
  }
}
