/** The inspectors' GPS feed (migration 0011-inspector-positions). Instants are ISO strings; coordinates WGS84. */
export interface InspectorPositionsTable {
  town_id: string;
  user_id: string;
  lng: number;
  lat: number;
  accuracy_m: number | null;
  /** the device's time of the fix */
  recorded_at: string;
  received_at: string;
}

export interface InspectorPositionTrackTable {
  town_id: string;
  user_id: string;
  recorded_at: string;
  lng: number;
  lat: number;
  accuracy_m: number | null;
  received_at: string;
}

export interface PositionTables {
  inspector_positions: InspectorPositionsTable;
  inspector_position_track: InspectorPositionTrackTable;
}
