/** Identity and access, the pure part: actors, the declarative policy, its evaluation, masking. */
export { adminRoles, apiKeyScopes, hasScope, type Actor, type ApiKeyScope } from './actor.js';
export { accessResources, accessScopes, isPrivileged, permissionOf, policyRules } from './policy.js';
export type { AccessScope, ActionOf, Permission, PolicyRule, Resource } from './policy.js';
export { can, grantedScopes, rolesAllowed, scopeMatches, type AccessCode, type AccessDecision, type AccessTarget } from './can.js';
export { maskName, maskPhone } from './mask.js';
export { roleScopeKind, roleScopeProblems, type RoleScopeKind, type RoleScopeProblem } from './role-scope.js';
export { passwordMaxLength, passwordMinLength, passwordProblems } from './password-policy.js';
