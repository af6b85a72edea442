import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seed definitions for Stichtse Vecht and Wijdemeren carried the wrong CBS gemeentecodes: GM0313
 * is Bunschoten and GM0352 Wijk bij Duurstede (CBS, Gemeentelijke indeling). The real codes are GM1904
 * and GM1696; the definition folders are now gm1904-stichtse-vecht and gm1696-wijdemeren.
 *
 * Only a deployment that ran those definitions is touched: rows move when a klacht or a published
 * version carries the old definition id, so a real Bunschoten or Wijk bij Duurstede tenant stays as it is.
 */
const HERNOEMD = [
  { oudeCode: 'GM0313', nieuweCode: 'GM1904', oudId: 'gm0313-stichtse-vecht', nieuwId: 'gm1904-stichtse-vecht' },
  { oudeCode: 'GM0352', nieuweCode: 'GM1696', oudId: 'gm0352-wijdemeren', nieuwId: 'gm1696-wijdemeren' },
];

export class EchteCbsCodes1795440000000 implements MigrationInterface {
  name = 'EchteCbsCodes1795440000000';

  public async up(q: QueryRunner): Promise<void> {
    await this.hernoem(q, (h) => h);
  }

  public async down(q: QueryRunner): Promise<void> {
    await this.hernoem(q, (h) => ({ oudeCode: h.nieuweCode, nieuweCode: h.oudeCode, oudId: h.nieuwId, nieuwId: h.oudId }));
  }

  private async hernoem(q: QueryRunner, richting: (h: (typeof HERNOEMD)[number]) => (typeof HERNOEMD)[number]): Promise<void> {
    const kolommen = (await q.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name IN ('gemeente', 'definitie_id')`,
    )) as Array<{ table_name: string; column_name: string }>;
    for (const h of HERNOEMD.map(richting)) {
      const inGebruik = (await q.query(
        `SELECT (EXISTS (SELECT 1 FROM "klacht" WHERE "definitie_id" = $1) OR EXISTS (SELECT 1 FROM "definitie_versie" WHERE "definitie_id" = $1)) AS ja`,
        [h.oudId],
      )) as Array<{ ja: boolean }>;
      if (!inGebruik[0]?.ja) continue;
      for (const k of kolommen) {
        const [oud, nieuw] = k.column_name === 'gemeente' ? [h.oudeCode, h.nieuweCode] : [h.oudId, h.nieuwId];
        await q.query(`UPDATE "${k.table_name}" SET "${k.column_name}" = $2 WHERE "${k.column_name}" = $1`, [oud, nieuw]);
      }
      // The intake in the persisted machine snapshot names the gemeente too.
      await q.query(
        `UPDATE "klacht" SET "snapshot" = jsonb_set("snapshot", '{context,intake,gemeente}', to_jsonb($2::text))
         WHERE "snapshot" #>> '{context,intake,gemeente}' = $1`,
        [h.oudeCode, h.nieuweCode],
      );
    }
  }
}
