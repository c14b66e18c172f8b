/** HTTP contracts of identity and access: session, users, API keys, audit log, personnel. */
import { z } from 'zod';
import { accessScopes } from '../domain/access/policy.js';
import { apiKeyScopes } from '../domain/access/actor.js';
import { passwordMaxLength } from '../domain/access/password-policy.js';
import { centerGroupCodes, roles } from '../domain/profile/schema.js';

export const username = z.string().regex(/^[a-z][a-z0-9_.-]{1,39}$/, 'lower-case letters, digits, _ . - (2–40, starting with a letter)');
export const orgCode = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'codes are letters, digits, - and _');
/** Names people type: letters of any script, digits, spaces and a little punctuation; no markup, quotes or SQL. */
export const plainName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{M}\p{N} ·.\-_()（）]+$/u, 'letters, digits, spaces and · . - _ ( ) only');
export const password = z.string().min(1).max(passwordMaxLength);

/** for routes that take no query parameters: unknown ones are refused, not ignored */
export const noQuery = z.strictObject({});

export const loginBody = z.strictObject({ username, password });

export const actorDto = z.object({
  kind: z.enum(['user', 'api_key']),
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  stationCode: z.string().nullable(),
  departmentCode: z.string().nullable(),
  personnelCode: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  /** every permission the actor holds, with its scopes (e.g. "cases:read": ["own_station"]) for the UI */
  permissions: z.record(z.string(), z.array(z.enum(accessScopes))),
});
export type ActorDto = z.infer<typeof actorDto>;

export const sessionDto = z.object({
  actor: actorDto,
  session: z.object({ expiresAt: z.string(), idleMinutes: z.number().int() }).nullable(),
});

export const userDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  stationCode: z.string().nullable(),
  departmentCode: z.string().nullable(),
  personnelCode: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  passwordChangedAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const userIdParams = z.strictObject({ id: z.uuid() });
export const usersQuery = z.strictObject({ role: z.enum(roles).optional(), active: z.enum(['true', 'false']).optional() });
export const createUserBody = z.strictObject({
  username,
  password,
  role: z.enum(roles),
  stationCode: orgCode.nullable().optional(),
  departmentCode: orgCode.nullable().optional(),
  personnelCode: orgCode.nullable().optional(),
  displayName: plainName.optional(),
});
export const updateUserBody = z
  .strictObject({
    displayName: plainName.optional(),
    personnelCode: orgCode.nullable().optional(),
    active: z.boolean().optional(),
    role: z.enum(roles).optional(),
    stationCode: orgCode.nullable().optional(),
    departmentCode: orgCode.nullable().optional(),
    unlock: z.literal(true).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });

export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(roles),
  scopes: z.array(z.string()),
  stationCode: z.string().nullable(),
  departmentCode: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdApiKeyDto = apiKeyDto.extend({ key: z.string() });
export const apiKeyIdParams = z.strictObject({ id: z.uuid() });
export const createApiKeyBody = z.strictObject({
  name: plainName,
  role: z.enum(roles),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
  stationCode: orgCode.nullable().optional(),
  departmentCode: orgCode.nullable().optional(),
});

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export const auditActorTypes = ['user', 'api_key', 'system', 'anonymous'] as const;
export const auditQuery = z.strictObject({
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, 'e.g. session.login').max(60).optional(),
  actorType: z.enum(auditActorTypes).optional(),
  actorName: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'a username or key name').optional(),
  outcome: z.enum(auditOutcomes).optional(),
  resourceType: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  resourceId: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** opaque: the nextCursor of the previous page */
  cursor: z.string().regex(/^\d{1,15}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorType: z.enum(auditActorTypes),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(auditOutcomes),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditPageDto = z.object({ items: z.array(auditEntryDto), nextCursor: z.string().nullable() });

export const personnelDto = z.object({
  code: z.string(),
  name: z.string(),
  position: z.string(),
  group: z.enum(centerGroupCodes).nullable(),
  departmentCode: z.string().nullable(),
  stationCode: z.string().nullable(),
  /** masked (138****5678) unless the caller's role may see staff phones */
  phone: z.string(),
  phoneMasked: z.boolean(),
  grids: z.array(z.string()),
});
export const personnelQuery = z.strictObject({ station: orgCode.optional(), department: orgCode.optional(), group: z.enum(centerGroupCodes).optional() });
export const personnelParams = z.strictObject({ code: orgCode });
