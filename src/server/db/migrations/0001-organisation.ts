/** The town's organisation, loaded from its profile (MISSION R1). Every table carries town_id (DESIGN D7). */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('towns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('district_name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('center_lng', t.real, (c) => c.notNull())
    .addColumn('center_lat', t.real, (c) => c.notNull())
    .addColumn('boundary', t.json, (c) => c.notNull())
    .addColumn('rules', t.json, (c) => c.notNull())
    .addColumn('profile_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  // The entity tables share one shape: (town_id, code) key, an active flag (entities that leave the
  // profile are deactivated, never deleted: cases keep pointing at them) and updated_at.
  const entity = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('active', t.flag, (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['town_id', 'code']);

  await entity('center_groups').addColumn('name', 'text', (c) => c.notNull()).addColumn('duties', 'text').execute();
  await entity('stations')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('committee_code', 'text')
    .addColumn('temporary', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('takes_over_grids', t.json, (c) => c.notNull())
    .addColumn('area', t.json)
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .execute();
  await entity('grids')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('geometry', t.json, (c) => c.notNull())
    .addColumn('min_lng', t.real, (c) => c.notNull())
    .addColumn('min_lat', t.real, (c) => c.notNull())
    .addColumn('max_lng', t.real, (c) => c.notNull())
    .addColumn('max_lat', t.real, (c) => c.notNull())
    .execute();
  await entity('departments')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text')
    .addColumn('joint_seat', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('fallback', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'text')
    .addColumn('tasks', t.json, (c) => c.notNull())
    .addColumn('liaison_stations', t.json, (c) => c.notNull())
    .execute();
  await entity('categories')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('major_code', 'text', (c) => c.notNull())
    .addColumn('major_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legacy_code', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('lead', 'text')
    .addColumn('assists', t.json, (c) => c.notNull())
    .addColumn('station_level', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('persistent', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('keywords', t.json, (c) => c.notNull())
    .addColumn('limits', t.json, (c) => c.notNull())
    .execute();
  await entity('personnel')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text')
    .addColumn('department_code', 'text')
    .addColumn('station_code', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('grids', t.json, (c) => c.notNull())
    .execute();
  await entity('roster_shifts')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .execute();
  // A rota line's code is its position in the profile's list (r1, r2, …): the roster is edited as a whole.
  await entity('roster_entries')
    .addColumn('weekdays', t.json, (c) => c.notNull())
    .addColumn('shift_code', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text')
    .addColumn('station_code', 'text')
    .addColumn('personnel', t.json, (c) => c.notNull())
    .addColumn('leader_code', 'text')
    .execute();
  // The code of a holiday override is its date.
  await entity('holidays')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('profile_history')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('profile_hash', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('before', t.json)
    .addColumn('after', t.json)
    .addColumn('changed_at', t.instant, (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('profile_history_entity').on('profile_history').columns(['town_id', 'entity', 'code']).execute();
  await db.schema.createIndex('grids_bbox').on('grids').columns(['town_id', 'min_lng', 'max_lng']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['profile_history', 'holidays', 'roster_entries', 'roster_shifts', 'personnel', 'categories', 'departments', 'grids', 'stations', 'center_groups', 'towns']) {
    await db.schema.dropTable(table).execute();
  }
}
