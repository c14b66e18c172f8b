/**
 * A photo is stored once by its content (SHA-256), and the same photo may belong to more than one
 * case: an inspector's picture used for two reports, a feedback photo attached again. attachments
 * keeps the photo and the first case that claimed it; attachment_uses every case that uses it, so
 * whoever may read any of those cases may see the photo. Backfilled from the first claims.
 */
import { sql } from 'kysely';
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('attachment_uses')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_uses_pk', ['town_id', 'sha256', 'case_id'])
    .execute();
  await sql`INSERT INTO attachment_uses (town_id, sha256, case_id, created_at) SELECT town_id, sha256, case_id, created_at FROM attachments WHERE case_id IS NOT NULL`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('attachment_uses').execute();
}
