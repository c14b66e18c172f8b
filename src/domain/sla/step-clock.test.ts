/**
 * Step clocks, hand-computed. Working windows 08:30–12:00 and 13:30–17:30 (7.5 h a day), Asia/Shanghai.
 * 2026-03-06 is a Friday, 03-07/08 the weekend, 03-09 a Monday (no holidays that fortnight).
 */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, formatShanghai, shanghaiTime as at } from '../calendar/index.js';
import { extendStep, pauseAll, resumeAll, startStep, stopStep } from './step-clock.js';
import { caseDeadlineState, elapsedFraction, remainingMs, stepState, wasLate } from './step-state.js';

const cal = createWorkCalendar({ overrides: [], workday: { morning: ['08:30', '12:00'], afternoon: ['13:30', '17:30'] } });
const H = 3_600_000;
const local = (iso: string): string => formatShanghai(new Date(iso));

describe('startStep and stepState', () => {
  // 1 workDay from Mon 08:30 (inside working time) → due Tue 08:30; allowance 7.5 h
  const clock = startStep('handle', { amount: 1, unit: 'workDay' }, at('2026-03-09 08:30'), cal);

  it('computes the deadline and allowance', () => {
    expect(local(clock.dueAt)).toBe('2026-03-10 08:30:00');
    expect(clock.allowedMs).toBe(7.5 * H);
    expect(clock.startedAt).toBe('2026-03-09T00:30:00.000Z');
    expect(JSON.parse(JSON.stringify(clock))).toEqual(clock);
  });

  it('turns yellow exactly at 80 % of the working time', () => {
    // 80 % of 7.5 h = 6 h: 08:30–12:00 (3.5 h) + 13:30–16:00 (2.5 h) → Mon 16:00
    expect(stepState(clock, new Date(at('2026-03-09 16:00').getTime() - 1), cal)).toBe('green');
    expect(stepState(clock, at('2026-03-09 16:00'), cal)).toBe('yellow');
    expect(elapsedFraction(clock, at('2026-03-09 16:00'), cal)).toBeCloseTo(0.8, 12);
    // lunch does not count: at 13:00 only 3.5 h are used
    expect(remainingMs(clock, at('2026-03-09 13:00'), cal)).toBe(4 * H);
    // a custom threshold: 50 % = 3.75 h → Mon 13:30 + 0.25 h = 13:45
    expect(stepState(clock, at('2026-03-09 13:44'), cal, 0.5)).toBe('green');
    expect(stepState(clock, at('2026-03-09 13:45'), cal, 0.5)).toBe('yellow');
  });

  it('turns red only strictly after the deadline', () => {
    expect(stepState(clock, at('2026-03-10 08:30'), cal)).toBe('yellow');
    expect(stepState(clock, new Date(at('2026-03-10 08:30').getTime() + 1), cal)).toBe('red');
  });

  it('natural time: 10 hours is yellow at 8 hours, whatever the calendar', () => {
    const urgent = startStep('dispatch', { amount: 10, unit: 'hour' }, at('2026-03-07 22:00'), cal);
    expect(local(urgent.dueAt)).toBe('2026-03-08 08:00:00');
    expect(stepState(urgent, at('2026-03-08 05:59'), cal)).toBe('green');
    expect(stepState(urgent, at('2026-03-08 06:00'), cal)).toBe('yellow');
    expect(stepState(urgent, at('2026-03-08 08:01'), cal)).toBe('red');
  });
});

