/** Reads of the personnel table (written by the profile loader) and the org checks account creation needs. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, PersonnelTable } from '../schema.js';

export type PersonnelRow = Selectable<PersonnelTable>;

export interface PersonnelFilter {
  stationCode?: string;
  departmentCode?: string;
  groupCode?: string;
}

export function listPersonnel(db: Kysely<DB>, townId: string, filter: PersonnelFilter = {}): Promise<PersonnelRow[]> {
  let q = db.selectFrom('personnel').selectAll().where('town_id', '=', townId).where('active', '=', 1);
  if (filter.stationCode) q = q.where('station_code', '=', filter.stationCode);
  if (filter.departmentCode) q = q.where('department_code', '=', filter.departmentCode);
  if (filter.groupCode) q = q.where('group_code', '=', filter.groupCode);
  return q.orderBy('code').execute();
}

export function findPersonnel(db: Kysely<DB>, townId: string, code: string): Promise<PersonnelRow | undefined> {
  return db.selectFrom('personnel').selectAll().where('town_id', '=', townId).where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

/** Which of the named org entities exist (active) in the town; for validating an account's scope. */
export async function orgCodesExist(db: Kysely<DB>, townId: string, codes: { station?: string | null; department?: string | null; personnel?: string | null }): Promise<{ station: boolean; department: boolean; personnel: boolean }> {
  const has = async (table: 'stations' | 'departments' | 'personnel', code: string | null | undefined) => {
    if (!code) return true;
    const row = await db.selectFrom(table).select('code').where('town_id', '=', townId).where('code', '=', code).where('active', '=', 1).executeTakeFirst();
    return row !== undefined;
  };
  return { station: await has('stations', codes.station), department: await has('departments', codes.department), personnel: await has('personnel', codes.personnel) };
}
