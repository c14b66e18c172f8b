/**
 * The case columns derived from its step clocks, written together wherever the clocks change
 * (a command, the deadline sweep, the seeder): the clocks themselves, the case's deadline state
 * (green/yellow/red), the next instant the sweep must look at it, and the instant the unit's own
 * steps first ran overdue (what the annual accountability list counts by an index).
 */
import { unitOverdueSince } from '../../domain/assessment/index.js';
import { caseDeadlineState, nextThresholdAt, type StepClock } from '../../domain/sla/index.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';

export function clockColumns(clocks: readonly StepClock[], now: Date, calendar: WorkCalendar, yellowAt: number) {
  return {
    deadlines: JSON.stringify(clocks),
    deadline_state: caseDeadlineState(clocks, now, calendar, yellowAt),
    next_due_at: nextThresholdAt(clocks, calendar, yellowAt),
    unit_overdue_at: unitOverdueSince(clocks),
  };
}
