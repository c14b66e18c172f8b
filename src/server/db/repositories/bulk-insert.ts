/**
 * Multi-row INSERTs of fixed width as raw prepared statements: the same SQL text per (table, row
 * count), so SQLite's statement cache and PostgreSQL's parser see one statement and nothing is built
 * per row. Used by the history seeder, and for the assessment's facts and the outbox rows written with
 * every event.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isPostgres } from '../migrations/column-types.js';
import { sqlText } from './sql-text.js';
import type { CaseEventsTable, CasesTable } from '../schema-cases.js';

export type SqlValue = string | number | null;

/** Every column of a case and of a case event, in one order: the seeder's rows and the hot path's single inserts. */
export const caseColumns = [
  'id', 'town_id', 'case_no', 'channel', 'external_id', 'status', 'category_code', 'urgency', 'description', 'address', 'lng', 'lat',
  'grid_code', 'station_code', 'lead_unit', 'assist_units', 'designated', 'return_count', 'rework_count', 'extension_pending',
  'escalation_level', 'suspended_from', 'has_reporter_contact', 'reporter_name_enc', 'reporter_phone_enc', 'reporter_phone_idx',
  'channel_data', 'classification', 'routing', 'deadlines', 'deadline_state', 'next_due_at', 'unit_overdue_at', 'visit_outcome', 'reported_at',
  'created_at', 'updated_at', 'closed_at', 'version', 'registered_at', 'dispatched_at',
] as const;

export const caseEventColumns = [
  'town_id', 'seq', 'case_id', 'action', 'from_status', 'to_status', 'actor_type', 'actor_id', 'actor_name', 'actor_role', 'reason',
  'data', 'attachments', 'at', 'prev_hash', 'hash',
] as const;

// checked by the compiler: a column added to a table's schema must be added to its list above
const everyCaseColumn: Record<Exclude<keyof CasesTable, (typeof caseColumns)[number]>, never> = {};
const everyEventColumn: Record<Exclude<keyof CaseEventsTable, (typeof caseEventColumns)[number]>, never> = {};
void everyCaseColumn;
void everyEventColumn;

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  return sqlText(`insert ${table}|${rows}`, postgres, () => {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    return `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`;
  });
}

/**
 * Inserts rows (each an array in `columns` order) in chunks small enough for both dialects'
 * parameter limits (SQLite 32 766, PostgreSQL 65 535).
 */
export type RowTable = 'cases' | 'case_events' | 'case_links' | 'assessment_facts' | 'outbox';

export async function insertMany(trx: Transaction<DB>, table: RowTable, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  for (const query of insertManyQueries(table, columns, rows, isPostgres(trx))) await trx.executeQuery(query);
}

/** The statements insertMany runs, for a caller that sends them together (deferred-writes.ts). */
export function insertManyQueries(table: RowTable, columns: readonly string[], rows: readonly SqlValue[][], postgres: boolean): CompiledQuery[] {
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  const queries: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    queries.push(CompiledQuery.raw(insertSql(table, columns, chunk.length, postgres), chunk.flat()));
  }
  return queries;
}
