import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The town's overrides of the national holiday calendar. */
export async function listHolidays(db: Kysely<DB>, townId: string): Promise<Array<{ date: string; type: 'holiday' | 'workday'; name: string }>> {
  const rows = await db.selectFrom('holidays').select(['code', 'type', 'name']).where('town_id', '=', townId).where('active', '=', 1).execute();
  return rows.map((r) => ({ date: r.code, type: r.type === 'workday' ? 'workday' : 'holiday', name: r.name }));
}
