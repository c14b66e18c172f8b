import { describe, expect, it } from 'vitest';
import { kindOfPeriod, monthsOf, periodFromQuery, periodLabel, periodQuery, rangeOf, switchKind, yearOf } from './period.js';

describe('assessment period in the URL', () => {
  it('reads a month, a quarter, a year or a custom range, and this month otherwise', () => {
    const today = '2026-11-25';
    expect(periodFromQuery({ period: '2026-11' }, today)).toEqual({ kind: 'month', period: '2026-11' });
    expect(periodFromQuery({ period: '2026-Q4' }, today)).toEqual({ kind: 'quarter', period: '2026-Q4' });
    expect(periodFromQuery({ period: '2025' }, today)).toEqual({ kind: 'year', period: '2025' });
    expect(periodFromQuery({ from: '2026-11-03', to: '2026-11-20' }, today)).toEqual({ kind: 'custom', from: '2026-11-03', to: '2026-11-20' });
    // nonsense and half ranges fall back to this month
    expect(periodFromQuery({}, today)).toEqual({ kind: 'month', period: '2026-11' });
    expect(periodFromQuery({ period: '2026-13' }, today)).toEqual({ kind: 'month', period: '2026-11' });
    expect(periodFromQuery({ period: '2026-Q5' }, today)).toEqual({ kind: 'month', period: '2026-11' });
    expect(periodFromQuery({ from: '2026-11-20', to: '2026-11-03' }, today)).toEqual({ kind: 'month', period: '2026-11' });
    expect(periodFromQuery({ from: '2026-11-03' }, today)).toEqual({ kind: 'month', period: '2026-11' });
  });

  it('gives the API the same words back', () => {
    expect(periodQuery({ kind: 'quarter', period: '2026-Q4' })).toEqual({ period: '2026-Q4' });
    expect(periodQuery({ kind: 'custom', from: '2026-11-03', to: '2026-11-20' })).toEqual({ from: '2026-11-03', to: '2026-11-20' });
    expect(kindOfPeriod('2026')).toBe('year');
    expect(kindOfPeriod('2026-02')).toBe('month');
    expect(kindOfPeriod('26-02')).toBeNull();
  });

  it('keeps the place in time when the kind changes', () => {
    const nov = { kind: 'month', period: '2026-11' } as const;
    expect(switchKind(nov, 'quarter')).toEqual({ kind: 'quarter', period: '2026-Q4' });
    expect(switchKind(nov, 'year')).toEqual({ kind: 'year', period: '2026' });
    expect(switchKind(nov, 'custom')).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' });
    expect(switchKind({ kind: 'quarter', period: '2026-Q1' }, 'month')).toEqual({ kind: 'month', period: '2026-03' });
    expect(switchKind({ kind: 'custom', from: '2025-12-20', to: '2026-02-10' }, 'quarter')).toEqual({ kind: 'quarter', period: '2026-Q1' });
    expect(rangeOf({ kind: 'quarter', period: '2026-Q1' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(yearOf({ kind: 'custom', from: '2025-12-20', to: '2026-02-10' })).toBe(2026);
  });

  it('lists a year’s months and names periods in both languages', () => {
    const months = monthsOf(2026);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01');
    expect(months[11]).toBe('2026-12');
    expect(periodLabel({ kind: 'month', period: '2026-03' }, true)).toBe('2026年3月');
    expect(periodLabel({ kind: 'quarter', period: '2026-Q4' }, true)).toBe('2026年第4季度');
    expect(periodLabel({ kind: 'year', period: '2026' }, true)).toBe('2026年度');
    expect(periodLabel({ kind: 'custom', from: '2026-11-03', to: '2026-11-20' }, true)).toBe('2026-11-03 至 2026-11-20');
    expect(periodLabel({ kind: 'quarter', period: '2026-Q4' }, false)).toBe('2026 Q4');
    expect(periodLabel({ kind: 'year', period: '2026' }, false)).toBe('Year 2026');
  });
});
