/**
 * The inspector's position feed (巡查员位置上报), framework-free: the fixes navigator.geolocation
 * gives are buffered and posted in small batches (every ~60 s, or at once when 20 wait). The buffer
 * is kept in memory, not IndexedDB: fixes are only taken while the app is open, a position is worth
 * little after 15 minutes (the screen greys it) and nothing after 24 hours (the server refuses it),
 * so a few points lost when the app is closed offline cost only track history — never a report —
 * while a second IndexedDB store would mean a schema upgrade of the report queue's database on
 * every phone. Offline the buffer keeps (bounded) and is sent when the network returns.
 *
 * A network failure, a 5xx or a 401 keeps the points for the next try. A 422 names the refused
 * points (`body.points.N…`): those are dropped and the rest sent again. Any other 4xx cannot be
 * fixed by resending, so that batch is dropped (and said so in `lastProblem`).
 */
import type { ReportPositionsDto } from '../../contracts/inspector-positions.js';
import { ApiError } from '../api/problem.js';

export interface PositionFix {
  /** WGS84, as navigator.geolocation gives it */
  lng: number;
  lat: number;
  /** metres */
  accuracy?: number;
  /** the fix's time (ISO) */
  at: string;
}

export interface PositionSender {
  send(points: PositionFix[]): Promise<ReportPositionsDto>;
}

/** send at most this often while fixes come in … */
export const SEND_EVERY_MS = 60_000;
/** … or at once when this many wait */
export const SEND_AT_COUNT = 20;
/** the server's batch limit (POSITION_BATCH_MAX) */
export const BATCH_MAX = 50;
/** a fix this soon after the last buffered one is skipped (phones report every second while moving) */
export const MIN_GAP_MS = 10_000;
/** at most this many wait (≈ 4 hours offline at one per 15 s); the oldest go first */
export const BUFFER_MAX = 1000;
/** the server refuses older fixes */
const MAX_AGE_MS = 24 * 3_600_000;

export type FlushOutcome = 'sent' | 'nothing' | 'kept' | 'busy';

/** The indices of the refused points a 422 names (field paths `body.points.N` or `body.points.N.at`). */
export function refusedIndices(error: ApiError): Set<number> {
  const out = new Set<number>();
  for (const f of error.fieldErrors) {
    const m = /^body\.points[.[](\d+)/.exec(f.field);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

/** No answer, server trouble, a timeout or rate limit, or the session ended: the same points later. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 401 || error.status === 408 || error.status === 429;
}

export class PositionBuffer {
  private points: PositionFix[] = [];
  private lastTry: number | null = null;
  private running: Promise<FlushOutcome> | null = null;
  /** the device time of the newest fix the server has accepted */
  lastSentAt: string | null = null;
  /** the last refusal the feed could not recover from (shown, never retried as it was) */
  lastProblem: ApiError | null = null;

  constructor(
    private readonly sender: PositionSender,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get size(): number {
    return this.points.length;
  }

  /** Buffers a fix (unless it comes too soon after the last one); true when it is time to send. */
  add(fix: PositionFix): boolean {
    const last = this.points.at(-1);
    if (last && Date.parse(fix.at) - Date.parse(last.at) < MIN_GAP_MS) return this.due();
    this.points.push(fix);
    if (this.points.length > BUFFER_MAX) this.points.splice(0, this.points.length - BUFFER_MAX);
    return this.due();
  }

  /** Something waits and either enough waits or the last try is a minute old. */
  due(): boolean {
    if (this.points.length === 0) return false;
    return this.points.length >= SEND_AT_COUNT || this.lastTry === null || this.now() - this.lastTry >= SEND_EVERY_MS;
  }

  /** Sends everything waiting, oldest first, in batches; one flush at a time. */
  flush(): Promise<FlushOutcome> {
    if (this.running) return Promise.resolve('busy');
    this.running = this.sendAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The next fix goes at once (the feed was just switched on again: the screen should know soon). */
  sendSoon(): void {
    this.lastTry = null;
  }

  /** Forgets everything (sign-out: the next account must not send this one's points). */
  clear(): void {
    this.points = [];
    this.lastSentAt = null;
    this.lastProblem = null;
    this.lastTry = null;
  }

  private async sendAll(): Promise<FlushOutcome> {
    this.lastTry = this.now();
    const cutoff = this.now() - MAX_AGE_MS;
    this.points = this.points.filter((p) => Date.parse(p.at) > cutoff);
    if (this.points.length === 0) return 'nothing';
    while (this.points.length > 0) {
      const batch = this.points.slice(0, BATCH_MAX);
      if ((await this.sendBatch(batch)) === 'kept') return 'kept';
      // sent, or refused for good: either way it leaves the buffer
      this.drop(batch);
    }
    return 'sent';
  }

  /** 'done' when the batch was stored or cannot ever be; 'kept' when it should wait for the next try (refused points already dropped). */
  private async sendBatch(batch: PositionFix[]): Promise<'done' | 'kept'> {
    let sending = batch;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const answer = await this.sender.send(sending);
        this.lastSentAt = answer.latest.at;
        this.lastProblem = null;
        return 'done';
      } catch (error) {
        if (retryable(error)) return 'kept';
        const apiError = error as ApiError;
        this.lastProblem = apiError;
        const refused = apiError.status === 422 && attempt === 0 ? refusedIndices(apiError) : new Set<number>();
        // not fixable by sending it again: the batch goes
        if (refused.size === 0) return 'done';
        this.drop(sending.filter((_, i) => refused.has(i)));
        sending = sending.filter((_, i) => !refused.has(i));
        if (sending.length === 0) return 'done';
      }
    }
    return 'done';
  }

  private drop(points: PositionFix[]): void {
    const gone = new Set(points);
    this.points = this.points.filter((p) => !gone.has(p));
  }
}
