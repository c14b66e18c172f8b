/**
 * Deadline states (green / yellow / red / done) and the exactly-once threshold notifications the
 * server's sweep job fires (催办 at yellow, 督办/escalation at red).
 */
import type { WorkCalendar } from '../calendar/index.js';
import { parseInstant } from './step-clock.js';
import type { StepClock } from './step-clock.js';
import { withProps } from '../with-props.js';

export type StepState = 'green' | 'yellow' | 'red' | 'done';
export type Threshold = 'yellow' | 'red';

export const DEFAULT_YELLOW_AT = 0.8;

/** A paused clock is frozen: it is judged at the instant it was paused; a stopped one at its stop. */
function effectiveNow(clock: StepClock, now: Date): Date {
  if (clock.stoppedAt !== null) return parseInstant(clock.stoppedAt);
  if (clock.pausedAt !== null) return parseInstant(clock.pausedAt);
  return now;
}

/** Time used so far in the clock's measure (working ms for working units), pauses excluded. */
export function elapsedMs(clock: StepClock, now: Date, calendar: WorkCalendar): number {
  const at = effectiveNow(clock, now);
  return calendar.measure(clock.limit.unit, parseInstant(clock.startedAt), at) - clock.pausedMs;
}

/** Share of the allowed time used: 0 at the start, 1 at the deadline, above 1 when overdue. */
export function elapsedFraction(clock: StepClock, now: Date, calendar: WorkCalendar): number {
  return elapsedMs(clock, now, calendar) / clock.allowedMs;
}

/** Allowed time left in the clock's measure; negative when overdue. */
export function remainingMs(clock: StepClock, now: Date, calendar: WorkCalendar): number {
  return clock.allowedMs - elapsedMs(clock, now, calendar);
}

/**
 * done: stopped (see wasLate). red: strictly after the deadline. yellow: the used share of the
 * allowed time has reached yellowAt (compared in whole ms, so 80 % is exact). green otherwise.
 */
export function stepState(clock: StepClock, now: Date, calendar: WorkCalendar, yellowAt = DEFAULT_YELLOW_AT): StepState {
  if (clock.stoppedAt !== null) return 'done';
  const at = effectiveNow(clock, now);
  if (at.getTime() > parseInstant(clock.dueAt).getTime()) return 'red';
  return elapsedMs(clock, at, calendar) >= Math.round(yellowAt * clock.allowedMs) ? 'yellow' : 'green';
}

/** A stopped clock finished after its (possibly moved) deadline. Running clocks are never "late" yet. */
export function wasLate(clock: StepClock): boolean {
  return clock.stoppedAt !== null && parseInstant(clock.stoppedAt).getTime() > parseInstant(clock.dueAt).getTime();
}

const severity: Record<StepState, number> = { done: 0, green: 1, yellow: 2, red: 3 };

/** The worst state among the running clocks; 'done' when none is running (or there are none). */
export function caseDeadlineState(
  clocks: readonly StepClock[],
  now: Date,
  calendar: WorkCalendar,
  yellowAt = DEFAULT_YELLOW_AT,
): StepState {
  let worst: StepState = 'done';
  for (const c of clocks) {
    const s = stepState(c, now, calendar, yellowAt);
    if (severity[s] > severity[worst]) worst = s;
  }
  return worst;
}

/**
 * Thresholds crossed but not yet announced, in crossing order (yellow before red). The sweep fires
 * each, then stores markNotified(clock, t): so however often it runs a threshold fires once, and a
 * single sweep after a long outage fires ['yellow', 'red'] together. Stopped clocks fire nothing.
 */
export function thresholdsToFire(
  clock: StepClock,
  now: Date,
  calendar: WorkCalendar,
  yellowAt = DEFAULT_YELLOW_AT,
): Threshold[] {
  const state = stepState(clock, now, calendar, yellowAt);
  const crossed: Threshold[] = [];
  switch (state) {
    case 'red':
      crossed.push('yellow', 'red');
      break;
    case 'yellow':
      crossed.push('yellow');
      break;
    case 'green':
    case 'done':
      break;
  }
  return crossed.filter((t) => !clock.notified[t]);
}

export function markNotified(clock: StepClock, threshold: Threshold): StepClock {
  return withProps(clock, { notified: { ...clock.notified, [threshold]: true } });
}
