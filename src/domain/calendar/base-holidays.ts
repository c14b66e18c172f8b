/**
 * The national calendar from the `chinese-days` package: public holidays and make-up working days
 * (调休) as published by the State Council, one file covering every year the package knows.
 * We read the package's bundled JSON rather than calling its per-date API because its API formats
 * every date through a dayjs wrapper, which is far too slow for the intake hot path; the JSON is
 * parsed into day-number maps once per process (memoised) and shared by every calendar instance.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayFromDate } from './local-time.js';

/** A dated entry of the base calendar: a rest day or a make-up working day, with its festival name. */
export interface BaseEntry {
  work: boolean;
  /** Chinese festival name, e.g. 春节 */
  name: string;
}

export interface BaseCalendar {
  /** day number → entry; days not listed follow the weekday rule */
  entries: ReadonlyMap<number, BaseEntry>;
  /** the years the package has an official arrangement for */
  firstYear: number;
  lastYear: number;
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package stores "English name,中文名,n"; keep the Chinese name (the product's language). */
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

let cached: BaseCalendar | undefined;

export function baseCalendar(): BaseCalendar {
  if (cached) return cached;
  const data: ChineseDaysJson = chineseDays;
  const entries = new Map<number, BaseEntry>();
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  const add = (table: Record<string, string>, work: boolean): void => {
    for (const [date, raw] of Object.entries(table)) {
      entries.set(dayFromDate(date), { work, name: chineseName(raw) });
      const year = Number(date.slice(0, 4));
      firstYear = Math.min(firstYear, year);
      lastYear = Math.max(lastYear, year);
    }
  };
  add(data.holidays, false);
  // make-up workdays last: a date is never in both tables, but if it were, working wins (the safer SLA)
  add(data.workdays, true);
  cached = { entries, firstYear, lastYear };
  return cached;
}
