/**
 * The town's profile document as last loaded (ADR 0006): the whole validated profile as JSON with its
 * content hash, one row per load that changed it. The newest row is what administrators edit in the
 * console and what `cityops profile load` replaces; the entity tables are derived from it.
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('town_profiles')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('document', t.json, (c) => c.notNull())
    .addColumn('loaded_at', t.instant, (c) => c.notNull())
    .addColumn('loaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('town_profiles_latest').on('town_profiles').columns(['town_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('town_profiles').execute();
}
