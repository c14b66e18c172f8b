/** Which roles need a station or a department to define their scope (an inspector without a station sees nothing). */
import type { Role } from '../profile/schema.js';

export type RoleScopeKind = 'station' | 'department' | 'town';

export function roleScopeKind(role: Role): RoleScopeKind {
  switch (role) {
    case 'inspector':
    case 'station_chief':
      return 'station';
    case 'department_handler':
      return 'department';
    case 'dispatcher':
    case 'coordinator':
    case 'supervisor':
    case 'team_manager':
    case 'emergency_officer':
    case 'leader':
    case 'system_admin':
    case 'security_admin':
    case 'auditor':
      return 'town';
  }
}

export interface RoleScopeProblem {
  field: 'stationCode' | 'departmentCode';
  message: { zh: string; en: string };
}

/**
 * Checks a role against the station/department it is given. Station roles need a station,
 * department handlers a department; town-wide roles must not carry a station (it would suggest a
 * narrower view than they have). A department is optional elsewhere (a station chief's station team).
 */
export function roleScopeProblems(role: Role, stationCode: string | null, departmentCode: string | null): RoleScopeProblem[] {
  switch (roleScopeKind(role)) {
    case 'station':
      return stationCode
        ? []
        : [{ field: 'stationCode', message: { zh: `角色 ${role} 必须指定所属工作站`, en: `role ${role} needs a station` } }];
    case 'department':
      return departmentCode
        ? []
        : [{ field: 'departmentCode', message: { zh: `角色 ${role} 必须指定所属单位`, en: `role ${role} needs a department` } }];
    case 'town':
      return stationCode
        ? [{ field: 'stationCode', message: { zh: `角色 ${role} 为全镇范围，不能指定工作站`, en: `role ${role} is town-wide and takes no station` } }]
        : [];
  }
}
