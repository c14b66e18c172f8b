/**
 * Derived writes a group-committed batch collects and makes once, just before its COMMIT (ADR 0004,
 * ADR 0007): the counters' additions summed per key across the batch's commands, and the rows of
 * append-only tables in one multi-row INSERT. They stay in the same transaction as the writes they
 * derive from, so a crash or a rollback can never separate them; a command that fails rolls back its
 * savepoint and its deferred writes are dropped with it.
 * Only the hot path defers (case writes, event appends); bulk paths (seed, rebuild) write directly.
 * A new case's own row can wait too, when its command defers everything that refers to it (intake).
 *
 * The batch also holds the serial heads it has read — the town's event-chain head and the day's case
 * counter: the first command to need one reads (and on PostgreSQL locks) its row, the following ones
 * take the next value in memory, and the row is written once at flush. A command reads through its
 * own collector to the batch's, and its own advances reach the batch only when it succeeds, so a
 * command rolled back to its savepoint gives its sequence number and case number back. A batch may
 * start from the heads the last committed one left (group-commit.ts) and read none.
 */
import type { CompiledQuery, Transaction } from 'kysely';
import type { DB } from './schema.js';
import { counterUpserts, type CounterTable } from './repositories/counter-upsert.js';
import { insertManyQueries, type RowTable, type SqlValue } from './repositories/bulk-insert.js';
import { chainHeadUpsert } from './repositories/case-event-repository.js';
import { caseCounterUpsert } from './repositories/case-repository.js';
import { combineStatements } from './repositories/combined-statement.js';

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

/** A serial row as the batch holds it: its current value, and the value its row has in the database. */
export interface HeldChainHead {
  seq: number;
  hash: string;
  storedSeq: number;
}
export interface HeldCaseCounter {
  last: number;
  stored: number;
}

/** The serial heads as a committed batch left them: the next batch may start from them (group-commit.ts). */
export interface CommittedHeads {
  chainHeads: ReadonlyMap<string, { seq: number; hash: string }>;
  /** by `town|day` */
  caseCounters: ReadonlyMap<string, number>;
}

/** A day's case counter is held under `town|day`. */
function counterKey(townId: string, day: string): string {
  return `${townId}|${day}`;
}

function counterKeyParts(key: string): [townId: string, day: string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}

export class DeferredWrites {
  private readonly counters = new Map<string, PendingCounters>();
  private readonly rows = new Map<string, PendingRows>();
  private readonly chainHeads = new Map<string, HeldChainHead>();
  private readonly caseCounters = new Map<string, HeldCaseCounter>();

  /**
   * `batch`: the collector of the transaction this command's savepoint belongs to. `committed`: the
   * heads the last committed batch left, which a transaction's collector starts from instead of
   * reading them again.
   */
  constructor(private readonly batch?: DeferredWrites, committed?: CommittedHeads) {
    for (const [townId, h] of committed?.chainHeads ?? []) this.chainHeads.set(townId, { seq: h.seq, hash: h.hash, storedSeq: h.seq });
    for (const [key, last] of committed?.caseCounters ?? []) this.caseCounters.set(key, { last, stored: last });
  }

  chainHead(townId: string): HeldChainHead | undefined {
    return this.chainHeads.get(townId) ?? this.batch?.chainHead(townId);
  }

  holdChainHead(townId: string, head: HeldChainHead): void {
    this.chainHeads.set(townId, head);
  }

  /** a head read from the database is the transaction's to know, whether or not this command succeeds */
  rememberChainHead(townId: string, head: HeldChainHead): void {
    const root = this.batch ?? this;
    root.chainHeads.set(townId, head);
  }

  caseCounter(townId: string, day: string): HeldCaseCounter | undefined {
    return this.caseCounters.get(counterKey(townId, day)) ?? this.batch?.caseCounter(townId, day);
  }

  holdCaseCounter(townId: string, day: string, counter: HeldCaseCounter): void {
    this.caseCounters.set(counterKey(townId, day), counter);
  }

  rememberCaseCounter(townId: string, day: string, counter: HeldCaseCounter): void {
    const root = this.batch ?? this;
    root.caseCounters.set(counterKey(townId, day), counter);
  }

  /** the heads as they stand once this transaction's flush is committed, over those it started from */
  committedHeads(): CommittedHeads {
    // only each town's latest day is passed on: a case takes its number on the day it arrives
    const latest = new Map<string, string>();
    for (const key of this.caseCounters.keys()) {
      const [townId, day] = counterKeyParts(key);
      if ((latest.get(townId) ?? '') < day) latest.set(townId, day);
    }
    return {
      chainHeads: new Map([...this.chainHeads].map(([townId, h]) => [townId, { seq: h.seq, hash: h.hash }])),
      caseCounters: new Map([...latest].map(([townId, day]) => [counterKey(townId, day), this.caseCounters.get(counterKey(townId, day))!.last])),
    };
  }

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
    for (const [townId, head] of this.chainHeads) other.holdChainHead(townId, head);
    for (const [key, counter] of this.caseCounters) other.caseCounters.set(key, counter);
  }

  async flush(trx: Transaction<DB>, postgres: boolean): Promise<void> {
    for (const query of this.statements(postgres)) await trx.executeQuery(query);
  }

  /**
   * The flush's statements, in order; the collector is empty afterwards. PostgreSQL takes them all in
   * one statement (one round trip); SQLite runs them in-process, or on its writer thread.
   */
  statements(postgres: boolean): CompiledQuery[] {
    const queries: CompiledQuery[] = [];
    for (const c of this.counters.values()) {
      // additions that cancel out (a case moving back and forth within the batch) change nothing
      const nonZero = new Map([...c.counts].filter(([, n]) => n !== 0));
      queries.push(...counterUpserts(c.table, c.keyColumns, c.townId, nonZero, postgres));
    }
    // new cases before the rows that refer to them: SQLite checks each foreign key as it inserts
    const rows = [...this.rows.values()].sort((a, b) => Number(b.table === 'cases') - Number(a.table === 'cases'));
    for (const r of rows) if (r.rows.length > 0) queries.push(...insertManyQueries(r.table, r.columns, r.rows, postgres));
    for (const [townId, head] of this.chainHeads) {
      if (head.seq !== head.storedSeq) queries.push(chainHeadUpsert(townId, head.seq, head.hash, postgres));
    }
    for (const [key, counter] of this.caseCounters) {
      const [townId, day] = counterKeyParts(key);
      if (counter.last !== counter.stored) queries.push(caseCounterUpsert(townId, day, counter.last, postgres));
    }
    this.counters.clear();
    this.rows.clear();
    return postgres ? combineStatements(queries) : queries;
  }
}

const deferredOf = new WeakMap<object, DeferredWrites>();

/** Starts collecting the deferred writes of a transaction, or of a command's savepoint within `batch`'s. */
export function deferWritesOn(trx: object, batch?: DeferredWrites, committed?: CommittedHeads): DeferredWrites {
  const d = new DeferredWrites(batch, committed);
  deferredOf.set(trx, d);
  return d;
}

/** The collector of this transaction, when its writer defers (the group committer's batches do). */
export function deferredWritesOf(trx: object): DeferredWrites | undefined {
  return deferredOf.get(trx);
}
