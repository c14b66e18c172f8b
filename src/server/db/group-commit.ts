/**
 * Group commit: the write commands that arrive while a transaction is committing are run together in
 * the next transaction, each inside its own savepoint (one failing rolls back only itself; on
 * PostgreSQL they nest, at most maxBatch deep, and the COMMIT releases them), and all
 * are answered after the one COMMIT — one fsync for many cases instead of one each. Nothing is
 * acknowledged before its commit is durable, so a crash loses no acknowledged case.
 * A job must use only the transaction it is given: the connection is the batch's until it commits.
 * Derived writes the jobs defer (counters, the assessment's facts: deferred-writes.ts) are summed
 * across the batch and written once, before the COMMIT.
 *
 * A job that writes nothing at once — everything it writes waits for the flush (`deferredOnly`, a new
 * case's intake) — runs without a savepoint: a failure drops its collector and there is nothing to roll
 * back. Its rows then meet the database only at the flush, where one of them may be refused (a resent
 * order racing its first send); the batch is then rolled back and each of its commands that had
 * succeeded runs again alone, so one refusal fails only its own command. A job may therefore run more
 * than once and must start from scratch each time.
 *
 * A committed batch leaves its serial heads (the event chain's, the day's case counter) to the next,
 * which then reads none of them. Should another writer have moved one meanwhile (another app node,
 * the command line), the rows numbered from a stale head are refused by their unique keys (case_events
 * (town, seq), cases (town, case_no)), at the flush or, for an event appended at once, in its command's
 * savepoint; the batch then runs again alone from heads read afresh, and
 * the committer stops passing heads on for a while, so writers that share a town take turns by
 * locking the heads as before. Refusals by other keys (a resend's external id) leave the heads trusted.
 *
 * A batch whose commands all defer everything (new cases' intakes), once the heads are known, runs
 * with no transaction at all: its commands run on a queryless instance (queryless.ts), and the flush
 * goes to the FlushWriter — on SQLite the writer thread (sqlite-writer.ts), on PostgreSQL one
 * statement, its own transaction (no BEGIN, no COMMIT: two round trips fewer). A command that reads
 * after all (a head the batch does not hold: a new day's counter) sends the batch the ordinary way.
 */
import { type CompiledQuery, type ControlledTransaction, type Kysely, type KyselyPlugin, type Transaction } from 'kysely';
import { DeferredWrites, deferWritesOn, type CommittedHeads } from './deferred-writes.js';
import type { DB } from './schema.js';
import { isPostgres } from './migrations/column-types.js';
import { isStaleHeadRefusal } from './unique-violation.js';
import { NeedsConnection, querylessLike } from './queryless.js';

/** Commits a batch's flush, all or nothing, away from the batch's own transaction (see above). */
export interface FlushWriter {
  commit(queries: readonly CompiledQuery[]): Promise<void>;
}

export interface WriteOptions {
  /** the job makes no write of its own: all it writes is deferred to the batch's flush */
  deferredOnly?: boolean;
}

type Job = { run: (trx: Transaction<DB>) => Promise<unknown>; deferredOnly: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** gives a savepoint-less job its own transaction object, to which its collector is attached */
const ownScope: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: (args) => Promise.resolve(args.result) };

export class GroupCommitter {
  private queue: Job[] = [];
  private running = false;

  private readonly postgres: boolean;
  /** the heads the last committed transaction left, while they may be trusted */
  private heads: CommittedHeads | undefined;
  private headsPausedUntil = 0;

