/**
 * The cases of the duplicate window, in memory, so that an intake's lookup — the case a resent order
 * made, and the possible duplicates (the same category near its point, the same caller) reported
 * since the window's start — needs no statement of its own. On PostgreSQL that statement, planned
 * anew at every call, was about two thirds of an intake's cost in the database (README, Benchmarks).
 *
 * What it holds: every case created since its horizon (the window and two days before the town's
 * clock when it loaded, moved on as the clock goes), as the record had it when it last followed it,
 * and every case this process has taken in since. It follows the record — the case events committed
 * after the last one it read, and their cases as they are now — before it answers when a command of
 * this process has changed a case since (stale()), and at least every FOLLOW_MS for other writers
 * (another node, the command line). The near arm looks only in the cells of about 100 m its box
 * covers, the caller arm at the caller's own cases.
 *
 * It answers only what it holds all of: a lookup reaching back to within a day of its horizon (a
 * report entered a day before the time it gives is not expected), or made while the window holds
 * more than MAX_CASES cases, goes to the database. A resent order whose case it does not hold (older
 * than the horizon, or written elsewhere a moment ago) is refused by the unique (channel, external
 * id) index at the write and answered with its case, as a resend racing its first send always was.
 */
import type { Kysely } from 'kysely';
import { caseIdsOfEventsAfter, chainHead } from '../db/repositories/case-event-repository.js';
import { DUPLICATE_ARM_LIMIT, lookupCasesByIds, lookupCasesCreatedSince, type DuplicateCandidateRow, type IntakeLookup, type IntakeLookupResult, type LookupCaseRow } from '../db/repositories/case-repository.js';
import type { DB } from '../db/schema.js';

const DAY_MS = 86_400_000;
/** how old the process's view of other writers' cases may be when it answers */
export const FOLLOW_MS = 500;
/** more cases than this in the window, and the database answers from then on */
const MAX_CASES = 100_000;
const EVENTS_PER_READ = 1_000;
/** the near arm's cells: 0.001° is about 110 m north–south and 95 m east–west here */
const CELL_DEGREES = 0.001;
/** a search box over more cells than this (a radius of a kilometre or more) is left to the database */
const MAX_CELLS = 400;

type Entry = LookupCaseRow;

