/**
 * One reader of the record for all the event-stream connections of a process. On each wake-up the
 * feed reads the new case events once (with the columns that decide who may see them) and keeps the
 * latest ones in memory; a connection that is up to date takes its events from here instead of
 * querying the database itself, so an event reaches a thousand screens with two queries, not two
 * thousand. A connection that is behind (resuming from an old Last-Event-ID) reads the database
 * until it has caught up with the feed.
 */
import type { Kysely } from 'kysely';
import { chainHead, eventsAfter, type CaseEventRow } from '../db/repositories/case-event-repository.js';
import { findCasesByIds } from '../db/repositories/case-repository.js';
import type { DB } from '../db/schema.js';

export interface FeedItem {
  event: CaseEventRow;
  /** the case's number and what decides who may see it (as the case is now) */
  caseNo: string;
  stationCode: string | null;
  leadUnit: string | null;
  assistUnits: string;
}

const BATCH = 500;
const KEEP = 5000;

export async function readFeedItems(db: Kysely<DB>, townId: string, after: number, limit = BATCH): Promise<FeedItem[]> {
  const events = await eventsAfter(db, townId, after, limit);
  if (events.length === 0) return [];
  const cases = new Map((await findCasesByIds(db, townId, [...new Set(events.map((e) => e.case_id))])).map((c) => [c.id, c]));
  const items: FeedItem[] = [];
  for (const event of events) {
    const c = cases.get(event.case_id);
    if (c) items.push({ event, caseNo: c.case_no, stationCode: c.station_code, leadUnit: c.lead_unit, assistUnits: c.assist_units });
  }
  return items;
}

export class CaseEventFeed {
  private items: FeedItem[] = [];
  /** the last seq the feed has read; null until it first knows where the record ends */
  private tail: number | null = null;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly db: Kysely<DB>, private readonly townId: string) {}

  /** Reads what was committed since the last read; concurrent callers share one read. */
  refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    do {
      this.again = false;
      if (this.tail === null) {
        this.tail = (await chainHead(this.db, this.townId))?.seq ?? 0;
        continue;
      }
      for (;;) {
        const batch = await readFeedItems(this.db, this.townId, this.tail);
        if (batch.length === 0) break;
        this.items.push(...batch);
        this.tail = Number(batch[batch.length - 1]!.event.seq);
        if (batch.length < BATCH) break;
      }
      if (this.items.length > KEEP) this.items = this.items.slice(-KEEP);
    } while (this.again);
  }

  /**
   * The events after `last` when the feed holds all of them (possibly none yet); null when `last`
   * is older than what the feed keeps, or the feed has not read yet: the caller reads the database.
   */
  since(last: number): FeedItem[] | null {
    if (this.tail === null) return null;
    if (last >= this.tail) return [];
    const first = this.items[0];
    if (!first || last < Number(first.event.seq) - 1) return null;
    // items are in seq order: binary search for the first one after `last`
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Number(this.items[mid]!.event.seq) <= last) lo = mid + 1;
      else hi = mid;
    }
    return this.items.slice(lo);
  }
}
