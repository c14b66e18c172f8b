/**
 * Creates an account bound to a person and a scope (`POST /users`, `cityops user create`, demo accounts).
 * Checks the password policy, the role's scope and the referenced codes; writes the user and its
 * audit row in one transaction.
 */
import { passwordProblems } from '../../domain/access/password-policy.js';
import type { Role } from '../../domain/profile/schema.js';
import { hashPassword } from '../auth/password.js';
import type { AppContext } from '../context.js';
import { findPersonnel } from '../db/repositories/personnel-repository.js';
import { insertUser, type UserRow } from '../db/repositories/user-repository.js';
import { problems, type FieldError, type Problem } from '../http/problem.js';
import { scopeFieldErrors } from './account-checks.js';
import { recordAudit, type AuditActor } from './record-audit.js';

export interface CreateUserInput {
  username: string;
  password: string;
  role: Role;
  stationCode?: string | null;
  departmentCode?: string | null;
  personnelCode?: string | null;
  /** defaults to the bound person's name, else the username */
  displayName?: string | null;
}

export interface CreatedBy {
  actor: AuditActor;
  ip?: string | null;
}

export type UserContext = Pick<AppContext, 'database' | 'clock' | 'townId'>;

function problemsConflict(username: string): Problem {
  return problems.conflict('USERNAME_TAKEN', { zh: `用户名 ${username} 已存在`, en: `The username ${username} is taken` }, { username });
}

export async function createUser(ctx: UserContext, input: CreateUserInput, by: CreatedBy, options: { skipPasswordPolicy?: boolean } = {}): Promise<UserRow> {
  const db = ctx.database.db;
  const stationCode = input.stationCode ?? null;
  const departmentCode = input.departmentCode ?? null;
  const personnelCode = input.personnelCode ?? null;
  const errors: FieldError[] = options.skipPasswordPolicy
    ? []
    : passwordProblems(input.password, input.username).map((message) => ({ field: 'body.password', message }));
  errors.push(...(await scopeFieldErrors(db, ctx.townId, { role: input.role, stationCode, departmentCode, personnelCode })));
  if (errors.length > 0) throw problems.validation(errors);

  const person = personnelCode ? await findPersonnel(db, ctx.townId, personnelCode) : undefined;
  const at = ctx.clock.now().toISOString();
  const row: UserRow = {
    id: crypto.randomUUID(),
    town_id: ctx.townId,
    username: input.username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    station_code: stationCode,
    department_code: departmentCode,
    personnel_code: personnelCode,
    display_name: input.displayName?.trim() || person?.name || input.username,
    active: 1,
    failed_attempts: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
    password_changed_at: at,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await insertUser(trx, row))) throw problemsConflict(input.username);
    await recordAudit(
      ctx,
      {
        actor: by.actor, action: 'user.create', outcome: 'success', resourceType: 'user', resourceId: row.id, ip: by.ip ?? null,
        detail: { username: row.username, role: row.role, stationCode, departmentCode, personnelCode },
      },
      trx,
    );
  });
  return row;
}
