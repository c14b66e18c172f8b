/**
 * Exactly-once threshold notifications for the sweep job. Working windows 08:30–12:00 and
 * 13:30–17:30 (7.5 h a day), Asia/Shanghai; 2026-03-09 is a Monday.
 */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, formatShanghai, shanghaiTime as at } from '../calendar/index.js';
import { extendStep, pauseAll, resumeAll, startStep, stopStep } from './step-clock.js';
import type { StepClock } from './step-clock.js';
import { markNotified, thresholdsToFire } from './step-state.js';
import type { Threshold } from './step-state.js';

const cal = createWorkCalendar({ overrides: [], workday: { morning: ['08:30', '12:00'], afternoon: ['13:30', '17:30'] } });
const MIN = 60_000;

/** What a sweep does: fire every pending threshold, then store the clock marked. */
function sweep(clock: StepClock, now: Date, fired: [Threshold, string][]): StepClock {
  let c = clock;
  for (const t of thresholdsToFire(c, now, cal)) {
    fired.push([t, formatShanghai(now)]);
    c = markNotified(c, t);
  }
  return c;
}

// 1 workDay from Mon 08:30 → due Tue 08:30; yellow at 6 h used = Mon 16:00
const clock = startStep('handle', { amount: 1, unit: 'workDay' }, at('2026-03-09 08:30'), cal);

describe('thresholdsToFire', () => {
  it('fires yellow once and red once when the sweep runs every 10 minutes for two days', () => {
    const fired: [Threshold, string][] = [];
    let c = clock;
    for (let t = at('2026-03-09 08:30').getTime(); t <= at('2026-03-11 12:00').getTime(); t += 10 * MIN) {
      c = sweep(c, new Date(t), fired);
    }
    // red is strictly after Tue 08:30, so the first sweep to see it is 08:40
    expect(fired).toEqual([
      ['yellow', '2026-03-09 16:00:00'],
      ['red', '2026-03-10 08:40:00'],
    ]);
    expect(c.notified).toEqual({ yellow: true, red: true });
  });

  it('one sweep after a long outage fires yellow then red, and the next sweep nothing', () => {
    const fired: [Threshold, string][] = [];
    const c = sweep(clock, at('2026-03-13 09:00'), fired);
    expect(sweep(c, at('2026-03-13 09:10'), fired)).toEqual(c);
    expect(fired).toEqual([
      ['yellow', '2026-03-13 09:00:00'],
      ['red', '2026-03-13 09:00:00'],
    ]);
    expect(thresholdsToFire(clock, at('2026-03-13 09:00'), cal)).toEqual(['yellow', 'red']);
  });

  it('fires nothing while green, only red when yellow was announced already', () => {
    expect(thresholdsToFire(clock, at('2026-03-09 15:59'), cal)).toEqual([]);
    expect(thresholdsToFire(markNotified(clock, 'yellow'), at('2026-03-10 09:00'), cal)).toEqual(['red']);
  });

  it('respects a custom yellowAt', () => {
    // 50 % of 7.5 h = 3.75 h → Mon 13:45
    expect(thresholdsToFire(clock, at('2026-03-09 13:45'), cal, 0.5)).toEqual(['yellow']);
    expect(thresholdsToFire(clock, at('2026-03-09 13:44'), cal, 0.5)).toEqual([]);
  });

  it('a stopped clock fires nothing, even if it finished late', () => {
    const late = stopStep(clock, at('2026-03-10 10:00'), cal);
    expect(thresholdsToFire(late, at('2026-03-11 10:00'), cal)).toEqual([]);
  });

  it('a pause and resume does not re-announce a threshold', () => {
    const fired: [Threshold, string][] = [];
    let c = sweep(clock, at('2026-03-09 16:10'), fired); // yellow
    c = pauseAll([c], at('2026-03-09 16:20'))[0]!;
    c = sweep(c, at('2026-03-10 12:00'), fired); // frozen at 16:20: still yellow, nothing new
    c = resumeAll([c], at('2026-03-10 13:30'), cal)[0]!;
    // paused 16:20–17:30 (70 min) + Tue 08:30–12:00 (210 min) = 280 min of working time;
    // due Tue 08:30 + 280 min: 08:30–12:00 (210 min), 13:30 + 70 min = 14:40
    expect(formatShanghai(new Date(c.dueAt))).toBe('2026-03-10 14:40:00');
    // 13:40: used 7.5 h + 3.5 h + 10 min − 280 min = 390 min of 450: yellow (already announced)
    c = sweep(c, at('2026-03-10 13:40'), fired);
    c = sweep(c, at('2026-03-10 14:40'), fired); // at the deadline: not red yet
    expect(fired).toEqual([['yellow', '2026-03-09 16:10:00']]);
    c = sweep(c, at('2026-03-10 14:50'), fired);
    expect(sweep(c, at('2026-03-10 15:00'), fired)).toEqual(c);
    expect(fired).toEqual([
      ['yellow', '2026-03-09 16:10:00'],
      ['red', '2026-03-10 14:50:00'],
    ]);
  });

  it('an extension is a new deadline: its thresholds are announced again, once each', () => {
    const fired: [Threshold, string][] = [];
    let c = sweep(clock, at('2026-03-10 09:00'), fired); // yellow + red for the first deadline
    // +1 workDay from Tue 08:30 → Wed 08:30, 15 h allowed; at Tue 09:00 used 7.5 h + 0.5 h = 8 h (53 %)
    c = extendStep(c, { amount: 1, unit: 'workDay' }, cal);
    c = sweep(c, at('2026-03-10 09:10'), fired);
    // yellow again at 12 h used: Mon 7.5 h, Tue 08:30–12:00 3.5 h, 13:30 + 1 h = 14:30
    for (const t of ['2026-03-10 14:20', '2026-03-10 14:30', '2026-03-10 14:40', '2026-03-11 08:30', '2026-03-11 08:40', '2026-03-11 09:00']) {
      c = sweep(c, at(t), fired);
    }
    expect(fired).toEqual([
      ['yellow', '2026-03-10 09:00:00'],
      ['red', '2026-03-10 09:00:00'],
      ['yellow', '2026-03-10 14:30:00'],
      ['red', '2026-03-11 08:40:00'],
    ]);
  });
});
