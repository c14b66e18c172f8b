/**
 * The deadline sweep (R7): every minute, the open cases whose next threshold has come are urged at
 * yellow and escalated at red, exactly once per threshold — the notified marks are written in the
 * same transaction as the events, with the case's version, so two sweeps (or two nodes) never fire
 * twice, and a sweep after downtime catches up on everything it missed.
 */
import { decide, type CaseAction, type CaseFacts } from '../../domain/case/index.js';
import { planSweep, type StepClock, type SweepFiring } from '../../domain/sla/index.js';
import { clockColumns } from '../cases/clock-columns.js';
import { systemActor, systemCaseActor } from '../cases/case-actor.js';
import { factColumns, factsOf } from '../cases/case-facts.js';
import type { AppContext } from '../context.js';
import { appendCaseEvent } from '../db/repositories/case-event-repository.js';
import { casesDueForSweep, insertOutbox, updateCase, type CaseRow } from '../db/repositories/case-repository.js';
import { withProps } from '../../domain/with-props.js';

const stepLabels: Record<string, string> = { dispatch: '派遣', accept: '签收', handle: '处置', verify: '核查', visit: '回访' };

export interface SweepResult {
  cases: number;
  urged: number;
  escalated: number;
}

export interface SweepEvent {
  action: CaseAction;
  from: string;
  to: string;
  reason: string;
  data: Record<string, unknown>;
}

/** What one sweep run records for a plan's firings: urge at yellow, escalate (or urge at the top) at red. Pure; also used by the history seeder. */
export function sweepEvents(start: CaseFacts, firings: readonly SweepFiring[], yellowAt: number): { facts: CaseFacts; events: SweepEvent[] } {
  let facts = start;
  const events: SweepEvent[] = [];
  for (const f of firings) {
    const reason = f.threshold === 'yellow' ? `${stepLabels[f.step]}时限已过 ${Math.round(yellowAt * 100)}%，系统自动催办` : `${stepLabels[f.step]}已超期，系统自动督办升级`;
    // at red the case climbs one rung; at the top of the ladder a red is still announced, as an urge
    const tries: CaseAction[] = f.action === 'escalate' ? ['escalate', 'urge'] : ['urge'];
    for (const action of tries) {
      const d = decide(facts, systemCaseActor, action, action === 'escalate' ? { reason } : { note: reason });
      if (!d.ok) continue;
      facts = d.facts;
      // the unit that let the step run late: what the assessment counts it for
      events.push({ action, from: d.event.from, to: d.event.to, reason, data: withProps(d.event.data, { step: f.step, threshold: f.threshold, automatic: true, ...(start.leadUnit ? { unit: start.leadUnit } : {}) }) });
      break;
    }
  }
  return { facts, events };
}

async function sweepOne(ctx: AppContext, row: CaseRow, now: Date, result: SweepResult): Promise<void> {
  const town = await ctx.town.current();
  const yellowAt = town.rules.deadlines.yellowAt;
  const plan = planSweep(JSON.parse(row.deadlines) as StepClock[], now, town.calendar, yellowAt);
  const at = now.toISOString();
  const { facts, events } = sweepEvents(factsOf(row), plan.firings, yellowAt);
  for (const e of events) {
    if (e.action === 'escalate') result.escalated++;
    else result.urged++;
  }
  await ctx.database.write(async (trx) => {
    const updated = await updateCase(trx, ctx.townId, row, Object.assign(factColumns(facts), clockColumns(plan.clocks, now, town.calendar, yellowAt), { updated_at: events.length > 0 ? at : row.updated_at }));
    // someone acted on the case meanwhile: the next sweep looks at it again with fresh clocks
    if (!updated) return;
    for (const e of events) {
      const event = await appendCaseEvent(trx, ctx.townId, { caseId: row.id, action: e.action, fromStatus: e.from, toStatus: e.to, actor: systemActor('system:deadline-sweep'), reason: e.reason, data: e.data, attachments: [], at });
      await insertOutbox(trx, ctx.townId, 'case.event', { seq: Number(event.seq), caseId: row.id, action: e.action }, at);
    }
  });
}

export async function sweepDeadlines(ctx: AppContext, batchSize = 500): Promise<SweepResult> {
  const now = ctx.clock.now();
  const result: SweepResult = { cases: 0, urged: 0, escalated: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await casesDueForSweep(ctx.database.db, ctx.townId, now.toISOString(), batchSize)).filter((r) => !seen.has(r.id));
    if (due.length === 0) break;
    for (const row of due) {
      seen.add(row.id);
      await sweepOne(ctx, row, now, result);
      result.cases++;
    }
  }
  if (result.urged + result.escalated > 0) ctx.realtime.notify();
  return result;
}
