/**
 * PATCH /users/:id: display name, binding and active state (users:update), role and its scope
 * (users:assign_role), unlock (users:unlock). Nobody changes their own role, scope or active state.
 * A change of role, scope or active state ends the user's sessions so it takes effect at once.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { ActionOf } from '../../domain/access/policy.js';
import type { Role } from '../../domain/profile/schema.js';
import { authProblems } from '../auth/auth-problems.js';
import type { AppContext } from '../context.js';
import { deleteSessionsOfUser } from '../db/repositories/session-repository.js';
import { findUserById, updateUserRow, type UserChanges, type UserRow } from '../db/repositories/user-repository.js';
import { problems } from '../http/problem.js';
import { scopeFieldErrors } from './account-checks.js';
import { auditActorOf, recordAudit } from './record-audit.js';

export interface UserPatch {
  displayName?: string;
  personnelCode?: string | null;
  active?: boolean;
  role?: Role;
  stationCode?: string | null;
  departmentCode?: string | null;
  unlock?: true;
}

const roleFields = ['role', 'stationCode', 'departmentCode'] as const;
const updateFields = ['displayName', 'personnelCode', 'active'] as const;

/** The permissions a patch needs, for the route to authorize each. */
export function permissionsForUserPatch(patch: UserPatch): ActionOf<'users'>[] {
  const needed: ActionOf<'users'>[] = [];
  if (updateFields.some((f) => patch[f] !== undefined)) needed.push('update');
  if (roleFields.some((f) => patch[f] !== undefined)) needed.push('assign_role');
  if (patch.unlock) needed.push('unlock');
  return needed;
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: UserPatch, ip: string | null): Promise<UserRow> {
  const db = ctx.database.db;
  const user = await findUserById(db, ctx.townId, id);
  if (!user) throw problems.notFound({ zh: '没有这个用户', en: 'No such user' });
  const next = {
    role: patch.role ?? user.role,
    stationCode: patch.stationCode !== undefined ? patch.stationCode : user.station_code,
    departmentCode: patch.departmentCode !== undefined ? patch.departmentCode : user.department_code,
    personnelCode: patch.personnelCode !== undefined ? patch.personnelCode : user.personnel_code,
  };
  const roleChanged = next.role !== user.role || next.stationCode !== user.station_code || next.departmentCode !== user.department_code;
  const activeChanged = patch.active !== undefined && (patch.active ? 1 : 0) !== user.active;
  if (actor.kind === 'user' && actor.id === user.id && (roleChanged || activeChanged)) throw authProblems.selfChange();

  const errors = await scopeFieldErrors(db, ctx.townId, { role: next.role, stationCode: next.stationCode, departmentCode: next.departmentCode, personnelCode: next.personnelCode });
  if (errors.length > 0) throw problems.validation(errors);

  const at = ctx.clock.now().toISOString();
  const changes: UserChanges = { updated_at: at };
  if (patch.displayName !== undefined) changes.display_name = patch.displayName.trim();
  if (patch.personnelCode !== undefined) changes.personnel_code = patch.personnelCode;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (roleChanged) Object.assign(changes, { role: next.role, station_code: next.stationCode, department_code: next.departmentCode });
  if (patch.unlock) Object.assign(changes, { locked_until: null, failed_attempts: 0 });

  const who = auditActorOf(actor);
  const base = { actor: who, outcome: 'success' as const, resourceType: 'user', resourceId: user.id, ip };
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, ctx.townId, user.id, changes);
    if (roleChanged || (activeChanged && patch.active === false)) await deleteSessionsOfUser(trx, ctx.townId, user.id);
    if (roleChanged) {
      const from = { role: user.role, stationCode: user.station_code, departmentCode: user.department_code };
      await recordAudit(ctx, { ...base, action: 'user.assign_role', detail: { username: user.username, from, to: { role: next.role, stationCode: next.stationCode, departmentCode: next.departmentCode } } }, trx);
    }
    const updated = updateFields.filter((f) => patch[f] !== undefined);
    if (updated.length > 0) {
      await recordAudit(ctx, { ...base, action: 'user.update', detail: { username: user.username, fields: updated, active: patch.active ?? null } }, trx);
    }
    if (patch.unlock) await recordAudit(ctx, { ...base, action: 'user.unlock', detail: { username: user.username, wasLockedUntil: user.locked_until } }, trx);
  });
  const after = await findUserById(db, ctx.townId, user.id);
  if (!after) throw problems.notFound({ zh: '没有这个用户', en: 'No such user' });
  return after;
}
