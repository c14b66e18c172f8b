/**
 * Time buckets of the dashboard's counters, in Asia/Shanghai local time (fixed UTC+8, see
 * calendar/local-time.ts): an hour 'h:2026-11-25T09', a day 'd:2026-11-25', an ISO week
 * 'w:2026-W48' and a month 'm:2026-11'. Live gauges (counts of cases as they are now) use 'now'.
 * The strings sort in time order within a kind, so a range of days is a range of keys.
 */
import { dateFromDay, DAY_MS, localDayOf, SHANGHAI_OFFSET_MS, weekdayOf } from '../calendar/local-time.js';

export const NOW_BUCKET = 'now';
export type BucketKind = 'h' | 'd' | 'w' | 'm';

function hourOf(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 13);
}

/** ISO-8601 week of a local day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOfDay(day: number): string {
  const weekday = (weekdayOf(day) + 6) % 7; // 0 = Monday
  const thursday = day - weekday + 3;
  const year = Number(dateFromDay(thursday).slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function bucketOf(kind: BucketKind, at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const day = localDayOf(ms);
  switch (kind) {
    case 'h':
      return `h:${hourOf(ms)}`;
    case 'd':
      return `d:${dateFromDay(day)}`;
    case 'w':
      return `w:${isoWeekOfDay(day)}`;
    case 'm':
      return `m:${dateFromDay(day).slice(0, 7)}`;
  }
}

/** The last `count` buckets of a kind ending with the one holding `now`, oldest first. */
export function recentBuckets(kind: 'h' | 'd' | 'w', now: Date, count: number): string[] {
  const step = kind === 'h' ? 3_600_000 : kind === 'd' ? DAY_MS : 7 * DAY_MS;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(bucketOf(kind, new Date(now.getTime() - i * step)));
  return out;
}

/** Today's 24 hour buckets (local midnight to 23:00), whatever the hour now. */
export function hoursOfDay(now: Date): string[] {
  const date = dateFromDay(localDayOf(now.getTime()));
  return Array.from({ length: 24 }, (_, h) => `h:${date}T${String(h).padStart(2, '0')}`);
}
