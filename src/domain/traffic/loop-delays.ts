/**
 * How long the people of the loop take before the next step of a case, in real (simulated) time:
 * the center registers and dispatches in minutes, units accept within the hour, handling takes
 * hours to days, verification, the return visit and closing follow. The simulator compresses these
 * by its speed-up.
 */
import type { CaseStatus } from '../case/index.js';
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Median and spread (log-normal sigma) of the wait before the step that follows each status. */
const waits: Partial<Record<CaseStatus, { median: number; sigma: number }>> = {
  reported: { median: 10 * MINUTE, sigma: 0.8 },
  registered: { median: 30 * MINUTE, sigma: 0.7 },
  returned: { median: 40 * MINUTE, sigma: 0.7 },
  dispatched: { median: 45 * MINUTE, sigma: 0.9 },
  accepted: { median: 30 * MINUTE, sigma: 0.8 },
  handling: { median: 6 * HOUR, sigma: 1.0 },
  feedback: { median: 3 * HOUR, sigma: 0.8 },
  verified: { median: 8 * HOUR, sigma: 0.8 },
  visited: { median: 30 * MINUTE, sigma: 0.8 },
};

/** Simulated ms until someone takes the next step of a case in `status`; null when nobody will (closed, voided, suspended). */
export function nextStepDelay(status: CaseStatus, random: Random): number | null {
  const w = waits[status];
  if (!w) return null;
  return Math.max(MINUTE / 2, Math.min(7 * 24 * HOUR, Math.round(random.logNormal(w.median, w.sigma))));
}
