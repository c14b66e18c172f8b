/** Who may read which cases (the declarative access policy applied to case rows and lists). */
import { can, grantedScopes, type Actor } from '../../domain/access/index.js';
import type { CaseScope } from '../db/repositories/case-list-repository.js';
import type { CaseRow } from '../db/repositories/case-repository.js';
import { authProblems } from '../auth/auth-problems.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { toCaseActor } from './case-actor.js';
import { withProps } from '../../domain/with-props.js';

/** The scope of the case list for this actor; null when the role reads no cases at all. */
export function caseListScope(actor: Actor, town: TownSnapshot): CaseScope | null {
  const scopes = grantedScopes(actor, 'read', 'cases');
  if (scopes.includes('town')) return { kind: 'town' };
  const departmentCode = scopes.includes('own_department') ? (toCaseActor(actor, town).departmentCode ?? null) : null;
  const stationCode = scopes.includes('own_station') ? actor.stationCode : null;
  if (!departmentCode && !stationCode) return null;
  return { kind: 'scoped', stationCode, departmentCode };
}

export function assertMayReadCase(actor: Actor, row: CaseRow, town: TownSnapshot): void {
  const caseActor = toCaseActor(actor, town);
  const decision = can(withProps(actor, { departmentCode: caseActor.departmentCode ?? null }), 'read', 'cases', {
    stationCode: row.station_code,
    departmentCodes: [row.lead_unit, ...(JSON.parse(row.assist_units) as string[])],
  });
  if (!decision.allowed) throw authProblems.forbidden(decision);
}
