/** The case list: filters, the caller's scope and keyset (cursor) pagination, newest first. */
import type { Kysely } from 'kysely';
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
}

/** A unit is assigned to a case as lead or as an assistant (assist_units is a JSON array of codes). */
function assignedPattern(code: string): string {
  return `%"${code.replace(/[%_"\\]/g, '')}"%`;
}

export async function listCases(db: Kysely<DB>, townId: string, scope: CaseScope, filter: CaseFilter, page: { limit: number; after?: { createdAt: string; id: string } }): Promise<CaseRow[]> {
  let q = db.selectFrom('cases').selectAll().where('town_id', '=', townId);
  if (scope.kind === 'scoped') {
    const { stationCode, departmentCode } = scope;
    q = q.where((eb) => {
      const ors = [];
      if (stationCode) ors.push(eb('station_code', '=', stationCode));
      if (departmentCode) ors.push(eb('lead_unit', '=', departmentCode), eb('assist_units', 'like', assignedPattern(departmentCode)));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  }
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
  if (filter.callerIndex) q = q.where('reporter_phone_idx', '=', filter.callerIndex);
  if (page.after) {
    const { createdAt, id } = page.after;
    q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
