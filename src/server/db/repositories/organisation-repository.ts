/** Reads of the town's organisation (the profile tables). Active rows only. */
import type { Kysely, Selectable } from 'kysely';
import type { CategoriesTable, DB, DepartmentsTable, GridsTable, StationsTable } from '../schema.js';

export type StationRow = Selectable<StationsTable>;
export type GridRow = Selectable<GridsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type CategoryRow = Selectable<CategoriesTable>;

export function listStations(db: Kysely<DB>, townId: string): Promise<StationRow[]> {
  return db.selectFrom('stations').selectAll().where('town_id', '=', townId).where('active', '=', 1).orderBy('code').execute();
}

export function listGrids(db: Kysely<DB>, townId: string, stationCode?: string): Promise<GridRow[]> {
  let q = db.selectFrom('grids').selectAll().where('town_id', '=', townId).where('active', '=', 1);
  if (stationCode) q = q.where('station_code', '=', stationCode);
  return q.orderBy('code').execute();
}

export function listDepartments(db: Kysely<DB>, townId: string): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().where('town_id', '=', townId).where('active', '=', 1).orderBy('code').execute();
}

export function listCategories(db: Kysely<DB>, townId: string): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('town_id', '=', townId).where('active', '=', 1).orderBy('code').execute();
}

export function findCategory(db: Kysely<DB>, townId: string, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('town_id', '=', townId).where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

export function findDepartment(db: Kysely<DB>, townId: string, code: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('town_id', '=', townId).where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}
