/** Case tables (migration 0003-cases). Instants are ISO strings, flags 0/1, JSON as text. */
import type { Generated } from 'kysely';

export interface CasesTable {
  id: string;
  town_id: string;
  case_no: string;
  channel: string;
  external_id: string | null;
  status: string;
  category_code: string | null;
  urgency: string;
  description: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  grid_code: string | null;
  station_code: string | null;
  lead_unit: string | null;
  assist_units: string;
  designated: number;
  return_count: number;
  rework_count: number;
  extension_pending: number;
  escalation_level: string;
  suspended_from: string | null;
  has_reporter_contact: number;
  reporter_name_enc: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_idx: string | null;
  channel_data: string;
  classification: string | null;
  routing: string | null;
  deadlines: string;
  deadline_state: string;
  next_due_at: string | null;
  /** when the unit's own steps (签收, 处置) first ran past a deadline not met by then (domain/assessment unitOverdueSince) */
  unit_overdue_at: string | null;
  visit_outcome: string | null;
  reported_at: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** first registration (立案) and first dispatch (派遣): what the dashboard's day figures count */
  registered_at: string | null;
  dispatched_at: string | null;
  version: number;
}

export interface CaseCountersTable {
  town_id: string;
  day: string;
  last: number;
}

export interface CaseEventsTable {
  town_id: string;
  seq: number;
  case_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  actor_role: string | null;
  reason: string | null;
  data: string;
  attachments: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface EventChainHeadsTable {
  town_id: string;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  town_id: string;
  topic: string;
  payload: string;
  created_at: string;
  published_at: string | null;
  attempts: Generated<number>;
}

export interface IdempotencyKeysTable {
  town_id: string;
  key: string;
  principal: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
  expires_at: string;
}

export interface AttachmentsTable {
  town_id: string;
  sha256: string;
  media_type: string;
  size: number;
  case_id: string | null;
  uploaded_by: string;
  created_at: string;
}

/** Every case that uses a photo (a photo may serve more than one). */
export interface AttachmentUsesTable {
  town_id: string;
  sha256: string;
  case_id: string;
  created_at: string;
}

/** Everyone who uploaded a photo (the same file may come from more than one person). */
export interface AttachmentHoldersTable {
  town_id: string;
  sha256: string;
  /** the uploader's actor id (a user's, or an API key's) */
  holder: string;
  created_at: string;
}

export interface CaseLinksTable {
  town_id: string;
  case_id: string;
  other_case_id: string;
  kind: string;
  reasons: string;
  distance_m: number | null;
  similarity: number | null;
  created_at: string;
}

export interface JointMeetingsTable {
  id: string;
  town_id: string;
  case_id: string;
  lead_unit: string;
  participants: string;
  held_at: string;
  minutes: string;
  decisions: string | null;
  recorded_by: string;
  created_at: string;
}

export interface CaseTables {
  cases: CasesTable;
  case_counters: CaseCountersTable;
  case_events: CaseEventsTable;
  event_chain_heads: EventChainHeadsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  attachments: AttachmentsTable;
  attachment_uses: AttachmentUsesTable;
  attachment_holders: AttachmentHoldersTable;
  case_links: CaseLinksTable;
  joint_meetings: JointMeetingsTable;
}
