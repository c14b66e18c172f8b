import { describe, expect, it } from 'vitest';
import { apportion, instantOn, planIntake, spreadOverDays } from './intake-plan.js';
import { nextStepDelay } from './loop-delays.js';
import { createRandom } from './random.js';
import { channelMix } from './traffic-shape.js';

const weekdaysOnly = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6 ? 'weekend' : 'workday';
};
const shanghaiHour = (ms: number) => (new Date(ms).getUTCHours() + 8) % 24;
// Monday 2026-03-02 00:00 in Shanghai, for two weeks
const from = Date.parse('2026-03-01T16:00:00Z');
const to = from + 14 * 86_400_000;

describe('the intake plan', () => {
  it('is the same plan for the same seed and range, and another for another seed', () => {
    const a = planIntake(createRandom(1), from, to, 300, weekdaysOnly);
    const b = planIntake(createRandom(1), from, to, 300, weekdaysOnly);
    const c = planIntake(createRandom(2), from, to, 300, weekdaysOnly);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('stays inside the range, in time order, near the daily volume', () => {
    const plan = planIntake(createRandom(3), from, to, 300, weekdaysOnly);
    expect(plan.every((p) => p.at >= from && p.at < to)).toBe(true);
    expect(plan.every((p, i) => i === 0 || plan[i - 1]!.at <= p.at)).toBe(true);
    // weekends are quieter, so a fortnight takes somewhat less than 14 × 300
    expect(plan.length).toBeGreaterThan(14 * 300 * 0.75);
    expect(plan.length).toBeLessThan(14 * 300 * 1.05);
  });

  it('peaks the hotline in the morning and the evening and keeps inspectors to working hours', () => {
    const plan = planIntake(createRandom(4), from, to, 500, weekdaysOnly);
    const hotline = plan.filter((p) => p.channel === 'hotline_12345').map((p) => shanghaiHour(p.at));
    const count = (hours: number[], hs: number[]) => hours.filter((h) => hs.includes(h)).length;
    expect(count(hotline, [9, 10])).toBeGreaterThan(count(hotline, [2, 3]) * 10);
    expect(count(hotline, [19, 20])).toBeGreaterThan(count(hotline, [15, 16]) * 1.1);
    const inspector = plan.filter((p) => p.channel === 'inspector').map((p) => shanghaiHour(p.at));
    expect(inspector.length).toBeGreaterThan(0);
    expect(inspector.every((h) => h >= 6 && h <= 19)).toBe(true);
  });

  it('mixes the channels by their shares, 12345 first', () => {
    const plan = planIntake(createRandom(5), from, to, 1000, weekdaysOnly);
    const share = (c: string) => plan.filter((p) => p.channel === c).length / plan.length;
    expect(share('hotline_12345')).toBeGreaterThan(0.4);
    expect(share('hotline_12345')).toBeGreaterThan(share('inspector'));
    expect(Object.keys(channelMix).every((c) => share(c) > 0)).toBe(true);
  });
});

describe('spreading N cases over days', () => {
  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 1, 0])).toEqual([0, 7, 0]);
    expect(apportion(1000, [3, 1]).reduce((a, b) => a + b)).toBe(1000);
  });

  it('gives every case a day, fewer on weekends, and instants inside the range', () => {
    const days = spreadOverDays(1000, from, to, weekdaysOnly);
    expect(days).toHaveLength(14);
    expect(days.reduce((a, d) => a + d.count, 0)).toBe(1000);
    expect(days[0]!.count).toBeGreaterThan(days[5]!.count);
    const random = createRandom(6);
    for (const d of days) {
      const at = instantOn(d, 'inspector', random, from, to);
      expect(at).toBeGreaterThanOrEqual(d.start);
      expect(at).toBeLessThan(d.start + 86_400_000);
    }
  });
});

describe('the loop delays', () => {
  it('are minutes for the center, hours for handling, none for finished cases', () => {
    const random = createRandom(7);
    const median = (status: 'reported' | 'handling') => {
      const xs = Array.from({ length: 401 }, () => nextStepDelay(status, random)!).sort((a, b) => a - b);
      return xs[200]!;
    };
    expect(median('reported')).toBeLessThan(30 * 60_000);
    expect(median('handling')).toBeGreaterThan(2 * 3_600_000);
    expect(nextStepDelay('closed', random)).toBeNull();
    expect(nextStepDelay('suspended', random)).toBeNull();
  });
});
