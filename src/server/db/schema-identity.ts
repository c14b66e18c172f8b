/** Identity and audit tables (migration 0002-identity). Instants are ISO strings, flags 0/1, JSON is text. */
import type { Generated } from 'kysely';
import type { Role } from '../../domain/profile/schema.js';

export interface UsersTable {
  town_id: string;
  id: string;
  /** unique per town */
  username: string;
  /** argon2id PHC string */
  password_hash: string;
  role: Role;
  station_code: string | null;
  department_code: string | null;
  /** the person (personnel.code) the account belongs to */
  personnel_code: string | null;
  display_name: string;
  active: number;
  /** consecutive failed logins since the last success or lock */
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  town_id: string;
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** absolute end, whatever the activity */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  town_id: string;
  id: string;
  name: string;
  /** the public part of the key, used to find the row */
  prefix: string;
  /** SHA-256 of the secret part, compared in constant time */
  secret_hash: string;
  /** JSON array of scopes */
  scopes: string;
  role: Role;
  station_code: string | null;
  department_code: string | null;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type AuditActorType = 'user' | 'api_key' | 'system' | 'anonymous';
export type AuditOutcome = 'success' | 'failure' | 'denied';

/** Append-only: triggers refuse UPDATE and DELETE on both dialects. */
export interface AuditLogTable {
  id: Generated<number>;
  town_id: string;
  at: string;
  actor_type: AuditActorType;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  outcome: AuditOutcome;
  resource_type: string | null;
  resource_id: string | null;
  ip: string | null;
  /** JSON object */
  detail: string | null;
}

export interface IdentityTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}
