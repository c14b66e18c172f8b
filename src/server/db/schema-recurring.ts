/** 常态长效 tables (migration 0009-recurring-problems). Instants are ISO strings, flags 0/1. */
import type { Generated } from 'kysely';

export interface RecurringRecordsTable {
  id: string;
  town_id: string;
  category_code: string;
  place_kind: string;
  place: string;
  grid_code: string;
  station_code: string | null;
  owner_unit: string;
  status: string;
  case_count: number;
  complaints: number;
  reopen_count: Generated<number>;
  plan: string | null;
  planned_at: string | null;
  struck_off_at: string | null;
  struck_off_by: string | null;
  strike_reason: string | null;
  first_reported_at: string;
  last_reported_at: string;
  opened_at: string;
  updated_at: string;
  version: number;
}

export interface RecurringSightingsTable {
  town_id: string;
  case_id: string;
  seq: number;
  category_code: string;
  grid_code: string;
  cell: string;
  station_code: string | null;
  complaint: number;
  reported_at: string;
  seen_at: string;
  record_id: string | null;
  joined_at: string | null;
  reopened: Generated<number>;
}

export interface RecurringLogTable {
  id: Generated<number>;
  town_id: string;
  record_id: string;
  kind: string;
  text: string | null;
  case_id: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  at: string;
}

export interface RecurringCcTable {
  town_id: string;
  record_id: string;
  threshold: number;
  complaints: number;
  case_id: string;
  seq: number;
  leader_code: string | null;
  notified: number;
  at: string;
}

export interface RecurringCheckpointsTable {
  town_id: string;
  seq: number;
  updated_at: string;
}

export interface RecurringTables {
  recurring_records: RecurringRecordsTable;
  recurring_sightings: RecurringSightingsTable;
  recurring_log: RecurringLogTable;
  recurring_cc: RecurringCcTable;
  recurring_checkpoints: RecurringCheckpointsTable;
}
