/**
 * Relays committed outbox rows: turns case events into webhook deliveries and in-app notifications,
 * marks the rows published — all in one transaction — and then wakes the event streams (and, with
 * PostgreSQL, every other node through NOTIFY). At least once: a crash before the commit relays the
 * rows again, and the unique (webhook, seq) and (seq, recipient) keys make the second pass add nothing.
 */
import type { AppContext } from '../context.js';
import { insertNotifications } from '../db/repositories/notification-repository.js';
import { markOutboxPublished, pendingOutbox } from '../db/repositories/outbox-repository.js';
import { insertDeliveries } from '../db/repositories/webhook-repository.js';
import { fanOut } from './outbox-fan-out.js';

export async function relayOutbox(ctx: AppContext, batchSize = 1000): Promise<number> {
  let relayed = 0;
  for (;;) {
    const rows = await pendingOutbox(ctx.database.db, batchSize);
    if (rows.length === 0) break;
    const at = ctx.clock.now().toISOString();
    const out = await fanOut(ctx, rows, at);
    await ctx.database.write(async (trx) => {
      await insertDeliveries(trx, out.deliveries);
      await insertNotifications(trx, out.notifications);
      await markOutboxPublished(trx, rows.map((r) => r.id), at);
    });
    ctx.realtime.notify();
    relayed += rows.length;
    if (rows.length < batchSize) break;
  }
  return relayed;
}
