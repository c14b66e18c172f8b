/**
 * GET /api/v1/stream — Server-Sent Events of case events, read from the record in seq order and
 * resumable with Last-Event-ID (or ?lastEventId=): a reconnecting client misses nothing.
 */
import { z } from 'zod';
import { caseListScope } from '../../../cases/case-access.js';
import { requireActor } from '../../../auth/require-actor.js';
import type { AppContext } from '../../../context.js';
import { chainHead } from '../../../db/repositories/case-event-repository.js';
import { readFeedItems, type FeedItem } from '../../../realtime/case-event-feed.js';
import { HEARTBEAT_MS, streamFanoutOf } from '../../../realtime/stream-fanout.js';
import type { CaseScope } from '../../../db/repositories/case-list-repository.js';
import type { Api } from '../../api-instance.js';

const query = z.strictObject({ lastEventId: z.coerce.number().int().min(0).optional() });
const BATCH = 500;

function visible(scope: CaseScope, item: FeedItem): boolean {
  if (scope.kind === 'town') return true;
  if (scope.stationCode && item.stationCode === scope.stationCode) return true;
  if (scope.departmentCode && (item.leadUnit === scope.departmentCode || (JSON.parse(item.assistUnits) as string[]).includes(scope.departmentCode))) return true;
  return false;
}

export async function streamRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get('/stream', { schema: { tags: ['cases'], summary: '实时事件流 Server-Sent Events of case events (resume with Last-Event-ID)', querystring: query } }, async (request, reply) => {
    const actor = requireActor(request);
    const scope = caseListScope(actor, await ctx.town.current());
    const header = request.headers['last-event-id'];
    const fromHeader = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
    // a client without a position starts at the present, not at the town's whole history
    let last = fromHeader ?? request.query.lastEventId ?? (await chainHead(ctx.database.db, ctx.townId))?.seq ?? 0;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n: connected at seq ${last}\n\n`);

    let pumping = false;
    let again = false;
    let closed = false;
    const fanout = streamFanoutOf(ctx);
    const send = (item: FeedItem) => {
      const e = item.event;
      const data = { seq: Number(e.seq), caseId: e.case_id, caseNo: item.caseNo, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actor: e.actor_name, at: e.at };
      res.write(`id: ${e.seq}\nevent: case\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // `fromFeed`: woken right after the shared feed read the record, so it holds everything up to
    // that read; a new connection (or one that is behind) reads the record itself until caught up
    let feedFresh = false;
    const pump = async (fromFeed = false): Promise<void> => {
      if (fromFeed) feedFresh = true;
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        do {
          again = false;
          for (;;) {
            // up to date: from the shared feed in memory; behind it: from the record itself
            const cached = feedFresh ? fanout.feed.since(last) : null;
            const items = cached ?? (await readFeedItems(ctx.database.db, ctx.townId, last, BATCH));
            if (items.length === 0 || closed) break;
            for (const item of items) {
              if (scope && visible(scope, item)) send(item);
              last = Number(item.event.seq);
            }
            if (cached || items.length < BATCH) break;
          }
        } while (again && !closed);
      } catch (error) {
        request.log.warn({ err: error }, 'event stream pump failed');
      } finally {
        pumping = false;
      }
    };
    const unsubscribe = fanout.subscribe(() => void pump(true));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
    await pump();
  });
}
