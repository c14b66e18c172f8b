/** 我的工作: counts per queue and per deadline light, in the same scope as the case list. */
import type { CaseCountsDto } from '../../contracts/cases.js';
import type { Actor } from '../../domain/access/index.js';
import { can } from '../../domain/access/index.js';
import { caseStatuses, isOpen } from '../../domain/case/vocabulary.js';
import type { AppContext } from '../context.js';
import { countCasesBy } from '../db/repositories/case-list-repository.js';
import { authProblems } from '../auth/auth-problems.js';
import { caseListScope } from './case-access.js';

const openStatuses = caseStatuses.filter(isOpen);

export async function countCasesFor(ctx: AppContext, actor: Actor): Promise<CaseCountsDto> {
  const town = await ctx.town.current();
  const scope = caseListScope(actor, town);
  if (!scope) throw authProblems.forbidden(can(actor, 'read', 'cases'));
  const db = ctx.database.db;
  const [byStatus, byDeadline] = await Promise.all([countCasesBy(db, ctx.townId, scope, 'status'), countCasesBy(db, ctx.townId, scope, 'deadline_state', openStatuses)]);
  const s = (status: string) => byStatus.get(status) ?? 0;
  const d = (state: string) => byDeadline.get(state) ?? 0;
  return {
    queues: {
      reported: s('reported'),
      registered: s('registered'),
      returned: s('returned'),
      inProgress: s('dispatched') + s('accepted') + s('handling'),
      feedback: s('feedback'),
      verified: s('verified'),
      suspended: s('suspended'),
    },
    deadlines: { green: d('green'), yellow: d('yellow'), red: d('red') },
    total: [...byStatus.values()].reduce((a, b) => a + b, 0),
  };
}
