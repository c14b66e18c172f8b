/**
 * The inspector's outbox (巡查上报离线队列), framework-free. A report gets its Idempotency-Key and
 * external id the moment it is typed and is stored (with its photo blobs) before anything is sent;
 * it leaves the store only when the server answered 2xx. A network failure or a 5xx keeps it queued
 * for the next try (online event, app start, a periodic retry); a 4xx problem is kept on the item
 * for the inspector to correct or delete — never dropped silently. A resend after a lost answer
 * carries the same key and external id, so the server returns the case it already made.
 */
import type { IntakeInput } from '../api/cases.js';
import { ApiError } from '../api/problem.js';

/** What the inspector typed. */
export interface ReportDraft {
  /** the account that typed it: only its own items are sent with its session */
  owner: string;
  description: string;
  categoryCode?: string;
  /** WGS84 from navigator.geolocation, with its accuracy in metres */
  location?: { lng: number; lat: number; accuracy: number };
  address?: string;
  /** the inspector's personnel code (channelData.inspectorCode) */
  inspectorCode?: string;
  photos: Blob[];
}

export interface ReportProblem {
  status: number;
  code: string;
  zh: string;
  en: string;
  fields: Array<{ field: string; zh: string; en: string }>;
}

export interface QueuedReport extends ReportDraft {
  /** the Idempotency-Key of the intake request */
  key: string;
  /** externalId of the intake: unique per channel on the server, so a resend finds its case */
  externalId: string;
  /** when it was typed; sent as reportedAt, and the queue's order */
  createdAt: string;
  /** attachment ids of photos already uploaded, by index (uploads are content-addressed, so a re-upload is harmless) */
  uploaded: Array<string | null>;
  attempts: number;
  lastTriedAt: string | null;
  /** the server refused it (4xx): kept and shown until corrected or deleted */
  problem: ReportProblem | null;
}

/** Where queued reports live: IndexedDB in the browser, a Map in the tests. */
export interface ReportStore {
  all(): Promise<QueuedReport[]>;
  put(report: QueuedReport): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The two calls a report needs. Failures are thrown as ApiError (status 0 = no network). */
export interface ReportSender<R extends { id: string }> {
  upload(photo: Blob): Promise<string>;
  intake(body: IntakeInput, idempotencyKey: string): Promise<R>;
}

export interface FlushResult<R> {
  sent: Array<{ key: string; result: R }>;
  rejected: Array<{ key: string; problem: ReportProblem }>;
  /** items still waiting (network down, server trouble, session ended) */
  waiting: number;
}

type Failure = { kind: 'retry' } | { kind: 'stop' } | { kind: 'rejected'; problem: ReportProblem };

/** Whether a failed send is worth retrying as it is, or the server refused the report itself. */
export function classifyFailure(error: unknown): Failure {
  if (!(error instanceof ApiError)) return { kind: 'retry' };
  // no answer, server trouble, a timeout or rate limit: the same request later
  if (error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429) return { kind: 'retry' };
  // the session ended: keep everything until the inspector has signed in again
  if (error.status === 401) return { kind: 'stop' };
  return {
    kind: 'rejected',
    problem: {
      status: error.status,
      code: error.code,
      zh: error.text.zh,
      en: error.text.en,
      fields: error.fieldErrors.map((f) => ({ field: f.field, zh: f.message.zh, en: f.message.en })),
    },
  };
}

/** The intake body of a queued report (photos given as their uploaded ids). */
export function intakeBodyOf(r: QueuedReport, photoIds: string[]): IntakeInput {
  return {
    channel: 'inspector',
    externalId: r.externalId,
    description: r.description,
    reportedAt: r.createdAt,
    photos: photoIds,
    ...(r.categoryCode ? { categoryCode: r.categoryCode } : {}),
    ...(r.location ? { location: { lng: r.location.lng, lat: r.location.lat, crs: 'wgs84' as const } } : {}),
    ...(r.address ? { address: r.address } : {}),
    ...(r.inspectorCode ? { channelData: { inspectorCode: r.inspectorCode } } : {}),
  };
}

const byAge = (a: QueuedReport, b: QueuedReport): number => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key);

