/** The town's command-mode periods (command_modes): the one in force, the latest ones, and their changes. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CommandModesTable } from '../schema-command.js';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type CommandPeriodRow = Selectable<CommandModesTable>;

/** The period in force (at most one: a unique index on town_id, open_slot), or undefined under daily command. */
export function findOpenPeriod(db: Db, townId: string): Promise<CommandPeriodRow | undefined> {
  return db.selectFrom('command_modes').selectAll().where('town_id', '=', townId).where('open_slot', '=', 1).executeTakeFirst();
}

/** Newest first; of two periods started in the same instant, the one in force (or the later-ended) first. */
export function latestPeriods(db: Db, townId: string, limit: number): Promise<CommandPeriodRow[]> {
  return db
    .selectFrom('command_modes')
    .selectAll()
    .where('town_id', '=', townId)
    .orderBy('started_at', 'desc')
    .orderBy(sql`coalesce(open_slot, 0)`, 'desc')
    .orderBy(sql`coalesce(ended_at, started_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface PeriodEnd {
  at: string;
  byId: string;
  byName: string;
  kind: 'stood_down' | 'replaced';
  note: string | null;
}

/** Ends the period in force; false when none was (someone else ended it first). */
export async function endOpenPeriod(trx: Transaction<DB>, townId: string, end: PeriodEnd): Promise<CommandPeriodRow | undefined> {
  const open = await findOpenPeriod(trx, townId);
  if (!open) return undefined;
  const result = await trx
    .updateTable('command_modes')
    .set({ ended_at: end.at, ended_by: end.byId, ended_by_name: end.byName, end_kind: end.kind, end_note: end.note, open_slot: null })
    .where('town_id', '=', townId)
    .where('id', '=', open.id)
    .where('open_slot', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? open : undefined;
}

export async function insertOpenPeriod(trx: Transaction<DB>, row: Omit<CommandPeriodRow, 'open_slot' | 'ended_at' | 'ended_by' | 'ended_by_name' | 'end_kind' | 'end_note'>): Promise<void> {
  await trx.insertInto('command_modes').values({ ...row, open_slot: 1, ended_at: null, ended_by: null, ended_by_name: null, end_kind: null, end_note: null }).execute();
}

