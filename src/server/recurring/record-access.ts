/** Who may see and act on which recurring-problem records: the access policy applied to records. */
import { can, grantedScopes, type AccessDecision, type Actor } from '../../domain/access/index.js';
import type { RecurringAction } from '../../domain/recurring/index.js';
import { authProblems } from '../auth/auth-problems.js';
import { toCaseActor } from '../cases/case-actor.js';
import type { RecurringRecordRow } from '../db/repositories/recurring-detection-repository.js';
import type { RecordScope } from '../db/repositories/recurring-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { withProps } from '../../domain/with-props.js';

/** The actor with its unit as the policy sees it (a station chief: the station team's code). */
function withUnit(actor: Actor, town: TownSnapshot): Actor {
  return withProps(actor, { departmentCode: toCaseActor(actor, town).departmentCode ?? null });
}

/** The board's scope for this actor; 403 when the role sees no records at all. */
export function recordScope(actor: Actor, town: TownSnapshot): RecordScope {
  const scopes = grantedScopes(actor, 'read', 'recurring');
  if (scopes.includes('town')) return { kind: 'town' };
  const departmentCode = scopes.includes('own_department') ? withUnit(actor, town).departmentCode : null;
  const stationCode = scopes.includes('own_station') ? actor.stationCode : null;
  if (!departmentCode && !stationCode) throw authProblems.forbidden(can(actor, 'read', 'recurring'));
  return { kind: 'scoped', stationCode, departmentCode };
}

const permissionOf = { plan: 'plan', progress: 'plan', 'strike-off': 'strike_off' } as const;

export function recordDecision(actor: Actor, town: TownSnapshot, row: RecurringRecordRow, action: RecurringAction | 'read'): AccessDecision {
  const target = { stationCode: row.station_code, departmentCodes: [row.owner_unit] };
  return can(withUnit(actor, town), action === 'read' ? 'read' : permissionOf[action], 'recurring', target);
}

export function assertMay(actor: Actor, town: TownSnapshot, row: RecurringRecordRow, action: RecurringAction | 'read'): void {
  const d = recordDecision(actor, town, row, action);
  if (!d.allowed) throw authProblems.forbidden(d);
}
