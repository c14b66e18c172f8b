/** Background jobs of one node: the deadline sweep, the outbox relay, webhook delivery, recurring-problem detection and housekeeping (expired keys, sessions, published outbox rows, GPS points older than 24 h). */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { deleteExpiredIdempotencyKeys } from '../db/repositories/idempotency-repository.js';
import { purgePositionsBefore } from '../db/repositories/inspector-position-repository.js';
import { POSITION_MAX_AGE_MS } from '../../domain/positions/index.js';
import { purgePublishedOutbox } from '../db/repositories/outbox-repository.js';
import { deleteExpiredSessions } from '../db/repositories/session-repository.js';
import { relayOutbox } from './outbox-relay.js';
import { detectRecurring } from './recurring-detection.js';
import { sweepDeadlines } from './sla-sweep.js';
import { deliverWebhooks } from './webhook-delivery.js';

export interface Jobs {
  stop(): Promise<void>;
}

const MINUTE = 60_000;

export function startJobs(ctx: AppContext, log: FastifyBaseLogger): Jobs {
  let running: Promise<unknown> = Promise.resolve();
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    const run = () => {
      // jobs never overlap each other: one chain, one job at a time
      running = running.then(job).catch((error: unknown) => log.error({ err: error, job: name }, 'job failed'));
    };
    run();
    return setInterval(run, ms);
  };
  const timers = [
    every(MINUTE, 'sla-sweep', () => sweepDeadlines(ctx)),
    every(5_000, 'outbox-relay', () => relayOutbox(ctx)),
    every(5_000, 'webhook-delivery', () => deliverWebhooks(ctx)),
    every(5_000, 'recurring-detection', () => detectRecurring(ctx)),
    every(60 * MINUTE, 'housekeeping', async () => {
      const now = ctx.clock.now();
      await deleteExpiredIdempotencyKeys(ctx.database.db, now.toISOString());
      await deleteExpiredSessions(ctx.database.db, ctx.townId, now.toISOString());
      await purgePublishedOutbox(ctx.database.db, new Date(now.getTime() - 7 * 24 * 60 * MINUTE).toISOString());
      // the inspectors' GPS track is kept 24 hours (issue #5)
      await purgePositionsBefore(ctx.database.db, new Date(now.getTime() - POSITION_MAX_AGE_MS).toISOString());
    }),
  ];
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await running;
    },
  };
}
