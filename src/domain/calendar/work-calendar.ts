/**
 * The town's working-time calendar (MISSION: deadlines in working time, DESIGN D6).
 * Built once per profile load and reused: construction merges the national calendar with the
 * town's overrides; every query afterwards is integer arithmetic on day numbers.
 */
import type { RulesFile, TimeLimit } from '../profile/schema.js';
import { createDayTable } from './day-table.js';
import type { DayKind, HolidayOverride } from './day-table.js';
import { DAY_MS, HOUR_MS, dayFromDate, parseHhmm } from './local-time.js';
import { createWorkingTime } from './working-time.js';

export type WorkdayHours = RulesFile['deadlines']['workday'];
export type TimeUnit = TimeLimit['unit'];

export interface WorkCalendarOptions {
  /** holidays.yaml overrides; they win over the national calendar */
  overrides: readonly HolidayOverride[];
  /** rules.yaml deadlines.workday, Asia/Shanghai wall time */
  workday: WorkdayHours;
}

export interface WorkCalendar {
  isWorkday(localDate: string): boolean;
  dayKind(localDate: string): DayKind;
  /** the years the national calendar (chinese-days) covers; outside them only weekends and overrides rest */
  coverage: { firstYear: number; lastYear: number };
  /** working ms in one full working day (morning + afternoon) */
  workdayMs: number;
  /** the deadline of `limit` started at `start` (conventions in working-time.ts and addLimit below) */
  addLimit(start: Date, limit: TimeLimit): Date;
  /** working ms between a and b (negative when b < a) */
  workingMsBetween(a: Date, b: Date): number;
  /** the time allowed by a limit in its own measure: working ms for working units, plain ms otherwise */
  allowedMs(limit: TimeLimit): number;
  /** time from a to b in the measure of `unit` */
  measure(unit: TimeUnit, a: Date, b: Date): number;
  /** move a deadline by `ms` of the measure of `unit` (pause compensation) */
  shift(unit: TimeUnit, t: Date, ms: number): Date;
  /** whether the instant is inside a working window of a working day */
  isWorkingTime(t: Date): boolean;
}

export function isWorkingUnit(unit: TimeUnit): boolean {
  switch (unit) {
    case 'workHour':
    case 'workDay':
      return true;
    case 'hour':
    case 'day':
      return false;
  }
}

export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  const table = createDayTable(options.overrides);
  const { morning, afternoon } = options.workday;
  const wt = createWorkingTime(table, [
    { open: parseHhmm(morning[0]), close: parseHhmm(morning[1]) },
    { open: parseHhmm(afternoon[0]), close: parseHhmm(afternoon[1]) },
  ]);

  const allowedMs = (limit: TimeLimit): number => {
    switch (limit.unit) {
      case 'workHour':
      case 'hour':
        return Math.round(limit.amount * HOUR_MS);
      case 'workDay':
        return Math.round(limit.amount * wt.dayMs);
      case 'day':
        return Math.round(limit.amount * DAY_MS);
    }
  };

  /**
   * workHour: the earliest instant at which the working time has elapsed (ending exactly at a
   * close stays at that close). workDay: whole days by the same-clock-time convention of
   * addWorkDays; a fractional remainder (1.5 workDay) then adds that share of a working day as
   * working time. hour/day: continuous natural time, holidays ignored.
   */
  const addLimit = (start: Date, limit: TimeLimit): Date => {
    const t = start.getTime();
    switch (limit.unit) {
      case 'workHour':
        return new Date(wt.addWorkingMs(t, allowedMs(limit), 'end'));
      case 'workDay': {
        const whole = Math.floor(limit.amount);
        const rest = Math.round((limit.amount - whole) * wt.dayMs);
        const afterWhole = whole >= 1 ? wt.addWorkDays(t, whole) : t;
        return new Date(wt.addWorkingMs(afterWhole, rest, 'end'));
      }
      case 'hour':
      case 'day':
        return new Date(t + allowedMs(limit));
    }
  };

  const measure = (unit: TimeUnit, a: Date, b: Date): number =>
    isWorkingUnit(unit) ? wt.workingMsBetween(a.getTime(), b.getTime()) : b.getTime() - a.getTime();

  const shift = (unit: TimeUnit, t: Date, ms: number): Date => {
    if (!isWorkingUnit(unit)) return new Date(t.getTime() + ms);
    // a workDay deadline inside working time keeps its clock time when moved by whole days
    const tie = unit === 'workDay' && wt.isWorkingInstant(t.getTime()) ? 'start' : 'end';
    return new Date(wt.addWorkingMs(t.getTime(), ms, tie));
  };

  return {
    isWorkday: (localDate) => table.isWorkday(dayFromDate(localDate)),
    dayKind: (localDate) => table.kind(dayFromDate(localDate)),
    coverage: { firstYear: table.firstYear, lastYear: table.lastYear },
    workdayMs: wt.dayMs,
    addLimit,
    workingMsBetween: (a, b) => wt.workingMsBetween(a.getTime(), b.getTime()),
    allowedMs,
    measure,
    shift,
    isWorkingTime: (t) => wt.isWorkingInstant(t.getTime()),
  };
}
