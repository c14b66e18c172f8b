/**
 * Derived writes a group-committed batch collects and makes once, just before its COMMIT (ADR 0004,
 * ADR 0007): the counters' additions summed per key across the batch's commands, and the rows of
 * append-only tables in one multi-row INSERT. They stay in the same transaction as the writes they
 * derive from, so a crash or a rollback can never separate them; a command that fails rolls back its
 * savepoint and its deferred writes are dropped with it.
 * Only the hot path defers (case writes, event appends); bulk paths (seed, rebuild) write directly.
 */
import type { Transaction } from 'kysely';
import type { DB } from './schema.js';
import { addToCounters, type CounterTable } from './repositories/counter-upsert.js';
import { insertMany, type RowTable, type SqlValue } from './repositories/bulk-insert.js';

interface PendingCounters {
  table: CounterTable;
  keyColumns: readonly string[];
  townId: string;
  counts: Map<string, number>;
}
interface PendingRows {
  table: RowTable;
  columns: readonly string[];
  rows: SqlValue[][];
}

export class DeferredWrites {
  private readonly counters = new Map<string, PendingCounters>();
  private readonly rows = new Map<string, PendingRows>();

  addCounts(table: CounterTable, keyColumns: readonly string[], townId: string, counts: ReadonlyMap<string, number>): void {
    const id = `${table}|${townId}`;
    const pending = this.counters.get(id) ?? this.counters.set(id, { table, keyColumns, townId, counts: new Map() }).get(id)!;
    for (const [k, n] of counts) pending.counts.set(k, (pending.counts.get(k) ?? 0) + n);
  }

  addRows(table: RowTable, columns: readonly string[], rows: readonly SqlValue[][]): void {
    const pending = this.rows.get(table) ?? this.rows.set(table, { table, columns, rows: [] }).get(table)!;
    pending.rows.push(...rows);
  }

  mergeInto(other: DeferredWrites): void {
    for (const c of this.counters.values()) other.addCounts(c.table, c.keyColumns, c.townId, c.counts);
    for (const r of this.rows.values()) other.addRows(r.table, r.columns, r.rows);
  }

  async flush(trx: Transaction<DB>, postgres: boolean): Promise<void> {
    for (const c of this.counters.values()) {
      // additions that cancel out (a case moving back and forth within the batch) change nothing
      const nonZero = new Map([...c.counts].filter(([, n]) => n !== 0));
      await addToCounters(trx, c.table, c.keyColumns, c.townId, nonZero);
    }
    for (const r of this.rows.values()) if (r.rows.length > 0) await insertMany(trx, r.table, r.columns, r.rows, postgres);
    this.counters.clear();
    this.rows.clear();
  }
}

const deferredOf = new WeakMap<object, DeferredWrites>();

/** Starts collecting the deferred writes of a transaction (or a command's savepoint). */
export function deferWritesOn(trx: object): DeferredWrites {
  const d = new DeferredWrites();
  deferredOf.set(trx, d);
  return d;
}

/** The collector of this transaction, when its writer defers (the group committer's batches do). */
export function deferredWritesOf(trx: object): DeferredWrites | undefined {
  return deferredOf.get(trx);
}
