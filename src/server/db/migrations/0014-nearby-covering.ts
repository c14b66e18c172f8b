/**
 * Possible duplicates (same category within 50 m within 7 days) are looked up at every intake. The
 * old index held (category, lng), so each case in the category's 100 m strip of longitude — over
 * the whole town's north–south extent and all its years — was read from the table to test its
 * latitude and date. With latitude and report time in the index, only the cases in the box and
 * the window are read.
 */
import type { AnyDb } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('cases_nearby_box').on('cases').columns(['town_id', 'category_code', 'lng', 'lat', 'reported_at']).execute();
  await db.schema.dropIndex('cases_nearby').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.createIndex('cases_nearby').on('cases').columns(['town_id', 'category_code', 'lng']).execute();
  await db.schema.dropIndex('cases_nearby_box').execute();
}
