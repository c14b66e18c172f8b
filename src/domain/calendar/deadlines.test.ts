/**
 * Deadline arithmetic, hand-computed. Working windows in every test: 08:30–12:00 (3.5 h) and
 * 13:30–17:30 (4 h), so a working day is 7.5 h. Times are Asia/Shanghai wall time.
 * Calendar facts used (from chinese-days, verified in work-calendar.test.ts):
 *   春节 2026: 02-15 (Sun) … 02-23 (Mon) off; 02-14 (Sat) and 02-28 (Sat) worked.
 *   中秋 2026: 09-25 (Fri) … 09-27 off. 国庆 2026: 10-01 (Thu) … 10-07 (Wed) off; 09-20 (Sun), 10-10 (Sat) worked.
 *   2026-03-06 is a Friday, 03-09 a Monday.
 */
import { describe, expect, it } from 'vitest';
import type { TimeLimit } from '../profile/schema.js';
import { formatShanghai, shanghaiTime as at } from './local-time.js';
import { createWorkCalendar } from './work-calendar.js';
import type { WorkdayHours } from './work-calendar.js';

const workday: WorkdayHours = { morning: ['08:30', '12:00'], afternoon: ['13:30', '17:30'] };
const cal = createWorkCalendar({ overrides: [], workday });
const H = 3_600_000;
const due = (start: string, amount: number, unit: TimeLimit['unit'], c = cal): string =>
  formatShanghai(c.addLimit(at(start), { amount, unit }));

describe('workDay: same clock time N working days later', () => {
  it('3 workDays from the Friday afternoon before 春节 count the make-up Saturday', () => {
    // Fri 02-13 15:00 → 02-14 Sat (调休, 1), 02-15..23 off, 02-24 Tue (2), 02-25 Wed (3) → 15:00
    expect(due('2026-02-13 15:00', 3, 'workDay')).toBe('2026-02-25 15:00:00');
  });

  it('3 workDays from the make-up Saturday itself land after the holiday', () => {
    // Sat 02-14 16:00 → 02-24 (1), 02-25 (2), 02-26 (3)
    expect(due('2026-02-14 16:00', 3, 'workDay')).toBe('2026-02-26 16:00:00');
  });

  it('the make-up Saturday after 春节 is a working day', () => {
    // Fri 02-27 10:00 → Sat 02-28 (调休, 1)
    expect(due('2026-02-27 10:00', 1, 'workDay')).toBe('2026-02-28 10:00:00');
  });

  it('3 workDays from the afternoon before 国庆 end on the make-up Saturday 10-10', () => {
    // Wed 09-30 14:00 → 10-01..07 off, 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3)
    expect(due('2026-09-30 14:00', 3, 'workDay')).toBe('2026-10-10 14:00:00');
  });

  it('10 workDays across 中秋 and 国庆', () => {
    // Wed 09-23 10:00 → 09-24 (1), 09-25..27 off, 09-28 (2), 09-29 (3), 09-30 (4), 10-01..07 off,
    // 10-08 (5), 10-09 (6), 10-10 调休 (7), 10-11 Sun off, 10-12 (8), 10-13 (9), 10-14 (10)
    expect(due('2026-09-23 10:00', 10, 'workDay')).toBe('2026-10-14 10:00:00');
  });

  it('a start outside working hours is due at the close of the N-th working day', () => {
    // Friday evening: counting starts Monday 08:30, one working day ends Monday 17:30
    expect(due('2026-03-06 20:00', 1, 'workDay')).toBe('2026-03-09 17:30:00');
    // Saturday: the same
    expect(due('2026-03-07 11:00', 1, 'workDay')).toBe('2026-03-09 17:30:00');
    // before opening on a working day: that day is the first
    expect(due('2026-03-09 07:00', 1, 'workDay')).toBe('2026-03-09 17:30:00');
    expect(due('2026-03-09 07:00', 2, 'workDay')).toBe('2026-03-10 17:30:00');
    // after close on the make-up Saturday before 春节: the next working day is 02-24
    expect(due('2026-02-14 18:00', 1, 'workDay')).toBe('2026-02-24 17:30:00');
  });

  it('a start in the lunch break counts from the afternoon opening', () => {
    expect(due('2026-03-09 12:30', 1, 'workDay')).toBe('2026-03-10 13:30:00');
  });

  it('a fractional workDay adds its share of a working day as working time', () => {
    // 1.5 workDays from Mon 10:00: 1 day → Tue 10:00, then 0.5 × 7.5 h = 3 h 45 min:
    // 10:00–12:00 (2 h), 13:30 + 1 h 45 min = 15:15
    expect(due('2026-03-09 10:00', 1.5, 'workDay')).toBe('2026-03-10 15:15:00');
  });
});

