/** Actors from stored rows. */
import type { Actor } from '../../domain/access/actor.js';
import type { ApiKeyRow } from '../db/repositories/api-key-repository.js';
import type { UserRow } from '../db/repositories/user-repository.js';

export function actorOfUser(user: UserRow): Actor {
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    stationCode: user.station_code,
    departmentCode: user.department_code,
    personnelCode: user.personnel_code,
    scopes: null,
  };
}

export function actorOfApiKey(key: ApiKeyRow): Actor {
  const scopes: unknown = JSON.parse(key.scopes);
  return {
    kind: 'api_key',
    id: key.id,
    username: key.name,
    role: key.role,
    stationCode: key.station_code,
    departmentCode: key.department_code,
    personnelCode: null,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
  };
}
