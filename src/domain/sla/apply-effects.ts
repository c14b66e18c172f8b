/**
 * Applies the case machine's deadline effects to a case's step clocks, and tells when the next
 * threshold falls due so the sweep job need only look at cases whose time has come.
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { DeadlineEffect } from '../case/index.js';
import type { SlaStep, TimeLimit } from '../profile/schema.js';
import { extendStep, isRunning, parseInstant, pauseAll, resumeAll, startStep, stopStep, type StepClock } from './step-clock.js';
import { DEFAULT_YELLOW_AT } from './step-state.js';

export function applyDeadlineEffects(
  clocks: readonly StepClock[],
  effects: readonly DeadlineEffect[],
  limitOf: (step: SlaStep) => TimeLimit,
  at: Date,
  calendar: WorkCalendar,
): StepClock[] {
  let out = [...clocks];
  const runningIndex = (step: SlaStep) => out.findIndex((c) => c.step === step && isRunning(c));
  for (const effect of effects) {
    switch (effect.kind) {
      case 'start': {
        // a step started again (rework, re-dispatch) gets a fresh clock; the old one stays as history
        const i = runningIndex(effect.step);
        if (i >= 0) out[i] = stopStep(out[i]!, at, calendar);
        out.push(startStep(effect.step, limitOf(effect.step), at, calendar));
        break;
      }
      case 'stop': {
        const i = runningIndex(effect.step);
        if (i >= 0) out[i] = stopStep(out[i]!, at, calendar);
        break;
      }
      case 'stopAll':
        out = out.map((c) => (isRunning(c) ? stopStep(c, at, calendar) : c));
        break;
      case 'pause':
        out = pauseAll(out, at);
        break;
      case 'resume':
        out = resumeAll(out, at, calendar);
        break;
      case 'extend': {
        const i = runningIndex(effect.step);
        if (i >= 0) out[i] = extendStep(out[i]!, effect.limit, calendar);
        break;
      }
    }
  }
  return out;
}

/**
 * The earliest instant at which a running, unpaused clock crosses a threshold not yet announced
 * (yellow at yellowAt of the allowed time, red just after the deadline); null when nothing can change.
 */
export function nextThresholdAt(clocks: readonly StepClock[], calendar: WorkCalendar, yellowAt = DEFAULT_YELLOW_AT): string | null {
  let next: number | null = null;
  for (const c of clocks) {
    if (!isRunning(c) || c.pausedAt !== null) continue;
    const candidates: number[] = [];
    if (!c.notified.yellow) {
      const yellowMs = Math.round(yellowAt * c.allowedMs) + c.pausedMs;
      candidates.push(calendar.shift(c.limit.unit, parseInstant(c.startedAt), yellowMs).getTime());
    }
    if (!c.notified.red) candidates.push(parseInstant(c.dueAt).getTime() + 1);
    for (const t of candidates) if (next === null || t < next) next = t;
  }
  return next === null ? null : new Date(next).toISOString();
}
