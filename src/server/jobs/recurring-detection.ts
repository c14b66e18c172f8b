/**
 * Recurring-problem detection (常态长效, R13) as a consumer of the committed event chain: from its
 * checkpoint, a batch of events at a time, everything a batch detects and the new checkpoint are
 * written in one transaction. Exactly once: a crash before the commit redoes the batch; a second
 * node waits on the locked checkpoint, finds it moved and leaves the batch alone; a case is seen at
 * most once (its sighting's key) and each 抄报 threshold is recorded once (its key). After downtime
 * the job catches up from where it stopped (about 2,000 events a second on SQLite: a seeded year of
 * 20,000 cases in 20 s). A run stops starting batches after 2 s and yields, so a long catch-up never
 * holds up the outbox relay or the deadline sweep for long.
 * Intake pays nothing for it: the case's own transaction is untouched.
 */
import { recurringRulesOf } from '../../domain/profile/schema.js';
import type { AppContext } from '../context.js';
import { chainHead } from '../db/repositories/case-event-repository.js';
import { detectionEvents, lockCheckpoint, readCheckpoint, saveCheckpoint } from '../db/repositories/recurring-detection-repository.js';
import { considerEvent, type Considered } from '../recurring/consider-event.js';
import { withProps } from '../../domain/with-props.js';

export interface DetectionRun {
  /** events read (reports and registrations) */
  events: number;
  /** where the checkpoint stands after the run */
  checkpoint: number;
  outcomes: Record<Considered, number>;
  /** 抄报 thresholds recorded */
  copied: number;
}

export interface DetectionOptions {
  batchSize?: number;
  /** batches per run at most before yielding to the other jobs (the next run continues) */
  maxBatches?: number;
  /** and no new batch after this long (a catch-up shares the job chain with the relay and the sweep) */
  budgetMs?: number;
}

export async function detectRecurring(ctx: AppContext, options: DetectionOptions = {}): Promise<DetectionRun> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 50;
  const budgetMs = options.budgetMs ?? 2000;
  const started = performance.now();
  const { db } = ctx.database;
  const run: DetectionRun = { events: 0, checkpoint: 0, outcomes: { skipped: 0, seen: 0, opened: 0, joined: 0, reopened: 0 }, copied: 0 };
  for (let batch = 0; batch < maxBatches && performance.now() - started < budgetMs; batch++) {
    const from = await readCheckpoint(db, ctx.townId);
    run.checkpoint = from;
    // every event up to the head is committed: appends are serialised on the head row, in seq order
    const head = (await chainHead(db, ctx.townId))?.seq ?? 0;
    if (head <= from) break;
    const events = await detectionEvents(db, ctx.townId, from, head, batchSize);
    const to = events.length === batchSize ? events[events.length - 1]!.seq : head;
    const town = await ctx.town.current();
    const rules = recurringRulesOf(town.rules);
    const done = await ctx.database.write(async (trx) => {
      const at = ctx.clock.now().toISOString();
      // another node (or an overlapping run) has done this range meanwhile: leave it
      if ((await lockCheckpoint(trx, ctx.townId, at, ctx.database.dialect === 'postgres')) !== from) return null;
      const outcomes: Considered[] = [];
      let copied = 0;
      for (const e of events) {
        const r = await considerEvent(trx, ctx, town, rules, withProps(e, { seq: Number(e.seq) }));
        outcomes.push(r.outcome);
        copied += r.copied;
      }
      await saveCheckpoint(trx, ctx.townId, to, at);
      return { outcomes, copied };
    });
    if (done) {
      run.events += events.length;
      for (const o of done.outcomes) run.outcomes[o]++;
      run.copied += done.copied;
      run.checkpoint = to;
    }
    if (done && events.length < batchSize) break;
  }
  return run;
}
