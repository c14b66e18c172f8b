import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './work-calendar.js';
import type { WorkdayHours } from './work-calendar.js';

const workday: WorkdayHours = { morning: ['08:30', '12:00'], afternoon: ['13:30', '17:30'] };
const cal = createWorkCalendar({ overrides: [], workday });

describe('day kinds from chinese-days (2026 arrangement, 国办发明电 as shipped in the package)', () => {
  it('春节 2026: 02-15..02-23 off, 02-14 and 02-28 (Saturdays) worked', () => {
    for (const d of ['15', '16', '17', '18', '19', '20', '21', '22', '23']) {
      expect(cal.dayKind(`2026-02-${d}`)).toEqual({ kind: 'holiday', name: '春节', source: 'chinese-days' });
      expect(cal.isWorkday(`2026-02-${d}`)).toBe(false);
    }
    expect(cal.dayKind('2026-02-14')).toEqual({ kind: 'makeup_workday', name: '春节', source: 'chinese-days' });
    expect(cal.dayKind('2026-02-28')).toEqual({ kind: 'makeup_workday', name: '春节', source: 'chinese-days' });
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-24')).toBe(true);
  });

  it('国庆 2026: 10-01..10-07 off, 09-20 (Sunday) and 10-10 (Saturday) worked', () => {
    expect(cal.dayKind('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节', source: 'chinese-days' });
    expect(cal.isWorkday('2026-10-07')).toBe(false);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.dayKind('2026-10-10')).toEqual({ kind: 'makeup_workday', name: '国庆节', source: 'chinese-days' });
    expect(cal.dayKind('2026-09-20').kind).toBe('makeup_workday');
  });

  it('plain days follow the weekday rule', () => {
    expect(cal.dayKind('2026-03-07')).toEqual({ kind: 'weekend', source: 'weekday-rule' }); // Saturday
    expect(cal.dayKind('2026-03-09')).toEqual({ kind: 'workday', source: 'weekday-rule' }); // Monday
  });

  it('agrees with the package API on every day of 2025 and 2026', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (cal.isWorkday(date) !== chineseDays.isWorkday(date)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('reports the years the package covers', () => {
    expect(cal.coverage.firstYear).toBe(2004);
    expect(cal.coverage.lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('outside the covered years: weekends rest, weekdays work', () => {
    // 2099-01-01 is a Thursday (4 Jan 2099 is Sunday): no national data, so New Year's Day is worked
    expect(cal.dayKind('2099-01-01')).toEqual({ kind: 'workday', source: 'weekday-rule' });
    expect(cal.dayKind('2099-01-03')).toEqual({ kind: 'weekend', source: 'weekday-rule' });
  });

  it('rejects impossible dates', () => {
    expect(() => cal.isWorkday('2026-02-29')).toThrow(RangeError);
  });
});

describe('town overrides (holidays.yaml) win over the national calendar', () => {
  const town = createWorkCalendar({
    workday,
    overrides: [
      { date: '2026-03-10', type: 'holiday', name: '镇庆' }, // a Tuesday
      { date: '2026-03-08', type: 'workday', name: '防汛调休' }, // a Sunday
      { date: '2026-10-07', type: 'workday', name: '值守' }, // a national holiday, a Wednesday
      { date: '2099-01-01', type: 'holiday', name: '元旦' }, // beyond the package's years
    ],
  });

  it('turns a weekday into a holiday and a weekend or holiday into a working day', () => {
    expect(town.dayKind('2026-03-10')).toEqual({ kind: 'holiday', name: '镇庆', source: 'override' });
    expect(town.isWorkday('2026-03-10')).toBe(false);
    expect(town.dayKind('2026-03-08')).toEqual({ kind: 'makeup_workday', name: '防汛调休', source: 'override' });
    expect(town.dayKind('2026-10-07')).toEqual({ kind: 'makeup_workday', name: '值守', source: 'override' });
    expect(town.isWorkday('2099-01-01')).toBe(false);
  });

  it('does not leak into another calendar instance', () => {
    expect(cal.isWorkday('2026-03-10')).toBe(true);
    expect(cal.isWorkday('2026-10-07')).toBe(false);
  });
});
