/**
 * People's actions on a recurring-problem record: the owner unit (or the supervisor) records the
 * root-cause plan and reports progress; the supervisor alone strikes it off (销项) with a reason.
 * Policy says who, the record machine says when; the change, its log entry and the audit row are
 * written in one transaction, against the version that was read.
 */
import type { Actor } from '../../domain/access/index.js';
import { decideRecord, recurringActionLabels, recurringStatusLabels, type RecurringAction, type RecurringStatus } from '../../domain/recurring/index.js';
import { recordActor } from '../cases/case-actor.js';
import { auditActorOf, recordAudit } from '../commands/record-audit.js';
import type { AppContext } from '../context.js';
import { insertRecurringLog } from '../db/repositories/recurring-detection-repository.js';
import { findRecord, updateRecord } from '../db/repositories/recurring-repository.js';
import { Problem } from '../http/problem.js';
import { recordNotFound } from './get-record.js';
import { assertMay } from './record-access.js';

export interface RecordActionInput {
  /** the plan or the progress report (plan, progress), or the reason (strike-off) */
  text: string;
  version?: number;
}

const changed = (current?: number) =>
  new Problem(409, 'RECURRING_CHANGED', { zh: '该问题已被他人更新，请刷新后重试', en: 'The record was changed by someone else; reload and retry' }, [], current === undefined ? {} : { currentVersion: current });

export async function actOnRecord(ctx: AppContext, actor: Actor, id: string, action: RecurringAction, input: RecordActionInput, ip: string | null): Promise<void> {
  const town = await ctx.town.current();
  const row = await findRecord(ctx.database.db, ctx.townId, id);
  if (!row) throw recordNotFound();
  assertMay(actor, town, row, action);
  if (input.version !== undefined && input.version !== row.version) throw changed(row.version);
  const status = row.status as RecurringStatus;
  const d = decideRecord(status, action);
  if (!d.ok) {
    throw new Problem(409, `RECURRING_${d.code}`, d.reason, [], { state: status, stateLabel: recurringStatusLabels[status], action: recurringActionLabels[action] });
  }
  const at = ctx.clock.now().toISOString();
  const who = recordActor(actor);
  const patch =
    action === 'plan'
      ? { status: d.to, plan: input.text, planned_at: at, updated_at: at }
      : action === 'progress'
        ? { status: d.to, updated_at: at }
        : { status: d.to, struck_off_at: at, struck_off_by: who.name, strike_reason: input.text, updated_at: at };
  await ctx.database.write(async (trx) => {
    if (!(await updateRecord(trx, ctx.townId, row, patch))) throw changed();
    await insertRecurringLog(trx, { town_id: ctx.townId, record_id: id, kind: action, text: input.text, case_id: null, actor_type: who.type, actor_id: who.id, actor_name: who.name, actor_role: who.role, at });
    await recordAudit(
      ctx,
      { actor: auditActorOf(actor), action: `recurring.${action}`, outcome: 'success', resourceType: 'recurring', resourceId: id, ip, detail: { from: status, to: d.to, text: input.text, categoryCode: row.category_code, place: row.place } },
      trx,
    );
  });
}
