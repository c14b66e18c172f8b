/**
 * Relays committed outbox rows: wakes the event streams (and, with PostgreSQL, every other node
 * through NOTIFY) and marks the rows published. At least once: a crash before the mark relays again,
 * which is harmless because streams read events from the record by sequence number.
 */
import type { AppContext } from '../context.js';
import { markOutboxPublished, pendingOutbox } from '../db/repositories/outbox-repository.js';

export async function relayOutbox(ctx: AppContext, batchSize = 1000): Promise<number> {
  let relayed = 0;
  for (;;) {
    const rows = await pendingOutbox(ctx.database.db, batchSize);
    if (rows.length === 0) break;
    ctx.realtime.notify();
    await markOutboxPublished(ctx.database.db, rows.map((r) => r.id), ctx.clock.now().toISOString());
    relayed += rows.length;
    if (rows.length < batchSize) break;
  }
  return relayed;
}
