/**
 * What the deadline sweep does to one case now: for each running step whose yellow or red threshold
 * has been crossed and not yet announced, 催办 (urge) at yellow and 督办 (escalate one rung) at red,
 * each exactly once — the returned clocks carry the notified marks, stored with the events.
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { SlaStep } from '../profile/schema.js';
import type { StepClock } from './step-clock.js';
import { markNotified, thresholdsToFire, type Threshold } from './step-state.js';

export interface SweepFiring {
  step: SlaStep;
  threshold: Threshold;
  /** urge at yellow, escalate at red */
  action: 'urge' | 'escalate';
}

export interface SweepPlan {
  firings: SweepFiring[];
  clocks: StepClock[];
}

export function planSweep(clocks: readonly StepClock[], now: Date, calendar: WorkCalendar, yellowAt: number): SweepPlan {
  const firings: SweepFiring[] = [];
  const out = clocks.map((clock) => {
    let c = clock;
    for (const threshold of thresholdsToFire(clock, now, calendar, yellowAt)) {
      firings.push({ step: clock.step, threshold, action: threshold === 'yellow' ? 'urge' : 'escalate' });
      c = markNotified(c, threshold);
    }
    return c;
  });
  return { firings, clocks: out };
}
