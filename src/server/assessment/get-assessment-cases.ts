/** The cases behind one assessment number (drill-down): the facts counted for it, newest first. */
import { periodRange } from '../../domain/assessment/index.js';
import type { AssessmentCasesDto, AssessmentCasesQuery } from '../../contracts/assessment.js';
import type { AppContext } from '../context.js';
import { countFactCases, factCases } from '../db/repositories/assessment-repository.js';
import { Problem } from '../http/problem.js';

const cursorOf = (seq: number) => Buffer.from(`s${seq}`).toString('base64url');

function seqOfCursor(cursor: string): number {
  const m = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new Problem(400, 'BAD_CURSOR', { zh: '翻页游标无效', en: 'Invalid cursor' }, [{ field: 'query.after', message: { zh: '游标无效', en: 'not a cursor of this list' } }]);
  return Number(m[1]);
}

export async function getAssessmentCases(ctx: AppContext, query: AssessmentCasesQuery): Promise<AssessmentCasesDto> {
  // the query schema has checked the period, so a range always comes back
  const range = query.period ? periodRange(query.period)! : { from: query.from!, to: query.to! };
  const number = { subject: query.subject, key: query.key, metric: query.metric, ...range };
  const beforeSeq = query.after ? seqOfCursor(query.after) : undefined;
  const db = ctx.database.db;
  const [rows, total, town] = await Promise.all([factCases(db, ctx.townId, number, { limit: query.limit + 1, beforeSeq }), countFactCases(db, ctx.townId, number), ctx.town.current()]);
  const page = rows.slice(0, query.limit);
  return {
    subject: query.subject,
    key: query.key,
    metric: query.metric,
    from: range.from,
    to: range.to,
    total,
    items: page.map((r) => ({
      caseId: r.case_id,
      caseNo: r.case_no,
      day: r.day,
      at: r.at,
      action: r.action,
      categoryCode: r.category_code,
      categoryName: r.category_code ? (town.categories.get(r.category_code)?.name ?? null) : null,
      status: r.status,
      channel: r.channel,
      description: r.description,
    })),
    nextCursor: rows.length > query.limit ? cursorOf(page[page.length - 1]!.seq) : null,
  };
}