export class ReportQueue<R extends { id: string }> {
  private running: Promise<FlushResult<R>> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: ReportStore,
    private readonly sender: ReportSender<R>,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Called after every change of the store (to redraw a list). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The queued reports of one account (all when owner is null), oldest first. */
  async list(owner: string | null): Promise<QueuedReport[]> {
    return (await this.store.all()).filter((r) => owner === null || r.owner === owner).sort(byAge);
  }

  /** Stores a typed report with its key and external id; nothing is sent yet. */
  async add(draft: ReportDraft): Promise<QueuedReport> {
    const id = this.newId();
    const report: QueuedReport = {
      ...draft,
      photos: [...draft.photos],
      key: id,
      externalId: `M-${id}`,
      createdAt: this.now().toISOString(),
      uploaded: draft.photos.map(() => null),
      attempts: 0,
      lastTriedAt: null,
      problem: null,
    };
    await this.store.put(report);
    this.changed();
    return report;
  }

  /**
   * A refused report, corrected: the server answered the old key with its problem (and keeps that
   * answer), so the corrected request needs a new key. No case was made, so the external id stays.
   */
  async correct(key: string, changes: Partial<Pick<ReportDraft, 'description' | 'categoryCode' | 'location' | 'address' | 'photos'>>): Promise<QueuedReport | null> {
    const old = (await this.store.all()).find((r) => r.key === key);
    if (!old) return null;
    const photos = changes.photos ?? old.photos;
    const corrected: QueuedReport = {
      ...old,
      ...changes,
      photos,
      uploaded: changes.photos ? photos.map(() => null) : old.uploaded,
      key: this.newId(),
      problem: null,
      attempts: 0,
      lastTriedAt: null,
    };
    await this.store.put(corrected);
    await this.store.remove(key);
    this.changed();
    return corrected;
  }

  async remove(key: string): Promise<void> {
    await this.store.remove(key);
    this.changed();
  }

  /** Sends the owner's waiting reports, oldest first; one flush at a time. */
  flush(owner: string): Promise<FlushResult<R>> {
    this.running ??= this.sendAll(owner).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendAll(owner: string): Promise<FlushResult<R>> {
    const result: FlushResult<R> = { sent: [], rejected: [], waiting: 0 };
    const waiting = (await this.list(owner)).filter((r) => r.problem === null);
    for (let i = 0; i < waiting.length; i++) {
      const report = waiting[i]!;
      const outcome = await this.sendOne(report);
      if (outcome.kind === 'sent') {
        await this.store.remove(report.key);
        result.sent.push({ key: report.key, result: outcome.result });
      } else if (outcome.kind === 'rejected') {
        await this.store.put({ ...outcome.report, problem: outcome.problem });
        result.rejected.push({ key: report.key, problem: outcome.problem });
      } else {
        await this.store.put(outcome.report);
        // the network or the server is down (or the session ended): the rest waits too
        result.waiting = waiting.length - i;
        break;
      }
      this.changed();
    }
    this.changed();
    return result;
  }

  private async sendOne(report: QueuedReport): Promise<{ kind: 'sent'; result: R } | { kind: 'retry' | 'stop'; report: QueuedReport } | { kind: 'rejected'; report: QueuedReport; problem: ReportProblem }> {
    const tried: QueuedReport = { ...report, uploaded: [...report.uploaded], attempts: report.attempts + 1, lastTriedAt: this.now().toISOString() };
    try {
      for (let i = 0; i < tried.photos.length; i++) {
        tried.uploaded[i] ??= await this.sender.upload(tried.photos[i]!);
      }
      const result = await this.sender.intake(intakeBodyOf(tried, tried.uploaded as string[]), tried.key);
      return { kind: 'sent', result };
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'rejected') return { kind: 'rejected', report: tried, problem: failure.problem };
      return { kind: failure.kind, report: tried };
    }
  }
}

/** A store in memory: the tests' stand-in for IndexedDB, and a fallback where IndexedDB is unavailable. */
export function memoryReportStore(): ReportStore {
  const items = new Map<string, QueuedReport>();
  const copy = (r: QueuedReport): QueuedReport => ({ ...r, photos: [...r.photos], uploaded: [...r.uploaded] });
  return {
    all: async () => [...items.values()].map(copy),
    put: async (r) => {
      items.set(r.key, copy(r));
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}
