/**
 * Synchronises the profile's entity tables in place: new codes are inserted, changed rows updated,
 * codes that left the profile deactivated (never deleted: cases point at them); every change leaves a
 * profile_history row with the before and after. Loading the same profile twice changes nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, ProfileEntityTable, TownsTable } from '../schema.js';

export type EntityRow = Record<string, string | number | null>;

export interface SyncCounts {
  inserted: number;
  updated: number;
  deactivated: number;
}

interface SyncContext {
  townId: string;
  profileHash: string;
  at: string;
  by: string;
}

type AnyTrx = Transaction<DB>;

function comparable(row: Record<string, unknown>): string {
  const { updated_at: _u, town_id: _t, ...rest } = row;
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k] ?? null]));
}

async function history(trx: AnyTrx, ctx: SyncContext, entity: string, code: string, change: 'insert' | 'update' | 'deactivate', before: unknown, after: unknown) {
  await trx
    .insertInto('profile_history')
    .values({
      town_id: ctx.townId,
      profile_hash: ctx.profileHash,
      entity,
      code,
      change,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      changed_at: ctx.at,
      changed_by: ctx.by,
    })
    .execute();
}

export async function syncEntities(trx: AnyTrx, table: ProfileEntityTable, rows: EntityRow[], ctx: SyncContext): Promise<SyncCounts> {
  const counts: SyncCounts = { inserted: 0, updated: 0, deactivated: 0 };
  // The generic table name defeats Kysely's column typing; the rows come from the typed mappers in load-profile.
  const t = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const existing = await t.selectFrom(table).selectAll().where('town_id', '=', ctx.townId).execute();
  const byCode = new Map(existing.map((r) => [String(r.code), r]));
  const seen = new Set<string>();
  for (const row of rows) {
    const code = String(row.code);
    seen.add(code);
    const full = { ...row, town_id: ctx.townId, active: 1, updated_at: ctx.at };
    const old = byCode.get(code);
    if (!old) {
      await t.insertInto(table).values(full).execute();
      await history(trx, ctx, table, code, 'insert', null, full);
      counts.inserted++;
    } else if (comparable(old) !== comparable(full)) {
      await t.updateTable(table).set(full).where('town_id', '=', ctx.townId).where('code', '=', code).execute();
      await history(trx, ctx, table, code, 'update', old, full);
      counts.updated++;
    }
  }
  for (const old of existing) {
    const code = String(old.code);
    if (seen.has(code) || old.active === 0) continue;
    await t.updateTable(table).set({ active: 0, updated_at: ctx.at }).where('town_id', '=', ctx.townId).where('code', '=', code).execute();
    await history(trx, ctx, table, code, 'deactivate', old, null);
    counts.deactivated++;
  }
  return counts;
}

export async function upsertTown(trx: AnyTrx, town: TownsTable, ctx: SyncContext): Promise<SyncCounts> {
  const old = await trx.selectFrom('towns').selectAll().where('id', '=', town.id).executeTakeFirst();
  if (!old) {
    await trx.insertInto('towns').values(town).execute();
    await history(trx, ctx, 'towns', town.id, 'insert', null, town);
    return { inserted: 1, updated: 0, deactivated: 0 };
  }
  const { profile_hash: _h1, ...oldRest } = old;
  const { profile_hash: _h2, ...newRest } = town;
  if (comparable(oldRest) === comparable(newRest) && old.profile_hash === town.profile_hash) return { inserted: 0, updated: 0, deactivated: 0 };
  await trx.updateTable('towns').set(town).where('id', '=', town.id).execute();
  const changed = comparable(oldRest) !== comparable(newRest);
  if (changed) await history(trx, ctx, 'towns', town.id, 'update', old, town);
  return { inserted: 0, updated: changed ? 1 : 0, deactivated: 0 };
}

export async function countHistory(db: Kysely<DB>, townId: string): Promise<number> {
  const r = await db.selectFrom('profile_history').select((eb) => eb.fn.countAll<number>().as('n')).where('town_id', '=', townId).executeTakeFirstOrThrow();
  return Number(r.n);
}
