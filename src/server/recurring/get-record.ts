/** The board's reads: records in the caller's scope, one record with its cases, log and 抄报, the heat. */
import type { RecurringDetailDto, RecurringHeatDto, RecurringListQuery } from '../../contracts/recurring.js';
import type { Actor } from '../../domain/access/index.js';
import type { CaseStatus, Channel } from '../../domain/case/index.js';
import { recurringRulesOf } from '../../domain/profile/schema.js';
import { activeRecurringStatuses, cellShape, decideRecord, recurringActions, type RecurringLogKind, type RecurringStatus } from '../../domain/recurring/index.js';
import type { AppContext } from '../context.js';
import { activeCellRecords, countRecords, findRecord, heatCounts, listRecords, recordCases, recordCopies, recordLog, type RecordFilter } from '../db/repositories/recurring-repository.js';
import { findPersonnel } from '../db/repositories/personnel-repository.js';
import { problems } from '../http/problem.js';
import { presentRecord } from '../presenters/recurring.js';
import { assertMay, recordDecision, recordScope } from './record-access.js';

const DAY_MS = 86_400_000;
/** the map draws at most this many cells (the busiest) */
const HEAT_CELLS = 2000;

export const recordNotFound = () => problems.notFound({ zh: '没有这个常态长效问题', en: 'No such recurring problem' });

export async function listRecordsFor(ctx: AppContext, actor: Actor, query: RecurringListQuery) {
  const town = await ctx.town.current();
  const scope = recordScope(actor, town);
  const statuses = query.status?.flatMap((s) => (s === 'active' ? [...activeRecurringStatuses] : [s]));
  const filter: RecordFilter = { statuses, category: query.category, unit: query.unit, station: query.station };
  const [rows, total] = await Promise.all([listRecords(ctx.database.db, ctx.townId, scope, filter, query.limit, query.offset), countRecords(ctx.database.db, ctx.townId, scope, filter)]);
  return { items: rows.map((r) => presentRecord(r, town)), total };
}

export async function getRecordFor(ctx: AppContext, actor: Actor, id: string): Promise<RecurringDetailDto> {
  const town = await ctx.town.current();
  const db = ctx.database.db;
  const row = await findRecord(db, ctx.townId, id);
  if (!row) throw recordNotFound();
  assertMay(actor, town, row, 'read');
  const [cases, log, copies] = await Promise.all([recordCases(db, ctx.townId, id), recordLog(db, id), recordCopies(db, ctx.townId, id)]);
  const leaderCodes = [...new Set(copies.map((c) => c.leader_code).filter((c): c is string => c !== null))];
  const leaders = new Map((await Promise.all(leaderCodes.map((c) => findPersonnel(db, ctx.townId, c)))).filter((p) => p !== undefined).map((p) => [p.code, p.name]));
  return Object.assign(presentRecord(row, town), {
    cases: cases.map((c) => ({ id: c.id, caseNo: c.case_no, status: c.status as CaseStatus, channel: c.channel as Channel, complaint: c.complaint === 1, reportedAt: c.reported_at, joinedAt: c.joined_at, reopened: c.reopened === 1 })),
    log: log.map((l) => ({ id: Number(l.id), kind: l.kind as RecurringLogKind, text: l.text, caseId: l.case_id, actor: { type: l.actor_type, name: l.actor_name, role: l.actor_role }, at: l.at })),
    copies: copies.map((c) => ({ threshold: Number(c.threshold), complaints: Number(c.complaints), caseId: c.case_id, leader: c.leader_code ? { code: c.leader_code, name: leaders.get(c.leader_code) ?? c.leader_code } : null, notified: Number(c.notified), at: c.at })),
    allowedActions: recurringActions.filter((a) => decideRecord(row.status as RecurringStatus, a).ok && recordDecision(actor, town, row, a).allowed),
  });
}

export async function heatFor(ctx: AppContext, actor: Actor, query: { category?: string; station?: string; days?: number }): Promise<RecurringHeatDto> {
  const town = await ctx.town.current();
  const scope = recordScope(actor, town);
  const rules = recurringRulesOf(town.rules);
  const days = query.days ?? rules.windowDays;
  const since = new Date(ctx.clock.now().getTime() - days * DAY_MS).toISOString();
  // a station sees its own area's heat; a unit, the heat of the categories it owns
  let station = query.station;
  let categories: string[] | undefined;
  if (scope.kind === 'scoped') {
    if (scope.stationCode) station = scope.stationCode;
    else categories = [...town.categories.values()].filter((c) => c.owner === scope.departmentCode).map((c) => c.code);
  }
  const counts = await heatCounts(ctx.database.db, ctx.townId, since, { category: query.category, station, categories }, HEAT_CELLS);
  const active = await activeCellRecords(ctx.database.db, ctx.townId, counts.map((c) => c.cell));
  return {
    resolution: rules.h3Resolution,
    days,
    since,
    cells: counts.map((c) => Object.assign({ cell: c.cell, count: Number(c.n) }, cellShape(c.cell), { activeRecords: active.filter((r) => r.place === c.cell).map((r) => r.id) })),
  };
}
