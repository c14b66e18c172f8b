/**
 * Asia/Shanghai local time by fixed-offset arithmetic.
 * China has used UTC+8 without daylight saving since 1991, so a constant offset is exact for every
 * date this platform handles, and nothing here reads the process TZ (tests run under several TZ).
 * A local day is identified by its day number: whole days since 1970-01-01 (local), which makes
 * "next day" and weekday arithmetic plain integer maths on the hot path.
 */
import { ClearingMemo } from '../clearing-memo.js';
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Day number (local) of an instant. */
export function localDayOf(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localOffsetOf(epochMs: number): number {
  const wall = epochMs + SHANGHAI_OFFSET_MS;
  return wall - Math.floor(wall / DAY_MS) * DAY_MS;
}

/** The instant at `offsetMs` after local midnight of day `day`. */
export function instantAt(day: number, offsetMs: number): number {
  return day * DAY_MS + offsetMs - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; throws on a malformed or impossible date (2026-02-30). */
export function dayFromDate(localDate: string): number {
  const m = DATE_RE.exec(localDate);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(localDate)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  if (dateFromDay(day) !== localDate) throw new RangeError(`no such date: ${localDate}`);
  return day;
}

/** the days already formatted: every write of a case formats the same few days again and again */
const formattedDays = new ClearingMemo<number, string>(4096);

const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Day number → 'YYYY-MM-DD' (formatted in UTC, so independent of the process TZ). */
export function dateFromDay(day: number): string {
  return formattedDays.get(day, formatDay);
}

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDateOf(at: Date): string {
  return dateFromDay(localDayOf(at.getTime()));
}

/** 'HH:MM' → milliseconds after midnight. */
export function parseHhmm(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`expected HH:MM, got ${JSON.stringify(hhmm)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) throw new RangeError(`no such time: ${hhmm}`);
  return h * HOUR_MS + min * 60_000;
}

/**
 * A local wall-clock time in Asia/Shanghai → Date. `localDateTime` is 'YYYY-MM-DDTHH:MM' or
 * 'YYYY-MM-DD HH:MM[:SS]'. Mainly for tests and for profile data written in local time.
 */
export function shanghaiTime(localDateTime: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?$/.exec(localDateTime);
  if (!m || m[1] === undefined || m[2] === undefined) {
    throw new RangeError(`expected YYYY-MM-DDTHH:MM[:SS], got ${JSON.stringify(localDateTime)}`);
  }
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  return new Date(instantAt(dayFromDate(m[1]), parseHhmm(m[2]) + seconds * 1000));
}

/** Date → 'YYYY-MM-DD HH:MM:SS' Asia/Shanghai wall time (for messages, logs and test failures). */
export function formatShanghai(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