export class RecentCases {
  private readonly byId = new Map<string, Entry>();
  private readonly byExternal = new Map<string, Entry>();
  /** by category and cell of its point (cases without a point or category are never near) */
  private readonly byCell = new Map<string, Map<number, Map<string, Entry>>>();
  private readonly byCaller = new Map<string, Map<string, Entry>>();
  /** cases created at or after this instant (ms) are all held; null until loaded */
  private horizon: number | null = null;
  private windowDays = 0;
  /** the last event seq followed */
  private tail = 0;
  /** events this process appended for the cases it took in (nothing to read back for them) */
  private readonly ownSeqs = new Set<number>();
  private followedAt = -Infinity;
  private dirty = false;
  private overflowed = false;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly townId: string,
    private readonly maxCases = MAX_CASES,
  ) {}

  /** The lookup's answer, as the database would give it; null when only the database can answer. */
  async lookup(query: IntakeLookup, now: Date, windowDays: number): Promise<IntakeLookupResult | null> {
    if (!query.resend && !query.near && !query.callerIndex) return { existingId: undefined, candidates: [] };
    if (this.overflowed) return null;
    if (this.horizon === null || windowDays > this.windowDays || this.dirty || performance.now() - this.followedAt > FOLLOW_MS) {
      try {
        await this.refresh(now, windowDays);
      } catch {
        // the database answers, or fails as it would have; the next lookup follows again
        this.dirty = true;
        return null;
      }
    }
    if (this.horizon === null || this.overflowed) return null;
    this.moveHorizon(now);
    if (Date.parse(query.since) < this.horizon + DAY_MS) return null;
    return this.answer(query);
  }

  /** A case this process has just taken in (committed), with the seq of its first event. */
  added(row: LookupCaseRow, seq: number): void {
    if (this.horizon === null) return; // the load, or the first follow after it, reads it
    this.put(row);
    if (seq > this.tail) this.ownSeqs.add(seq);
  }

  /** A command of this process has changed a case: follow the record before the next answer. */
  stale(): void {
    this.dirty = true;
  }

  /** the arms as the lookup's SQL has them (case-repository.ts), each at most DUPLICATE_ARM_LIMIT cases */
  private answer({ resend, near, callerIndex, since }: IntakeLookup): IntakeLookupResult | null {
    const existingId = resend ? this.byExternal.get(externalKey(resend.channel, resend.externalId))?.id : undefined;
    const candidates = new Map<string, DuplicateCandidateRow>();
    const take = (buckets: Array<Map<string, Entry> | undefined>, matches: (e: Entry) => boolean) => {
      let n = 0;
      for (const bucket of buckets) {
        for (const e of bucket?.values() ?? []) {
          if (n === DUPLICATE_ARM_LIMIT) return;
          if (!matches(e) || e.status === 'voided' || e.reported_at < since) continue;
          n++;
          candidates.set(e.id, e);
        }
      }
    };
    if (near) {
      const { minLng, maxLng, minLat, maxLat } = near.box;
      const [x0, x1, y0, y1] = [cell(minLng), cell(maxLng), cell(minLat), cell(maxLat)];
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) return null;
      const buckets: Array<Map<string, Entry> | undefined> = [];
      const cells = this.byCell.get(near.categoryCode);
      if (cells) for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) buckets.push(cells.get(cellIndex(x, y)));
      take(buckets, (e) => e.lng! >= minLng && e.lng! <= maxLng && e.lat! >= minLat && e.lat! <= maxLat);
    }
    if (callerIndex) take([this.byCaller.get(callerIndex)], () => true);
    return { existingId, candidates: [...candidates.values()] };
  }

  /** one read at a time; a stale() during it makes it follow once more */
  private refresh(now: Date, windowDays: number): Promise<void> {
    this.reading ??= (async () => {
      try {
        do {
          this.dirty = false;
          this.followedAt = performance.now();
          if (this.horizon === null || windowDays > this.windowDays) await this.load(now, windowDays);
          else await this.follow();
        } while (this.dirty);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private async load(now: Date, windowDays: number): Promise<void> {
    this.clear();
    // the head first: what is committed after it is followed, what before it is in the read below
    const head = await chainHead(this.db, this.townId);
    const horizon = now.getTime() - (windowDays + 2) * DAY_MS;
    const rows = await lookupCasesCreatedSince(this.db, this.townId, new Date(horizon).toISOString());
    if (rows.length > this.maxCases) return this.overflow();
    for (const row of rows) this.put(row);
    this.tail = head?.seq ?? 0;
    this.windowDays = windowDays;
    this.horizon = horizon;
    // what was committed while it loaded (cases this process took in meanwhile were not added): follow at once
    this.dirty = true;
  }

  private async follow(): Promise<void> {
    for (;;) {
      const events = await caseIdsOfEventsAfter(this.db, this.townId, this.tail, EVENTS_PER_READ);
      if (events.length === 0) break;
      const changed = new Set<string>();
      for (const e of events) if (!this.ownSeqs.delete(Number(e.seq))) changed.add(e.case_id);
      for (const row of await lookupCasesByIds(this.db, this.townId, [...changed])) this.put(row);
      this.tail = Number(events[events.length - 1]!.seq);
      if (events.length < EVENTS_PER_READ) break;
    }
    for (const seq of this.ownSeqs) if (seq <= this.tail) this.ownSeqs.delete(seq);
    if (this.byId.size > this.maxCases) this.overflow();
  }

  /** once the town's clock has gone an hour past it, the horizon follows, and older cases are let go */
  private moveHorizon(now: Date): void {
    const horizon = now.getTime() - (this.windowDays + 2) * DAY_MS;
    if (horizon - this.horizon! < DAY_MS / 24) return;
    const before = new Date(horizon).toISOString();
    for (const e of this.byId.values()) if (e.created_at < before) this.remove(e);
    this.horizon = horizon;
  }

  private put(row: LookupCaseRow): void {
    const old = this.byId.get(row.id);
    if (old) this.remove(old);
    // the lookup's columns only: an intake hands over its whole row, which is not to be kept
    const e: Entry = {
      id: row.id,
      case_no: row.case_no,
      status: row.status,
      created_at: row.created_at,
      category_code: row.category_code,
      lng: row.lng,
      lat: row.lat,
      reported_at: row.reported_at,
      reporter_phone_idx: row.reporter_phone_idx,
      description: row.description,
      channel: row.channel,
      external_id: row.external_id,
    };
    this.byId.set(e.id, e);
    if (e.external_id !== null) this.byExternal.set(externalKey(e.channel, e.external_id), e);
    const at = cellOf(e);
    if (at !== null) bucket(bucket(this.byCell, e.category_code!), at).set(e.id, e);
    if (e.reporter_phone_idx !== null) bucket(this.byCaller, e.reporter_phone_idx).set(e.id, e);
  }

  private remove(e: Entry): void {
    this.byId.delete(e.id);
    if (e.external_id !== null) this.byExternal.delete(externalKey(e.channel, e.external_id));
    const at = cellOf(e);
    const cells = at === null ? undefined : this.byCell.get(e.category_code!);
    if (cells) {
      unbucket(cells, at!, e.id);
      if (cells.size === 0) this.byCell.delete(e.category_code!);
    }
    if (e.reporter_phone_idx !== null) unbucket(this.byCaller, e.reporter_phone_idx, e.id);
  }

  private clear(): void {
    this.byId.clear();
    this.byExternal.clear();
    this.byCell.clear();
    this.byCaller.clear();
    this.ownSeqs.clear();
    this.horizon = null;
  }

  /** too many cases in the window to keep: the database answers from now on */
  private overflow(): void {
    this.clear();
    this.overflowed = true;
  }
}

function externalKey(channel: string, externalId: string): string {
  return `${channel}\u0000${externalId}`;
}

function cell(degrees: number): number {
  return Math.floor(degrees / CELL_DEGREES);
}

/** one number per cell (a category's cells are a map of their own): no key string to build and hash at every lookup */
function cellIndex(x: number, y: number): number {
  // y (latitude) is within ±90 000 cells, so x·10⁶ + y + 500 000 is one cell's alone
  return x * 1_000_000 + y + 500_000;
}

function cellOf(e: Entry): number | null {
  return e.category_code === null || e.lng === null || e.lat === null ? null : cellIndex(cell(e.lng), cell(e.lat));
}

function unbucket<K>(index: Map<K, Map<string, Entry>>, key: K, id: string): void {
  const b = index.get(key);
  if (b?.delete(id) && b.size === 0) index.delete(key);
}

function bucket<K, InnerKey, V>(index: Map<K, Map<InnerKey, V>>, key: K): Map<InnerKey, V> {
  let b = index.get(key);
  if (!b) {
    b = new Map();
    index.set(key, b);
  }
  return b;
}
