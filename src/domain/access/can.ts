/** Evaluates the policy table for one actor, action and (optional) target. */
import type { Role } from '../profile/schema.js';
import type { Actor } from './actor.js';
import { policyRules, type AccessScope, type ActionOf, type PolicyRule, type Resource } from './policy.js';

/** What a scoped rule is checked against; leave out what does not apply. */
export interface AccessTarget {
  /** station of the target (a case's grid station, a staff member's station) */
  stationCode?: string | null;
  /** departments the target is assigned to (a case's lead and assisting units, a staff member's unit) */
  departmentCodes?: readonly (string | null)[];
  /** the user record addressed (for 'self') */
  userId?: string | null;
}

export type AccessCode = 'ALLOWED' | 'ROLE_NOT_PERMITTED' | 'API_KEY_SCOPE_MISSING' | 'OUT_OF_SCOPE';

export interface AccessDecision {
  allowed: boolean;
  code: AccessCode;
  reason: { zh: string; en: string };
  /** the scope of the rule that allowed it */
  scope: AccessScope | null;
  /** the permission asked for, e.g. 'users:create' */
  permission: string;
}

/** Broadest first: when several rules allow, the decision names the widest scope. */
const scopeOrder: readonly AccessScope[] = ['town', 'own_station', 'own_department', 'self'];

const scopeNames: Record<AccessScope, { zh: string; en: string }> = {
  town: { zh: '全镇', en: 'town-wide' },
  own_station: { zh: '本工作站', en: 'in your own station' },
  own_department: { zh: '本单位', en: 'assigned to your own department' },
  self: { zh: '本人', en: 'for your own account' },
};

function rulesFor(resource: Resource, action: string): PolicyRule[] {
  return policyRules.filter((r) => r.resource === resource && r.action === action);
}

export function scopeMatches(scope: AccessScope, actor: Actor, target: AccessTarget | undefined): boolean {
  switch (scope) {
    case 'town':
      return true;
    case 'own_station':
      return actor.stationCode !== null && target?.stationCode != null && target.stationCode === actor.stationCode;
    case 'own_department':
      return actor.departmentCode !== null && (target?.departmentCodes ?? []).includes(actor.departmentCode);
    case 'self':
      return actor.kind === 'user' && target?.userId != null && target.userId === actor.id;
  }
}

/** Roles the policy lets do this at all (in some scope); for messages and the UI. */
export function rolesAllowed<R extends Resource>(resource: R, action: ActionOf<R>): Role[] {
  return [...new Set(rulesFor(resource, action).flatMap((r) => r.roles))];
}

/**
 * The scopes in which this actor may do this, by role (and API key scope) alone, broadest first.
 * For list queries: 'town' → everything, 'own_station' → filter by the actor's station, and so on.
 */
export function grantedScopes<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R): AccessScope[] {
  const permission = `${resource}:${action}`;
  if (actor.kind === 'api_key' && !(actor.scopes ?? []).includes(permission)) return [];
  const granted = new Set(rulesFor(resource, action).filter((r) => r.roles.includes(actor.role)).map((r) => r.scope));
  return scopeOrder.filter((s) => granted.has(s));
}

/**
 * May this actor do `action` on `resource` (optionally: on this target)? Without a target only
 * town-wide rules can allow: a scoped rule needs to see the target's station, department or id.
 */
export function can<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R, target?: AccessTarget): AccessDecision {
  const permission = `${resource}:${action}`;
  const byRole = rulesFor(resource, action).filter((r) => r.roles.includes(actor.role));
  if (byRole.length === 0) {
    const allowed = rolesAllowed(resource, action);
    return {
      allowed: false,
      code: 'ROLE_NOT_PERMITTED',
      permission,
      scope: null,
      reason: {
        zh: `角色 ${actor.role} 没有 ${permission} 权限（可执行的角色：${allowed.join('、') || '无'}）`,
        en: `Role ${actor.role} lacks permission ${permission} (roles that have it: ${allowed.join(', ') || 'none'})`,
      },
    };
  }
  if (actor.kind === 'api_key' && !(actor.scopes ?? []).includes(permission)) {
    return {
      allowed: false,
      code: 'API_KEY_SCOPE_MISSING',
      permission,
      scope: null,
      reason: { zh: `API 密钥缺少授权范围 ${permission}`, en: `The API key lacks the scope ${permission}` },
    };
  }
  for (const scope of scopeOrder) {
    if (byRole.some((r) => r.scope === scope) && scopeMatches(scope, actor, target)) {
      return { allowed: true, code: 'ALLOWED', permission, scope, reason: { zh: '允许', en: 'allowed' } };
    }
  }
  const scopes = scopeOrder.filter((s) => byRole.some((r) => r.scope === s));
  return {
    allowed: false,
    code: 'OUT_OF_SCOPE',
    permission,
    scope: null,
    reason: {
      zh: `${permission} 仅限${scopes.map((s) => scopeNames[s].zh).join('或')}范围内`,
      en: `${permission} is allowed only ${scopes.map((s) => scopeNames[s].en).join(' or ')}`,
    },
  };
}
