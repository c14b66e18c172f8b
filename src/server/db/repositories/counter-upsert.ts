/**
 * Adding to counter rows (the dashboard's and the assessment's): one multi-row
 * INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n, valid on SQLite and PostgreSQL alike.
 * This runs inside every case write, so its SQL text is built once (sql-text.ts) per (table, row
 * count) on SQLite, per table on PostgreSQL, where the rows are one JSON parameter (bulk-insert.ts,
 * rowsJson); keys are sorted so concurrent writers lock rows in one order. Setting one row (a chain
 * head, a day's case counter: INSERT … ON CONFLICT DO UPDATE SET v = excluded.v) is built the same way.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isPostgres } from '../migrations/column-types.js';
import { sqlText } from './sql-text.js';
import { flatRows, jsonRowsInsertSql, rowsJson } from './bulk-insert.js';

/** SQLite: rows per statement (parameters); PostgreSQL takes any number as one JSON parameter */
const CHUNK = 100;

function conflictClause(table: string, keyColumns: readonly string[]): string {
  return `on conflict (${keyColumns.map(quoted).join(', ')}) do update set "n" = ${quoted(table)}."n" + excluded."n"`;
}

/** SQLite: the upsert of `rows` rows as one VALUES list */
function valuesUpsertText(table: string, keyColumns: readonly string[], rows: number): string {
  return sqlText(`counters ${table}|${rows}`, false, () => {
    const columns = [...keyColumns, 'n'];
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const values = Array.from({ length: rows }, () => tuple).join(', ');
    return `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${values} ${conflictClause(table, keyColumns)}`;
  });
}

/** One row's upsert that sets its values: `values` holds the key columns' values, then the others'. */
export function setUpsert(table: 'event_chain_heads' | 'case_counters', keyColumns: readonly string[], valueColumns: readonly string[], values: ReadonlyArray<string | number>, postgres: boolean): CompiledQuery {
  const text = sqlText(`set ${table}|${keyColumns.join(',')}|${valueColumns.join(',')}`, postgres, () => {
    const columns = [...keyColumns, ...valueColumns];
    return `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict (${keyColumns.map(quoted).join(', ')}) do update set ${valueColumns.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}`;
  });
  return CompiledQuery.raw(text, [...values]);
}

function quoted(column: string): string {
  return `"${column}"`;
}

export type CounterTable = 'dashboard_counters' | 'assessment_counters';

/** `counts`: key → amount, where a key is the key columns after town_id joined by '|'. */
export async function addToCounters(
  trx: Transaction<DB>,
  table: CounterTable,
  keyColumns: readonly string[],
  townId: string,
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  for (const query of counterUpserts(table, keyColumns, townId, counts, isPostgres(trx))) await trx.executeQuery(query);
}

/** The statements addToCounters runs, for a caller that sends them together (deferred-writes.ts). */
export function counterUpserts(table: CounterTable, keyColumns: readonly string[], townId: string, counts: ReadonlyMap<string, number>, postgres: boolean): CompiledQuery[] {
  const keys = [...counts.keys()].sort();
  const columns = ['town_id', ...keyColumns];
  const row = (k: string): Array<string | number> => [townId, ...k.split('|'), counts.get(k)!];
  if (postgres) {
    if (keys.length === 0) return [];
    const withAmount = [...columns, 'n'];
    return [CompiledQuery.raw(jsonRowsInsertSql(table, withAmount, conflictClause(table, columns)), [rowsJson(withAmount, keys.map(row))])];
  }
  const queries: CompiledQuery[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    queries.push(CompiledQuery.raw(valuesUpsertText(table, columns, chunk.length), flatRows(chunk.map(row))));
  }
  return queries;
}
