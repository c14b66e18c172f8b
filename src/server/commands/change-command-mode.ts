/**
 * Declares a command mode other than daily (R9): joint, authorised (graded response) or emergency
 * command with its kind, level, commander and deputy (personnel of the profile). The period in force,
 * if any, ends as replaced; the new one opens; the audit row is written in the same transaction.
 * Bad input is a 400 naming each field; two changes at once: the second is a 409.
 */
import type { ChangeCommandModeBody } from '../../contracts/command-mode.js';
import type { Actor } from '../../domain/access/actor.js';
import { changeProblems } from '../../domain/command/command-mode.js';
import { recordActor } from '../cases/case-actor.js';
import type { AppContext } from '../context.js';
import { endOpenPeriod, insertOpenPeriod } from '../db/repositories/command-mode-repository.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { findPersonnel } from '../db/repositories/personnel-repository.js';
import { problems, type FieldError, type Problem } from '../http/problem.js';
import { auditActorOf, recordAudit } from './record-audit.js';

export const commandModeChanged = (): Problem =>
  problems.conflict('COMMAND_MODE_CHANGED', { zh: '指挥模式刚被他人修改，请刷新后再试', en: 'Someone else changed the command mode just now; reload and try again' });

export async function changeCommandMode(ctx: AppContext, actor: Actor, body: ChangeCommandModeBody, ip: string | null): Promise<string> {
  const errors: FieldError[] = changeProblems(body).map((p) => ({ field: `body.${p.field}`, message: p.message }));
  const people = new Map<string, string>();
  for (const field of ['commanderCode', 'deputyCode'] as const) {
    const code = body[field];
    if (!code || errors.some((e) => e.field === `body.${field}`)) continue;
    const person = await findPersonnel(ctx.database.db, ctx.townId, code);
    if (person) people.set(code, person.name);
    else errors.push({ field: `body.${field}`, message: { zh: `人员 ${code} 不在本镇人员名单中`, en: `no person ${code} in the town's personnel` } });
  }
  if (errors.length > 0) throw problems.validation(errors);

  const id = crypto.randomUUID();
  const at = ctx.clock.now().toISOString();
  const by = recordActor(actor).name;
  try {
    await ctx.database.write(async (trx) => {
      const replaced = await endOpenPeriod(trx, ctx.townId, { at, byId: actor.id, byName: by, kind: 'replaced', note: null });
      await insertOpenPeriod(trx, {
        id,
        town_id: ctx.townId,
        mode: body.mode,
        emergency_kind: body.emergencyKind ?? null,
        response_level: body.responseLevel ?? null,
        commander_code: body.commanderCode ?? null,
        commander_name: body.commanderCode ? (people.get(body.commanderCode) ?? null) : null,
        deputy_code: body.deputyCode ?? null,
        deputy_name: body.deputyCode ? (people.get(body.deputyCode) ?? null) : null,
        reason: body.reason,
        started_at: at,
        started_by: actor.id,
        started_by_name: by,
      });
      await recordAudit(
        ctx,
        {
          actor: auditActorOf(actor),
          action: 'command_mode.change',
          outcome: 'success',
          resourceType: 'command_mode',
          resourceId: id,
          ip,
          detail: { ...body, replaced: replaced ? { id: replaced.id, mode: replaced.mode, responseLevel: replaced.response_level } : null },
        },
        trx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw commandModeChanged();
    throw error;
  }
  return id;
}
