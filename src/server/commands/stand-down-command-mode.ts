/** Stands the period in force down (解除): the town returns to daily command. Audited in the same transaction. */
import type { Actor } from '../../domain/access/actor.js';
import { recordActor } from '../cases/case-actor.js';
import type { AppContext } from '../context.js';
import { endOpenPeriod } from '../db/repositories/command-mode-repository.js';
import { problems } from '../http/problem.js';
import { auditActorOf, recordAudit } from './record-audit.js';

export const alreadyDaily = () =>
  problems.conflict('COMMAND_MODE_DAILY', { zh: '当前已是日常指挥，没有可解除的指挥模式', en: 'The town is under daily command; there is nothing to stand down' });

export async function standDownCommandMode(ctx: AppContext, actor: Actor, note: string | null, ip: string | null): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.database.write(async (trx) => {
    const ended = await endOpenPeriod(trx, ctx.townId, { at, byId: actor.id, byName: recordActor(actor).name, kind: 'stood_down', note });
    if (!ended) throw alreadyDaily();
    await recordAudit(
      ctx,
      {
        actor: auditActorOf(actor),
        action: 'command_mode.stand_down',
        outcome: 'success',
        resourceType: 'command_mode',
        resourceId: ended.id,
        ip,
        detail: { mode: ended.mode, emergencyKind: ended.emergency_kind, responseLevel: ended.response_level, startedAt: ended.started_at, note },
      },
      trx,
    );
  });
}
