/**
 * Multi-row INSERTs of fixed width as raw prepared statements: the same SQL text per (table, row
 * count), so SQLite's statement cache and PostgreSQL's parser see one statement and nothing is built
 * per row. Used by the history seeder and by the assessment's facts, written with every event.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

export type SqlValue = string | number | null;

const statements = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  const key = `${table}|${rows}|${postgres}`;
  let text = statements.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(',')})`;
    text = `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: rows }, tuple).join(',')}`;
    statements.set(key, text);
  }
  return text;
}

/**
 * Inserts rows (each an array in `columns` order) in chunks small enough for both dialects'
 * parameter limits (SQLite 32 766, PostgreSQL 65 535).
 */
export type RowTable = 'cases' | 'case_events' | 'assessment_facts';

export async function insertMany(trx: Transaction<DB>, table: RowTable, columns: readonly string[], rows: readonly SqlValue[][], postgres: boolean): Promise<void> {
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    await trx.executeQuery(CompiledQuery.raw(insertSql(table, columns, chunk.length, postgres), chunk.flat()));
  }
}
