/** DELETE /session: ends the caller's session (the row goes; the cookie is cleared by the route). */
import type { Actor } from '../../domain/access/actor.js';
import type { AppContext } from '../context.js';
import { deleteSession } from '../db/repositories/session-repository.js';
import { auditActorOf, recordAudit } from './record-audit.js';

export async function logOut(ctx: AppContext, input: { sessionId: string; actor: Actor; ip: string | null }): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteSession(trx, input.sessionId);
    await recordAudit(ctx, { actor: auditActorOf(input.actor), action: 'session.logout', outcome: 'success', resourceType: 'session', ip: input.ip }, trx);
  });
}
