/**
 * The event-stream connections of one process: on each commit (EventHub) the shared feed reads the
 * new events once, then every connection is woken to send them from memory. A beat every 15 s also
 * reads the record, so events written by another process or node arrive within one beat.
 */
import type { AppContext } from '../context.js';
import { CaseEventFeed } from './case-event-feed.js';

export const HEARTBEAT_MS = 15_000;

export class StreamFanout {
  readonly feed: CaseEventFeed;
  private readonly listeners = new Set<() => void>();
  private beat: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: AppContext) {
    this.feed = new CaseEventFeed(ctx.database.db, ctx.townId);
    ctx.realtime.subscribe(() => void this.wake());
  }

  /** how many connections listen */
  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.beat ??= setInterval(() => void this.wake(), HEARTBEAT_MS);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.beat) {
        clearInterval(this.beat);
        this.beat = null;
      }
    };
  }

  private async wake(): Promise<void> {
    if (this.listeners.size === 0) return;
    try {
      await this.feed.refresh();
    } catch {
      // the connections read the database themselves when the feed cannot answer
    }
    for (const l of this.listeners) l();
  }
}

const fanouts = new WeakMap<AppContext, StreamFanout>();

export function streamFanoutOf(ctx: AppContext): StreamFanout {
  let f = fanouts.get(ctx);
  if (!f) fanouts.set(ctx, (f = new StreamFanout(ctx)));
  return f;
}
