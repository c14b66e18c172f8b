/** The case list: filters, the caller's scope and keyset (cursor) pagination, newest first. */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { CaseRow } from './case-repository.js';

export type CaseScope = { kind: 'town' } | { kind: 'scoped'; stationCode: string | null; departmentCode: string | null };

export interface CaseFilter {
  statuses?: string[];
  channels?: string[];
  category?: string;
  station?: string;
  department?: string;
  deadlineStates?: string[];
  text?: string;
  from?: string;
  to?: string;
  callerIndex?: string;
  /** cases changed at or after this instant (ISO), for "what changed since I last looked" */
  updatedFrom?: string;
  /** cases whose report (the first event) was recorded by this actor */
  reportedBy?: { type: string; id: string };
}

/** A unit is assigned to a case as lead or as an assistant (assist_units is a JSON array of codes). */
function assignedPattern(code: string): string {
  return `%"${code.replace(/[%_"\\]/g, '')}"%`;
}

/** The WHERE of a scoped caller: its station's cases, or those its unit leads or assists. */
export function scopeCondition(eb: ExpressionBuilder<DB, 'cases'>, scope: Extract<CaseScope, { kind: 'scoped' }>) {
  const { stationCode, departmentCode } = scope;
  const ors = [];
  if (stationCode) ors.push(eb('station_code', '=', stationCode));
  if (departmentCode) ors.push(eb('lead_unit', '=', departmentCode), eb('assist_units', 'like', assignedPattern(departmentCode)));
  return ors.length > 0 ? eb.or(ors) : eb.val(false);
}

/** The cases of a town in the caller's scope that match the filter (no order, no page). */
function filteredCases(db: Kysely<DB>, townId: string, scope: CaseScope, filter: CaseFilter) {
  let q = db.selectFrom('cases').where('town_id', '=', townId);
  if (scope.kind === 'scoped') q = q.where((eb) => scopeCondition(eb, scope));
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
  if (filter.channels?.length) q = q.where('channel', 'in', filter.channels);
  if (filter.category) q = q.where('category_code', '=', filter.category);
  if (filter.station) q = q.where('station_code', '=', filter.station);
  if (filter.department) {
    const d = filter.department;
    q = q.where((eb) => eb.or([eb('lead_unit', '=', d), eb('assist_units', 'like', assignedPattern(d))]));
  }
  if (filter.deadlineStates?.length) q = q.where('deadline_state', 'in', filter.deadlineStates);
  if (filter.text) {
    // LIKE wildcards in the search text are dropped rather than escaped: ESCAPE differs by dialect
    const like = `%${filter.text.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('description', 'like', like), eb('case_no', 'like', like), eb('address', 'like', like), eb('external_id', '=', filter.text!)]));
  }
  if (filter.from) q = q.where('created_at', '>=', filter.from);
  if (filter.to) q = q.where('created_at', '<', filter.to);
  if (filter.updatedFrom) q = q.where('updated_at', '>=', filter.updatedFrom);
  if (filter.callerIndex) q = q.where('reporter_phone_idx', '=', filter.callerIndex);
  if (filter.reportedBy) {
    const { type, id } = filter.reportedBy;
    q = q.where('id', 'in', (eb) =>
      // the literal lets both databases use the partial index of report events (case_events_reporter)
      eb.selectFrom('case_events').select('case_id').where('town_id', '=', townId).where('action', '=', sql.lit('report')).where('actor_type', '=', type).where('actor_id', '=', id),
    );
  }
  return q;
}

export async function listCases(db: Kysely<DB>, townId: string, scope: CaseScope, filter: CaseFilter, page: { limit: number; after?: { createdAt: string; id: string } }): Promise<CaseRow[]> {
  let q = filteredCases(db, townId, scope, filter).selectAll();
  if (page.after) {
    const { createdAt, id } = page.after;
    q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

/** How many cases the list would show for this filter; with `upTo`, counting at most `upTo + 1` (enough to tell "over the cap"). */
export async function countMatchingCases(db: Kysely<DB>, townId: string, scope: CaseScope, filter: CaseFilter, upTo?: number): Promise<number> {
  const matching = filteredCases(db, townId, scope, filter).select('id');
  const counted = (upTo === undefined ? matching : matching.limit(upTo + 1)).as('matching');
  const row = await db.selectFrom(counted).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  // PostgreSQL answers count(*) as a bigint string, SQLite as a number
  return Number(row.n);
}

/** Counts per value of one column (status or deadline_state) in the caller's scope. */
export async function countCasesBy(db: Kysely<DB>, townId: string, scope: CaseScope, column: 'status' | 'deadline_state', statuses?: readonly string[]): Promise<Map<string, number>> {
  let q = db.selectFrom('cases').select([column, (eb) => eb.fn.countAll<string | number>().as('n')]).where('town_id', '=', townId);
  if (scope.kind === 'scoped') q = q.where((eb) => scopeCondition(eb, scope));
  if (statuses?.length) q = q.where('status', 'in', [...statuses]);
  const rows = await q.groupBy(column).execute();
  // PostgreSQL answers count(*) as a bigint string, SQLite as a number
  return new Map(rows.map((r) => [String(r[column]), Number(r.n)]));
}
