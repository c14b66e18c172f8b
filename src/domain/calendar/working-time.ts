/**
 * Working-time arithmetic over the day table and the daily working windows (morning, afternoon).
 * All functions step whole windows and whole days, never minutes: a deadline a month away costs a
 * few dozen iterations, and counting working time between two instants is O(log n).
 *
 * Two conventions, used everywhere:
 * - Working time runs only inside a window [open, close) of a working day. An instant outside
 *   (before opening, lunch break, after close, rest day) sits at the same working-time position as
 *   the next window opening; so a start outside working time starts counting at the next opening.
 * - Several wall-clock instants can share one working-time position (12:00 and 13:30 across lunch,
 *   17:30 and the next working morning). `tie` picks which one a deadline lands on: 'end' = the
 *   earliest (the close of the window in which the time ran out: "due by 17:30 today"), 'start' =
 *   the next opening (keeps "same clock time N working days later" for workDay limits).
 */
import type { DayTable } from './day-table.js';
import { localDayOf, localOffsetOf, instantAt } from './local-time.js';

export interface Window {
  open: number;
  close: number;
}

export type Tie = 'end' | 'start';

export interface WorkingTime {
  /** working ms in one full working day */
  dayMs: number;
  addWorkingMs(start: number, ms: number, tie: Tie): number;
  workingMsBetween(a: number, b: number): number;
  addWorkDays(start: number, days: number): number;
  isWorkingInstant(t: number): boolean;
}

export function createWorkingTime(table: DayTable, windows: readonly Window[]): WorkingTime {
  const dayMs = windows.reduce((s, w) => s + (w.close - w.open), 0);
  const last = windows[windows.length - 1];
  if (!last || dayMs <= 0) throw new RangeError('a working day needs at least one non-empty window');
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    const prev = windows[i - 1];
    if (!w || w.close <= w.open || (prev && w.open < prev.close)) {
      throw new RangeError('working windows must be non-empty, ordered and not overlapping');
    }
  }
  const lastClose = last.close;

  /** working ms of day (assumed a working day) before local offset `off` */
  const workedBefore = (off: number): number => {
    let s = 0;
    for (const w of windows) s += Math.max(0, Math.min(off, w.close) - w.open);
    return s;
  };

  /** the day number of the n-th working day after `day` (n = 0 → `day` itself) */
  const nthWorkdayAfter = (day: number, n: number): number => {
    let d = day;
    for (let left = n; left > 0; ) {
      d++;
      if (table.isWorkday(d)) left--;
    }
    return d;
  };

  const addWorkingMs = (start: number, ms: number, tie: Tie): number => {
    if (ms <= 0) return start;
    let day = localDayOf(start);
    let off = localOffsetOf(start);
    let remaining = ms;
    for (;;) {
      if (table.isWorkday(day)) {
        // skip a whole working day at once when the time left outlasts it
        if (off === 0 && remaining > dayMs) {
          remaining -= dayMs;
        } else {
          for (const w of windows) {
            if (off >= w.close) continue;
            const from = Math.max(off, w.open);
            if (remaining === 0) return instantAt(day, from); // tie 'start': the next opening
            const avail = w.close - from;
            if (remaining < avail || (remaining === avail && tie === 'end')) return instantAt(day, from + remaining);
            remaining -= avail;
          }
        }
      }
      day++;
      off = 0;
    }
  };

  const workingMsBetween = (a: number, b: number): number => {
    if (b < a) return -workingMsBetween(b, a);
    const da = localDayOf(a);
    const db = localDayOf(b);
    const offA = localOffsetOf(a);
    const offB = localOffsetOf(b);
    if (da === db) return table.isWorkday(da) ? workedBefore(offB) - workedBefore(offA) : 0;
    const head = table.isWorkday(da) ? dayMs - workedBefore(offA) : 0;
    const tail = table.isWorkday(db) ? workedBefore(offB) : 0;
    return head + dayMs * table.countWorkdays(da + 1, db) + tail;
  };

  /**
   * workDay convention (N a whole number ≥ 1): the deadline is the same local clock time on the N-th
   * following working day. A start in the lunch break counts from the afternoon opening; a start
   * before the day's opening, after its close or on a rest day has the deadline at the close of
   * the N-th working day counted from the next opening (a case reported Friday evening with 1
   * working day is due Monday 17:30). In every case exactly N × dayMs working time is allowed.
   */
  const addWorkDays = (start: number, days: number): number => {
    const day = localDayOf(start);
    const off = localOffsetOf(start);
    if (table.isWorkday(day)) {
      if (off < (windows[0]?.open ?? 0)) return instantAt(nthWorkdayAfter(day, days - 1), lastClose);
      for (const w of windows) {
        if (off < w.open) return instantAt(nthWorkdayAfter(day, days), w.open); // a break: from the next opening
        if (off < w.close) return instantAt(nthWorkdayAfter(day, days), off);
      }
    }
    return instantAt(nthWorkdayAfter(day, days), lastClose);
  };

  const isWorkingInstant = (t: number): boolean => {
    const day = localDayOf(t);
    if (!table.isWorkday(day)) return false;
    const off = localOffsetOf(t);
    return windows.some((w) => off >= w.open && off < w.close);
  };

  return { dayMs, addWorkingMs, workingMsBetween, addWorkDays, isWorkingInstant };
}
