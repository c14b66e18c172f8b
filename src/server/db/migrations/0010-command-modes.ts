/**
 * The town's command modes (MISSION R9) and its device registry (cameras and sensors, devices.yaml).
 *
 * command_modes: one row per period in a mode other than daily (日常 is what holds when no period
 * is open). A period ends when it is stood down or replaced by the next one (a level raised, a mode
 * changed). `open_slot` is 1 while the period is open and NULL once it has ended: a unique index on
 * (town_id, open_slot) keeps at most one open period per town on both dialects (NULLs never collide).
 *
 * devices: a profile entity table like the others (town_id, code, active, updated_at; synchronised on
 * every profile load with history). The code is the device id its alarms carry (cameraId/deviceId).
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('command_modes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    // joint | authorised | emergency
    .addColumn('mode', 'text', (c) => c.notNull())
    // emergency only: flood_typhoon | sudden_event
    .addColumn('emergency_kind', 'text')
    // IV | III | II | I (blue, yellow, orange, red)
    .addColumn('response_level', 'text')
    // personnel codes of the profile, with the names as they were when named
    .addColumn('commander_code', 'text')
    .addColumn('commander_name', 'text')
    .addColumn('deputy_code', 'text')
    .addColumn('deputy_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_by_name', 'text', (c) => c.notNull())
    .addColumn('ended_at', t.instant)
    .addColumn('ended_by', 'text')
    .addColumn('ended_by_name', 'text')
    // stood_down | replaced
    .addColumn('end_kind', 'text')
    .addColumn('end_note', 'text')
    .addColumn('open_slot', 'integer')
    .execute();
  await db.schema.createIndex('command_modes_open').on('command_modes').columns(['town_id', 'open_slot']).unique().execute();
  await db.schema.createIndex('command_modes_started').on('command_modes').columns(['town_id', 'started_at']).execute();

  await db.schema
    .createTable('devices')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('active', t.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lng', t.real, (c) => c.notNull())
    .addColumn('lat', t.real, (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('metrics', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('devices_pk', ['town_id', 'code'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('devices').execute();
  await db.schema.dropTable('command_modes').execute();
}
