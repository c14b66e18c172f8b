/** The case list for an actor: their scope, the filters, a cursor over (created_at, id). */
import type { CaseExportQuery, CaseListQuery } from '../../contracts/cases.js';
import type { Actor } from '../../domain/access/index.js';
import type { AppContext } from '../context.js';
import { countMatchingCases, listCases, type CaseFilter } from '../db/repositories/case-list-repository.js';
import { Problem } from '../http/problem.js';
import { authProblems } from '../auth/auth-problems.js';
import { can } from '../../domain/access/index.js';
import { presentCaseSummary } from '../presenters/case.js';
import { caseListScope } from './case-access.js';

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through to the problem below
  }
  throw new Problem(400, 'VALIDATION_FAILED', { zh: '分页游标无效', en: 'Invalid cursor' }, [{ field: 'query.cursor', message: { zh: '请使用上一页返回的 nextCursor', en: 'use the nextCursor of the previous page' } }]);
}

/** The list's filters (query → repository filter); the export reads the same. */
export function caseFilterOf(ctx: AppContext, query: CaseExportQuery, actor: Actor): CaseFilter {
  return {
    statuses: query.status,
    channels: query.channel,
    category: query.category,
    station: query.station,
    department: query.department,
    deadlineStates: query.deadline,
    text: query.q,
    from: query.from ? new Date(query.from).toISOString() : undefined,
    to: query.to ? new Date(query.to).toISOString() : undefined,
    updatedFrom: query.updatedFrom ? new Date(query.updatedFrom).toISOString() : undefined,
    callerIndex: query.callerPhone ? ctx.cipher.blindIndex(query.callerPhone, 'phone') : undefined,
    reportedBy: query.reportedBy === 'me' ? { type: actor.kind, id: actor.id } : undefined,
  };
}

/** The actor's case scope, or 403 when the role reads no cases. */
export async function caseScopeFor(ctx: AppContext, actor: Actor) {
  const town = await ctx.town.current();
  const scope = caseListScope(actor, town);
  if (!scope) throw authProblems.forbidden(can(actor, 'read', 'cases'));
  return { town, scope };
}

export async function listCasesFor(ctx: AppContext, actor: Actor, query: CaseListQuery) {
  const { town, scope } = await caseScopeFor(ctx, actor);
  const filter = caseFilterOf(ctx, query, actor);
  const rows = await listCases(ctx.database.db, ctx.townId, scope, filter, { limit: query.limit + 1, after: query.cursor ? decodeCursor(query.cursor) : undefined });
  const total = query.withTotal && !query.cursor ? await countMatchingCases(ctx.database.db, ctx.townId, scope, filter) : undefined;
  const now = ctx.clock.now();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentCaseSummary(r, town, ctx.cipher, now)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') : null,
    ...(total !== undefined ? { total } : {}),
  };
}
