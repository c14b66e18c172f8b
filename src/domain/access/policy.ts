/**
 * The declarative access policy (DESIGN D8): who may do what to which resource, in which scope.
 * One table, read by `can`; tested against a hand-written role × action × scope matrix.
 * Case ACTIONS (dispatch, accept, verify …) are not here: the case machine (src/domain/case) decides them.
 */
import { roles, type Role } from '../profile/schema.js';

/** Every resource and the actions on it. */
export const accessResources = {
  /**
   * stations, grids, departments, categories: the town's organisation. read_document = the whole
   * editable profile document (staff phones unmasked); update = change a section of it.
   */
  profile: ['read', 'read_document', 'update'],
  /** staff; read_phone = see a staff member's phone unmasked */
  personnel: ['read', 'read_phone'],
  /** citizens' names and phones in cases, unmasked */
  citizen_data: ['read'],
  /** accounts: create/update (name, binding, active), assign_role (role and its station/department scope), unlock */
  users: ['read', 'create', 'update', 'assign_role', 'unlock'],
  api_keys: ['read', 'create', 'revoke'],
  audit: ['read'],
  /** create = take in a case (受理/上报); machine clients need the API key scope cases:create */
  cases: ['read', 'create'],
  /** machine subscribers to case events (R14), e.g. the district center's platform */
  webhooks: ['read', 'create', 'update', 'delete'],
  /** 监督考评: indicators, the annual assessment and its lists; adjust = a manual adjustment of a unit's annual score */
  assessment: ['read', 'adjust'],
  /** 常态长效 records (R13): read the board; plan = record a root-cause plan or progress; strike_off = 销项 */
  recurring: ['read', 'plan', 'strike_off'],
  /** the town's command mode (R9): change = declare a mode other than daily, or stand it down */
  command_mode: ['read', 'change'],
  /** the inspectors' GPS feed from the phone app: report = post one's own fixes (the screen's map reads them under cases:read) */
  inspector_positions: ['report'],
} as const;

export type Resource = keyof typeof accessResources;
export type ActionOf<R extends Resource> = (typeof accessResources)[R][number];
export type Permission = { [R in Resource]: `${R}:${ActionOf<R>}` }[Resource];

/**
 * town: anything of that kind in the town; own_station: targets in the actor's station;
 * own_department: targets assigned to the actor's department; self: the actor's own user record.
 */
export const accessScopes = ['town', 'own_station', 'own_department', 'self'] as const;
export type AccessScope = (typeof accessScopes)[number];

export type PolicyRule = {
  [R in Resource]: { resource: R; action: ActionOf<R>; roles: readonly Role[]; scope: AccessScope };
}[Resource];

/** Roles that see the whole town's cases. */
const townWideCaseRoles: readonly Role[] = ['dispatcher', 'coordinator', 'supervisor', 'team_manager', 'emergency_officer', 'leader'];
/** 三员分立: the system and security administrators manage accounts and keys; neither touches business data. */
const accountManagers: readonly Role[] = ['system_admin', 'security_admin'];

