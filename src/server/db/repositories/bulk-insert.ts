/**
 * Multi-row INSERTs of fixed width as raw prepared statements, so nothing is built per row. SQLite:
 * the same SQL text per (table, row count), for its statement cache. PostgreSQL: the rows travel as
 * one JSON parameter (rowsJson), so the text is the same whatever the number of rows — a flush's
 * statement comes in a few shapes, each a named statement parsed and planned once per connection
 * (database.ts). Used by the history seeder, and for the assessment's facts and the outbox rows
 * written with every event.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isPostgres } from '../migrations/column-types.js';
import { sqlText } from './sql-text.js';
import { ClearingMemo } from '../../../domain/clearing-memo.js';
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

/**
 * PostgreSQL: an INSERT of `columns` from the rows of one JSON parameter (rowsJson), each value read
 * by its column's type; `suffix` (an ON CONFLICT clause) follows. The text is built once per shape.
 */
export function jsonRowsInsertSql(table: string, columns: readonly string[], suffix = ''): string {
  return sqlText(`json rows ${table}|${columns.join(',')}|${suffix}`, true, () => {
    const names = columns.map((c) => `"${c}"`).join(', ');
    return `insert into "${table}" (${names}) select ${names} from json_populate_recordset(null::"${table}", ?::json)${suffix ? ` ${suffix}` : ''}`;
  });
}

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  if (postgres) return jsonRowsInsertSql(table, columns);
  return sqlText(`insert ${table}|${rows}|${columns.join(',')}`, false, () => {
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
    queries.push(CompiledQuery.raw(insertSql(table, columns, chunk.length, postgres), postgres ? [rowsJson(columns, chunk)] : flatRows(chunk)));
  }
  return queries;
}

/**
 * The rows' values in one list, row after row: SQLite's parameters for a multi-row VALUES. A loop,
 * not Array.prototype.flat, which on Node.js 20 took 30 µs for a batch's eight case rows (1.5 here).
 */
export function flatRows<T>(rows: readonly (readonly T[])[]): T[] {
  const values: T[] = [];
  for (const row of rows) for (let i = 0; i < row.length; i++) values.push(row[i] as T);
  return values;
}

/** String.prototype's ES2024 methods, in Node.js 20 but not in the compiler's ES2023 library */
type WellFormed = { toWellFormed(): string };

const wellFormed = (value: SqlValue): SqlValue => (typeof value === 'string' ? (value as unknown as WellFormed).toWellFormed() : value);

type RowObjects = (rows: readonly (readonly SqlValue[])[]) => Array<Record<string, SqlValue>>;

/**
 * Rows as objects keyed by `columns`, each copied from one template with those keys in that order:
 * every row's object has one shape, so JSON.stringify writes them all in one fast pass. One function
 * per column list, so its stores meet that one shape.
 */
function rowObjectsFor(columns: readonly string[]): RowObjects {
  const template: Record<string, SqlValue> = Object.fromEntries(columns.map((c) => [c, null]));
  return (rows) =>
    rows.map((row) => {
      const object = { ...template };
      for (let c = 0; c < columns.length; c++) object[columns[c]!] = row[c] ?? null;
      return object;
    });
}

/** per column list (a few in all: one per table, the counters' two) */
const rowObjectsByNames = new ClearingMemo<string, RowObjects>(100);

/**
 * Rows as a JSON array of objects keyed by column, for PostgreSQL's json_populate_recordset: each
 * value is converted by its column's type as a text parameter would be (instants, numbers, text).
 * A lone surrogate (text a client sent as a broken "\ud800" escape) becomes U+FFFD, as it does when
 * a text parameter is encoded as UTF-8: PostgreSQL refuses it inside JSON. JSON.stringify writes a
 * lone surrogate as a lower-case \udxxx escape, and a well-formed pair as itself; so only a text
 * holding "\ud" (rare: that, or such an escape written as text) is written again, its strings made
 * well-formed first.
 */
export function rowsJson(columns: readonly string[], rows: readonly (readonly SqlValue[])[]): string {
  const rowObjects = rowObjectsByNames.get(columns.join(','), () => rowObjectsFor(columns));
  const json = JSON.stringify(rowObjects(rows));
  return json.includes('\\ud') ? JSON.stringify(rowObjects(rows.map((row) => row.map(wellFormed)))) : json;
}
