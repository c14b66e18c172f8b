/** SLA arithmetic: per-step deadline clocks, states and exactly-once threshold notifications. */
export { startStep, stopStep, pauseAll, resumeAll, extendStep, isRunning, parseInstant } from './step-clock.js';
export type { StepClock } from './step-clock.js';
export {
  stepState,
  wasLate,
  caseDeadlineState,
  thresholdsToFire,
  markNotified,
  elapsedMs,
  elapsedFraction,
  remainingMs,
  DEFAULT_YELLOW_AT,
} from './step-state.js';
export type { StepState, Threshold } from './step-state.js';
export { limitFor, stepLimitsFor, limitsEntryFor, unclassifiedLimits } from './limits.js';
export type { StepLimits } from './limits.js';
export { applyDeadlineEffects, nextThresholdAt } from './apply-effects.js';
export { planSweep, type SweepFiring, type SweepPlan } from './sweep-plan.js';
