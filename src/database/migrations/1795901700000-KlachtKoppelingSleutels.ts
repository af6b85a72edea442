import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * klacht_koppeling refers to klacht by foreign keys, so no link points to a klacht that is gone (Archiefwet 1995: a
 * dossier is destroyed together). The sub-klacht's link is its own row and goes with it (ON DELETE CASCADE); a hoofdklacht
 * is not removed while a sub-klacht still links to it (ON DELETE RESTRICT): the destruction removes the ombudsman's
 * requests before the klacht they are about, so a request never outlives its hoofdklacht as if it were a klacht of its
 * own (the reports count it as one without its link). Links that already point to a removed klacht are removed first:
 * the constraint cannot be added over them, and the klacht they named is gone.
 */
export class KlachtKoppelingSleutels1795901700000 implements MigrationInterface {
  name = 'KlachtKoppelingSleutels1795901700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "klacht_koppeling" kk
       WHERE NOT EXISTS (SELECT 1 FROM "klacht" k WHERE k."id" = kk."klacht_id")
          OR NOT EXISTS (SELECT 1 FROM "klacht" k WHERE k."id" = kk."hoofd_klacht_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "klacht_koppeling" ADD CONSTRAINT "FK_13871341e77bc4fe6f8e0c9f08b" FOREIGN KEY ("klacht_id") REFERENCES "klacht"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "klacht_koppeling" ADD CONSTRAINT "FK_a8ccc3ac2b076b886a3a9165787" FOREIGN KEY ("hoofd_klacht_id") REFERENCES "klacht"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "klacht_koppeling" DROP CONSTRAINT "FK_a8ccc3ac2b076b886a3a9165787"`);
    await queryRunner.query(`ALTER TABLE "klacht_koppeling" DROP CONSTRAINT "FK_13871341e77bc4fe6f8e0c9f08b"`);
  }
}
