/**
 * The calendar must not depend on the process time zone. vitest.config.ts pins TZ=UTC for the
 * workers (so `TZ=… npx vitest` from the shell is overridden); this file therefore switches the
 * zone itself — Node re-reads process.env.TZ on assignment — and checks that the switch took.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatShanghai, localDateOf, shanghaiTime as at } from './local-time.js';
import { createWorkCalendar } from './work-calendar.js';

const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

// offset in minutes (Date#getTimezoneOffset sign) on 2026-01-15, to prove the zone really changed
const zones: [string, number][] = [
  ['America/New_York', 300],
  ['Asia/Shanghai', -480],
  ['Pacific/Chatham', -825],
  ['UTC', 0],
];

describe.each(zones)('under TZ=%s', (zone, offset) => {
  it('gives the same deadlines', () => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(offset);
    const cal = createWorkCalendar({ overrides: [], workday: { morning: ['08:30', '12:00'], afternoon: ['13:30', '17:30'] } });
    expect(at('2026-02-13 15:00').toISOString()).toBe('2026-02-13T07:00:00.000Z');
    expect(formatShanghai(cal.addLimit(at('2026-02-13 15:00'), { amount: 3, unit: 'workDay' }))).toBe('2026-02-25 15:00:00');
    expect(formatShanghai(cal.addLimit(at('2026-03-06 16:00'), { amount: 8, unit: 'workHour' }))).toBe('2026-03-09 16:30:00');
    expect(formatShanghai(cal.addLimit(at('2026-09-30 14:00'), { amount: 3, unit: 'workDay' }))).toBe('2026-10-10 14:00:00');
    expect(cal.workingMsBetween(at('2026-02-13 09:00'), at('2026-02-25 10:00'))).toBe(23.5 * 3_600_000);
    // 00:30 Shanghai on 10-01 is still 09-30 in New York and UTC; the local date is Shanghai's
    expect(localDateOf(at('2026-10-01 00:30'))).toBe('2026-10-01');
  });
});