describe('workHour: only time inside the windows of working days', () => {
  it('8 workHours from 16:00 on an ordinary Friday', () => {
    // Fri 16:00–17:30 = 1.5 h (6.5 h left); Mon 08:30–12:00 = 3.5 h (3 h left); Mon 13:30 + 3 h = 16:30
    expect(due('2026-03-06 16:00', 8, 'workHour')).toBe('2026-03-09 16:30:00');
  });

  it('8 workHours from 16:00 on the Friday before 春节 use the make-up Saturday', () => {
    // Fri 02-13 16:00–17:30 = 1.5 h; Sat 02-14 (调休) 08:30–12:00 = 3.5 h; 13:30 + 3 h = 16:30
    expect(due('2026-02-13 16:00', 8, 'workHour')).toBe('2026-02-14 16:30:00');
    // from the make-up Saturday 16:00: 1.5 h, then 02-24 morning 3.5 h, 13:30 + 3 h = 16:30
    expect(due('2026-02-14 16:00', 8, 'workHour')).toBe('2026-02-24 16:30:00');
  });

  it('8 workHours from 16:00 on the eve of 国庆', () => {
    // Wed 09-30 16:00–17:30 = 1.5 h; 10-08 08:30–12:00 = 3.5 h; 13:30 + 3 h = 16:30
    expect(due('2026-09-30 16:00', 8, 'workHour')).toBe('2026-10-08 16:30:00');
  });

  it('starts counting at the next opening, and ends at a close rather than the next morning', () => {
    expect(due('2026-03-09 12:15', 2, 'workHour')).toBe('2026-03-09 15:30:00'); // 13:30 + 2 h
    expect(due('2026-03-09 17:30', 1, 'workHour')).toBe('2026-03-10 09:30:00'); // 08:30 + 1 h
    expect(due('2026-03-09 16:30', 1, 'workHour')).toBe('2026-03-09 17:30:00'); // exactly to the close
    expect(due('2026-03-06 19:00', 0.5, 'workHour')).toBe('2026-03-09 09:00:00'); // Monday 08:30 + 30 min
  });

  it('a long limit steps whole days: 75 workHours = 10 working days', () => {
    // from Mon 03-09 08:30, 75 h = 10 × 7.5 h ends at the close of the 10th working day, Fri 03-20
    expect(due('2026-03-09 08:30', 75, 'workHour')).toBe('2026-03-20 17:30:00');
  });
});

describe('natural time ignores the calendar', () => {
  it('24 hours and 2 days across holidays', () => {
    expect(due('2026-09-30 14:00', 24, 'hour')).toBe('2026-10-01 14:00:00');
    expect(due('2026-02-14 16:00', 24, 'hour')).toBe('2026-02-15 16:00:00');
    expect(due('2026-02-14 16:00', 2, 'day')).toBe('2026-02-16 16:00:00');
    expect(due('2026-02-14 23:00', 1.5, 'hour')).toBe('2026-02-15 00:30:00');
  });
});

describe('town overrides change deadlines', () => {
  const town = createWorkCalendar({
    workday,
    overrides: [
      { date: '2026-03-10', type: 'holiday', name: '镇庆' },
      { date: '2026-03-08', type: 'workday', name: '防汛调休' },
    ],
  });

  it('a weekday made a holiday is skipped', () => {
    expect(due('2026-03-09 10:00', 1, 'workDay')).toBe('2026-03-10 10:00:00');
    expect(due('2026-03-09 10:00', 1, 'workDay', town)).toBe('2026-03-11 10:00:00');
  });

  it('a Sunday made a working day counts', () => {
    // Fri 16:00–17:30 = 1.5 h; Sun 03-08 08:30–12:00 = 3.5 h; 13:30 + 3 h = 16:30
    expect(due('2026-03-06 16:00', 8, 'workHour', town)).toBe('2026-03-08 16:30:00');
  });
});