describe('pause and resume', () => {
  // 8 workHours from Fri 10:00: Fri 10–12 (2 h) + 13:30–17:30 (4 h), Mon 08:30 + 2 h → due Mon 10:30
  const clock = startStep('handle', { amount: 8, unit: 'workHour' }, at('2026-03-06 10:00'), cal);

  it('a pause over the weekend only, in working units, moves nothing', () => {
    const [paused] = pauseAll([clock], at('2026-03-06 17:45'));
    const [resumed] = resumeAll([paused!], at('2026-03-09 08:00'), cal);
    expect(resumed!.pausedMs).toBe(0);
    expect(resumed!.dueAt).toBe(clock.dueAt);
    expect(resumed!.pausedAt).toBeNull();
  });

  it('a pause from Friday 16:00 to Monday 09:00 moves the deadline by 2 working hours', () => {
    expect(local(clock.dueAt)).toBe('2026-03-09 10:30:00');
    const [paused] = pauseAll([clock], at('2026-03-06 16:00'));
    // frozen while paused: 4.5 h used of 8 h (56 %), green even on Monday noon
    expect(stepState(paused!, at('2026-03-09 12:00'), cal)).toBe('green');
    expect(elapsedFraction(paused!, at('2026-03-09 12:00'), cal)).toBe(4.5 / 8);
    // paused working time: Fri 16:00–17:30 (1.5 h) + Mon 08:30–09:00 (0.5 h) = 2 h
    const [resumed] = resumeAll([paused!], at('2026-03-09 09:00'), cal);
    expect(resumed!.pausedMs).toBe(2 * H);
    // 10:30 + 2 h of working time: 10:30–12:00 (1.5 h), 13:30 + 0.5 h = 14:00
    expect(local(resumed!.dueAt)).toBe('2026-03-09 14:00:00');
    // yellow at 6.4 h used = 8.4 h of working time since the start: Fri 6 h + Mon 08:30 + 2.4 h = 10:54
    expect(stepState(resumed!, at('2026-03-09 10:53'), cal)).toBe('green');
    expect(stepState(resumed!, at('2026-03-09 10:54'), cal)).toBe('yellow');
    expect(stepState(resumed!, at('2026-03-09 14:00'), cal)).toBe('yellow');
    expect(stepState(resumed!, at('2026-03-09 14:01'), cal)).toBe('red');
  });

  it('a natural-time clock paused over the weekend moves by the whole pause', () => {
    const urgent = startStep('dispatch', { amount: 24, unit: 'hour' }, at('2026-03-06 10:00'), cal);
    const [resumed] = resumeAll(pauseAll([urgent], at('2026-03-06 12:00')), at('2026-03-09 12:00'), cal);
    expect(resumed!.pausedMs).toBe(72 * H);
    expect(local(resumed!.dueAt)).toBe('2026-03-10 10:00:00');
  });

  it('pauseAll leaves stopped and already paused clocks alone; resumeAll ignores stopped ones', () => {
    const done = stopStep(startStep('dispatch', { amount: 1, unit: 'workHour' }, at('2026-03-06 09:00'), cal), at('2026-03-06 09:20'), cal);
    const early = pauseAll([clock], at('2026-03-06 11:00'))[0]!;
    const clocks = pauseAll([done, early], at('2026-03-06 15:00'));
    expect(clocks[0]).toEqual(done);
    expect(clocks[1]!.pausedAt).toBe(at('2026-03-06 11:00').toISOString());
    expect(resumeAll(clocks, at('2026-03-06 15:00'), cal)[0]).toEqual(done);
  });
});

describe('stopStep and wasLate', () => {
  const clock = startStep('handle', { amount: 8, unit: 'workHour' }, at('2026-03-06 10:00'), cal); // due Mon 10:30

  it('done in time, done late', () => {
    const onTime = stopStep(clock, at('2026-03-09 10:30'), cal);
    expect(stepState(onTime, at('2026-03-20 10:00'), cal)).toBe('done');
    expect(wasLate(onTime)).toBe(false);
    const late = stopStep(clock, at('2026-03-09 10:31'), cal);
    expect(stepState(late, at('2026-03-20 10:00'), cal)).toBe('done');
    expect(wasLate(late)).toBe(true);
    expect(wasLate(clock)).toBe(false); // running: not judged yet
    expect(stopStep(late, at('2026-03-20 10:00'), cal)).toBe(late); // idempotent
  });

  it('stopping a paused clock first credits the pause', () => {
    const paused = pauseAll([clock], at('2026-03-06 16:00'))[0]!;
    // paused Fri 16:00–17:30 (1.5 h) + Mon 08:30–12:00 (3.5 h) = 5 h → due 10:30 + 5 h:
    // 10:30–12:00 (1.5 h), 13:30 + 3.5 h = 17:00
    const stopped = stopStep(paused, at('2026-03-09 13:30'), cal);
    expect(stopped.pausedAt).toBeNull();
    expect(stopped.pausedMs).toBe(5 * H);
    expect(local(stopped.dueAt)).toBe('2026-03-09 17:00:00');
    expect(wasLate(stopped)).toBe(false);
  });
});