export const policyRules: readonly PolicyRule[] = [
  { resource: 'profile', action: 'read', roles, scope: 'town' },
  // the town's organisation is system configuration: the system administrator's alone (三员分立)
  { resource: 'profile', action: 'read_document', roles: ['system_admin'], scope: 'town' },
  { resource: 'profile', action: 'update', roles: ['system_admin'], scope: 'town' },
  { resource: 'personnel', action: 'read', roles, scope: 'town' },
  {
    resource: 'personnel',
    action: 'read_phone',
    roles: ['dispatcher', 'coordinator', 'team_manager', 'emergency_officer', 'leader', 'system_admin'],
    scope: 'town',
  },
  { resource: 'personnel', action: 'read_phone', roles: ['station_chief'], scope: 'own_station' },
  { resource: 'citizen_data', action: 'read', roles: ['dispatcher', 'coordinator', 'leader'], scope: 'town' },

  { resource: 'users', action: 'read', roles: accountManagers, scope: 'town' },
  { resource: 'users', action: 'read', roles, scope: 'self' },
  { resource: 'users', action: 'create', roles: ['system_admin'], scope: 'town' },
  { resource: 'users', action: 'update', roles: ['system_admin'], scope: 'town' },
  { resource: 'users', action: 'assign_role', roles: accountManagers, scope: 'town' },
  { resource: 'users', action: 'unlock', roles: accountManagers, scope: 'town' },
  { resource: 'api_keys', action: 'read', roles: accountManagers, scope: 'town' },
  { resource: 'api_keys', action: 'create', roles: accountManagers, scope: 'town' },
  { resource: 'api_keys', action: 'revoke', roles: accountManagers, scope: 'town' },
  // the system administrator may not read the audit log that records what it did
  { resource: 'audit', action: 'read', roles: ['auditor', 'security_admin'], scope: 'town' },

  { resource: 'cases', action: 'read', roles: townWideCaseRoles, scope: 'town' },
  { resource: 'cases', action: 'read', roles: ['station_chief', 'inspector'], scope: 'own_station' },
  // station chiefs carry their station team's code as department: they also see what is assigned to it
  { resource: 'cases', action: 'read', roles: ['department_handler', 'station_chief'], scope: 'own_department' },
  // every channel of R2 has a role behind it: hotline dispatchers, inspectors' reports, a department's
  // own discovery, a leader's assignment, the emergency group's first response
  { resource: 'cases', action: 'create', roles: ['dispatcher', 'coordinator', 'emergency_officer', 'leader', 'inspector', 'station_chief', 'department_handler'], scope: 'town' },

  // the assessment ranks the whole town's units: for those who see the whole town; only the
  // supervision group (监督考评组) adjusts a score, with a reason, audited
  { resource: 'assessment', action: 'read', roles: townWideCaseRoles, scope: 'town' },
  { resource: 'assessment', action: 'adjust', roles: ['supervisor'], scope: 'town' },

  // where case events go out of the town is system configuration: the system administrator's alone
  { resource: 'webhooks', action: 'read', roles: ['system_admin'], scope: 'town' },
  { resource: 'webhooks', action: 'create', roles: ['system_admin'], scope: 'town' },
  { resource: 'webhooks', action: 'update', roles: ['system_admin'], scope: 'town' },
  { resource: 'webhooks', action: 'delete', roles: ['system_admin'], scope: 'town' },

  // 常态长效: seen by whoever sees the town's cases, by a station for its area and by the owner unit;
  // the owner unit studies the problem and reports its plan and progress, the supervisor follows it
  // and alone strikes it off (销项)
  { resource: 'recurring', action: 'read', roles: townWideCaseRoles, scope: 'town' },
  { resource: 'recurring', action: 'read', roles: ['station_chief', 'inspector'], scope: 'own_station' },
  { resource: 'recurring', action: 'read', roles: ['department_handler', 'station_chief'], scope: 'own_department' },
  { resource: 'recurring', action: 'plan', roles: ['supervisor'], scope: 'town' },
  { resource: 'recurring', action: 'plan', roles: ['department_handler', 'station_chief'], scope: 'own_department' },
  { resource: 'recurring', action: 'strike_off', roles: ['supervisor'], scope: 'town' },
  // the mode the town is commanded in is shown to everyone who works in it (the screen, the console)
  { resource: 'command_mode', action: 'read', roles, scope: 'town' },
  // the town's leaders declare and stand down joint, authorised and emergency command; the emergency group acts for them
  { resource: 'command_mode', action: 'change', roles: ['leader', 'emergency_officer'], scope: 'town' },
  // an inspector on patrol reports where they are, for themselves only (an API key is never "self")
  { resource: 'inspector_positions', action: 'report', roles: ['inspector'], scope: 'self' },
];

/** Actions whose refusal is itself worth an audit row (someone tried something privileged). */
export function isPrivileged(resource: Resource, action: string): boolean {
  switch (resource) {
    case 'users':
    case 'api_keys':
    case 'audit':
    case 'citizen_data':
    case 'webhooks':
      return true;
    case 'personnel':
      return action === 'read_phone';
    case 'profile':
      return action !== 'read';
    case 'cases':
    case 'recurring':
    case 'inspector_positions':
      return false;
    case 'assessment':
      return action === 'adjust';
    case 'command_mode':
      return action === 'change';
  }
}

export function permissionOf<R extends Resource>(resource: R, action: ActionOf<R>): Permission {
  return `${resource}:${action}` as Permission;
}
