/**
 * A manual adjustment of a unit's annual score (考核加减分): by the supervisor, with a reason, never
 * edited or deleted (a later adjustment corrects an earlier one), written with its audit row.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { AdjustmentDto, NewAdjustmentBody } from '../../contracts/assessment.js';
import { auditActorOf, recordAudit } from '../commands/record-audit.js';
import type { AppContext } from '../context.js';
import { insertAdjustment } from '../db/repositories/assessment-repository.js';
import { Problem } from '../http/problem.js';
import { assessmentRulesOf } from './get-annual-assessment.js';

export async function adjustAnnualScore(ctx: AppContext, actor: Actor, body: NewAdjustmentBody, ip: string | null): Promise<AdjustmentDto> {
  const town = await ctx.town.current();
  const rules = assessmentRulesOf(town.rules);
  const unit = town.units.get(body.unitCode);
  if (!unit || !(rules.assessedKinds as readonly string[]).includes(unit.kind)) {
    throw new Problem(422, 'UNIT_NOT_ASSESSED', { zh: '该单位不在年度考核范围内', en: 'This unit is not assessed' }, [
      { field: 'body.unitCode', message: unit ? { zh: `${unit.name} 不参加年度考核`, en: `${body.unitCode} is not assessed` } : { zh: `单位 ${body.unitCode} 不存在`, en: `unknown unit ${body.unitCode}` } },
    ]);
  }
  const row = {
    id: crypto.randomUUID(),
    town_id: ctx.townId,
    year: body.year,
    unit_code: body.unitCode,
    points: body.points,
    reason: body.reason,
    by_id: actor.id,
    by_name: actor.displayName ?? actor.username,
    at: ctx.clock.now().toISOString(),
  };
  await ctx.database.write(async (trx) => {
    await insertAdjustment(trx, row);
    await recordAudit(ctx, { actor: auditActorOf(actor), action: 'assessment.adjust', outcome: 'success', resourceType: 'assessment_adjustment', resourceId: row.id, ip, detail: { year: body.year, unitCode: body.unitCode, points: body.points, reason: body.reason } }, trx);
  });
  return { id: row.id, year: row.year, unitCode: row.unit_code, points: row.points, reason: row.reason, by: { id: row.by_id, name: row.by_name }, at: row.at };
}