describe('extendStep', () => {
  // 1 workDay from Mon 10:00 → due Tue 10:00
  const clock = startStep('handle', { amount: 1, unit: 'workDay' }, at('2026-03-09 10:00'), cal);

  it('moves the deadline by the extra limit and grows the allowance', () => {
    expect(stepState(clock, at('2026-03-10 11:00'), cal)).toBe('red');
    const extended = extendStep({ ...clock, notified: { yellow: true, red: true } }, { amount: 1, unit: 'workDay' }, cal);
    expect(local(extended.dueAt)).toBe('2026-03-11 10:00:00');
    expect(extended.allowedMs).toBe(15 * H);
    expect(extended.extendedBy).toEqual([{ amount: 1, unit: 'workDay' }]);
    expect(extended.notified).toEqual({ yellow: false, red: false });
    // Tue 11:00: used Mon 2 h + 4 h + Tue 08:30–11:00 2.5 h = 8.5 h of 15 h → green again
    expect(stepState(extended, at('2026-03-10 11:00'), cal)).toBe('green');
    // yellow at 80 % of 15 h = 12 h used: Mon 6 h, then Tue 08:30–12:00 (3.5 h) + 13:30–16:00 (2.5 h)
    expect(stepState(extended, at('2026-03-10 15:59'), cal)).toBe('green');
    expect(stepState(extended, at('2026-03-10 16:00'), cal)).toBe('yellow');
  });

  it('an extension in working hours from a working-day deadline', () => {
    const extended = extendStep(clock, { amount: 2, unit: 'workHour' }, cal);
    expect(local(extended.dueAt)).toBe('2026-03-10 12:00:00'); // 10:00 + 2 h, ends at the close
    expect(extended.allowedMs).toBe(9.5 * H);
  });

  it('a natural-time clock extended by a working day grows by the natural stretch', () => {
    // 24 h from Fri 10:00 → Sat 10:00; +1 workDay from a Saturday → Mon 17:30; Sat 10:00 → Mon 17:30 = 55.5 h
    const urgent = startStep('dispatch', { amount: 24, unit: 'hour' }, at('2026-03-06 10:00'), cal);
    const extended = extendStep(urgent, { amount: 1, unit: 'workDay' }, cal);
    expect(local(extended.dueAt)).toBe('2026-03-09 17:30:00');
    expect(extended.allowedMs).toBe(79.5 * H);
  });

  it('refuses to extend a stopped clock', () => {
    expect(() => extendStep(stopStep(clock, at('2026-03-09 11:00'), cal), { amount: 1, unit: 'day' }, cal)).toThrow(RangeError);
  });
});

describe('caseDeadlineState', () => {
  const start = at('2026-03-09 08:30');
  const now = at('2026-03-09 16:00');
  const done = stopStep(startStep('dispatch', { amount: 1, unit: 'hour' }, start, cal), at('2026-03-09 10:00'), cal);
  const green = startStep('accept', { amount: 2, unit: 'workDay' }, start, cal); // 6 h of 15 h
  const yellow = startStep('handle', { amount: 1, unit: 'workDay' }, start, cal); // 6 h of 7.5 h
  const red = startStep('verify', { amount: 4, unit: 'workHour' }, start, cal); // due 13:30+0.5 h = 14:00

  it('is the worst running step', () => {
    expect(caseDeadlineState([done, green], now, cal)).toBe('green');
    expect(caseDeadlineState([done, green, yellow], now, cal)).toBe('yellow');
    expect(caseDeadlineState([red, green, yellow, done], now, cal)).toBe('red');
    expect(caseDeadlineState([done], now, cal)).toBe('done');
    expect(caseDeadlineState([], now, cal)).toBe('done');
  });
});
