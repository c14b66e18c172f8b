import { describe, expect, it } from 'vitest';
import { bucketOf, hoursOfDay, isoWeekOfDay, recentBuckets } from './buckets.js';
import { dayFromDate } from '../calendar/local-time.js';

describe('dashboard buckets (Asia/Shanghai)', () => {
  it('puts an instant in its local hour, day, ISO week and month', () => {
    // 2026-11-25T16:30Z is 2026-11-26 00:30 in Shanghai: the next local day already
    const at = '2026-11-25T16:30:00.000Z';
    expect(bucketOf('h', at)).toBe('h:2026-11-26T00');
    expect(bucketOf('d', at)).toBe('d:2026-11-26');
    expect(bucketOf('w', at)).toBe('w:2026-W48');
    expect(bucketOf('m', at)).toBe('m:2026-11');
    expect(bucketOf('d', '2026-11-25T15:59:59.999Z')).toBe('d:2026-11-25');
    expect(bucketOf('m', '2026-11-30T16:00:00.000Z')).toBe('m:2026-12');
  });

  it('numbers ISO weeks across year ends', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026; 2027-01-01 is a Friday: week 53 of 2026
    expect(isoWeekOfDay(dayFromDate('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekOfDay(dayFromDate('2025-12-29'))).toBe('2026-W01');
    expect(isoWeekOfDay(dayFromDate('2025-12-28'))).toBe('2025-W52');
    expect(isoWeekOfDay(dayFromDate('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekOfDay(dayFromDate('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekOfDay(dayFromDate('2026-11-23'))).toBe('2026-W48'); // Monday
    expect(isoWeekOfDay(dayFromDate('2026-11-29'))).toBe('2026-W48'); // Sunday
  });

  it('lists recent buckets oldest first, ending with now', () => {
    const now = new Date('2026-11-25T04:00:00.000Z'); // 12:00 local
    expect(recentBuckets('d', now, 3)).toEqual(['d:2026-11-23', 'd:2026-11-24', 'd:2026-11-25']);
    expect(recentBuckets('w', now, 2)).toEqual(['w:2026-W47', 'w:2026-W48']);
    const hours = hoursOfDay(now);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe('h:2026-11-25T00');
    expect(hours[23]).toBe('h:2026-11-25T23');
    // sorted keys are time order within a kind
    expect([...recentBuckets('d', now, 40)].sort()).toEqual(recentBuckets('d', now, 40));
  });
});
