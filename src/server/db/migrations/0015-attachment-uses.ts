/**
 * A photo is stored once by its content (SHA-256), and the same photo may belong to more than one
 * case, and be uploaded by more than one person: an inspector's picture used for two reports, the same
 * file sent by two phones. attachments keeps the photo, its first uploader and the first case that
 * claimed it; attachment_uses every case that uses it, and attachment_holders everyone who uploaded
 * it — who may see a photo, and give it to a case: its holders, and the readers of a case using it.
 * Backfilled from the first claims and uploaders.
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
  await db.schema
    .createTable('attachment_holders')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_holders_pk', ['town_id', 'sha256', 'holder'])
    .execute();
  await sql`INSERT INTO attachment_holders (town_id, sha256, holder, created_at) SELECT town_id, sha256, uploaded_by, created_at FROM attachments`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('attachment_holders').execute();
  await db.schema.dropTable('attachment_uses').execute();
}
