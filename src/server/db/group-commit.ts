/**
 * Group commit: the write commands that arrive while a transaction is committing are run together in
 * the next transaction, each inside its own savepoint (one failing rolls back only itself; on
 * PostgreSQL they nest, at most maxBatch deep, and the COMMIT releases them), and all
 * are answered after the one COMMIT — one fsync for many cases instead of one each. Nothing is
 * acknowledged before its commit is durable, so a crash loses no acknowledged case.
 * A job must use only the transaction it is given: the connection is the batch's until it commits.
 * Derived writes the jobs defer (counters, the assessment's facts: deferred-writes.ts) are summed
 * across the batch and written once, before the COMMIT.
 */
import { type Kysely, type Transaction } from 'kysely';
import { DeferredWrites, deferWritesOn } from './deferred-writes.js';
import type { DB } from './schema.js';
import { isPostgres } from './migrations/column-types.js';

type Job = { run: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export class GroupCommitter {
  private queue: Job[] = [];
  private running = false;

  private readonly postgres: boolean;

  constructor(private readonly db: Kysely<DB>, private readonly maxBatch = 64) {
    this.postgres = isPostgres(db);
  }

  write<T>(run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // start after this turn of the event loop: the requests being handled in it join the batch
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      // alone: a plain transaction, no savepoint needed
      const job = batch[0]!;
      try {
        const value = await this.db.transaction().execute(async (trx) => {
          const deferred = deferWritesOn(trx);
          const v = await job.run(trx);
          await deferred.flush(trx, this.postgres);
          return v;
        });
        job.resolve(value);
      } catch (error) {
        job.reject(error);
      }
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
      const deferred = new DeferredWrites();
      for (let i = 0; i < batch.length; i++) {
        const name = `job${i}`;
        const sp = await trx.savepoint(name).execute();
        const own = deferWritesOn(sp, deferred);
        // PostgreSQL leaves the savepoints to the COMMIT (one round trip fewer per command); SQLite
        // releases each at once, as an open savepoint keeps journalling the pages written after it
        try {
          const value = await batch[i]!.run(sp);
          if (!this.postgres) await sp.releaseSavepoint(name).execute();
          own.mergeInto(deferred);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint(name).execute();
          if (!this.postgres) await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: false, error });
        }
      }
      await deferred.flush(trx, this.postgres);
      await trx.commit().execute();
    } catch (error) {
      if (trx) await trx.rollback().execute().catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
