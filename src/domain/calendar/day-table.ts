/**
 * Which local days are working days: the national base calendar (chinese-days) overlaid with the
 * town's own dated overrides (holidays.yaml), and the weekday rule for every date neither lists —
 * which is also the whole rule outside the years the package covers.
 * Everything is keyed by day number so the hot path is one Map lookup plus integer maths.
 */
import type { HolidaysFile } from '../profile/schema.js';
import { baseCalendar } from './base-holidays.js';
import { dayFromDate, isWeekend, weekdayOf } from './local-time.js';

export type DayKindName = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayKind {
  kind: DayKindName;
  /** the holiday or make-up day's name (春节, 国庆节, or the override's name) when known */
  name?: string;
  /** where the decision came from */
  source: 'weekday-rule' | 'chinese-days' | 'override';
}

export type HolidayOverride = HolidaysFile['overrides'][number];

export interface DayTable {
  isWorkday(day: number): boolean;
  kind(day: number): DayKind;
  /** working days in [fromDay, toDay) */
  countWorkdays(fromDay: number, toDay: number): number;
  firstYear: number;
  lastYear: number;
}

interface Listed {
  work: boolean;
  name: string;
  source: 'chinese-days' | 'override';
}

export function createDayTable(overrides: readonly HolidayOverride[]): DayTable {
  const base = baseCalendar();
  const listed = new Map<number, Listed>();
  for (const [day, e] of base.entries) listed.set(day, { work: e.work, name: e.name, source: 'chinese-days' });
  // the town's table wins over the national one (a later override for the same date wins too)
  for (const o of overrides) listed.set(dayFromDate(o.date), { work: o.type === 'workday', name: o.name, source: 'override' });

  // Days whose status differs from the weekday rule, sorted, with prefix sums of the difference:
  // counting working days over any range is then a closed-form weekday count plus two binary searches.
  const exceptions = [...listed.entries()]
    .filter(([day, l]) => l.work === isWeekend(day))
    .map(([day, l]) => ({ day, delta: l.work ? 1 : -1 }))
    .sort((a, b) => a.day - b.day);
  const exceptionDays = exceptions.map((e) => e.day);
  const prefix = [0];
  for (const e of exceptions) prefix.push((prefix[prefix.length - 1] ?? 0) + e.delta);

  const isWorkday = (day: number): boolean => {
    const l = listed.get(day);
    return l ? l.work : !isWeekend(day);
  };

  const kind = (day: number): DayKind => {
    const l = listed.get(day);
    if (!l) return { kind: isWeekend(day) ? 'weekend' : 'workday', source: 'weekday-rule' };
    if (!l.work) return { kind: 'holiday', name: l.name, source: l.source };
    // a working day that the weekday rule or the national calendar would have given as rest: 调休/补班
    const wouldRest = isWeekend(day) || base.entries.get(day)?.work === false;
    return { kind: wouldRest ? 'makeup_workday' : 'workday', name: l.name, source: l.source };
  };

  const countWorkdays = (fromDay: number, toDay: number): number => {
    if (toDay <= fromDay) return 0;
    return weekdaysBetween(fromDay, toDay) + (prefix[lowerBound(exceptionDays, toDay)] ?? 0) - (prefix[lowerBound(exceptionDays, fromDay)] ?? 0);
  };

  return { isWorkday, kind, countWorkdays, firstYear: base.firstYear, lastYear: base.lastYear };
}

/** Monday–Friday days in [fromDay, toDay). */
function weekdaysBetween(fromDay: number, toDay: number): number {
  const n = toDay - fromDay;
  let count = Math.floor(n / 7) * 5;
  const start = weekdayOf(fromDay);
  for (let i = 0; i < n % 7; i++) {
    const w = (start + i) % 7;
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/** Index of the first element ≥ value in a sorted array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
