/**
 * A case step's deadline clock as plain JSON-serialisable data (the server stores it as-is).
 * Every function is pure and returns a new clock; time is always passed in.
 *
 * Measures: a clock lives in the measure of its limit's unit — working ms for workHour/workDay
 * (only time inside working windows of working days counts), plain ms for hour/day. Pauses and
 * extensions are converted to that measure, so pausing a working-hour clock over a weekend costs
 * the case nothing and moves its deadline by nothing.
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { SlaStep, TimeLimit } from '../profile/schema.js';
import { withProps } from '../with-props.js';

export interface StepClock {
  step: SlaStep;
  /** the limit the step started with (its unit fixes the clock's measure) */
  limit: TimeLimit;
  /** ISO-8601 UTC instants */
  startedAt: string;
  /** the deadline, moved by resumes and extensions */
  dueAt: string;
  stoppedAt: string | null;
  /** set while the clock is paused (e.g. 挂起 pending the reporter) */
  pausedAt: string | null;
  /** total completed pause time, in the clock's measure */
  pausedMs: number;
  /** time allowed in the clock's measure: the limit plus every extension (elapsed / allowedMs = progress) */
  allowedMs: number;
  /** extensions granted (延期), in order */
  extendedBy: TimeLimit[];
  /** thresholds already announced by the sweep; see step-state.ts */
  notified: { yellow: boolean; red: boolean };
}

export function parseInstant(iso: string): Date {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(iso)}`);
  return new Date(ms);
}

export function isRunning(clock: StepClock): boolean {
  return clock.stoppedAt === null;
}

export function startStep(step: SlaStep, limit: TimeLimit, at: Date, calendar: WorkCalendar): StepClock {
  return {
    step,
    limit: { ...limit },
    startedAt: at.toISOString(),
    dueAt: calendar.addLimit(at, limit).toISOString(),
    stoppedAt: null,
    pausedAt: null,
    pausedMs: 0,
    allowedMs: calendar.allowedMs(limit),
    extendedBy: [],
    notified: { yellow: false, red: false },
  };
}

/** End a pause at `at`: the paused stretch (in the clock's measure) moves the deadline by as much. */
function resumeOne(clock: StepClock, at: Date, calendar: WorkCalendar): StepClock {
  if (clock.pausedAt === null) return clock;
  const paused = Math.max(0, calendar.measure(clock.limit.unit, parseInstant(clock.pausedAt), at));
  return withProps(clock, {
    pausedAt: null,
    pausedMs: clock.pausedMs + paused,
    dueAt: calendar.shift(clock.limit.unit, parseInstant(clock.dueAt), paused).toISOString(),
  });
}

/**
 * Stop the clock (step completed). Idempotent: a stopped clock is returned unchanged. A clock
 * stopped while paused is resumed first, so the pause still moves the deadline before wasLate is judged.
 * (Takes the calendar, unlike a bare timestamp, for exactly that reason.)
 */
export function stopStep(clock: StepClock, at: Date, calendar: WorkCalendar): StepClock {
  if (clock.stoppedAt !== null) return clock;
  return withProps(resumeOne(clock, at, calendar), { stoppedAt: at.toISOString() });
}

/** Pause every running clock that is not already paused (a case is suspended as a whole). */
export function pauseAll(clocks: readonly StepClock[], at: Date): StepClock[] {
  return clocks.map((c) => (c.stoppedAt === null && c.pausedAt === null ? withProps(c, { pausedAt: at.toISOString() }) : c));
}

export function resumeAll(clocks: readonly StepClock[], at: Date, calendar: WorkCalendar): StepClock[] {
  return clocks.map((c) => (c.stoppedAt === null ? resumeOne(c, at, calendar) : c));
}

/**
 * Grant an extension (延期): the deadline moves from the current deadline by `extra` (by
 * calendar.addLimit, so a workDay extension of a 17:30 deadline ends at 17:30 a working day later),
 * and the allowance grows by that stretch in the clock's own measure (which also handles an extra
 * limit in another unit). An extension grants a new deadline, so its thresholds are new events:
 * both notified flags are cleared and the sweep announces yellow / red again, once each, if the
 * extended clock crosses them.
 */
export function extendStep(clock: StepClock, extra: TimeLimit, calendar: WorkCalendar): StepClock {
  if (clock.stoppedAt !== null) throw new RangeError(`cannot extend the stopped ${clock.step} clock`);
  const oldDue = parseInstant(clock.dueAt);
  const newDue = calendar.addLimit(oldDue, extra);
  return withProps(clock, {
    dueAt: newDue.toISOString(),
    allowedMs: clock.allowedMs + calendar.measure(clock.limit.unit, oldDue, newDue),
    extendedBy: [...clock.extendedBy, { ...extra }],
    notified: { yellow: false, red: false },
  });
}
