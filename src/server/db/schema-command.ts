/** Command modes and the device registry (migration 0010-command-modes). Instants are ISO strings, flags 0/1, JSON as text. */
import type { Generated } from 'kysely';

export interface CommandModesTable {
  id: string;
  town_id: string;
  mode: string;
  emergency_kind: string | null;
  response_level: string | null;
  commander_code: string | null;
  commander_name: string | null;
  deputy_code: string | null;
  deputy_name: string | null;
  reason: string;
  started_at: string;
  started_by: string;
  started_by_name: string;
  ended_at: string | null;
  ended_by: string | null;
  ended_by_name: string | null;
  end_kind: string | null;
  end_note: string | null;
  /** 1 while open, null once ended (unique per town) */
  open_slot: number | null;
}

export interface DevicesTable {
  town_id: string;
  code: string;
  active: Generated<number>;
  updated_at: string;
  kind: string;
  name: string;
  lng: number;
  lat: number;
  grid_code: string | null;
  /** JSON array of metric names */
  metrics: string;
}

export interface CommandTables {
  command_modes: CommandModesTable;
  devices: DevicesTable;
}
