/**
 * Who sees 我的工作 and what its tiles are: each queue count of GET /cases/counts opens the list
 * page's queue of the same cases (keys of components/cases/case-queues.ts).
 */
import type { CaseCountsDto } from '../../api/case-counts.js';
import type { Role } from '../../../domain/profile/schema.js';
import type { Queue } from '../cases/case-queues.js';

/** Administrators (system, security, audit) handle no cases, so they get no work card. */
export function handlesCases(role: Role): boolean {
  switch (role) {
    case 'dispatcher':
    case 'coordinator':
    case 'supervisor':
    case 'leader':
    case 'emergency_officer':
    case 'team_manager':
    case 'station_chief':
    case 'department_handler':
    case 'inspector':
      return true;
    case 'system_admin':
    case 'security_admin':
    case 'auditor':
      return false;
    default: {
      const never: never = role;
      return never;
    }
  }
}

export type QueueCount = keyof CaseCountsDto['queues'];

/** Tile order follows the loop; 挂账 has no queue tab on the list page, so its tile is not a link. */
export const queueTiles: ReadonlyArray<{ key: QueueCount; queue: Queue | null }> = [
  { key: 'reported', queue: 'toRegister' },
  { key: 'registered', queue: 'toDispatch' },
  { key: 'returned', queue: 'returned' },
  { key: 'inProgress', queue: 'handling' },
  { key: 'feedback', queue: 'toVerify' },
  { key: 'verified', queue: 'toVisit' },
  { key: 'suspended', queue: null },
];

export type Light = keyof CaseCountsDto['deadlines'];
/** green has no queue of its own on the list page */
export const lightTiles: ReadonlyArray<{ key: Light; queue: Queue | null }> = [
  { key: 'red', queue: 'red' },
  { key: 'yellow', queue: 'yellow' },
  { key: 'green', queue: null },
];
