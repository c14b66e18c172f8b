/** Who is acting: a signed-in user or a machine client holding an API key (DESIGN D8). */
import type { Role } from '../profile/schema.js';

export interface Actor {
  kind: 'user' | 'api_key';
  /** users.id or api_keys.id */
  id: string;
  /** the user's login name, or the API key's name */
  username: string;
  /** the person's name for the record (users.display_name), the key's name for an API key */
  displayName?: string;
  role: Role;
  /** the station the actor works for; null = town-wide */
  stationCode: string | null;
  /** the unit the actor works for; station chiefs may carry their station team's code */
  departmentCode: string | null;
  /** the person in the organisation (personnel.code) a user account is bound to */
  personnelCode: string | null;
  /** API keys only: what the machine client may do (e.g. 'cases:create', 'open311'); null for users */
  scopes: string[] | null;
}

/** Scopes an API key may carry. Permission-shaped ones (resource:action) are checked by `can`; 'open311' by its adapter. */
export const apiKeyScopes = ['profile:read', 'personnel:read', 'cases:read', 'cases:create', 'assessment:read', 'open311'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/**
 * Roles a machine client may act as. The three administrators (三员: system, security, audit) are
 * people and must sign in themselves, so an API key can never hold their powers.
 */
export const adminRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Users are not limited by scopes; an API key holds only the scopes it was created with. */
export function hasScope(actor: Actor, scope: string): boolean {
  if (actor.kind === 'user') return true;
  return actor.scopes !== null && actor.scopes.includes(scope);
}
