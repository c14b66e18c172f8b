import { describe, expect, it } from 'vitest';
import {
  dateFromDay,
  dayFromDate,
  formatShanghai,
  localDateOf,
  localOffsetOf,
  parseHhmm,
  shanghaiTime,
  weekdayOf,
} from './local-time.js';

describe('Asia/Shanghai fixed-offset conversion', () => {
  it('reads local wall time as UTC+8', () => {
    expect(shanghaiTime('2026-02-14 15:00').toISOString()).toBe('2026-02-14T07:00:00.000Z');
    expect(shanghaiTime('2026-02-14T15:00:30').toISOString()).toBe('2026-02-14T07:00:30.000Z');
    // 03:00 local on New Year's Day is still the previous day in UTC
    expect(shanghaiTime('2026-01-01 03:00').toISOString()).toBe('2025-12-31T19:00:00.000Z');
  });

  it('gives the local date and wall time of an instant', () => {
    expect(localDateOf(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(localDateOf(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(formatShanghai(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01 00:00:00');
    // 08:30 local = 30 600 000 ms after local midnight
    expect(localOffsetOf(Date.parse('2026-03-09T00:30:00.000Z'))).toBe(30_600_000);
  });

  it('numbers days and weekdays', () => {
    expect(dayFromDate('1970-01-01')).toBe(0);
    expect(dateFromDay(dayFromDate('2026-02-28'))).toBe('2026-02-28');
    expect(weekdayOf(dayFromDate('1970-01-01'))).toBe(4); // Thursday
    expect(weekdayOf(dayFromDate('2026-02-14'))).toBe(6); // Saturday
    expect(weekdayOf(dayFromDate('2026-10-01'))).toBe(4); // Thursday
    expect(weekdayOf(dayFromDate('1969-12-28'))).toBe(0); // Sunday, before the epoch
  });

  it('rejects malformed input', () => {
    expect(() => dayFromDate('2026-02-30')).toThrow(RangeError);
    expect(() => dayFromDate('2026/02/01')).toThrow(RangeError);
    expect(() => parseHhmm('9:00')).toThrow(RangeError);
    expect(parseHhmm('13:30')).toBe(48_600_000);
  });
});
