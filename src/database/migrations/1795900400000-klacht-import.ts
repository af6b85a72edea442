import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk import of historic klachten (docs/import.md): the import and its lines, so an import that
 * stopped (crash, kill) continues from PostgreSQL and every line is processed once.
 */
export class KlachtImport1795900400000 implements MigrationInterface {
  name = 'KlachtImport1795900400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "klacht_import_regel" ("import_id" uuid NOT NULL, "regel" integer NOT NULL, "inhoud" text, "status" character varying(15) NOT NULL, "extern" character varying(200), "klacht_id" uuid, "fouten" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_8e60fee6abd0c8662f3db522af0" PRIMARY KEY ("import_id", "regel"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_klacht_import_regel_open" ON "klacht_import_regel"  ("import_id", "regel") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "klacht_import" ("id" uuid NOT NULL, "scope" character varying(6) NOT NULL, "naam" character varying(200) NOT NULL, "bron_hash" character(64) NOT NULL, "status" character varying(10) NOT NULL, "totaal" integer NOT NULL, "actor" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "voltooid_op" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7f09a8bbb180bd26c7f9e6a0abf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_klacht_import_bron" ON "klacht_import"  ("scope", "bron_hash") `);
    // Every termijn wake-up asks whether its klacht is being imported (src/modules/import/import-bezig.ts).
    await queryRunner.query(
      `CREATE INDEX "IDX_idempotentie_sleutel_import_bezig" ON "idempotentie_sleutel" ((resultaat->>'klachtId')) WHERE route = 'import-bezig'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotentie_sleutel_import_bezig"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_klacht_import_bron"`);
    await queryRunner.query(`DROP TABLE "klacht_import"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_klacht_import_regel_open"`);
    await queryRunner.query(`DROP TABLE "klacht_import_regel"`);
  }
}
