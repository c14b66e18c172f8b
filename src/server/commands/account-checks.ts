/** Checks shared by account and API-key commands: a role's scope fits, and the codes it names exist in the town. */
import type { Kysely } from 'kysely';
import { roleScopeProblems } from '../../domain/access/role-scope.js';
import type { Role } from '../../domain/profile/schema.js';
import { orgCodesExist } from '../db/repositories/personnel-repository.js';
import type { DB } from '../db/schema.js';
import type { FieldError } from '../http/problem.js';

export interface ScopeInput {
  role: Role;
  stationCode: string | null;
  departmentCode: string | null;
  personnelCode?: string | null;
}

export async function scopeFieldErrors(db: Kysely<DB>, townId: string, input: ScopeInput): Promise<FieldError[]> {
  const errors: FieldError[] = roleScopeProblems(input.role, input.stationCode, input.departmentCode).map((p) => ({ field: `body.${p.field}`, message: p.message }));
  const exists = await orgCodesExist(db, townId, { station: input.stationCode, department: input.departmentCode, personnel: input.personnelCode ?? null });
  if (!exists.station) errors.push({ field: 'body.stationCode', message: { zh: `没有工作站 ${input.stationCode}`, en: `no station ${input.stationCode}` } });
  if (!exists.department) errors.push({ field: 'body.departmentCode', message: { zh: `没有单位 ${input.departmentCode}`, en: `no department ${input.departmentCode}` } });
  if (!exists.personnel) errors.push({ field: 'body.personnelCode', message: { zh: `没有人员 ${input.personnelCode}`, en: `no personnel ${input.personnelCode}` } });
  return errors;
}
