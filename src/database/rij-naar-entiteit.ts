import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A row as PostgreSQL returns it (column names) to the entity TypeORM would have returned, through
 * TypeORM's own hydration per column (dates, jsonb), so callers see no difference.
 */
export function naarEntiteit<T extends ObjectLiteral>(ds: DataSource, doel: EntityTarget<T>, rij: Record<string, unknown>): T {
  const meta = ds.getMetadata(doel);
  const e = meta.create() as T;
  for (const c of meta.columns) {
    if (!(c.databaseName in rij)) continue;
    (e as Record<string, unknown>)[c.propertyName] = ds.driver.prepareHydratedValue(rij[c.databaseName], c);
  }
  return e;
}
