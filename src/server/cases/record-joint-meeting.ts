/**
 * 谁牵头谁办理: the lead unit of a cross-department case convenes the assisting units; the meeting's
 * participants, minutes and decisions are kept with the case and recorded in its hash-chained record.
 * The lead unit's handlers or a coordinator may record it, on an open case with a lead unit.
 */
import { randomUUID } from 'node:crypto';
import type { JointMeetingDto } from '../../contracts/cases.js';
import type { Actor } from '../../domain/access/index.js';
import { isOpen, type CaseStatus } from '../../domain/case/index.js';
import type { AppContext } from '../context.js';
import { appendCaseEvent } from '../db/repositories/case-event-repository.js';
import { findCase, insertJointMeeting, insertOutbox } from '../db/repositories/case-repository.js';
import { Problem } from '../http/problem.js';
import { recordActor, toCaseActor } from './case-actor.js';
import { claimIdempotencyKey, type KeyRowFor } from '../db/repositories/idempotency-repository.js';
import { idempotencyKeyTaken } from '../http/idempotency.js';

export interface JointMeetingInput {
  heldAt: string;
  participants: string[];
  minutes: string;
  decisions?: string;
}

/** `keyRow`: the Idempotency-Key's row, written in the meeting's own transaction. */
export async function recordJointMeeting(ctx: AppContext, actor: Actor, caseId: string, input: JointMeetingInput, keyRow?: KeyRowFor<string>): Promise<void> {
  const row = await findCase(ctx.database.db, ctx.townId, caseId);
  if (!row) throw new Problem(404, 'CASE_NOT_FOUND', { zh: '案件不存在', en: 'No such case' });
  const town = await ctx.town.current();
  const isLead = row.lead_unit !== null && toCaseActor(actor, town).departmentCode === row.lead_unit;
  if (!isLead && actor.role !== 'coordinator') {
    throw new Problem(403, 'ROLE_NOT_ALLOWED', { zh: '只有牵头单位或指挥协调组可以记录联席会议', en: 'Only the lead unit or a coordinator may record a joint meeting' });
  }
  if (!row.lead_unit || !isOpen(row.status as CaseStatus)) {
    throw new Problem(409, 'ACTION_NOT_ALLOWED_IN_STATE', { zh: '案件尚无牵头单位或已办结', en: 'The case has no lead unit or is finished' }, [], { state: row.status });
  }
  const unknown = input.participants.filter((p) => !town.units.has(p));
  if (unknown.length > 0) {
    throw new Problem(422, 'UNKNOWN_UNIT', { zh: '参会单位不存在', en: 'Unknown participating unit' }, unknown.map((u) => ({ field: 'body.participants', message: { zh: `单位 ${u} 不存在`, en: `unit ${u} does not exist` } })));
  }
  const at = ctx.clock.now().toISOString();
  const heldAt = new Date(input.heldAt).toISOString();
  const id = randomUUID();
  await ctx.database.write(async (trx) => {
    if (keyRow && !(await claimIdempotencyKey(trx, keyRow(row.id)))) throw idempotencyKeyTaken();
    await insertJointMeeting(trx, { id, town_id: ctx.townId, case_id: row.id, lead_unit: row.lead_unit!, participants: JSON.stringify(input.participants), held_at: heldAt, minutes: input.minutes, decisions: input.decisions ?? null, recorded_by: actor.username, created_at: at });
    const event = await appendCaseEvent(
      trx,
      ctx.townId,
      { caseId: row.id, action: 'joint-meeting', fromStatus: row.status, toStatus: row.status, actor: recordActor(actor), reason: null, data: { meetingId: id, heldAt, participants: input.participants, minutes: input.minutes, decisions: input.decisions ?? null }, attachments: [], at },
    );
    await insertOutbox(trx, ctx.townId, 'case.event', { seq: Number(event.seq), caseId: row.id, action: 'joint-meeting' }, at);
  });
  ctx.realtime.notify();
}

export function presentJointMeeting(
  m: { id: string; lead_unit: string; participants: string; held_at: string; minutes: string; decisions: string | null; recorded_by: string; created_at: string },
  unitName: (code: string) => string | null,
): JointMeetingDto {
  return {
    id: m.id,
    leadUnit: m.lead_unit,
    participants: (JSON.parse(m.participants) as string[]).map((code) => ({ code, name: unitName(code) })),
    heldAt: m.held_at,
    minutes: m.minutes,
    decisions: m.decisions,
    recordedBy: m.recorded_by,
    createdAt: m.created_at,
  };
}
