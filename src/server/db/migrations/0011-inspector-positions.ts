/**
 * The inspectors' GPS feed from the phone app (issue #5).
 *
 * inspector_positions: the latest position of each inspector account, one row per (town, user),
 * replaced only by a later device time — the screen's map reads it with one indexed scan.
 *
 * inspector_position_track: every accepted point of the last 24 hours (the hourly housekeeping
 * purges older ones). The primary key (town, user, recorded_at) makes a resent batch harmless:
 * the same user and the same device time is the same point, stored once.
 *
 * Coordinates are WGS84 (converted from GCJ-02/BD-09 at the door, like intake); accuracy is the
 * phone's radius in metres when it gave one; recorded_at is the device's time of the fix,
 * received_at the server's time of the request that brought it.
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('inspector_positions')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('lng', t.real, (c) => c.notNull())
    .addColumn('lat', t.real, (c) => c.notNull())
    .addColumn('accuracy_m', t.real)
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_positions_pk', ['town_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('inspector_position_track')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('lng', t.real, (c) => c.notNull())
    .addColumn('lat', t.real, (c) => c.notNull())
    .addColumn('accuracy_m', t.real)
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_position_track_pk', ['town_id', 'user_id', 'recorded_at'])
    .execute();
  // the housekeeping purge: everything recorded before a cutoff, every town at once
  await db.schema.createIndex('inspector_position_track_recorded').on('inspector_position_track').column('recorded_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('inspector_position_track').execute();
  await db.schema.dropTable('inspector_positions').execute();
}