  private readonly maxBatch: number;
  private readonly headsPauseMs: number;
  /** the flush's writer, and the queryless instance its batches' commands run on */
  private readonly away: { writer: FlushWriter; queryless: Kysely<DB> } | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    options: { maxBatch?: number; headsPauseMs?: number; writer?: FlushWriter } = {},
  ) {
    this.postgres = isPostgres(db);
    this.maxBatch = options.maxBatch ?? 64;
    this.headsPauseMs = options.headsPauseMs ?? 60_000;
    this.away = options.writer ? { writer: options.writer, queryless: querylessLike(db) } : undefined;
  }

  write<T>(run: (trx: Transaction<DB>) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, deferredOnly: options.deferredOnly === true, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // start after this turn of the event loop: the requests being handled in it join the batch
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        if (this.away && this.heads && batch.every((j) => j.deferredOnly) && (await this.runQueryless(batch, this.away))) continue;
        if (batch.length === 1) await this.runAlone(batch[0]!);
        else await this.runBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  /** alone: a plain transaction, no savepoint needed */
  private async runAlone(job: Job): Promise<void> {
    const heads = this.heads;
    let deferred: DeferredWrites | undefined;
    try {
      const value = await this.db.transaction().execute(async (trx) => {
        deferred = deferWritesOn(trx, undefined, heads);
        const v = await job.run(trx);
        await deferred.flush(trx, this.postgres);
        return v;
      });
      this.keepHeads(deferred!);
      job.resolve(value);
    } catch (error) {
      // a row numbered from a head it did not read was refused: once more, reading the heads
      if (heads && isStaleHeadRefusal(error)) {
        this.distrustHeads();
        return this.runAlone(job);
      }
      job.reject(error);
    }
  }

  private keepHeads(committed: DeferredWrites): void {
    if (Date.now() >= this.headsPausedUntil) this.heads = committed.committedHeads();
  }

  private distrustHeads(): void {
    this.heads = undefined;
    this.headsPausedUntil = Date.now() + this.headsPauseMs;
  }

  private async runBatch(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    const heads = this.heads;
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
      const deferred = new DeferredWrites(undefined, heads);
      for (let i = 0; i < batch.length; i++) outcomes.push(await this.runInBatch(trx, deferred, batch[i]!, `job${i}`));
      // a command that appends at once (an event of an existing case) meets a stale head in its own
      // savepoint: the batch is then run again alone as if its flush had been refused
      const stale = heads ? outcomes.find((o) => !o.ok && isStaleHeadRefusal(o.error)) : undefined;
      if (stale && !stale.ok) throw stale.error;
      await deferred.flush(trx, this.postgres);
      await trx.commit().execute();
      this.keepHeads(deferred);
    } catch (error) {
      if (trx) await trx.rollback().execute().catch(() => undefined);
      return this.runAgainAlone(batch, outcomes, heads, error);
    }
    settle(batch, outcomes);
  }

  /**
   * Commands that defer everything, with the heads known: run on the queryless instance, so the
   * database sees only the flush, which the writer commits. Returns false, having written nothing,
   * when a command read after all; the batch then goes the ordinary way and its commands run again.
   */
  private async runQueryless(batch: Job[], { writer, queryless }: { writer: FlushWriter; queryless: Kysely<DB> }): Promise<boolean> {
    const heads = this.heads;
    const deferred = new DeferredWrites(undefined, heads);
    const outcomes: Outcome[] = [];
    for (const job of batch) {
      const scope = queryless.withPlugin(ownScope) as Transaction<DB>;
      const own = deferWritesOn(scope, deferred);
      try {
        const value = await job.run(scope);
        own.mergeInto(deferred);
        outcomes.push({ ok: true, value });
      } catch (error) {
        if (error instanceof NeedsConnection) return false;
        outcomes.push({ ok: false, error });
      }
    }
    try {
      const statements = deferred.statements(this.postgres);
      if (statements.length > 0) await writer.commit(statements);
      this.keepHeads(deferred);
    } catch (error) {
      await this.runAgainAlone(batch, outcomes, heads, error);
      return true;
    }
    settle(batch, outcomes);
    return true;
  }

  /**
   * The batch failed as a whole (a deferred row refused at the flush, a lost connection): each command
   * that had succeeded in it runs again alone, so a refusal fails only its own command.
   */
  private async runAgainAlone(batch: Job[], outcomes: Outcome[], heads: CommittedHeads | undefined, error: unknown): Promise<void> {
    if (heads && isStaleHeadRefusal(error)) this.distrustHeads();
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i];
      if (o && !o.ok && !(heads && isStaleHeadRefusal(o.error))) batch[i]!.reject(o.error);
      else await this.runAlone(batch[i]!);
    }
  }

  private async runInBatch(trx: ControlledTransaction<DB>, deferred: DeferredWrites, job: Job, name: string): Promise<Outcome> {
    if (job.deferredOnly) {
      const scope = trx.withPlugin(ownScope);
      const own = deferWritesOn(scope, deferred);
      try {
        const value = await job.run(scope);
        own.mergeInto(deferred);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error };
      }
    }
    const sp = await trx.savepoint(name).execute();
    const own = deferWritesOn(sp, deferred);
    // PostgreSQL leaves the savepoints to the COMMIT (one round trip fewer per command); SQLite
    // releases each at once, as an open savepoint keeps journalling the pages written after it
    try {
      const value = await job.run(sp);
      if (!this.postgres) await sp.releaseSavepoint(name).execute();
      own.mergeInto(deferred);
      return { ok: true, value };
    } catch (error) {
      await sp.rollbackToSavepoint(name).execute();
      if (!this.postgres) await sp.releaseSavepoint(name).execute();
      return { ok: false, error };
    }
  }
}

function settle(batch: Job[], outcomes: Outcome[]): void {
  batch.forEach((job, i) => {
    const o = outcomes[i]!;
    if (o.ok) job.resolve(o.value);
    else job.reject(o.error);
  });
}
