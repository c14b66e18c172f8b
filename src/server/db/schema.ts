/**
 * Table types for Kysely. Migrations create the tables; this file says what a row holds. JSON
 * columns are text (see migrations/column-types.ts); flags are 0/1; instants are ISO strings.
 */
import type { Generated } from 'kysely';
import type { CaseTables } from './schema-cases.js';
import type { CommandTables } from './schema-command.js';
import type { DashboardTables } from './schema-dashboard.js';
import type { IdentityTables } from './schema-identity.js';
import type { WebhookTables } from './schema-webhooks.js';
import type { TownProfileTables } from './schema-town-profiles.js';
import type { RecurringTables } from './schema-recurring.js';
import type { PositionTables } from './schema-positions.js';

type Flag = number;
type Json = string;
type Instant = string;

interface EntityColumns {
  town_id: string;
  code: string;
  active: Generated<Flag>;
  updated_at: Instant;
}

export interface TownsTable {
  id: string;
  name: string;
  name_en: string | null;
  district_code: string;
  district_name: string;
  timezone: string;
  center_lng: number;
  center_lat: number;
  boundary: Json;
  rules: Json;
  profile_hash: string;
  updated_at: Instant;
}

export interface CenterGroupsTable extends EntityColumns {
  name: string;
  duties: string | null;
}

export interface StationsTable extends EntityColumns {
  name: string;
  short_name: string;
  committee_code: string | null;
  temporary: Flag;
  valid_from: string | null;
  valid_to: string | null;
  takes_over_grids: Json;
  area: Json | null;
  address: string | null;
  phone: string | null;
}

export interface GridsTable extends EntityColumns {
  name: string;
  station_code: string;
  geometry: Json;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

export interface DepartmentsTable extends EntityColumns {
  name: string;
  short_name: string;
  kind: string;
  station_code: string | null;
  joint_seat: Flag;
  fallback: Flag;
  phone: string | null;
  tasks: Json;
  liaison_stations: Json;
}

export interface CategoriesTable extends EntityColumns {
  kind: string;
  major_code: string;
  major_name: string;
  name: string;
  legacy_code: string | null;
  owner: string;
  lead: string | null;
  assists: Json;
  station_level: Flag;
  persistent: Flag;
  keywords: Json;
  limits: Json;
}

export interface PersonnelTable extends EntityColumns {
  name: string;
  position: string;
  group_code: string | null;
  department_code: string | null;
  station_code: string | null;
  phone: string;
  grids: Json;
}

export interface RosterShiftsTable extends EntityColumns {
  name: string;
  start_time: string;
  end_time: string;
}

export interface RosterEntriesTable extends EntityColumns {
  weekdays: Json;
  shift_code: string;
  group_code: string | null;
  station_code: string | null;
  personnel: Json;
  leader_code: string | null;
}

export interface HolidaysTable extends EntityColumns {
  type: string;
  name: string;
}

export interface ProfileHistoryTable {
  id: Generated<number>;
  town_id: string;
  profile_hash: string;
  entity: string;
  code: string;
  change: 'insert' | 'update' | 'deactivate';
  before: Json | null;
  after: Json | null;
  changed_at: Instant;
  changed_by: string;
}

export interface DB extends IdentityTables, CaseTables, WebhookTables, DashboardTables, TownProfileTables, RecurringTables, CommandTables, PositionTables {
  towns: TownsTable;
  center_groups: CenterGroupsTable;
  stations: StationsTable;
  grids: GridsTable;
  departments: DepartmentsTable;
  categories: CategoriesTable;
  personnel: PersonnelTable;
  roster_shifts: RosterShiftsTable;
  roster_entries: RosterEntriesTable;
  holidays: HolidaysTable;
  profile_history: ProfileHistoryTable;
}

/** The tables that are synchronised from a profile, keyed by (town_id, code). */
export type ProfileEntityTable =
  | 'center_groups'
  | 'stations'
  | 'grids'
  | 'departments'
  | 'categories'
  | 'personnel'
  | 'roster_shifts'
  | 'roster_entries'
  | 'holidays'
  | 'devices';