describe('workingMsBetween', () => {
  it('across 春节', () => {
    // 02-13 09:00–12:00 3 h + 13:30–17:30 4 h; 02-14 7.5 h; 02-24 7.5 h; 02-25 08:30–10:00 1.5 h = 23.5 h
    expect(cal.workingMsBetween(at('2026-02-13 09:00'), at('2026-02-25 10:00'))).toBe(23.5 * H);
    expect(cal.workingMsBetween(at('2026-02-25 10:00'), at('2026-02-13 09:00'))).toBe(-23.5 * H);
  });

  it('within a day, across lunch, and over a plain weekend', () => {
    expect(cal.workingMsBetween(at('2026-03-09 11:00'), at('2026-03-09 14:00'))).toBe(1.5 * H);
    expect(cal.workingMsBetween(at('2026-03-07 09:00'), at('2026-03-08 16:00'))).toBe(0);
    expect(cal.workingMsBetween(at('2026-03-06 17:00'), at('2026-03-09 09:00'))).toBe(H); // 0.5 h + 0.5 h
  });

  it('over all of 2026: 248 working days', () => {
    // 261 weekdays (52 weeks + Thursday 12-31), minus 19 weekday holidays (元旦 2, 春节 6, 清明 1,
    // 劳动节 3, 端午 1, 中秋 1, 国庆 5), plus 6 make-up days (01-04, 02-14, 02-28, 05-09, 09-20, 10-10)
    expect(cal.workingMsBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(248 * 7.5 * H);
  });

  it('is exactly the allowance of every working limit (deterministic pseudo-random starts)', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = at('2026-01-01 00:00').getTime();
    for (let i = 0; i < 500; i++) {
      // starts on 15-minute marks anywhere in 2026, limits of 0.25–40 units
      const start = new Date(base + Math.floor(next() * 365 * 96) * 900_000);
      const limit: TimeLimit = { amount: Math.ceil(next() * 160) / 4, unit: next() < 0.5 ? 'workHour' : 'workDay' };
      const end = cal.addLimit(start, limit);
      expect(cal.workingMsBetween(start, end), `${formatShanghai(start)} + ${limit.amount} ${limit.unit}`).toBe(
        cal.allowedMs(limit),
      );
    }
  });
});

describe('measures and shifting', () => {
  it('allowances', () => {
    expect(cal.workdayMs).toBe(7.5 * H);
    expect(cal.allowedMs({ amount: 2, unit: 'workDay' })).toBe(15 * H);
    expect(cal.allowedMs({ amount: 2, unit: 'day' })).toBe(48 * H);
    expect(cal.measure('hour', at('2026-02-14 16:00'), at('2026-02-16 16:00'))).toBe(48 * H);
    expect(cal.measure('workHour', at('2026-02-14 16:00'), at('2026-02-16 16:00'))).toBe(1.5 * H);
  });

  it('a workDay deadline inside working time keeps its clock time when shifted by whole days', () => {
    expect(formatShanghai(cal.shift('workDay', at('2026-03-10 13:30'), 7.5 * H))).toBe('2026-03-11 13:30:00');
    // a workHour deadline lands on the earliest instant: 13:30 + 7.5 h ends at the next day's 12:00 close
    expect(formatShanghai(cal.shift('workHour', at('2026-03-10 13:30'), 7.5 * H))).toBe('2026-03-11 12:00:00');
    expect(formatShanghai(cal.shift('day', at('2026-03-10 13:30'), 24 * H))).toBe('2026-03-11 13:30:00');
  });
});

describe('rejects bad working hours', () => {
  it('overlapping or empty windows', () => {
    expect(() => createWorkCalendar({ overrides: [], workday: { morning: ['09:00', '13:00'], afternoon: ['12:00', '17:00'] } })).toThrow(
      RangeError,
    );
    expect(() => createWorkCalendar({ overrides: [], workday: { morning: ['09:00', '09:00'], afternoon: ['12:00', '17:00'] } })).toThrow(
      RangeError,
    );
  });
});
