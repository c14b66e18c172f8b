/**
 * What the record says about the steps of one command (an action, and routing's own dispatch after
 * 立案): each step's event data, and the deadline clocks after them. Shared by the live command
 * (actOnCase) and the history seeder, so seeded history reads exactly like the real loop's.
 */
import type { Accepted, CaseAction } from '../../domain/case/index.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';
import { applyDeadlineEffects, wasLate, type StepClock } from '../../domain/sla/index.js';
import type { SlaStep, TimeLimit } from '../../domain/profile/schema.js';

export interface CommandStep {
  action: CaseAction;
  decision: Accepted;
}

export interface StepContext {
  /** the lead unit before the command (the unit whose work the steps are) */
  leadUnit: string | null;
  categoryCode: string | null;
  urgency: string;
  routing: { rule: string; explanation: unknown };
  /** the inspector whose report this is (a voided report counts against their valid reports) */
  reportedBy?: string | null;
}

export function recordSteps(
  steps: readonly CommandStep[],
  clocksBefore: readonly StepClock[],
  context: StepContext,
  limitOf: (step: SlaStep) => TimeLimit,
  at: Date,
  calendar: WorkCalendar,
): { clocks: StepClock[]; data: Array<Record<string, unknown>> } {
  let clocks = [...clocksBefore];
  const data: Array<Record<string, unknown>> = [];
  for (const s of steps) {
    const before = clocks;
    clocks = applyDeadlineEffects(clocks, s.decision.effects, limitOf, at, calendar);
    const d: Record<string, unknown> = { ...s.decision.event.data };
    // the assessment counts the event for this unit, with the steps it finished and whether in time
    if (context.leadUnit) d.unit = context.leadUnit;
    const done = clocks.filter((c, i) => c.stoppedAt !== null && before[i]?.stoppedAt === null).map((c) => ({ step: c.step, late: wasLate(c) }));
    if (done.length > 0) d.steps = done;
    if (s.decision.event.to === 'closed') d.onTime = !clocks.some(wasLate);
    if (s.action === 'return') d.returnedBy = context.leadUnit;
    if (s.action === 'void' && context.reportedBy) d.reportedBy = context.reportedBy;
    if (s.action === 'register') Object.assign(d, { categoryCode: context.categoryCode, urgency: context.urgency });
    if (s.action === 'dispatch' || s.action === 'register' || s.action === 'return') d.routing = { rule: context.routing.rule, explanation: context.routing.explanation };
    data.push(d);
  }
  return { clocks, data };
}
